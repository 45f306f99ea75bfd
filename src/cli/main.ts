// deskbook: batch jobs on workbook files. It parses, calls a use case, prints; nothing more.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { writeLegacySample, writeSample } from '../app/sample';
import { AdoptOptions, runAdopt } from './adopt';
import { CallbackPlanOptions, runCallbackPlanCommand } from './callbackPlan';
import { ArrearsOptions, NoticesOptions, runArrearsCommand, runNoticesCommand } from './arrears';
import { DueOptions, runDueCommand } from './due';
import { IdsOptions, runIdsCommand } from './ids';
import { SetupResult, setUpWorkbook, inspectWorkbook, WorkbookStatus } from '../app/setup';
import { validateWorkbook } from '../app/validate';
import { UseCaseProblem, WORKBOOK_NOT_READY } from '../app/problem';
import { runReport, writeKpiPivots } from '../app/report';
import type { PeriodKind } from '../domain/periods';
import { Lang } from '../domain/enums';
import { yuanToCents } from '../domain/money';
import { fileErrorMessage, UseCaseCode, useCaseMessage } from '../domain/failures';
import { describeProblem } from '../domain/messages';
import { Problem } from '../domain/problems';
import { ALL_SHEETS, sheetName } from '../domain/schema';
import { normalizeTag } from '../domain/ticketId';
import { FileWorkbook } from '../workbook/file';
import { WorkbookError } from '../workbook/types';
import { beginCommand, beginWrite, endCommand, fileExists, FileProblem, isExistingFile, openWorkbookFile, readWorkbookFile, sameFile, saveIfChanged, saveTo, writeThrough } from './files';
import { WriteRefused } from './refusals';
import { RestoreOptions, runRestore } from './restore';
import { helpText, t } from './strings';
import { commanderMessage, configureHelp } from './usage';

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

/** A refusal of this command line, before any work: one line in the user's words, exit 2. */
class Refused extends Error {
  constructor(readonly words: string) {
    super(words);
    this.name = 'Refused';
  }
}

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

/** The package's version, from package.json beside src/ and dist/. */
function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // a copy of dist/ without its package.json: every command still runs
    return '?';
  }
}

/** Refuses to replace an existing file other than FILE unless --force. */
function keepExisting(lang: Lang, target: string, opts: { force?: boolean }, file?: string): void {
  if (opts.force || (file !== undefined && sameFile(target, file))) return;
  if (isExistingFile(target)) throw new Refused(t(lang, 'exists', { file: target }));
}

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

