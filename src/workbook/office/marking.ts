// Problems shown in Excel: marks written to and read back from a data sheet's very-hidden mark sheet
// (the syncs around the queued operations of marks.ts), and the selection moved to a problem's cell.
import { CellMark, MarkSet } from '../types';
import { markBlocks, markSheetName, parseMarkCell, PROBLEM_MARKS, rowRuns } from '../marks';
import { addressOrigin } from '../a1';
import { itemNotFound, noSuchSheet, syncOrSayMissing, writeFailed } from './errors';
import { queueMarkClear, queueMarkProbe, queueMarkSetUp } from './marks';
import { isOurs, OfficeSession } from './session';
import { writeInSyncs, writeJob } from './write';

/**
 * Writes marks as text into the sheet's very-hidden mark sheet (see ../marks.ts). Syncs: a probe
 * (skipped when readRows or an earlier setMarks on this sheet already probed in this context), then
 * one sync that sets the mark sheet and conditional formats up if needed, clears and writes, more
 * only when the marks outweigh one sync's payload budget. No marks and no mark sheet: nothing is
 * created.
 */
export async function setMarks(
  session: OfficeSession,
  sheetName: string,
  { keyCol, marks }: MarkSet,
  scope?: { readonly rows: ReadonlyArray<number> },
): Promise<void> {
  const key = sheetName.toLocaleLowerCase();
  let probe = session.markProbes.get(key);
  if (!probe) {
    const sheet = session.context.workbook.worksheets.getItemOrNullObject(sheetName);
    sheet.load('name,visibility');
    const read = queueMarkProbe(session.context, sheet, sheetName);
    const synced = await syncOrSayMissing(session, [sheetName]);
    if (!synced.ok) throw synced.missing.length > 0 ? noSuchSheet(sheetName) : synced.error;
    if (sheet.isNullObject || isOurs(sheet)) throw noSuchSheet(sheetName);
    probe = read();
  }
  const rowsInScope = scope ? new Set(scope.rows) : undefined;
  const blocks = markBlocks(marks, rowsInScope);
  if (probe.markSheet === 'absent' && blocks.length === 0) return;
  if (scope && rowRuns(scope.rows).length === 0 && blocks.length === 0) return;

  try {
    const markSheet = queueMarkSetUp(session.context, sheetName, probe, keyCol);
    queueMarkClear(markSheet, scope ? rowRuns(scope.rows) : null);
    // A block's "" (no mark) clears: the rows were cleared above anyway.
    const jobs = blocks.map((block) =>
      writeJob(
        block.values,
        (chunk, start) => {
          markSheet.getRangeByIndexes(block.row + start, block.col, chunk.length, chunk[0].length).values = chunk;
        },
      ),
    );
    await writeInSyncs(session, jobs, session.budget);
  } catch (error) {
    session.markProbes.delete(key);
    throw writeFailed({ reason: 'EXCEL_MARKS', sheet: sheetName }, error);
  }
  session.markProbes.set(key, { markSheet: 'ours', rules: [{ state: 'error', keyCol }, { state: 'warning', keyCol }] });
}

/** The marks on a sheet, read back from its mark sheet (for tests and diagnostics). */
export async function readMarks(session: OfficeSession, sheetName: string): Promise<CellMark[]> {
  const sheet = session.context.workbook.worksheets.getItemOrNullObject(markSheetName(sheetName));
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,values');
  try {
    await session.sync();
  } catch (error) {
    if (itemNotFound(error)) return [];
    throw error;
  }
  if (used.isNullObject) return [];
  const origin = addressOrigin(used.address);
  const marks: CellMark[] = [];
  used.values.forEach((row, i) =>
    row.forEach((value, j) => {
      const mark = parseMarkCell(PROBLEM_MARKS, value);
      if (mark) marks.push({ row: origin.row + i, col: origin.col + j, severity: mark.state, key: mark.key });
    }),
  );
  return marks;
}

/** Activates the sheet and selects the cell, in one sync; false when there is no such sheet. */
export async function selectCell(session: OfficeSession, sheetName: string, row: number, col: number): Promise<boolean> {
  const sheet = session.context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRangeByIndexes(row, col, 1, 1).select();
  try {
    await session.sync();
  } catch (error) {
    if (itemNotFound(error)) return false;
    throw error;
  }
  return true;
}
