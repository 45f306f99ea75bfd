// Writes through the target's own identity (issue 14, "writes ignore the target"): each failure the
// attack found, reproduced on a small sample workbook, and what happens now. docs/reliability.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { FileWorkbook } from '../../src/workbook/file';
import { cli, tmpFile } from '../support/cli';
import { deadPid, hasMkfifo, livePid } from '../support/child';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T17:30';
const WEEKLY = ['report', 'weekly', '--as-of', AS_OF, '--period', '2026-W47'];
const report = (file: string, ...more: string[]) => cli(WEEKLY[0], WEEKLY[1], file, ...WEEKLY.slice(2), ...more);
const sheets = async (file: string) => (await FileWorkbook.open(fs.readFileSync(file)).listSheets()).map((s) => s.name);
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const isRoot = process.getuid?.() === 0;

let sample: Buffer;
beforeAll(async () => {
  const file = tmpFile('sample.xlsx');
  expect((await cli('demo', '--out', file, '--as-of', AS_OF, '--units', '12', '--tickets', '30', '--months', '2', '--no-plant')).code).toBe(0);
  sample = fs.readFileSync(file);
});

/** The sample as `name` in a fresh folder. */
function workbook(name = '台账.xlsx'): string {
  const file = tmpFile(name);
  fs.writeFileSync(file, sample);
  return file;
}

describe('a read-only workbook', () => {
  it('(0444) is refused, in both languages, and left as it was: bytes, mode, time, nothing beside it', async () => {
    const file = workbook();
    fs.chmodSync(file, 0o444);
    const mtime = fs.statSync(file).mtimeMs;
    expect(await report(file)).toEqual({
      code: 2,
      out: '',
      err: `deskbook: 无法写入 ${file}：只读（文件被设为只读；如要让 deskbook 写入，请先取消只读）；原文件未改动`,
    });
    expect((await cli('kpi', file, '--lang', 'en')).err).toBe(
      `deskbook: cannot write ${file}: read-only (the file is marked read-only; clear that to let deskbook write it); the original is unchanged`,
    );
    expect((await cli('notices', file, '--as-of', AS_OF)).code).toBe(2);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
    expect(mode(file)).toBe(0o444);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['台账.xlsx']);
  });

  it('still serves a command that changes nothing (init of a set-up workbook), and every reading command', async () => {
    const file = workbook();
    fs.chmodSync(file, 0o444);
    expect((await cli('init', file)).out).toContain('工作簿已设置，无需改动');
    expect((await cli('status', file)).code).toBe(0);
    expect((await report(file, '--no-write', '--json')).code).toBe(0);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
  });

  it('in a read-only folder is refused: the temporary file, the lock and the versions could not go beside it', async () => {
    const file = workbook();
    const dir = path.dirname(file);
    fs.chmodSync(dir, 0o555);
    try {
      expect(await report(file)).toEqual({
        code: 2,
        out: '',
        err: `deskbook: 无法写入 ${file}：只读（所在文件夹 ${dir} 不允许写入；deskbook 要在工作簿旁写入临时文件、锁和旧版本）；原文件未改动`,
      });
      expect(fs.readdirSync(dir)).toEqual(['台账.xlsx']);
      expect(fs.readFileSync(file).equals(sample)).toBe(true);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });
});

describe('mode and owner', () => {
  it('a 0600 workbook stays 0600 (it used to become 0644), and so does the version kept of it', async () => {
    const file = workbook();
    fs.chmodSync(file, 0o600);
    expect((await report(file)).code).toBe(0);
    expect(await sheets(file)).toContain('周报 2026-W47');
    expect(mode(file)).toBe(0o600);
    const kept = path.join(path.dirname(file), '.deskbook', '台账.xlsx', 'v1.xlsx');
    expect(fs.readFileSync(kept).equals(sample)).toBe(true);
    expect(mode(kept)).toBe(0o600);
  });

  it('a 0640 workbook stays 0640', async () => {
    const file = workbook();
    fs.chmodSync(file, 0o640);
    expect((await cli('kpi', file)).code).toBe(0);
    expect(mode(file)).toBe(0o640);
  });

  (isRoot ? it : it.skip)('keeps the owner of a workbook another user owns (as root)', async () => {
    const file = workbook();
    fs.chownSync(file, 1234, 2345);
    expect((await report(file)).code).toBe(0);
    const st = fs.statSync(file);
    expect([st.uid, st.gid]).toEqual([1234, 2345]);
  });
});

