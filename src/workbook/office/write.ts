// Writing through Office.js: new sheets with their tables and formats, appended rows, defined names,
// and the writer every write shares, which packs rows into as few syncs as the payload budget allows.
import { Cell, ListSource, NamedFormula, NewSheet, WorkbookError } from '../types';
import { addressOrigin } from '../a1';
import { ExcelValue, rowToExcel, toExcel } from './cells';
import { noSuchSheet, syncOrSayMissing, writeFailed } from './errors';
import { MAX_CELLS_PER_RANGE, jsonRowBytes, jsonRowsBytes } from './payload';
import { OfficeSession } from './session';

/** Excel's default table style. NewSheet carries no style, so every created table gets this one. */
export const TABLE_STYLE = 'TableStyleMedium2';

/**
 * Column width in points for a width in characters. Excel measures a column in widths of the digit
 * "0" of the default font (Calibri / Aptos Narrow 11: 7 pixels) plus 5 pixels of padding, and
 * Office.js sets `columnWidth` in points, 0.75 point per pixel at 96 dpi: points = (7·chars + 5)·0.75.
 * So 10 characters -> 56.25 points (75 pixels), as Excel shows for width 10.
 */
export function columnWidthPoints(chars: number): number {
  return (Math.max(chars, 0) * 7 + 5) * 0.75;
}

function listSourceText(list: ListSource): string {
  if ('values' in list) return list.values.join(',');
  return list.formula.startsWith('=') ? list.formula : `=${list.formula}`;
}

/** Rows waiting to be written, in order, by `write(chunk, firstRowIndex)`. */
export interface WriteJob {
  readonly values: ExcelValue[][];
  readonly rowBytes: number[];
  readonly width: number;
  readonly write: (chunk: ExcelValue[][], start: number) => void;
  next: number;
}

export function writeJob(values: ExcelValue[][], write: WriteJob['write']): WriteJob {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  return { values, rowBytes: values.map(jsonRowBytes), width, write, next: 0 };
}

/**
 * Writes the jobs' rows in as few syncs as the payload budget allows. Whatever is already queued
 * (new sheets, formats, a table) goes with the first sync, which has `firstRoom` bytes left. Always
 * syncs at least once.
 */
export async function writeInSyncs(session: OfficeSession, jobs: WriteJob[], firstRoom: number): Promise<void> {
  let room = firstRoom;
  for (;;) {
    let chunksInSync = 0;
    for (const job of jobs) {
      const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_RANGE / Math.max(job.width, 1)));
      while (job.next < job.values.length) {
        let end = job.next;
        let bytes = 2;
        while (end < job.values.length && end - job.next < maxRows) {
          const rowBytes = job.rowBytes[end];
          // A row heavier than the whole budget still goes, alone.
          if (bytes + rowBytes > room && !(chunksInSync === 0 && end === job.next)) break;
          bytes += rowBytes;
          end++;
        }
        if (end === job.next) break; // this sync is full
        job.write(job.values.slice(job.next, end), job.next);
        chunksInSync++;
        room -= bytes;
        job.next = end;
      }
      if (job.next < job.values.length) break;
    }
    await session.sync();
    if (jobs.every((job) => job.next >= job.values.length)) return;
    room = session.budget;
  }
}

/**
 * New sheets, in this order within one batch: the sheets with their formats, values and tables,
 * then the defined names (which read those sheets), then the dropdowns (which read the names) —
 * Excel may refuse a list source naming a name that does not exist yet.
 */
