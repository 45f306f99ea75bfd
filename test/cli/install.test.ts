// The installed command, however it is started: `node bin/deskbook.js`, a symlink named deskbook (what
// `npm link` and `npm install -g` make), and `npx deskbook` from the project. Each runs the compiled
// CLI in dist/ (`npm test` builds it first; ensureCliBuilt builds it when it is missing or stale).
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cli, ensureCliBuilt, ROOT, tmpFile } from '../support/cli';

const AS_OF = '2026-11-25T17:30';
const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function started(r: SpawnSyncReturns<string>) {
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the installed command', () => {
  let demo: string;
  beforeAll(async () => {
    ensureCliBuilt();
    demo = tmpFile('demo.xlsx');
    // the demo with its planted problems: validate exits 1
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF)).code).toBe(0);
  });

  const argv = () => ['validate', demo, '--as-of', AS_OF];

  it('runs the same through node, a symlink named deskbook and npx, with the same output and exit code', () => {
    const direct = started(spawnSync(process.execPath, [BIN, ...argv()], { encoding: 'utf8' }));
    expect(direct.code).toBe(1);
    expect(direct.err).toBe('');
    expect(direct.out).toContain('工单：5 个问题');
    expect(direct.out.trimEnd().split('\n').pop()).toBe('共 7 个错误，1 个警告');

    // npm link and npm install -g put a symlink named deskbook on the PATH
    const link = path.join(path.dirname(tmpFile('x')), 'deskbook');
    fs.symlinkSync(BIN, link);
    expect(started(spawnSync(link, argv(), { encoding: 'utf8' }))).toEqual(direct);

    const npx = started(spawnSync('npx', ['--no-install', 'deskbook', ...argv()], { cwd: ROOT, encoding: 'utf8' }));
    expect(npx).toEqual(direct);
  });

  it('prints the version', () => {
    const r = started(spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }));
    expect(r).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('prints no stack trace and returns the exit code', () => {
    const r = spawnSync(process.execPath, [BIN, 'status', tmpFile('missing.xlsx')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w+.*\.js:\d+/);
  });

  it('says in one line, in both languages, that the CLI is not built yet', () => {
    // the bin as after `npm install --ignore-scripts`: no dist/ beside it
    const bin = path.join(path.dirname(tmpFile('x')), 'bin', 'deskbook.js');
    fs.mkdirSync(path.dirname(bin));
    fs.copyFileSync(BIN, bin);
    const r = started(spawnSync(process.execPath, [bin, 'validate', demo], { encoding: 'utf8' }));
    expect(r).toEqual({ code: 3, out: '', err: 'deskbook 尚未构建：请先运行 npm run build:cli / not built yet: run npm run build:cli\n' });
  });

  it('is built on install: the prepare script builds the CLI', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build:cli');
    expect(pkg.bin).toEqual({ deskbook: 'bin/deskbook.js' });
  });
});

describe('deskbook --version', () => {
  it("prints the package's version, exit 0", async () => {
    expect(await cli('--version')).toEqual({ code: 0, out: version, err: '' });
    expect(await cli('-V')).toEqual({ code: 0, out: version, err: '' });
  });
});
