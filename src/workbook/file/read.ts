// Reading cell values, through SheetJS for now. Everything SheetJS-specific is in this file, so a
// faster reader can replace it behind the same function.
import * as XLSX from 'xlsx';
import { wallToSerial } from '../../domain/time';
import { cellRef, rangeRef } from '../a1';
import { Cell, SheetGrid, WorkbookError } from '../types';
import { storedEntry, writeZip } from './zip';

/** SheetJS keeps error cells as a code (cellText is off, which saves formatting every cell). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Text of an error cell SheetJS has no code for (#SPILL!, #CALC!, ...), from the sheet itself. */
export type ErrorTextLookup = (sheet: string, row: number, col: number) => string | undefined;

/** The SheetJS options of every read: plain values, nothing formatted. */
const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false,
  cellNF: false,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  cellFormula: false,
};

/** Node's Buffer, where there is one: SheetJS decodes a Buffer natively, a plain Uint8Array through
 *  TextDecoder and a second copy of the text (measured: 10% more peak memory on a 184 MiB sheet). */
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;
/** The same bytes as a Buffer in Node (a view, not a copy); as they are elsewhere. */
const asBuffer = (b: Uint8Array): Uint8Array => (NodeBuffer ? NodeBuffer.from(b.buffer, b.byteOffset, b.byteLength) : b);

/** SheetJS's reader of an opened package (exported by the build this project pins; see below). */
type ParseZip = (zip: unknown, options: XLSX.ParsingOptions) => XLSX.WorkBook;

/**
 * The parsed workbook, from parts already inflated (and checked) by the file back end. SheetJS's
 * own zip reader checks no CRC and inflates without a bound, so it is handed the inflated parts in
 * the container its reader builds (CFB's, as `XLSX.CFB` exposes it) and parses them where they lie,
 * with no copy; should a SheetJS build lack `parse_zip`, the parts go to `XLSX.read` as a zip of
 * stored entries instead.
 */
function parseParts(parts: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>, names: ReadonlyArray<string>): XLSX.WorkBook {
  const options = { ...READ_OPTIONS, sheets: [...names] };
  const parseZip = (XLSX as unknown as { parse_zip?: ParseZip }).parse_zip;
  const cfb = (XLSX.CFB as { utils?: { cfb_new?: () => unknown; cfb_add?: (c: unknown, name: string, content: Uint8Array, o: object) => void } }).utils;
  if (parseZip && cfb?.cfb_new && cfb.cfb_add) {
    const container = cfb.cfb_new();
    for (const p of parts) cfb.cfb_add(container, p.name, asBuffer(p.bytes), { unsafe: true });
    return parseZip(container, options);
  }
  return XLSX.read(writeZip(parts.map((p) => storedEntry(p.name, [p.bytes]))), { ...options, type: 'array' });
}

/** What the file back end knows of a sheet it asks for: its part, to name in the words. */
export interface SheetToRead {
  readonly name: string;
  readonly part: string;
}

/**
 * Values of the named sheets, from the parts of an .xlsx package (inflated, names as in the
 * package). SheetJS drops a sheet (or the shared strings) it fails to parse without a word: a sheet
 * asked for that it did not give back is an error naming it, never an empty sheet.
 */
export function readGrids(
  parts: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>,
  sheets: ReadonlyArray<SheetToRead>,
  errorText: ErrorTextLookup,
  strings?: { readonly part: string; readonly entries: number },
): SheetGrid[] {
  let wb: XLSX.WorkBook;
  try {
    wb = parseParts(
      parts,
      sheets.map((s) => s.name),
    );
  } catch (e) {
    throw new WorkbookError('CORRUPT', { reason: 'UNREADABLE' }, { cause: e });
  }
  const parsedStrings = (wb as { Strings?: unknown[] }).Strings?.length ?? 0;
  if (strings && parsedStrings < strings.entries) throw new WorkbookError('CORRUPT', { reason: 'PART_UNREADABLE', part: strings.part });
  return sheets.map((s) => {
    const ws = wb.Sheets[s.name];
    if (!ws) throw new WorkbookError('CORRUPT', { reason: 'PART_UNREADABLE', part: s.part, sheet: s.name });
    return toGrid(s.name, ws, errorText);
  });
}

function toCell(cell: XLSX.CellObject | undefined, sheet: string, row: number, col: number, errorText: ErrorTextLookup): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return cell.v as number;
    case 's':
      return cell.v as string;
    case 'b':
      return cell.v as boolean;
    case 'e': {
      const code = cell.v as number | undefined;
      const text = (code !== undefined ? ERROR_TEXT[code] : undefined) ?? errorText(sheet, row, col) ?? '#N/A';
      return { error: text };
    }
    case 'd':
      // not produced with cellDates off; kept as a serial number if a future reader does
      return cell.v instanceof Date ? wallToSerial(cell.v.getTime()) : null;
    default:
      return null;
  }
}

/** The most cells one sheet's grid may span (100,000 rows × 24 columns is 2.4 M). */
const MAX_GRID_CELLS = 30_000_000;

/** The used range: the box around every cell that holds a value (whatever <dimension> says); a
 *  sheet without values has no rows. */
function toGrid(name: string, ws: XLSX.WorkSheet, errorText: ErrorTextLookup): SheetGrid {
  const data = (ws['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell || cell.t === 'z') return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    });
  });
  // Only cells with values count, as in Excel's valuesOnly used range: a <dimension> that claims
  // more (a tool that writes A1:XFD1048576) must not turn into a million empty rows.
  if (r1 < 0) return { name, originRow: 0, originCol: 0, rows: [] };
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_GRID_CELLS) {
    // A grid is dense: a stray value far from the table would make it billions of empty cells.
    const far = cellRef(r1, c1);
    const range = rangeRef({ start: { row: r0, col: c0 }, end: { row: r1, col: c1 } });
    throw new WorkbookError('TOO_LARGE', { reason: 'SHEET_SPREAD', sheet: name, range, limit: MAX_GRID_CELLS, cell: far });
  }
  const rows: Cell[][] = [];
  for (let r = r0; r <= r1; r++) {
    const src = data[r];
    const row: Cell[] = new Array<Cell>(c1 - c0 + 1);
    for (let c = c0; c <= c1; c++) row[c - c0] = toCell(src?.[c], name, r, c, errorText);
    rows.push(row);
  }
  return { name, originRow: r0, originCol: c0, rows };
}
