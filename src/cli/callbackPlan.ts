// deskbook callback-plan: the quarter's callback plan (回访计划 YYYY-Qn) written as its sheet. Parses,
// calls the use case (app/callbackPlan.ts), prints; the file is written atomically, and only when
// its bytes changed.
import { runCallbackPlan } from '../app/callbackPlan';
import { Lang } from '../domain/enums';
import { describeProblem } from '../domain/messages';
import { naturalCompare } from '../domain/callbackPlan';
import { openWorkbookFile, WorkbookFile } from './files';
import { t } from './strings';

export interface CallbackPlanOptions {
  readonly quarter?: string;
  readonly asOf?: string;
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
export interface Saving {
  /** refuses an existing --out other than FILE unless --force */
  keepExisting(target: string): void;
  /** writes the workbook read from FILE into `target`: FILE only when its bytes changed */
  save(target: string, read: WorkbookFile): void;
}

const MAX_LISTED_PROBLEMS = 50;

/** Runs `deskbook callback-plan`; returns the exit code. */
export async function runCallbackPlanCommand(io: Io, file: string, opts: CallbackPlanOptions, saving: Saving): Promise<number> {
  const target = opts.out ?? file;
  if (opts.write) saving.keepExisting(target);
  const read = await openWorkbookFile(file, { writeTo: opts.write ? target : undefined });
  const result = await runCallbackPlan(read.workbook, { quarter: opts.quarter, asOf: opts.asOf, lang: opts.lang, write: opts.write, force: opts.force });
  if (opts.write) saving.save(target, read);
  const lang = opts.lang ?? result.lang;
  // nothing is skipped silently: unreadable cells are said, those on the plan sheets one by one
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'reportUnreadable', { n: result.unreadableCells, file })}`);
  for (const p of result.planProblems.slice(0, MAX_LISTED_PROBLEMS)) io.err(`deskbook: ${describeProblem(p, lang)}`);
  if (opts.json) {
    io.out(JSON.stringify({ ...result.json, written: result.written }, null, 2));
    return 0;
  }
  const j = result.json;
  const recent = j.households.filter((h) => h.reason === 'recent').length;
  io.out(t(lang, 'planSummary', { sheet: j.sheet, occupied: j.occupied, already: j.alreadyPlanned, planned: j.planned, recent }));
  if (result.kept > 0) io.out(t(lang, 'planKept', { n: result.kept }));
  const byBuilding = new Map<string, number>();
  for (const h of j.households) byBuilding.set(h.building ?? t(lang, 'planNoBuilding'), (byBuilding.get(h.building ?? t(lang, 'planNoBuilding')) ?? 0) + 1);
  if (byBuilding.size > 0) {
    const list = [...byBuilding].sort(([a], [b]) => naturalCompare(a, b)).map(([b, n]) => `${b} ${n}`);
    io.out(t(lang, 'planByBuilding', { list: list.join(lang === 'zh' ? '，' : ', ') }));
  }
  io.out(opts.write ? t(lang, 'reportWritten', { sheet: j.sheet, file: target }) : t(lang, 'reportBuilt', { sheet: j.sheet }));
  return 0;
}
