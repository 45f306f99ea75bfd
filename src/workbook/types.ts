// The one small interface both workbook back ends implement: Office.js (inside Excel) and files
// (.xlsx bytes, in Node and in a plain browser). It speaks grids of plain values; it knows nothing of
// tickets or KPIs. Nothing above this file may know which back end it talks to.

import type { Cell, SheetGrid } from '../domain/grid';
import { FileErrorCode, FileErrorDetail, FileErrorReason, FileFailure, fileErrorMessage } from '../domain/failures';

// The grid vocabulary is the domain's (domain/grid.ts); the interface speaks it and passes it on.
export type { Cell, CellError, SheetGrid } from '../domain/grid';
export { isCellError, sameCell } from '../domain/grid';

/** A dropdown list: fixed values, or a formula with a leading '=' such as a defined name
 *  (`=DeskbookCategory`). */
export type ListSource = { readonly values: ReadonlyArray<string> } | { readonly formula: string };

export interface ColumnSpec {
  readonly header: string;
  /** width in characters */
  readonly width?: number;
  /** Excel number format, e.g. 'yyyy-mm-dd hh:mm', 'yyyy-mm-dd', '#,##0.00', '@' */
  readonly numberFormat?: string;
  /** in-cell dropdown on the data rows of this column */
  readonly list?: ListSource;
}

/** A sheet the add-in creates: a header row and data rows, as an Excel table. */
export interface NewSheet {
  readonly name: string;
  /** Excel table over the header and data rows; table names are unique in a workbook */
  readonly tableName?: string;
  readonly columns: ReadonlyArray<ColumnSpec>;
  /** data rows, without the header; each as long as `columns` */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>;
  /** freeze the header row */
  readonly freezeHeader?: boolean;
}

/** A problem mark the add-in owns on one cell, in 0-based sheet coordinates. */
export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly severity: 'error' | 'warning';
  /** the row's cell in the sheet's key column (MarkSet.keyCol) when it was judged: the mark shows
   *  only while that cell still holds it, so a row inserted or deleted above by someone without
   *  the add-in hides the mark instead of moving it onto a neighbour */
  readonly key: Cell;
}

/** The marks of one sheet and the column whose value ties each to its row. */
export interface MarkSet {
  /** 0-based sheet column of the rows' key (the ticket ID, the unit) */
  readonly keyCol: number;
  readonly marks: ReadonlyArray<CellMark>;
}

/** How the add-in colours a whole row of a data sheet: a ticket past its deadline, or close to it. */
export type RowState = 'overdue' | 'dueSoon';

/** A row colour the add-in owns, in 0-based sheet rows; tied to its row by the key cell as
 *  CellMark is (it shows only while the row's key cell still holds `key`). */
export interface RowMark {
  readonly row: number;
  readonly state: RowState;
  readonly key: Cell;
}

/** The row colours of one sheet and the column whose value ties each to its row. */
export interface RowMarkSet {
  /** 0-based sheet column of the rows' key (the ticket ID) */
  readonly keyCol: number;
  readonly marks: ReadonlyArray<RowMark>;
}

/**
 * One cell filled in place (0-based sheet coordinates), on the condition that it still holds what it
 * held when read, and so does `guard`, another cell of its row: a co-author may have typed there, or
 * inserted or deleted a row above, since the read.
 */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
  /** the cell as read (null: empty) */
  readonly was: Cell;
  /** a cell of the same row as read, which ties the write to that row wherever it now stands */
  readonly guard?: { readonly col: number; readonly was: Cell };
}

/** Some rows of a sheet, each as wide as the sheet's used range. */
export interface SheetRows {
  readonly name: string;
  /** 0-based sheet column of each row's first cell */
  readonly originCol: number;
  /** the rows asked for, in the order asked; a row beyond the used range comes back empty */
  readonly rows: Cell[][];
}

