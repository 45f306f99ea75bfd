// Single cells filled in place in a worksheet part: each new <c> replaces the cell's element (keeping
// its style) or goes where its column stands in its <row> (a <row> is added where the sheet has none);
// the dimension grows if needed. One walk over the rows, whatever their number; every other byte of
// the part stays as it was.
import { Cell } from '../types';
import { cellRef, parseCell, parseRange, rangeRef } from '../a1';
import { utf8 } from './bytes';
import { cellXml, SharedStrings } from './cells';
import { Package } from './package';
import { SheetModel } from './structure';
import { damaged, findTag, findTags, setAttr, splice } from './xml';

/** A cell to write: 0-based row and column, the value. */
export interface Fill {
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

interface CellElement {
  readonly start: number;
  readonly end: number;
  readonly col: number;
  /** where its r attribute would go, when it has none (just after `<c`) */
  readonly rAt: number | null;
  /** its style (cellXfs index) */
  readonly style: number;
}

/** The <c> elements of a row's content (cells without r follow the one before). */
function cellsOf(inner: string): CellElement[] {
  const out: CellElement[] = [];
  const re = /<(?:[\w.-]+:)?c\b([^>]*?)(\/>|>[\s\S]*?<\/(?:[\w.-]+:)?c>)/g;
  let next = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner)) !== null) {
    const ref = /\br="([A-Za-z]+\d+)"/.exec(m[1]);
    const col = ref ? (parseCell(ref[1])?.col ?? next) : next;
    next = col + 1;
    const rAt = ref ? null : m.index + (/^<(?:[\w.-]+:)?c/.exec(m[0])?.[0].length ?? 2);
    out.push({ start: m.index, end: re.lastIndex, col, rAt, style: Number(/\bs="(\d+)"/.exec(m[1])?.[1] ?? 0) });
  }
  return out;
}

/** The style a new cell of `col` takes: its row's (customFormat), else its column's, else none. */
function styleFor(rowTag: string | null, colStyles: ReadonlyArray<{ first: number; last: number; style: number }>, col: number): number {
  if (rowTag && /\bcustomFormat="(1|true)"/.test(rowTag)) return Number(/\bs="(\d+)"/.exec(rowTag)?.[1] ?? 0);
  return colStyles.find((c) => c.first <= col && col <= c.last)?.style ?? 0;
}

