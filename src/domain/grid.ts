// A sheet as plain values: the vocabulary the domain reads (table.ts, cells.ts) and the workbook
// interface (workbook/types.ts) speaks. It lives here so that the domain imports nothing of a workbook.

/** An Excel error value such as #N/A or #VALUE! */
export interface CellError {
  readonly error: string;
}

/**
 * A cell as read or written. Dates are Excel serial numbers (days since 1899-12-30, wall-clock, no
 * time zone); the column's number format makes them show as dates. Text that starts with = is
 * always written as text, never as a formula.
 */
export type Cell = string | number | boolean | null | CellError;

export function isCellError(c: Cell): c is CellError {
  return typeof c === 'object' && c !== null;
}

/** Two cells hold the same value (an empty string is an empty cell). */
export function sameCell(a: Cell, b: Cell): boolean {
  const x = a === '' ? null : a;
  const y = b === '' ? null : b;
  if (isCellError(x) || isCellError(y)) return isCellError(x) && isCellError(y) && x.error === y.error;
  return x === y;
}

/** The used part of a sheet, as values. */
export interface SheetGrid {
  readonly name: string;
  /** 0-based row and column of rows[0][0] in the sheet (the used range may not start at A1) */
  readonly originRow: number;
  readonly originCol: number;
  /** rows of the used range; every row has the same length. Read-only: a back end may hand out the
   *  rows it keeps (the file back end's cache) */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>;
}
