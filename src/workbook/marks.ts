// Problem marks, the same design in both back ends. The add-in never formats a clerk's cells: for
// each data sheet with marks it owns a very-hidden "mark sheet" whose cell at the same address as a
// data cell holds the mark as text, "2|<key>" (error) or "1|<key>" (warning), or nothing; the key is
// what the row's key cell (its ticket ID, its unit) held when it was judged. The data sheet carries
// two conditional formats over the whole sheet whose formulas read the mark sheet by relative
// reference and the row's key cell by a same-sheet reference (`_dk_1a2b3c4d!A1="2|"&$A1`). Excel
// evaluates the rule per cell, so writing marks is writing plain text into our own sheet: no per-cell
// format calls, nothing of the clerk's touched, and removing a mark is clearing a cell. Our
// conditional formats are recognised by their formula naming our mark sheet, so the clerk's own rules
// are never read as ours or changed.
//
// Why the key: rows inserted or deleted above a mark move the clerk's rows but not the mark sheet's.
// Nobody shifts mark sheet rows (a co-author's pane and ours would both do it, and Excel merges both);
// marks are moved only by being written again from the data. Until then a mark whose row now holds
// another ticket no longer matches its key and shows nowhere: a stale mark can disappear, it cannot
// land on a neighbour.
//
// Cross-sheet references in conditional formats: Excel 2007 refuses them; Excel 2010 and later accept
// them and save them in the x14 extension of the sheet part (MS-OI29500 3.2.3.1.2: the main
// <conditionalFormatting> block shall not hold 3-D references). The Office back end needs ExcelApi
// 1.8, i.e. Excel 2019 or Microsoft 365, and lets Excel store the rule; the file back end writes it
// where Excel would, in the x14 extension, with its format inline (file/marks.ts).
import { Cell, isCellError } from '../domain/grid';
import { columnIndex, columnLetter, MAX_COLS } from './a1';
import { CellMark } from './types';

export const MARK_SHEET_PREFIX = '_dk_';
const MARK_SHEET_NAME = /^_dk_[0-9a-f]{8}$/i;

/** What a mark sheet cell holds. */
export const MARK_VALUE: Readonly<Record<CellMark['severity'], number>> = { error: 2, warning: 1 };

/** Fill and font of each severity: Excel's own "light red fill with dark red text" and its yellow. */
export const MARK_STYLE: Readonly<Record<CellMark['severity'], { readonly fill: string; readonly font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};

export const SEVERITIES: ReadonlyArray<CellMark['severity']> = ['error', 'warning'];

/** FNV-1a, 32 bits, over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The mark sheet of a data sheet: `_dk_` and 8 hex digits of a hash of the sheet's name. Excel's
 * sheet names ignore case, so the hash does too. 12 characters: within Excel's 31, and a name a
 * formula may use without quotes.
 */
export function markSheetName(dataSheet: string): string {
  return MARK_SHEET_PREFIX + fnv1a(dataSheet.toLocaleLowerCase()).toString(16).padStart(8, '0');
}

/** Whether a sheet name has the shape of one of our mark sheets (the back ends also check that it is
 *  very hidden before treating it as ours). */
export function isMarkSheetName(name: string): boolean {
  return MARK_SHEET_NAME.test(name);
}

/**
 * A key cell as Excel's `cell&""` gives it as text, which is what the rule compares: text as it is,
 * a number in General form (up to 15 significant digits), TRUE/FALSE, nothing as "". An error value
 * makes the rule's formula an error, which shows no mark: its text here never matches.
 */
export function markKeyText(key: Cell): string {
  if (key === null) return '';
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return key ? 'TRUE' : 'FALSE';
  if (isCellError(key)) return key.error;
  if (Number.isInteger(key) && Math.abs(key) < 1e15) return String(key);
  return String(Number(key.toPrecision(15))).replace('e', 'E');
}

/** What a mark sheet cell holds for a mark: "2|GD-20261201-0001". */
export function markCellText(severity: CellMark['severity'], key: Cell): string {
  return `${MARK_VALUE[severity]}|${markKeyText(key)}`;
}

