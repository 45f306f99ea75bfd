// The callback plan use case: the sheet it writes (either language), what it reads back (the other
// quarters, the calls recorded), a started plan turned down or redone keeping what was recorded, its
// refusals, the quarterly report's progress, and the four-quarter property on generated workbooks.
import fc from 'fast-check';
import { callbackPlanStatus, runCallbackPlan } from '../../src/app/callbackPlan';
import { PLAN_HEADER_ROW } from '../../src/app/callbackPlanSheet';
import { UseCaseProblem } from '../../src/app/problem';
import { runReport } from '../../src/app/report';
import { isGeneratedSheetName, planSheetQuarter } from '../../src/app/reportNames';
import { inspectWorkbook } from '../../src/app/setup';
import { naturalCompare, planQuota, readPlanGrid } from '../../src/domain/callbackPlan';
import type { Cell } from '../../src/domain/grid';
import { wall, wallToSerial } from '../../src/domain/time';
import { FileWorkbook } from '../../src/workbook/file';
import type { Workbook } from '../../src/workbook/types';
import { buildSampleWorkbook } from '../support/sample';
import { MemoryWorkbook } from './memoryWorkbook';

const serial = (y: number, m: number, d: number) => wallToSerial(wall(y, m, d));

interface Unit {
  unit: string;
  building: string | null;
  occupancy: '已入住' | '出租' | '空置' | null;
  moveIn?: number | null;
}

function workbook(units: ReadonlyArray<Unit>, tickets: ReadonlyArray<[unit: string, type: string, received: number]> = [], lang: 'zh' | 'en' = 'zh'): MemoryWorkbook {
  const zh = lang === 'zh';
  return new MemoryWorkbook([
    {
      name: zh ? '客户' : 'Customers',
      rows: [
        zh ? ['房号', '楼栋', '客户姓名', '入住日期', '状态'] : ['Unit', 'Building', 'Name', 'Move-in', 'Occupancy'],
        ...units.map((u): Cell[] => [u.unit, u.building, `户主${u.unit}`, u.moveIn ?? null, u.occupancy]),
      ],
    },
    {
      name: zh ? '工单' : 'Tickets',
      rows: [zh ? ['工单号', '受理时间', '类型', '房号'] : ['Ticket ID', 'Received', 'Type', 'Unit'], ...tickets.map(([unit, type, received], i): Cell[] => [`T${i + 1}`, received, type, unit])],
    },
  ]);
}

async function planSheet(wb: Workbook, name: string) {
  const [grid] = await wb.readSheets([name]);
  return grid;
}

/** Types a call on a plan sheet as a clerk would: the 回访日期, 回访人, 满意度 and 回访意见 of a unit's row. */
async function typeCall(wb: Workbook, sheet: string, unit: string, call: [date: number, by: string, rating: string, notes: string]): Promise<void> {
  const grid = await planSheet(wb, sheet);
  const header = grid.rows[PLAN_HEADER_ROW];
  const rows = grid.rows.map((r) => [...r]);
  const row = rows.find((r) => r[0] === unit);
  if (!row) throw new Error(`${unit} is not on ${sheet}`);
  const zh = ['回访日期', '回访人', '满意度', '回访意见'];
  const en = ['Callback date', 'Callback by', 'Satisfaction', 'Callback notes'];
  zh.forEach((h, i) => (row[header.findIndex((c) => c === h || c === en[i])] = call[i]));
  await wb.writeReport({ name: sheet, rows, styles: rows.map((r) => r.map(() => null)), widths: [] });
}

// 1栋 1-101 … 1-106, 2栋 2-101 … 2-104 (2-104 出租), 2-105 空置: 10 households
const UNITS: Unit[] = [
  ...['1-101', '1-102', '1-103', '1-104', '1-105', '1-106'].map((unit): Unit => ({ unit, building: '1栋', occupancy: '已入住' })),
  ...['2-101', '2-102', '2-103'].map((unit): Unit => ({ unit, building: '2栋', occupancy: '已入住' })),
  { unit: '2-104', building: '2栋', occupancy: '出租' },
  { unit: '2-105', building: '2栋', occupancy: '空置' },
];
const TICKETS: Array<[string, string, number]> = [['2-103', '投诉', serial(2026, 9, 20)]];

