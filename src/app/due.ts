// The clerk's desk, for every face: what is overdue or due soon, what awaits a callback, what is not
// yet dispatched (domain/due.ts), from the ticket sheet and the Settings read once; as JSON, as the
// 待办 sheet when asked, and as the colours of the ticket sheet's rows (the add-in's own conditional
// formats over a very-hidden mark sheet: nothing of the clerk's is touched; see docs/validation.md
// "Due colours"). Colouring writes only rows whose colour changed: a refresh that finds nothing new
// writes nothing.
import { dueColours, dueJson, DueJson, dueLists, DueLists } from '../domain/due';
import { Lang } from '../domain/enums';
import { ticketFacts } from '../domain/records';
import { Settings } from '../domain/settings';
import { readMoreRows, TableRead } from '../domain/table';
import { WallTime } from '../domain/time';
import { ReportSheet, RowMarkSet, SheetSummary, Workbook } from '../workbook/types';
import { renderDue } from './dueSheet';
import { writeGenerated } from './generated';
import { loadWorkbook, readyTickets } from './load';
import { parseAsOf } from './problem';

export interface DueRequest {
  /** wall-clock ISO "now"; default the machine's */
  readonly asOf?: string;
  readonly lang?: Lang;
  /** write the 待办 sheet into the workbook */
  readonly write?: boolean;
  /** colour the ticket sheet's rows (overdue, due soon) */
  readonly mark?: boolean;
}

export interface DueResult {
  readonly lists: DueLists;
  /** `deskbook due --json` */
  readonly json: DueJson;
  /** the 待办 sheet as written (or as it would be) */
  readonly sheet: ReportSheet;
  readonly sheetName: string;
  /** a clerk's sheet of the sheet's own name, left as it was (the sheet went to sheetName, `NAME (2)`…) */
  readonly keptSheet: string | null;
  readonly written: boolean;
  /** with `mark`: whether the colours changed (false: they were already so); null when not asked */
  readonly marked: boolean | null;
  readonly lang: Lang;
  /** the ticket sheet, and the 0-based sheet column of its key (工单号) there: where the pane
   *  selects an entry's row (`selectCell(ticketSheet, entry.row - 1, keyColumn)`) */
  readonly ticketSheet: string;
  readonly keyColumn: number;
  /** cells of the ticket sheet that could not be read: those rows count without the unreadable
   *  values, a row without 受理时间 not at all (see validate) */
  readonly unreadableCells: number;
}

/** What the lists are computed from: the ticket sheet as read and the Settings. */
interface Desk {
  readonly read: TableRead<'tickets'>;
  readonly settings: Settings;
  readonly lang: Lang;
  readonly sheet: string;
  /** the workbook's sheets as listed (where the 待办 sheet would go) */
  readonly sheets: ReadonlyArray<SheetSummary>;
}

async function loadDesk(wb: Workbook, lang: Lang | undefined): Promise<Desk & { unreadableCells: number }> {
  const loaded = await loadWorkbook(wb, { lang, only: ['tickets', 'settings'] });
  const tickets = readyTickets(loaded);
  const unreadableCells = loaded.problems.filter((p) => p.sheet === tickets.summary.name && p.row !== null).length;
  return { read: tickets.read, settings: loaded.settings, lang: lang ?? loaded.lang, sheet: tickets.summary.name, sheets: loaded.sheets, unreadableCells };
}

function keyColumnOf(read: TableRead): number {
  return read.firstColumn + (read.keyColumn ?? 0);
}

/** The row colours of the lists, each tied to its row by the row's key cell as read. */
function rowMarksOf(lists: DueLists, read: TableRead<'tickets'>): RowMarkSet {
  const keys = new Map(read.records.map((r) => [r.row, r.key]));
  const marks = [...dueColours(lists)].map(([row, state]) => ({ row: row - 1, state, key: keys.get(row) ?? null }));
  return { keyCol: keyColumnOf(read), marks };
}

/**
 * The lists at as-of, as JSON and as the 待办 sheet; with `write` the sheet is written, with `mark`
 * the ticket sheet's rows are coloured. A workbook without a ready ticket sheet is turned down
 * (NO_TICKETS, NO_HEADER, MISSING_COLUMNS), as a report is.
 */