/** The few looks a generated report uses; each back end maps them to its fonts, fills and formats. */
export type ReportStyle =
  | 'title' // large bold: the report's name
  | 'subtitle' // center, period, as-of, generated at
  | 'section' // a section heading above a table
  | 'header' // a table's column headers: bold, filled, bordered, wrapped
  | 'label' // a row label in a table
  | 'text'
  | 'integer' // 0
  | 'decimal' // 0.0
  | 'percent' // 0.0%
  | 'money' // #,##0.00
  | 'date' // yyyy-mm-dd
  | 'datetime' // yyyy-mm-dd hh:mm
  | 'total' // a totals row: bold, top border (numbers keep the integer format)
  | 'moneyTotal' // a totals row of money: bold, top border, #,##0.00
  | 'heading' // large bold, centred: a printed document's title (a notice)
  | 'paragraph' // running text: wrapped, from the top of its (merged, taller) cell
  | 'signature' // a line set to the right: who sends a document, and when
  | 'signedPercent' // +0.0%: a relative change (环比 of a count or money), with its sign
  | 'signedDecimal' // +0.0: a change in percentage points (环比 of a rate), with its sign
  | 'note' // small grey text
  | 'overdueFill' // a legend swatch: the fill of an overdue row on the ticket sheet
  | 'dueSoonFill'; // a legend swatch: the fill of a due-soon row