describe('the callback plan use case', () => {
  it('writes the quarter of the as-of as 回访计划 2026-Q4, recent complaints first, four columns to record the calls', async () => {
    const wb = workbook(UNITS, TICKETS);
    const r = await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', write: true });
    // Q4 of a year without plans: all 10 households (ceil(10 / 1 quarter left))
    expect(r.json).toMatchObject({ quarter: '2026-Q4', sheet: '回访计划 2026-Q4', occupied: 10, alreadyPlanned: 0, quota: 10, planned: 10 });
    const grid = await planSheet(wb, '回访计划 2026-Q4');
    expect(grid.rows[0][0]).toBe('客户服务中心 回访计划 2026-Q4');
    expect(grid.rows[PLAN_HEADER_ROW]).toEqual(['房号', '楼栋', '客户姓名', '电话', '计划原因', '最近投诉或报修', '回访日期', '回访人', '满意度', '回访意见']);
    // Q4 plans whoever is left: all 10; 2-103 (complaint 09-20) first
    expect(grid.rows[PLAN_HEADER_ROW + 1]).toEqual(['2-103', '2栋', '户主2-103', null, '近 90 天有投诉或报修', serial(2026, 9, 20), null, null, null, null]);
    expect(grid.rows.slice(PLAN_HEADER_ROW + 2).map((row) => row[0])).toEqual(['1-101', '1-102', '1-103', '1-104', '1-105', '1-106', '2-101', '2-102', '2-104']);
  });

  it('plans a quarter given, and reads the other quarters of the year back', async () => {
    const wb = workbook(UNITS, TICKETS);
    const q1 = await runCallbackPlan(wb, { quarter: '2026-Q1', asOf: '2026-01-05T09:00', write: true });
    // ceil(25 % of 10) = 3; no complaint in the 90 days before 01-05
    expect([q1.json.planned, q1.json.households.map((h) => h.reason)]).toEqual([3, ['spread', 'spread', 'spread']]);
    const q2 = await runCallbackPlan(wb, { quarter: '2026-Q2', asOf: '2026-04-05T09:00', write: true });
    expect([q2.json.alreadyPlanned, q2.json.planned]).toEqual([3, 3]);
    expect(q2.json.households.filter((h) => q1.json.households.some((x) => x.unit === h.unit))).toEqual([]);
    // the plan of another year is another year's
    const next = await runCallbackPlan(wb, { quarter: '2027-Q1', asOf: '2027-01-05T09:00' });
    expect(next.json.alreadyPlanned).toBe(0);
  });

  it('makes a plan nobody wrote on again, and the same plan for the same workbook', async () => {
    const wb = workbook(UNITS, TICKETS);
    const first = await runCallbackPlan(wb, { quarter: '2026-Q3', asOf: '2026-07-05T09:00', write: true });
    const again = await runCallbackPlan(wb, { quarter: '2026-Q3', asOf: '2026-07-05T09:00', write: true });
    expect(again.json).toEqual(first.json);
    expect(wb.sheets.filter((s) => s.name.startsWith('回访计划'))).toHaveLength(1);
  });

  it('turns a started plan down; with force keeps the rows with a call recorded and chooses the others again', async () => {
    const wb = workbook(UNITS, TICKETS);
    const first = await runCallbackPlan(wb, { quarter: '2026-Q1', asOf: '2026-01-05T09:00', write: true });
    const called = first.json.households[1].unit;
    const fresh = ['1-106', '1-105'].find((u) => u !== called)!;
    await typeCall(wb, '回访计划 2026-Q1', called, [serial(2026, 1, 9), '小王', '满意', '无意见']);
    const refused = runCallbackPlan(wb, { quarter: '2026-Q1', asOf: '2026-02-05T09:00', write: true });
    await expect(refused).rejects.toThrow(UseCaseProblem);
    await expect(refused).rejects.toMatchObject({ code: 'PLAN_STARTED', params: { sheet: '回访计划 2026-Q1', recorded: 1, planned: 3 } });
    // a complaint since: with force the recorded row stays first, as typed, and the complaint comes next
    wb.sheets.find((s) => s.name === '工单')!.rows.push(['T9', serial(2026, 1, 20), '报修', fresh]);
    const redone = await runCallbackPlan(wb, { quarter: '2026-Q1', asOf: '2026-02-05T09:00', write: true, force: true });
    expect(redone.kept).toBe(1);
    expect(redone.json.households.slice(0, 2)).toEqual([
      { unit: called, building: expect.any(String), reason: 'spread' },
      { unit: fresh, building: '1栋', reason: 'recent' },
    ]);
    expect([redone.json.planned, redone.json.called]).toEqual([3, 1]);
    const row = (await planSheet(wb, '回访计划 2026-Q1')).rows[PLAN_HEADER_ROW + 1];
    expect(row.slice(6)).toEqual([serial(2026, 1, 9), '小王', '满意', '无意见']);
  });

  it('says where the year stands without planning: each quarter\'s calls by the as-of day, and who is still to call', async () => {
    const wb = workbook(UNITS, TICKETS);
    // no plan yet: 10 households, none planned
    const before = await callbackPlanStatus(wb, { asOf: '2026-02-10T09:00' });
    expect(before).toMatchObject({ quarter: '2026-Q1', occupied: 10, plannedThisYear: 0, share: 0.25, quarters: [], current: null });
    const q1 = await runCallbackPlan(wb, { quarter: '2026-Q1', asOf: '2026-01-05T09:00', write: true });
    const [a, b, c] = q1.json.households.map((h) => h.unit);
    // a call on 01-09 and one typed for 02-20 (after the as-of day: not yet counted)
    await typeCall(wb, '回访计划 2026-Q1', a, [serial(2026, 1, 9), '小王', '满意', '']);
    await typeCall(wb, '回访计划 2026-Q1', b, [serial(2026, 2, 20), '小李', '满意', '']);
    const status = await callbackPlanStatus(wb, { asOf: '2026-02-10T09:00' });
    expect(status.quarters).toEqual([{ quarter: '2026-Q1', sheet: '回访计划 2026-Q1', planned: 3, called: 1 }]);
    expect(status.current).toMatchObject({ quarter: '2026-Q1', planned: 3, called: 1 });
    // the plan's rows start under its header: b and c are left, in the plan's order
    expect(status.current!.uncalled.map((h) => [h.unit, h.row])).toEqual([
      [b, PLAN_HEADER_ROW + 3],
      [c, PLAN_HEADER_ROW + 4],
    ]);
    expect(status.plannedThisYear).toBe(3);
    // in Q2 the Q1 plan is the year's, and the current quarter has none yet
    const q2 = await callbackPlanStatus(wb, { asOf: '2026-04-02T09:00' });
    expect([q2.quarter, q2.current, q2.quarters.map((q) => [q.quarter, q.called])]).toEqual(['2026-Q2', null, [['2026-Q1', 2]]]);
    // nothing written
    expect(wb.sheets.map((s) => s.name)).toEqual(['客户', '工单', '回访计划 2026-Q1']);
  });

  it('names the sheet and its columns in English for an English workbook', async () => {
    const wb = workbook(UNITS, [['2-103', 'Complaint', serial(2026, 9, 20)]], 'en');
    const r = await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', write: true });
    expect(r.sheetName).toBe('Callback plan 2026-Q4');
    const grid = await planSheet(wb, 'Callback plan 2026-Q4');
    expect(grid.rows[PLAN_HEADER_ROW]).toEqual(['Unit', 'Building', 'Name', 'Phone', 'Why planned', 'Last complaint or repair', 'Callback date', 'Callback by', 'Satisfaction', 'Callback notes']);
    expect(grid.rows[PLAN_HEADER_ROW + 1].slice(0, 5)).toEqual(['2-103', '2栋', '户主2-103', null, 'Complaint or repair in the last 90 days']);
    // the same quarter planned again with --lang zh keeps the sheet it has
    await typeCall(wb, 'Callback plan 2026-Q4', '2-103', [serial(2026, 10, 9), 'Wang', 'Satisfied', '']);
    const zh = await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', lang: 'zh', write: true, force: true });
    expect([zh.sheetName, wb.sheets.filter((s) => /Callback plan|回访计划/.test(s.name)).length]).toEqual(['Callback plan 2026-Q4', 1]);
  });

  it('is a generated sheet: listed as one, never taken for a clerk\'s register', async () => {
    expect(['回访计划 2026-Q4', 'Callback plan 2027-Q1'].every(isGeneratedSheetName)).toBe(true);
    expect(['回访计划', '回访计划 2026-Q5', '回访计划2026-Q4', 'Callback plan 2026-Q4 (1)', '回访计划 2026-Q4 (0)', '回访计划 2026-Q4(2)'].some(isGeneratedSheetName)).toBe(false);
    expect(planSheetQuarter('Callback plan 2027-Q1')).toEqual({ year: 2027, quarter: 1, lang: 'en' });
    // where a clerk's sheet held the name, the plan went to NAME (2)…: the same quarter
    expect([planSheetQuarter('回访计划 2026-Q4 (2)'), planSheetQuarter('Callback plan 2026-Q1 (12)')]).toEqual([
      { year: 2026, quarter: 4, lang: 'zh' },
      { year: 2026, quarter: 1, lang: 'en' },
    ]);
    const wb = workbook(UNITS, TICKETS);
    await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', write: true });
    const status = await inspectWorkbook(wb);
    expect([status.generatedSheets, status.otherSheets]).toEqual([['回访计划 2026-Q4'], []]);
  });

  it("reads a clerk's own sheet named 回访计划 2026-Q4 (no marker) as no plan, and plans beside it at (2)", async () => {
    const wb = workbook(UNITS, TICKETS);
    const clerks = [['房号', '回访日期', '备注'], ['1-101', serial(2026, 10, 2), '我自己的记录']];
    wb.sheets.push({ name: '回访计划 2026-Q4', rows: clerks.map((r) => [...r]), tables: [] });
    // not a plan: nobody planned, nobody called, the clerk's 1-101 not counted as called
    const before = await callbackPlanStatus(wb, { asOf: '2026-10-08T09:00' });
    expect([before.current, before.quarters, before.plannedThisYear]).toEqual([null, [], 0]);
    expect(await inspectWorkbook(wb)).toMatchObject({ generatedSheets: [], otherSheets: ['回访计划 2026-Q4'] });

    const r = await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', write: true });
    expect([r.sheetName, r.keptSheet, r.json.sheet]).toEqual(['回访计划 2026-Q4 (2)', '回访计划 2026-Q4', '回访计划 2026-Q4 (2)']);
    expect(wb.sheets.find((s) => s.name === '回访计划 2026-Q4')!.rows).toEqual(clerks);
    // the plan's title is the quarter's plan, wherever it stands
    expect((await planSheet(wb, '回访计划 2026-Q4 (2)')).rows[0][0]).toBe('客户服务中心 回访计划 2026-Q4');
    const after = await callbackPlanStatus(wb, { asOf: '2026-10-08T09:00' });
    expect([after.current?.sheet, after.current?.planned]).toEqual(['回访计划 2026-Q4 (2)', r.plan.households.length]);
    expect(await inspectWorkbook(wb)).toMatchObject({ generatedSheets: ['回访计划 2026-Q4 (2)'], otherSheets: ['回访计划 2026-Q4'] });

    // made again: the plan at (2) is this quarter's, replaced where it stands; no (3)
    const again = await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', write: true });
    expect([again.sheetName, wb.sheets.filter((s) => s.name.startsWith('回访计划')).map((s) => s.name)]).toEqual(['回访计划 2026-Q4 (2)', ['回访计划 2026-Q4', '回访计划 2026-Q4 (2)']]);
  });

  it('still reads a plan an earlier version wrote (no marker) when its A1 is the plan\'s title, and no other', async () => {
    const wb = workbook(UNITS, TICKETS);
    const r = await runCallbackPlan(wb, { asOf: '2026-10-08T09:00', write: true });
    wb.generated.clear(); // as a version before the marker wrote it
    const old = await callbackPlanStatus(wb, { asOf: '2026-10-08T09:00' });
    expect([old.current?.sheet, old.current?.planned]).toEqual(['回访计划 2026-Q4', r.plan.households.length]);
    // another A1 (the clerk's own sheet of that name): not a plan
    wb.sheets.find((s) => s.name === '回访计划 2026-Q4')!.rows[0][0] = '我的回访表';
    expect((await callbackPlanStatus(wb, { asOf: '2026-10-08T09:00' })).current).toBeNull();
  });

  it('turns down a workbook without a customer sheet, one without 状态, and a quarter that is none', async () => {
    const none = new MemoryWorkbook([{ name: '工单', rows: [['工单号', '受理时间']] }]);
    await expect(runCallbackPlan(none, { asOf: '2026-10-08T09:00' })).rejects.toMatchObject({ code: 'NO_CUSTOMERS', params: { sheets: ['工单'] } });
    const noStatus = new MemoryWorkbook([{ name: '客户', rows: [['房号', '楼栋'], ['1-101', '1栋']] }]);
    await expect(runCallbackPlan(noStatus, { asOf: '2026-10-08T09:00' })).rejects.toMatchObject({ code: 'MISSING_COLUMNS', params: { sheet: '客户', columns: ['状态'] } });
    await expect(runCallbackPlan(workbook(UNITS), { quarter: '2026-Q5', asOf: '2026-10-08T09:00' })).rejects.toMatchObject({ code: 'BAD_PERIOD' });
    await expect(runCallbackPlan(workbook(UNITS), { asOf: 'tomorrow' })).rejects.toMatchObject({ code: 'BAD_AS_OF' });
  });
});

