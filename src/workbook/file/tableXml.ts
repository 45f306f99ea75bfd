// Table parts (xl/tables/tableN.xml): written for new sheets, read for names, ranges and ids, and
// their range extended when rows are appended below them.
import { parseRange, Range, rangeRef } from '../a1';
import { escapeAttr, escapeAttrOoxml, findTag, setAttr, splice } from './xml';

export interface TableInfo {
  readonly id: number;
  readonly name: string;
  readonly displayName: string;
  readonly range: Range | null;
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
}

export function tableXml(id: number, name: string, range: Range, headers: ReadonlyArray<string>): string {
  const ref = rangeRef(range);
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttrOoxml(h)}"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${headers.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}

export function parseTable(xml: string): TableInfo | null {
  const t = findTag(xml, 'table');
  if (!t) return null;
  const a = t.attrs;
  return {
    id: Number(a.id ?? 0),
    name: a.name ?? a.displayName ?? '',
    displayName: a.displayName ?? a.name ?? '',
    range: parseRange(a.ref ?? ''),
    headerRowCount: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
    totalsRowCount: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
  };
}

/** The table part with its range (and its autoFilter's) ending at `lastRow`. */
export function withLastRow(xml: string, lastRow: number): string {
  const filter = findTag(xml, 'autoFilter');
  if (filter) {
    const r = parseRange(filter.attrs.ref ?? '');
    if (r) xml = splice(xml, filter.start, filter.end, setAttr(filter.raw, 'ref', rangeRef({ start: r.start, end: { row: lastRow, col: r.end.col } })));
  }
  const table = findTag(xml, 'table');
  const r = table && parseRange(table.attrs.ref ?? '');
  if (!table || !r) return xml;
  return splice(xml, table.start, table.end, setAttr(table.raw, 'ref', rangeRef({ start: r.start, end: { row: lastRow, col: r.end.col } })));
}
