// Ticket IDs for rows typed straight into the ticket sheet (issue 13): the empty 工单号 cells of rows
// that hold a ticket get IDs of the scheme of docs/ticket-ids.md, made by the same generator as the
// entry form's (domain/ticketId.ts). Only those cells are written, and only when asked; a cell that
// is no longer empty when written (a co-author typed an ID), or whose row moved, is left alone.
import { Lang } from '../domain/enums';
import { header, TICKETS } from '../domain/schema';
import { HEADER_SEARCH_ROWS, readTable } from '../domain/table';
import { formatWallAs, WallTime } from '../domain/time';
import { isTag, nextTicketId, parseTicketId, tagsInUse } from '../domain/ticketId';
import { Cell, CellWrite, Workbook } from '../workbook/types';
import { findStructuredSheets, headerExamples } from './load';
import { parseAsOf, UseCaseProblem } from './problem';

export interface FillTicketIdsOptions {
  /** wall-clock ISO time: the day of the ID of a row without a readable 受理时间; default now */
  readonly asOf?: string;
  /** this installation's tag, or how to draw one from the tags the workbook uses (the pane's
   *  installationTag; the CLI draws one per run): called only when there is something to fill */
  readonly clerkTag: string | ((tagsInUse: ReadonlyArray<string>) => string);
  /** IDs this installation issued lately, which the workbook's copy may not show yet */
  readonly issuedIds?: ReadonlyArray<string>;
  /** work out the IDs and write nothing */
  readonly dryRun?: boolean;
  /** the language of the result's words; default the ticket sheet's */
  readonly lang?: Lang;
}

export interface FilledId {
  /** 1-based Excel row */
  readonly row: number;
  readonly id: string;
  /** whence the ID's day: the row's 受理时间, or the as-of day for a row without a readable one */
  readonly day: 'received' | 'asOf';
}

export interface FillTicketIdsResult {
  readonly lang: Lang;
  readonly sheet: string;
  /** the ID column's header as it stands in the file */
  readonly column: string;
  /** its 0-based sheet column (to select a filled cell: selectCell(sheet, row - 1, col)) */
  readonly col: number;
  /** the tag of the IDs made, or null when there was nothing to fill */
  readonly tag: string | null;
  /** the IDs written (with dryRun: the IDs it would write), rows ascending */
  readonly filled: ReadonlyArray<FilledId>;
  /** rows changed since they were read (an ID typed meanwhile, a row inserted above): not written */
  readonly skipped: ReadonlyArray<FilledId>;
  /** whether the workbook was written */
  readonly written: boolean;
}

/**
 * Fills the empty 工单号 of every row of the ticket sheet that holds a ticket (any of its columns
 * filled but the ID). A workbook without a ticket sheet, a sheet without its header row or without
 * a 工单号 column is a UseCaseProblem (NO_TICKETS, NO_HEADER, MISSING_COLUMNS), as is a bad as-of.
 */
export async function fillTicketIds(wb: Workbook, opts: FillTicketIdsOptions): Promise<FillTicketIdsResult> {
  const asOf = parseAsOf(opts.asOf);
  const summaries = await wb.listSheets();
  const summary = findStructuredSheets(summaries).get('tickets');
  if (!summary) throw new UseCaseProblem('NO_TICKETS', { sheets: summaries.map((s) => s.name) });
  const [grid] = await wb.readSheets([summary.name]);
  const read = readTable(TICKETS, grid ?? { name: summary.name, originRow: 0, originCol: 0, rows: [] }, opts.lang);
  const lang = opts.lang ?? read.lang;
  if (read.columns.length === 0) throw new UseCaseProblem('NO_HEADER', { sheet: read.sheet, rows: HEADER_SEARCH_ROWS, examples: headerExamples(TICKETS, read.lang) });
  const idColumn = read.columns.find((c) => c.def.key === 'id');
  if (!idColumn) throw new UseCaseProblem('MISSING_COLUMNS', { sheet: read.sheet, columns: [header(TICKETS.columns[0], read.lang)] });

  const rawOf = (row: number, index: number): Cell => grid?.rows[row - 1 - grid.originRow]?.[index] ?? null;
  const others = read.columns.filter((c) => c.def.key !== 'id');
  const guardOrder = [...others].sort((a, b) => Number(b.def.key === 'receivedAt') - Number(a.def.key === 'receivedAt'));
  const toFill = read.records.filter((r) => r.values.id === null && others.some((c) => r.values[c.def.key] !== null));
  const base = { lang, sheet: read.sheet, column: idColumn.header, col: read.firstColumn + idColumn.index };
  if (toFill.length === 0) return { ...base, tag: null, filled: [], skipped: [], written: false };

  const ids = read.records.map((r) => r.values.id).filter((v): v is string => typeof v === 'string');
  const tag = typeof opts.clerkTag === 'string' ? opts.clerkTag : opts.clerkTag([...tagsInUse(ids)].sort());
  if (!isTag(tag)) throw new Error(`not an installation tag: ${JSON.stringify(tag)}`);

  // this tag's IDs by day: the only ones nextTicketId counts from
  const byDay = new Map<string, string[]>();
  for (const id of [...ids, ...(opts.issuedIds ?? [])]) {
    const p = parseTicketId(id);
    if (!p || p.tag !== tag) continue;
    const list = byDay.get(p.day);
    if (list) list.push(id);
    else byDay.set(p.day, [id]);
  }
  const filled: FilledId[] = [];
  const writes: CellWrite[] = [];
  for (const rec of toFill) {
    const received = rec.values.receivedAt;
    const at: WallTime = typeof received === 'number' ? received : asOf;
    const day = formatWallAs(at, 'YYYYMMDD');
    const id = nextTicketId({ receivedAt: at, tag, existingIds: byDay.get(day) ?? [] });
    // the new ID is the tag's highest of its day: all the next one needs to count on from (a pasted
    // register of thousands of rows costs one look at the sheet's IDs, not one per row)
    byDay.set(day, [id]);
    filled.push({ row: rec.row, id, day: typeof received === 'number' ? 'received' : 'asOf' });
    // the row's first filled cell (受理时间 where it is) ties the write to the row as read
    const guard = guardOrder.find((c) => rec.values[c.def.key] !== null)!;
    writes.push({
      row: rec.row - 1,
      col: base.col,
      value: id,
      was: rec.key,
      guard: { col: read.firstColumn + guard.index, was: rawOf(rec.row, guard.index) },
    });
  }
  if (opts.dryRun) return { ...base, tag, filled, skipped: [], written: false };

  const skippedWrites = new Set((await wb.writeCells(read.sheet, writes)).map((w) => w.row + 1));
  return {
    ...base,
    tag,
    filled: filled.filter((f) => !skippedWrites.has(f.row)),
    skipped: filled.filter((f) => skippedWrites.has(f.row)),
    written: skippedWrites.size < filled.length,
  };
}
