// The quarterly callback plan on small registers whose every row is shown: who is a household, the
// quota, recent complaints and repairs first, the rest spread over buildings, households planned in
// other quarters left out, kept rows, and a plan sheet read back.
import { apportion, naturalCompare, planCallbacks, PlanInput, planJson, planProgress, planQuota, PlanRead, PlanRow, readPlanGrid } from '../../src/domain/callbackPlan';
import type { Cell } from '../../src/domain/grid';
import { householdsOn } from '../../src/domain/households';
import { CustomerFacts, TicketFacts } from '../../src/domain/records';
import { wall, wallToSerial } from '../../src/domain/time';

type Occ = CustomerFacts['occupancy'];

function customer(unit: string, building: string | null, occupancy: Occ, moveInDate: number | null = null, row = 2): CustomerFacts {
  return { row, unit, building, occupancy, moveInDate, name: `户主${unit}`, phone: null };
}

function ticket(unit: string, type: TicketFacts['type'], receivedAt: number): TicketFacts {
  return {
    row: 2, id: '', receivedAt, channel: 'phone', type, typeLabel: null, channelLabel: null, category: null, department: null, unit, priority: null, status: 'resolved',
    firstResponseAt: null, agreedDueAt: null, holdStartAt: null, holdEndAt: null, resolvedAt: null, callbackAt: null, satisfaction: null, complaintValid: null,
  };
}

function planRow(unit: string, over: Partial<PlanRow> = {}): PlanRow {
  return {
    row: 7, unit, building: null, name: null, phone: null, reason: 'spread', lastTicket: null,
    record: { calledAt: null, calledBy: null, satisfaction: null, notes: null }, recorded: false, calledAt: null, ...over,
  };
}

function sheetOf(quarter: number, units: string[]): PlanRead {
  return { year: 2026, quarter, sheet: `回访计划 2026-Q${quarter}`, rows: units.map((u) => planRow(u)), problems: [] };
}

const AS_OF = wall(2026, 1, 10, 9, 0);
const DAY = 86_400_000;

// 1栋: 1-101 … 1-108 (1-108 出租) · 2栋: 2-101 … 2-104 · 2-105 空置 · 2-106 moves in on 02-01 · 2-107 no 状态
const REGISTER: CustomerFacts[] = [
  ...['1-101', '1-102', '1-103', '1-104', '1-105', '1-106', '1-107'].map((u) => customer(u, '1栋', 'occupied')),
  customer('1-108', '1栋', 'let'),
  ...['2-101', '2-102', '2-103', '2-104'].map((u) => customer(u, '2栋', 'occupied', wall(2020, 5, 1))),
  customer('2-105', '2栋', 'vacant'),
  customer('2-106', '2栋', 'occupied', wall(2026, 2, 1)),
  customer('2-107', '2栋', null),
];

const TICKETS: TicketFacts[] = [
  ticket('2-102', 'repair', AS_OF - 10 * DAY), // recent, the latest
  ticket('1-103', 'complaint', AS_OF - 30 * DAY), // recent
  ticket('1-105', 'inquiry', AS_OF - 5 * DAY), // an inquiry: not a reason
  ticket('1-106', 'complaint', AS_OF - 90 * DAY), // exactly 90 days before: out (the 90 days up to as-of)
  ticket('1-107', 'complaint', AS_OF + 60_000), // after the as-of
  ticket('2-105', 'complaint', AS_OF - 2 * DAY), // a vacant unit: no household
];

function plan(over: Partial<PlanInput> = {}) {
  return planCallbacks({ year: 2026, quarter: 1, asOf: AS_OF, share: 0.25, customers: REGISTER, tickets: TICKETS, otherPlans: [], kept: [], ...over });
}