export async function addSheets(session: OfficeSession, sheets: ReadonlyArray<NewSheet>, names: ReadonlyArray<NamedFormula> = []): Promise<void> {
  if (sheets.length === 0) return;
  const what = { reason: 'EXCEL_ADD_SHEETS', sheets: sheets.map((s) => s.name) } as const;
  try {
    let room = session.budget;
    const jobs: WriteJob[] = [];
    const dropdowns: Array<() => void> = [];
    for (const spec of sheets) {
      const sheet = session.context.workbook.worksheets.add(spec.name);
      const width = spec.columns.length;
      if (width === 0) continue;
      // A table always keeps at least one data row, so formats and lists cover at least one.
      const dataHeight = Math.max(spec.rows.length, 1);

      // Formats before values, so the values land in formatted cells.
      spec.columns.forEach((column, c) => {
        const data = sheet.getRangeByIndexes(1, c, dataHeight, 1);
        if (column.numberFormat !== undefined) data.numberFormat = [[column.numberFormat]]; // one value fills the range
        if (column.width !== undefined) data.getEntireColumn().format.columnWidth = columnWidthPoints(column.width);
        const list = column.list;
        if (list !== undefined) dropdowns.push(() => (data.dataValidation.rule = { list: { inCellDropDown: true, source: listSourceText(list) } }));
      });

      const header = [spec.columns.map((column) => toExcel(column.header))];
      sheet.getRangeByIndexes(0, 0, 1, width).values = header;
      room -= jsonRowsBytes(header);

      if (spec.tableName !== undefined) {
        const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 1 + spec.rows.length, width), true);
        table.name = spec.tableName;
        table.style = TABLE_STYLE;
      }
      if (spec.freezeHeader) sheet.freezePanes.freezeRows(1);

      const values = spec.rows.map((row, i) => {
        // A longer row would lose cells outside the table: a bug in the caller, not data to trim.
        if (row.length > width) throw new Error(`Row ${i + 1} of "${spec.name}" has ${row.length} cells for ${width} columns`);
        return rowToExcel(row, width);
      });
      jobs.push(
        writeJob(values, (chunk, start) => {
          sheet.getRangeByIndexes(1 + start, 0, chunk.length, width).values = chunk;
        }),
      );
    }
    for (const { name, formula } of names) session.context.workbook.names.add(name, formula);
    for (const dropdown of dropdowns) dropdown();
    await writeInSyncs(session, jobs, room);
  } catch (error) {
    throw writeFailed(what, error);
  }
}

/** A sheet with its tables and used range loaded, in one sync; NOT_FOUND when there is no such sheet. */
async function sheetWithTables(session: OfficeSession, sheetName: string) {
  const sheet = session.context.workbook.worksheets.getItemOrNullObject(sheetName);
  const tables = sheet.tables.load('items/name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,rowCount,columnCount');
  const synced = await syncOrSayMissing(session, [sheetName]);
  if (!synced.ok) throw synced.missing.length > 0 ? noSuchSheet(sheetName) : synced.error;
  if (sheet.isNullObject) throw noSuchSheet(sheetName);
  return { sheet, tables, used };
}

export async function appendRows(session: OfficeSession, sheetName: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
  if (rows.length === 0) return;
  const { sheet, tables, used } = await sheetWithTables(session, sheetName);

  const what = { reason: 'EXCEL_ADD_ROWS', sheet: sheetName } as const;
  try {
    if (tables.items.length > 0) {
      await appendToTable(session, tables.items[0], rows);
      return;
    }
    const origin = used.isNullObject ? { row: 0, col: 0 } : addressOrigin(used.address);
    const firstRow = used.isNullObject ? 0 : origin.row + used.rowCount;
    const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
    if (width === 0) return;
    const values = rows.map((row) => rowToExcel(row, width));
    const job = writeJob(values, (chunk, start) => {
      sheet.getRangeByIndexes(firstRow + start, origin.col, chunk.length, width).values = chunk;
    });
    await writeInSyncs(session, [job], session.budget);
  } catch (error) {
    throw writeFailed(what, error);
  }
}

/**
 * Rows added to a table are written into the rows just below its data body, which the table
 * absorbs: Microsoft's co-authoring guidance for add-ins, because `TableRowCollection.add` makes
 * merge conflicts ("recent changes might be lost") when others type at the same time. Only when
 * something already stands below the table does it fall back to inserting rows, so nothing is
 * written over.
 */
