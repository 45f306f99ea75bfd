// deskbook validate: every entry checked; --mark marks the problem cells in FILE.
import { validateWorkbook } from '../app/validate';
import type { Lang } from '../domain/enums';
import { EXIT, Io } from './exit';
import { openWorkbookFile, saveIfChanged } from './files';
import { MAX_LISTED_PROBLEMS, problemsJson } from './problems';
import { t } from './strings';

/** A count as people read it: 6,291,490. */
const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

export interface ValidateOptions {
  lang?: Lang;
  json?: boolean;
  asOf?: string;
  mark?: boolean;
}

export async function runValidate(io: Io, file: string, opts: ValidateOptions): Promise<number> {
  const read = await openWorkbookFile(file, { writeTo: opts.mark ? file : undefined, readOnce: true });
  const report = await validateWorkbook(read.workbook, { lang: opts.lang, asOf: opts.asOf, mark: opts.mark });
  // marks as they already were change nothing: the file keeps its bytes and its time
  const marked = opts.mark ? saveIfChanged(file, read) : false;
  const lang = report.lang;
  // past the cap, every face says so: JSON on stderr, so that stdout stays the array it always is
  const unlisted = report.unlisted
    ? t(lang, 'problemsUnlisted', {
        total: count(report.errors + report.warnings, lang),
        listed: count(report.problems.length, lang),
        unlisted: count(report.unlisted, lang),
        marked: opts.mark ? t(lang, 'problemsUnlistedMarked') : '',
      })
    : null;
  if (opts.json) {
    io.out(JSON.stringify(problemsJson(report.problems, lang), null, 2));
    if (unlisted) io.err(unlisted);
  } else {
    for (const group of report.bySheet) {
      const found = group.errors + group.warnings;
      io.out(t(lang, 'sheetProblems', { sheet: group.sheet, n: found }));
      for (const p of group.problems.slice(0, MAX_LISTED_PROBLEMS)) io.out(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}`);
      const shown = Math.min(group.problems.length, MAX_LISTED_PROBLEMS);
      if (found > shown) io.out(t(lang, 'moreProblems', { n: found - shown }));
    }
    io.out(report.bySheet.length ? t(lang, 'validateSummary', { errors: report.errors, warnings: report.warnings }) : t(lang, 'validateClean'));
    if (unlisted) io.out(unlisted);
    if (opts.mark) io.out(t(lang, marked ? 'marked' : 'marksUnchanged', { file }));
  }
  return report.errors > 0 ? EXIT.PROBLEMS : EXIT.OK;
}