describe('households', () => {
  it('are the occupied and let units moved in by the day, once each', () => {
    // 1-101…1-108 (1-108 let), 2-101…2-104; not 2-105 (vacant), 2-106 (moves in 02-01), 2-107 (no 状态)
    expect(householdsOn(REGISTER, wall(2026, 1, 10)).map((c) => c.unit)).toEqual(['1-101', '1-102', '1-103', '1-104', '1-105', '1-106', '1-107', '1-108', '2-101', '2-102', '2-103', '2-104']);
    // on the day of moving in, 2-106 is one
    expect(householdsOn(REGISTER, wall(2026, 2, 1)).map((c) => c.unit)).toContain('2-106');
  });

  it('count a unit listed twice once, when one of its rows is a household', () => {
    const twice = [customer('3-101', '3栋', 'vacant', null, 2), customer('3-101', '3栋', 'let', null, 3), customer('3-101', '3栋', 'occupied', null, 4)];
    expect(householdsOn(twice, AS_OF).map((c) => [c.unit, c.row])).toEqual([['3-101', 3]]);
  });
});

describe('the quota', () => {
  it('is ceil(share × households), raised so that the households left are planned by Q4', () => {
    // 10 households at 25 %: ceil(2.5) = 3 each quarter while 3 or more remain, then the rest
    expect([planQuota(0.25, 10, 10, 1), planQuota(0.25, 10, 7, 2), planQuota(0.25, 10, 4, 3), planQuota(0.25, 10, 1, 4)]).toEqual([3, 3, 3, 1]);
    // 20 % of 10 is 2, but 10 left over 4 quarters needs ceil(10 / 4) = 3
    expect(planQuota(0.2, 10, 10, 1)).toBe(3);
    // Q3 with 9 of 12 left: 25 % is 3, 9 over 2 quarters needs 5
    expect(planQuota(0.25, 12, 9, 3)).toBe(5);
    // Q4 plans whoever is left
    expect(planQuota(0.25, 12, 7, 4)).toBe(7);
    // a share of 10 % of 30 is 3 (0.1 × 30 is 3.0000000000000004 in floating point)
    expect(planQuota(0.1, 30, 1, 4)).toBe(1);
    expect(planQuota(0.1, 30, 30, 1)).toBe(8); // ceil(30 / 4) = 8 > 3
    expect(planQuota(0.1, 30, 12, 1)).toBe(3);
    // never more than remain
    expect(planQuota(0.5, 10, 2, 2)).toBe(2);
    expect(planQuota(0.25, 0, 0, 1)).toBe(0);
  });
});

describe('apportioning seats over buildings', () => {
  it('gives each its share of the total, largest remainders first', () => {
    // 5 of 20: 8 → 2, 8 → 2, 4 → 1
    expect(apportion(5, [8, 8, 4])).toEqual([2, 2, 1]);
    // 3 of 9: 1.67, 1, 0.33 → floors 1, 1, 0; the one left to the largest remainder (0.67)
    expect(apportion(3, [5, 3, 1])).toEqual([2, 1, 0]);
    // equal remainders: the larger group, then the earlier one
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(1, [2, 3])).toEqual([0, 1]);
    expect(apportion(0, [4, 4])).toEqual([0, 0]);
    expect(apportion(6, [4, 2])).toEqual([4, 2]);
  });
});

describe('unit order', () => {
  it('counts numbers as numbers', () => {
    expect(['1-1001', '10-101', '1-902', '2-101', '10栋', '2栋'].sort(naturalCompare)).toEqual(['1-902', '1-1001', '2-101', '2栋', '10-101', '10栋']);
  });
});

