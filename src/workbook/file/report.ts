// A generated sheet (ReportSheet) written into a package: its worksheet part is written here whole,
// in inline strings (so the part stands alone and the same input gives the same bytes), with the
// report styles of reportStyles.ts, merges, widths and an A4 landscape page set-up; its print titles
// are the sheet-scoped name _xlnm.Print_Titles. A sheet of that name written before is replaced in
// place: same <sheet> entry, relationship id, part name and position; the parts that hung off the old
// sheet alone (its drawing and charts, printer settings) go with it. Nothing else of the package is
// re-serialized, so the cost is the report's, not the workbook's. Charts are drawn as in Excel: a
// drawing part and one DrawingML chart part each (chart.ts), over the sheet's own cells.
import { isMarkSheetName } from '../marks';
import { checkReportShape, REPORT_MARGINS } from '../reportLooks';
import { Cell, ReportSheet, ReportStyle } from '../types';
import { GENERATED_MARK, generatedMarkFormula, generatedTarget, marksSheet, sameTitle, takenCandidates } from '../generated';
import { utf8 } from './bytes';
import { cellXml } from './cells';
import { dirOf, freePartName, stylesPart } from './edit';
import { checkSheetName, quoteSheetName } from './names';
import {
  addOverride,
  addRelationship,
  CONTENT_TYPE,
  CONTENT_TYPES_PART,
  emptyRels,
  nextRelId,
  parseContentTypes,
  REL,
  relativeTarget,
  parseRels,
  relsPartOf,
  removeOverride,
  removeRelationship,
  withRelsDefault,
} from './opc';
import { CHART_CONTENT_TYPE, CHART_REL, chartXml, drawingXml } from './chart';
import { Package } from './package';
import { boxRef, cellRef } from '../a1';
import { ReportStyles } from './reportStyles';
import { SheetModel, Structure } from './structure';
import { STYLES_XML } from './template';
import { addSheetEntry, setLocalName } from './workbookXml';

const PRINT_TITLES = '_xlnm.Print_Titles';
/** Excel stores a width of N characters as N plus the cell padding of the default font. */
const WIDTH_PADDING = 0.7109375;
const CALC_CHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';

const m = REPORT_MARGINS;
const MARGINS = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
/** A4 (paperSize 9) landscape, fit to one page wide and as many pages tall as it takes. */
const PAGE_SETUP = '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

/** Page by page (ReportSheet.pages): A4 in its orientation at 100 %, centred across the page, and a
 *  manual break above each row that starts a page (<brk id> is that row's 0-based index: the break
 *  falls above it). */
function pagesXml(pages: NonNullable<ReportSheet['pages']>): { setup: string; breaks: string; options: string } {
  const n = pages.breaks.length;
  const breaks = n ? `<rowBreaks count="${n}" manualBreakCount="${n}">${pages.breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '';
  const scale = pages.scale === undefined || pages.scale === 100 ? '' : ` scale="${pages.scale}"`;
  return { setup: `<pageSetup paperSize="9"${scale} orientation="${pages.orientation}"/>`, breaks, options: '<printOptions horizontalCentered="1"/>' };
}
/** "Page 1 / 3" centred in the footer. */
const FOOTER = '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>';

/** The worksheet part of a report, as chunks of a few hundred rows; `drawingRelId`: its drawing's relationship. */
export function reportPartChunks(sheet: ReportSheet, xfOf: (style: ReportStyle) => number, drawingRelId?: string): Uint8Array[] {
  const rowCount = sheet.rows.length;
  const width = sheet.rows.reduce((w, row) => Math.max(w, row.length), 0);
  const dimension = rowCount && width ? boxRef({ row: 0, col: 0, rows: rowCount, cols: width }) : 'A1';
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w + WIDTH_PADDING}" customWidth="1"/>`).join('');
  const chunks: Uint8Array[] = [
    utf8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        (sheet.pages ? '' : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') +
        `<dimension ref="${dimension}"/>` +
        '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        (cols ? `<cols>${cols}</cols>` : '') +
        '<sheetData>',
    ),
  ];
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
  const batch = 256;
  for (let start = 0; start < rowCount; start += batch) {
    let s = '';
    for (let r = start; r < Math.min(rowCount, start + batch); r++) {
      const cells = sheet.rows[r];
      const styles = sheet.styles[r] ?? [];
      let row = '';
      for (let c = 0; c < cells.length; c++) {
        const style = styles[c];
        // a styled empty cell is kept: a header's fill and borders run across its merged cells
        row += cellXml(cellRef(r, c), cells[c], style ? xfOf(style) : 0, null, '', true);
      }
      const ht = heights.get(r);
      if (row || ht !== undefined) s += `<row r="${r + 1}"${ht === undefined ? '' : ` ht="${ht}" customHeight="1"`}>${row}</row>`;
    }
    chunks.push(utf8(s));
  }
  const merges = sheet.merges ?? [];
  const pages = sheet.pages ? pagesXml(sheet.pages) : { setup: PAGE_SETUP, breaks: '', options: '' };
  chunks.push(
    utf8(
      '</sheetData>' +
        (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${boxRef(m)}"/>`).join('')}</mergeCells>` : '') +
        pages.options +
        MARGINS +
        pages.setup +
        FOOTER +
        pages.breaks +
        (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : '') +
        '</worksheet>',
    ),
  );
  return chunks;
}

