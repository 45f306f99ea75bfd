// A1 references and Excel's limits: the one owner for both back ends and for the formulas the app
// writes. Rows and columns are 0-based in the code; the A1 text is 1-based (row 0 is "1").
import type { Box } from './types';

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** The most characters of a dropdown list typed as values ("a,b,c") in a data validation. */
export const MAX_LIST_CHARS = 255;

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface Range {
  readonly start: CellPos;
  readonly end: CellPos;
}

const letters: string[] = [];

/** 0 -> `A`, 25 -> `Z`, 26 -> `AA`, 16383 -> `XFD` */
export function columnLetter(col: number): string {
  const cached = letters[col];
  if (cached !== undefined) return cached;
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col < 1024) letters[col] = s;
  return s;
}

/** `A` -> 0, `Z` -> 25, `AA` -> 26, `XFD` -> 16383 (either case) */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) -> `A1` */
export function cellRef(row: number, col: number): string {
  return columnLetter(col) + (row + 1);
}

/** `B3` or `$B$3` -> { row: 2, col: 1 }; null when it is not a cell reference. */
export function parseCell(ref: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref.trim());
  if (!m) return null;
  return { row: parseInt(m[2], 10) - 1, col: columnIndex(m[1]) };
}

/** `A1:C9`, or a single cell `B3` (a range of one cell); null when it is not one. */
export function parseRange(ref: string): Range | null {
  const [a, b] = ref.split(':');
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return null;
  return { start, end };
}

/** `A1:C9`; a range of one cell is just that cell (`B3`). */
export function rangeRef(range: Range): string {
  const a = cellRef(range.start.row, range.start.col);
  const b = cellRef(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}

/** A box of cells (top-left, height, width) as a range reference. */
export function boxRef(box: Box): string {
  return rangeRef({ start: { row: box.row, col: box.col }, end: { row: box.row + box.rows - 1, col: box.col + box.cols - 1 } });
}

/** `A1:XFD1048576`: every cell of a sheet. */
export const WHOLE_SHEET = boxRef({ row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS });

/**
 * The top-left cell of an address as Office.js returns it: `Sheet1!B2:D9`, `'My sheet'!A1`,
 * `工单!A1:X50001`. The cell part follows the last "!" (a quoted sheet name may contain one, the cell
 * part cannot).
 */
export function addressOrigin(address: string): CellPos {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(cells);
  if (!match) throw new Error(`Not an A1 address: ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}