describe('a quarter plan', () => {
  it('plans recent complaints and repairs first, the most recent first, then spreads the rest', () => {
    const p = plan();
    // 12 households, Q1 at 25 %: ceil(3) = 3
    expect([p.occupied, p.alreadyPlanned, p.remaining, p.quota]).toEqual([12, 0, 12, 3]);
    // 2-102 (repair 10 days ago), 1-103 (complaint 30 days ago); 1-105's inquiry, 1-106's complaint
    // 90 days before, 1-107's after the as-of and vacant 2-105's do not count
    expect(p.households.slice(0, 2).map((h) => [h.unit, h.reason, h.lastTicket])).toEqual([
      ['2-102', 'recent', AS_OF - 10 * DAY],
      ['1-103', 'recent', AS_OF - 30 * DAY],
    ]);
    // one seat left for 1栋's 7 others and 2栋's 3: 0.7 and 0.3 → 1栋
    expect(p.households[2]).toMatchObject({ building: '1栋', reason: 'spread', lastTicket: null });
    expect(['1-101', '1-102', '1-104', '1-105', '1-106', '1-107', '1-108']).toContain(p.households[2].unit);
  });

  it('takes the most recent when more had complaints or repairs than the quota', () => {
    const many = ['1-101', '1-102', '1-104', '2-101', '2-103'].map((u, i) => ticket(u, 'complaint', AS_OF - (i + 1) * DAY));
    const p = plan({ tickets: many });
    expect(p.households.map((h) => [h.unit, h.reason])).toEqual([
      ['1-101', 'recent'],
      ['1-102', 'recent'],
      ['1-104', 'recent'],
    ]);
  });

  it('spreads over the buildings in proportion to what each has left', () => {
    // 3栋 8, 4栋 8, 5栋 4 households, none recent; 5 of 20 planned (Q1, 25 %): 2, 2, 1
    const register = [
      ...Array.from({ length: 8 }, (_, i) => customer(`3-${101 + i}`, '3栋', 'occupied')),
      ...Array.from({ length: 8 }, (_, i) => customer(`4-${101 + i}`, '4栋', 'let')),
      ...Array.from({ length: 4 }, (_, i) => customer(`5-${101 + i}`, '5栋', 'occupied')),
    ];
    const p = plan({ customers: register, tickets: [] });
    expect(p.quota).toBe(5);
    expect(p.households.map((h) => h.building)).toEqual(['3栋', '3栋', '4栋', '4栋', '5栋']);
    // in each building by unit, as a clerk walks it
    const units = p.households.map((h) => h.unit);
    expect(units.slice(0, 2)).toEqual([...units.slice(0, 2)].sort(naturalCompare));
  });

  it('leaves out the households already on another quarter of the year, and plans the rest by Q4', () => {
    // Q1 had 2-102 1-103 1-101; Q2 had 1-102 1-104 1-105
    const others = [sheetOf(1, ['2-102', '1-103', '1-101']), sheetOf(2, ['1-102', '1-104', '1-105'])];
    const q3 = plan({ quarter: 3, otherPlans: others });
    // 12 households, 6 already planned, 6 left over 2 quarters: max(3, 3) = 3; 2-102's repair is no reason now
    expect([q3.alreadyPlanned, q3.remaining, q3.quota]).toEqual([6, 6, 3]);
    expect(q3.households.every((h) => !['2-102', '1-103', '1-101', '1-102', '1-104', '1-105'].includes(h.unit))).toBe(true);
    const q4 = plan({ quarter: 4, otherPlans: [...others, sheetOf(3, q3.households.map((h) => h.unit))] });
    expect(q4.quota).toBe(3);
    const all = [...others.flatMap((s) => s.rows.map((r) => r.unit)), ...q3.households.map((h) => h.unit), ...q4.households.map((h) => h.unit)];
    expect([...all].sort(naturalCompare)).toEqual(householdsOn(REGISTER, AS_OF).map((c) => c.unit));
  });

  it('keeps the rows given to keep, first and counted in the quota', () => {
    const record = { calledAt: wallToSerial(wall(2026, 1, 8)), calledBy: '小王', satisfaction: '满意', notes: '电梯维修及时' };
    const kept = [planRow('1-106', { recorded: true, record, calledAt: wall(2026, 1, 8), building: '1栋' })];
    const p = plan({ kept });
    expect(p.households.map((h) => h.unit)).toEqual(['1-106', '2-102', '1-103']);
    expect(p.households[0].record).toEqual(record);
    expect(planJson(p)).toMatchObject({ quarter: '2026-Q1', occupied: 12, planned: 3, called: 1 });
  });

  it('plans nobody when every household is planned', () => {
    const everyone = householdsOn(REGISTER, AS_OF).map((c) => c.unit);
    const p = plan({ quarter: 2, otherPlans: [sheetOf(1, everyone)] });
    expect([p.remaining, p.quota, p.households.length]).toEqual([0, 0, 0]);
  });

  it('is the same plan for the same workbook', () => {
    expect(plan()).toEqual(plan());
    const spread = (year: number) => planCallbacks({ year, quarter: 1, asOf: AS_OF, share: 0.5, customers: REGISTER, tickets: [], otherPlans: [], kept: [] }).households.map((h) => h.unit);
    expect(spread(2026)).toEqual(spread(2026));
  });

  it('groups a blank 楼栋 as one building', () => {
    const p = plan({ customers: [customer('9-1', null, 'occupied'), customer('9-2', null, 'occupied')], tickets: [], quarter: 4 });
    expect(p.households.map((h) => [h.unit, h.building])).toEqual([
      ['9-1', null],
      ['9-2', null],
    ]);
  });
});