async function appendToTable(session: OfficeSession, table: Excel.Table, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
  const body = table.getDataBodyRange();
  body.load('rowIndex,columnIndex,rowCount,columnCount');
  const lastRow = body.getLastRow();
  lastRow.load('values');
  const below = body.getRowsBelow(rows.length).getUsedRangeOrNullObject(true);
  below.load('address');
  await session.sync();

  const width = rows.reduce((w, row) => Math.max(w, row.length), body.columnCount);
  const values = rows.map((row) => rowToExcel(row, width));
  // A table created without data keeps one blank row, and the first appended row goes into it. But
  // it may have been filled since the read (the other pane's first ticket): so the anchor is the row
  // below the table's USED rows as they stand when the write reaches Excel — the blank row while it is
  // blank, the row below the table once someone has written there. A row read blank is never written
  // over unless it is still blank.
  const blankTable = body.rowCount === 1 && lastRow.values[0].every((value) => value === '');
  // The rows go below the table as it stands when the write reaches Excel, not as it stood when read:
  // a co-author's pane (or this clerk's other pane) may have appended in between, and writing at the
  // row read would write over its rows. The anchor is resolved in the batch of the first write, and
  // later chunks follow it (the table has absorbed the earlier ones by then).
  const jobs: WriteJob[] = [];
  let room = session.budget;
  const first = blankTable ? 1 : 0;
  if (blankTable && below.isNullObject) {
    // the first row alone: into the blank row if it is still blank, else just below the table
    jobs.push(
      writeJob(values.slice(0, 1), (chunk) => {
        table.getRange().getUsedRange(true).getRowsBelow(1).getCell(0, 0).getResizedRange(0, width - 1).values = chunk;
      }),
    );
  } else if (blankTable) {
    // Something stands below an empty table (rare): the first row goes into the blank row as read, the
    // others are inserted; the race of two first tickets is not closed in this case (reliability.md).
    lastRow.values = [values[0]];
    room -= jsonRowsBytes([values[0]]);
  }
  // The rows go below the table as it stands when the write reaches Excel, not as it stood when read:
  // a co-author's pane (or this clerk's other pane) may have appended in between, and writing at the
  // row read would write over its rows. The anchor is resolved in the batch of the first write, and
  // later chunks follow it (the table has absorbed the earlier ones by then).
  let anchor: Excel.Range | undefined;
  jobs.push(
    below.isNullObject
      ? writeJob(values.slice(first), (chunk, start) => {
          anchor ??= table.getDataBodyRange().getRowsBelow(1).getCell(0, 0);
          anchor.getCell(start, 0).getResizedRange(chunk.length - 1, width - 1).values = chunk;
        })
      : writeJob(values.slice(first), (chunk) => {
          table.rows.add(undefined, chunk);
        }),
  );
  await writeInSyncs(session, jobs, room);
}

export async function listNames(session: OfficeSession): Promise<string[]> {
  const names = session.context.workbook.names.load('items/name');
  await session.sync();
  return names.items.map((item) => item.name);
}

export async function addNames(session: OfficeSession, names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): Promise<void> {
  if (names.length === 0) return;
  try {
    for (const { name, formula } of names) session.context.workbook.names.add(name, formula);
    await session.sync();
  } catch (error) {
    throw writeFailed({ reason: 'EXCEL_ADD_NAMES', names: names.map((n) => n.name) }, error);
  }
}

/**
 * Columns added to the right of the sheet's table (TableColumnCollection.add with a name, ExcelApi
 * 1.4), or header cells written right of the header row of a sheet without one. The cells the
 * columns take must be empty (Range.getColumnsAfter, ExcelApi 1.2): nothing is overwritten. Syncs:
 * the sheet, then (with a table) what stands right of it, then the columns: three, whatever the rows.
 */
export async function addColumns(session: OfficeSession, sheetName: string, headerRow: number, headers: ReadonlyArray<string>): Promise<void> {
  if (headers.length === 0) return;
  const { sheet, tables, used } = await sheetWithTables(session, sheetName);
  const what = { reason: 'EXCEL_ADD_COLUMNS', sheet: sheetName } as const;
  try {
    if (tables.items.length > 0) {
      const table = tables.items[0];
      const after = table.getRange().getColumnsAfter(headers.length).getUsedRangeOrNullObject(true);
      after.load('address');
      await session.sync();
      if (!after.isNullObject) {
        throw new WorkbookError('WRITE_FAILED', { reason: 'COLUMNS_IN_THE_WAY', sheet: sheetName, cell: after.address.split('!').pop()?.split(':')[0] ?? '' });
      }
      for (const h of headers) table.columns.add(undefined, undefined, h);
      await session.sync();
      return;
    }
    const origin = used.isNullObject ? { row: 0, col: 0 } : addressOrigin(used.address);
    const first = used.isNullObject ? 0 : origin.col + used.columnCount;
    sheet.getRangeByIndexes(headerRow, first, 1, headers.length).values = [headers.map((h) => toExcel(h))];
    await session.sync();
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw writeFailed(what, error);
  }
}
