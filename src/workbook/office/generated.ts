// Generated sheets through Office.js: a report (laid out by report.ts) or PivotTables, each on a sheet
// of its own that is replaced whole on every write. A data sheet or a mark sheet is never replaced.
import { PivotSpec, ReportSheet } from '../types';
import { checkReportShape, REPORT_LOOKS } from '../reportLooks';
import { rowToExcel, toExcel } from './cells';
import { WorkbookError } from '../types';
import { changedMeanwhile, writeFailed } from './errors';
import { queueCharts, queuePageLayout, queueReportLayout } from './report';
import { isOurs, OfficeSession, sameSheetName } from './session';
import { writeInSyncs, writeJob } from './write';

/** Rows between one PivotTable and the title of the next: room for the first to grow on refresh. */
export const PIVOT_GAP_ROWS = 4;

/** What writeReport and writePivots learn in their first sync. */
interface GeneratedProbe {
  /** the sheet of that name and its position, if it exists */
  readonly existing: { readonly sheet: Excel.Worksheet; readonly index: number } | null;
  readonly sheetNames: ReadonlyArray<string>;
  /** PivotTables on that sheet (only when asked for) */
  readonly pivots: ReadonlyArray<Excel.PivotTable>;
}

/**
 * Writes a generated sheet. Syncs: 1 to find the sheet of that name (and its tables), 1 that
 * replaces it and writes formats, merges, widths, page layout, charts and the values — 2 in all,
 * more only when the values outweigh one sync's payload budget (a report of thousands of long rows).
 * An existing sheet is replaced by a fresh one at its position (so no old format, merge, chart or
 * PivotTable survives); formulas elsewhere that pointed at it show #REF!. A sheet holding an Excel
 * table (a data sheet) or our marks is never replaced: an Error, a bug above.
 */
export async function writeReport(session: OfficeSession, report: ReportSheet): Promise<void> {
  checkReportShape(report);
  const probe = await probeGenerated(session, report.name, false);
  const fresh = freshSheetName(probe);
  try {
    const sheet = queueFreshSheet(session, report.name, probe, fresh);
    queueReportLayout(sheet, report);
    if (session.isSetSupported('ExcelApi', '1.9')) queuePageLayout(sheet, report);
    queueCharts(sheet, report.charts ?? []);
    const width = report.rows.reduce((w, row) => Math.max(w, row.length), 0);
    const values = report.rows.map((row) => rowToExcel(row, width));
    const job = writeJob(values, (chunk, start) => {
      sheet.getRangeByIndexes(start, 0, chunk.length, width).values = chunk;
    });
    await writeInSyncs(session, width > 0 ? [job] : [], session.budget);
  } catch (error) {
    // nothing in a report's batch is looked up by name but the old sheet: ItemNotFound means it is gone
    throw await afterFailedReplace(session, report.name, fresh, error, true, () => writeFailed({ reason: 'EXCEL_WRITE_SHEET', sheet: report.name }, error));
  }
}

/**
 * PivotTables over Excel tables on one sheet, top to bottom, each under a title cell. When the sheet
 * already holds exactly these PivotTables (by name), they are refreshed instead: 2 syncs. Otherwise
 * the sheet is replaced and each PivotTable is added and measured before the next is placed below
 * it: 1 + one sync per PivotTable (3 PivotTables: 4 syncs). A refresh that fails (a PivotTable grew
 * into the next one) falls back to rebuilding the sheet.
 */