/** The print-titles formula of a sheet: `'月报 2026-11'!$5:$5`. */
export function printTitlesFormula(sheet: ReportSheet): string | null {
  const t = sheet.printTitleRows;
  return t ? `${quoteSheetName(sheet.name)}!$${t.first + 1}:$${t.last + 1}` : null;
}

/** Whether the sheet at `index` carries our marker for its present name (see ../generated.ts). */
export function isMarked(st: Structure, index: number): boolean {
  const model = st.sheets[index];
  return st.names.some((n) => n.name === GENERATED_MARK && n.localSheetId === String(index) && marksSheet(n.formula, model.name));
}

/** A sheet a report could replace at all: a worksheet holding no Excel table, not one of our mark sheets. */
function replaceable(st: Structure, model: SheetModel): boolean {
  if (model.tables.length > 0 || (isMarkSheetName(model.name) && model.state === 'veryHidden')) return false;
  const rel = st.workbookRels.find((r) => r.id === model.relId);
  return !!model.part && !!rel && rel.type === REL.worksheet;
}

function sheetIndex(st: Structure, name: string): number {
  return st.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
}

/**
 * The sheets among a report's own name and its numbered names (`NAME (2)`, …) that exist, could be
 * replaced and carry no marker: a version before markers may have written them, which only their
 * first cell tells (the caller reads it and hands it to writeReport).
 */
export function unmarkedCandidates(st: Structure, name: string): string[] {
  return takenCandidates(name, st.sheets.map((s) => s.name)).filter((n) => {
    const i = sheetIndex(st, n);
    return replaceable(st, st.sheets[i]) && !isMarked(st, i);
  });
}

/**
 * Writes the report into the package: the sheet of that name replaced in place if it is ours (it
 * carries our marker, or carries none and `firstCells`, the first cell of each unmarked candidate by
 * lower-case name, shows the report's own title there), else the first free or ours of `NAME (2)`,
 * `NAME (3)`, …, or a new sheet added at the end. A clerk's sheet is never replaced. Everything is
 * built first and committed at the end. Returns the name written.
 */
export function writeReport(pkg: Package, st: Structure, report: ReportSheet, firstCells: ReadonlyMap<string, Cell> = new Map()): string {
  checkSheetName(report.name);
  checkReportShape(report);
  const ours = (name: string) => {
    const i = sheetIndex(st, name);
    if (!replaceable(st, st.sheets[i])) return false;
    return isMarked(st, i) || sameTitle(firstCells.get(name.toLowerCase()), report.rows[0]?.[0]);
  };
  const target = generatedTarget(report.name, (name) => sheetIndex(st, name) >= 0, ours);
  const sheet: ReportSheet = target === report.name ? report : { ...report, name: target };
  const index = sheetIndex(st, target);
  const existing: SheetModel | undefined = st.sheets[index];

  let contentTypes = pkg.text(CONTENT_TYPES_PART);
  let workbookRels = pkg.has(st.workbookRelsPart) ? pkg.text(st.workbookRelsPart) : emptyRels();
  let workbook = pkg.text(st.workbookPart);
  const rels = [...st.workbookRels];
  const removed: string[] = [];

  const styles = stylesPart(pkg, st, rels);
  const styleEditor = new ReportStyles(styles.created ? STYLES_XML : pkg.text(styles.part));
  if (styles.created) {
    const id = nextRelId(rels);
    rels.push({ id, type: REL.styles, target: 'styles.xml', external: false, part: styles.part });
    workbookRels = addRelationship(workbookRels, id, REL.styles, relativeTarget(st.workbookPart, styles.part));
    contentTypes = addOverride(contentTypes, styles.part, CONTENT_TYPE.styles);
  }
  const charts = sheet.charts ?? [];
  const chunks = reportPartChunks(sheet, (style) => styleEditor.xfOf(style), charts.length ? 'rId1' : undefined);

  let part: string;
  let position: number;
  if (existing?.part) {
    part = existing.part;
    position = index;
    // What hung off the old sheet (printer settings, the drawing and charts of an earlier report or
    // of Excel) belongs to the old contents: its relationships and the parts only it used go with them.
    if (pkg.has(relsPartOf(part))) removed.push(relsPartOf(part));
    for (const owned of partsOwnedBy(pkg, part)) {
      removed.push(owned);
      if (pkg.has(relsPartOf(owned))) removed.push(relsPartOf(owned));
      contentTypes = removeOverride(contentTypes, owned);
    }
    // The old sheet may hold formulas someone typed; Excel's calculation chain would then point at
    // cells that no longer hold one (Excel reports the file as damaged). Excel rebuilds the chain.
    const chain = rels.find((r) => r.type === CALC_CHAIN && !r.external);
    if (chain && /<(?:[\w.-]+:)?f[\s>/]/.test(pkg.text(part))) {
      workbookRels = removeRelationship(workbookRels, chain.id);
      if (pkg.has(chain.part)) {
        removed.push(chain.part);
        contentTypes = removeOverride(contentTypes, chain.part);
      }
    }
    if (parseContentTypes(contentTypes).overrides.get(part.toLowerCase()) !== CONTENT_TYPE.worksheet) {
      contentTypes = addOverride(removeOverride(contentTypes, part), part, CONTENT_TYPE.worksheet);
    }
  } else {
    const used = new Set(pkg.names().map((n) => n.toLowerCase()));
    part = freePartName(used, `${dirOf(st.workbookPart)}worksheets/`, 'sheet');
    position = st.sheets.length;
    contentTypes = addOverride(contentTypes, part, CONTENT_TYPE.worksheet);
    const relId = nextRelId(rels);
    workbookRels = addRelationship(workbookRels, relId, REL.worksheet, relativeTarget(st.workbookPart, part));
    const sheetId = Math.max(0, ...st.sheets.map((s) => s.sheetId)) + 1;
    workbook = addSheetEntry(workbook, { name: sheet.name, sheetId, relId });
  }
  // localSheetId is the sheet's position in <sheets>
  workbook = setLocalName(workbook, PRINT_TITLES, position, printTitlesFormula(sheet));
  workbook = setLocalName(workbook, GENERATED_MARK, position, generatedMarkFormula(sheet.name).slice(1), { hidden: true });

  for (const name of removed) pkg.remove(name);
  if (charts.length) contentTypes = addCharts(pkg, part, sheet, contentTypes);
  pkg.setChunks(part, chunks);
  if (styles.created || styleEditor.changed) pkg.setText(styles.part, styleEditor.text());
  if (contentTypes !== pkg.text(CONTENT_TYPES_PART)) pkg.setText(CONTENT_TYPES_PART, contentTypes);
  if (!pkg.has(st.workbookRelsPart) || workbookRels !== pkg.text(st.workbookRelsPart)) pkg.setText(st.workbookRelsPart, workbookRels);
  if (workbook !== pkg.text(st.workbookPart)) pkg.setText(st.workbookPart, workbook);
  return sheet.name;
}

