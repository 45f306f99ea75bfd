// Columns added to the right of a sheet's table (or of its header row), by splicing: header cells
// into the header row, the table part's range, autoFilter and column list widened, the dimension
// grown. Every other byte stays. Cells the columns would take must be empty: nothing is overwritten.
import { cellRef, parseCell, parseRange, rangeRef } from '../a1';
import { WorkbookError } from '../types';
import { utf8 } from './bytes';
import { cellXml, SharedStrings } from './cells';
import { Package } from './package';
import { SheetModel } from './structure';
import { damaged, escapeAttrOoxml, findTag, setAttr, splice } from './xml';

interface CellAt {
  readonly start: number;
  readonly end: number;
  readonly col: number;
  readonly row: number;
  readonly style: number;
  readonly filled: boolean;
}

/** The <c> elements of a range of the part's text (0-based row from r, or the row given). */
function cellsIn(xml: string, from: number, to: number, row: number | null): CellAt[] {
  const out: CellAt[] = [];
  const re = /<(?:[\w.-]+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < to) {
    const ref = /\br="([A-Za-z]+\d+)"/.exec(m[1]);
    const pos = ref ? parseCell(ref[1]) : null;
    if (!pos) continue;
    const filled = m[2] !== '/>' && /<(?:[\w.-]+:)?(v|is|f)\b/.test(m[3] ?? '');
    out.push({ start: m.index, end: re.lastIndex, col: pos.col, row: row ?? pos.row, style: Number(/\bs="(\d+)"/.exec(m[1])?.[1] ?? 0), filled });
  }
  return out;
}

/** The header row's element: where it starts, ends, and its start tag. */
function rowElement(xml: string, p: string, row: number): { start: number; tagEnd: number; end: number; selfClosing: boolean; tag: string } | null {
  const re = new RegExp(`<${p.replace(/[.]/g, '\\.')}row\\b[^>]*?\\br="${row + 1}"[^>]*?(/?)>`, 'g');
  const m = re.exec(xml);
  if (!m) return null;
  const tagEnd = m.index + m[0].length;
  if (m[1] === '/') return { start: m.index, tagEnd, end: tagEnd, selfClosing: true, tag: m[0] };
  const close = xml.indexOf(`</${p}row>`, tagEnd);
  if (close < 0) return null;
  return { start: m.index, tagEnd, end: close, selfClosing: false, tag: m[0] };
}

