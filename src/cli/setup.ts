// deskbook init and deskbook status: a workbook's structured sheets, set up or looked at.
import { SetupResult, setUpWorkbook, inspectWorkbook, WorkbookStatus } from '../app/setup';
import type { Lang } from '../domain/enums';
import { ALL_SHEETS, sheetName } from '../domain/schema';
import { EXIT, Io } from './exit';
import { fileExists, openWorkbookFile, saveIfChanged } from './files';
import { hasErrors, printProblems, problemsJson } from './problems';
import { t } from './strings';

function printStatus(io: Io, lang: Lang, file: string, status: WorkbookStatus): void {
  for (const s of status.sheets) {
    if (!s.present) {
      // a sheet not there is named as set-up would create it: in the workbook's language
      const def = ALL_SHEETS.find((d) => d.key === s.key)!;
      io.out(t(lang, 'sheetMissing', { name: sheetName(def, status.lang) }));
      continue;
    }
    const cols = s.missingColumns.length ? t(lang, 'missingColumns', { list: s.missingColumns.join(lang === 'zh' ? '、' : ', ') }) : '';
    io.out(t(lang, 'sheetLine', { name: s.name ?? s.key, rows: s.rows }) + cols);
  }
  if (status.otherSheets.length) io.out(t(lang, 'otherSheets', { list: status.otherSheets.join(lang === 'zh' ? '、' : ', ') }));
  if (status.generatedSheets.length) io.out(t(lang, 'generatedSheets', { list: status.generatedSheets.join(lang === 'zh' ? '、' : ', ') }));
  io.out(status.ready ? t(lang, 'ready') : t(lang, 'notReady', { file }));
}

function statusJson(status: WorkbookStatus, lang: Lang, extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    lang: status.lang,
    ready: status.ready,
    sheets: status.sheets,
    otherSheets: status.otherSheets,
    generatedSheets: status.generatedSheets,
    problems: problemsJson(status.problems, lang),
  };
}

export async function runInit(io: Io, file: string, opts: { lang?: Lang; json?: boolean }): Promise<number> {
  const exists = fileExists(file);
  const read = await openWorkbookFile(file, { writeTo: file, create: true });
  const result: SetupResult = await setUpWorkbook(read.workbook, { lang: opts.lang });
  const lang = opts.lang ?? result.status.lang;
  if (result.created.length > 0 || result.namesAdded.length > 0) saveIfChanged(file, read);
  if (opts.json) {
    io.out(JSON.stringify(statusJson(result.status, lang, { file, created: result.created }), null, 2));
  } else {
    if (!exists) io.out(t(lang, 'newWorkbook', { file }));
    io.out(result.created.length ? t(lang, 'created', { list: result.created.join(lang === 'zh' ? '、' : ', ') }) : t(lang, 'alreadySetUp'));
    printStatus(io, lang, file, result.status);
    printProblems(io, lang, result.status.problems);
    if (result.created.length) io.out(t(lang, 'wrote', { file }));
  }
  return hasErrors(result.status.problems) ? EXIT.PROBLEMS : EXIT.OK;
}

export async function runStatus(io: Io, file: string, opts: { lang?: Lang; json?: boolean }): Promise<number> {
  const { workbook: wb } = await openWorkbookFile(file);
  const status = await inspectWorkbook(wb, { lang: opts.lang });
  const lang = opts.lang ?? status.lang;
  if (opts.json) io.out(JSON.stringify(statusJson(status, lang, { file }), null, 2));
  else {
    printStatus(io, lang, file, status);
    printProblems(io, lang, status.problems);
  }
  return hasErrors(status.problems) ? EXIT.PROBLEMS : EXIT.OK;
}
