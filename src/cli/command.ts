// What every command on a workbook file shares, loaded with the first such command (main.ts loads
// none of it for help and usage errors): a failure named with FILE, the --out/--force rule, and the
// words of every failure a command can end with.
import { UseCaseProblem, WORKBOOK_NOT_READY } from '../app/problem';
import type { Lang } from '../domain/enums';
import { fileErrorMessage, UseCaseCode, useCaseMessage } from '../domain/failures';
import { WorkbookError } from '../workbook/types';
import { EXIT, Refused } from './exit';
import { FileProblem, isExistingFile, sameFile } from './files';
import { endProgress } from './progress';
import { WriteRefused } from './refusals';
import { t } from './strings';

/** A use case's refusal on FILE: the face adds what to run when `deskbook init` is the fix. */
class RefusedOnFile extends Error {
  constructor(
    readonly problem: UseCaseProblem,
    readonly file: string,
  ) {
    super(problem.message);
    this.name = 'RefusedOnFile';
  }
}

/** Refusals that `deskbook init FILE` puts right. */
const INIT_FIXES: ReadonlySet<UseCaseCode> = new Set<UseCaseCode>(['NO_TICKETS', 'NO_CHARGES', 'NO_REMINDERS', 'NOT_SET_UP', 'NO_CUSTOMERS']);

/** Runs a command on FILE: a workbook problem found while working (not only on opening), and a
 *  refusal, name FILE. A read's progress bar is gone before anything is said about how it ended. */
export async function onFile(file: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof WorkbookError) throw FileProblem.of(e, file);
    if (e instanceof UseCaseProblem) throw new RefusedOnFile(e, file);
    throw e;
  } finally {
    endProgress();
  }
}

/** Refuses to replace an existing file other than FILE unless --force. */
export function keepExisting(lang: Lang, target: string, opts: { force?: boolean }, file?: string): void {
  if (opts.force || (file !== undefined && sameFile(target, file))) return;
  if (isExistingFile(target)) throw new Refused(t(lang, 'exists', { file: target }));
}

/** How a command that threw ends: its one line and exit code; undefined for a bug. */
export function failureWords(e: unknown, lang: Lang): { words: string; exit: number } | undefined {
  endProgress();
  // a request turned down: one line in the user's words; a workbook not ready for it (not set up,
  // a sheet without its columns) exits 1 like problems found, a request that cannot be met 2
  if (e instanceof RefusedOnFile || e instanceof UseCaseProblem) {
    const problem = e instanceof RefusedOnFile ? e.problem : e;
    const hint = e instanceof RefusedOnFile && INIT_FIXES.has(problem.code) ? t(lang, 'runInit', { file: e.file }) : problem.code === 'PLAN_STARTED' ? t(lang, 'planForce') : '';
    return { words: `${useCaseMessage(problem, lang)}${hint}`, exit: WORKBOOK_NOT_READY.has(problem.code) ? EXIT.PROBLEMS : EXIT.USAGE };
  }
  if (e instanceof FileProblem) return { words: fileErrorMessage(e, lang, e.file), exit: EXIT.USAGE };
  // a write turned down (read-only, in use, changed meanwhile…): a file that cannot be written, 2
  if (e instanceof WriteRefused) return { words: e.words(lang), exit: EXIT.USAGE };
  return undefined;
}
