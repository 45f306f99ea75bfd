// Which modules a command line loads (issue 15): help, --version and usage errors load commander and
// the command line's own words, nothing of the use cases, the workbook back ends or SheetJS; a
// command loads its own module, not the others'. Asserted on the built CLI in a child process
// (require.cache once the command is done), never on how long it took: timings are in npm run bench.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { cli, ensureCliBuilt, ROOT, tmpFile } from '../support/cli';

const AS_OF = '2026-11-25T17:30';
const MAIN = path.join(ROOT, 'dist', 'cli', 'main.js');

/** Runs `deskbook argv…` through run() in a fresh node; its exit code and the modules it loaded:
 *  dist/ files as `cli/main`, packages by name (`commander`, `xlsx`). */
function loadedBy(argv: string[]): { code: number; modules: string[] } {
  const script = `
    const { run } = require(${JSON.stringify(MAIN)});
    run(${JSON.stringify(argv)}, { out() {}, err() {} }).then((code) => {
      process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node -e failed: ${r.stderr}`);
  const { code, modules } = JSON.parse(r.stdout) as { code: number; modules: string[] };
  const names = modules.map((file) => {
    const dist = /[\\/]dist[\\/](.*)\.js$/.exec(file);
    if (dist) return dist[1].split(path.sep).join('/');
    const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    return pkg ? pkg[1] : file;
  });
  return { code, modules: [...new Set(names)].sort() };
}

const ours = (modules: string[]) => modules.filter((m) => /^(cli|app|domain|workbook)\//.test(m));

describe('what a command line loads', () => {
  let demo: string;
  beforeAll(async () => {
    ensureCliBuilt();
    demo = tmpFile('demo.xlsx');
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF)).code).toBe(0);
  });

  // the command line's own modules: what help and its complaints need, and nothing else of src/
  const HELP_ONLY = ['cli/exit', 'cli/main', 'cli/strings', 'cli/usage'];

  it.each([
    ['--help', ['--help'], 0],
    ['no command at all', [], 0],
    ['help for a command', ['help', 'report'], 0],
    ["a command's --help", ['report', '--help'], 0],
    ['help in English', ['--help', '--lang', 'en'], 0],
    ['--version', ['--version'], 0],
    ['an unknown command', ['frob'], 2],
    ['an unknown option', ['validate', 'x.xlsx', '--frob'], 2],
    ['a missing argument', ['report', 'monthly'], 2],
    ['an invalid choice', ['report', 'yearly', 'x.xlsx'], 2],
  ])('%s loads commander and the words of the command line only', (_what, argv, code) => {
    const run = loadedBy(argv as string[]);
    expect(run.code).toBe(code);
    expect(ours(run.modules)).toEqual(HELP_ONLY);
    expect(run.modules).toContain('commander');
    for (const heavy of ['xlsx', 'fflate', 'dayjs', 'cli-progress']) expect(run.modules).not.toContain(heavy);
  });

  it('a report loads the report use case, not validation, adoption, the sample or the other commands', () => {
    const run = loadedBy(['report', 'monthly', demo, '--json', '--no-write', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.modules).toEqual(expect.arrayContaining(['cli/report', 'app/report', 'workbook/file/index', 'cli/files']));
    for (const other of ['app/validate', 'app/adopt', 'app/sample', 'app/setup', 'app/arrears', 'app/due', 'cli/adopt', 'cli/demo', 'cli/setup', 'cli/validate', 'cli/arrears', 'cli/due', 'cli/ids', 'cli/restore']) {
      expect(run.modules).not.toContain(other);
    }
    // stderr is a pipe here: no progress bar, and its library is not loaded
    expect(run.modules).not.toContain('cli-progress');
  });

  it('the domain an option parser needs is loaded for its command only', () => {
    // --tag's spelling (domain/ticketId): for ids, and not for help
    expect(loadedBy(['ids', '--help']).modules).toContain('domain/ticketId');
    expect(loadedBy(['ids', 'x.xlsx', '--tag', '1x']).code).toBe(2);
    expect(loadedBy(['help', 'ids']).modules).not.toContain('domain/ticketId');
    expect(ours(loadedBy(['notices', 'x.xlsx', '--min-amount', 'lots']).modules)).toEqual(['cli/exit', 'cli/main', 'cli/strings', 'cli/usage', 'domain/money']);
  });
});
