// A1-style cell references, 0-based row and column numbers inside the code.
import { columnLetter as colName } from '../a1';

export { colName };

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface Range {
  readonly start: CellPos;
  readonly end: CellPos;
}

export function cellRef(row: number, col: number): string {
  return colName(col) + (row + 1);
}

export function parseCell(ref: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(m[2], 10) - 1, col: col - 1 };
}

export function parseRange(ref: string): Range | null {
  const [a, b] = ref.split(':');
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return null;
  return { start, end };
}

export function rangeRef(range: Range): string {
  const a = cellRef(range.start.row, range.start.col);
  const b = cellRef(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}
