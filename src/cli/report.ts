// deskbook report and deskbook kpi: a report, or the KPI cross-tabs, as a sheet or as JSON.
import { runReport, writeKpiPivots } from '../app/report';
import type { Lang } from '../domain/enums';
import type { PeriodKind } from '../domain/periods';
import { keepExisting } from './command';
import { EXIT, Io } from './exit';
import { openWorkbookFile, saveTo } from './files';
import { sayKept, withKept } from './kept';
import { t } from './strings';

export interface ReportOptions {
  period?: string;
  asOf?: string;
  out?: string;
  json?: boolean;
  lang?: Lang;
  write: boolean;
  force?: boolean;
}

export async function runReportCommand(io: Io, kind: PeriodKind, file: string, opts: ReportOptions): Promise<number> {
  const target = opts.out ?? file;
  if (opts.write) keepExisting(opts.lang ?? 'zh', target, opts, file);
  const read = await openWorkbookFile(file, { writeTo: opts.write ? target : undefined, readOnce: true });
  const result = await runReport(read.workbook, { kind, period: opts.period, asOf: opts.asOf, lang: opts.lang, write: opts.write });
  if (opts.write) saveTo(file, target, read);
  const lang = opts.lang ?? result.model.lang;
  // Nothing is skipped silently: a report over cells that could not be read says so.
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'reportUnreadable', { n: result.unreadableCells, file })}`);
  const empty = result.json.empty ? t(lang, 'reportEmpty') : '';
  if (opts.json) io.out(JSON.stringify(withKept(result.json, result), null, 2));
  else if (opts.write) io.out(t(lang, 'reportWritten', { sheet: result.sheetName, file: target }) + empty);
  else io.out(t(lang, 'reportBuilt', { sheet: result.sheetName }) + empty);
  if (!opts.json) sayKept(io, lang, result);
  return EXIT.OK;
}

export interface KpiOptions {
  out?: string;
  lang?: Lang;
  force?: boolean;
}

export async function runKpi(io: Io, file: string, opts: KpiOptions): Promise<number> {
  const target = opts.out ?? file;
  keepExisting(opts.lang ?? 'zh', target, opts, file);
  const read = await openWorkbookFile(file, { writeTo: target });
  const result = await writeKpiPivots(read.workbook, { lang: opts.lang });
  saveTo(file, target, read);
  io.out(t(result.lang, 'reportWritten', { sheet: result.sheet, file: target }));
  sayKept(io, result.lang, { keptSheet: result.keptSheet, sheetName: result.sheet });
  return EXIT.OK;
}