async function runStatus(io: Io, file: string, opts: { lang?: Lang; json?: boolean }): Promise<number> {
  const { workbook: wb } = readWorkbookFile(file);
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

interface ReportOptions {
  period?: string;
  asOf?: string;
  out?: string;
  json?: boolean;
  lang?: Lang;
  write: boolean;
  force?: boolean;
}

async function runReportCommand(io: Io, kind: PeriodKind, file: string, opts: ReportOptions): Promise<number> {
  const target = opts.out ?? file;
  if (opts.write) keepExisting(opts.lang ?? 'zh', target, opts, file);
  const read = await openWorkbookFile(file, { writeTo: opts.write ? target : undefined });
  const result = await runReport(read.workbook, { kind, period: opts.period, asOf: opts.asOf, lang: opts.lang, write: opts.write });
  if (opts.write) saveTo(file, target, read);
  const lang = opts.lang ?? result.model.lang;
  // Nothing is skipped silently: a report over cells that could not be read says so.
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'reportUnreadable', { n: result.unreadableCells, file })}`);
  const empty = result.json.empty ? t(lang, 'reportEmpty') : '';
  if (opts.json) io.out(JSON.stringify(result.json, null, 2));
  else if (opts.write) io.out(t(lang, 'reportWritten', { sheet: result.sheetName, file: target }) + empty);
  else io.out(t(lang, 'reportBuilt', { sheet: result.sheetName }) + empty);
  return EXIT.OK;
}

async function runKpi(io: Io, file: string, opts: { out?: string; lang?: Lang; force?: boolean }): Promise<number> {
  const target = opts.out ?? file;
  keepExisting(opts.lang ?? 'zh', target, opts, file);
  const read = await openWorkbookFile(file, { writeTo: target });
  const result = await writeKpiPivots(read.workbook, { lang: opts.lang });
  saveTo(file, target, read);
  io.out(t(result.lang, 'reportWritten', { sheet: result.sheet, file: target }));
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
  force?: boolean;
  legacy?: boolean;
}

async function runDemo(io: Io, opts: DemoOptions): Promise<number> {
  const lang = opts.lang ?? 'zh';
  // a clerk's workbook under the same name is kept: the sample replaces it only when asked
  keepExisting(lang, opts.out, opts);
  const writing = await beginWrite(opts.out);
  const wb = FileWorkbook.create();
  if (opts.legacy) {
    const legacy = await writeLegacySample(wb, { lang, seed: opts.seed, units: opts.units, months: opts.months, tickets: opts.tickets, asOf: opts.asOf, plant: opts.plant });
    writeThrough(writing, wb.toBytes());
    if (opts.json) io.out(JSON.stringify({ file: opts.out, lang, legacy: true, sheets: legacy.sheets, planted: legacy.planted }, null, 2));
    else io.out(t(lang, 'wroteLegacy', { file: opts.out, list: legacy.sheets.join(lang === 'zh' ? '、' : ', ') }));
    return EXIT.OK;
  }
  const written = await writeSample(wb, {
    lang,
    seed: opts.seed,
    units: opts.units,
    months: opts.months,
    tickets: opts.tickets,
    asOf: opts.asOf,
    plant: opts.plant,
  });
  writeThrough(writing, wb.toBytes());
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

/** Runs a command on FILE: a workbook problem found while working (not only on opening), and a
 *  refusal, name FILE. */
async function onFile(file: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof WorkbookError) throw FileProblem.of(e, file);
    if (e instanceof UseCaseProblem) throw new RefusedOnFile(e, file);
    throw e;
  }
}

export function buildProgram(io: Io, setExit: (code: number) => void, lang: Lang = 'zh'): Command {
  const h = (key: Parameters<typeof helpText>[1]) => helpText(lang, key);
  const nonEmpty = (value: string): string => {
    if (value.trim() === '') throw new InvalidArgumentError(t(lang, 'emptyName'));
    return value;
  };
  const positiveInt = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t(lang, 'wholeNumber'));
    return n;
  };
  const fileArgument = () => new Argument('<file>', h('file')).argParser(nonEmpty);
  const langOption = () => new Option('--lang <lang>', h('lang')).choices(['zh', 'en']);
  const outOption = (key: 'reportOut' | 'kpiOut' | 'planOut' | 'noticesOut' | 'arrearsOut' | 'dueOut' | 'idsOut') => new Option('--out <file>', h(key)).argParser(nonEmpty);

  const program = new Command('deskbook');
  configureHelp(program, lang);
  program
    .description(h('program'))
    .version(packageVersion(), '-V, --version', h('version'))
    // the program's own options (--version, --help) come before a command: `restore FILE --version N` is restore's
    .enablePositionalOptions()
    .helpOption('-h, --help', h('helpOption'))
    .helpCommand('help [command]', h('helpCommand'))
    // commander's complaints are worded in run(), in the user's language
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: () => undefined })
    .showHelpAfterError(false)
    .exitOverride();

  program
    .command('init')
    .summary(h('initSummary'))
    .description(h('initDescription'))
    .addArgument(fileArgument())
    .addOption(langOption())
    .option('--json', h('json'))
    .action(async (file: string, opts: { lang?: Lang; json?: boolean }) => setExit(await onFile(file, () => runInit(io, file, opts))));

  program
    .command('adopt')
    .summary(h('adoptSummary'))
    .description(h('adoptDescription'))
    .argument('<file>', h('file'))
    .option('--sheet <name>', h('adoptSheet'), (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--as <kind>', h('adoptAs')).choices(['tickets', 'customers', 'charges', 'reminders']))
    .option('--map <file>', h('adoptMap'))
    .option('--dry-run', h('dryRun'))
    .option('--as-of <datetime>', h('asOfAdopt'))
    .addOption(langOption())
    .option('--json', h('json'))
    .action(async (file: string, opts: AdoptOptions) => setExit(await onFile(file, () => runAdopt(io, file, opts))));

  program
    .command('status')
    .summary(h('statusSummary'))
    .description(h('statusDescription'))
    .addArgument(fileArgument())
    .addOption(langOption())
    .option('--json', h('json'))
    .action(async (file: string, opts: { lang?: Lang; json?: boolean }) => setExit(await onFile(file, () => runStatus(io, file, opts))));

  program
    .command('validate')
    .summary(h('validateSummary'))
    .description(h('validateDescription'))
    .addArgument(fileArgument())
    .addOption(langOption())
    .option('--json', h('validateJson'))
    .option('--as-of <datetime>', h('asOfValidate'))
    .option('--mark', h('mark'))
    .action(async (file: string, opts: { lang?: Lang; json?: boolean; asOf?: string; mark?: boolean }) => setExit(await onFile(file, () => runValidate(io, file, opts))));

  program
    .command('report')
    .summary(h('reportSummary'))
    .description(h('reportDescription'))
    .addArgument(new Argument('<kind>', h('kind')).choices(['daily', 'weekly', 'monthly', 'quarterly']))
    .addArgument(fileArgument())
    .option('--period <p>', h('period'))
    .option('--as-of <datetime>', h('asOfReport'))
    .addOption(outOption('reportOut'))
    .option('--force', h('force'))
    .option('--json', h('reportJson'))
    .option('--no-write', h('noWrite'))
    .addOption(langOption())
    .action(async (kind: PeriodKind, file: string, opts: ReportOptions) => setExit(await onFile(file, () => runReportCommand(io, kind, file, opts))));

  program
    .command('kpi')
    .summary(h('kpiSummary'))
    .description(h('kpiDescription'))
    .addArgument(fileArgument())
    .addOption(outOption('kpiOut'))
    .option('--force', h('force'))
    .addOption(langOption())
    .action(async (file: string, opts: { out?: string; lang?: Lang; force?: boolean }) => setExit(await onFile(file, () => runKpi(io, file, opts))));

  // notices and arrears (cli/arrears.ts)
  const yuanAmount = (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || !/^\d+(\.\d{1,2})?$/.test(value.trim())) throw new InvalidArgumentError(t(lang, 'yuanAmount'));
    return yuanToCents(n);
  };
  program
    .command('arrears')
    .summary(h('arrearsSummary'))
    .description(h('arrearsDescription'))
    .addArgument(fileArgument())
    .option('--as-of <datetime>', h('asOfArrears'))
    .addOption(outOption('arrearsOut'))
    .option('--force', h('force'))
    .option('--json', h('arrearsJson'))
    .option('--no-write', h('noWrite'))
    .addOption(langOption())
    .action(async (file: string, opts: ArrearsOptions) =>
      setExit(
        await onFile(file, () => {
          if (opts.write) keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runArrearsCommand(io, file, opts);
        }),
      ),
    );

  program
    .command('notices')
    .summary(h('noticesSummary'))
    .description(h('noticesDescription'))
    .addArgument(fileArgument())
    .option('--as-of <datetime>', h('asOfNotices'))
    .option('--min-amount <yuan>', h('minAmount'), yuanAmount)
    .option('--min-days <n>', h('minDays'), positiveInt)
    .option('--log-reminders', h('logReminders'))
    .addOption(outOption('noticesOut'))
    .option('--force', h('force'))
    .option('--json', h('noticesJson'))
    .option('--no-write', h('noWrite'))
    .addOption(langOption())
    .action(async (file: string, opts: NoticesOptions) =>
      setExit(
        await onFile(file, () => {
          if (opts.logReminders && !opts.write) throw new Refused(t(opts.lang ?? lang, 'logNoWrite'));
          if (opts.write) keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runNoticesCommand(io, file, opts);
        }),
      ),
    );

  program
    .command('due')
    .summary(h('dueSummary'))
    .description(h('dueDescription'))
    .addArgument(fileArgument())
    .option('--as-of <datetime>', h('asOfDue'))
    .option('--json', h('dueJson'))
    .option('--sheet', h('dueSheet'))
    .option('--mark', h('dueMark'))
    .option('--no-write', h('dueNoWrite'))
    .addOption(outOption('dueOut'))
    .option('--force', h('force'))
    .addOption(langOption())
    .action(async (file: string, opts: DueOptions) =>
      setExit(
        await onFile(file, () => {
          if (opts.write && (opts.sheet || opts.mark)) keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runDueCommand(io, file, opts);
        }),
      ),
    );

  program
    .command('callback-plan')
    .summary(h('callbackPlanSummary'))
    .description(h('callbackPlanDescription'))
    .addArgument(fileArgument())
    .option('--quarter <q>', h('quarter'))
    .option('--as-of <datetime>', h('asOfPlan'))
    .addOption(outOption('planOut'))
    .option('--force', h('planForceOption'))
    .option('--json', h('planJson'))
    .option('--no-write', h('noWrite'))
    .addOption(langOption())
    .action(async (file: string, opts: CallbackPlanOptions) =>
      setExit(
        await onFile(file, () =>
          runCallbackPlanCommand(io, file, opts, { keepExisting: (target) => keepExisting(opts.lang ?? 'zh', target, opts, file), save: (target, read) => saveTo(file, target, read) }),
        ),
      ),
    );

  // ticket IDs for rows typed into the sheet (cli/ids.ts)
  const tagArgument = (value: string): string => {
    const tag = normalizeTag(value);
    if (tag === undefined) throw new InvalidArgumentError(t(lang, 'badTag'));
    return tag;
  };
  program
    .command('ids')
    .summary(h('idsSummary'))
    .description(h('idsDescription'))
    .addArgument(fileArgument())
    .option('--as-of <datetime>', h('asOfIds'))
    .option('--tag <tag>', h('idsTag'), tagArgument)
    .addOption(outOption('idsOut'))
    .option('--force', h('force'))
    .option('--json', h('idsJson'))
    .option('--no-write', h('idsNoWrite'))
    .addOption(langOption())
    .action(async (file: string, opts: IdsOptions) =>
      setExit(
        await onFile(file, () => {
          if (opts.write) keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runIdsCommand(io, file, opts, { save: (target, read) => saveTo(file, target, read), isFile: (target) => sameFile(target, file) });
        }),
      ),
    );

  program
    .command('restore')
    .summary(h('restoreSummary'))
    .description(h('restoreDescription'))
    .addArgument(fileArgument())
    .option('--list', h('restoreList'))
    .option('--version <n>', h('restoreVersion'), positiveInt)
    .option('--json', h('restoreJson'))
    .addOption(langOption())
    .action(async (file: string, opts: RestoreOptions) => setExit(await onFile(file, () => runRestore(io, file, opts))));

  program
    .command('demo')
    .summary(h('demoSummary'))
    .description(h('demoDescription'))
    .addOption(new Option('--out <file>', h('demoOut')).default('demo.xlsx').argParser(nonEmpty))
    .option('--force', h('force'))
    .option('--seed <n>', h('seed'), positiveInt)
    .option('--units <n>', h('units'), positiveInt)
    .option('--months <n>', h('months'), positiveInt)
    .option('--tickets <n>', h('tickets'), positiveInt)
    .option('--as-of <datetime>', h('asOfDemo'))
    .option('--no-plant', h('noPlant'))
    .option('--legacy', h('legacy'))
    .addOption(langOption())
    .option('--json', h('json'))
    .action(async (opts: DemoOptions) => setExit(await runDemo(io, opts)));

  return program;
}

/** The language of messages and help: --lang on the command line, else Chinese. */
function langFromArgv(argv: ReadonlyArray<string>): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
}

/** The command typed (`validate` of `deskbook validate x.xlsx --frob`), for the hint after a complaint. */
function commandOf(program: Command, argv: ReadonlyArray<string>): string | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return program.commands.some((c) => c.name() === first) ? first : undefined;
}

/** Runs the CLI; returns the exit code. Never lets an exception reach the user as a stack trace. */
export async function run(argv: ReadonlyArray<string>, io: Io = stdio): Promise<number> {
  // the command, for the lock and the kept versions; every lock it takes is given back at its end
  beginCommand(argv, langFromArgv(argv), (line) => io.err(line));
  try {
    return await runCommandLine(argv, io);
  } finally {
    endCommand();
  }
}

async function runCommandLine(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  let code: number = EXIT.OK;
  const lang = langFromArgv(argv);
  const program = buildProgram(io, (c) => (code = c), lang);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and --version were printed; `deskbook` alone prints the help
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' || e.exitCode === 0) return EXIT.OK;
      io.err(`deskbook: ${commanderMessage(e, lang, commandOf(program, argv))}`);
      return EXIT.USAGE;
    }
    if (e instanceof Refused) {
      io.err(`deskbook: ${e.words}`);
      return EXIT.USAGE;
    }
    // a request turned down: one line in the user's words; a workbook not ready for it (not set up,
    // a sheet without its columns) exits 1 like problems found, a request that cannot be met 2
    if (e instanceof RefusedOnFile || e instanceof UseCaseProblem) {
      const problem = e instanceof RefusedOnFile ? e.problem : e;
      const hint = e instanceof RefusedOnFile && INIT_FIXES.has(problem.code) ? t(lang, 'runInit', { file: e.file }) : problem.code === 'PLAN_STARTED' ? t(lang, 'planForce') : '';
      io.err(`deskbook: ${useCaseMessage(problem, lang)}${hint}`);
      return WORKBOOK_NOT_READY.has(problem.code) ? EXIT.PROBLEMS : EXIT.USAGE;
    }
    if (e instanceof FileProblem) {
      io.err(`deskbook: ${fileErrorMessage(e, lang, e.file)}`);
      return EXIT.USAGE;
    }
    // a write turned down (read-only, in use, changed meanwhile…): a file that cannot be written, 2
    if (e instanceof WriteRefused) {
      io.err(`deskbook: ${e.words(lang)}`);
      return EXIT.USAGE;
    }
    io.err(`deskbook: ${t(lang, 'internal', { detail: (e as Error)?.message ?? String(e) })}`);
    if (process.env.DESKBOOK_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT.INTERNAL;
  }
}

/** The installed command's entry (bin/deskbook.js calls it, whatever path it was started by): runs
 *  the CLI on the process's arguments and sets the exit code. */
export function main(argv: ReadonlyArray<string> = process.argv.slice(2)): Promise<void> {
  // `deskbook validate x.xlsx | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // a kill by signal leaves the lock to the next run (a dead pid's lock is taken over); an exit gives it back
  process.on('exit', endCommand);
  return run(argv).then((code) => {
    process.exitCode = code;
  });
}

// `node dist/cli/main.js …` runs it too
if (require.main === module) void main();
