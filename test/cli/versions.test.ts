// Versions kept (issue 14, item 5): before deskbook replaces a workbook, the bytes it replaces go to
// .deskbook/FILE/ beside it; the last DESKBOOK_KEEP_VERSIONS are kept; deskbook restore lists them and
// puts one back, keeping the current content first so that a restore is undone the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileWorkbook } from '../../src/workbook/file';
import { cli, tmpFile } from '../support/cli';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T17:30';
const sheets = async (bytes: Buffer) => (await FileWorkbook.open(bytes).listSheets()).map((s) => s.name);

let sample: Buffer;
beforeAll(async () => {
  const file = tmpFile('sample.xlsx');
  expect((await cli('demo', '--out', file, '--as-of', AS_OF, '--units', '12', '--tickets', '30', '--months', '2', '--no-plant')).code).toBe(0);
  sample = fs.readFileSync(file);
});

function workbook(): string {
  const file = tmpFile('台账.xlsx');
  fs.writeFileSync(file, sample);
  return file;
}

function withKeep<T>(n: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env.DESKBOOK_KEEP_VERSIONS;
  if (n === undefined) delete process.env.DESKBOOK_KEEP_VERSIONS;
  else process.env.DESKBOOK_KEEP_VERSIONS = n;
  return work().finally(() => {
    if (before === undefined) delete process.env.DESKBOOK_KEEP_VERSIONS;
    else process.env.DESKBOOK_KEEP_VERSIONS = before;
  });
}

const kb = (bytes: Buffer) => `${(bytes.length / 1024).toFixed(1)} KB`;

describe('versions kept before each change', () => {
  it('keeps what each write replaced, the last N of them, numbered on; a command that changes nothing keeps none', () =>
    withKeep('2', async () => {
      const file = workbook();
      const vdir = path.join(path.dirname(file), '.deskbook', '台账.xlsx');
      const states: Buffer[] = [fs.readFileSync(file)];
      for (const period of ['2026-W45', '2026-W46', '2026-W47']) {
        expect((await cli('report', 'weekly', file, '--period', period, '--as-of', AS_OF)).code).toBe(0);
        states.push(fs.readFileSync(file));
      }
      // three writes: v1 (the sample), v2 (with W45), v3 (with W45, W46); v1 pruned, N = 2
      expect(fs.readdirSync(vdir).sort()).toEqual(['v2.json', 'v2.xlsx', 'v3.json', 'v3.xlsx']);
      expect(fs.readFileSync(path.join(vdir, 'v2.xlsx')).equals(states[1])).toBe(true);
      expect(fs.readFileSync(path.join(vdir, 'v3.xlsx')).equals(states[2])).toBe(true);
      const meta = JSON.parse(fs.readFileSync(path.join(vdir, 'v3.json'), 'utf8'));
      expect(meta).toMatchObject({ number: 3, command: `report weekly ${file} --period 2026-W47 --as-of ${AS_OF}`, size: states[2].length });
      // the same report again writes the same bytes: nothing replaced, nothing kept
      expect((await cli('report', 'weekly', file, '--period', '2026-W47', '--as-of', AS_OF)).code).toBe(0);
      expect(fs.readdirSync(vdir)).toHaveLength(4);
      expect((await cli('status', file)).code).toBe(0);
      expect(fs.readdirSync(vdir)).toHaveLength(4);
    }));

  it('keeps none with DESKBOOK_KEEP_VERSIONS=0, and refuses a value that is not a count', async () => {
    const file = workbook();
    await withKeep('0', async () => expect((await cli('kpi', file)).code).toBe(0));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['台账.xlsx']);
    await withKeep('ten', async () =>
      expect(await cli('kpi', file, '--lang', 'en')).toEqual({ code: 2, out: '', err: 'deskbook: DESKBOOK_KEEP_VERSIONS should be a whole number of at least 0 (it is "ten")' }),
    );
  });
});

