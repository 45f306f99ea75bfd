// Cells between our grid and Office.js `Range.values`. Pure functions: no Office.js at runtime.

import { Cell } from '../types';

/** What `Range.values` carries: Excel gives "" for an empty cell and the error text for an error. */
export type ExcelValue = string | number | boolean;

/**
 * Excel's error values as `Range.values` returns them. We read errors from `values` alone and do not
 * load `valueTypes`: it would add 8–10 bytes per cell ("String", "Double", ...) to every read, about
 * half again the payload and syncs of a ticket sheet (~16 bytes per cell), only to tell an error from
 * text that spells an error code.
 * Such text only exists when someone typed it with a leading apostrophe or into a text-formatted
 * cell: Excel turns a typed `#N/A` into the error itself. (#PYTHON!, #TIMEOUT!, #EXTERNAL! are newer
 * errors of Python in Excel and linked data.)
 */
export const EXCEL_ERROR_CODES: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#TIMEOUT!',
  '#EXTERNAL!',
]);

/** One value of `Range.values` as a cell of our grid. */
export function fromExcel(value: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return EXCEL_ERROR_CODES.has(value) ? { error: value } : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // Anything else (a future rich value) is shown as its text rather than dropped.
  return String(value);
}

const MONTH_FIRST_DATE = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;
const BOOLEAN_WORD = /^\s*(true|false)\s*$/i;
const FIRST_VISIBLE = /\S/u;
const LETTER = /\p{L}/u;

/**
 * Whether Excel would read this text as something else when it is assigned to `Range.values`.
 * Assignment behaves like typing: `=`, `+`, `-`, `@` start a formula, `013800138000` becomes a number
 * (losing its zero), `3-8` a date, `TRUE` a boolean, `#N/A` an error, `５０％` (full width) a number.
 * Every such text gets a leading apostrophe, Excel's "this is text" prefix, which is not part of the
 * cell's value. We prefix only where needed rather than every string, and never set the column's
 * format to text: the prefix stays with the one cell, while an "@" format would make the clerk's later
 * dates in that column text too.
 */
export function needsTextPrefix(text: string): boolean {
  const at = text.search(FIRST_VISIBLE);
  if (at < 0) return false;
  // Anything that does not start with a letter: digits, signs, = @ ' #, brackets, currency symbols,
  // full-width digits and signs. Some of these would stay text anyway; the prefix is harmless there.
  if (!LETTER.test(text[at])) return true;
  return BOOLEAN_WORD.test(text) || MONTH_FIRST_DATE.test(text);
}

/** A cell of our grid as a value to assign to `Range.values` (or `TableRowCollection.add`). */
export function toExcel(cell: Cell): ExcelValue {
  if (cell === null) return ''; // "" clears the cell; null inside `values` would leave it unchanged
  if (typeof cell === 'string') return needsTextPrefix(cell) ? `'${cell}` : cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '#NUM!';
  if (typeof cell === 'boolean') return cell;
  // Excel parses a typed error code into the error value itself.
  return cell.error;
}

export function rowToExcel(row: ReadonlyArray<Cell>, width: number): ExcelValue[] {
  const out: ExcelValue[] = new Array<ExcelValue>(width);
  for (let c = 0; c < width; c++) out[c] = c < row.length ? toExcel(row[c]) : '';
  return out;
}
