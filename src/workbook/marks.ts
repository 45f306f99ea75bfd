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
//
// Two layers of marks, each with its own mark sheet and its own rules, so that neither ever clears
// or rewrites the other's: the problem marks of validation (a cell each, `_dk_…`) and the due
// colours of the ticket sheet (a whole row each, `_dk_due_…`: every cell of a data row reads column A
// of its row on the mark sheet, `_dk_due_1a2b3c4d!$A1="4|"&$A1`). Where both colour a cell, the
// problem mark shows: its rules rank above the due colours' (Office: ours are added at the top and
// the due colours' moved to the bottom; files: by the rules' priority numbers). The clerk's own rules
// rank above the due colours too.
import { Cell, isCellError } from '../domain/grid';
import { columnIndex, columnLetter, MAX_COLS } from './a1';
import { CellMark, RowState } from './types';

/** One set of the add-in's marks: the states it shows, each with the digit its mark sheet cells
 *  start with and its look; whole rows or single cells. */
export interface MarkLayer<S extends string = string> {
  /** what its mark sheets' names start with */
  readonly prefix: string;
  /** in the order their rules are added */
  readonly states: ReadonlyArray<S>;
  readonly value: Readonly<Record<S, number>>;
  readonly style: Readonly<Record<S, { readonly fill: string; readonly font?: string }>>;
  /** a mark colours its whole row (kept in column A of the mark sheet), not a cell */
  readonly wholeRow: boolean;
}

/** Validation's marks on cells: Excel's own "light red fill with dark red text" and its yellow. */
export const PROBLEM_MARKS: MarkLayer<CellMark['severity']> = {
  prefix: '_dk_',
  states: ['error', 'warning'],
  value: { error: 2, warning: 1 },
  style: { error: { fill: '#FFC7CE', font: '#9C0006' }, warning: { fill: '#FFEB9C', font: '#9C5700' } },
  wholeRow: false,
};

/** The due colours of ticket rows: a soft orange for overdue, a pale gold for due soon. A fill only:
 *  the clerk's font stays, and a problem mark's darker text and stronger fill stand out inside it. */
export const DUE_MARKS: MarkLayer<RowState> = {
  prefix: '_dk_due_',
  states: ['overdue', 'dueSoon'],
  value: { overdue: 4, dueSoon: 3 },
  style: { overdue: { fill: '#F8CBAD' }, dueSoon: { fill: '#FFF2CC' } },
  wholeRow: true,
};

/** The layers from the highest ranking: where two colour one cell, the first shows. */
export const MARK_LAYERS: ReadonlyArray<MarkLayer> = [PROBLEM_MARKS, DUE_MARKS];

export const MARK_SHEET_PREFIX = PROBLEM_MARKS.prefix;
const MARK_SHEET_NAME = /^_dk_(?:due_)?[0-9a-f]{8}$/i;

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
 * The mark sheet of a data sheet: the layer's prefix (`_dk_`, `_dk_due_`) and 8 hex digits of a hash
 * of the sheet's name. Excel's sheet names ignore case, so the hash does too. 12 or 16 characters:
 * within Excel's 31, and a name a formula may use without quotes.
 */
export function markSheetName(dataSheet: string, layer: MarkLayer = PROBLEM_MARKS): string {
  return layer.prefix + fnv1a(dataSheet.toLocaleLowerCase()).toString(16).padStart(8, '0');
}

/** Whether a sheet name has the shape of one of our mark sheets, of either layer (the back ends also
 *  check that it is very hidden before treating it as ours). */
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
export function markCellText<S extends string>(layer: MarkLayer<S>, state: S, key: Cell): string {
  return `${layer.value[state]}|${markKeyText(key)}`;
}

/** A mark sheet cell's mark of the layer, or null: a number left by an earlier version (keyless), or
 *  another layer's digit, is no mark. */
export function parseMarkCell<S extends string>(layer: MarkLayer<S>, value: unknown): { state: S; key: string } | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d)\|/.exec(value);
  const state = m ? layer.states.find((s) => String(layer.value[s]) === m[1]) : undefined;
  return state === undefined ? null : { state, key: value.slice(2) };
}

/** The conditional-format formula of a state, relative to A1 of the data sheet (no leading '='):
 *  the mark sheet's cell at the same address (whole rows: column A of the same row) equals the
 *  state's digit and the row's key, read from the key column `keyCol` (0-based) of the same row. */
export function markRuleFormula<S extends string>(layer: MarkLayer<S>, markSheet: string, state: S, keyCol: number): string {
  return `${markSheet}!${layer.wholeRow ? '$A1' : 'A1'}="${layer.value[state]}|"&$${columnLetter(keyCol)}1`;
}

/** One of our rules, read back: its state and key column (null for a keyless rule of an earlier
 *  version, to be replaced). */
export interface OurRule<S extends string = string> {
  readonly state: S;
  readonly keyCol: number | null;
}

/**
 * Which of the layer's rules a conditional-format formula is, or null when it is not one (the
 * clerk's, or the other layer's: each layer reads its own mark sheet). Tolerates what Excel may give
 * back: a leading '=', quotes around the sheet name, `$`s, spaces.
 */
export function ourRule<S extends string>(layer: MarkLayer<S>, formula: string, markSheet: string): OurRule<S> | null {
  const f = formula.trim().replace(/^=/, '').replace(/\s+/g, '');
  const keyed = /^'?([^'!]+)'?!\$?A\$?1="(\d)\|"&\$([A-Z]{1,3})\$?1$/i.exec(f);
  // keyless rules (`_dk_x!A1=2`) were written by versions before keys, for problems only
  const keyless = keyed || layer !== (PROBLEM_MARKS as MarkLayer) ? null : /^'?([^'!]+)'?!\$?A\$?1=(\d)$/i.exec(f);
  const m = keyed ?? keyless;
  if (!m || m[1].toLowerCase() !== markSheet.toLowerCase()) return null;
  const state = layer.states.find((s) => String(layer.value[s]) === m[2]);
  if (state === undefined) return null;
  const keyCol = keyed ? columnIndex(keyed[3]) : null;
  if (keyCol !== null && keyCol >= MAX_COLS) return null;
  return { state, keyCol };
}

/** Which rules a sheet still needs to show the layer's marks keyed by `keyCol`, given the rules of
 *  the layer it has: each state lacking a rule of that key column. */
export function rulesToAdd<S extends string>(layer: MarkLayer<S>, found: ReadonlyArray<OurRule<S>>, keyCol: number): S[] {
  return layer.states.filter((s) => !found.some((r) => r.state === s && r.keyCol === keyCol));
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
      for (const [c, m] of byRow.get(r) as Map<number, CellMark>) row[c - c0] = markCellText(PROBLEM_MARKS, m.severity, m.key);
      values.push(row);
    }
    return { row: start, col: c0, values };
  });
}

/** Row colours as the text of column A of the due mark sheet, by 0-based row (one colour per row:
 *  overdue outranks due soon should a row be given both). */
export function rowMarkTexts(marks: ReadonlyArray<{ readonly row: number; readonly state: RowState; readonly key: Cell }>): Map<number, string> {
  const states = new Map<number, { state: RowState; key: Cell }>();
  for (const m of marks) {
    if (!Number.isInteger(m.row) || m.row < 0) continue;
    const had = states.get(m.row);
    if (!had || (had.state === 'dueSoon' && m.state === 'overdue')) states.set(m.row, { state: m.state, key: m.key });
  }
  return new Map([...states].sort((a, b) => a[0] - b[0]).map(([row, m]) => [row, markCellText(DUE_MARKS, m.state, m.key)]));
}
