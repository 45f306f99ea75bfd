// A sheet's cells as they are read, row by row, into the grid of its used range: the box around
// every cell that holds a value (whatever <dimension> says), as Excel's valuesOnly used range.
import { cellRef, rangeRef } from '../a1';
import { Cell, SheetGrid, WorkbookError } from '../types';

/** The most cells one sheet's grid may span (100,000 rows × 24 columns is 2.4 M). */
export const MAX_GRID_CELLS = 30_000_000;

export class GridRows {
  /** rows by 0-based sheet row; in each, cells by 0-based column (a hole: no cell) */
  private readonly rows: (Cell[] | undefined)[] = [];
  private r0 = Infinity;
  private c0 = Infinity;
  private r1 = -1;
  private c1 = -1;

  set(row: number, col: number, value: Cell): void {
    let r = this.rows[row];
    if (r === undefined) {
      if (row >= this.rows.length) this.rows.length = row; // a long run of empty rows stays holes
      // as wide as the widest row so far: a row grown a cell at a time is copied as it grows
      r = this.rows[row] = this.c1 >= 0 && this.c1 < 1024 ? new Array<Cell>(this.c1 + 1) : [];
    }
    r[col] = value;
    if (row < this.r0) this.r0 = row;
    if (row > this.r1) this.r1 = row;
    if (col < this.c0) this.c0 = col;
    if (col > this.c1) this.c1 = col;
  }

  /** The cell at a place, null where there is none. */
  get(row: number, col: number): Cell {
    return this.rows[row]?.[col] ?? null;
  }

  /** The grid, each row as wide as the used range. A grid is dense: a stray value far from the
   *  table would make it billions of empty cells, and is refused. */
  finish(name: string): SheetGrid {
    const { r0, r1, c0, c1 } = this;
    if (r1 < 0) return { name, originRow: 0, originCol: 0, rows: [] };
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_GRID_CELLS) {
      const range = rangeRef({ start: { row: r0, col: c0 }, end: { row: r1, col: c1 } });
      throw new WorkbookError('TOO_LARGE', { reason: 'SHEET_SPREAD', sheet: name, range, limit: MAX_GRID_CELLS, cell: cellRef(r1, c1) });
    }
    const width = c1 - c0 + 1;
    const out: Cell[][] = new Array<Cell[]>(r1 - r0 + 1);
    for (let r = r0; r <= r1; r++) {
      const src = this.rows[r];
      let row: Cell[];
      if (src !== undefined && c0 === 0) {
        // the row read is the row kept: its holes filled, its length the grid's
        row = src;
        for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
        row.length = width;
      } else {
        row = new Array<Cell>(width);
        for (let c = 0; c < width; c++) row[c] = src?.[c + c0] ?? null;
      }
      this.rows[r] = undefined;
      out[r - r0] = row;
    }
    return { name, originRow: r0, originCol: c0, rows: out };
  }
}
