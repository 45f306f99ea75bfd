// The Workbook interface over Office.js, inside Excel. A thin translator from grids of plain values to
// Office.js's shape: queue loads and writes on proxy objects, then one `context.sync()` round-trip.
// Nothing here syncs per row or per cell; the number of syncs of each operation is a constant plus
// one per payload chunk of cell data (see payload.ts), and the tests hold it to that.
//
// This class only delegates: read.ts (sheets, rows), write.ts (new sheets, appended rows, names, the
// chunked writer), fill.ts (single cells filled in place), generated.ts (reports and PivotTables), marking.ts (problem marks, selection),
// errors.ts (Office errors as WorkbookErrors; a sync that says which sheet is missing), all over one
// OfficeSession (session.ts) that counts the syncs.
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
// and, for problem marks and selection (marks.ts, marking.ts):
//   1.1  Worksheet.visibility ('VeryHidden'), activate; Range.clear, insert, delete, select;
//        Worksheet.getRange() (the whole sheet)
//   1.4  Range.getUsedRangeOrNullObject (readRows: the used part of the changed rows)
//   1.6  Range.conditionalFormats; ConditionalFormat.type / customOrNullObject / custom.rule.formula
//        / priority (the row colours' rules go to the bottom)
//   1.7  Worksheet.onChanged (live.ts)
// and, for generated sheets (report.ts, generated.ts):
//   1.1  Worksheet.delete, name, position; Range.format font / fill / borders / alignment, merge
//        (1.2); ChartCollection.add, Chart.title, setPosition
//   1.8  Workbook.pivotTables, WorksheetPivotTableCollection.add, PivotTable.hierarchies,
//        row/column/dataHierarchies, DataPivotHierarchy.summarizeBy, PivotLayout.getRange, refresh
//   1.9  Worksheet.pageLayout (A4 landscape, fit to width, margins, print titles): only when the host
//        reports ExcelApi 1.9 (`isSetSupported`); on 1.8 the report is written without print set-up.
// Minimum: ExcelApi 1.8 (Excel 2019 and later, Microsoft 365 on Windows, Mac and the web). The
// manifest declares it.
//
// No runtime reference to the global `Excel` or `Office`: only their types, so these modules load in
// Node (tests, over a fake request context) and in the task pane.

import { Cell, CellMark, CellWrite, MarkSet, NamedFormula, NewSheet, PivotSpec, ReportSheet, RowMark, RowMarkSet, SheetGrid, SheetRows, SheetSummary, Workbook } from '../types';
import { writeCells } from './fill';
import { writePivots, writeReport } from './generated';
import { readMarks, selectCell, setMarks } from './marking';
import { EXCEL_PAYLOAD_LIMIT_BYTES, PAYLOAD_FILL } from './payload';
import { listSheets, readRows, readSheets } from './read';
import { readRowMarks, setRowMarks } from './rowMarks';
import { OfficeSession } from './session';
import { addColumns, addNames, addSheets, appendRows, listNames } from './write';

export { PIVOT_GAP_ROWS } from './generated';
export { columnWidthPoints, TABLE_STYLE } from './write';

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

/**
 * One workbook as seen through one request context: make it inside `Excel.run(async (context) => …)`
 * and use it only there (proxy objects do not outlive their context).
 */
export class OfficeWorkbook implements Workbook {
  private readonly session: OfficeSession;

  constructor(context: Excel.RequestContext, options: OfficeWorkbookOptions = {}) {
    const budget = Math.floor((options.maxPayloadBytes ?? EXCEL_PAYLOAD_LIMIT_BYTES) * PAYLOAD_FILL);
    this.session = new OfficeSession(context, budget, options.isSetSupported ?? hostSupports);
  }

  /** Charts and PivotTables: Excel draws both. */
  readonly capabilities = { charts: true, pivots: true } as const;

  /** `context.sync()` calls made so far, for tests and diagnostics. */
  get syncs(): number {
    return this.session.syncs;
  }

  /** The user's sheets: our very-hidden mark sheets are left out (see ../marks.ts). */
  listSheets(): Promise<SheetSummary[]> {
    return listSheets(this.session);
  }

  /** Our mark sheets are not the user's: a read leaves them out as if they did not exist. */
  readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]> {
    return readSheets(this.session, names);
  }

  addSheets(sheets: ReadonlyArray<NewSheet>, names: ReadonlyArray<NamedFormula> = []): Promise<void> {
    return addSheets(this.session, sheets, names);
  }

  /** Three syncs with a table (the sheet, what stands right of it, the columns), two without. */
  addColumns(sheetName: string, headerRow: number, headers: ReadonlyArray<string>): Promise<void> {
    return addColumns(this.session, sheetName, headerRow, headers);
  }

  appendRows(sheetName: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
    return appendRows(this.session, sheetName, rows);
  }

  /** Two syncs (the cells read again, then written), more only past the payload budget (see fill.ts). */
  writeCells(sheetName: string, writes: ReadonlyArray<CellWrite>): Promise<CellWrite[]> {
    return writeCells(this.session, sheetName, writes);
  }

  /** One sync, which also probes the sheet's marks for a setMarks that follows (see read.ts). */
  readRows(sheetName: string, rows: ReadonlyArray<number>): Promise<SheetRows> {
    return readRows(this.session, sheetName, rows);
  }

  /** Marks into the sheet's very-hidden mark sheet; no probe after readRows on this sheet (see marking.ts). */
  setMarks(sheetName: string, marks: MarkSet, scope?: { readonly rows: ReadonlyArray<number> }): Promise<void> {
    return setMarks(this.session, sheetName, marks, scope);
  }

  /** The marks on a sheet, read back from its mark sheet (for tests and diagnostics). */
  readMarks(sheetName: string): Promise<CellMark[]> {
    return readMarks(this.session, sheetName);
  }

  /** Row colours into the sheet's very-hidden due mark sheet, only the rows that differ: 2 syncs
   *  when nothing changes, 3 when something does (see rowMarks.ts). */
  setRowMarks(sheetName: string, marks: RowMarkSet): Promise<boolean> {
    return setRowMarks(this.session, sheetName, marks);
  }

  /** The row colours of a sheet, read back from its due mark sheet (for tests and diagnostics). */
  readRowMarks(sheetName: string): Promise<RowMark[]> {
    return readRowMarks(this.session, sheetName);
  }

  /** Activates the sheet and selects the cell, in one sync; false when there is no such sheet. */
  selectCell(sheetName: string, row: number, col: number): Promise<boolean> {
    return selectCell(this.session, sheetName, row, col);
  }

  /** Replaces the sheet of that name by a fresh one: 2 syncs, more for values over the payload budget (see generated.ts). */
  writeReport(report: ReportSheet): Promise<void> {
    return writeReport(this.session, report);
  }

  /** 1 + one sync per PivotTable, or 2 when the PivotTables are already there (see generated.ts). */
  writePivots(sheetName: string, pivots: ReadonlyArray<PivotSpec>): Promise<void> {
    return writePivots(this.session, sheetName, pivots);
  }

  listNames(): Promise<string[]> {
    return listNames(this.session);
  }

  addNames(names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): Promise<void> {
    return addNames(this.session, names);
  }
}
