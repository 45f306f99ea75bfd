// Reading through Office.js: the sheet list, whole sheets in payload-sized row chunks, and the rows a
// clerk changed (live validation).
import { Cell, SheetGrid, SheetRows, SheetSummary } from '../types';
import { isMarkSheetName, rowRuns } from '../marks';
import { GENERATED_MARK, marksSheet } from '../generated';
import { addressOrigin, MAX_COLS } from '../a1';
import { fromExcel } from './cells';
import { isPayloadTooLarge, noSuchSheet, syncOrSayMissing } from './errors';
import { queueMarkProbe } from './marks';
import { MAX_CELLS_PER_RANGE, READ_MARGIN, jsonRowsBytes, priorRowBytes } from './payload';
import { isOurs, OfficeSession, sameSheetName } from './session';

/**
 * The user's sheets: our very-hidden mark sheets are left out (see ../marks.ts). One sync: the sheets
 * with their sheet-scoped names (the marker `_dk_generated` of a generated sheet, ../generated.ts) and
 * the tables' sheets. A host that will not load the names with the sheets (the Worksheet load options
 * of @types/office-js do not list `names`, so this is not promised) fails that sync: the session then
 * asks each sheet for its marker in a second sync, now and from then on.
 */
export async function listSheets(session: OfficeSession): Promise<SheetSummary[]> {
  const workbook = session.context.workbook;
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  let sheets: Excel.WorksheetCollection;
  let markers: (sheet: Excel.Worksheet) => string | null;
  if (session.sheetNamesExpand !== false) {
    sheets = workbook.worksheets.load('items/name,items/visibility,items/names/items/name,items/names/items/formula');
    try {
      await session.sync();
      session.sheetNamesExpand = true;
      markers = (sheet) => sheet.names.items.find((n) => n.name === GENERATED_MARK)?.formula ?? null;
    } catch (error) {
      if (session.sheetNamesExpand === true) throw error;
      session.sheetNamesExpand = false;
      return listSheets(session);
    }
  } else {
    sheets = workbook.worksheets.load('items/name,items/visibility');
    await session.sync();
    const looks = new Map(sheets.items.map((sheet) => [sheet, sheet.names.getItemOrNullObject(GENERATED_MARK).load('formula')]));
    await session.sync();
    markers = (sheet) => {
      const mark = looks.get(sheet)!;
      return mark.isNullObject ? null : String(mark.formula);
    };
  }
  const tablesBySheet = new Map<string, string[]>();
  for (const table of tables.items) {
    const list = tablesBySheet.get(table.worksheet.name) ?? [];
    list.push(table.name);
    tablesBySheet.set(table.worksheet.name, list);
  }
  return sheets.items
    .filter((sheet) => !isOurs(sheet))
    .map((sheet) => ({ name: sheet.name, tables: tablesBySheet.get(sheet.name) ?? [], generated: marksSheet(markers(sheet), sheet.name) }));
}

/** One sheet's used range being read, in row chunks. */
interface ReadJob {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly originRow: number;
  readonly originCol: number;
  readonly rowCount: number;
  readonly colCount: number;
  readonly rows: Cell[][];
  next: number;
  /** estimated JSON bytes per row for the next chunk */
  rowBytes: number;
  /** heaviest bytes per row seen so far */
  observedRowBytes: number;
}

/** Our mark sheets are not the user's: a read leaves them out as if they did not exist. */
export async function readSheets(session: OfficeSession, names: ReadonlyArray<string>): Promise<SheetGrid[]> {
  const wanted = names.filter((name, i) => names.findIndex((other) => sameSheetName(other, name)) === i);
  if (wanted.length === 0) return [];

  // Sync 1: each sheet's used range (address and size only), for all sheets at once.
  let probes = probeUsedRanges(session, wanted);
  const synced = await syncOrSayMissing(session, wanted);
  if (!synced.ok) {
    // Probe only the sheets that exist: two syncs more, and only when a requested sheet is missing.
    if (synced.missing.length === 0) throw synced.error;
    const present = wanted.filter((name) => !synced.missing.includes(name));
    if (present.length === 0) return [];
    probes = probeUsedRanges(session, present);
    await session.sync();
  }

  const grids: SheetGrid[] = [];
  const jobs: ReadJob[] = [];
  for (const { sheet, used } of probes) {
    if (sheet.isNullObject || isOurs(sheet)) continue;
    if (used.isNullObject) {
      grids.push({ name: sheet.name, originRow: 0, originCol: 0, rows: [] });
      continue;
    }
    const origin = addressOrigin(used.address);
    const job: ReadJob = {
      name: sheet.name,
      sheet,
      used,
      originRow: origin.row,
      originCol: origin.col,
      rowCount: used.rowCount,
      colCount: used.columnCount,
      rows: [],
      next: 0,
      rowBytes: priorRowBytes(used.columnCount),
      observedRowBytes: 0,
    };
    jobs.push(job);
    grids.push({ name: job.name, originRow: job.originRow, originCol: job.originCol, rows: job.rows });
  }

  // Sync 2 and on: the values, as many row chunks per sync as the payload budget allows.
  await readValues(session, jobs);
  return grids;
}

function probeUsedRanges(session: OfficeSession, names: ReadonlyArray<string>): { sheet: Excel.Worksheet; used: Excel.Range }[] {
  return names.map((name) => {
    const sheet = session.context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name,visibility');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount');
    return { sheet, used };
  });
}

