// deskbook: batch jobs on workbook files. It parses, calls a use case, prints; nothing more.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { writeSample } from '../app/sample';
import { SetupResult, setUpWorkbook, inspectWorkbook, WorkbookStatus } from '../app/setup';
import { validateWorkbook } from '../app/validate';
import { UseCaseProblem } from '../app/problem';
import { runReport, writeKpiPivots } from '../app/report';
import type { PeriodKind } from '../domain/periods';
import { Lang } from '../domain/enums';
import { fileErrorMessage, useCaseMessage } from '../domain/failures';
import { describeProblem } from '../domain/messages';
import { Problem } from '../domain/problems';
import { FileWorkbook } from '../workbook/file';
import { WorkbookError } from '../workbook/types';
import { fileExists, FileProblem, readWorkbookFile, writeFileAtomic } from './files';
import { t } from './strings';

export const EXIT = { OK: 0, PROBLEMS: 1, USAGE: 2, INTERNAL: 3 } as const;

const MAX_LISTED_PROBLEMS = 200;

interface Io {
  out(line: string): void;
  err(line: string): void;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function langOption(): Option {
  return new Option('--lang <lang>', 'language of sheets and messages').choices(['zh', 'en']);
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
    return n;
  };
}

function printStatus(io: Io, lang: Lang, file: string, status: WorkbookStatus): void {
  for (const s of status.sheets) {
    if (!s.present) {
      io.out(t(lang, 'sheetMissing', { name: s.name ?? s.key }));
      continue;
    }
    const cols = s.missingColumns.length ? t(lang, 'missingColumns', { list: s.missingColumns.join(lang === 'zh' ? '、' : ', ') }) : '';
    io.out(t(lang, 'sheetLine', { name: s.name ?? s.key, rows: s.rows }) + cols);
  }
  if (status.otherSheets.length) io.out(t(lang, 'otherSheets', { list: status.otherSheets.join(lang === 'zh' ? '、' : ', ') }));
  if (status.generatedSheets.length) io.out(t(lang, 'generatedSheets', { list: status.generatedSheets.join(lang === 'zh' ? '、' : ', ') }));
  io.out(status.ready ? t(lang, 'ready') : t(lang, 'notReady', { file }));
}

function printProblems(io: Io, lang: Lang, problems: ReadonlyArray<Problem>): void {
  if (!problems.length) return;
  io.out(t(lang, 'problemsHeader', { n: problems.length }));
  for (const p of problems.slice(0, MAX_LISTED_PROBLEMS)) io.out(`  ${describeProblem(p, lang)}`);
  if (problems.length > MAX_LISTED_PROBLEMS) io.out(t(lang, 'moreProblems', { n: problems.length - MAX_LISTED_PROBLEMS }));
}

function problemsJson(problems: ReadonlyArray<Problem>, lang: Lang) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code, severity: p.severity, message: describeProblem(p, lang) }));
}

