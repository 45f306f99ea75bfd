// Marks in a package (design in ../marks.ts), of either layer: the problem marks of validation
// (setMarks) and the due colours of ticket rows (setRowMarks). Each layer's mark sheet is a part this
// back end owns and rewrites whole; the clerk's sheet part gets the layer's rules once, in the x14
// extension of its extLst where Excel keeps rules that read another sheet, every byte before it kept
// (ours keyed by another column, or by none, are replaced). The due colours' rules are numbered after
// every other rule of the sheet, and moved after the problem marks' when those are added later, so a
// problem mark shows on a coloured row. styles.xml is not touched (the x14 rules carry their format
// inline). A layer whose marks and rules are already as wanted is left alone, part and bytes.
import { CellMark, MarkSet, RowMark, RowMarkSet } from '../types';
import { DUE_MARKS, MARK_LAYERS, MarkLayer, markBlocks, markRuleFormula, markSheetName, OurRule, ourRule, parseMarkCell, PROBLEM_MARKS, rowMarkTexts, rowRuns, rulesToAdd } from '../marks';
import { fromUtf8, utf8 } from './bytes';
import { dirOf, freePartName } from './edit';
import { addOverride, addRelationship, CONTENT_TYPE, CONTENT_TYPES_PART, emptyRels, nextRelId, REL, relativeTarget } from './opc';
import { Package } from './package';
import { scanSheet } from './append';
import { cellRef, parseCell, rangeRef, WHOLE_SHEET } from '../a1';
import { SheetModel, Structure } from './structure';
import { damaged, decodeOoxml, escapeText, findClose, splice, unescapeXml } from './xml';
import { cellXml } from './cells';
import { addSheetEntry } from './workbookXml';

/** Mark sheet cells by row, then column: the text each holds ("2|GD-…"). */
type MarkGrid = Map<number, Map<number, string>>;

/** The mark sheet of a data sheet if the package has it: a very-hidden sheet of that name. */
export function findMarkSheet(st: Structure, dataSheet: string, layer: MarkLayer = PROBLEM_MARKS): SheetModel | undefined {
  const name = markSheetName(dataSheet, layer).toLowerCase();
  const sheet = st.sheets.find((s) => s.name.toLowerCase() === name);
  if (sheet && sheet.state !== 'veryHidden') {
    throw new Error(`The sheet "${sheet.name}" exists and is not a mark sheet of the add-in; marks for "${dataSheet}" cannot be shown.`);
  }
  return sheet;
}

/** The text of every <t> of an element's content (a shared string's runs, an inline string). */
function textOf(xml: string): string {
  let text = '';
  // phonetic runs (<rPh>) are a reading aid, not the value
  const body = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) text += decodeOoxml(unescapeXml(m[1] ?? ''));
  return text;
}

/** The workbook's shared strings, read only if a mark sheet cell refers to one (Excel, on saving,
 *  moves inline strings there). */
function sharedStrings(pkg: Package, st: Structure): () => ReadonlyArray<string> {
  let strings: string[] | null = null;
  return () => {
    if (strings) return strings;
    strings = [];
    const rel = st.workbookRels.find((r) => r.type === REL.sharedStrings && !r.external);
    if (rel && pkg.has(rel.part)) {
      for (const m of pkg.text(rel.part).matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) strings.push(textOf(m[1] ?? ''));
    }
    return strings;
  };
}

/** The marks a mark sheet part holds, as text by cell. Tolerant of how Excel rewrites the part
 *  (styles, shared strings); a cell holding no mark of the layer (a number of an earlier version) is left out. */
export function parseMarks(xml: string, strings: () => ReadonlyArray<string>, layer: MarkLayer = PROBLEM_MARKS): MarkGrid {
  const grid: MarkGrid = new Map();
  const cell = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
  let m: RegExpExecArray | null;
  while ((m = cell.exec(xml)) !== null) {
    const body = m[2];
    if (!body) continue;
    const ref = /\br="([A-Za-z]+\d+)"/.exec(m[1]);
    const type = /\bt="(\w+)"/.exec(m[1])?.[1] ?? 'n';
    const v = /<(?:[\w.-]+:)?v>([^<]*)<\//.exec(body)?.[1];
    let text: string | undefined;
    if (type === 'inlineStr') text = textOf(body);
    else if (type === 'str' && v !== undefined) text = decodeOoxml(unescapeXml(v));
    else if (type === 's' && v !== undefined) text = strings()[Number(v)];
    const pos = ref ? parseCell(ref[1]) : null;
    if (!pos || text === undefined || !parseMarkCell(layer, text)) continue;
    const row = grid.get(pos.row) ?? new Map<number, string>();
    row.set(pos.col, text);
    grid.set(pos.row, row);
  }
  return grid;
}