export async function runDue(wb: Workbook, req: DueRequest = {}): Promise<DueResult> {
  const asOf = parseAsOf(req.asOf);
  const desk = await loadDesk(wb, req.lang);
  const lists = dueLists(ticketFacts(desk.read), desk.settings, asOf);
  const sheet = renderDue(lists, desk.settings, desk.lang);
  const { sheetName, keptSheet } = await writeGenerated(wb, sheet, req.write, desk.sheets);
  const marked = req.mark ? await wb.setRowMarks(desk.sheet, rowMarksOf(lists, desk.read)) : null;
  return {
    lists,
    json: dueJson(lists),
    sheet,
    sheetName,
    keptSheet,
    written: !!req.write,
    marked,
    lang: desk.lang,
    ticketSheet: desk.sheet,
    keyColumn: keyColumnOf(desk.read),
    unreadableCells: desk.unreadableCells,
  };
}

export interface DueColoursResult {
  readonly ticketSheet: string;
  readonly overdue: number;
  readonly dueSoon: number;
  /** whether anything was written: false when the colours were already so */
  readonly changed: boolean;
}

/** Colours the ticket sheet's rows as they stand at as-of (reads the tickets and Settings only). */
export async function markDue(wb: Workbook, req: { readonly asOf?: string } = {}): Promise<DueColoursResult> {
  const asOf = parseAsOf(req.asOf);
  const desk = await loadDesk(wb, undefined);
  const lists = dueLists(ticketFacts(desk.read), desk.settings, asOf);
  const changed = await wb.setRowMarks(desk.sheet, rowMarksOf(lists, desk.read));
  return { ticketSheet: desk.sheet, overdue: lists.overdue.length, dueSoon: lists.dueSoon.length, changed };
}

/**
 * The due colours kept live in Excel: one full read when started, then, after a clerk (or a
 * co-author) changed rows, only those rows are read again; a refresh at a later time reads nothing.
 * Each time the colours of every row are worked out again in memory and only rows whose colour
 * changed are written (Workbook.setRowMarks). The pane calls `onRowsChanged` from the change watch
 * (workbook/office/live.ts, the same one live validation uses), `refresh` on a timer, and starts
 * again on a whole-sheet change (rows inserted or deleted).
 */
export class LiveDue {
  private constructor(
    private desk: Desk,
    private current: DueLists,
  ) {}

  static async start(wb: Workbook, opts: { readonly asOf?: string; readonly lang?: Lang } = {}): Promise<{ live: LiveDue; lists: DueLists; changed: boolean }> {
    const asOf = parseAsOf(opts.asOf);
    const desk = await loadDesk(wb, opts.lang);
    const live = new LiveDue(desk, dueLists(ticketFacts(desk.read), desk.settings, asOf));
    const changed = await wb.setRowMarks(desk.sheet, rowMarksOf(live.current, desk.read));
    return { live, lists: live.current, changed };
  }

  /** The lists as last worked out. */
  get lists(): DueLists {
    return this.current;
  }

  /** The ticket sheet, and the 0-based column where its rows are selected. */
  get ticketSheet(): { readonly sheet: string; readonly keyColumn: number } {
    return { sheet: this.desk.sheet, keyColumn: keyColumnOf(this.desk.read) };
  }

  /** The lists and colours at a later as-of (the timer): nothing is read. */
  async refresh(wb: Workbook, asOf?: string): Promise<{ lists: DueLists; changed: boolean }> {
    return this.judge(wb, parseAsOf(asOf));
  }

  /** After `rows` (0-based sheet rows) of `sheet` changed: reads those rows only (one read), then
   *  colours. Rows of another sheet change nothing here. */
  async onRowsChanged(wb: Workbook, sheet: string, rows: ReadonlyArray<number>, asOf?: string): Promise<{ lists: DueLists; changed: boolean }> {
    const read = this.desk.read;
    const at = parseAsOf(asOf);
    const dataRows = sheet === this.desk.sheet ? [...new Set(rows)].filter((r) => r >= read.headerRow).sort((a, b) => a - b) : [];
    if (dataRows.length === 0) return { lists: this.current, changed: false };
    const got = await wb.readRows(sheet, dataRows);
    const fresh = readMoreRows(
      read,
      got.originCol,
      dataRows.map((r, i) => ({ row: r + 1, cells: got.rows[i] ?? [] })),
      this.desk.lang,
    );
    const changedRows = new Set(dataRows.map((r) => r + 1));
    const records = [...read.records.filter((r) => !changedRows.has(r.row)), ...fresh.records].sort((a, b) => a.row - b.row);
    this.desk = { ...this.desk, read: { ...read, records } };
    return this.judge(wb, at);
  }

  private async judge(wb: Workbook, asOf: WallTime): Promise<{ lists: DueLists; changed: boolean }> {
    this.current = dueLists(ticketFacts(this.desk.read), this.desk.settings, asOf);
    const changed = await wb.setRowMarks(this.desk.sheet, rowMarksOf(this.current, this.desk.read));
    return { lists: this.current, changed };
  }
}
