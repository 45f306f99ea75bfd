// deskbook adopt on files: the demo as hand-kept registers (demo --legacy) adopted, its JSON summary,
// a second run that changes nothing (bytes and mtime), a dry run, and refusals in one line.
import * as fs from 'node:fs';
import { cli, tmpFile as tmp } from '../support/cli';

const AS_OF = '2026-11-25T17:30';

interface SheetSummary {
  sheet: string;
  kind: string | null;
  headerRow: number | null;
  mapping: Record<string, string | null>;
  rows: { total: number; imported: number; flagged: number; skipped: number };
}

describe('deskbook adopt', () => {
  const legacy = tmp('legacy.xlsx');
  beforeAll(async () => {
    const r = await cli('demo', '--legacy', '--out', legacy, '--as-of', AS_OF, '--units', '40');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已写入手工台账样例 .*legacy\.xlsx（工作表：2026年6月、.*、业主信息、收费台账、催缴登记）/);
  });

  it('tells on a dry run what it would import, as JSON, and leaves the file alone', async () => {
    const before = fs.readFileSync(legacy);
    const r = await cli('adopt', legacy, '--dry-run', '--json', '--as-of', AS_OF);
    const sheets = JSON.parse(r.out) as SheetSummary[];
    expect(sheets.map((s) => [s.sheet, s.kind, s.headerRow])).toEqual([
      ['2026年6月', 'tickets', 3],
      ['2026年7月', 'tickets', 3],
      ['2026年8月', 'tickets', 3],
      ['2026年9月', 'tickets', 3],
      ['2026年10月', 'tickets', 3],
      ['2026年11月', 'tickets', 3],
      ['业主信息', 'customers', 2],
      ['收费台账', 'charges', 1],
      ['催缴登记', 'reminders', 1],
    ]);
    for (const s of sheets) expect(s.rows.total).toBe(s.rows.imported + s.rows.skipped);
    expect(sheets[0].mapping['登记时间']).toBe('受理时间');
    expect(sheets[1].mapping['回访结果']).toBe('满意度');
    expect(Buffer.from(fs.readFileSync(legacy)).equals(before)).toBe(true);
    // the planted problems make rows flagged: exit 1, as validate would
    expect(r.code).toBe(1);
  });

  it('imports, and a second run adds nothing and does not touch the file', async () => {
    const file = tmp('adopt-twice.xlsx');
    fs.copyFileSync(legacy, file);
    const first = await cli('adopt', file, '--as-of', AS_OF);
    expect(first.out).toMatch(/「2026年6月」→ 工单（工单）：共 \d+ 行，导入 \d+ 行/);
    expect(first.out.trim().split('\n').pop()).toBe(`已写入 ${file}`);
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    const second = await cli('adopt', file, '--as-of', AS_OF);
    expect(second.out.trim().split('\n').pop()).toBe('没有新的行，文件未改动');
    expect(second.code).toBe(0);
    expect(Buffer.from(fs.readFileSync(file)).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    // the adopted workbook reports like any other
    expect((await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF)).code).toBe(0);
  });

  it('refuses a sheet that is not there, a register it cannot place, and a bad --map, in one line', async () => {
    const missing = await cli('adopt', legacy, '--sheet', '不存在', '--dry-run');
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toMatch(/^deskbook: .*没有工作表“不存在”/);
    const map = tmp('map.json');
    fs.writeFileSync(map, '{"登记时间": 3}');
    const bad = await cli('adopt', legacy, '--map', map, '--dry-run');
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toContain('“登记时间”的值应为列名或 null');
  });

  it('takes the user’s column choices from --map', async () => {
    const map = tmp('choices.json');
    fs.writeFileSync(map, JSON.stringify({ 处理情况: null }));
    const r = await cli('adopt', legacy, '--sheet', '2026年6月', '--map', map, '--dry-run', '--json', '--as-of', AS_OF);
    const [sheet] = JSON.parse(r.out) as SheetSummary[];
    expect(sheet.mapping['处理情况']).toBeNull();
    expect(sheet.mapping['登记时间']).toBe('受理时间');
  });
});
