// `deskbook notices` and `deskbook arrears` on the demo workbook: the notices, the arrears list and the
// report's aging table agree with each other and with an independent count from the raw 应收 rows
// (SheetJS, no deskbook code), to the cent; the notices print one to a page; the reminders are logged
// only when asked, once a day.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { runNotices } from '../../src/app/arrears';
import { FileWorkbook } from '../../src/workbook/file';
import { cli, tmpFile as tmp } from '../support/cli';
import { checkXlsx, hasCheckXlsx, hasPdftoppm, hasSoffice, sofficeConvert, tempDir } from '../support/files';

const AS_OF = '2026-11-25T17:30';
// the as-of day, 2026-11-25, as an Excel serial (2026-10-01 is 46296; 31 + 24 days later)
const DAY = 46351;
const BOUNDS = [30, 60, 90, 180, 365];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The arrears at the end of DAY from the raw rows of 应收: the definition of docs/kpis.md, written again. */
function independentArrears(file: string) {
  const raw = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(raw.Sheets['应收']);
  const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
  const byUnit = new Map<string, Array<{ feeItem: string; period: string; outstanding: number; days: number }>>();
  const buckets = BOUNDS.concat([Infinity]).map(() => ({ amount: 0, units: new Set<string>() }));
  let total = 0;
  for (const r of rows) {
    const dueDate = r['到期日'] as number;
    if (dueDate >= DAY) continue;
    const paid = typeof r['收款日期'] === 'number' && (r['收款日期'] as number) <= DAY ? cents(r['实收金额']) : 0;
    const outstanding = Math.max(0, cents(r['应收金额']) - paid);
    if (outstanding === 0) continue;
    const unit = String(r['房号']);
    const days = DAY - dueDate;
    const k = BOUNDS.findIndex((b) => days <= b);
    const bucket = buckets[k < 0 ? BOUNDS.length : k];
    bucket.amount += outstanding;
    bucket.units.add(unit);
    total += outstanding;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), { feeItem: String(r['费用项目']), period: String(r['账期']), outstanding, days }]);
  }
  return { total, byUnit, buckets: buckets.map((b) => ({ amount: b.amount, units: b.units.size })) };
}

