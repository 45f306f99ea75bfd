// Generated sheets through Office.js: a report (laid out by report.ts) or PivotTables, each on a sheet
// of its own that is replaced whole on every write, if the add-in wrote it (../generated.ts: a hidden
// sheet-scoped name, Worksheet.names, ExcelApi 1.4; NamedItem.formula 1.7). A clerk's sheet of that
// name, a data sheet or a mark sheet is never replaced: the sheet goes to `NAME (2)`, … instead.
import { Cell, PivotSpec, ReportSheet } from '../types';
import { GENERATED_MARK, generatedMarkFormula, generatedTarget, marksSheet, sameTitle, takenCandidates } from '../generated';
import { checkReportShape, REPORT_LOOKS } from '../reportLooks';
import { rowToExcel, toExcel } from './cells';
import { WorkbookError } from '../types';
import { changedMeanwhile, writeFailed } from './errors';
import { queueCharts, queuePageLayout, queueReportLayout } from './report';
import { isOurs, OfficeSession, sameSheetName } from './session';
import { writeInSyncs, writeJob } from './write';

/** Rows between one PivotTable and the title of the next: room for the first to grow on refresh. */
export const PIVOT_GAP_ROWS = 4;

/** What writeReport and writePivots learn before they write. */
interface GeneratedProbe {
  /** the name to write: the one asked for, or `NAME (2)`, … when that is a clerk's sheet */
  readonly target: string;
  /** the sheet of the target's name (ours) and its position, if it exists */
  readonly existing: { readonly sheet: Excel.Worksheet; readonly index: number } | null;
  readonly sheetNames: ReadonlyArray<string>;
  /** PivotTables on that sheet (only when asked for) */
  readonly pivots: ReadonlyArray<Excel.PivotTable>;
}

/**
 * Writes a generated sheet; returns the name written. Syncs: 1 to find the sheets of that name and
 * its numbered names (and their tables), 1 more only when one of them exists, to read its marker and
 * first cell (is it ours?), 1 that replaces it and writes formats, merges, widths, page layout,
 * charts, the values and the marker — 2 for a new sheet, 3 to regenerate one, more only when the
 * values outweigh one sync's payload budget (a report of thousands of long rows). An existing sheet
 * of ours is replaced by a fresh one at its position (so no old format, merge, chart or PivotTable
 * survives); formulas elsewhere that pointed at it show #REF!. A sheet not ours is left as it is.
 */
export async function writeReport(session: OfficeSession, report: ReportSheet): Promise<string> {
  checkReportShape(report);
  const probe = await probeGenerated(session, report.name, report.rows[0]?.[0], false);
  const fresh = freshSheetName(probe);
  const name = probe.target;
  try {
    const sheet = queueFreshSheet(session, name, probe, fresh);
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
    throw await afterFailedReplace(session, name, fresh, error, true, () => writeFailed({ reason: 'EXCEL_WRITE_SHEET', sheet: name }, error));
  }
  return name;
}

/**
 * PivotTables over Excel tables on one sheet, top to bottom, each under a title cell. When the sheet
 * already holds exactly these PivotTables (by name), they are refreshed instead: 2 syncs. Otherwise
 * the sheet is replaced and each PivotTable is added and measured before the next is placed below
 * it: 1 + one sync per PivotTable (3 PivotTables: 4 syncs). A refresh that fails (a PivotTable grew
 * into the next one) falls back to rebuilding the sheet.
 */
export async function writePivots(session: OfficeSession, asked: string, pivots: ReadonlyArray<PivotSpec>): Promise<string> {
  const probe = await probeGenerated(session, asked, pivots[0]?.title, true);
  const sheetName = probe.target;
  const wanted = new Set(pivots.map((p) => p.name.toLocaleLowerCase()));
  const found = new Set(probe.pivots.map((p) => p.name.toLocaleLowerCase()));
  if (probe.existing && pivots.length > 0 && wanted.size === found.size && [...wanted].every((n) => found.has(n))) {
    for (const pivot of probe.pivots) pivot.refresh();
    try {
      await session.sync();
      return sheetName;
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
  return sheetName;
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

/**
 * One sync: every sheet's name (in tab order), the tables' sheets, and the PivotTables if asked; one
 * more when the name or its numbered names are taken, for each such sheet's marker and first cell.
 * `title`: the new sheet's first cell, which a sheet of an earlier version (without a marker) shows.
 */
async function probeGenerated(session: OfficeSession, name: string, title: Cell | undefined, withPivots: boolean): Promise<GeneratedProbe> {
  const workbook = session.context.workbook;
  const sheets = workbook.worksheets.load('items/name,items/visibility');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  const pivots = withPivots ? workbook.pivotTables.load('items/name,items/worksheet/name') : null;
  await session.sync();
  const find = (n: string) => sheets.items.findIndex((sheet) => sameSheetName(sheet.name, n));
  // a mark sheet or a sheet holding a table (a data sheet) is never ours to replace
  const candidates = takenCandidates(name, sheets.items.map((s) => s.name))
    .map((n) => sheets.items[find(n)])
    .filter((sheet) => !isOurs(sheet) && !tables.items.some((t) => sameSheetName(t.worksheet.name, sheet.name)));
  const ours = new Set<string>();
  if (candidates.length > 0) {
    const looks = candidates.map((sheet) => ({
      sheet,
      mark: sheet.names.getItemOrNullObject(GENERATED_MARK).load('formula'),
      first: sheet.getRange('A1').load('values'),
    }));
    await session.sync();
    for (const { sheet, mark, first } of looks) {
      const marked = !mark.isNullObject;
      if (marked ? marksSheet(String(mark.formula), sheet.name) : sameTitle(first.values[0]?.[0] as Cell, title)) ours.add(sheet.name.toLocaleLowerCase());
    }
  }
  const target = generatedTarget(name, (n) => find(n) >= 0, (n) => ours.has(sheets.items[find(n)].name.toLocaleLowerCase()));
  const index = find(target);
  const sheet = sheets.items[index];
  return {
    target,
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
  const sheet = sheets.add(probe.existing ? fresh : name);
  if (probe.existing) {
    probe.existing.sheet.delete();
    sheet.name = name;
    sheet.position = probe.existing.index;
  }
  // our marker: hidden, scoped to the sheet, naming the sheet as written (a copy or a rename is not ours)
  sheet.names.add(GENERATED_MARK, generatedMarkFormula(name)).visible = false;
  return sheet;
}
