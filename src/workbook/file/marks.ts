// Problem marks in a package (design in ../marks.ts). The mark sheet is a part this back end owns
// and rewrites whole; the clerk's sheet part gets our two rules once, in the x14 extension of its
// extLst where Excel keeps rules that read another sheet, every byte before it kept. styles.xml is
// not touched (the x14 rules carry their format inline). Nothing else changes.
import { CellMark } from '../types';
import { MARK_SHEET_PREFIX, MARK_STYLE, MARK_VALUE, markRuleFormula, markSheetName, ourRuleSeverity, rowRuns, SEVERITIES } from '../marks';
import { fromUtf8, utf8 } from './bytes';
import { dirOf, freePartName } from './edit';
import { addOverride, addRelationship, CONTENT_TYPE, CONTENT_TYPES_PART, emptyRels, nextRelId, REL, relativeTarget } from './opc';
import { Package } from './package';
import { scanSheet } from './append';
import { cellRef, parseCell, rangeRef, WHOLE_SHEET } from '../a1';
import { SheetModel, Structure } from './structure';
import { damaged, escapeText, findClose, splice, unescapeXml } from './xml';
import { addSheetEntry } from './workbookXml';

/** Marks by row, then column: 2 error, 1 warning. */
type MarkGrid = Map<number, Map<number, number>>;

/** The mark sheet of a data sheet if the package has it: a very-hidden sheet of that name. */
export function findMarkSheet(st: Structure, dataSheet: string): SheetModel | undefined {
  const name = markSheetName(dataSheet).toLowerCase();
  const sheet = st.sheets.find((s) => s.name.toLowerCase() === name);
  if (sheet && sheet.state !== 'veryHidden') {
    throw new Error(`The sheet "${sheet.name}" exists and is not a mark sheet of the add-in; marks for "${dataSheet}" cannot be shown.`);
  }
  return sheet;
}

/** The marks a mark sheet part holds. Tolerant of how Excel rewrites the part (styles, types). */
export function parseMarks(xml: string): MarkGrid {
  const grid: MarkGrid = new Map();
  const cell = /<(?:[\w.-]+:)?c\b([^>]*?)(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = cell.exec(xml)) !== null) {
    if (m[2] === '/') continue;
    const ref = /\br="([A-Za-z]+\d+)"/.exec(m[1]);
    const v = /^\s*<(?:[\w.-]+:)?v>\s*([12])\s*<\//.exec(xml.slice(cell.lastIndex, cell.lastIndex + 40));
    if (!ref || !v) continue;
    const pos = parseCell(ref[1]);
    if (!pos) continue;
    const row = grid.get(pos.row) ?? new Map<number, number>();
    row.set(pos.col, Number(v[1]));
    grid.set(pos.row, row);
  }
  return grid;
}

export function gridMarks(grid: MarkGrid): CellMark[] {
  const marks: CellMark[] = [];
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const cols = grid.get(row) as Map<number, number>;
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      marks.push({ row, col, severity: cols.get(col) === 2 ? 'error' : 'warning' });
    }
  }
  return marks;
}