describe('the quarterly report and 回访覆盖率 read the plan back', () => {
  const AS_OF = '2026-11-25T17:30:00';
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = (await buildSampleWorkbook({ asOf: AS_OF, plant: false })).toBytes();
  });

  it('shows the quarter plan’s progress as of the report, and counts its calls in the coverage', async () => {
    const wb = FileWorkbook.open(sample);
    const before = await runReport(wb, { kind: 'quarterly', period: '2026-Q3', asOf: AS_OF });
    expect('callbackPlan' in before.json).toBe(false);
    const plan = await runCallbackPlan(wb, { quarter: '2026-Q3', asOf: '2026-07-03T09:00', write: true });
    const [a, b, c] = plan.json.households.map((h) => h.unit);
    await typeCall(wb, plan.sheetName, a, [serial(2026, 8, 3), '小王', '满意', '']);
    await typeCall(wb, plan.sheetName, b, [serial(2026, 9, 30), '小李', '基本满意', '']);
    await typeCall(wb, plan.sheetName, c, [serial(2026, 10, 2), '小李', '满意', '']); // after the Q3 report's as-of day (09-30)
    const after = await runReport(wb, { kind: 'quarterly', period: '2026-Q3', asOf: AS_OF, write: true });
    expect(after.json.callbackPlan).toEqual({ sheet: '回访计划 2026-Q3', planned: plan.json.planned, called: { num: 2, den: plan.json.planned, rate: 2 / plan.json.planned } });
    const [sheet] = await wb.readSheets(['季报 2026-Q3']);
    expect(sheet.rows.find((r) => r[0] === '回访计划 2026-Q3')?.slice(0, 4)).toEqual(['回访计划 2026-Q3', plan.json.planned, 2, 2 / plan.json.planned]);
    // a household counts once: the two calls by 09-30 add those no ticket of theirs was called back
    // for in 2026 before 10-01 (read from the ticket sheet's 房号 and 回访时间 here)
    const [tickets] = await wb.readSheets(['工单']);
    const [unitAt, callbackAt] = ['房号', '回访时间'].map((h) => tickets.rows[0].indexOf(h));
    const byTicket = new Set(
      tickets.rows.slice(1).flatMap((r) => (typeof r[callbackAt] === 'number' && (r[callbackAt] as number) >= serial(2026, 1, 1) && (r[callbackAt] as number) < serial(2026, 10, 1) ? [r[unitAt]] : [])),
    );
    expect(after.json.callbackCoverage.num - before.json.callbackCoverage.num).toBe([a, b].filter((u) => !byTicket.has(u)).length);
    expect(after.json.callbackCoverage.den).toBe(before.json.callbackCoverage.den);
    // another quarter's report has no progress; a monthly report neither
    expect('callbackPlan' in (await runReport(wb, { kind: 'quarterly', period: '2026-Q2', asOf: AS_OF })).json).toBe(false);
    expect('callbackPlan' in (await runReport(wb, { kind: 'monthly', period: '2026-09', asOf: AS_OF })).json).toBe(false);
  });
});