export function gridMarks(grid: MarkGrid): CellMark[] {
  const marks: CellMark[] = [];
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const cols = grid.get(row) as Map<number, string>;
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      const mark = parseMarkCell(PROBLEM_MARKS, cols.get(col)) as { state: CellMark['severity']; key: string };
      marks.push({ row, col, severity: mark.state, key: mark.key });
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
    const cols = [...(grid.get(r) as Map<number, string>).entries()].sort((a, b) => a[0] - b[0]);
    data += `<row r="${r + 1}">${cols.map(([c, text]) => cellXml(cellRef(r, c), text, 0, null)).join('')}</row>`;
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

/** The layer's rules the sheet part already has (main block or Excel's x14 extension). */
function rulesIn<S extends string>(tail: string, layer: MarkLayer<S>, markSheet: string): OurRule<S>[] {
  const found: OurRule<S>[] = [];
  for (const m of tail.matchAll(/<(?:[\w.-]+:)?(?:formula|f)>([^<]*)<\//g)) {
    const rule = ourRule(layer, unescapeXml(m[1]), markSheet);
    if (rule) found.push(rule);
  }
  return found;
}

/** The x14 extension that holds conditional formats Excel cannot keep in the main block. */
const X14_CF_EXT = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';
const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM_NS = 'http://schemas.microsoft.com/office/excel/2006/main';

/** dxf content of a state (font colour, if it has one, and fill, as Excel writes its preset rules), in the main namespace. */
function dxfContent(p: string, style: { readonly fill: string; readonly font?: string }): string {
  const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
  const font = style.font ? `<${p}font><${p}color rgb="${argb(style.font)}"/></${p}font>` : '';
  return `${font}<${p}fill><${p}patternFill><${p}bgColor rgb="${argb(style.fill)}"/></${p}patternFill></${p}fill>`;
}

/**
 * Our rules as Excel 2010+ stores a rule that reads another sheet: an x14 conditionalFormatting in the
 * worksheet's extLst, the format inline (MS-OI29500 3.2.3.1.2 forbids 3-D references in the main
 * block). The element declares its own namespaces, so it fits whatever prefixes the part uses.
 */
function x14Rules<S extends string>(p: string, layer: MarkLayer<S>, markSheet: string, states: ReadonlyArray<S>, keyCol: number, firstPriority: number): string {
  const rules = states
    .map(
      (s, i) =>
        `<x14:cfRule type="expression" priority="${firstPriority + i}" id="${ruleId(layer, markSheet, s)}"><xm:f>${escapeText(markRuleFormula(layer, markSheet, s, keyCol))}</xm:f>` +
        `<x14:dxf>${dxfContent(p, layer.style[s])}</x14:dxf></x14:cfRule>`,
    )
    .join('');
  return `<x14:conditionalFormatting xmlns:x14="${X14_NS}" xmlns:xm="${XM_NS}">${rules}<xm:sqref>${WHOLE_SHEET}</xm:sqref></x14:conditionalFormatting>`;
}

/** A stable GUID for each of our x14 rules (Excel gives every x14 rule one): the mark sheet's hash
 *  and the state's digit (distinct across the layers: 1, 2 for problems, 3, 4 for due colours). */
function ruleId<S extends string>(layer: MarkLayer<S>, markSheet: string, state: S): string {
  const hash = markSheet.slice(layer.prefix.length).toUpperCase();
  return `{${hash}-DE5C-4B00-8000-00000000000${layer.value[state]}}`;
}

/**
 * `tail` without the conditional formats that are wholly ours and keyed otherwise than by `keyCol`:
 * in the main block (written so, keyless, by earlier versions) or in the x14 extension (the key
 * column has changed: the sheet's columns were rearranged). The clerk's rules, and any block mixing
 * theirs with ours, stay as they are.
 */
function withoutStaleRules(tail: string, layer: MarkLayer, markSheet: string, keyCol: number): string {
  return tail.replace(/<([\w.-]+:)?conditionalFormatting\b[^>]*>[\s\S]*?<\/\1conditionalFormatting>/g, (block) => {
    const rules = [...block.matchAll(/<(?:[\w.-]+:)?(?:formula|f)>([^<]*)<\//g)].map((m) => ourRule(layer, unescapeXml(m[1]), markSheet));
    const wholly = rules.length > 0 && rules.every((r) => r !== null);
    return wholly && rules.some((r) => r?.keyCol !== keyCol) ? '' : block;
  });
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

/** The highest priority number among the rules in `text`; 0 without any. */
function maxPriority(text: string): number {
  let priority = 0;
  for (const m of text.matchAll(/\bpriority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
  return priority;
}

/**
 * `tail` with the rules of `layer` (reading `markSheet`) renumbered after every other rule of the
 * sheet: a layer that ranks below the others keeps its place when a higher one adds rules.
 */
function numberedLast(tail: string, layer: MarkLayer, markSheet: string): string {
  const rule = /<([\w.-]+:)?cfRule\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/\1cfRule>)/g;
  const isOurs = (body: string | undefined) => {
    const f = body === undefined ? null : /<(?:[\w.-]+:)?(?:formula|f)>([^<]*)<\//.exec(body);
    return f !== null && ourRule(layer, unescapeXml(f[1]), markSheet) !== null;
  };
  let others = 0;
  let last = Infinity;
  for (const m of tail.matchAll(rule)) {
    const priority = Number(/\bpriority="(\d+)"/.exec(m[2])?.[1] ?? 0);
    if (isOurs(m[3])) last = Math.min(last, priority);
    else others = Math.max(others, priority);
  }
  if (last === Infinity || last > others) return tail;
  let next = others;
  return tail.replace(rule, (whole: string, p: string | undefined, attrs: string, body: string | undefined) =>
    isOurs(body) ? whole.replace(/\bpriority="\d+"/, `priority="${++next}"`) : whole,
  );
}

/**
 * Makes a data sheet show the layer's marks `grid` (the whole mark sheet, as text by cell), keyed by
 * column `keyCol`; creates the mark sheet and the rules only when there is a mark to show. Returns
 * whether anything changed: nothing when the marks and the rules are already as wanted.
 */
function commit(pkg: Package, st: Structure, dataSheet: SheetModel, layer: MarkLayer, keyCol: number, grid: MarkGrid): boolean {
  if (!dataSheet.part) throw damaged({ reason: 'SHEET_NO_PART', sheet: dataSheet.name });
  const name = markSheetName(dataSheet.name, layer);
  const existing = findMarkSheet(st, dataSheet.name, layer);
  if (!existing && grid.size === 0) return false;

  // Everything is built first and committed at the end, so a failure leaves the package as it was.
  let dataPartChunks: Uint8Array[] | null = null;

  // The conditional formats on the data sheet, once, in the x14 extension (see x14Rules).
  const bytes = pkg.bytes(dataSheet.part);
  const scan = scanSheet(bytes);
  if (!scan) throw damaged({ reason: 'SHEET_NO_DATA', sheet: dataSheet.name });
  const p = scan.prefix;
  const afterSheetData = scan.selfClosing ? 0 : `</${p}sheetData>`.length;
  const original = fromUtf8(bytes.subarray(scan.dataEnd));
  tailChildren(original, afterSheetData, dataSheet.name); // a damaged part is refused before anything is changed
  let tail = withoutStaleRules(original, layer, name, keyCol);
  const missing = rulesToAdd(layer, rulesIn(tail, layer, name), keyCol);
  let contentTypes = pkg.text(CONTENT_TYPES_PART);
  let workbookRels = pkg.has(st.workbookRelsPart) ? pkg.text(st.workbookRelsPart) : emptyRels();
  const rels = [...st.workbookRels];
  if (missing.length > 0) {
    tail = withX14Rules(tail, afterSheetData, p, x14Rules(p, layer, name, missing, keyCol, maxPriority(tail) + 1), dataSheet.name);
    // the layers ranking below this one stay after it
    for (const lower of MARK_LAYERS.slice(MARK_LAYERS.indexOf(layer) + 1)) tail = numberedLast(tail, lower, markSheetName(dataSheet.name, lower));
  }
  if (tail !== original) dataPartChunks = [bytes.subarray(0, scan.dataEnd), utf8(tail)];

  const before = existing?.part && pkg.has(existing.part) ? parseMarks(pkg.text(existing.part), sharedStrings(pkg, st), layer) : null;
  if (before && !dataPartChunks && sameGrid(before, grid)) return false;

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

  pkg.setText(markPart, markSheetXml(grid));
  if (dataPartChunks) pkg.setChunks(dataSheet.part, dataPartChunks);
  if (contentTypes !== pkg.text(CONTENT_TYPES_PART)) pkg.setText(CONTENT_TYPES_PART, contentTypes);
  if (!pkg.has(st.workbookRelsPart) || workbookRels !== pkg.text(st.workbookRelsPart)) pkg.setText(st.workbookRelsPart, workbookRels);
  if (workbook !== null) pkg.setText(st.workbookPart, workbook);
  return true;
}

function sameGrid(a: MarkGrid, b: MarkGrid): boolean {
  const cells = (g: MarkGrid) => [...g].flatMap(([r, cols]) => [...cols].map(([c, text]) => `${r}:${c}=${text}`)).sort();
  const x = cells(a);
  const y = cells(b);
  return x.length === y.length && x.every((cell, i) => cell === y[i]);
}

/**
 * Replace the problem marks of a data sheet (all, or those in `scopeRows`). Creates the mark sheet and
 * the conditional formats only when there is a mark to show.
 */
export function setMarks(pkg: Package, st: Structure, dataSheet: SheetModel, { keyCol, marks }: MarkSet, scopeRows: ReadonlyArray<number> | null): void {
  if (!dataSheet.part) throw damaged({ reason: 'SHEET_NO_PART', sheet: dataSheet.name });
  const existing = findMarkSheet(st, dataSheet.name);
  const scope = scopeRows ? new Set(scopeRows) : null;
  const wanted = marks.filter((m) => Number.isInteger(m.row) && Number.isInteger(m.col) && m.row >= 0 && m.col >= 0 && (!scope || scope.has(m.row)));
  if (!existing && wanted.length === 0) return;

  const grid: MarkGrid = existing?.part && pkg.has(existing.part) && scope ? parseMarks(pkg.text(existing.part), sharedStrings(pkg, st)) : new Map();
  if (scope) for (const run of rowRuns(scope)) for (let r = run.start; r < run.start + run.count; r++) grid.delete(r);
  for (const block of markBlocks(wanted)) {
    block.values.forEach((values, i) => {
      const row = grid.get(block.row + i) ?? new Map<number, string>();
      values.forEach((text, j) => {
        if (text !== '') row.set(block.col + j, text);
      });
      grid.set(block.row + i, row);
    });
  }
  commit(pkg, st, dataSheet, PROBLEM_MARKS, keyCol, grid);
}

/** The problem marks of a data sheet as its mark sheet holds them. */
export function readMarks(pkg: Package, st: Structure, dataSheet: string): CellMark[] {
  const sheet = findMarkSheet(st, dataSheet);
  if (!sheet?.part || !pkg.has(sheet.part)) return [];
  return gridMarks(parseMarks(pkg.text(sheet.part), sharedStrings(pkg, st)));
}

/** Replace the due colours of a data sheet's rows; whether anything changed. */
export function setRowMarks(pkg: Package, st: Structure, dataSheet: SheetModel, { keyCol, marks }: RowMarkSet): boolean {
  const grid: MarkGrid = new Map([...rowMarkTexts(marks)].map(([row, text]) => [row, new Map([[0, text]])]));
  return commit(pkg, st, dataSheet, DUE_MARKS, keyCol, grid);
}

/** The row colours of a data sheet as its due mark sheet holds them, by row. */
export function readRowMarks(pkg: Package, st: Structure, dataSheet: string): RowMark[] {
  const sheet = findMarkSheet(st, dataSheet, DUE_MARKS);
  if (!sheet?.part || !pkg.has(sheet.part)) return [];
  const grid = parseMarks(pkg.text(sheet.part), sharedStrings(pkg, st), DUE_MARKS);
  return [...grid.keys()]
    .sort((a, b) => a - b)
    .flatMap((row) => {
      const mark = parseMarkCell(DUE_MARKS, grid.get(row)?.get(0));
      return mark ? [{ row, state: mark.state, key: mark.key }] : [];
    });
}
