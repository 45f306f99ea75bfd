// deskbook callback-plan on files: Q1 to Q4 of one year in turn on the demo plan every household
// once (counted here from the raw rows with SheetJS alone), the sheets pass Excel's strict checker,
// a second run leaves the file alone, --no-write and --out, a started plan turned down and redone with
// --force, and the quarterly report's progress.
import * as fs from 'node:fs';
import * as XLSX from 'xlsx';
import { FileWorkbook } from '../../src/workbook/file';
import { checkXlsx, hasCheckXlsx } from '../support/files';
import { cli, tmpFile as tmp } from '../support/cli';

const AS_OF = '2026-11-25T17:30';
const QUARTER_DAYS = ['2026-01-05T09:00', '2026-04-03T09:00', '2026-07-06T09:00', '2026-10-08T09:00'];

interface PlanJson {
  quarter: string;
  sheet: string;
  asOf: string;
  share: number;
  occupied: number;
  alreadyPlanned: number;
  quota: number;
  planned: number;
  called: number;
  households: Array<{ unit: string; building: string | null; reason: string }>;
  written: boolean;
}

/** The rows of a sheet under its header row (the first row whose first cell is `firstHeader`), as SheetJS reads them. */
function rowsUnder(file: string, sheet: string, firstHeader: string): Record<string, unknown>[] {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
  const at = grid.findIndex((r) => r[0] === firstHeader);
  const head = grid[at] as string[];
  return grid.slice(at + 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** Types a call into a plan sheet of a file as a clerk would, and saves the file. */
async function typeCall(file: string, sheet: string, unit: string, date: string, by: string): Promise<void> {
  const wb = FileWorkbook.open(fs.readFileSync(file));
  const [grid] = await wb.readSheets([sheet]);
  const head = grid.rows.findIndex((r) => r[0] === '房号');
  const rows = grid.rows.map((r) => [...r]);
  const row = rows.find((r, i) => i > head && r[0] === unit)!;
  const [y, m, d] = date.split('-').map(Number);
  row[grid.rows[head].indexOf('回访日期')] = Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
  row[grid.rows[head].indexOf('回访人')] = by;
  await wb.writeReport({ name: sheet, rows, styles: rows.map((r) => r.map(() => null)), widths: [] });
  fs.writeFileSync(file, wb.toBytes());
}

describe('deskbook callback-plan', () => {
  const demo = tmp('demo.xlsx');
  beforeAll(async () => {
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
  });

  it('plans every household of the year exactly once over Q1 to Q4 run in turn', async () => {
    const file = tmp('year.xlsx');
    fs.copyFileSync(demo, file);
    const plans: PlanJson[] = [];
    for (let q = 1; q <= 4; q++) {
      const r = await cli('callback-plan', file, '--quarter', `2026-Q${q}`, '--as-of', QUARTER_DAYS[q - 1], '--json');
      expect([q, r.code, r.err]).toEqual([q, 0, '']);
      plans.push(JSON.parse(r.out) as PlanJson);
    }
    // the households, from the raw customer rows: 已入住 or 出租, moved in by Q4's day (10-08)
    const customers = rowsUnder(file, '客户', '房号');
    const q4Day = Date.UTC(2026, 9, 8) / 86_400_000 + 25569;
    const households = customers.filter((c) => (c['状态'] === '已入住' || c['状态'] === '出租') && (typeof c['入住日期'] !== 'number' || c['入住日期'] <= q4Day)).map((c) => c['房号'] as string);
    const onSheets = plans.flatMap((p) => rowsUnder(file, p.sheet, '房号').map((r) => r['房号'] as string));
    expect(onSheets.length).toBe(new Set(onSheets).size);
    expect([...onSheets].sort()).toEqual([...households].sort());
    expect(plans.map((p) => p.sheet)).toEqual(['回访计划 2026-Q1', '回访计划 2026-Q2', '回访计划 2026-Q3', '回访计划 2026-Q4']);
    // each quarter's JSON says the same as its sheet
    for (const p of plans) expect(rowsUnder(file, p.sheet, '房号').map((r) => r['房号'])).toEqual(p.households.map((h) => h.unit));
    // Q4 plans whoever is left
    expect(plans[3].planned).toBe(plans[3].occupied - plans[3].alreadyPlanned);
    expect(Object.keys(plans[0])).toEqual(['quarter', 'asOf', 'share', 'occupied', 'alreadyPlanned', 'quota', 'planned', 'called', 'households', 'sheet', 'written']);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
  });

  it('says what it planned, by building; a second run leaves the file as it is', async () => {
    const file = tmp('twice.xlsx');
    fs.copyFileSync(demo, file);
    const first = await cli('callback-plan', file, '--as-of', '2026-01-05T09:00');
    const lines = first.out.split('\n');
    // 272 households on 01-05 (the others move in later in the year): ceil(25 % of 272) = 68; no ticket before June
    expect(lines[0]).toBe('「回访计划 2026-Q1」：住户 272 户，本年其他季度已计划 0 户；本季计划 68 户（其中近 90 天有投诉或报修的 0 户）');
    expect(lines[1]).toMatch(/^按楼栋：1栋 \d+，2栋 \d+，3栋 \d+，4栋 \d+，5栋 \d+，6栋 \d+$/);
    expect(lines[2]).toBe(`已生成「回访计划 2026-Q1」并写入 ${file}`);
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    expect((await cli('callback-plan', file, '--as-of', '2026-01-05T09:00')).code).toBe(0);
    expect(Buffer.from(fs.readFileSync(file)).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('writes nothing with --no-write, and keeps an existing --out unless --force', async () => {
    const before = fs.readFileSync(demo);
    const r = await cli('callback-plan', demo, '--as-of', '2026-01-05T09:00', '--no-write', '--lang', 'en');
    // in the language asked for, as a report's sheet
    expect(r.out.split('\n').pop()).toBe('built "Callback plan 2026-Q1" (not written)');
    expect(Buffer.from(fs.readFileSync(demo)).equals(before)).toBe(true);
    const out = tmp('out.xlsx');
    fs.writeFileSync(out, 'mine');
    const refused = await cli('callback-plan', demo, '--out', out);
    expect([refused.code, refused.err]).toEqual([2, `deskbook: ${out} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖它`]);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli('callback-plan', demo, '--out', out, '--force', '--as-of', '2026-01-05T09:00')).code).toBe(0);
    expect(rowsUnder(out, '回访计划 2026-Q1', '房号').length).toBe(68);
    expect(Buffer.from(fs.readFileSync(demo)).equals(before)).toBe(true);
  });

  it('turns a started plan down, and with --force keeps the calls recorded', async () => {
    const file = tmp('started.xlsx');
    fs.copyFileSync(demo, file);
    const made = JSON.parse((await cli('callback-plan', file, '--quarter', '2026-Q3', '--as-of', '2026-07-06T09:00', '--json')).out) as PlanJson;
    const called = made.households[5].unit;
    await typeCall(file, '回访计划 2026-Q3', called, '2026-07-20', '小王');
    const before = fs.readFileSync(file);
    const refused = await cli('callback-plan', file, '--quarter', '2026-Q3', '--as-of', '2026-08-01T09:00');
    expect([refused.code, refused.out]).toEqual([2, '']);
    expect(refused.err).toBe(`deskbook: “回访计划 2026-Q3”中已有 1 户登记了回访（共 ${made.planned} 户），计划未重新生成，保持原样（如要保留已登记的行、重新抽取其余住户，加 --force）`);
    expect(Buffer.from(fs.readFileSync(file)).equals(before)).toBe(true);
    const forced = await cli('callback-plan', file, '--quarter', '2026-Q3', '--as-of', '2026-08-01T09:00', '--force');
    expect(forced.code).toBe(0);
    expect(forced.out.split('\n')[1]).toBe('已登记回访的 1 行保持原样');
    const first = rowsUnder(file, '回访计划 2026-Q3', '房号')[0];
    expect([first['房号'], first['回访人'], first['回访日期']]).toEqual([called, '小王', Date.UTC(2026, 6, 20) / 86_400_000 + 25569]);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    // the quarterly report shows the plan's progress: 1 called back by 09-30
    const report = JSON.parse((await cli('report', 'quarterly', file, '--period', '2026-Q3', '--as-of', AS_OF, '--json', '--no-write')).out);
    expect(report.callbackPlan).toEqual({ sheet: '回访计划 2026-Q3', planned: made.planned, called: { num: 1, den: made.planned, rate: 1 / made.planned } });
  });

  it('says a quarter that is none, and a workbook without households, in one line', async () => {
    expect(await cli('callback-plan', demo, '--quarter', '2026-Q5')).toMatchObject({ code: 2, err: expect.stringMatching(/^deskbook: 期间“2026-Q5”无效/) });
    const bare = tmp('bare.xlsx');
    const notes = FileWorkbook.create();
    await notes.addSheets([{ name: '备忘', columns: [{ header: '事项' }], rows: [['电梯年检']] }]);
    fs.writeFileSync(bare, notes.toBytes());
    expect(await cli('callback-plan', bare, '--lang', 'en')).toMatchObject({
      code: 1,
      err: `deskbook: the workbook has no customer sheet (sheets: 备忘) to plan callbacks from: set the workbook up and list the households first (run deskbook init ${bare})`,
    });
  });

  it('names the sheet in English for an English workbook', async () => {
    const en = tmp('en.xlsx');
    expect((await cli('demo', '--out', en, '--as-of', AS_OF, '--no-plant', '--lang', 'en')).code).toBe(0);
    const r = await cli('callback-plan', en, '--quarter', '2026-Q1', '--as-of', '2026-01-05T09:00', '--lang', 'en');
    expect(r.out.split('\n')[0]).toBe('"Callback plan 2026-Q1": 272 households, 0 already planned in other quarters this year; 68 planned this quarter (0 with a complaint or repair in the last 90 days)');
    expect(rowsUnder(en, 'Callback plan 2026-Q1', 'Unit').length).toBe(68);
  });
});
