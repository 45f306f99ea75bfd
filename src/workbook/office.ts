// The Workbook interface over Office.js, inside Excel. A thin translator from grids of plain values to
// Office.js's shape: queue loads and writes on proxy objects, then one `context.sync()` round-trip.
// Nothing here syncs per row or per cell; the number of syncs of each operation is a constant plus
// one per payload chunk of cell data (see office/payload.ts), and the tests hold it to that.
//
// ExcelApi requirement sets of the APIs used here (from @types/office-js):
//   1.1  Workbook.worksheets / .tables / .names; WorksheetCollection.add, items; Worksheet.name,
//        .tables; Range.address, rowCount, columnCount, values, numberFormat, getEntireColumn,
//        getLastRow, format; Table.name, style, rows, getDataBodyRange; NamedItem.name
//   1.2  Table.worksheet; RangeFormat.columnWidth
//   1.3  TableCollection.add with a Range argument
//   1.4  WorksheetCollection.getItemOrNullObject; Worksheet.getUsedRangeOrNullObject(valuesOnly);
//        TableRowCollection.add of several rows; NamedItemCollection.add
//   1.7  Worksheet.getRangeByIndexes; Worksheet.freezePanes / WorksheetFreezePanes.freezeRows
//   1.8  Range.dataValidation / DataValidation.rule (list validation)
// and, for problem marks and selection (office/marks.ts):
//   1.1  Worksheet.visibility ('VeryHidden'), activate; Range.clear, insert, delete, select;
//        Worksheet.getRange() (the whole sheet)
//   1.4  Range.getUsedRangeOrNullObject (readRows: the used part of the changed rows)
//   1.6  Range.conditionalFormats; ConditionalFormat.type / customOrNullObject / custom.rule.formula
//   1.7  Worksheet.onChanged (office/live.ts)
// and, for generated sheets (office/report.ts, writeReport, writePivots):
//   1.1  Worksheet.delete, name, position; Range.format font / fill / borders / alignment, merge
//        (1.2); ChartCollection.add, Chart.title, setPosition
//   1.8  Workbook.pivotTables, WorksheetPivotTableCollection.add, PivotTable.hierarchies,
//        row/column/dataHierarchies, DataPivotHierarchy.summarizeBy, PivotLayout.getRange, refresh
//   1.9  Worksheet.pageLayout (A4 landscape, fit to width, margins, print titles): only when the host
//        reports ExcelApi 1.9 (`isSetSupported`); on 1.8 the report is written without print set-up.
// Minimum: ExcelApi 1.8 (Excel 2019 and later, Microsoft 365 on Windows, Mac and the web). The
// manifest declares it.
//
// No runtime reference to the global `Excel` or `Office`: only their types, so this module loads in
// Node (tests, over a fake request context) and in the task pane.

import { Cell, CellMark, ListSource, NewSheet, PivotSpec, ReportSheet, SheetGrid, SheetRows, SheetSummary, Workbook, WorkbookError } from './types';
import { checkReportShape, REPORT_LOOKS } from './reportLooks';
import { queueCharts, queuePageLayout, queueReportLayout } from './office/report';
import { isMarkSheetName, markBlocks, markSheetName, rowRuns } from './marks';
import { addressOrigin } from './office/address';
import { MarkProbe, MAX_COLUMNS, queueMarkClear, queueMarkProbe, queueMarkSetUp } from './office/marks';
import { ExcelValue, fromExcel, rowToExcel, toExcel } from './office/cells';
import {
  EXCEL_PAYLOAD_LIMIT_BYTES,
  MAX_CELLS_PER_RANGE,
  PAYLOAD_FILL,
  READ_MARGIN,
  jsonRowBytes,
  jsonRowsBytes,
  priorRowBytes,
} from './office/payload';

