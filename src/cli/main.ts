// deskbook: batch jobs on workbook files. It parses, calls a use case, prints; nothing more.
// Help, --version and usage errors load only commander and the words of the command line: each
// command's module (its use case, the domain, the file back end) is loaded by its action, when it
// runs (docs/architecture.md: "The CLI loads only what a command needs").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../domain/enums';
import type { PeriodKind } from '../domain/periods';
import type { AdoptOptions } from './adopt';
import type { ArrearsOptions, NoticesOptions } from './arrears';
import type { CallbackPlanOptions } from './callbackPlan';
import type { DemoOptions } from './demo';
import type { DueOptions } from './due';
import type { IdsOptions } from './ids';
import type { KpiOptions, ReportOptions } from './report';
import type { RestoreOptions } from './restore';
import type { ValidateOptions } from './validate';
import { EXIT, Io, Refused } from './exit';
import { helpText, t } from './strings';
import { commanderMessage, configureHelp } from './usage';

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** The package's version, from package.json beside src/ and dist/. */
function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // a copy of dist/ without its package.json: every command still runs
    return '?';
  }
}

/** What every command on a file shares (cli/command.ts), loaded by the first action that needs it. */
const common = () => import('./command');

/** Runs a command on FILE (cli/command.ts: its failures name FILE). */
async function onFile(file: string, work: () => Promise<number>): Promise<number> {
  return (await common()).onFile(file, work);
}