export async function writePivots(session: OfficeSession, sheetName: string, pivots: ReadonlyArray<PivotSpec>): Promise<void> {
  const probe = await probeGenerated(session, sheetName, true);
  const wanted = new Set(pivots.map((p) => p.name.toLocaleLowerCase()));
  const found = new Set(probe.pivots.map((p) => p.name.toLocaleLowerCase()));
  if (probe.existing && pivots.length > 0 && wanted.size === found.size && [...wanted].every((n) => found.has(n))) {
    for (const pivot of probe.pivots) pivot.refresh();
    try {
      await session.sync();
      return;
    } catch {
      // rebuilt below
    }
  }
  const fresh = freshSheetName(probe);
  try {
    const sheet = queueFreshSheet(session, sheetName, probe, fresh);
    const title = REPORT_LOOKS.section;
    let row = 0;
    for (const spec of pivots) {
      const cell = sheet.getRangeByIndexes(row, 0, 1, 1);
      cell.values = [[toExcel(spec.title)]];
      cell.format.font.bold = true;
      if (title.size !== undefined) cell.format.font.size = title.size;
      const source = session.context.workbook.tables.getItem(spec.sourceTable);
      const pivot = sheet.pivotTables.add(spec.name, source, sheet.getRangeByIndexes(row + 1, 0, 1, 1));
      for (const field of spec.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(field));
      for (const field of spec.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(field));
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(spec.count));
      data.summarizeBy = 'Count';
      const extent = pivot.layout.getRange();
      extent.load('rowCount');
      await session.sync();
      row += 1 + extent.rowCount + PIVOT_GAP_ROWS;
    }
    if (pivots.length === 0) await session.sync();
  } catch (error) {
    // a PivotTable's table or field may be what was not found: only a taken name tells of a co-author
    throw await afterFailedReplace(session, sheetName, fresh, error, false, () => writeFailed({ reason: 'EXCEL_PIVOTS', sheet: sheetName }, error));
  }
}

/**
 * A replace that failed half way leaves what ran before the failure (Excel does not roll a batch
 * back): our temporary sheet is removed, one sync, so no stray sheet stays. When a co-author
 * regenerated the same sheet between our look and our write (the old sheet gone, or the name taken),
 * the result is their sheet, and the clerk is told so; any other failure is what Excel said.
 */
async function afterFailedReplace(session: OfficeSession, name: string, fresh: string, error: unknown, notFoundMeansGone: boolean, otherwise: () => unknown): Promise<unknown> {
  if (error instanceof WorkbookError) return error;
  try {
    session.context.workbook.worksheets.getItemOrNullObject(fresh).delete();
    await session.sync();
  } catch {
    // the temporary sheet was never made: nothing to remove
  }
  return changedMeanwhile(error, notFoundMeansGone) ? new WorkbookError('WRITE_FAILED', { reason: 'REGENERATED_MEANWHILE', sheet: name }, { cause: error }) : otherwise();
}

/** One sync: every sheet's name (in tab order), the tables' sheets, and the PivotTables if asked. */
async function probeGenerated(session: OfficeSession, name: string, withPivots: boolean): Promise<GeneratedProbe> {
  const workbook = session.context.workbook;
  const sheets = workbook.worksheets.load('items/name,items/visibility');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  const pivots = withPivots ? workbook.pivotTables.load('items/name,items/worksheet/name') : null;
  await session.sync();
  const index = sheets.items.findIndex((sheet) => sameSheetName(sheet.name, name));
  const sheet = sheets.items[index];
  if (sheet) {
    if (isOurs(sheet)) throw new Error(`The sheet "${sheet.name}" is a mark sheet of the add-in, not a generated sheet.`);
    const table = tables.items.find((t) => sameSheetName(t.worksheet.name, sheet.name));
    if (table) throw new Error(`The sheet "${sheet.name}" holds the table ${table.name}: it is a data sheet, not a generated sheet, and is not replaced.`);
  }
  return {
    existing: sheet ? { sheet, index } : null,
    sheetNames: sheets.items.map((s) => s.name),
    pivots: sheet && pivots ? pivots.items.filter((p) => sameSheetName(p.worksheet.name, sheet.name)) : [],
  };
}

/** A temporary sheet name no one else uses: random, so two clerks replacing at once never share one. */
function freshSheetName(probe: GeneratedProbe): string {
  for (;;) {
    const name = `~deskbook ${Math.random().toString(36).slice(2, 8)}`;
    if (!probe.sheetNames.some((s) => sameSheetName(s, name))) return name;
  }
}

/**
 * Queues a new, empty sheet of that name where the old one stood. The new sheet is added before the
 * old is deleted, under a temporary name, so a workbook whose only sheet is the report still has one.
 */
function queueFreshSheet(session: OfficeSession, name: string, probe: GeneratedProbe, fresh: string): Excel.Worksheet {
  const sheets = session.context.workbook.worksheets;
  if (!probe.existing) return sheets.add(name);
  const sheet = sheets.add(fresh);
  probe.existing.sheet.delete();
  sheet.name = name;
  sheet.position = probe.existing.index;
  return sheet;
}
