// Problem marks, the same design in both back ends. The add-in never formats a clerk's cells: for
// each data sheet with marks it owns a very-hidden "mark sheet" whose cell at the same address as a
// data cell holds 2 (error), 1 (warning) or nothing, and the data sheet carries two conditional
// formats over the whole sheet whose formulas read the mark sheet by relative reference
// (`_dk_1a2b3c4d!A1=2`). Excel evaluates the rule per cell, so writing marks is writing plain numbers
// into our own sheet: no per-cell format calls, nothing of the clerk's touched, and removing a mark
// is clearing a number. Our conditional formats are recognised by their formula naming our mark
// sheet, so the clerk's own rules are never read as ours or changed.
//
// Cross-sheet references in conditional formats: Excel 2007 refuses them; Excel 2010 and later accept
// them and save them in the x14 extension of the sheet part (MS-OI29500 3.2.3.1.2: the main
// <conditionalFormatting> block shall not hold 3-D references). The Office back end needs ExcelApi
// 1.8, i.e. Excel 2019 or Microsoft 365, and lets Excel store the rule; the file back end writes it
// where Excel would, in the x14 extension, with its format inline (file/marks.ts).
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

/** The conditional-format formula of a severity, relative to A1 of the data sheet (no leading '='). */
export function markRuleFormula(markSheet: string, severity: CellMark['severity']): string {
  return `${markSheet}!A1=${MARK_VALUE[severity]}`;
}

/**
 * Which of our rules a conditional-format formula is, or null when it is not ours (the clerk's).
 * Tolerates what Excel may give back: a leading '=', quotes around the sheet name, `$`-free A1, spaces.
 */
export function ourRuleSeverity(formula: string, markSheet: string): CellMark['severity'] | null {
  const f = formula.trim().replace(/^=/, '').replace(/\s+/g, '');
  const m = /^'?([^'!]+)'?!\$?A\$?1=([12])$/i.exec(f);
  if (!m || m[1].toLowerCase() !== markSheet.toLowerCase()) return null;
  return m[2] === '2' ? 'error' : 'warning';
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

/** A rectangle of mark values to write: rows r0.., columns c0..; 0 for no mark. */
export interface MarkBlock {
  readonly row: number;
  readonly col: number;
  readonly values: number[][];
}

/**
 * Marks as few rectangles: consecutive marked rows form one block spanning their columns. Marks
 * outside `scope` (when given) are left out; of two marks on one cell the error wins.
 */
export function markBlocks(marks: ReadonlyArray<CellMark>, scope?: ReadonlySet<number>): MarkBlock[] {
  const byRow = new Map<number, Map<number, number>>();
  for (const m of marks) {
    if (!Number.isInteger(m.row) || !Number.isInteger(m.col) || m.row < 0 || m.col < 0) continue;
    if (scope && !scope.has(m.row)) continue;
    const row = byRow.get(m.row) ?? new Map<number, number>();
    row.set(m.col, Math.max(row.get(m.col) ?? 0, MARK_VALUE[m.severity]));
    byRow.set(m.row, row);
  }
  return rowRuns(byRow.keys()).map(({ start, count }) => {
    let c0 = Infinity;
    let c1 = -1;
    for (let r = start; r < start + count; r++) {
      for (const c of (byRow.get(r) as Map<number, number>).keys()) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    const values: number[][] = [];
    for (let r = start; r < start + count; r++) {
      const row = new Array<number>(c1 - c0 + 1).fill(0);
      for (const [c, v] of byRow.get(r) as Map<number, number>) row[c - c0] = v;
      values.push(row);
    }
    return { row: start, col: c0, values };
  });
}