describe('deskbook notices and arrears on the demo workbook', () => {
  const demo = tmp('demo.xlsx');
  let arrears: Json;
  let notices: Json;
  let report: Json;
  let truth: ReturnType<typeof independentArrears>;
  beforeAll(async () => {
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
    truth = independentArrears(demo);
    const a = await cli('arrears', demo, '--as-of', AS_OF, '--json', '--no-write');
    const n = await cli('notices', demo, '--as-of', AS_OF, '--json', '--no-write');
    // the daily tally of 11-25 as of 17:30 judges the charges at the end of the same day
    const r = await cli('report', 'daily', demo, '--period', '2026-11-25', '--as-of', AS_OF, '--json', '--no-write');
    for (const x of [a, n, r]) expect([x.code, x.err]).toEqual([0, '']);
    [arrears, notices, report] = [a, n, r].map((x) => JSON.parse(x.out));
  });

  it('the aging table of the report, of the list and of the raw rows: the same cents and units in each bucket', () => {
    const table = (byBucket: Json[]) => byBucket.map((b: Json) => ({ amount: b.amount, units: b.units }));
    expect(table(report.charges.arrears.byBucket)).toEqual(truth.buckets);
    expect(arrears.byBucket).toEqual(report.charges.arrears.byBucket);
    expect([arrears.total, report.charges.arrears.total]).toEqual([truth.total, truth.total]);
    // the demo: ¥25,805.48 owed by 38 units
    expect([truth.total, truth.byUnit.size]).toEqual([2580548, 38]);
  });

  it('the list: every unit in arrears with what it owes, charge by charge, as the raw rows say', () => {
    expect(arrears.units.map((u: Json) => u.unit).sort()).toEqual([...truth.byUnit.keys()].sort());
    for (const u of arrears.units) {
      const rows = truth.byUnit.get(u.unit)!;
      expect([u.unit, u.total]).toEqual([u.unit, rows.reduce((a, c) => a + c.outstanding, 0)]);
      const charge = (c: Json) => `${c.feeItem} ${c.period} ${c.outstanding} ${c.daysOverdue}`;
      expect(u.charges.map(charge).sort()).toEqual(rows.map((c) => `${c.feeItem} ${c.period} ${c.outstanding} ${c.days}`).sort());
      expect(u.oldestDays).toBe(Math.max(...rows.map((c) => c.days)));
    }
    // most owed first
    const totals = arrears.units.map((u: Json) => u.total);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    // the report's top units are the head of the list
    expect(report.charges.arrears.topUnits.map((u: Json) => [u.unit, u.amount, u.periods, u.since])).toEqual(
      arrears.units.slice(0, 10).map((u: Json) => [u.unit, u.total, u.periods, u.since]),
    );
  });

  it('the notices: the units of the list at a dunning level and without a promise pending, their totals to the cent', () => {
    const listed = new Map(arrears.units.map((u: Json) => [u.unit, u]));
    const due = arrears.units.filter((u: Json) => u.level > 0 && !(u.promisedDate && !u.promisePassed)).map((u: Json) => u.unit);
    expect(notices.notices.map((n: Json) => n.unit)).toEqual(due);
    expect(notices.promised.map((p: Json) => p.unit)).toEqual(arrears.units.filter((u: Json) => u.promisedDate && !u.promisePassed && (u.level > 0 || u.heldByPromise)).map((u: Json) => u.unit));
    // the demo as of 11-25: 19 notices (12 final, 1 second, 6 first); 6-1602, at the final level, promised to pay by 12-04
    const byLevel = [1, 2, 3].map((level) => notices.notices.filter((n: Json) => n.level === level).length);
    expect([byLevel, notices.promised]).toEqual([[6, 1, 12], [{ unit: '6-1602', total: 80416, promisedDate: '2026-12-04T00:00:00' }]]);
    for (const n of notices.notices) {
      const u = listed.get(n.unit) as Json;
      expect([n.unit, n.owner, n.level, n.total]).toEqual([u.unit, u.owner, u.level, u.total]);
      expect(n.charges.reduce((a: number, c: Json) => a + c.outstanding, 0)).toBe(truth.byUnit.get(n.unit)!.reduce((a, c) => a + c.outstanding, 0));
      expect(Object.keys(n.charges[0])).toEqual(expect.arrayContaining(['feeItem', 'period', 'due', 'paid', 'outstanding', 'daysOverdue']));
    }
    expect(Object.keys(notices)).toEqual(['asOf', 'asOfDay', 'notices', 'promised']);
    expect(notices.asOf).toBe('2026-11-25T17:30:00');
  });

  it('writes the notices and the list as their sheets; --no-write leaves the file as it was', async () => {
    const file = tmp('chase.xlsx');
    fs.copyFileSync(demo, file);
    const before = fs.readFileSync(file);
    expect((await cli('notices', file, '--as-of', AS_OF, '--no-write')).out).toBe('已生成「催缴通知单 2026-11-25」（未写入文件）：19 份通知单，合计 17,368.07 元\n另有 1 户承诺缴费日未到，未出通知单：6-1602（承诺 2026-12-04）');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const n = await cli('notices', file, '--as-of', AS_OF);
    expect([n.code, n.out.split('\n')[0]]).toEqual([0, `已生成「催缴通知单 2026-11-25」并写入 ${file}：19 份通知单，合计 17,368.07 元`]);
    const a = await cli('arrears', file, '--as-of', AS_OF);
    expect(a.out).toBe(`已生成「欠费明细 2026-11-25」并写入 ${file}：欠费 38 户，合计 25,805.48 元\n催缴级别：最后通知 13 户，第二次 1 户，第一次 6 户，未到 18 户`);
    const wb = FileWorkbook.open(fs.readFileSync(file));
    expect((await wb.listSheets()).map((s) => s.name).slice(-2)).toEqual(['催缴通知单 2026-11-25', '欠费明细 2026-11-25']);
    const [list] = await wb.readSheets(['欠费明细 2026-11-25']);
    const head = list.rows.findIndex((r) => r[0] === '房号' && r[1] === '业主');
    expect(list.rows[head + 1].slice(0, 3)).toEqual([arrears.units[0].unit, arrears.units[0].owner, arrears.units[0].total / 100]);
    // status tells the generated sheets from the clerk's own
    expect((await cli('status', file)).out).toContain('生成的报表：催缴通知单 2026-11-25、欠费明细 2026-11-25');
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
  });

  it('logs one written notice per notice in 催缴记录 when asked, once a day, and the levels stay as printed', async () => {
    const file = tmp('log.xlsx');
    fs.copyFileSync(demo, file);
    const rowsOf = async () => (await FileWorkbook.open(fs.readFileSync(file)).readSheets(['催缴记录']))[0].rows;
    const before = await rowsOf();
    const first = await cli('notices', file, '--as-of', AS_OF, '--log-reminders', '--min-amount', '1000');
    expect(first.out.split('\n').slice(1)).toEqual(['已在「催缴记录」登记 5 条书面通知']);
    const after = await rowsOf();
    expect(after.length).toBe(before.length + 5);
    // 房号 日期 方式 经办人 结果 承诺缴费日, in the sheet's own order
    expect(after.slice(-5).map((r) => r.slice(0, 6))).toEqual(
      notices.notices.filter((n: Json) => n.total >= 100000).map((n: Json) => [n.unit, DAY, '书面通知', null, `催缴通知单（${['第一次', '第二次', '最后通知'][n.level - 1]}）`, null]),
    );
    // a second run the same day logs nothing twice, and says so
    const again = await cli('notices', file, '--as-of', AS_OF, '--log-reminders', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ logged: 14, alreadyLogged: 5 });
    expect((await rowsOf()).length).toBe(before.length + 19);
    // read back, each notice sent counts at the level it was printed with
    const reread = JSON.parse((await cli('arrears', file, '--as-of', AS_OF, '--json', '--no-write')).out);
    expect(reread.units.map((u: Json) => [u.unit, u.level])).toEqual(arrears.units.map((u: Json) => [u.unit, u.level]));
    expect(reread.units.find((u: Json) => u.unit === notices.notices[0].unit).lastReminder).toEqual({ date: '2026-11-25T00:00:00', method: '书面通知', result: '催缴通知单（最后通知）', promisedDate: null });
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    expect((await cli('validate', file, '--as-of', AS_OF)).out).toBe('未发现问题');
  });

  it('refuses what it cannot do, with one line and the usual exit codes', async () => {
    const out = tmp('taken.xlsx');
    fs.writeFileSync(out, 'mine');
    expect(await cli('notices', demo, '--as-of', AS_OF, '--out', out)).toEqual({ code: 2, out: '', err: `deskbook: ${out} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖它` });
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli('notices', demo, '--as-of', AS_OF, '--out', out, '--force')).code).toBe(0);
    expect(await cli('notices', demo, '--log-reminders', '--no-write')).toEqual({ code: 2, out: '', err: 'deskbook: --log-reminders 会写入催缴记录，不能与 --no-write 同时使用' });
    const bad = await cli('notices', demo, '--min-amount', '12,5');
    expect([bad.code, bad.err]).toEqual([2, 'deskbook: 选项 --min-amount 的值“12,5”无效：应为金额（元），如 500 或 1200.50（运行 deskbook notices --help 查看用法）']);
    expect((await cli('arrears', demo, '--as-of', '昨天')).err).toBe('deskbook: 时间“昨天”无效，应如 2026-11-25T17:30');
    // a workbook without 应收: not ready for it (exit 1), and what to run
    const bare = FileWorkbook.create();
    await bare.addSheets([{ name: '工单', columns: [{ header: '工单号' }], rows: [] }]);
    const file = tmp('bare.xlsx');
    fs.writeFileSync(file, bare.toBytes());
    expect(await cli('arrears', file, '--lang', 'en')).toEqual({ code: 1, out: '', err: `deskbook: the workbook has no charges sheet (sheets: 工单), so there are no arrears to work out; set the workbook up first (run deskbook init ${file})` });
  });
});

describe('the notices printed (LibreOffice, A4 portrait)', () => {
  const pdfPages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

  it.each(['zh', 'en'] as const)('%s: one page per notice, and the sheet opens in Excel without a repair', async (lang) => {
    const demo = tmp(`demo-${lang}.xlsx`);
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF, '--no-plant', '--lang', lang)).code).toBe(0);
    const result = await runNotices(FileWorkbook.open(fs.readFileSync(demo)), { asOf: AS_OF });
    expect(result.sheetName).toBe(lang === 'zh' ? '催缴通知单 2026-11-25' : 'Notices 2026-11-25');
    // the notices alone, as a clerk prints that sheet
    const wb = FileWorkbook.create();
    await wb.writeReport(result.sheet);
    const dir = tempDir();
    const file = path.join(dir, `notices-${lang}.xlsx`);
    fs.writeFileSync(file, wb.toBytes());
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    if (!hasSoffice() || !hasPdftoppm()) return;
    const { status, output } = sofficeConvert(file, 'pdf', dir);
    expect(status).toBe(0);
    expect(pdfPages(output)).toBe(result.notices.notices.length);
    expect(result.notices.notices.length).toBe(19);
  });
});
