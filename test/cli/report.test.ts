// `deskbook report`: the JSON, the sheet and an independent count from the raw rows agree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { cli, tmpFile as tmp } from '../support/cli';
import { FileWorkbook } from '../../src/workbook/file';
import { checkXlsx, hasCheckXlsx, parts } from '../support/files';

const AS_OF = '2026-11-25T17:30';

// Excel serials of the October 2026 bounds: 2026-10-01 = 46296, 2026-11-01 = 46327; September starts
// 30 days before October
const SEP_START = 46266;
const OCT_START = 46296;
const NOV_START = 46327;

describe('deskbook report monthly', () => {
  const demo = tmp('demo.xlsx');
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let sheetRows: ReadonlyArray<ReadonlyArray<unknown>>;
  beforeAll(async () => {
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
    const r = await cli('report', 'monthly', demo, '--period', '2026-10', '--as-of', AS_OF, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    json = JSON.parse(r.out);
    const wb = FileWorkbook.open(fs.readFileSync(demo));
    expect((await wb.listSheets()).map((s) => s.name)).toContain('月报 2026-10');
    sheetRows = (await wb.readSheets(['月报 2026-10']))[0].rows;
  });

  it('has the period and as-of of PRODUCT.md: October, as of 11-01 00:00', () => {
    expect(json.period).toEqual({ kind: 'monthly', label: '2026-10', start: '2026-10-01T00:00:00', end: '2026-11-01T00:00:00' });
    expect(json.asOf).toBe('2026-11-01T00:00:00');
    for (const k of ['onTimeResponse', 'onTimeResolution', 'callbackRate', 'satisfaction', 'validComplaintRate']) {
      expect(Object.keys(json.tickets[k]).sort()).toEqual(['den', 'num', 'rate']);
    }
  });

  it('matches an independent count from the raw rows (SheetJS, no deskbook code)', () => {
    const raw = XLSX.read(fs.readFileSync(demo), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(raw.Sheets['工单']);
    const inOct = (v: unknown) => typeof v === 'number' && v >= OCT_START && v < NOV_START;
    const received = rows.filter((r) => inOct(r['受理时间']));
    expect(json.tickets.received).toBe(received.length);
    // the previous period: September, 133 tickets in the demo
    const inSep = (v: unknown) => typeof v === 'number' && v >= SEP_START && v < OCT_START;
    expect([json.previous.tickets.received, rows.filter((r) => inSep(r['受理时间'])).length]).toEqual([133, 133]);
    expect(json.tickets.resolved).toBe(rows.filter((r) => inOct(r['完成时间'])).length);
    const byType: Record<string, number> = {};
    for (const r of received) byType[String(r['类型'])] = (byType[String(r['类型'])] ?? 0) + 1;
    expect(json.tickets.byType).toEqual(byType);
    // backlog: received before 11-01, not resolved before 11-01, not rejected
    const backlog = rows.filter(
      (r) => typeof r['受理时间'] === 'number' && (r['受理时间'] as number) < NOV_START && r['状态'] !== '不成立' && !(typeof r['完成时间'] === 'number' && (r['完成时间'] as number) < NOV_START),
    );
    expect(json.tickets.backlog).toBe(backlog.length);
    // satisfaction: callbacks in October with a rating; (满意 + 基本满意) / rated
    const rated = rows.filter((r) => inOct(r['回访时间']) && r['满意度']);
    expect(json.tickets.satisfaction.den).toBe(rated.length);
    expect(json.tickets.satisfaction.num).toBe(rated.filter((r) => r['满意度'] !== '不满意').length);
    // collection rate (amount) for October's charges, paid by 10-31, capped at due, in cents
    const charges = XLSX.utils.sheet_to_json<Record<string, unknown>>(raw.Sheets['应收']).filter((c) => c['账期'] === '2026-10');
    const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
    const due = charges.reduce((a, c) => a + cents(c['应收金额']), 0);
    const paid = charges.reduce((a, c) => a + (typeof c['收款日期'] === 'number' && (c['收款日期'] as number) < NOV_START ? Math.min(cents(c['实收金额']), cents(c['应收金额'])) : 0), 0);
    expect(json.charges.collectionRate.den).toBe(due);
    expect(json.charges.collectionRate.num).toBe(paid);
  });

  it('writes a sheet that agrees with the JSON number for number', () => {
    const find = (label: string) => sheetRows.find((r) => r[0] === label)!;
    expect(find('受理量').slice(1, 2)).toEqual([json.tickets.received]);
    expect(find('受理量')[4]).toBe(json.previous.tickets.received);
    expect(find('办结量')[1]).toBe(json.tickets.resolved);
    expect(find('未结')[1]).toBe(json.tickets.backlog);
    for (const [label, key] of [['及时响应率', 'onTimeResponse'], ['及时办结率', 'onTimeResolution'], ['回访率', 'callbackRate'], ['满意率', 'satisfaction']]) {
      const row = find(label);
      expect([row[1], row[2], row[3]]).toEqual([json.tickets[key].rate, json.tickets[key].num, json.tickets[key].den]);
    }
    expect(find('收缴率（金额）')[1]).toBe(json.charges.collectionRate.rate);
  });

  it('regenerating replaces only that sheet: identical content, data parts byte-identical', async () => {
    const before = parts(new Uint8Array(fs.readFileSync(demo)));
    expect((await cli('report', 'monthly', demo, '--period', '2026-10', '--as-of', AS_OF)).code).toBe(0);
    const after = parts(new Uint8Array(fs.readFileSync(demo)));
    const changed = Object.keys(after).filter((n) => !before[n] || !Buffer.from(before[n]).equals(Buffer.from(after[n])));
    // only the workbook part may change (the report's generated-at time lives in its sheet part)
    expect(changed.every((n) => /^(xl\/workbook\.xml|xl\/worksheets\/sheet\d+\.xml|docProps\/.*)$/.test(n))).toBe(true);
    for (const n of Object.keys(before).filter((k) => /^xl\/worksheets\/sheet[1-5]\.xml$/.test(k))) {
      expect([n, Buffer.from(before[n]).equals(Buffer.from(after[n]))]).toEqual([n, true]);
    }
    const wb = FileWorkbook.open(fs.readFileSync(demo));
    expect((await wb.listSheets()).filter((s) => s.name === '月报 2026-10')).toHaveLength(1);
  });

  it('says so when cells could not be read, instead of skipping them silently', async () => {
    const bad = tmp('bad.xlsx');
    fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'bad-data.xlsx'), bad);
    const r = await cli('report', 'monthly', bad, '--period', '2026-11', '--as-of', AS_OF, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toBe(`deskbook: note: 4 cells could not be read and are left out of the report; run deskbook validate ${bad} to see them`);
  });

  it('refuses a bad period with exit 2 and one line', async () => {
    const r = await cli('report', 'monthly', demo, '--period', '2026-13');
    expect(r.code).toBe(2);
    expect(r.err).toBe('deskbook: 期间“2026-13”无效：日报如 2026-11-24，周报如 2026-W48，月报如 2026-11，季报如 2026-Q4');
  });
});

describe('deskbook report and kpi on a workbook not ready for them', () => {
  /** A workbook file of the given sheets; its bytes and modification time, to see it is untouched. */
  async function workbookFile(sheets: Array<{ name: string; headers: string[]; rows?: unknown[][] }>) {
    const wb = FileWorkbook.create();
    await wb.addSheets(sheets.map((s) => ({ name: s.name, columns: s.headers.map((header) => ({ header })), rows: (s.rows ?? []) as never })));
    const file = tmp('台账.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    return { file, untouched: () => fs.readFileSync(file).equals(bytes) && fs.statSync(file).mtimeMs === mtime };
  }

  it('a ticket sheet missing required columns: refused with the columns named, exit 1, the file untouched', async () => {
    const { file, untouched } = await workbookFile([{ name: '工单', headers: ['工单号', '受理时间'], rows: [['GD-1', 46300]] }]);
    const missing = '渠道、类型、类别、内容、状态';
    expect(await cli('report', 'monthly', file, '--as-of', AS_OF)).toEqual({ code: 1, out: '', err: `deskbook: 工作表“工单”缺少必需的列：${missing}（请在表头行添加这些列）` });
    expect(await cli('kpi', file)).toEqual({ code: 1, out: '', err: `deskbook: 工作表“工单”缺少必需的列：${missing}（请在表头行添加这些列）` });
    expect((await cli('report', 'weekly', file, '--as-of', AS_OF, '--lang', 'en')).err).toBe(
      'deskbook: the sheet "工单" lacks required columns (渠道, 类型, 类别, 内容, 状态): add them to the header row',
    );
    expect(untouched()).toBe(true);
  });

  it('a ticket sheet without a header row: refused naming the header it lacks', async () => {
    const { file, untouched } = await workbookFile([{ name: '工单', headers: ['备注'], rows: [['漏水']] }]);
    expect(await cli('kpi', file)).toEqual({ code: 1, out: '', err: 'deskbook: 工作表“工单”的前 10 行中找不到表头行（如 工单号、受理时间…）' });
    expect(untouched()).toBe(true);
  });

  it('a workbook never set up: refused, saying what to run', async () => {
    const { file, untouched } = await workbookFile([{ name: '我的台账', headers: ['日期'] }]);
    expect(await cli('report', 'daily', file, '--as-of', AS_OF)).toEqual({
      code: 1,
      out: '',
      err: `deskbook: 工作簿中没有工单表（现有工作表：我的台账），请先设置工作簿（运行 deskbook init ${file}）`,
    });
    expect((await cli('kpi', file, '--lang', 'en')).err).toBe(`deskbook: the workbook has no ticket sheet (sheets: 我的台账); set the workbook up first (run deskbook init ${file})`);
    expect(untouched()).toBe(true);
  });
});

describe('deskbook report: which period', () => {
  const demo = tmp('demo.xlsx');
  beforeAll(async () => {
    expect((await cli('demo', '--out', demo, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
  });
  const label = async (kind: string, asOf: string) => JSON.parse((await cli('report', kind, demo, '--as-of', asOf, '--json', '--no-write')).out).period.label;

  it('by default the same as the pane: today; this week from its Friday, else last week; the month or quarter just ended', async () => {
    // 2026-11-25 is a Wednesday, in ISO week 48
    expect(await label('daily', AS_OF)).toBe('2026-11-25');
    expect(await label('weekly', AS_OF)).toBe('2026-W47');
    expect(await label('weekly', '2026-11-27T09:00')).toBe('2026-W48');
    expect(await label('monthly', AS_OF)).toBe('2026-10');
    expect(await label('quarterly', AS_OF)).toBe('2026-Q3');
  });

  it('refuses a period that has not begun: exit 2, one line, the file untouched', async () => {
    const bytes = fs.readFileSync(demo);
    expect(await cli('report', 'monthly', demo, '--period', '2026-12', '--as-of', AS_OF)).toEqual({ code: 2, out: '', err: 'deskbook: 期间“2026-12”尚未开始（截至 2026-11-25 17:30）：请选择已开始的期间' });
    expect((await cli('report', 'daily', demo, '--period', '2026-11-26', '--as-of', AS_OF, '--lang', 'en')).err).toBe(
      'deskbook: the period "2026-11-26" has not begun yet (as of 2026-11-25 17:30): choose one that has',
    );
    expect(fs.readFileSync(demo).equals(bytes)).toBe(true);
  });

  it('says so of a period without any ticket: on the sheet, in the JSON and in the line printed', async () => {
    const file = tmp('empty.xlsx');
    fs.copyFileSync(demo, file);
    const r = await cli('report', 'monthly', file, '--period', '2020-01', '--as-of', AS_OF);
    expect(r).toEqual({ code: 0, out: `已生成「月报 2020-01」并写入 ${file}（本期无工单）`, err: '' });
    const json = JSON.parse((await cli('report', 'monthly', file, '--period', '2020-01', '--as-of', AS_OF, '--json', '--no-write')).out);
    expect([json.empty, json.tickets.received, json.tickets.backlog]).toEqual([true, 0, 0]);
    const [sheet] = await FileWorkbook.open(fs.readFileSync(file)).readSheets(['月报 2020-01']);
    expect(sheet.rows[3][0]).toBe('本期无工单');
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    expect((await cli('report', 'monthly', file, '--period', '2020-01', '--as-of', AS_OF, '--no-write', '--lang', 'en')).out).toBe('built "Monthly 2020-01" (not written) (no tickets in this period)');
    // a period with tickets has no such field
    const october = JSON.parse((await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF, '--json', '--no-write')).out);
    expect('empty' in october).toBe(false);
  });
});
