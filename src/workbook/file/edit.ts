// The three writes of the Workbook interface, as edits of a package: new parts are added, the small
// shared parts ([Content_Types].xml, workbook.xml and its rels, styles.xml) get entries inserted, and
// every other part is left alone. Each edit validates first and commits only when all is built.
import { Cell, NewSheet, WorkbookError } from '../types';
import { utf8 } from './bytes';
import { rowChunks, SharedStrings } from './cells';
import { scanSheet, SheetScan, spliceRows } from './append';
import { checkName, checkSheetName, storedFormula } from './names';
import {
  addOverride,
  addRelationship,
  CONTENT_TYPE,
  CONTENT_TYPES_PART,
  emptyRels,
  nextRelId,
  REL,
  Relationship,
  relativeTarget,
  relsPartOf,
  withRelsDefault,
} from './opc';
import { Package } from './package';
import { MAX_ROWS, Range } from '../a1';
import { sheetPartChunks } from './sheetXml';
import { SheetModel, Structure, TablePart } from './structure';
import { StyleEditor } from './styles';
import { tableXml, withLastRow } from './tableXml';
import { STYLES_XML } from './template';
import { addDefinedNames, addSheetEntry } from './workbookXml';
import { damaged } from './xml';

const lower = (s: string) => s.toLowerCase();

