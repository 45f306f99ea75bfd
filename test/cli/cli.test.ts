import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { FileWorkbook } from '../../src/workbook/file';

const fixtures = path.join(__dirname, '..', 'fixtures');
const bin = path.join(__dirname, '..', '..', 'bin', 'deskbook.js');

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-cli-'));
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('deskbook init', () => {
  it('creates a new set-up workbook when the file does not exist, and changes nothing the second time', async () => {
    const file = path.join(tmpDir(), 'new.xlsx');
    const first = await cli('init', file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('已创建工作表：工单、客户、应收、催缴记录、设置');
    const bytes = fs.readFileSync(file);
    const sheets = await FileWorkbook.open(bytes).listSheets();
    expect(sheets.map((s) => s.name)).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    const second = await cli('init', file);
    expect(second.code).toBe(0);
    expect(second.out).toContain('工作簿已设置，无需改动');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('writes English sheets with --lang en', async () => {
    const file = path.join(tmpDir(), 'en.xlsx');
    const r = await cli('init', file, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('created sheets: Tickets, Customers, Charges, Reminders, Settings');
  });

  it('reports error values and text in date columns by sheet, row and column, with exit code 1', async () => {
    const file = path.join(tmpDir(), 'bad.xlsx');
    fs.copyFileSync(path.join(fixtures, 'bad-data.xlsx'), file);
    const r = await cli('status', file, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.problems.map((p: { sheet: string; row: number; column: string; code: string }) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ['工单', 3, '受理时间', 'CELL_WRONG_TYPE'],
      ['工单', 4, '完成时间', 'CELL_ERROR_VALUE'],
      ['应收', 3, '应收金额', 'CELL_ERROR_VALUE'],
      ['应收', 3, '到期日', 'CELL_WRONG_TYPE'],
    ]);
    expect(json.problems[0].message).toBe('工单 第 3 行「受理时间」：“上周三”不是有效值，应为日期时间，如 2026-11-25 14:30');
    const text = await cli('status', file, '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.out).toContain('应收 row 3, 到期日: "十一月底" is not valid; expected a date such as 2026-11-25');
  });
});

describe('bad input', () => {
  it('a missing file: one clear line, exit 2', async () => {
    const r = await cli('status', '/nonexistent/x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toBe('deskbook: 找不到文件 /nonexistent/x.xlsx');
    expect((await cli('status', '/nonexistent/x.xlsx', '--lang', 'en')).err).toBe('deskbook: file not found: /nonexistent/x.xlsx');
  });

  it('a file that is not a workbook: one clear line, exit 2, the file untouched', async () => {
    const file = path.join(tmpDir(), 'notes.xlsx');
    fs.writeFileSync(file, 'this is a text file, not a workbook');
    const r = await cli('init', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`deskbook: ${file} is not an Excel workbook (.xlsx): it is not a zip package`);
    const zh = await cli('init', file);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(`deskbook: ${file} 不是 Excel 工作簿（.xlsx）：它不是 zip 压缩包`);
    expect(fs.readFileSync(file, 'utf8')).toBe('this is a text file, not a workbook');
  });

  it('a sheet too large to read (a stray value at XFD1048576): one clear line naming it, exit 2', async () => {
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '工单', columns: [{ header: '工单号' }], rows: [['GD-1']] }]);
    const parts = unzipSync(wb.toBytes());
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    parts[sheet] = strToU8(strFromU8(parts[sheet]).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
    const file = path.join(tmpDir(), 'stray.xlsx');
    fs.writeFileSync(file, zipSync(parts));
    const r = await cli('validate', file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `deskbook: ${file} is too large to process: the sheet "工单" has values spread over A1:XFD1048576, more than 30,000,000 cells; is there a stray value far from the table (near XFD1048576)?`,
    );
    const zh = await cli('validate', file);
    expect(zh.err).toBe(`deskbook: ${file} 太大，无法处理：工作表“工单”的值分布在 A1:XFD1048576，超过 30,000,000 个单元格；表格之外（XFD1048576 附近）是否有零散的值？`);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('init')).code).toBe(2);
    expect((await cli('demo', '--tickets', 'many')).code).toBe(2);
    expect((await cli('init', 'x.xlsx', '--lang', 'fr')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('help exits 0 for every command', async () => {
    for (const c of ['init', 'status', 'demo']) {
      const r = await cli(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: deskbook ${c}`);
    }
  });

  it('the installed command prints no stack trace and returns the exit code', () => {
    const r = spawnSync(process.execPath, [bin, 'status', path.join(tmpDir(), 'missing.xlsx')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w+.*\.js:\d+/);
  });
});

describe('deskbook demo', () => {
  it('writes the same workbook for the same seed and as-of, readable by SheetJS and openpyxl', async () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    expect((await cli('demo', '--out', a, '--as-of', '2026-11-25T17:30', '--seed', '3')).code).toBe(0);
    expect((await cli('demo', '--out', b, '--as-of', '2026-11-25T17:30', '--seed', '3')).code).toBe(0);
    const wa = FileWorkbook.open(fs.readFileSync(a));
    const wbB = FileWorkbook.open(fs.readFileSync(b));
    const names = (await wa.listSheets()).map((s) => s.name);
    expect(names).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    expect(await wa.readSheets(names)).toEqual(await wbB.readSheets(names));
    const [tickets] = await wa.readSheets(['工单']);
    expect(tickets.rows[0].slice(0, 4)).toEqual(['工单号', '受理时间', '渠道', '类型']);
    expect(tickets.rows).toHaveLength(901); // the header and 900 tickets
  });

  it('leaves no partial file behind when the target cannot be written', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'no-such-dir', 'x.xlsx');
    const r = await cli('demo', '--out', target);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`deskbook: 无法写入 ${target}：文件夹不存在（原文件未改动）`);
    const en = await cli('demo', '--out', target, '--lang', 'en');
    expect(en.err).toBe(`deskbook: cannot write ${target}: the folder does not exist (the original is unchanged)`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

// Compiled CLI from dist/ is exercised above through bin/ only for the stack-trace check; keep the
// dependency visible so a missing build fails here with a clear message.
beforeAll(() => {
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js'))) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: path.join(__dirname, '..', '..') });
  }
});
