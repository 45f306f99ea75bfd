// deskbook due: what is overdue or due soon, awaiting a callback, not yet dispatched, at an as-of.
// Parses nothing, computes nothing: calls the use case (app/due.ts), saves, prints. FILE is written
// only with --sheet or --mark, and only when its bytes changed; --no-write writes nothing.
import { runDue } from '../app/due';
import { waitedText } from '../app/dueSheet';
import { Lang } from '../domain/enums';
import { formatWall } from '../domain/time';
import { openWorkbookFile, saveTo } from './files';
import { sayKept, withKept } from './kept';
import { t } from './strings';

export interface DueOptions {
  readonly asOf?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly lang?: Lang;
  /** write the 待办 sheet */
  readonly sheet?: boolean;
  /** colour the ticket sheet's rows */
  readonly mark?: boolean;
  /** false with --no-write */
  readonly write: boolean;
  readonly force?: boolean;
}

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Entries listed per list; the rest are counted (--json gives them all). */
const LISTED = 20;

const hours = (h: number) => (Math.round(h * 10) / 10).toFixed(1);

/** Runs `deskbook due`. */
export async function runDueCommand(io: Io, file: string, opts: DueOptions): Promise<number> {
  const target = opts.out ?? file;
  const save = opts.write && (opts.sheet || opts.mark);
  // opened to be written (locked, checked unchanged before replacing) only when it may be
  const read = await openWorkbookFile(file, { writeTo: save ? target : undefined });
  const result = await runDue(read.workbook, { asOf: opts.asOf, lang: opts.lang, write: opts.sheet, mark: opts.mark });
  if (save) saveTo(file, target, read);
  const lang = result.lang;
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'dueUnreadable', { n: result.unreadableCells, file })}`);
  if (opts.json) {
    io.out(JSON.stringify(withKept(result.json, result), null, 2));
    return 0;
  }
  const lists = result.lists;
  io.out(
    t(lang, 'dueSummary', {
      asOf: formatWall(lists.asOf, true),
      window: lists.dueSoonHours,
      overdue: lists.overdue.length,
      dueSoon: lists.dueSoon.length,
      callback: lists.awaitingCallback.length,
      undispatched: lists.undispatched.length,
    }),
  );
  const ticket = (e: { row: number; id: string; unit: string | null }) => t(lang, 'dueTicket', { row: e.row, id: e.id || t(lang, 'dueNoId'), unit: e.unit ?? '—' });
  const list = <E,>(heading: 'dueOverdue' | 'dueDueSoon' | 'dueCallback' | 'dueUndispatched', entries: ReadonlyArray<E>, line: (e: E) => string) => {
    if (entries.length === 0) return;
    io.out(t(lang, heading, { n: entries.length }));
    for (const e of entries.slice(0, LISTED)) io.out(`  ${line(e)}`);
    if (entries.length > LISTED) io.out(t(lang, 'dueMore', { n: entries.length - LISTED }));
  };
  const event = (e: { deadlineFor: 'response' | 'resolution' }) => t(lang, e.deadlineFor === 'response' ? 'dueResponse' : 'dueResolution');
  list('dueOverdue', lists.overdue, (e) => ticket(e) + t(lang, 'dueLate', { event: event(e), deadline: formatWall(e.deadline, true), hours: hours(e.hours) }));
  list('dueDueSoon', lists.dueSoon, (e) => ticket(e) + t(lang, 'dueLeft', { event: event(e), deadline: formatWall(e.deadline, true), hours: hours(e.hours) }));
  list('dueCallback', lists.awaitingCallback, (e) => ticket(e) + t(lang, 'dueResolvedAt', { at: formatWall(e.resolvedAt, true), waited: waitedText(e.hours, lang) }));
  list('dueUndispatched', lists.undispatched, (e) => ticket(e) + t(lang, 'dueReceivedAt', { at: formatWall(e.receivedAt, true), waited: waitedText(e.hours, lang) }));
  if (opts.sheet) io.out(opts.write ? t(lang, 'reportWritten', { sheet: result.sheetName, file: target }) : t(lang, 'reportBuilt', { sheet: result.sheetName }));
  if (opts.sheet) sayKept(io, lang, { ...result, written: opts.write });
  if (opts.mark) {
    const rows = { overdue: lists.overdue.length, dueSoon: lists.dueSoon.length, sheet: result.ticketSheet, file: target };
    io.out(!result.marked ? t(lang, 'dueColoursUnchanged', rows) : opts.write ? t(lang, 'dueColoured', rows) : t(lang, 'dueColouredNotWritten', rows));
  }
  return 0;
}