describe('links', () => {
  it('a symlink stays a symlink, and the file it names gets the new bytes', async () => {
    const real = workbook('真的台账.xlsx');
    const dir = path.dirname(real);
    const link = path.join(dir, '台账.xlsx');
    fs.symlinkSync('真的台账.xlsx', link);
    expect(await report(link)).toEqual({ code: 0, out: `已生成「周报 2026-W47」并写入 ${link}`, err: '' });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('真的台账.xlsx');
    expect(await sheets(real)).toContain('周报 2026-W47');
    // the lock and the versions are the real file's: beside it, under its name
    expect(fs.readdirSync(dir).sort()).toEqual(['.deskbook', '台账.xlsx', '真的台账.xlsx']);
    expect(fs.readdirSync(path.join(dir, '.deskbook'))).toEqual(['真的台账.xlsx']);
    if (hasCheckXlsx()) expect(checkXlsx(real)).toBe('');
  });

  it('a symlink into another folder writes there, and --out onto a link to a new name creates the name it points to', async () => {
    const real = workbook();
    const elsewhere = path.dirname(tmpFile('x'));
    const link = path.join(elsewhere, '链接.xlsx');
    fs.symlinkSync(real, link);
    expect((await cli('kpi', link)).code).toBe(0);
    expect(await sheets(real)).toContain('KPI');
    expect(fs.readdirSync(elsewhere)).toEqual(['链接.xlsx']);

    const dangling = path.join(elsewhere, '新.xlsx');
    fs.symlinkSync('尚无.xlsx', dangling);
    expect((await cli('kpi', real, '--out', dangling)).code).toBe(0);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(await sheets(path.join(elsewhere, '尚无.xlsx'))).toContain('KPI');
  });

  it('a hard-linked workbook is refused, both names left as they were; --out writes a separate file', async () => {
    const file = workbook();
    const other = path.join(path.dirname(file), '备份.xlsx');
    fs.linkSync(file, other);
    expect(await report(file, '--lang', 'en')).toEqual({
      code: 2,
      out: '',
      err: `deskbook: cannot write ${file}: it has 2 hard links (one file under 2 names, as backup tools make); deskbook will neither split them nor change the file under its other names. Write a new file with --out, or copy it first; the original is unchanged`,
    });
    expect((await report(file)).err).toBe(
      `deskbook: 无法写入 ${file}：它有 2 个硬链接（同一个文件有 2 个名字，常见于备份工具）；deskbook 不会拆开它们，也不会连带改动其他名字下的文件。请用 --out 写到新文件，或先复制一份；原文件未改动`,
    );
    expect(fs.statSync(file).nlink).toBe(2);
    expect(fs.statSync(file).ino).toBe(fs.statSync(other).ino);
    expect(fs.readFileSync(file).equals(sample)).toBe(true);
    const out = path.join(path.dirname(file), '周报.xlsx');
    expect((await report(file, '--out', out)).code).toBe(0);
    expect(await sheets(out)).toContain('周报 2026-W47');
  });
});

describe('targets that are not files', () => {
  (hasMkfifo() ? it : it.skip)('--out onto a FIFO is refused and the FIFO stays (it used to be replaced)', async () => {
    const file = workbook();
    const fifo = path.join(path.dirname(file), '管道.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await report(file, '--out', fifo, '--force')).toEqual({
      code: 2,
      out: '',
      err: `deskbook: 无法写入 ${fifo}：它不是普通文件（是管道、设备或套接字），deskbook 只写入工作簿文件；未改动`,
    });
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['台账.xlsx', '管道.xlsx']);
  });

  (fs.existsSync('/dev/null') ? it : it.skip)('--out onto a device node is refused', async () => {
    const file = workbook();
    expect((await cli('kpi', file, '--out', '/dev/null', '--force', '--lang', 'en')).err).toBe(
      'deskbook: cannot write /dev/null: it is not a regular file (a pipe, a device or a socket), and deskbook writes only workbook files; nothing was changed',
    );
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('temporary files left by a killed writer', () => {
  const host = os.hostname().replace(/[^A-Za-z0-9._-]/g, '_');

  it('the next run that writes removes those of dead processes, and keeps a live one’s and another host’s', async () => {
    const file = workbook();
    const dir = path.dirname(file);
    const dead = deadPid();
    const live = livePid();
    try {
      const names = {
        dead: `.台账.xlsx.deskbook-tmp-${dead}-${host}`,
        // the name of earlier versions (147 of them across the attack's runs)
        legacy: `.台账.xlsx.${dead}.1764662400000.tmp`,
        live: `.台账.xlsx.deskbook-tmp-${live.pid}-${host}`,
        otherHost: `.台账.xlsx.deskbook-tmp-${dead}-another-pc`,
        otherFile: `.别的.xlsx.deskbook-tmp-${dead}-${host}`,
      };
      for (const name of Object.values(names)) fs.writeFileSync(path.join(dir, name), 'half a workbook');
      // a command that only reads removes nothing
      expect((await cli('status', file)).code).toBe(0);
      expect(fs.readdirSync(dir)).toHaveLength(6);
      expect((await report(file)).code).toBe(0);
      expect(fs.readdirSync(dir).sort()).toEqual(['.deskbook', names.live, names.otherHost, names.otherFile, '台账.xlsx'].sort());
    } finally {
      live.stop();
    }
  });
});