function hasErrors(problems: ReadonlyArray<Problem>): boolean {
  return problems.some((p) => p.severity === 'error');
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

async function runInit(io: Io, file: string, opts: { lang?: Lang; json?: boolean }): Promise<number> {
  const exists = fileExists(file);
  const wb = exists ? readWorkbookFile(file) : FileWorkbook.create();
  const result: SetupResult = await setUpWorkbook(wb, { lang: opts.lang });
  const lang = opts.lang ?? result.status.lang;
  if (result.created.length > 0 || result.namesAdded.length > 0) writeFileAtomic(file, wb.toBytes());
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

async function runStatus(io: Io, file: string, opts: { lang?: Lang; json?: boolean }): Promise<number> {
  const wb = readWorkbookFile(file);
  const status = await inspectWorkbook(wb, { lang: opts.lang });
  const lang = opts.lang ?? status.lang;
  if (opts.json) io.out(JSON.stringify(statusJson(status, lang, { file }), null, 2));
  else {
    printStatus(io, lang, file, status);
    printProblems(io, lang, status.problems);
  }
  return hasErrors(status.problems) ? EXIT.PROBLEMS : EXIT.OK;
}

async function runValidate(io: Io, file: string, opts: { lang?: Lang; json?: boolean; asOf?: string; mark?: boolean }): Promise<number> {
  const wb = readWorkbookFile(file);
  const report = await validateWorkbook(wb, { lang: opts.lang, asOf: opts.asOf, mark: opts.mark });
  if (opts.mark) writeFileAtomic(file, wb.toBytes());
  if (opts.json) {
    io.out(JSON.stringify(problemsJson(report.problems, report.lang), null, 2));
  } else {
    for (const group of report.bySheet) {
      io.out(t(report.lang, 'sheetProblems', { sheet: group.sheet, n: group.problems.length }));
      for (const p of group.problems.slice(0, MAX_LISTED_PROBLEMS)) io.out(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}`);
      if (group.problems.length > MAX_LISTED_PROBLEMS) io.out(t(report.lang, 'moreProblems', { n: group.problems.length - MAX_LISTED_PROBLEMS }));
    }
    io.out(report.problems.length ? t(report.lang, 'validateSummary', { errors: report.errors, warnings: report.warnings }) : t(report.lang, 'validateClean'));
    if (opts.mark) io.out(t(report.lang, 'marked', { file }));
  }
  return report.errors > 0 ? EXIT.PROBLEMS : EXIT.OK;
}

interface ReportOptions {
  period?: string;
  asOf?: string;
  out?: string;
  json?: boolean;
  lang?: Lang;
  write: boolean;
}

async function runReportCommand(io: Io, kind: PeriodKind, file: string, opts: ReportOptions): Promise<number> {
  const wb = readWorkbookFile(file);
  const result = await runReport(wb, { kind, period: opts.period, asOf: opts.asOf, lang: opts.lang, write: opts.write });
  const target = opts.out ?? file;
  if (opts.write) writeFileAtomic(target, wb.toBytes());
  const lang = opts.lang ?? result.model.lang;
  // Nothing is skipped silently: a report over cells that could not be read says so.
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'reportUnreadable', { n: result.unreadableCells, file })}`);
  if (opts.json) io.out(JSON.stringify(result.json, null, 2));
  else if (opts.write) io.out(t(lang, 'reportWritten', { sheet: result.sheetName, file: target }));
  else io.out(t(lang, 'reportBuilt', { sheet: result.sheetName }));
  return EXIT.OK;
}

interface DemoOptions {
  out: string;
  seed?: number;
  units?: number;
  months?: number;
  tickets?: number;
  asOf?: string;
  lang?: Lang;
  plant: boolean;
  json?: boolean;
}

async function runDemo(io: Io, opts: DemoOptions): Promise<number> {
  const lang = opts.lang ?? 'zh';
  const wb = FileWorkbook.create();
  const written = await writeSample(wb, {
    lang,
    seed: opts.seed,
    units: opts.units,
    months: opts.months,
    tickets: opts.tickets,
    asOf: opts.asOf,
    plant: opts.plant,
  });
  writeFileAtomic(opts.out, wb.toBytes());
  const rows = Object.fromEntries(written.status.sheets.map((s) => [s.key, s.rows]));
  if (opts.json) {
    io.out(JSON.stringify({ file: opts.out, lang, sheets: written.status.sheets, planted: written.planted }, null, 2));
  } else {
    io.out(t(lang, 'sampleCounts', rows));
    if (written.planted.length) io.out(t(lang, 'planted', { n: written.planted.length }));
    io.out(t(lang, 'wrote', { file: opts.out }));
  }
  return EXIT.OK;
}

/** Runs a command on FILE: a workbook problem found while working (not only on opening) names FILE. */
async function onFile(file: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof WorkbookError) throw FileProblem.of(e, file);
    throw e;
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('deskbook')
    .description('Service-center workbook tools: set up, sample data, status (see README.md)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError(false)
    .exitOverride();

  program
    .command('init')
    .description('set up a workbook: add the missing structured sheets (creates FILE when it does not exist)')
    .argument('<file>', '.xlsx workbook')
    .addOption(langOption())
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { lang?: Lang; json?: boolean }) => setExit(await onFile(file, () => runInit(io, file, opts))));

  program
    .command('status')
    .description('show the structured sheets of a workbook, their row counts, and cells that cannot be read')
    .argument('<file>', '.xlsx workbook')
    .addOption(langOption())
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { lang?: Lang; json?: boolean }) => setExit(await onFile(file, () => runStatus(io, file, opts))));

  program
    .command('validate')
    .description('check every entry: cells that cannot be read and every rule (required fields, lists, formats, time order, status, charges, duplicates)')
    .argument('<file>', '.xlsx workbook')
    .addOption(langOption())
    .option('--json', 'print the problems as a JSON array of {sheet, row, column, code, severity, message}')
    .option('--as-of <datetime>', 'judge "in the future" against this moment instead of now')
    .option('--mark', "also mark the problems on the cells in FILE (the add-in's own marks; values and formats untouched)")
    .action(async (file: string, opts: { lang?: Lang; json?: boolean; asOf?: string; mark?: boolean }) => setExit(await onFile(file, () => runValidate(io, file, opts))));

  program
    .command('report')
    .description('build a report (daily tally, weekly, monthly or quarterly) and write it as a sheet')
    .addArgument(new Argument('<kind>', 'daily | weekly | monthly | quarterly').choices(['daily', 'weekly', 'monthly', 'quarterly']))
    .argument('<file>', '.xlsx workbook')
    .option('--period <p>', 'the period: 2026-11-24, 2026-W48, 2026-11 or 2026-Q4 (default: the latest complete one)')
    .option('--as-of <datetime>', 'now, for the report (default: the machine\'s clock); the report counts up to the earlier of this and the period end')
    .option('--out <file>', 'write the workbook with the report sheet here instead of into FILE')
    .option('--json', 'print the report model as JSON')
    .option('--no-write', 'do not write the sheet (with --json: only print)')
    .addOption(langOption())
    .action(async (kind: PeriodKind, file: string, opts: ReportOptions) => setExit(await onFile(file, () => runReportCommand(io, kind, file, opts))));

  program
    .command('kpi')
    .description('write the KPI cross-tabs (category × status, department × month, type × channel) as a KPI sheet')
    .argument('<file>', '.xlsx workbook')
    .option('--out <file>', 'write the workbook here instead of into FILE')
    .addOption(langOption())
    .action(async (file: string, opts: { out?: string; lang?: Lang }) =>
      setExit(
        await onFile(file, async () => {
          const wb = readWorkbookFile(file);
          const result = await writeKpiPivots(wb, { lang: opts.lang });
          const target = opts.out ?? file;
          writeFileAtomic(target, wb.toBytes());
          io.out(t(result.lang, 'reportWritten', { sheet: result.sheet, file: target }));
          return EXIT.OK;
        }),
      ),
    );

  program
    .command('demo')
    .description('write a generated sample service center (a property-management desk) to a new workbook')
    .option('--out <file>', 'the workbook to write', 'demo.xlsx')
    .option('--seed <n>', 'random seed (same seed and as-of, same workbook)', positiveInt('--seed'))
    .option('--units <n>', 'number of units (households)', positiveInt('--units'))
    .option('--months <n>', 'months of history', positiveInt('--months'))
    .option('--tickets <n>', 'number of tickets (default: about 3 per unit per 6 months)', positiveInt('--tickets'))
    .option('--as-of <datetime>', 'the sample\'s "now", e.g. 2026-11-25T17:30 (default: today 17:30)')
    .option('--no-plant', 'leave out the deliberate data-entry problems')
    .addOption(langOption())
    .option('--json', 'print the result as JSON')
    .action(async (opts: DemoOptions) => setExit(await runDemo(io, opts)));

  return program;
}

function langFromArgv(argv: ReadonlyArray<string>): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
}

/** Runs the CLI; returns the exit code. Never lets an exception reach the user as a stack trace. */
export async function run(argv: ReadonlyArray<string>, io: Io = stdio): Promise<number> {
  let code: number = EXIT.OK;
  const lang = langFromArgv(argv);
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return EXIT.OK;
      if (e.code === 'commander.help') return EXIT.OK;
      // commander has already printed its one-line message
      return EXIT.USAGE;
    }
    // a request turned down, a file that cannot be read or written: one line in the user's words
    if (e instanceof UseCaseProblem) {
      io.err(`deskbook: ${useCaseMessage(e, lang)}`);
      return EXIT.USAGE;
    }
    if (e instanceof FileProblem) {
      io.err(`deskbook: ${fileErrorMessage(e, lang, e.file)}`);
      return EXIT.USAGE;
    }
    io.err(`deskbook: ${t(lang, 'internal', { detail: (e as Error)?.message ?? String(e) })}`);
    if (process.env.DESKBOOK_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT.INTERNAL;
  }
}

if (require.main === module || process.argv[1]?.endsWith('deskbook.js')) {
  // `deskbook validate x.xlsx | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