/**
 * The parts reached from a sheet part through relationships (its drawing, the drawing's charts,
 * their own parts) that no relationship from elsewhere in the package points at: a generated sheet
 * replaced takes them with it, and a regenerated report reuses their names.
 */
function partsOwnedBy(pkg: Package, sheetPart: string): string[] {
  const owned = new Set<string>();
  const walk = (from: string) => {
    const rels = relsPartOf(from);
    if (!pkg.has(rels)) return;
    for (const r of parseRels(pkg.text(rels), from)) {
      const target = pkg.nameOf(r.part);
      if (r.external || !target || owned.has(target.toLowerCase()) || target.toLowerCase() === sheetPart.toLowerCase()) continue;
      owned.add(target.toLowerCase());
      walk(target);
    }
  };
  walk(sheetPart);
  if (owned.size === 0) return [];
  const inside = new Set([sheetPart, ...owned].map((p) => relsPartOf(p).toLowerCase()));
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith('.rels') || inside.has(name.toLowerCase())) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/i, '$1');
    for (const r of parseRels(pkg.text(name), source)) if (!r.external) owned.delete(r.part.toLowerCase());
  }
  return pkg.names().filter((n) => owned.has(n.toLowerCase()));
}

/** Writes the report's drawing and chart parts and the sheet's relationship to the drawing (rId1). */
function addCharts(pkg: Package, sheetPart: string, sheet: ReportSheet, contentTypes: string): string {
  const charts = sheet.charts ?? [];
  const used = new Set(pkg.names().map((n) => n.toLowerCase()));
  const xl = dirOf(sheetPart).replace(/worksheets\/$/, '');
  const drawing = freePartName(used, `${xl}drawings/`, 'drawing');
  const chartParts = charts.map(() => freePartName(used, `${xl}charts/`, 'chart'));
  let drawingRels = emptyRels();
  const relIds = chartParts.map((chart, i) => {
    const id = `rId${i + 1}`;
    drawingRels = addRelationship(drawingRels, id, CHART_REL.chart, relativeTarget(drawing, chart));
    pkg.setText(chart, chartXml(charts[i], sheet.name, sheet.rows));
    contentTypes = addOverride(contentTypes, chart, CHART_CONTENT_TYPE.chart);
    return id;
  });
  pkg.setText(drawing, drawingXml(charts, relIds));
  pkg.setText(relsPartOf(drawing), drawingRels);
  pkg.setText(relsPartOf(sheetPart), addRelationship(emptyRels(), 'rId1', CHART_REL.drawing, relativeTarget(sheetPart, drawing)));
  return withRelsDefault(addOverride(contentTypes, drawing, CHART_CONTENT_TYPE.drawing));
}
