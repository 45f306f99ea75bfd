// Appending rows to an existing worksheet part by splicing bytes: the new <row>s go just before
// </sheetData>, the <dimension> grows, and every other byte of the part stays as it was. Only the
// head of the part (up to <sheetData>) and its last row are decoded, so a large sheet costs a search,
// not a parse.
import { fromUtf8, indexOfBytes, lastIndexOfBytes, utf8 } from './bytes';
import { CellPos, parseCell, parseRange, Range, rangeRef } from '../a1';
import { findTag, findTags, setAttr, splice } from './xml';

export interface ColumnStyle {
  /** 0-based, inclusive */
  readonly first: number;
  readonly last: number;
  readonly style: number;
}

export interface SheetScan {
  /** namespace prefix of the sheet's elements ('' or e.g. 'x:') */
  readonly prefix: string;
  readonly dimension: Range | null;
  readonly columnStyles: ReadonlyArray<ColumnStyle>;
  /** 0-based number of the last <row>, -1 if there is none */
  readonly lastRow: number;
  /** cells of the last row: 0-based column and style index */
  readonly lastRowCells: ReadonlyArray<{ readonly col: number; readonly style: number }>;
  /** byte offsets: end of the <sheetData> start tag, start of </sheetData> (equal when <sheetData/>) */
  readonly headEnd: number;
  readonly dataEnd: number;
  readonly selfClosing: boolean;
}

const SHEET_DATA = utf8('sheetData');
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

function isNameEnd(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === GT || byte === SLASH;
}

/** Locate sheetData, the dimension, column styles and the last row of a worksheet part. */
export function scanSheet(bytes: Uint8Array): SheetScan | null {
  // the first "sheetData" preceded by '<' or '<prefix:' is the start tag
  let at = indexOfBytes(bytes, SHEET_DATA);
  let tagStart = -1;
  while (at >= 0) {
    let p = at - 1;
    while (p >= 0 && bytes[p] !== LT && bytes[p] !== GT && bytes[p] !== 0x20 && bytes[p] !== 0x22) p--;
    if (p >= 0 && bytes[p] === LT && isNameEnd(bytes[at + SHEET_DATA.length])) {
      tagStart = p;
      break;
    }
    at = indexOfBytes(bytes, SHEET_DATA, at + 1);
  }
  if (tagStart < 0) return null;
  const prefix = fromUtf8(bytes.subarray(tagStart + 1, at));
  const tagEnd = bytes.indexOf(GT, at) + 1;
  if (tagEnd <= 0) return null;
  const selfClosing = bytes[tagEnd - 2] === SLASH;
  const head = fromUtf8(bytes.subarray(0, tagStart));
  const dimTag = findTag(head, 'dimension');
  const dimension = dimTag ? parseRange(dimTag.attrs.ref ?? '') : null;
  const columnStyles = findTags(head, 'col')
    .map((t) => ({ first: Number(t.attrs.min) - 1, last: Number(t.attrs.max) - 1, style: Number(t.attrs.style ?? 0) }))
    .filter((c) => c.style > 0 && Number.isFinite(c.first) && Number.isFinite(c.last));

  let dataEnd = tagEnd;
  let lastRow = -1;
  let lastRowCells: { col: number; style: number }[] = [];
  if (!selfClosing) {
    dataEnd = lastIndexOfBytes(bytes, utf8(`</${prefix}sheetData>`));
    if (dataEnd < tagEnd) return null;
    const rowStart = lastRowStart(bytes, prefix, tagEnd, dataEnd);
    if (rowStart >= 0) {
      const rowText = fromUtf8(bytes.subarray(rowStart, dataEnd));
      const rowTag = findTag(rowText, 'row');
      const r = rowTag?.attrs.r;
      lastRow = r !== undefined ? Number(r) - 1 : countRows(bytes, prefix, tagEnd, dataEnd) - 1;
      let next = 0;
      lastRowCells = findTags(rowText, 'c').map((c) => {
        const pos: CellPos | null = c.attrs.r ? parseCell(c.attrs.r) : null;
        const col = pos ? pos.col : next;
        next = col + 1;
        return { col, style: Number(c.attrs.s ?? 0) };
      });
    }
  }
  return { prefix, dimension, columnStyles, lastRow, lastRowCells, headEnd: tagEnd, dataEnd, selfClosing };
}

function lastRowStart(bytes: Uint8Array, prefix: string, from: number, to: number): number {
  const needle = utf8(`<${prefix}row`);
  let at = lastIndexOfBytes(bytes, needle, to - needle.length);
  while (at >= from) {
    if (isNameEnd(bytes[at + needle.length])) return at;
    at = lastIndexOfBytes(bytes, needle, at - 1);
  }
  return -1;
}

/** Rows without an r attribute follow one another: count them. */
function countRows(bytes: Uint8Array, prefix: string, from: number, to: number): number {
  const needle = utf8(`<${prefix}row`);
  let n = 0;
  for (let at = indexOfBytes(bytes, needle, from); at >= 0 && at < to; at = indexOfBytes(bytes, needle, at + 1)) {
    if (isNameEnd(bytes[at + needle.length])) n++;
  }
  return n;
}

/** The worksheet part with `rows` (XML chunks) inserted at the end of sheetData and the dimension set. */
export function spliceRows(bytes: Uint8Array, scan: SheetScan, rows: ReadonlyArray<Uint8Array>, dimension: Range | null): Uint8Array[] {
  const p = scan.prefix;
  let tagStart = scan.headEnd - 1;
  while (bytes[tagStart] !== LT) tagStart--;
  let head = fromUtf8(bytes.subarray(0, tagStart));
  const dimTag = findTag(head, 'dimension');
  if (dimTag && dimension) head = splice(head, dimTag.start, dimTag.end, setAttr(dimTag.raw, 'ref', rangeRef(dimension)));
  const startTag = fromUtf8(bytes.subarray(tagStart, scan.headEnd));
  if (scan.selfClosing) {
    const open = startTag.slice(0, -2).trimEnd() + '>';
    return [utf8(head + open), ...rows, utf8(`</${p}sheetData>`), bytes.subarray(scan.headEnd)];
  }
  return [utf8(head + startTag), bytes.subarray(scan.headEnd, scan.dataEnd), ...rows, bytes.subarray(scan.dataEnd)];
}