export interface OfficeWorkbookOptions {
  /** The largest request or response Excel accepts (Excel on the web: 5 MB). One sync fills
   * PAYLOAD_FILL of it with cell data. */
  readonly maxPayloadBytes?: number;
  /** Whether the host has a requirement set (`Office.context.requirements.isSetSupported`); tests
   * inject it. Without it, the global Office is asked at call time, and absent Office means no. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

/** Asks Office.js, found by name at call time so this module loads where there is no Office. */
function hostSupports(name: string, version: string): boolean {
  type Requirements = { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } };
  const office = (globalThis as Record<string, unknown>)['Office'] as Requirements | undefined;
  try {
    return office?.context?.requirements?.isSetSupported(name, version) ?? false;
  } catch {
    return false;
  }
}

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

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

function writeFailed(what: string, error: unknown): WorkbookError {
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new WorkbookError(`${what}: ${reason}`, 'WRITE_FAILED');
  failure.cause = error;
  return failure;
}

/** One of our mark sheets (name and visibility loaded). */
function isOurs(sheet: Excel.Worksheet): boolean {
  return isMarkSheetName(sheet.name) && sheet.visibility === 'VeryHidden';
}

function itemNotFound(error: unknown): boolean {
  return errorCode(error) === 'ItemNotFound';
}