// ---- the four quarters, on generated workbooks --------------------------------------------------

const arbUnit = fc.record({
  building: fc.integer({ min: 1, max: 4 }),
  occupancy: fc.constantFrom<Unit['occupancy']>('已入住', '已入住', '已入住', '出租', '空置', null),
  // moved in long ago, in the year (mid-year), or not yet this year
  moveIn: fc.oneof(fc.constant(null), fc.constant(serial(2019, 3, 1)), fc.integer({ min: 0, max: 364 }).map((d) => serial(2026, 1, 1) + d), fc.constant(serial(2027, 2, 1))),
});

const arbCase = fc.record({
  units: fc.array(arbUnit, { minLength: 0, maxLength: 90 }),
  share: fc.constantFrom(0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 1),
  // the day of each quarter the plan is made
  days: fc.tuple(fc.integer({ min: 0, max: 89 }), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 91 }), fc.integer({ min: 0, max: 91 })),
  tickets: fc.array(fc.tuple(fc.nat(), fc.constantFrom('投诉', '报修', '咨询'), fc.integer({ min: 0, max: 364 })), { maxLength: 40 }),
});

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

describe('over four quarters', () => {
  it('plans every household exactly once, whatever the size, the share and the move-ins', async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, async ({ units, share, days, tickets }) => {
        const register: Unit[] = units.map((u, i) => ({ unit: `${u.building}-${101 + i}`, building: `${u.building}栋`, occupancy: u.occupancy, moveIn: u.moveIn }));
        const wb = workbook(
          register,
          tickets.flatMap(([n, type, d]) => (register.length ? [[register[n % register.length].unit, type, serial(2026, 1, 1) + d] as [string, string, number]] : [])),
        );
        wb.sheets.push({ name: '设置', rows: [['参数', '值'], ['每季回访比例', `${share * 100}%`]], tables: [] });
        const starts = [serial(2026, 1, 1), serial(2026, 4, 1), serial(2026, 7, 1), serial(2026, 10, 1)];
        const planned: string[] = [];
        let households = 0;
        for (let q = 1; q <= 4; q++) {
          const day = starts[q - 1] + days[q - 1];
          const asOf = `${new Date((day - 25569) * 86_400_000).toISOString().slice(0, 10)}T09:00`;
          const r = await runCallbackPlan(wb, { quarter: `2026-Q${q}`, asOf, write: true });
          // the quota, from what the plan saw
          expect(r.json.planned).toBe(planQuota(r.plan.share, r.json.occupied, r.json.occupied - r.json.alreadyPlanned, q));
          expect(r.json.alreadyPlanned).toBe(r.json.occupied - r.plan.remaining);
          planned.push(...r.json.households.map((h) => h.unit));
          households = r.json.occupied;
        }
        // what the four sheets say, read back
        const sheets = await wb.readSheets(['回访计划 2026-Q1', '回访计划 2026-Q2', '回访计划 2026-Q3', '回访计划 2026-Q4']);
        const onSheets = sheets.flatMap((g) => readPlanGrid(g, { year: 2026, quarter: 1 }, 'zh').rows.map((r) => r.unit));
        expect([...onSheets].sort(naturalCompare)).toEqual([...planned].sort(naturalCompare));
        // no household twice, and every household of Q4's day planned
        expect(new Set(planned).size).toBe(planned.length);
        const q4Day = starts[3] + days[3];
        const expected = register
          .filter((u) => (u.occupancy === '已入住' || u.occupancy === '出租') && (u.moveIn == null || u.moveIn <= q4Day))
          .map((u) => u.unit);
        expect([...planned].sort(naturalCompare)).toEqual(expected.sort(naturalCompare));
        expect(households).toBe(expected.length);
      }),
      {
        numRuns: 60,
        seed: 20261,
        // besides the random ones: 1, 6, 13 and 37 units (none a multiple of 4), a third of them moving in mid-year
        examples: [1, 6, 13, 37].map((n): [Case] => [
          {
            units: Array.from({ length: n }, (_, i) => ({ building: 1 + (i % 3), occupancy: i % 7 === 6 ? '空置' : '已入住', moveIn: i % 3 === 1 ? serial(2026, 1, 1) + ((i * 53) % 365) : null })),
            share: 0.25,
            days: [4, 2, 5, 7],
            tickets: [],
          },
        ]),
      },
    );
  });
});