function markSheetXml(grid: MarkGrid): string {
  const rows = [...grid.keys()].sort((a, b) => a - b);
  let data = '';
  let minCol = Infinity;
  let maxCol = -1;
  for (const r of rows) {
    const cols = [...(grid.get(r) as Map<number, number>).entries()].sort((a, b) => a[0] - b[0]);
    data += `<row r="${r + 1}">${cols.map(([c, v]) => `<c r="${cellRef(r, c)}"><v>${v}</v></c>`).join('')}</row>`;
    minCol = Math.min(minCol, cols[0][0]);
    maxCol = Math.max(maxCol, cols[cols.length - 1][0]);
  }
  const dimension = rows.length
    ? rangeRef({ start: { row: rows[0], col: minCol }, end: { row: rows[rows.length - 1], col: maxCol } })
    : 'A1';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData>${data}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/** A top-level child element of the worksheet, after sheetData. */
interface Child {
  readonly name: string;
  readonly start: number;
}

/** The worksheet's children in `tail` (the text from </sheetData> on), and where </worksheet> is;
 *  `sheet` names the sheet whose part it is, should the part be damaged. */
function tailChildren(tail: string, from: number, sheet: string): { children: Child[]; close: number } {
  const children: Child[] = [];
  const tag = /<(\/?)([\w.-]+:)?([\w.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/y;
  let at = from;
  for (;;) {
    const lt = tail.indexOf('<', at);
    if (lt < 0) throw damaged({ reason: 'XML_NOT_CLOSED', sheet, element: 'worksheet' });
    if (tail.startsWith('<!--', lt)) {
      at = tail.indexOf('-->', lt) + 3;
      continue;
    }
    if (tail.startsWith('<?', lt)) {
      at = tail.indexOf('?>', lt) + 2;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(tail);
    if (!m) throw damaged({ reason: 'XML_MALFORMED_TAG', sheet });
    if (m[1] === '/') return { children, close: lt }; // </worksheet>
    children.push({ name: m[3], start: lt });
    if (m[4] === '/') {
      at = tag.lastIndex;
      continue;
    }
    const close = findClose(tail, m[3], m[2] ?? '', tag.lastIndex);
    if (close < 0) throw damaged({ reason: 'XML_NOT_CLOSED', sheet, element: m[3] });
    at = close + `</${m[2] ?? ''}${m[3]}>`.length;
  }
}

/** Severities whose rule the sheet part already has (main block or Excel's x14 extension). */
function rulesIn(tail: string, markSheet: string): Set<CellMark['severity']> {
  const found = new Set<CellMark['severity']>();
  const formula = /<(?:[\w.-]+:)?(?:formula|f)>([^<]*)<\//g;
  let m: RegExpExecArray | null;
  while ((m = formula.exec(tail)) !== null) {
    const severity = ourRuleSeverity(unescapeXml(m[1]), markSheet);
    if (severity) found.add(severity);
  }
  return found;
}

/** The x14 extension that holds conditional formats Excel cannot keep in the main block. */
const X14_CF_EXT = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';
const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM_NS = 'http://schemas.microsoft.com/office/excel/2006/main';

/** dxf content of a severity (font colour and fill, as Excel writes its preset rules), in the main namespace. */
function dxfContent(p: string, severity: CellMark['severity']): string {
  const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
  const { fill, font } = MARK_STYLE[severity];
  return `<${p}font><${p}color rgb="${argb(font)}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill>`;
}

/**
 * Our rules as Excel 2010+ stores a rule that reads another sheet: an x14 conditionalFormatting in the
 * worksheet's extLst, the format inline (MS-OI29500 3.2.3.1.2 forbids 3-D references in the main
 * block). The element declares its own namespaces, so it fits whatever prefixes the part uses.
 */
function x14Rules(p: string, markSheet: string, severities: ReadonlyArray<CellMark['severity']>, firstPriority: number): string {
  const rules = severities
    .map(
      (s, i) =>
        `<x14:cfRule type="expression" priority="${firstPriority + i}" id="${ruleId(markSheet, s)}"><xm:f>${escapeText(markRuleFormula(markSheet, s))}</xm:f>` +
        `<x14:dxf>${dxfContent(p, s)}</x14:dxf></x14:cfRule>`,
    )
    .join('');
  return `<x14:conditionalFormatting xmlns:x14="${X14_NS}" xmlns:xm="${XM_NS}">${rules}<xm:sqref>${WHOLE_SHEET}</xm:sqref></x14:conditionalFormatting>`;
}

/** A stable GUID for each of our x14 rules (Excel gives every x14 rule one): the mark sheet's hash and the severity. */
function ruleId(markSheet: string, severity: CellMark['severity']): string {
  const hash = markSheet.slice(MARK_SHEET_PREFIX.length).toUpperCase();
  return `{${hash}-DE5C-4B00-8000-00000000000${MARK_VALUE[severity]}}`;
}

/** `tail` without the main-block conditional formats that are wholly ours (written so by earlier versions). */
function withoutLegacyRules(tail: string, children: ReadonlyArray<Child>, close: number, markSheet: string): string {
  let out = tail;
  const ends = [...children.slice(1).map((c) => c.start), close];
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i].name !== 'conditionalFormatting') continue;
    const block = tail.slice(children[i].start, ends[i]);
    const formulas = [...block.matchAll(/<(?:[\w.-]+:)?formula>([^<]*)<\//g)].map((m) => unescapeXml(m[1]));
    if (formulas.length > 0 && formulas.every((f) => ourRuleSeverity(f, markSheet) !== null)) out = out.slice(0, children[i].start) + out.slice(ends[i]);
  }
  return out;
}

/** `tail` with `element` (an x14 conditionalFormatting) added to the worksheet's extLst, made if need be. */
function withX14Rules(tail: string, from: number, p: string, element: string, sheet: string): string {
  const { children, close } = tailChildren(tail, from, sheet);
  const extLst = children.find((c) => c.name === 'extLst');
  if (!extLst) return splice(tail, close, close, `<${p}extLst><${p}ext uri="${X14_CF_EXT}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${element}</x14:conditionalFormattings></${p}ext></${p}extLst>`);
  const listEnd = tail.indexOf(`</${p}extLst>`, extLst.start);
  if (listEnd < 0) throw damaged({ reason: 'XML_NOT_CLOSED', sheet, element: 'extLst' });
  const ext = new RegExp(`<${p}ext\\b[^>]*\\buri="${X14_CF_EXT.replace(/[{}]/g, '\\$&')}"[^>]*>`, 'i').exec(tail.slice(extLst.start, listEnd));
  if (ext) {
    const extStart = extLst.start + ext.index;
    const extEnd = tail.indexOf(`</${p}ext>`, extStart);
    const list = /<\/([\w.-]+:)?conditionalFormattings>/.exec(tail.slice(extStart, extEnd));
    if (list) return splice(tail, extStart + list.index, extStart + list.index, element);
    const inside = extStart + ext[0].length;
    return splice(tail, inside, inside, `<x14:conditionalFormattings xmlns:x14="${X14_NS}">${element}</x14:conditionalFormattings>`);
  }
  const first = extLst.start + (/^<[^>]*>/.exec(tail.slice(extLst.start)) as RegExpExecArray)[0].length;
  return splice(tail, first, first, `<${p}ext uri="${X14_CF_EXT}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${element}</x14:conditionalFormattings></${p}ext>`);
}

/**
 * Replace the marks of a data sheet (all, or those in `scopeRows`). Creates the mark sheet and the
 * conditional formats only when there is a mark to show.
 */
export function setMarks(pkg: Package, st: Structure, dataSheet: SheetModel, marks: ReadonlyArray<CellMark>, scopeRows: ReadonlyArray<number> | null): void {
  if (!dataSheet.part) throw damaged({ reason: 'SHEET_NO_PART', sheet: dataSheet.name });
  const name = markSheetName(dataSheet.name);
  const existing = findMarkSheet(st, dataSheet.name);
  const scope = scopeRows ? new Set(scopeRows) : null;
  const wanted = marks.filter((m) => Number.isInteger(m.row) && Number.isInteger(m.col) && m.row >= 0 && m.col >= 0 && (!scope || scope.has(m.row)));
  if (!existing && wanted.length === 0) return;

  const grid: MarkGrid = existing?.part && pkg.has(existing.part) ? parseMarks(pkg.text(existing.part)) : new Map();
  if (scope) for (const run of rowRuns(scope)) for (let r = run.start; r < run.start + run.count; r++) grid.delete(r);
  else grid.clear();
  for (const m of wanted) {
    const row = grid.get(m.row) ?? new Map<number, number>();
    row.set(m.col, Math.max(row.get(m.col) ?? 0, m.severity === 'error' ? 2 : 1));
    grid.set(m.row, row);
  }

  // Everything is built first and committed at the end, so a failure leaves the package as it was.
  const writes: Array<[string, string]> = [];
  let dataPartChunks: Uint8Array[] | null = null;

  // The conditional formats on the data sheet, once, in the x14 extension (see x14Rules).
  const bytes = pkg.bytes(dataSheet.part);
  const scan = scanSheet(bytes);
  if (!scan) throw damaged({ reason: 'SHEET_NO_DATA', sheet: dataSheet.name });
  const p = scan.prefix;
  const afterSheetData = scan.selfClosing ? 0 : `</${p}sheetData>`.length;
  const original = fromUtf8(bytes.subarray(scan.dataEnd));
  const { children, close } = tailChildren(original, afterSheetData, dataSheet.name);
  let tail = withoutLegacyRules(original, children, close, name);
  const missing = SEVERITIES.filter((s) => !rulesIn(tail, name).has(s));
  let contentTypes = pkg.text(CONTENT_TYPES_PART);
  let workbookRels = pkg.has(st.workbookRelsPart) ? pkg.text(st.workbookRelsPart) : emptyRels();
  const rels = [...st.workbookRels];
  if (missing.length > 0) {
    let priority = 0;
    for (const m of tail.matchAll(/\bpriority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
    tail = withX14Rules(tail, afterSheetData, p, x14Rules(p, name, missing, priority + 1), dataSheet.name);
  }
  if (tail !== original) dataPartChunks = [bytes.subarray(0, scan.dataEnd), utf8(tail)];

  // The mark sheet: rewritten whole (it is ours), or added very hidden at the end.
  let workbook: string | null = null;
  let markPart = existing?.part ?? null;
  if (!existing || !markPart) {
    const used = new Set(pkg.names().map((n) => n.toLowerCase()));
    markPart = freePartName(used, `${dirOf(st.workbookPart)}worksheets/`, 'sheet');
    contentTypes = addOverride(contentTypes, markPart, CONTENT_TYPE.worksheet);
    if (!existing) {
      const relId = nextRelId(rels);
      rels.push({ id: relId, type: REL.worksheet, target: '', external: false, part: markPart });
      workbookRels = addRelationship(workbookRels, relId, REL.worksheet, relativeTarget(st.workbookPart, markPart));
      const sheetId = Math.max(0, ...st.sheets.map((s) => s.sheetId)) + 1;
      workbook = addSheetEntry(pkg.text(st.workbookPart), { name, sheetId, relId, state: 'veryHidden' });
    } else {
      throw damaged({ reason: 'SHEET_NO_PART', sheet: name });
    }
  }
  writes.push([markPart, markSheetXml(grid)]);

  for (const [part, text] of writes) pkg.setText(part, text);
  if (dataPartChunks) pkg.setChunks(dataSheet.part, dataPartChunks);
  if (contentTypes !== pkg.text(CONTENT_TYPES_PART)) pkg.setText(CONTENT_TYPES_PART, contentTypes);
  if (!pkg.has(st.workbookRelsPart) || workbookRels !== pkg.text(st.workbookRelsPart)) pkg.setText(st.workbookRelsPart, workbookRels);
  if (workbook !== null) pkg.setText(st.workbookPart, workbook);
}

/** The marks of a data sheet as its mark sheet holds them. */
export function readMarks(pkg: Package, st: Structure, dataSheet: string): CellMark[] {
  const sheet = findMarkSheet(st, dataSheet);
  if (!sheet?.part || !pkg.has(sheet.part)) return [];
  return gridMarks(parseMarks(pkg.text(sheet.part)));
}
