// The problems a command found in a workbook's cells, as it prints them: a list, or JSON.
import type { Lang } from '../domain/enums';
import { describeProblem } from '../domain/messages';
import type { Problem } from '../domain/problems';
import type { Io } from './exit';
import { t } from './strings';

export const MAX_LISTED_PROBLEMS = 200;

export function printProblems(io: Io, lang: Lang, problems: ReadonlyArray<Problem>): void {
  if (!problems.length) return;
  io.out(t(lang, 'problemsHeader', { n: problems.length }));
  for (const p of problems.slice(0, MAX_LISTED_PROBLEMS)) io.out(`  ${describeProblem(p, lang)}`);
  if (problems.length > MAX_LISTED_PROBLEMS) io.out(t(lang, 'moreProblems', { n: problems.length - MAX_LISTED_PROBLEMS }));
}

export function problemsJson(problems: ReadonlyArray<Problem>, lang: Lang) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code, severity: p.severity, message: describeProblem(p, lang) }));
}

export function hasErrors(problems: ReadonlyArray<Problem>): boolean {
  return problems.some((p) => p.severity === 'error');
}
