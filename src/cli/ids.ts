// deskbook ids: ticket IDs for the rows typed straight into the ticket sheet (app/ids.ts). Parses
// nothing, computes nothing: calls the use case, saves, prints. FILE is written only when an ID was
// filled; --no-write writes nothing.
import { fillTicketIds, FillTicketIdsResult } from '../app/ids';
import { Lang } from '../domain/enums';
import { drawTag } from '../domain/ticketId';
import { openWorkbookFile, WorkbookFile } from './files';
import { t } from './strings';

export interface IdsOptions {
  readonly asOf?: string;
  /** the desk's own tag (normalized by main.ts); default: one drawn for this run */
  readonly tag?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly lang?: Lang;
  readonly write: boolean;
  readonly force?: boolean;
}

interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** What main.ts does for every command that writes FILE or --out. */
export interface IdsSaving {
  /** writes the workbook read from FILE into `target`: FILE only when its bytes changed */
  save(target: string, read: WorkbookFile): void;
  /** whether `target` is FILE itself */
  isFile(target: string): boolean;
}

// A run of the CLI is an installation of its own: without --tag it draws a tag that no ID in the
// workbook carries (docs/ticket-ids.md), so it cannot clash with the IDs of any earlier run.
const drawn = (inUse: ReadonlyArray<string>) => drawTag(Math.random, new Set(inUse));

const MAX_LISTED = 200;

function rowsText(lang: Lang, rows: ReadonlyArray<number>): string {
  return rows.join(lang === 'zh' ? '、' : ', ');
}

function json(file: string, target: string, r: FillTicketIdsResult) {
  return { file, out: target, sheet: r.sheet, column: r.column, tag: r.tag, written: r.written, filled: r.filled, skipped: r.skipped };
}

/** Runs `deskbook ids`; returns the exit code. */
export async function runIdsCommand(io: Io, file: string, opts: IdsOptions, saving: IdsSaving): Promise<number> {
  const target = opts.out ?? file;
  // opened to be written (locked, checked unchanged before replacing) only when it may be
  const read = await openWorkbookFile(file, { writeTo: opts.write ? target : undefined });
  const result = await fillTicketIds(read.workbook, { asOf: opts.asOf, clerkTag: opts.tag ?? drawn, dryRun: !opts.write, lang: opts.lang });
  // FILE is left alone, bytes and time, when nothing was filled; --out gets the workbook it asked for
  if (opts.write && (result.written || !saving.isFile(target))) saving.save(target, read);
  const lang = result.lang;
  if (opts.json) {
    io.out(JSON.stringify(json(file, target, result), null, 2));
    return 0;
  }
  if (result.filled.length === 0 && result.skipped.length === 0) {
    io.out(t(lang, 'idsNone', { sheet: result.sheet, column: result.column }));
    return 0;
  }
  io.out(t(lang, opts.write ? 'idsFilled' : 'idsWouldFill', { sheet: result.sheet, column: result.column, n: result.filled.length, tag: result.tag ?? '' }));
  for (const f of result.filled.slice(0, MAX_LISTED)) io.out(t(lang, f.day === 'asOf' ? 'idsRowAsOf' : 'idsRow', { row: f.row, id: f.id }));
  if (result.filled.length > MAX_LISTED) io.out(t(lang, 'idsMore', { n: result.filled.length - MAX_LISTED }));
  if (result.skipped.length > 0) io.out(t(lang, 'idsSkipped', { n: result.skipped.length, rows: rowsText(lang, result.skipped.map((f) => f.row)) }));
  if (opts.write && result.written) io.out(t(lang, 'wrote', { file: target }));
  return 0;
}