describe('deskbook restore', () => {
  it('lists the versions with time and size, restores one, and is itself undone by restoring the version it kept', () =>
    withKeep('3', async () => {
      const file = workbook();
      expect((await cli('report', 'weekly', file, '--period', '2026-W46', '--as-of', AS_OF)).code).toBe(0);
      const withW46 = fs.readFileSync(file);
      expect((await cli('kpi', file)).code).toBe(0);
      const withKpi = fs.readFileSync(file);

      const list = await cli('restore', file, '--list');
      expect(list.code).toBe(0);
      const lines = list.out.split('\n');
      expect(lines[0]).toBe(`${file} 保存的旧版本（最新的在前）：`);
      // v2 = the file before kpi (with W46), v1 = the sample before the report
      expect(lines[1]).toMatch(new RegExp(`^  第 2 版  \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  ${kb(withW46).replace('.', '\\.')}  「deskbook kpi ${file}」写入前$`));
      expect(lines[2]).toMatch(new RegExp(`^  第 1 版  .+  ${kb(sample).replace('.', '\\.')}  「deskbook report weekly ${file} --period 2026-W46 --as-of ${AS_OF}」写入前$`));
      expect(lines[3]).toBe(`恢复其中一版：deskbook restore ${file} --version N`);
      const json = JSON.parse((await cli('restore', file, '--list', '--json')).out);
      expect(json.map((v: { version: number; size: number }) => [v.version, v.size])).toEqual([
        [2, withW46.length],
        [1, sample.length],
      ]);

      // back to the sample: the current content (with the KPI sheet) becomes v3
      const restored = await cli('restore', file, '--version', '1');
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(new RegExp(`^已把 ${file} 恢复为第 1 版（.+时的样子）；恢复前的内容已保存为第 3 版，可用 deskbook restore ${file} --version 3 撤销$`));
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
      expect(await sheets(fs.readFileSync(file))).not.toContain('KPI');

      // undone: the newest version is the one the restore kept
      const undo = await cli('restore', file, '--lang', 'en');
      expect(undo.out).toMatch(new RegExp(`^restored ${file} to version 3 \\(as it was at .+\\); what it held before is kept as version 4: deskbook restore ${file} --version 4 undoes this$`));
      expect(fs.readFileSync(file).equals(withKpi)).toBe(true);
      // N = 3: v1 was pruned by the second restore (v2, v3, v4 kept)
      expect(JSON.parse((await cli('restore', file, '--list', '--json')).out).map((v: { version: number }) => v.version)).toEqual([4, 3, 2]);
      if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    }));

  it('restores the oldest kept version even when keeping the current one prunes it', () =>
    withKeep('1', async () => {
      const file = workbook();
      expect((await cli('kpi', file)).code).toBe(0);
      // v1 = the sample, the only one kept; restoring it keeps the current as v2 and prunes v1
      expect((await cli('restore', file)).code).toBe(0);
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
      expect(JSON.parse((await cli('restore', file, '--list', '--json')).out).map((v: { version: number }) => v.version)).toEqual([2]);
    }));

  it('puts back a workbook too damaged to open', async () => {
    const file = workbook();
    expect((await cli('kpi', file)).code).toBe(0);
    fs.writeFileSync(file, 'OneDrive kept only half of it');
    expect((await cli('status', file)).code).toBe(2);
    expect((await cli('restore', file)).code).toBe(0);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
  });

  it('says so when there is nothing to restore, a version that is not there, or a version already in place', async () => {
    const file = workbook();
    expect(await cli('restore', file)).toEqual({
      code: 2,
      out: '',
      err: `deskbook: ${file} 没有保存的旧版本（deskbook 改写工作簿前，会把原来的版本保存在旁边的 .deskbook 文件夹中）`,
    });
    expect(await cli('restore', file, '--list', '--lang', 'en')).toEqual({
      code: 0,
      out: `${file} has no kept versions (before deskbook changes a workbook, it keeps the previous version in the .deskbook folder beside it)`,
      err: '',
    });
    expect((await cli('kpi', file)).code).toBe(0);
    expect(await cli('restore', file, '--version', '7')).toEqual({ code: 2, out: '', err: `deskbook: ${file} 没有第 7 版；现有：1` });
    expect((await cli('restore', file)).code).toBe(0);
    // now the file is v1's bytes again, and v2 holds the KPI version; restoring v1 again changes nothing
    expect(await cli('restore', file, '--version', '1')).toEqual({ code: 0, out: `${file} 已与第 1 版相同，未改动`, err: '' });
  });

  it('refuses a kept version that is not as it was kept', async () => {
    const file = workbook();
    expect((await cli('kpi', file)).code).toBe(0);
    fs.appendFileSync(path.join(path.dirname(file), '.deskbook', '台账.xlsx', 'v1.xlsx'), 'x');
    expect(await cli('restore', file)).toEqual({ code: 2, out: '', err: `deskbook: ${file} 的第 1 版已损坏（与保存时不一致），未恢复` });
    expect(await FileWorkbook.open(fs.readFileSync(file)).listSheets()).toContainEqual(expect.objectContaining({ name: 'KPI' }));
  });
});

describe('the hash of a file read a piece at a time', () => {
  it('is the hash of its bytes whole, across the pieces (1 MiB) and at their edges', async () => {
    const { createHash } = await import('node:crypto');
    const { sha256OfFile } = await import('../../src/cli/versions');
    for (const size of [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 + 17]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 10)) & 0xff;
      const file = tmpFile(`hash-${size}.bin`);
      fs.writeFileSync(file, bytes);
      expect([size, sha256OfFile(file)]).toEqual([size, createHash('sha256').update(bytes).digest('hex')]);
    }
  });
});