describe('a plan sheet read back', () => {
  const day = (y: number, m: number, d: number) => wallToSerial(wall(y, m, d));
  const grid = (rows: Cell[][]) => ({ name: '回访计划 2026-Q4', originRow: 0, originCol: 0, rows });
  const HEAD = ['房号', '楼栋', '客户姓名', '电话', '计划原因', '最近投诉或报修', '回访日期', '回访人', '满意度', '回访意见'];

  it('finds the header under the title rows and reads each row with a 房号', () => {
    const read = readPlanGrid(
      grid([
        ['翠湖苑 回访计划 2026-Q4'],
        ['季度 …'],
        [],
        HEAD,
        ['1-101', '1栋', '张三', '13800000000', '近 90 天有投诉或报修', day(2026, 9, 30), day(2026, 10, 8), '小王', '满意', '很好'],
        ['1-102', '1栋', null, null, '按楼栋均衡抽取', null, null, null, null, null],
        [null, null, null, null, null, null, null, null, null, null],
        ['1-103', '1栋', null, null, null, null, null, null, null, '电话没人接'],
        ['1-104', '1栋', null, null, '按楼栋均衡抽取', null, '10月9日', null, '很满意', null],
      ]),
      { year: 2026, quarter: 4 },
      'zh',
    );
    expect(read.rows.map((r) => [r.row, r.unit, r.reason, r.recorded, r.calledAt])).toEqual([
      [5, '1-101', 'recent', true, wall(2026, 10, 8)],
      [6, '1-102', 'spread', false, null],
      [8, '1-103', 'spread', true, null], // a note without a date: started, not yet called back
      [9, '1-104', 'spread', true, null], // '10月9日' is no date it can read
    ]);
    expect(read.rows[0]).toMatchObject({ building: '1栋', name: '张三', lastTicket: wall(2026, 9, 30) });
    // the record's cells are kept as typed
    expect(read.rows[3].record).toEqual({ calledAt: '10月9日', calledBy: null, satisfaction: '很满意', notes: null });
    expect(read.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [9, '回访日期', 'CELL_WRONG_TYPE'],
      [9, '满意度', 'CELL_WRONG_TYPE'],
    ]);
    // progress at the end of 10-08: 4 planned, 1 called back
    expect(planProgress(read, wall(2026, 10, 8))).toEqual({ planned: 4, called: 1 });
    expect(planProgress(read, wall(2026, 10, 7))).toEqual({ planned: 4, called: 0 });
  });

  it('reads English headers in another order, and the clerk\'s own columns are ignored', () => {
    const read = readPlanGrid(
      grid([
        ['Callback date', 'My column', 'Unit', 'Why planned'],
        [day(2026, 11, 2), 'x', '3-201', 'Complaint or repair in the last 90 days'],
      ]),
      { year: 2026, quarter: 4 },
      'en',
    );
    expect(read.rows.map((r) => [r.unit, r.reason, r.calledAt])).toEqual([['3-201', 'recent', wall(2026, 11, 2)]]);
  });

  it('says when the sheet has no header row', () => {
    const read = readPlanGrid(grid([['hello'], ['1-101']]), { year: 2026, quarter: 4 }, 'zh');
    expect(read.rows).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['SHEET_NO_HEADER']);
  });
});