function sameSheetName(a: string, b: string): boolean {
  // Excel's sheet names are unique without regard to case.
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
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

/** Rows waiting to be written, in order, by `write(chunk, firstRowIndex)`. */
interface WriteJob {
  readonly values: ExcelValue[][];
  readonly rowBytes: number[];
  readonly width: number;
  readonly write: (chunk: ExcelValue[][], start: number) => void;
  next: number;
}

function writeJob(values: ExcelValue[][], write: WriteJob['write']): WriteJob {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  return { values, rowBytes: values.map(jsonRowBytes), width, write, next: 0 };
}

/**
 * One workbook as seen through one request context: make it inside `Excel.run(async (context) => …)`
 * and use it only there (proxy objects do not outlive their context).
 */
export class OfficeWorkbook implements Workbook {
  private syncCount = 0;
  /** what this context has learnt about each sheet's marks (by lower-case sheet name) */
  private readonly markProbes = new Map<string, MarkProbe>();
  /** cell-data bytes one sync may carry */
  private readonly budget: number;

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficeWorkbookOptions = {},
  ) {
    this.budget = Math.floor((options.maxPayloadBytes ?? EXCEL_PAYLOAD_LIMIT_BYTES) * PAYLOAD_FILL);
    this.isSetSupported = options.isSetSupported ?? hostSupports;
  }

  /** Charts and PivotTables: Excel draws both. */
  readonly capabilities = { charts: true, pivots: true } as const;
  private readonly isSetSupported: (name: string, version: string) => boolean;

  /** `context.sync()` calls made so far, for tests and diagnostics. */
  get syncs(): number {
    return this.syncCount;
  }

  private async sync(): Promise<void> {
    this.syncCount++;
    await this.context.sync();
  }

  /** The user's sheets: our very-hidden mark sheets are left out (see marks.ts). */
  async listSheets(): Promise<SheetSummary[]> {
    const sheets = this.context.workbook.worksheets.load('items/name,items/visibility');
    const tables = this.context.workbook.tables.load('items/name,items/worksheet/name');
    await this.sync();
    const tablesBySheet = new Map<string, string[]>();
    for (const table of tables.items) {
      const list = tablesBySheet.get(table.worksheet.name) ?? [];
      list.push(table.name);
      tablesBySheet.set(table.worksheet.name, list);
    }
    return sheets.items
      .filter((sheet) => !isOurs(sheet))
      .map((sheet) => ({ name: sheet.name, tables: tablesBySheet.get(sheet.name) ?? [] }));
  }

  /** Our mark sheets are not the user's: a read leaves them out as if they did not exist. */
  async readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]> {
    const wanted = names.filter((name, i) => names.findIndex((other) => sameSheetName(other, name)) === i);
    if (wanted.length === 0) return [];

    // Sync 1: each sheet's used range (address and size only), for all sheets at once.
    let probes = this.probeUsedRanges(wanted);
    try {
      await this.sync();
    } catch (error) {
      // Office.js documents null objects but not whether a method of one (here a missing sheet's
      // used range) is a null object too or fails the batch. If it failed, ask which sheets exist and
      // probe only those: two syncs more, and only when a requested sheet is missing.
      const existing = await this.sheetNames();
      const present = wanted.filter((name) => existing.some((sheet) => sameSheetName(sheet, name)));
      if (present.length === wanted.length) throw error;
      if (present.length === 0) return [];
      probes = this.probeUsedRanges(present);
      await this.sync();
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
    await this.readValues(jobs);
    return grids;
  }

  private probeUsedRanges(names: ReadonlyArray<string>): { sheet: Excel.Worksheet; used: Excel.Range }[] {
    return names.map((name) => {
      const sheet = this.context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load('name,visibility');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('address,rowCount,columnCount');
      return { sheet, used };
    });
  }

  private async sheetNames(): Promise<string[]> {
    const sheets = this.context.workbook.worksheets.load('items/name');
    await this.sync();
    return sheets.items.map((sheet) => sheet.name);
  }

  private async readValues(jobs: ReadJob[]): Promise<void> {
    while (jobs.some((job) => job.next < job.rowCount)) {
      let room = this.budget;
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
        await this.sync();
      } catch (error) {
        // Rows heavier than estimated: Excel refused the response. Read the same rows in halves.
        if (!isPayloadTooLarge(error) || chunks.every((chunk) => chunk.count === 1)) throw error;
        for (const chunk of chunks) {
          chunk.job.next = Math.min(chunk.job.next, chunk.start);
          chunk.job.rowBytes = Math.max(chunk.job.rowBytes, (this.budget / chunk.count) * 2);
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

  async addSheets(sheets: ReadonlyArray<NewSheet>): Promise<void> {
    if (sheets.length === 0) return;
    const what = `Could not add the sheets ${sheets.map((s) => s.name).join(', ')}`;
    try {
      let room = this.budget;
      const jobs: WriteJob[] = [];
      for (const spec of sheets) {
        const sheet = this.context.workbook.worksheets.add(spec.name);
        const width = spec.columns.length;
        if (width === 0) continue;
        // A table always keeps at least one data row, so formats and lists cover at least one.
        const dataHeight = Math.max(spec.rows.length, 1);

        // Formats before values, so the values land in formatted cells.
        spec.columns.forEach((column, c) => {
          const data = sheet.getRangeByIndexes(1, c, dataHeight, 1);
          if (column.numberFormat !== undefined) data.numberFormat = [[column.numberFormat]]; // one value fills the range
          if (column.width !== undefined) data.getEntireColumn().format.columnWidth = columnWidthPoints(column.width);
          if (column.list !== undefined) {
            data.dataValidation.rule = { list: { inCellDropDown: true, source: listSourceText(column.list) } };
          }
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
      await this.writeInSyncs(jobs, room);
    } catch (error) {
      throw writeFailed(what, error);
    }
  }

  async appendRows(sheetName: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
    if (rows.length === 0) return;
    const notFound = () => new WorkbookError(`There is no sheet named "${sheetName}".`, 'NOT_FOUND');
    const sheet = this.context.workbook.worksheets.getItemOrNullObject(sheetName);
    const tables = sheet.tables.load('items/name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount');
    try {
      await this.sync();
    } catch (error) {
      // As in readSheets: a missing sheet may fail the batch instead of giving null objects.
      const existing = await this.sheetNames();
      if (!existing.some((name) => sameSheetName(name, sheetName))) throw notFound();
      throw error;
    }
    if (sheet.isNullObject) throw notFound();

    const what = `Could not add rows to the sheet "${sheetName}"`;
    try {
      if (tables.items.length > 0) {
        await this.appendToTable(tables.items[0], rows);
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
      await this.writeInSyncs([job], this.budget);
    } catch (error) {
      throw writeFailed(what, error);
    }
  }

  private async appendToTable(table: Excel.Table, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
    // A table created without data keeps one blank row; the first appended row goes into it rather
    // than below it.
    const body = table.getDataBodyRange();
    body.load('rowCount,columnCount');
    const lastRow = body.getLastRow();
    lastRow.load('values');
    await this.sync();

    const width = rows.reduce((w, row) => Math.max(w, row.length), body.columnCount);
    const values = rows.map((row) => rowToExcel(row, width));
    let room = this.budget;
    let first = 0;
    if (body.rowCount === 1 && lastRow.values[0].every((value) => value === '')) {
      lastRow.values = [values[0]];
      room -= jsonRowsBytes([values[0]]);
      first = 1;
    }
    const job = writeJob(values.slice(first), (chunk) => {
      table.rows.add(undefined, chunk);
    });
    await this.writeInSyncs([job], room);
  }

  /**
   * Writes the jobs' rows in as few syncs as the payload budget allows. Whatever is already queued
   * (new sheets, formats, a table) goes with the first sync, which has `firstRoom` bytes left. Always
   * syncs at least once.
   */
  private async writeInSyncs(jobs: WriteJob[], firstRoom: number): Promise<void> {
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
      await this.sync();
      if (jobs.every((job) => job.next >= job.values.length)) return;
      room = this.budget;
    }
  }

  /**
   * One sync: the sheet's used range (address only), the used part of each run of consecutive rows
   * asked for, and a probe of the sheet's marks, so a setMarks on this sheet that follows in the same
   * context needs no probe of its own (live validation: readRows, then setMarks, two syncs).
   */
  async readRows(sheetName: string, rows: ReadonlyArray<number>): Promise<SheetRows> {
    const notFound = () => new WorkbookError(`There is no sheet named "${sheetName}".`, 'NOT_FOUND');
    const runs = rowRuns(rows);
    const sheet = this.context.workbook.worksheets.getItemOrNullObject(sheetName);
    sheet.load('name,visibility');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,columnCount');
    const blocks = runs.map((run) => {
      const range = sheet.getRangeByIndexes(run.start, 0, run.count, MAX_COLUMNS).getUsedRangeOrNullObject(true);
      range.load('address,values');
      return range;
    });
    const probe = isMarkSheetName(sheetName) ? null : queueMarkProbe(this.context, sheet, sheetName);
    try {
      await this.sync();
    } catch (error) {
      const existing = await this.sheetNames();
      if (!existing.some((name) => sameSheetName(name, sheetName))) throw notFound();
      if (isPayloadTooLarge(error) && runs.length > 1) return this.readRowsInHalves(sheetName, rows, runs);
      throw error;
    }
    if (sheet.isNullObject || isOurs(sheet)) throw notFound();
    if (probe) this.markProbes.set(sheetName.toLocaleLowerCase(), probe());
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
  private async readRowsInHalves(sheetName: string, rows: ReadonlyArray<number>, runs: { start: number; count: number }[]): Promise<SheetRows> {
    const half = Math.ceil(runs.length / 2);
    const inRuns = (part: typeof runs) => (r: number) => part.some((run) => r >= run.start && r < run.start + run.count);
    const first = await this.readRows(sheetName, rows.filter(inRuns(runs.slice(0, half))));
    const second = await this.readRows(sheetName, rows.filter(inRuns(runs.slice(half))));
    const width = Math.max(first.rows[0]?.length ?? 0, second.rows[0]?.length ?? 0);
    const byRow = new Map<number, Cell[]>();
    rows.filter(inRuns(runs.slice(0, half))).forEach((r, i) => byRow.set(r, first.rows[i]));
    rows.filter(inRuns(runs.slice(half))).forEach((r, i) => byRow.set(r, second.rows[i]));
    return { name: first.name, originCol: first.originCol, rows: rows.map((r) => byRow.get(r) ?? new Array<Cell>(width).fill(null)) };
  }

  /**
   * Writes marks as numbers into the sheet's very-hidden mark sheet (see marks.ts). Syncs: a probe
   * (skipped when readRows or an earlier setMarks on this sheet already probed in this context), then
   * one sync that sets the mark sheet and conditional formats up if needed, clears and writes, more
   * only when the marks outweigh one sync's payload budget. No marks and no mark sheet: nothing is
   * created.
   */
  async setMarks(sheetName: string, marks: ReadonlyArray<CellMark>, scope?: { readonly rows: ReadonlyArray<number> }): Promise<void> {
    const key = sheetName.toLocaleLowerCase();
    let probe = this.markProbes.get(key);
    if (!probe) {
      const sheet = this.context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('name,visibility');
      const read = queueMarkProbe(this.context, sheet, sheetName);
      try {
        await this.sync();
      } catch (error) {
        const existing = await this.sheetNames();
        if (!existing.some((name) => sameSheetName(name, sheetName))) throw new WorkbookError(`There is no sheet named "${sheetName}".`, 'NOT_FOUND');
        throw error;
      }
      if (sheet.isNullObject || isOurs(sheet)) throw new WorkbookError(`There is no sheet named "${sheetName}".`, 'NOT_FOUND');
      probe = read();
    }
    const rowsInScope = scope ? new Set(scope.rows) : undefined;
    const blocks = markBlocks(marks, rowsInScope);
    if (probe.markSheet === 'absent' && blocks.length === 0) return;
    if (scope && rowRuns(scope.rows).length === 0 && blocks.length === 0) return;

    try {
      const markSheet = queueMarkSetUp(this.context, sheetName, probe);
      queueMarkClear(markSheet, scope ? rowRuns(scope.rows) : null);
      // A block's 0 is written as "", which clears: the rows were cleared above anyway.
      const jobs = blocks.map((block) =>
        writeJob(
          block.values.map((row) => row.map((v) => (v === 0 ? '' : v))),
          (chunk, start) => {
            markSheet.getRangeByIndexes(block.row + start, block.col, chunk.length, chunk[0].length).values = chunk;
          },
        ),
      );
      await this.writeInSyncs(jobs, this.budget);
    } catch (error) {
      this.markProbes.delete(key);
      throw writeFailed(`Could not mark problems on the sheet "${sheetName}"`, error);
    }
    this.markProbes.set(key, { markSheet: 'ours', rules: new Set(['error', 'warning']) });
  }

  /** The marks on a sheet, read back from its mark sheet (for tests and diagnostics). */
  async readMarks(sheetName: string): Promise<CellMark[]> {
    const sheet = this.context.workbook.worksheets.getItemOrNullObject(markSheetName(sheetName));
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,values');
    try {
      await this.sync();
    } catch (error) {
      if (itemNotFound(error)) return [];
      throw error;
    }
    if (used.isNullObject) return [];
    const origin = addressOrigin(used.address);
    const marks: CellMark[] = [];
    used.values.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === 2 || value === 1) marks.push({ row: origin.row + i, col: origin.col + j, severity: value === 2 ? 'error' : 'warning' });
      }),
    );
    return marks;
  }

  /** Activates the sheet and selects the cell, in one sync; false when there is no such sheet. */
  async selectCell(sheetName: string, row: number, col: number): Promise<boolean> {
    const sheet = this.context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRangeByIndexes(row, col, 1, 1).select();
    try {
      await this.sync();
    } catch (error) {
      if (itemNotFound(error)) return false;
      throw error;
    }
    return true;
  }

  /**
   * Writes a generated sheet. Syncs: 1 to find the sheet of that name (and its tables), 1 that
   * replaces it and writes formats, merges, widths, page layout, charts and the values — 2 in all,
   * more only when the values outweigh one sync's payload budget (a report of thousands of long rows).
   * An existing sheet is replaced by a fresh one at its position (so no old format, merge, chart or
   * PivotTable survives); formulas elsewhere that pointed at it show #REF!. A sheet holding an Excel
   * table (a data sheet) or our marks is never replaced: an Error, a bug above.
   */
  async writeReport(report: ReportSheet): Promise<void> {
    checkReportShape(report);
    const probe = await this.probeGenerated(report.name, false);
    try {
      const sheet = this.queueFreshSheet(report.name, probe);
      queueReportLayout(sheet, report);
      if (this.isSetSupported('ExcelApi', '1.9')) queuePageLayout(sheet, report);
      queueCharts(sheet, report.charts ?? []);
      const width = report.rows.reduce((w, row) => Math.max(w, row.length), 0);
      const values = report.rows.map((row) => rowToExcel(row, width));
      const job = writeJob(values, (chunk, start) => {
        sheet.getRangeByIndexes(start, 0, chunk.length, width).values = chunk;
      });
      await this.writeInSyncs(width > 0 ? [job] : [], this.budget);
    } catch (error) {
      throw writeFailed(`Could not write the sheet "${report.name}"`, error);
    }
  }

  /**
   * PivotTables over Excel tables on one sheet, top to bottom, each under a title cell. When the sheet
   * already holds exactly these PivotTables (by name), they are refreshed instead: 2 syncs. Otherwise
   * the sheet is replaced and each PivotTable is added and measured before the next is placed below
   * it: 1 + one sync per PivotTable (3 PivotTables: 4 syncs). A refresh that fails (a PivotTable grew
   * into the next one) falls back to rebuilding the sheet.
   */
  async writePivots(sheetName: string, pivots: ReadonlyArray<PivotSpec>): Promise<void> {
    const probe = await this.probeGenerated(sheetName, true);
    const wanted = new Set(pivots.map((p) => p.name.toLocaleLowerCase()));
    const found = new Set(probe.pivots.map((p) => p.name.toLocaleLowerCase()));
    if (probe.existing && pivots.length > 0 && wanted.size === found.size && [...wanted].every((n) => found.has(n))) {
      for (const pivot of probe.pivots) pivot.refresh();
      try {
        await this.sync();
        return;
      } catch {
        // rebuilt below
      }
    }
    try {
      const sheet = this.queueFreshSheet(sheetName, probe);
      const title = REPORT_LOOKS.section;
      let row = 0;
      for (const spec of pivots) {
        const cell = sheet.getRangeByIndexes(row, 0, 1, 1);
        cell.values = [[toExcel(spec.title)]];
        cell.format.font.bold = true;
        if (title.size !== undefined) cell.format.font.size = title.size;
        const source = this.context.workbook.tables.getItem(spec.sourceTable);
        const pivot = sheet.pivotTables.add(spec.name, source, sheet.getRangeByIndexes(row + 1, 0, 1, 1));
        for (const field of spec.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(field));
        for (const field of spec.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(field));
        const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(spec.count));
        data.summarizeBy = 'Count';
        const extent = pivot.layout.getRange();
        extent.load('rowCount');
        await this.sync();
        row += 1 + extent.rowCount + PIVOT_GAP_ROWS;
      }
      if (pivots.length === 0) await this.sync();
    } catch (error) {
      throw writeFailed(`Could not write the PivotTables on the sheet "${sheetName}"`, error);
    }
  }

  /** One sync: every sheet's name (in tab order), the tables' sheets, and the PivotTables if asked. */
  private async probeGenerated(name: string, withPivots: boolean): Promise<GeneratedProbe> {
    const sheets = this.context.workbook.worksheets.load('items/name,items/visibility');
    const tables = this.context.workbook.tables.load('items/name,items/worksheet/name');
    const pivots = withPivots ? this.context.workbook.pivotTables.load('items/name,items/worksheet/name') : null;
    await this.sync();
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

  /**
   * Queues a new, empty sheet of that name where the old one stood. The new sheet is added before the
   * old is deleted, under a temporary name, so a workbook whose only sheet is the report still has one.
   */
  private queueFreshSheet(name: string, probe: GeneratedProbe): Excel.Worksheet {
    const sheets = this.context.workbook.worksheets;
    if (!probe.existing) return sheets.add(name);
    let n = 1;
    while (probe.sheetNames.some((s) => sameSheetName(s, `~deskbook ${n}`))) n++;
    const fresh = sheets.add(`~deskbook ${n}`);
    probe.existing.sheet.delete();
    fresh.name = name;
    fresh.position = probe.existing.index;
    return fresh;
  }

  async listNames(): Promise<string[]> {
    const names = this.context.workbook.names.load('items/name');
    await this.sync();
    return names.items.map((item) => item.name);
  }

  async addNames(names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): Promise<void> {
    if (names.length === 0) return;
    try {
      for (const { name, formula } of names) this.context.workbook.names.add(name, formula);
      await this.sync();
    } catch (error) {
      throw writeFailed(`Could not add the names ${names.map((n) => n.name).join(', ')}`, error);
    }
  }
}
