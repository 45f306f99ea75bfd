// 回访覆盖率 with the calls recorded on callback plan sheets, and a quarterly report's plan progress,
// on the fixture center (fixture.ts). Households: 1-101 1-102 2-201 (出租) 4-401 5-501 6-601; 3-301 is
// vacant. By tickets alone, October's coverage is 1-101 and 5-501: 2 of 6 (tickets.test.ts).
import { PlanRead, PlanRow } from '../../../src/domain/callbackPlan';
import { parsePeriod } from '../../../src/domain/periods';
import { buildReport, reportJson } from '../../../src/domain/report/model';
import { defaultSettings } from '../../../src/domain/settings';
import { wall } from '../../../src/domain/time';
import { CHARGES_READ, CUSTOMERS_READ, TICKETS_READ } from './fixture';

const settings = defaultSettings('zh');
const now = wall(2026, 11, 25, 17, 30);

function row(unit: string, calledAt: number | null): PlanRow {
  return {
    row: 7, unit, building: null, name: null, phone: null, reason: 'spread', lastTicket: null,
    record: { calledAt: calledAt === null ? null : 1, calledBy: null, satisfaction: null, notes: null }, recorded: calledAt !== null, calledAt,
  };
}

const Q4: PlanRead = {
  year: 2026,
  quarter: 4,
  sheet: '回访计划 2026-Q4',
  problems: [],
  rows: [
    row('4-401', wall(2026, 10, 20)), // counts in October: its only callback
    row('1-101', wall(2026, 10, 5)), // already called back by ticket T01: counted once
    row('3-301', wall(2026, 10, 21)), // vacant: not a household
    row('6-601', wall(2026, 11, 3)), // after October's as-of day
    row('1-102', null), // planned, not yet called
  ],
};
const LAST_YEAR: PlanRead = { year: 2025, quarter: 4, sheet: '回访计划 2025-Q4', problems: [], rows: [row('2-201', wall(2025, 12, 30))] };

function report(kind: 'monthly' | 'quarterly', label: string, plans: PlanRead[]) {
  const period = parsePeriod(kind, label, settings)!;
  return buildReport(kind, period, { tickets: TICKETS_READ, charges: CHARGES_READ, customers: CUSTOMERS_READ, plans }, settings, { now, generatedAt: now, lang: 'zh' });
}

describe('回访覆盖率 reads the calls recorded on the plan sheets', () => {
  it('counts a household called back on a plan this year, once, by the as-of day', () => {
    // October (as-of day 10-31): 1-101, 5-501 (tickets) + 4-401 (plan) → 3 of 6; 2-201's call of 2025 is last year's
    expect(report('monthly', '2026-10', [Q4, LAST_YEAR]).callbackCoverage).toEqual({ num: 3, den: 6, rate: 0.5 });
    // November, as of 11-25 17:30: 6-601's call of 11-03 too → 4 of 6
    expect(report('monthly', '2026-11', [Q4, LAST_YEAR]).callbackCoverage).toEqual({ num: 4, den: 6, rate: 4 / 6 });
    // without plan sheets, as before: 2 of 6
    expect(report('monthly', '2026-10', []).callbackCoverage).toEqual({ num: 2, den: 6, rate: 2 / 6 });
  });
});

describe('the quarterly report shows its quarter plan’s progress', () => {
  it('planned households and those called back by the as-of day', () => {
    // Q4 as of 11-25 17:30: 5 on the plan; called by 11-25: 4-401, 1-101, 3-301, 6-601 → 4 of 5
    const m = report('quarterly', '2026-Q4', [Q4, LAST_YEAR]);
    expect(m.callbackPlan).toEqual({ sheet: '回访计划 2026-Q4', planned: 5, called: { num: 4, den: 5, rate: 0.8 } });
    expect(reportJson(m).callbackPlan).toEqual(m.callbackPlan);
  });

  it('is absent without a plan for the quarter, and from other reports', () => {
    const q3 = reportJson(report('quarterly', '2026-Q3', [Q4]));
    expect('callbackPlan' in q3).toBe(false);
    expect('callbackPlan' in reportJson(report('monthly', '2026-10', [Q4]))).toBe(false);
  });
});
