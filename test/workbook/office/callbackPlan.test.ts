// The callback plan over Office.js (through the fake Excel): the plan sheet written in the syncs of a
// report, and read back by the next quarter's plan.
import { runCallbackPlan } from '../../../src/app/callbackPlan';
import { PLAN_HEADER_ROW } from '../../../src/app/callbackPlanSheet';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeContext, WorkbookState } from './fakeExcel';

const DAY = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;

function excel(): { state: WorkbookState; context: FakeContext; wb: OfficeWorkbook } {
  const state = new WorkbookState();
  state.addSheet('客户', [
    ['房号', '楼栋', '状态'],
    ...Array.from({ length: 9 }, (_, i) => [`${1 + (i % 2)}-${101 + i}`, `${1 + (i % 2)}栋`, i === 8 ? '空置' : i % 4 === 3 ? '出租' : '已入住']),
  ]);
  state.addSheet('工单', [
    ['工单号', '受理时间', '类型', '房号'],
    ['T1', DAY(2026, 3, 20), '报修', '2-104'],
  ]);
  const context = new FakeContext(state, { excelApi: 9 });
  const wb = new OfficeWorkbook(context.excel, { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 9 });
  return { state, context, wb };
}

describe('the callback plan over Office.js', () => {
  it('writes the plan sheet, and the next quarter reads it back', async () => {
    const { state, context, wb } = excel();
    const q1Start = context.syncs;
    const q1 = await runCallbackPlan(wb, { quarter: '2026-Q1', asOf: '2026-03-25T09:00', write: true });
    // 8 households (1-109 is vacant): ceil(25 % of 8) = 2; 2-104's repair of 03-20 first
    expect(q1.json.households.map((h) => [h.unit, h.reason])).toEqual([
      ['2-104', 'recent'],
      [expect.any(String), 'spread'],
    ]);
    const grid = state.grid('回访计划 2026-Q1');
    expect(grid[PLAN_HEADER_ROW].slice(0, 2)).toEqual(['房号', '楼栋']);
    expect(grid[PLAN_HEADER_ROW + 1][0]).toBe('2-104');
    const q1Syncs = context.syncs - q1Start;
    const syncs = context.syncs;
    const q2 = await runCallbackPlan(wb, { quarter: '2026-Q2', asOf: '2026-04-02T09:00', write: true });
    expect(q2.json.alreadyPlanned).toBe(2);
    expect(q2.json.households.some((h) => q1.json.households.some((x) => x.unit === h.unit))).toBe(false);
    // list the sheets (1), read the structured ones (2), write the plan like a report (2); Q2 reads Q1's plan too (2)
    expect([q1Syncs, context.syncs - syncs]).toEqual([5, 7]);
  });
});
