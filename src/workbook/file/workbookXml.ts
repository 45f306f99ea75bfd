// xl/workbook.xml: the sheet list and the defined names. Edits insert markup and leave every other
// byte of the part as it was.
import { damaged, decodeOoxml, elementEnd, escapeAttr, escapeText, findClose, findTag, findTags, splice, unescapeXml, WORKBOOK_PART_NAME } from './xml';

const REL_NAMESPACES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** 'visible' (the default), 'hidden' or 'veryHidden' */
  readonly state?: string;
}

export interface DefinedName {
  readonly name: string;
  /** set for names scoped to one sheet */
  readonly localSheetId?: string;
  readonly formula: string;
}

export interface WorkbookInfo {
  readonly sheets: ReadonlyArray<SheetEntry>;
  readonly names: ReadonlyArray<DefinedName>;
}

/** The prefix bound to the relationships namespace in `scope` ('r'), or null if it declares none. */
function relPrefix(scope: string): string | null {
  for (const ns of REL_NAMESPACES) {
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${ns.replace(/[./]/g, (c) => '\\' + c)}["']`).exec(scope);
    if (m) return m[1];
  }
  return null;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  // The namespace may be declared on the root or on each <sheet>, with any prefix.
  const r = relPrefix(findTag(xml, 'workbook')?.raw ?? '') ?? relPrefix(xml) ?? 'r';
  const sheets = findTags(xml, 'sheet').map((t) => ({
    name: decodeOoxml(t.attrs.name ?? ''),
    sheetId: Number(t.attrs.sheetId ?? 0),
    relId: t.attrs[`${relPrefix(t.raw) ?? r}:id`] ?? '',
    state: t.attrs.state ?? 'visible',
  }));
  const names: DefinedName[] = [];
  for (const t of findTags(xml, 'definedName')) {
    const end = t.selfClosing ? t.end : findClose(xml, 'definedName', t.prefix, t.end);
    const formula = t.selfClosing ? '' : decodeOoxml(unescapeXml(xml.slice(t.end, end)));
    const name = t.attrs.name ?? '';
    names.push(t.attrs.localSheetId === undefined ? { name, formula } : { name, localSheetId: t.attrs.localSheetId, formula });
  }
  return { sheets, names };
}


export function addSheetEntry(xml: string, sheet: SheetEntry): string {
  // only a declaration on the root is in scope for a new <sheet> (openpyxl declares it per <sheet>)
  const declared = relPrefix(findTag(xml, 'workbook')?.raw ?? '');
  const r = declared ?? 'r';
  const sheetsTag = findTag(xml, 'sheets');
  if (!sheetsTag) throw damaged({ reason: 'XML_NO_ELEMENT', part: WORKBOOK_PART_NAME, element: 'sheets' });
  const p = sheetsTag.prefix;
  const ns = declared ? '' : ` xmlns:r="${REL_NAMESPACES[0]}"`;
  const state = sheet.state && sheet.state !== 'visible' ? ` state="${escapeAttr(sheet.state)}"` : '';
  const markup = `<${p}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}"${state}${ns} ${r}:id="${escapeAttr(sheet.relId)}"/>`;
  if (sheetsTag.selfClosing) {
    return splice(xml, sheetsTag.start, sheetsTag.end, `${sheetsTag.raw.slice(0, -2).trimEnd()}>${markup}</${p}sheets>`);
  }
  const close = findClose(xml, 'sheets', p, sheetsTag.end);
  return splice(xml, close, close, markup);
}

export function addDefinedNames(xml: string, names: ReadonlyArray<{ name: string; formula: string; localSheetId?: number; hidden?: boolean }>): string {
  if (names.length === 0) return xml;
  const sheetsTag = findTag(xml, 'sheets');
  if (!sheetsTag) throw damaged({ reason: 'XML_NO_ELEMENT', part: WORKBOOK_PART_NAME, element: 'sheets' });
  const p = sheetsTag.prefix;
  const local = (n: { localSheetId?: number }) => (n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`);
  const markup = names.map((n) => `<${p}definedName name="${escapeAttr(n.name)}"${local(n)}${n.hidden ? ' hidden="1"' : ''}>${escapeText(n.formula)}</${p}definedName>`).join('');
  const existing = findTag(xml, 'definedNames');
  if (existing && !existing.selfClosing) {
    const close = findClose(xml, 'definedNames', existing.prefix, existing.end);
    return splice(xml, close, close, markup);
  }
  const wrapped = `<${p}definedNames>${markup}</${p}definedNames>`;
  if (existing) return splice(xml, existing.start, existing.end, wrapped);
  // CT_Workbook order: ... sheets, functionGroups?, externalReferences?, definedNames?, calcPr? ...
  let at = elementEnd(xml, 'sheets', sheetsTag);
  for (const before of ['functionGroups', 'externalReferences']) {
    const t = findTag(xml, before, at);
    if (t) at = Math.max(at, elementEnd(xml, before, t));
  }
  return splice(xml, at, at, wrapped);
}

/**
 * Sets a sheet-scoped defined name (`_xlnm.Print_Titles` of one sheet): the element that has this name
 * and localSheetId is replaced where it stands (so writing the same name again gives the same bytes),
 * added at the end of <definedNames> when absent, or removed when `formula` is null; `hidden`: not
 * shown in Excel's name manager.
 */
export function setLocalName(xml: string, name: string, localSheetId: number, formula: string | null, opts: { readonly hidden?: boolean } = {}): string {
  const existing = findTags(xml, 'definedName').find((t) => t.attrs.name === name && t.attrs.localSheetId === String(localSheetId));
  if (!existing) {
    if (formula === null) return xml;
    return addDefinedNames(xml, [{ name, formula, localSheetId, hidden: opts.hidden }]);
  }
  const end = elementEnd(xml, 'definedName', existing);
  if (end < 0) throw damaged({ reason: 'XML_NOT_CLOSED', part: WORKBOOK_PART_NAME, element: 'definedName' });
  const p = existing.prefix;
  const hidden = opts.hidden ? ' hidden="1"' : '';
  const markup = formula === null ? '' : `<${p}definedName name="${escapeAttr(name)}" localSheetId="${localSheetId}"${hidden}>${escapeText(formula)}</${p}definedName>`;
  xml = splice(xml, existing.start, end, markup);
  // an emptied <definedNames> is not valid (minOccurs of definedName is 1)
  return formula === null ? xml.replace(/<([\w.-]+:)?definedNames>\s*<\/\1?definedNames>/, '') : xml;
}