/** Refuses to replace an existing file other than FILE unless --force (cli/command.ts). */
async function keepExisting(lang: Lang, target: string, opts: { force?: boolean }, file?: string): Promise<void> {
  (await common()).keepExisting(lang, target, opts, file);
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

  // Commander calls option parsers synchronously while it parses; the two that need the domain
  // (yuan to cents, a tag's spelling) find it loaded here, just before their command's options are
  // parsed, so help and every other command never load it.
  const parsing: { money?: typeof import('../domain/money'); ticketId?: typeof import('../domain/ticketId') } = {};
  program.hook('preSubcommand', async (_program, command) => {
    if (command.name() === 'notices') parsing.money = await import('../domain/money');
    if (command.name() === 'ids') parsing.ticketId = await import('../domain/ticketId');
  });

  program
    .command('init')
    .summary(h('initSummary'))
    .description(h('initDescription'))
    .addArgument(fileArgument())
    .addOption(langOption())
    .option('--json', h('json'))
    .action(async (file: string, opts: { lang?: Lang; json?: boolean }) => {
      const { runInit } = await import('./setup');
      setExit(await onFile(file, () => runInit(io, file, opts)));
    });

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
    .action(async (file: string, opts: AdoptOptions) => {
      const { runAdopt } = await import('./adopt');
      setExit(await onFile(file, () => runAdopt(io, file, opts)));
    });

  program
    .command('status')
    .summary(h('statusSummary'))
    .description(h('statusDescription'))
    .addArgument(fileArgument())
    .addOption(langOption())
    .option('--json', h('json'))
    .action(async (file: string, opts: { lang?: Lang; json?: boolean }) => {
      const { runStatus } = await import('./setup');
      setExit(await onFile(file, () => runStatus(io, file, opts)));
    });

  program
    .command('validate')
    .summary(h('validateSummary'))
    .description(h('validateDescription'))
    .addArgument(fileArgument())
    .addOption(langOption())
    .option('--json', h('validateJson'))
    .option('--as-of <datetime>', h('asOfValidate'))
    .option('--mark', h('mark'))
    .action(async (file: string, opts: ValidateOptions) => {
      const { runValidate } = await import('./validate');
      setExit(await onFile(file, () => runValidate(io, file, opts)));
    });

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
    .action(async (kind: PeriodKind, file: string, opts: ReportOptions) => {
      const { runReportCommand } = await import('./report');
      setExit(await onFile(file, () => runReportCommand(io, kind, file, opts)));
    });

  program
    .command('kpi')
    .summary(h('kpiSummary'))
    .description(h('kpiDescription'))
    .addArgument(fileArgument())
    .addOption(outOption('kpiOut'))
    .option('--force', h('force'))
    .addOption(langOption())
    .action(async (file: string, opts: KpiOptions) => {
      const { runKpi } = await import('./report');
      setExit(await onFile(file, () => runKpi(io, file, opts)));
    });

  // notices and arrears (cli/arrears.ts)
  const yuanAmount = (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || !/^\d+(\.\d{1,2})?$/.test(value.trim())) throw new InvalidArgumentError(t(lang, 'yuanAmount'));
    return parsing.money!.yuanToCents(n);
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
    .action(async (file: string, opts: ArrearsOptions) => {
      const { runArrearsCommand } = await import('./arrears');
      setExit(
        await onFile(file, async () => {
          if (opts.write) await keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runArrearsCommand(io, file, opts);
        }),
      );
    });

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
    .action(async (file: string, opts: NoticesOptions) => {
      const { runNoticesCommand } = await import('./arrears');
      setExit(
        await onFile(file, async () => {
          if (opts.logReminders && !opts.write) throw new Refused(t(opts.lang ?? lang, 'logNoWrite'));
          if (opts.write) await keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runNoticesCommand(io, file, opts);
        }),
      );
    });

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
    .action(async (file: string, opts: DueOptions) => {
      const { runDueCommand } = await import('./due');
      setExit(
        await onFile(file, async () => {
          if (opts.write && (opts.sheet || opts.mark)) await keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runDueCommand(io, file, opts);
        }),
      );
    });

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
    .action(async (file: string, opts: CallbackPlanOptions) => {
      const [{ runCallbackPlanCommand }, { keepExisting }, { saveTo }] = await Promise.all([import('./callbackPlan'), common(), import('./files')]);
      setExit(
        await onFile(file, () =>
          runCallbackPlanCommand(io, file, opts, { keepExisting: (target) => keepExisting(opts.lang ?? 'zh', target, opts, file), save: (target, read) => saveTo(file, target, read) }),
        ),
      );
    });

  // ticket IDs for rows typed into the sheet (cli/ids.ts)
  const tagArgument = (value: string): string => {
    const tag = parsing.ticketId!.normalizeTag(value);
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
    .action(async (file: string, opts: IdsOptions) => {
      const [{ runIdsCommand }, { saveTo, sameFile }] = await Promise.all([import('./ids'), import('./files')]);
      setExit(
        await onFile(file, async () => {
          if (opts.write) await keepExisting(opts.lang ?? 'zh', opts.out ?? file, opts, file);
          return runIdsCommand(io, file, opts, { save: (target, read) => saveTo(file, target, read), isFile: (target) => sameFile(target, file) });
        }),
      );
    });

  program
    .command('restore')
    .summary(h('restoreSummary'))
    .description(h('restoreDescription'))
    .addArgument(fileArgument())
    .option('--list', h('restoreList'))
    .option('--version <n>', h('restoreVersion'), positiveInt)
    .option('--json', h('restoreJson'))
    .addOption(langOption())
    .action(async (file: string, opts: RestoreOptions) => {
      const { runRestore } = await import('./restore');
      setExit(await onFile(file, () => runRestore(io, file, opts)));
    });

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
    .action(async (opts: DemoOptions) => {
      const { runDemo } = await import('./demo');
      setExit(await runDemo(io, opts));
    });

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

/** cli/files.ts, once a command has loaded it: the lock and the kept versions of the command under
 *  way, every lock given back at its end. Help and usage errors never load it. */
let files: typeof import('./files') | undefined;

/** Runs the CLI; returns the exit code. Never lets an exception reach the user as a stack trace. */
export async function run(argv: ReadonlyArray<string>, io: Io = stdio): Promise<number> {
  try {
    return await runCommandLine(argv, io);
  } finally {
    files?.endCommand();
  }
}

async function runCommandLine(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  let code: number = EXIT.OK;
  const lang = langFromArgv(argv);
  const program = buildProgram(io, (c) => (code = c), lang);
  // the command, for the lock and the kept versions, before its action runs
  program.hook('preAction', async () => {
    files = await import('./files');
    files.beginCommand(argv, lang, (line) => io.err(line));
  });
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
    // what a command ends with (cli/command.ts: loaded by the command that threw it)
    const failure = (await import('./command')).failureWords(e, lang);
    if (failure) {
      io.err(`deskbook: ${failure.words}`);
      return failure.exit;
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
  process.on('exit', () => files?.endCommand());
  return run(argv).then((code) => {
    process.exitCode = code;
  });
}

// `node dist/cli/main.js …` runs it too
if (require.main === module) void main();
