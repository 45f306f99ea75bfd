import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { cli, tmpFile as tmp } from '../support/cli';
import { generateSample } from '../../src/domain/sample';
import { ALL_SHEETS } from '../../src/domain/schema';
import { FileWorkbook } from '../../src/workbook/file';

const AS_OF = '2026-11-25T17:30';

async function dataHash(file: string): Promise<string> {
  const wb = FileWorkbook.open(fs.readFileSync(file));
  const names = ALL_SHEETS.map((d) => d.zh);
  return createHash('sha256').update(JSON.stringify(await wb.readSheets(names))).digest('hex');
}

describe('deskbook validate', () => {
  const demo = tmp('demo.xlsx');
  beforeAll(async () => {
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF)).code).toBe(0);
  });

  it('on the demo workbook reports exactly the problems the generator planted', async () => {
    const r = await cli('validate', demo, '--json', '--as-of', AS_OF);
    const found = JSON.parse(r.out) as Array<{ sheet: string; row: number; column: string; code: string; severity: string; message: string }>;
    const planted = generateSample({ asOf: `${AS_OF}:00` }).planted;
    expect(planted).toHaveLength(8);
    const expected = planted.map((p) => {
      const def = ALL_SHEETS.find((d) => d.key === p.sheet)!;
      // planted rows are 0-based data rows; Excel row = index + 2 (the header is row 1)
      return [def.zh, p.row + 2, def.columns.find((c) => c.key === p.column)!.zh, p.code];
    });
    const sortKey = (a: Array<string | number>) => `${a[0]}|${String(a[1]).padStart(6, '0')}|${a[3]}`;
    expect(found.map((p) => [p.sheet, p.row, p.column, p.code]).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
    expect(found.every((p) => p.message.startsWith(`${p.sheet} 第 ${p.row} 行「${p.column}」：`))).toBe(true);
    expect(r.code).toBe(1); // planted errors; the overpayment alone would only warn
  });

  it('prints a list grouped by sheet, in English on request', async () => {
    const r = await cli('validate', demo, '--lang', 'en', '--as-of', AS_OF);
    // the sheets keep their (Chinese) names; the words around them are English
    expect(r.out).toMatch(/^工单: problems: 5$/m);
    expect(r.out).toContain('工单 row 279, 工单号: ticket ID "GD-20260724-K7M-001" is already used on row 278');
    expect(r.out).toMatch(/^errors: 7, warnings: 1$/m);
  });

  it('finds nothing on a clean sample and exits 0', async () => {
    const clean = tmp('clean.xlsx');
    await cli('demo', '--out', clean, '--as-of', AS_OF, '--no-plant');
    const r = await cli('validate', clean, '--as-of', AS_OF);
    expect(r.out).toBe('未发现问题');
    expect(r.code).toBe(0);
  });

  it('--mark marks the cells without changing a value, and a second pass finds the same', async () => {
    const file = tmp('marked.xlsx');
    fs.copyFileSync(demo, file);
    const before = await dataHash(file);
    const first = await cli('validate', file, '--json', '--as-of', AS_OF, '--mark');
    expect(await dataHash(file)).toBe(before);
    const second = await cli('validate', file, '--json', '--as-of', AS_OF);
    expect(JSON.parse(second.out)).toEqual(JSON.parse(first.out));
    expect((await FileWorkbook.open(fs.readFileSync(file)).listSheets()).map((s) => s.name)).toEqual(ALL_SHEETS.map((d) => d.zh));
  });

  it('--mark a second time, with nothing new to mark, leaves the file as it is: bytes and time', async () => {
    const file = tmp('marked.xlsx');
    fs.copyFileSync(demo, file);
    expect((await cli('validate', file, '--as-of', AS_OF, '--mark')).out).toMatch(/^已在 .+ 中标记问题单元格$/m);
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    const again = await cli('validate', file, '--as-of', AS_OF, '--mark');
    expect(again.code).toBe(1);
    expect(again.out.split('\n').pop()).toBe(`${file} 中的问题标记已是最新，文件未改动`);
    expect((await cli('validate', file, '--as-of', AS_OF, '--mark', '--lang', 'en')).out.split('\n').pop()).toBe(`the marks in ${file} are already up to date; the file is unchanged`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('--mark on a clean sample marks nothing and rewrites nothing', async () => {
    const clean = tmp('clean.xlsx');
    await cli('demo', '--out', clean, '--as-of', AS_OF, '--no-plant');
    const bytes = fs.readFileSync(clean);
    const mtime = fs.statSync(clean).mtimeMs;
    expect(await cli('validate', clean, '--as-of', AS_OF, '--mark')).toEqual({ code: 0, out: `未发现问题\n${clean} 中的问题标记已是最新，文件未改动`, err: '' });
    expect(fs.readFileSync(clean).equals(bytes)).toBe(true);
    expect(fs.statSync(clean).mtimeMs).toBe(mtime);
  });

  it('a workbook with no structured sheet is not "no problems": it says what to run, exit 1, the file untouched', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '我的台账', columns: [{ header: '日期' }, { header: '事项' }], rows: [] }]);
    const file = tmp('台账.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    const bytes = fs.readFileSync(file);
    for (const mark of [[], ['--mark']]) {
      expect(await cli('validate', file, ...mark)).toEqual({
        code: 1,
        out: '',
        err: `deskbook: 工作簿中没有任何结构化工作表（现有工作表：我的台账），请先设置工作簿（运行 deskbook init ${file}）`,
      });
    }
    expect((await cli('validate', file, '--lang', 'en')).err).toBe(`deskbook: the workbook has no structured sheet (sheets: 我的台账); set the workbook up first (run deskbook init ${file})`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('an unreadable file exits 2 with one line', async () => {
    const r = await cli('validate', tmp('missing.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('deskbook validate past 100,000 problems', () => {
  // 17,000 tickets that hold only their ID, each missing its six other required cells: 102,000
  // errors, of which a report lists (and marks) the first 100,000 and counts the other 2,000
  const file = tmp('ids-only.xlsx');
  beforeAll(async () => {
    expect((await cli('init', file)).code).toBe(0);
    const wb = FileWorkbook.open(fs.readFileSync(file));
    await wb.appendRows('工单', Array.from({ length: 17_000 }, (_, i) => [`GD-${i + 1}`]));
    fs.writeFileSync(file, wb.toBytes());
  });

  it('says how many it found and how many it lists, in the list and beside the JSON', async () => {
    const text = await cli('validate', file, '--as-of', AS_OF, '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/^工单: problems: 102000$/m);
    expect(text.out).toMatch(/^… and 101800 more \(use --json to see all\)$/m);
    expect(text.out).toMatch(/^errors: 102000, warnings: 0$/m);
    expect(text.out.split('\n').pop()).toBe(
      '102,000 problems found: only the first 100,000 in reading order are listed; the other 2,000 are counted only: fix these and validate again',
    );

    const json = await cli('validate', file, '--as-of', AS_OF, '--json');
    const listed = JSON.parse(json.out) as Array<{ row: number }>;
    expect(listed).toHaveLength(100_000);
    // the first 100,000 in reading order: rows 2 to 16,667 whole (6 each), then 4 of row 16,668
    expect(listed[listed.length - 1].row).toBe(16_668);
    expect(listed.filter((p) => p.row === 16_668)).toHaveLength(4);
    expect(json.err).toBe('共发现 102,000 个问题，只列出按顺序的前 100,000 个；其余 2,000 个只计数：改正后再次校验');
  });
});
