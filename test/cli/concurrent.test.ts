// One writer at a time, and no silent overwrite (issue 14, "lost updates"), with real processes of the
// built CLI: two commands on one workbook at once both land; a lock that is another process's is said
// ("in use by …"), a dead process's taken over; a file changed between the read and the write is
// kept, ours written beside it; a kill at any moment leaves the original whole, and the next run
// cleans up. The pause between read and write is DESKBOOK_TEST_PAUSE_BEFORE_REPLACE (test-only,
// src/cli/replace.ts). No assertion here depends on how long anything takes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileWorkbook } from '../../src/workbook/file';
import { cli, ensureCliBuilt, tmpFile } from '../support/cli';
import { deadPid, livePid, startCli, waitForFile } from '../support/child';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T17:30';
/** Long enough for the first of two writers to finish on a loaded machine; the wait ends as soon as it does. */
const PATIENT = { DESKBOOK_LOCK_WAIT: '300' };
const sheets = async (file: string) => (await FileWorkbook.open(fs.readFileSync(file)).listSheets()).map((s) => s.name);
const host = os.hostname();
const hostTag = host.replace(/[^A-Za-z0-9._-]/g, '_');

let sample: Buffer;
beforeAll(async () => {
  ensureCliBuilt();
  const file = tmpFile('sample.xlsx');
  // with its planted problems, for validate --mark
  expect((await cli('demo', '--out', file, '--as-of', AS_OF, '--units', '12', '--tickets', '30', '--months', '2')).code).toBe(0);
  sample = fs.readFileSync(file);
});

function workbook(): string {
  const file = tmpFile('台账.xlsx');
  fs.writeFileSync(file, sample);
  return file;
}

/** What is beside the workbook other than it and its versions: leftovers. */
const leftovers = (file: string) => fs.readdirSync(path.dirname(file)).filter((n) => n !== path.basename(file) && n !== '.deskbook');