export function addColumns(pkg: Package, sheet: SheetModel, headerRow: number, headers: ReadonlyArray<string>, strings: SharedStrings | null): void {
  if (headers.length === 0) return;
  if (!sheet.part) throw damaged({ reason: 'SHEET_NO_PART', sheet: sheet.name });
  const xml = pkg.text(sheet.part);
  const p = /<([\w.-]+:)?sheetData\b/.exec(xml)?.[1] ?? '';
  const dataStart = xml.search(/<([\w.-]+:)?sheetData\b/);
  const dataEnd = xml.lastIndexOf(`</${p}sheetData>`);
  if (dataStart < 0 || dataEnd < 0) throw damaged({ reason: 'SHEET_NO_DATA', sheet: sheet.name });
  const table = sheet.tables.find((t) => t.info.range && t.info.range.start.row === headerRow && t.info.headerRowCount > 0);
  const row = rowElement(xml, p, headerRow);
  if (!row) throw damaged({ reason: 'XML_NO_ELEMENT', sheet: sheet.name, element: `row ${headerRow + 1}` });
  const headerCells = cellsIn(xml, row.tagEnd, row.end, headerRow);
  const lastHeader = Math.max(-1, ...headerCells.filter((c) => c.filled).map((c) => c.col));
  const first = table?.info.range ? table.info.range.end.col + 1 : lastHeader + 1;
  const last = first + headers.length - 1;
  // nothing of the clerk's where the columns go: not in the header row, not in any row below
  const lastRow = table?.info.range?.end.row;
  for (const c of cellsIn(xml, dataStart, dataEnd, null)) {
    if (c.filled && c.col >= first && c.col <= last && c.row >= headerRow && (lastRow === undefined || c.row <= lastRow || !table)) {
      throw new WorkbookError('WRITE_FAILED', { reason: 'COLUMNS_IN_THE_WAY', sheet: sheet.name, cell: cellRef(c.row, c.col) });
    }
  }
  const style = headerCells.find((c) => c.col === first - 1)?.style ?? 0;
  const mark = strings?.mark();
  let added: string;
  try {
    added = headers.map((h, i) => cellXml(cellRef(headerRow, first + i), h, style, strings, p, true)).join('');
  } catch (e) {
    if (strings && mark) strings.rollback(mark);
    throw e;
  }
  // the new cells go where their columns are: after the row's cells to their left, in place of empty
  // styled cells in their columns
  const openTag = row.tag.replace(/\s+spans="[^"]*"/, '').replace(/\s*\/>$/, '>');
  const inner = row.selfClosing ? '' : xml.slice(row.tagEnd, row.end);
  let out = '';
  let pos = 0;
  let inserted = false;
  for (const c of headerCells) {
    const cs = c.start - row.tagEnd;
    const ce = c.end - row.tagEnd;
    if (!inserted && c.col >= first) {
      out += inner.slice(pos, cs) + added;
      pos = cs;
      inserted = true;
    }
    out += inner.slice(pos, c.col >= first && c.col <= last ? cs : ce);
    pos = ce;
  }
  out += inner.slice(pos) + (inserted ? '' : added);
  let text = xml.slice(0, row.start) + openTag + out + `</${p}row>` + xml.slice(row.selfClosing ? row.end : row.end + `</${p}row>`.length);
  // the dimension grows to the new columns
  const dim = findTag(text, 'dimension');
  const d = dim ? parseRange(dim.attrs.ref ?? '') : null;
  if (dim && d && d.end.col < last) text = splice(text, dim.start, dim.end, setAttr(dim.raw, 'ref', rangeRef({ start: d.start, end: { row: d.end.row, col: last } })));

  let tableXml: string | null = null;
  if (table?.info.range) {
    const range = table.info.range;
    let t = pkg.text(table.part);
    const wide = rangeRef({ start: range.start, end: { row: range.end.row, col: last } });
    const filter = findTag(t, 'autoFilter');
    if (filter) {
      const r = parseRange(filter.attrs.ref ?? '');
      if (r) t = splice(t, filter.start, filter.end, setAttr(filter.raw, 'ref', rangeRef({ start: r.start, end: { row: r.end.row, col: last } })));
    }
    const tag = findTag(t, 'table');
    if (!tag) throw damaged({ reason: 'XML_NO_ELEMENT', part: table.part, element: 'table' });
    t = splice(t, tag.start, tag.end, setAttr(tag.raw, 'ref', wide));
    const list = findTag(t, 'tableColumns');
    if (!list) throw damaged({ reason: 'XML_NO_ELEMENT', part: table.part, element: 'tableColumns' });
    const lp = list.prefix;
    const ids = [...t.matchAll(/<(?:[\w.-]+:)?tableColumn\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const names = new Set([...t.matchAll(/<(?:[\w.-]+:)?tableColumn\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1].toLowerCase()));
    for (const h of headers) if (names.has(h.toLowerCase())) throw new Error(`the table of "${sheet.name}" has a column "${h}" already`);
    const next = Math.max(0, ...ids);
    const columns = headers.map((h, i) => `<${lp}tableColumn id="${next + i + 1}" name="${escapeAttrOoxml(h)}"/>`).join('');
    const close = t.indexOf(`</${lp}tableColumns>`, list.end);
    if (close < 0) throw damaged({ reason: 'XML_NOT_CLOSED', part: table.part, element: 'tableColumns' });
    const count = (Number(list.attrs.count ?? ids.length) || ids.length) + headers.length;
    t = t.slice(0, close) + columns + t.slice(close);
    const l2 = findTag(t, 'tableColumns') as NonNullable<ReturnType<typeof findTag>>;
    t = splice(t, l2.start, l2.end, setAttr(l2.raw, 'count', String(count)));
    tableXml = t;
  }
  pkg.setChunks(sheet.part, [utf8(text)]);
  if (tableXml !== null && table) pkg.setText(table.part, tableXml);
}