/** A mark sheet cell's mark, or null: a number left by an earlier version (keyless) is no mark. */
export function parseMarkCell(value: unknown): { severity: CellMark['severity']; key: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^([12])\|/.exec(value);
  if (!m) return null;
  return { severity: m[1] === '2' ? 'error' : 'warning', key: value.slice(2) };
}

/** The conditional-format formula of a severity, relative to A1 of the data sheet (no leading '='):
 *  the mark sheet's cell at the same address equals the severity and the row's key, read from the
 *  key column `keyCol` (0-based) of the same row. */
export function markRuleFormula(markSheet: string, severity: CellMark['severity'], keyCol: number): string {
  return `${markSheet}!A1="${MARK_VALUE[severity]}|"&$${columnLetter(keyCol)}1`;
}

/** One of our rules, read back: its severity and key column (null for a keyless rule of an earlier
 *  version, to be replaced). */
export interface OurRule {
  readonly severity: CellMark['severity'];
  readonly keyCol: number | null;
}

/**
 * Which of our rules a conditional-format formula is, or null when it is not ours (the clerk's).
 * Tolerates what Excel may give back: a leading '=', quotes around the sheet name, `$`-free A1, spaces.
 */
export function ourRule(formula: string, markSheet: string): OurRule | null {
  const f = formula.trim().replace(/^=/, '').replace(/\s+/g, '');
  const keyed = /^'?([^'!]+)'?!\$?A\$?1="([12])\|"&\$([A-Z]{1,3})\$?1$/i.exec(f);
  const keyless = keyed ? null : /^'?([^'!]+)'?!\$?A\$?1=([12])$/i.exec(f);
  const m = keyed ?? keyless;
  if (!m || m[1].toLowerCase() !== markSheet.toLowerCase()) return null;
  const keyCol = keyed ? columnIndex(keyed[3]) : null;
  if (keyCol !== null && keyCol >= MAX_COLS) return null;
  return { severity: m[2] === '2' ? 'error' : 'warning', keyCol };
}

/** Which rule a sheet still needs to show marks keyed by `keyCol`, given the rules of ours it has:
 *  each severity lacking a rule of that key column. */
export function rulesToAdd(found: ReadonlyArray<OurRule>, keyCol: number): CellMark['severity'][] {
  return SEVERITIES.filter((s) => !found.some((r) => r.severity === s && r.keyCol === keyCol));
}

/** Sorted distinct rows as runs of consecutive rows. */
export function rowRuns(rows: Iterable<number>): { start: number; count: number }[] {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 0).sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === r) last.count++;
    else runs.push({ start: r, count: 1 });
  }
  return runs;
}

/** A rectangle of mark sheet cells to write: rows r0.., columns c0..; "" for no mark. */
export interface MarkBlock {
  readonly row: number;
  readonly col: number;
  readonly values: string[][];
}

/**
 * Marks as few rectangles: consecutive marked rows form one block spanning their columns. Marks
 * outside `scope` (when given) are left out; of two marks on one cell the error wins.
 */
export function markBlocks(marks: ReadonlyArray<CellMark>, scope?: ReadonlySet<number>): MarkBlock[] {
  const byRow = new Map<number, Map<number, CellMark>>();
  for (const m of marks) {
    if (!Number.isInteger(m.row) || !Number.isInteger(m.col) || m.row < 0 || m.col < 0) continue;
    if (scope && !scope.has(m.row)) continue;
    const row = byRow.get(m.row) ?? new Map<number, CellMark>();
    const had = row.get(m.col);
    if (!had || (had.severity === 'warning' && m.severity === 'error')) row.set(m.col, m);
    byRow.set(m.row, row);
  }
  return rowRuns(byRow.keys()).map(({ start, count }) => {
    let c0 = Infinity;
    let c1 = -1;
    for (let r = start; r < start + count; r++) {
      for (const c of (byRow.get(r) as Map<number, CellMark>).keys()) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    const values: string[][] = [];
    for (let r = start; r < start + count; r++) {
      const row = new Array<string>(c1 - c0 + 1).fill('');
      for (const [c, m] of byRow.get(r) as Map<number, CellMark>) row[c - c0] = markCellText(m.severity, m.key);
      values.push(row);
    }
    return { row: start, col: c0, values };
  });
}