async function readValues(session: OfficeSession, jobs: ReadJob[]): Promise<void> {
  while (jobs.some((job) => job.next < job.rowCount)) {
    let room = session.budget;
    const chunks: { job: ReadJob; start: number; count: number; range: Excel.Range }[] = [];
    for (const job of jobs) {
      while (job.next < job.rowCount) {
        const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_RANGE / Math.max(job.colCount, 1)));
        let count = Math.min(job.rowCount - job.next, Math.floor(room / job.rowBytes), maxRows);
        if (count < 1) {
          if (chunks.length > 0) break;
          count = 1; // a single row heavier than the budget still has to be read
        }
        const range =
          count === job.rowCount
            ? job.used
            : job.sheet.getRangeByIndexes(job.originRow + job.next, job.originCol, count, job.colCount);
        range.load('values');
        chunks.push({ job, start: job.next, count, range });
        job.next += count;
        room -= count * job.rowBytes;
      }
      if (job.next < job.rowCount) break;
    }

    try {
      await session.sync();
    } catch (error) {
      // Rows heavier than estimated: Excel refused the response. Read the same rows in halves.
      if (!isPayloadTooLarge(error) || chunks.every((chunk) => chunk.count === 1)) throw error;
      for (const chunk of chunks) {
        chunk.job.next = Math.min(chunk.job.next, chunk.start);
        chunk.job.rowBytes = Math.max(chunk.job.rowBytes, (session.budget / chunk.count) * 2);
      }
      continue;
    }

    for (const { job, count, range } of chunks) {
      const values = range.values;
      for (const row of values) job.rows.push(row.map(fromExcel));
      job.observedRowBytes = Math.max(job.observedRowBytes, jsonRowsBytes(values) / count);
      job.rowBytes = Math.max(job.observedRowBytes * READ_MARGIN, 3 + 2 * job.colCount);
    }
  }
}

/**
 * One sync: the sheet's used range (address only), the used part of each run of consecutive rows
 * asked for, and a probe of the sheet's marks, so a setMarks on this sheet that follows in the same
 * context needs no probe of its own (live validation: readRows, then setMarks, two syncs).
 */
export async function readRows(session: OfficeSession, sheetName: string, rows: ReadonlyArray<number>): Promise<SheetRows> {
  const runs = rowRuns(rows);
  const sheet = session.context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load('name,visibility');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,columnCount');
  const blocks = runs.map((run) => {
    const range = sheet.getRangeByIndexes(run.start, 0, run.count, MAX_COLS).getUsedRangeOrNullObject(true);
    range.load('address,values');
    return range;
  });
  const probe = isMarkSheetName(sheetName) ? null : queueMarkProbe(session.context, sheet, sheetName);
  const synced = await syncOrSayMissing(session, [sheetName]);
  if (!synced.ok) {
    if (synced.missing.length > 0) throw noSuchSheet(sheetName);
    if (isPayloadTooLarge(synced.error) && runs.length > 1) return readRowsInHalves(session, sheetName, rows, runs);
    throw synced.error;
  }
  if (sheet.isNullObject || isOurs(sheet)) throw noSuchSheet(sheetName);
  if (probe) session.markProbes.set(sheetName.toLocaleLowerCase(), probe());
  if (used.isNullObject) return { name: sheet.name, originCol: 0, rows: rows.map(() => []) };

  const originCol = addressOrigin(used.address).col;
  const width = used.columnCount;
  const found = new Map<number, Cell[]>();
  for (const block of blocks) {
    if (block.isNullObject) continue;
    const origin = addressOrigin(block.address);
    block.values.forEach((values, i) => {
      const row = new Array<Cell>(width).fill(null);
      values.forEach((value, j) => {
        const col = origin.col + j - originCol;
        if (col >= 0 && col < width) row[col] = fromExcel(value);
      });
      found.set(origin.row + i, row);
    });
  }
  return { name: sheet.name, originCol, rows: rows.map((r) => found.get(r)?.slice() ?? new Array<Cell>(width).fill(null)) };
}

/** A paste of many heavy rows may pass Excel's response limit: read the runs in two halves. */
async function readRowsInHalves(
  session: OfficeSession,
  sheetName: string,
  rows: ReadonlyArray<number>,
  runs: { start: number; count: number }[],
): Promise<SheetRows> {
  const half = Math.ceil(runs.length / 2);
  const inRuns = (part: typeof runs) => (r: number) => part.some((run) => r >= run.start && r < run.start + run.count);
  const first = await readRows(session, sheetName, rows.filter(inRuns(runs.slice(0, half))));
  const second = await readRows(session, sheetName, rows.filter(inRuns(runs.slice(half))));
  const width = Math.max(first.rows[0]?.length ?? 0, second.rows[0]?.length ?? 0);
  const byRow = new Map<number, Cell[]>();
  rows.filter(inRuns(runs.slice(0, half))).forEach((r, i) => byRow.set(r, first.rows[i]));
  rows.filter(inRuns(runs.slice(half))).forEach((r, i) => byRow.set(r, second.rows[i]));
  return { name: first.name, originCol: first.originCol, rows: rows.map((r) => byRow.get(r) ?? new Array<Cell>(width).fill(null)) };
}
