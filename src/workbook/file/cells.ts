// Cells and rows as SpreadsheetML. Text is always a string cell (never a formula, whatever it starts
// with); numbers must be finite; errors are written as error constants.
import { Cell } from '../types';
import { utf8 } from './bytes';
import { columnLetter } from '../a1';
import { escapeText } from './xml';

/** Error constants Excel accepts as cell values in a file. */
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

/** The shared-strings table of a workbook this back end created (and so owns). */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private references = 0;

  indexOf(text: string): number {
    this.references++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  /** A point to roll back to if a write fails half-way. */
  mark(): { size: number; references: number } {
    return { size: this.list.length, references: this.references };
  }

  rollback(mark: { size: number; references: number }): void {
    for (const text of this.list.splice(mark.size)) this.index.delete(text);
    this.references = mark.references;
  }

  toChunks(): Uint8Array[] {
    const chunks: Uint8Array[] = [
      utf8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.list.length}">`,
      ),
    ];
    const batch = 4096;
    for (let i = 0; i < this.list.length; i += batch) {
      let s = '';
      for (const text of this.list.slice(i, i + batch)) s += `<si><t${preserve(text)}>${escapeText(text)}</t></si>`;
      chunks.push(utf8(s));
    }
    chunks.push(utf8('</sst>'));
    return chunks;
  }
}

const NEEDS_PRESERVE = /^\s|\s$|[\n\t]/;

function preserve(text: string): string {
  return NEEDS_PRESERVE.test(text) ? ' xml:space="preserve"' : '';
}

export function describeCell(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * One `<c>` element; '' for an empty cell without style. `strings` is the shared-strings table, or
 * null to write inline strings (a workbook opened from bytes keeps its shared strings untouched).
 */
export function cellXml(ref: string, value: Cell, style: number, strings: SharedStrings | null, p = '', keepStyledEmpty = false): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (value === null || value === '') return s && keepStyledEmpty ? `<${p}c r="${ref}"${s}/>` : '';
  switch (typeof value) {
    case 'string':
      if (strings) return `<${p}c r="${ref}"${s} t="s"><${p}v>${strings.indexOf(value)}</${p}v></${p}c>`;
      return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${preserve(value)}>${escapeText(value)}</${p}t></${p}is></${p}c>`;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a finite number`);
      return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
    case 'boolean':
      return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    default:
      if (typeof value !== 'object' || typeof value.error !== 'string' || !ERROR_VALUES.has(value.error)) {
        throw new Error(`cell ${ref}: cannot write ${describeCell(value)} (not a cell value)`);
      }
      return `<${p}c r="${ref}"${s} t="e"><${p}v>${value.error}</${p}v></${p}c>`;
  }
}

/** How rows are written: `p` is the namespace prefix of the sheet's elements ('' almost always);
 *  `keepStyledEmpty` writes empty cells that carry a style (appending below a bordered block). */
export interface RowFormat {
  readonly p: string;
  readonly keepStyledEmpty: boolean;
}

const PLAIN: RowFormat = { p: '', keepStyledEmpty: false };

/** A `<row>` with its cells from column `startCol`; `styles[i]` is the style of the i-th cell. */
export function rowXml(
  row: number,
  startCol: number,
  cells: ReadonlyArray<Cell>,
  styles: ReadonlyArray<number>,
  strings: SharedStrings | null,
  format: RowFormat = PLAIN,
): string {
  const { p, keepStyledEmpty } = format;
  const rowNumber = row + 1;
  let out = `<${p}row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) out += cellXml(columnLetter(startCol + i) + rowNumber, cells[i], styles[i] ?? 0, strings, p, keepStyledEmpty);
  return out + `</${p}row>`;
}

/** Rows as UTF-8 chunks of a few hundred rows each: no giant string, however many rows. */
export function rowChunks(
  firstRow: number,
  startCol: number,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  styles: ReadonlyArray<number>,
  strings: SharedStrings | null,
  format: RowFormat = PLAIN,
): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const batch = 512;
  for (let i = 0; i < rows.length; i += batch) {
    let s = '';
    const end = Math.min(rows.length, i + batch);
    for (let r = i; r < end; r++) s += rowXml(firstRow + r, startCol, rows[r], styles, strings, format);
    chunks.push(utf8(s));
  }
  return chunks;
}
