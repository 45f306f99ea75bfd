// Reading cell values through SheetJS: the fallback of the streaming reader (streamRead.ts) for what it
// does not read, and the reference it is tested against. Everything SheetJS-specific is in this file,
// and SheetJS is loaded only when this path runs (an ordinary file never loads it).
import type * as XLSXTypes from 'xlsx';
import { wallToSerial } from '../../domain/time';
import { Cell, SheetGrid, WorkbookError } from '../types';
import { DAYS_1904, isDateFormatCode } from './dates';
import { GridRows } from './grid';
import { storedEntry, writeZip } from './zip';

type XLSXModule = typeof XLSXTypes;
let loaded: Promise<XLSXModule> | undefined;
/** SheetJS, loaded on first use. */
export function loadSheetJS(): Promise<XLSXModule> {
  loaded ??= import('xlsx');
  return loaded;
}

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
const READ_OPTIONS: XLSXTypes.ParsingOptions = {
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
type ParseZip = (zip: unknown, options: XLSXTypes.ParsingOptions) => XLSXTypes.WorkBook;

/**
 * The parsed workbook, from parts already inflated (and checked) by the file back end. SheetJS's
 * own zip reader checks no CRC and inflates without a bound, so it is handed the inflated parts in
 * the container its reader builds (CFB's, as `XLSX.CFB` exposes it) and parses them where they lie,
 * with no copy; should a SheetJS build lack `parse_zip`, the parts go to `XLSX.read` as a zip of
 * stored entries instead.
 */
function parseParts(XLSX: XLSXModule, parts: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>, names: ReadonlyArray<string>, date1904: boolean): XLSXTypes.WorkBook {
  // a 1904 workbook's dates are told by their formats (cellNF keeps each cell's format code)
  const options = { ...READ_OPTIONS, cellNF: date1904, sheets: [...names] };
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
export async function readGrids(
  parts: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>,
  sheets: ReadonlyArray<SheetToRead>,
  errorText: ErrorTextLookup,
  strings?: { readonly part: string; readonly entries: number },
  date1904 = false,
): Promise<SheetGrid[]> {
  const XLSX = await loadSheetJS();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = parseParts(
      XLSX,
      parts,
      sheets.map((s) => s.name),
      date1904,
    );
  } catch (e) {
    throw new WorkbookError('CORRUPT', { reason: 'UNREADABLE' }, { cause: e });
  }
  const parsedStrings = (wb as { Strings?: unknown[] }).Strings?.length ?? 0;
  if (strings && parsedStrings < strings.entries) throw new WorkbookError('CORRUPT', { reason: 'PART_UNREADABLE', part: strings.part });
  return sheets.map((s) => {
    const ws = wb.Sheets[s.name];
    if (!ws) throw new WorkbookError('CORRUPT', { reason: 'PART_UNREADABLE', part: s.part, sheet: s.name });
    return toGrid(s.name, ws, errorText, date1904);
  });
}

function toCell(cell: XLSXTypes.CellObject, sheet: string, row: number, col: number, errorText: ErrorTextLookup, date1904: boolean): Cell {
  switch (cell.t) {
    case 'n':
      // SheetJS keeps a 1904 workbook's serials as they are; the domain counts from 1900
      return date1904 && cell.z !== undefined && isDateFormatCode(String(cell.z)) ? (cell.v as number) + DAYS_1904 : (cell.v as number);
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

/** The used range: the box around every cell that holds a value (whatever <dimension> says); a
 *  sheet without values has no rows. */
function toGrid(name: string, ws: XLSXTypes.WorkSheet, errorText: ErrorTextLookup, date1904: boolean): SheetGrid {
  const data = (ws['!data'] ?? []) as Array<Array<XLSXTypes.CellObject | undefined> | undefined>;
  const grid = new GridRows();
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell || cell.t === 'z') return;
      grid.set(r, c, toCell(cell, name, r, c, errorText, date1904));
    });
  });
  return grid.finish(name);
}