export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** `${dir}${stem}N.xml` with the smallest N not in use. */
export function freePartName(used: Set<string>, dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${dir}${stem}${n}.xml`;
    if (!used.has(lower(name))) {
      used.add(lower(name));
      return name;
    }
  }
}

function checkNewSheets(st: Structure, sheets: ReadonlyArray<NewSheet>): void {
  const sheetNames = new Set(st.sheets.map((s) => lower(s.name)));
  const names = new Set([...st.tables.flatMap((t) => [lower(t.info.name), lower(t.info.displayName)]), ...st.names.map((n) => lower(n.name))]);
  for (const sheet of sheets) {
    checkSheetName(sheet.name);
    if (sheetNames.has(lower(sheet.name))) throw new Error(`a sheet named "${sheet.name}" already exists`);
    sheetNames.add(lower(sheet.name));
    if (sheet.tableName === undefined) continue;
    checkName(sheet.tableName, 'table name');
    if (names.has(lower(sheet.tableName))) throw new Error(`the name "${sheet.tableName}" is already used by a table or defined name`);
    names.add(lower(sheet.tableName));
    if (sheet.columns.length === 0) throw new Error(`table "${sheet.tableName}" needs at least one column`);
    const headers = new Set<string>();
    for (const c of sheet.columns) {
      if (c.header.trim() === '') throw new Error(`table "${sheet.tableName}" has a column without a header`);
      if (headers.has(lower(c.header))) throw new Error(`table "${sheet.tableName}" has two columns named "${c.header}"`);
      headers.add(lower(c.header));
    }
  }
}

/** The styles part, created from the template if the workbook has none. */
export function stylesPart(pkg: Package, st: Structure, rels: Relationship[]): { part: string; created: boolean } {
  const rel = rels.find((r) => r.type === REL.styles && !r.external);
  if (rel && pkg.has(rel.part)) return { part: pkg.nameOf(rel.part) ?? rel.part, created: false };
  return { part: `${dirOf(st.workbookPart)}styles.xml`, created: true };
}

export function addSheets(pkg: Package, st: Structure, sheets: ReadonlyArray<NewSheet>, strings: SharedStrings | null): void {
  checkNewSheets(st, sheets);
  if (sheets.length === 0) return;
  const mark = strings?.mark();
  try {
    buildSheets(pkg, st, sheets, strings);
  } catch (e) {
    if (strings && mark) strings.rollback(mark);
    throw e;
  }
}

function buildSheets(pkg: Package, st: Structure, sheets: ReadonlyArray<NewSheet>, strings: SharedStrings | null): void {
  const dir = dirOf(st.workbookPart);
  const used = new Set(pkg.names().map(lower));
  let contentTypes = pkg.text(CONTENT_TYPES_PART);
  let workbook = pkg.text(st.workbookPart);
  let workbookRels = pkg.has(st.workbookRelsPart) ? pkg.text(st.workbookRelsPart) : emptyRels();
  const rels = [...st.workbookRels];
  const newParts: Array<[string, ReadonlyArray<Uint8Array>]> = [];

  const needsStyles = sheets.some((s) => s.columns.some((c) => c.numberFormat !== undefined));
  const styles = needsStyles ? stylesPart(pkg, st, rels) : null;
  const styleEditor = styles ? new StyleEditor(styles.created ? STYLES_XML : pkg.text(styles.part)) : null;
  if (styles?.created) {
    const id = nextRelId(rels);
    rels.push({ id, type: REL.styles, target: 'styles.xml', external: false, part: styles.part });
    workbookRels = addRelationship(workbookRels, id, REL.styles, relativeTarget(st.workbookPart, styles.part));
    contentTypes = addOverride(contentTypes, styles.part, CONTENT_TYPE.styles);
  }

  let sheetId = Math.max(0, ...st.sheets.map((s) => s.sheetId)) + 1;
  let tableId = Math.max(0, ...st.tables.map((t) => t.info.id)) + 1;
  for (const sheet of sheets) {
    const sheetPart = freePartName(used, `${dir}worksheets/`, 'sheet');
    const columnStyles = sheet.columns.map((c) => (c.numberFormat !== undefined && styleEditor ? styleEditor.xfFor(c.numberFormat) : 0));
    let tableRelId: string | null = null;
    if (sheet.tableName !== undefined) {
      const tablePart = freePartName(used, `${dir}tables/`, 'table');
      tableRelId = 'rId1';
      const range: Range = { start: { row: 0, col: 0 }, end: { row: Math.max(1, sheet.rows.length), col: sheet.columns.length - 1 } };
      const headers = sheet.columns.map((c) => c.header);
      newParts.push([tablePart, [utf8(tableXml(tableId++, sheet.tableName, range, headers))]]);
      const sheetRels = addRelationship(emptyRels(), tableRelId, REL.table, relativeTarget(sheetPart, tablePart));
      newParts.push([relsPartOf(sheetPart), [utf8(sheetRels)]]);
      contentTypes = withRelsDefault(addOverride(contentTypes, tablePart, CONTENT_TYPE.table));
    }
    newParts.push([sheetPart, sheetPartChunks({ sheet, columnStyles, strings, tableRelId })]);
    contentTypes = addOverride(contentTypes, sheetPart, CONTENT_TYPE.worksheet);
    const relId = nextRelId(rels);
    rels.push({ id: relId, type: REL.worksheet, target: '', external: false, part: sheetPart });
    workbookRels = addRelationship(workbookRels, relId, REL.worksheet, relativeTarget(st.workbookPart, sheetPart));
    workbook = addSheetEntry(workbook, { name: sheet.name, sheetId: sheetId++, relId });
  }

  for (const [name, chunks] of newParts) pkg.setChunks(name, chunks);
  if (styles && styleEditor && (styleEditor.changed || styles.created)) pkg.setText(styles.part, styleEditor.text());
  pkg.setText(CONTENT_TYPES_PART, contentTypes);
  pkg.setText(st.workbookRelsPart, workbookRels);
  pkg.setText(st.workbookPart, workbook);
}

/** The table to grow: one whose data ends at the sheet's last row (or an empty table whose header
 *  is the last row). Tables with a totals row are left alone. */
function tableToExtend(sheet: SheetModel, lastRow: number): TablePart | undefined {
  return sheet.tables.find(({ info }) => {
    const r = info.range;
    if (!r || info.totalsRowCount > 0) return false;
    return r.end.row === lastRow || (r.end.row === lastRow + 1 && r.start.row === lastRow && info.headerRowCount > 0);
  });
}

/** Style of each new cell: the cell above it (unless that is a header), else its column's style. */
function appendStyles(scan: SheetScan, table: TablePart | undefined, startCol: number, width: number): number[] {
  const lastRow = scan.lastRow;
  const headerAbove = table
    ? table.info.headerRowCount > 0 && table.info.range?.start.row === lastRow
    : lastRow <= 0 || scan.dimension?.start.row === lastRow;
  const above = new Map(headerAbove ? [] : scan.lastRowCells.map((c) => [c.col, c.style]));
  const styles: number[] = [];
  for (let col = startCol; col < startCol + width; col++) {
    styles.push(above.get(col) ?? scan.columnStyles.find((c) => c.first <= col && col <= c.last)?.style ?? 0);
  }
  return styles;
}

export function appendRows(pkg: Package, sheet: SheetModel, rows: ReadonlyArray<ReadonlyArray<Cell>>, strings: SharedStrings | null): void {
  if (!sheet.part) throw damaged({ reason: 'SHEET_NO_PART', sheet: sheet.name });
  const bytes = pkg.bytes(sheet.part);
  const scan = scanSheet(bytes);
  if (!scan) throw damaged({ reason: 'SHEET_NO_DATA', sheet: sheet.name });
  const table = tableToExtend(sheet, scan.lastRow);
  const startCol = table?.info.range?.start.col ?? (scan.lastRowCells.length ? Math.min(...scan.lastRowCells.map((c) => c.col)) : (scan.dimension?.start.col ?? 0));
  const width = Math.max(...rows.map((r) => r.length));
  const firstRow = scan.lastRow + 1;
  const lastRow = scan.lastRow + rows.length;
  if (lastRow >= MAX_ROWS) throw new WorkbookError('TOO_LARGE', { reason: 'SHEET_ROW_LIMIT', sheet: sheet.name, limit: MAX_ROWS });

  const mark = strings?.mark();
  let chunks: Uint8Array[];
  try {
    chunks = rowChunks(firstRow, startCol, rows, appendStyles(scan, table, startCol, width), strings, { p: scan.prefix, keepStyledEmpty: true });
  } catch (e) {
    if (strings && mark) strings.rollback(mark);
    throw e;
  }
  const d = scan.dimension;
  const dimension: Range | null = d && {
    start: { row: Math.min(d.start.row, firstRow), col: Math.min(d.start.col, startCol) },
    end: { row: Math.max(d.end.row, lastRow), col: Math.max(d.end.col, startCol + width - 1) },
  };
  pkg.setChunks(sheet.part, spliceRows(bytes, scan, chunks, dimension));
  if (table) pkg.setText(table.part, withLastRow(pkg.text(table.part), lastRow));
}

export function addNames(pkg: Package, st: Structure, names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): void {
  const taken = new Set([...st.names.filter((n) => n.localSheetId === undefined).map((n) => lower(n.name)), ...st.tables.map((t) => lower(t.info.displayName))]);
  for (const n of names) {
    checkName(n.name, 'defined name');
    if (taken.has(lower(n.name))) throw new Error(`the name "${n.name}" already exists in the workbook`);
    taken.add(lower(n.name));
    if (storedFormula(n.formula) === '') throw new Error(`defined name "${n.name}" has an empty formula`);
  }
  const stored = names.map((n) => ({ name: n.name, formula: storedFormula(n.formula) }));
  pkg.setText(st.workbookPart, addDefinedNames(pkg.text(st.workbookPart), stored));
}
