// deskbook validate: every entry checked; --mark marks the problem cells in FILE.
import { validateWorkbook } from '../app/validate';
import type { Lang } from '../domain/enums';
import { EXIT, Io } from './exit';
import { openWorkbookFile, saveIfChanged } from './files';
import { MAX_LISTED_PROBLEMS, problemsJson } from './problems';
import { t } from './strings';

export interface ValidateOptions {
  lang?: Lang;
  json?: boolean;
  asOf?: string;
  mark?: boolean;
}

export async function runValidate(io: Io, file: string, opts: ValidateOptions): Promise<number> {
  const read = await openWorkbookFile(file, { writeTo: opts.mark ? file : undefined });
  const report = await validateWorkbook(read.workbook, { lang: opts.lang, asOf: opts.asOf, mark: opts.mark });
  // marks as they already were change nothing: the file keeps its bytes and its time
  const marked = opts.mark ? saveIfChanged(file, read) : false;
  if (opts.json) {
    io.out(JSON.stringify(problemsJson(report.problems, report.lang), null, 2));
  } else {
    for (const group of report.bySheet) {
      io.out(t(report.lang, 'sheetProblems', { sheet: group.sheet, n: group.problems.length }));
      for (const p of group.problems.slice(0, MAX_LISTED_PROBLEMS)) io.out(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}`);
      if (group.problems.length > MAX_LISTED_PROBLEMS) io.out(t(report.lang, 'moreProblems', { n: group.problems.length - MAX_LISTED_PROBLEMS }));
    }
    io.out(report.problems.length ? t(report.lang, 'validateSummary', { errors: report.errors, warnings: report.warnings }) : t(report.lang, 'validateClean'));
    if (opts.mark) io.out(t(report.lang, marked ? 'marked' : 'marksUnchanged', { file }));
  }
  return report.errors > 0 ? EXIT.PROBLEMS : EXIT.OK;
}