function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return work().finally(() => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

describe('two commands on one workbook at once', () => {
  it('two reports: both sheets are there afterwards (one was lost 50 times in 50); the second said it waited', async () => {
    for (let pair = 0; pair < 3; pair++) {
      const file = workbook();
      const a = startCli(['report', 'weekly', file, '--period', '2026-W47', '--as-of', AS_OF], PATIENT);
      const b = startCli(['report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF], PATIENT);
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect([ra.code, rb.code]).toEqual([0, 0]);
      expect(await sheets(file)).toEqual(expect.arrayContaining(['周报 2026-W47', '月报 2026-10']));
      expect(leftovers(file)).toEqual([]);
      // whichever came second waited for the first, and said so
      const waited = [ra.err, rb.err].filter((e) => e.includes('等待中'));
      expect(waited.length).toBeLessThanOrEqual(1);
      for (const e of waited) expect(e).toMatch(new RegExp(`^deskbook: 工作簿 .+ 正被 pid \\d+（deskbook report (weekly|monthly) .+）使用，等待中……$`));
      if (pair === 0 && hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    }
  });

  it('a report and validate --mark: the sheet and the marks both stay (one change was lost 49 times in 50)', async () => {
    const file = workbook();
    const a = startCli(['report', 'quarterly', file, '--period', '2026-Q3', '--as-of', AS_OF], PATIENT);
    const b = startCli(['validate', file, '--mark', '--as-of', AS_OF], PATIENT);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code).toBe(0);
    // the sample's planted problems: validate finds errors, exit 1, and marks them
    expect(rb.code).toBe(1);
    expect(rb.out).toContain(`已在 ${file} 中标记问题单元格`);
    expect(await sheets(file)).toContain('季报 2026-Q3');
    // the marks made are still in the file: marking again finds nothing to change
    expect((await cli('validate', file, '--mark', '--as-of', AS_OF)).out).toContain(`${file} 中的问题标记已是最新，文件未改动`);
  });
});

describe('the lock beside the workbook', () => {
  const lockOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.deskbook-lock`);
  const holding = (file: string, pid: number, hostName = host) =>
    fs.writeFileSync(lockOf(file), JSON.stringify({ pid, host: hostName, command: `report monthly ${file}`, since: '2026-12-02T10:30:05' }));

  it('held by a running process: the command waits, then says who holds it, exit 2; file and lock untouched', async () => {
    const file = workbook();
    const holder = livePid();
    try {
      holding(file, holder.pid);
      const lock = fs.readFileSync(lockOf(file));
      await withEnv({ DESKBOOK_LOCK_WAIT: '0' }, async () => {
        expect(await cli('kpi', file)).toEqual({
          code: 2,
          out: '',
          err: `deskbook: 工作簿 ${file} 正被 pid ${holder.pid}（deskbook report monthly ${file}）使用，开始于 2026-12-02 10:30:05；请稍后重试（如确定没有 deskbook 在运行，可删除 ${lockOf(file)}）`,
        });
        expect((await cli('kpi', file, '--lang', 'en')).err).toBe(
          `deskbook: workbook ${file} in use by pid ${holder.pid} (deskbook report monthly ${file}) since 2026-12-02 10:30:05; try again later (if no deskbook is running, delete ${lockOf(file)})`,
        );
      });
      await withEnv({ DESKBOOK_LOCK_WAIT: '0.3' }, async () => {
        const waited = await cli('kpi', file);
        expect(waited.code).toBe(2);
        expect(waited.err.split('\n')).toEqual([`deskbook: 工作簿 ${file} 正被 pid ${holder.pid}（deskbook report monthly ${file}）使用，等待中……`, expect.stringContaining('请稍后重试')]);
      });
      // a command that only reads takes no lock
      expect((await cli('status', file)).code).toBe(0);
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
      expect(fs.readFileSync(lockOf(file)).equals(lock)).toBe(true);
    } finally {
      holder.stop();
    }
  });

  it('held by another host: never taken over, said with the host', async () => {
    const file = workbook();
    holding(file, deadPid(), 'front-desk-pc');
    await withEnv({ DESKBOOK_LOCK_WAIT: '0' }, async () => {
      expect((await cli('kpi', file, '--lang', 'en')).err).toMatch(/^deskbook: workbook .+ in use by pid \d+ on front-desk-pc \(deskbook report monthly .+\) since 2026-12-02 10:30:05; try again later \(if no deskbook is running on front-desk-pc, delete .+\)$/);
    });
    expect(fs.existsSync(lockOf(file))).toBe(true);
  });

  it('left by a process that is gone: taken over, the command runs, and the lock is gone afterwards', async () => {
    const file = workbook();
    holding(file, deadPid());
    await withEnv({ DESKBOOK_LOCK_WAIT: '0' }, async () => expect((await cli('kpi', file)).code).toBe(0));
    expect(await sheets(file)).toContain('KPI');
    expect(leftovers(file)).toEqual([]);
  });

  it('two processes finding the same stale lock: both run, one after the other, and neither change is lost', async () => {
    for (let round = 0; round < 2; round++) {
      const file = workbook();
      holding(file, deadPid());
      const a = startCli(['report', 'weekly', file, '--period', '2026-W46', '--as-of', AS_OF], PATIENT);
      const b = startCli(['kpi', file], PATIENT);
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect([ra.code, rb.code, ra.err.includes('内部错误') || rb.err.includes('内部错误')]).toEqual([0, 0, false]);
      expect(await sheets(file)).toEqual(expect.arrayContaining(['周报 2026-W46', 'KPI']));
      expect(leftovers(file)).toEqual([]);
    }
  });
});

describe('a workbook changed between the read and the write', () => {
  it('a clerk’s save that lands mid-command is kept, ours is written beside it, and that is said (it was overwritten 44 times in 45)', async () => {
    const file = workbook();
    const dir = path.dirname(file);
    const marker = path.join(path.dirname(tmpFile('m')), 'paused');
    const run = startCli(['report', 'weekly', file, '--period', '2026-W47', '--as-of', AS_OF], { DESKBOOK_TEST_PAUSE_BEFORE_REPLACE: marker });
    await waitForFile(marker);
    // the clerk saves: a sheet of their own added
    const clerk = FileWorkbook.open(fs.readFileSync(file));
    await clerk.addSheets([{ name: '交班记录', columns: [{ header: '事项' }], rows: [['3 号楼停水']] }]);
    const clerks = Buffer.from(clerk.toBytes());
    fs.writeFileSync(file, clerks);
    fs.rmSync(marker);
    const r = await run.done;
    expect(r.code).toBe(2);
    const copies = fs.readdirSync(dir).filter((n) => n.startsWith('台账 (deskbook '));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^台账 \(deskbook \d{4}-\d{2}-\d{2} \d{4}\)\.xlsx$/);
    const copy = path.join(dir, copies[0]);
    expect(r.err).toBe(`deskbook: ${file} 在 deskbook 读取之后被改动过（有人保存了它，或 OneDrive 同步了它）：为免覆盖，${file} 保持原样，本次结果另存为 ${copy}；请核对两个文件后再运行`);
    // both kept: the clerk's file as saved, ours (from what was read) beside it
    expect(fs.readFileSync(file).equals(clerks)).toBe(true);
    expect(await sheets(copy)).toContain('周报 2026-W47');
    expect(await sheets(copy)).not.toContain('交班记录');
    // no version was kept of a file we did not replace, nothing left over
    expect(fs.existsSync(path.join(dir, '.deskbook', '台账.xlsx', 'v1.xlsx'))).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.') && n !== '.deskbook')).toEqual([]);
    if (hasCheckXlsx()) expect(checkXlsx(copy)).toBe('');
  });

  it('a file that appears at --out meanwhile is not replaced either', async () => {
    const file = workbook();
    const out = path.join(path.dirname(file), '周报.xlsx');
    const marker = path.join(path.dirname(tmpFile('m')), 'paused');
    const run = startCli(['report', 'weekly', file, '--out', out, '--period', '2026-W47', '--as-of', AS_OF, '--lang', 'en'], { DESKBOOK_TEST_PAUSE_BEFORE_REPLACE: marker });
    await waitForFile(marker);
    fs.writeFileSync(out, 'a clerk’s own 周报.xlsx');
    fs.rmSync(marker);
    const r = await run.done;
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^deskbook: .+周报\.xlsx was changed after deskbook read it \(someone saved it, or OneDrive synced it\): so as not to overwrite that, .+ was left as it is and this run was written to .+周报 \(deskbook \d{4}-\d{2}-\d{2} \d{4}\)\.xlsx; check both, then run again$/);
    expect(fs.readFileSync(out, 'utf8')).toBe('a clerk’s own 周报.xlsx');
  });
});

describe('a kill in the middle of a write', () => {
  it('kill -9 with the new file ready: the original is whole, the next run takes the lock over and removes the leftover', async () => {
    const file = workbook();
    const marker = path.join(path.dirname(tmpFile('m')), 'paused');
    const run = startCli(['report', 'weekly', file, '--period', '2026-W47', '--as-of', AS_OF], { DESKBOOK_TEST_PAUSE_BEFORE_REPLACE: marker });
    await waitForFile(marker);
    const pid = run.child.pid!;
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
    expect(leftovers(file).sort()).toEqual([`.台账.xlsx.deskbook-lock`, `.台账.xlsx.deskbook-tmp-${pid}-${hostTag}`]);
    // the killed writer's whole temporary file is a complete workbook, but nobody's: removed
    const next = startCli(['report', 'weekly', file, '--period', '2026-W47', '--as-of', AS_OF], { DESKBOOK_LOCK_WAIT: '0' });
    expect((await next.done).code).toBe(0);
    expect(leftovers(file)).toEqual([]);
    expect(await sheets(file)).toContain('周报 2026-W47');
  });

  it('kills at moments spread over a run: each time the file is the original or the new one, whole; then nothing is left over', async () => {
    const file = workbook();
    const kinds = [] as string[];
    for (let i = 0; i < 8; i++) {
      const run = startCli(['report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF], PATIENT);
      // spread over start-up, reading, building and writing (where it lands is not asserted)
      await new Promise((resolve) => setTimeout(resolve, 150 * i));
      run.child.kill('SIGKILL');
      await run.done;
      const now = fs.readFileSync(file);
      if (now.equals(sample)) kinds.push('original');
      else {
        expect(await sheets(file)).toContain('月报 2026-10');
        kinds.push('new');
      }
    }
    expect(kinds.length).toBe(8);
    expect((await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF)).code).toBe(0);
    expect(leftovers(file)).toEqual([]);
  });
});