/** A rectangle in 0-based sheet coordinates. */
export interface Box {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** A trend chart (in Excel through Office.js; in files a DrawingML chart part), over a table of the sheet. */
export interface ChartSpec {
  readonly type: 'line' | 'column';
  readonly title: string;
  /** the data: first row = series names, first column = categories; the values must be numbers */
  readonly data: Box;
  /** where its top-left corner sits */
  readonly anchor: { readonly row: number; readonly col: number };
  /** the cells it covers from its anchor; the host's default size when absent */
  readonly size?: { readonly rows: number; readonly cols: number };
}

/** A generated sheet (report, pivot values): written whole, replacing the sheet of that name only. */
export interface ReportSheet {
  readonly name: string;
  /** rows of values from A1; text is always text, never a formula */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>;
  /** the look of each cell, same shape as rows (null: plain) */
  readonly styles: ReadonlyArray<ReadonlyArray<ReportStyle | null>>;
  readonly merges?: ReadonlyArray<Box>;
  /** width in characters of each column from A */
  readonly widths: ReadonlyArray<number>;
  /** printing: A4 landscape, fit to one page wide, these rows repeated at the top of each page */
  readonly printTitleRows?: { readonly first: number; readonly last: number };
  /**
   * printing page by page instead (notices, one to a page): A4 in this orientation at 100 %, a new
   * page starting at each of `breaks` (0-based rows). No fitting to the page width: Excel ignores
   * manual page breaks on a sheet fitted to pages. Excel hosts below ExcelApi 1.9 get no page set-up.
   */
  readonly pages?: {
    readonly orientation: 'portrait' | 'landscape';
    readonly breaks: ReadonlyArray<number>;
    /** print scale in percent (10 to 400), 100 when absent: a fixed scale, since breaks and fitting exclude each other */
    readonly scale?: number;
  };
  /** rows of a set height in points: a row does not grow to fit wrapped text in merged cells */
  readonly rowHeights?: ReadonlyArray<{ readonly row: number; readonly points: number }>;
  readonly charts?: ReadonlyArray<ChartSpec>;
}

/** A real PivotTable over an Excel table (Excel only). */
export interface PivotSpec {
  readonly name: string;
  /** the source Excel table's name, e.g. tblTickets */
  readonly sourceTable: string;
  readonly rows: ReadonlyArray<string>;
  readonly columns: ReadonlyArray<string>;
  /** the source column counted (count of its non-empty values) */
  readonly count: string;
  readonly title: string;
}

export interface SheetSummary {
  readonly name: string;
  /** names of the Excel tables on this sheet */
  readonly tables: ReadonlyArray<string>;
  /** the sheet carries the add-in's marker naming its present name (`_dk_generated`, workbook/generated.ts):
   *  a sheet the add-in generated. A sheet named like one without it is the clerk's. */
  readonly generated: boolean;
}

/** A workbook-scoped defined name, its formula as in Excel's name manager (leading '='). */
export interface NamedFormula {
  readonly name: string;
  readonly formula: string;
}

export interface Workbook {
  /** sheets in workbook order */
  listSheets(): Promise<SheetSummary[]>;
  /** values of the used range of each named sheet; a missing sheet is left out of the result */
  readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]>;
  /** add sheets at the end of the workbook; a name that already exists is an error (a bug above).
   *  `names` are defined after the sheets exist and before any dropdown reads them (set-up order:
   *  sheets, then names, then data validation). */
  addSheets(sheets: ReadonlyArray<NewSheet>, names?: ReadonlyArray<NamedFormula>): Promise<void>;
  /**
   * Adds columns with these headers to the right of a sheet's table (or, without a table, of its
   * header row at `headerRow`, 0-based): what adopting a register needs to keep its own columns. The
   * cells they take must be empty (WRITE_FAILED, COLUMNS_IN_THE_WAY otherwise: nothing is changed).
   */
  addColumns(sheet: string, headerRow: number, headers: ReadonlyArray<string>): Promise<void>;
  /** append data rows below the last used row of a sheet, extending its table if it has one */
  appendRows(sheet: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void>;
  /**
   * Fills single cells of a sheet in place: only those cells, their formats kept, each only where it
   * and its guard still hold what they held when read. Returns the writes skipped for that reason
   * (nothing of theirs is written). A missing sheet is NOT_FOUND.
   */
  writeCells(sheet: string, writes: ReadonlyArray<CellWrite>): Promise<CellWrite[]>;
  /** only the given rows (0-based sheet rows) of a sheet: live validation reads the header and the
   *  rows a clerk changed, never the whole table */
  readRows(sheet: string, rows: ReadonlyArray<number>): Promise<SheetRows>;
  /**
   * Replaces the add-in's own problem marks on a sheet: all of them, or, with `scope`, only those in
   * the given 0-based rows. Marks show on the cells without changing the clerk's values or formats,
   * and disappear when replaced by none.
   */
  setMarks(sheet: string, marks: MarkSet, scope?: { readonly rows: ReadonlyArray<number> }): Promise<void>;
  /**
   * Replaces the add-in's row colours on a sheet (all of them): a set of its own, apart from the
   * problem marks of setMarks and outranked by them on a cell both colour. Nothing of the clerk's is
   * touched. Writes only what differs from the colours already there; returns whether anything was
   * written (false: the same colours again, or none and never any).
   */
  setRowMarks(sheet: string, marks: RowMarkSet): Promise<boolean>;
  /** selects a cell where the host shows the workbook (Excel); false where it cannot (files) */
  selectCell(sheet: string, row: number, col: number): Promise<boolean>;
  /** what this back end can draw: charts (Excel, and files as chart parts); real PivotTables exist only inside Excel */
  readonly capabilities: { readonly charts: boolean; readonly pivots: boolean };
  /**
   * Writes a generated sheet: replaces the sheet of that name if the add-in wrote it (keeping its
   * place in the workbook), else adds it at the end. A clerk's sheet of that name (one without our
   * marker, see generated.ts) is never replaced: the report goes to the first free or ours of
   * `NAME (2)`, `NAME (3)`, … Returns the name written. No other sheet is touched (in files, no other
   * part is even re-serialized). Charts are drawn only where `capabilities.charts`.
   */
  writeReport(sheet: ReportSheet): Promise<string>;
  /** Writes real PivotTables on a sheet (replacing that sheet if ours, else on `NAME (2)`… as
   *  writeReport), laid out top to bottom; only where `capabilities.pivots` (elsewhere the caller
   *  writes the same cross-tabs as values). Returns the name written. */
  writePivots(sheet: string, pivots: ReadonlyArray<PivotSpec>): Promise<string>;
  /** workbook-scoped defined names, e.g. the dropdown list ranges on the Settings sheet; formulas
   *  are written as in Excel's name manager, with a leading '=' (`=设置!$E$2:$E$40`) */
  listNames(): Promise<string[]>;
  addNames(names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): Promise<void>;
}

/**
 * A failure of the workbook itself (unreadable file, not an xlsx, a sheet that is not there): a code,
 * a reason and its parameters, worded by the faces with domain/failures.ts in the user's language.
 * The message is the same words in English, for logs and bug reports.
 *   new WorkbookError('CORRUPT', { reason: 'NO_CELL_FORMATS', part: 'xl/styles.xml' })
 */
export class WorkbookError extends Error implements FileFailure {
  readonly reason?: FileErrorReason;
  readonly params: object;

  constructor(
    readonly code: Exclude<FileErrorCode, 'NOT_A_FILE' | 'READ_FAILED'>,
    detail?: FileErrorDetail,
    options?: { readonly cause?: unknown },
  ) {
    const { reason, ...params } = detail ?? { reason: undefined };
    const message = fileErrorMessage({ code, reason, params }, 'en', 'the workbook');
    super(message.charAt(0).toUpperCase() + message.slice(1), options);
    this.name = 'WorkbookError';
    this.reason = reason;
    this.params = params;
  }
}
