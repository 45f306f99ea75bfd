// Single cells filled in place through Office.js, each only where it (and its guard) still holds what
// it held when read. Two steps, each as few syncs as the payload allows: the cells and their guards
// are read again (one range per run of consecutive rows, over the columns concerned), then the writes
// that still hold go out as one range per run of consecutive rows in a column. A co-author's edit in
// the moment between the two is the one case this cannot see; one made since the caller's read is.
import { CellWrite, sameCell } from '../types';
import { rowRuns } from '../marks';
import { fromExcel, toExcel } from './cells';
import { noSuchSheet, syncOrSayMissing, writeFailed } from './errors';
import { PRIOR_BYTES_PER_CELL } from './payload';
import { isOurs, OfficeSession } from './session';
import { writeInSyncs, writeJob, WriteJob } from './write';

interface Window {
  readonly start: number;
  readonly count: number;
  readonly col: number;
  readonly cols: number;
}

/** The rows of the writes in runs, each over the columns its writes and guards name, cut so that one
 *  sync's response stays within the budget. */
function windows(writes: ReadonlyArray<CellWrite>, budget: number): Window[] {
  const colsOf = new Map<number, { min: number; max: number }>();
  for (const w of writes) {
    const cols = [w.col, ...(w.guard ? [w.guard.col] : [])];
    const had = colsOf.get(w.row);
    colsOf.set(w.row, { min: Math.min(had?.min ?? Infinity, ...cols), max: Math.max(had?.max ?? -1, ...cols) });
  }
  const out: Window[] = [];
  for (const run of rowRuns(colsOf.keys())) {
    let min = Infinity;
    let max = -1;
    for (let r = run.start; r < run.start + run.count; r++) {
      min = Math.min(min, colsOf.get(r)!.min);
      max = Math.max(max, colsOf.get(r)!.max);
    }
    const cols = max - min + 1;
    const rowsPerWindow = Math.max(1, Math.floor(budget / (cols * PRIOR_BYTES_PER_CELL)));
    for (let start = run.start; start < run.start + run.count; start += rowsPerWindow) {
      out.push({ start, count: Math.min(rowsPerWindow, run.start + run.count - start), col: min, cols });
    }
  }
  return out;
}

export async function writeCells(session: OfficeSession, sheetName: string, writes: ReadonlyArray<CellWrite>): Promise<CellWrite[]> {
  if (writes.length === 0) return [];
  const sheet = session.context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load('name,visibility');

  // 1. what the cells hold now, in syncs of at most a budget of response each
  const now = new Map<string, unknown>();
  const all = windows(writes, session.budget);
  let first = true;
  for (let i = 0; i < all.length; ) {
    const batch: Array<{ w: Window; range: Excel.Range }> = [];
    let room = session.budget;
    while (i < all.length && (batch.length === 0 || all[i].count * all[i].cols * PRIOR_BYTES_PER_CELL <= room)) {
      const w = all[i++];
      const range = sheet.getRangeByIndexes(w.start, w.col, w.count, w.cols);
      range.load('values');
      batch.push({ w, range });
      room -= w.count * w.cols * PRIOR_BYTES_PER_CELL;
    }
    if (first) {
      const synced = await syncOrSayMissing(session, [sheetName]);
      if (!synced.ok) throw synced.missing.length > 0 ? noSuchSheet(sheetName) : synced.error;
      if (sheet.isNullObject || isOurs(sheet)) throw noSuchSheet(sheetName);
      first = false;
    } else await session.sync();
    for (const { w, range } of batch) {
      range.values.forEach((row, r) => row.forEach((value, c) => now.set(`${w.start + r}:${w.col + c}`, value)));
    }
  }
  const holds = (row: number, col: number, was: CellWrite['was']) => sameCell(fromExcel(now.get(`${row}:${col}`)), was);

  // 2. the writes that still hold, a range per run of rows in one column
  const skipped: CellWrite[] = [];
  const byCol = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    if (!holds(w.row, w.col, w.was) || (w.guard && !holds(w.row, w.guard.col, w.guard.was))) {
      skipped.push(w);
      continue;
    }
    const col = byCol.get(w.col) ?? new Map<number, CellWrite>();
    col.set(w.row, w);
    byCol.set(w.col, col);
  }
  if (byCol.size === 0) return skipped;
  try {
    const jobs: WriteJob[] = [];
    for (const [col, rows] of byCol) {
      for (const run of rowRuns(rows.keys())) {
        const values = Array.from({ length: run.count }, (_, i) => [toExcel(rows.get(run.start + i)!.value)]);
        jobs.push(
          writeJob(values, (chunk, start) => {
            sheet.getRangeByIndexes(run.start + start, col, chunk.length, 1).values = chunk;
          }),
        );
      }
    }
    await writeInSyncs(session, jobs, session.budget);
  } catch (error) {
    throw writeFailed({ reason: 'EXCEL_WRITE_CELLS', sheet: sheetName }, error);
  }
  return skipped;
}