/** Writes `fills` into the sheet's part. The caller has checked each cell holds what it should. */
export function fillCells(pkg: Package, sheet: SheetModel, fills: ReadonlyArray<Fill>, strings: SharedStrings | null): void {
  if (fills.length === 0) return;
  if (!sheet.part) throw damaged({ reason: 'SHEET_NO_PART', sheet: sheet.name });
  const xml = pkg.text(sheet.part);
  const open = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw damaged({ reason: 'SHEET_NO_DATA', sheet: sheet.name });
  const p = open[1] ?? '';
  const selfClosing = open[2] === '/';
  const dataStart = open.index + open[0].length;
  const dataEnd = selfClosing ? dataStart : xml.indexOf(`</${p}sheetData>`, dataStart);
  if (dataEnd < 0) throw damaged({ reason: 'XML_NOT_CLOSED', sheet: sheet.name, element: 'sheetData' });
  const colStyles = findTags(xml.slice(0, open.index), 'col')
    .map((t) => ({ first: Number(t.attrs.min) - 1, last: Number(t.attrs.max) - 1, style: Number(t.attrs.style ?? 0) }))
    .filter((c) => c.style > 0 && Number.isFinite(c.first) && Number.isFinite(c.last));

  // the fills by row, each row's by column (a later fill of the same cell wins)
  const byRow = new Map<number, Map<number, Cell>>();
  for (const f of fills) {
    const row = byRow.get(f.row) ?? new Map<number, Cell>();
    row.set(f.col, f.value);
    byRow.set(f.row, row);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const cellsXml = (row: number, cols: ReadonlyArray<[number, Cell]>, rowTag: string | null, styleOf: (col: number) => number | undefined) =>
    cols.map(([col, value]) => cellXml(cellRef(row, col), value, styleOf(col) ?? styleFor(rowTag, colStyles, col), strings, p, true)).join('');
  const newRow = (row: number) => {
    const cols = [...byRow.get(row)!.entries()].sort((a, b) => a[0] - b[0]);
    return `<${p}row r="${row + 1}">${cellsXml(row, cols, null, () => undefined)}</${p}row>`;
  };

  let out = '';
  let pos = dataStart;
  let next = 0; // index into rows of the next row to fill
  let rowNumber = -1;
  const rowRe = new RegExp(`<${p.replace(/[.]/g, '\\.')}row\\b([^>]*?)(/?)>`, 'g');
  rowRe.lastIndex = dataStart;
  let m: RegExpExecArray | null;
  while (next < rows.length && (m = rowRe.exec(xml)) !== null && m.index < dataEnd) {
    const r = /\br="(\d+)"/.exec(m[1]);
    rowNumber = r ? Number(r[1]) - 1 : rowNumber + 1;
    const tagEnd = m.index + m[0].length;
    const isEmpty = m[2] === '/';
    const close = isEmpty ? tagEnd : xml.indexOf(`</${p}row>`, tagEnd);
    if (close < 0) throw damaged({ reason: 'XML_NOT_CLOSED', sheet: sheet.name, element: `row ${rowNumber + 1}` });
    const end = isEmpty ? tagEnd : close + `</${p}row>`.length;
    rowRe.lastIndex = end;
    // rows to fill that the sheet has no <row> for go before this one
    while (next < rows.length && rows[next] < rowNumber) {
      out += xml.slice(pos, m.index) + newRow(rows[next]);
      pos = m.index;
      next++;
    }
    if (rows[next] !== rowNumber) continue;
    const wanted = byRow.get(rowNumber)!;
    const inner = isEmpty ? '' : xml.slice(tagEnd, close);
    const cells = cellsOf(inner);
    const styleOf = (col: number) => cells.find((c) => c.col === col)?.style;
    let body = '';
    let at = 0;
    const pending = [...wanted.entries()].sort((a, b) => a[0] - b[0]);
    let k = 0;
    for (const c of cells) {
      // new cells of columns before this one go first
      let before = '';
      while (k < pending.length && pending[k][0] < c.col) before += cellsXml(rowNumber, [pending[k++]], m[0], styleOf);
      body += inner.slice(at, c.start) + before;
      if (k < pending.length && pending[k][0] === c.col) body += cellsXml(rowNumber, [pending[k++]], m[0], styleOf);
      // a cell without r stands by its place; new cells before it would move it, so it says where it is
      else if (c.rAt !== null) body += inner.slice(c.start, c.rAt) + ` r="${cellRef(rowNumber, c.col)}"` + inner.slice(c.rAt, c.end);
      else body += inner.slice(c.start, c.end);
      at = c.end;
    }
    body += inner.slice(at);
    while (k < pending.length) body += cellsXml(rowNumber, [pending[k++]], m[0], styleOf);
    // spans is a hint of the row's columns; a cell outside it would contradict it
    const tag = m[0].replace(/\s+spans="[^"]*"/, '').replace(/\s*\/>$/, '>');
    out += xml.slice(pos, m.index) + tag + body + `</${p}row>`;
    pos = end;
    next++;
  }
  const rest = rows.slice(next).map(newRow).join('');
  let text: string;
  if (selfClosing) {
    const openTag = open[0].replace(/\s*\/>$/, '>');
    text = xml.slice(0, open.index) + openTag + rest + `</${p}sheetData>` + xml.slice(dataStart);
  } else {
    text = xml.slice(0, dataStart) + out + xml.slice(pos, dataEnd) + rest + xml.slice(dataEnd);
  }

  // the dimension grows to the cells written
  const dim = findTag(text, 'dimension');
  const d = dim ? parseRange(dim.attrs.ref ?? '') : null;
  if (dim && d) {
    const top = Math.min(d.start.row, rows[0]);
    const bottom = Math.max(d.end.row, rows[rows.length - 1]);
    const cols = fills.map((f) => f.col);
    const left = Math.min(d.start.col, ...cols);
    const right = Math.max(d.end.col, ...cols);
    if (top !== d.start.row || bottom !== d.end.row || left !== d.start.col || right !== d.end.col) {
      text = splice(text, dim.start, dim.end, setAttr(dim.raw, 'ref', rangeRef({ start: { row: top, col: left }, end: { row: bottom, col: right } })));
    }
  }
  pkg.setChunks(sheet.part, [utf8(text)]);
}
