// The ticket KPIs of the October 2026 monthly report on the fixture center (fixture.ts, every row
// shown there). As-of = 2026-11-01 00:00 (the month's end; "now" is 11-25). Calendar-hours clock;
// SLAs: response 24 h; complaint 72 h, repair urgent 24 / high 48 / normal 72, inquiry 24, suggestion 168.
import { parsePeriod } from '../../../src/domain/periods';
import { buildReport, ReportModel } from '../../../src/domain/report/model';
import { defaultSettings } from '../../../src/domain/settings';
import { wall } from '../../../src/domain/time';
import { TICKET_KPIS } from '../../../src/domain/kpi';
import { CHARGES_READ, CUSTOMERS_READ, tickets, TICKETS_READ } from './fixture';

const settings = defaultSettings('zh');
const now = wall(2026, 11, 25, 17, 30);
const october = parsePeriod('monthly', '2026-10', settings)!;

function report(data = { tickets: TICKETS_READ, charges: CHARGES_READ, customers: CUSTOMERS_READ }, period = october): ReportModel {
  return buildReport(period.kind, period, data, settings, { now, generatedAt: now, lang: 'zh' });
}

describe('monthly report, October 2026: ticket KPIs', () => {
  const m = report();

  it('is as of the end of October', () => {
    expect(m.asOf).toBe(wall(2026, 11, 1));
  });

  it('counts tickets received in October', () => {
    // T01–T16, T21 (10-31 23:59), T22, T24 (10-01 00:00); not T17–T19, T23 (September), T20 (November)
    expect(m.tickets.received).toBe(19);
  });

  it('breaks received tickets down by type, category, department and channel as written', () => {
    // 投诉 T01 T02 T03 T13 T14 T15 T16 · 报修 T04 T05 T06 T07 T22 · 咨询 T08 T09 T10 T21 · 建议 T11 T24 · 表扬 T12
    expect(m.tickets.byType).toEqual({ 投诉: 7, 报修: 5, 咨询: 4, 建议: 2, 表扬: 1 });
    // 来电 14 · 来访 T03 T12 · 网络 T05 · 来函 T11 · 电邮 T14
    expect(m.tickets.byChannel).toEqual({ 来电: 14, 来访: 2, 来函: 1, 电邮: 1, 网络: 1, 其他: 0 });
    expect(m.tickets.byCategory).toEqual({ 维修: 5, 保洁: 1, 安保: 0, 绿化: 1, 停车: 3, 收费: 3, 噪音: 3, 服务态度: 1, 其他: 2 });
    // 环境部 T01 T02 T11 T14 T15 · 安全部 T03 T16 T24 · 工程部 T04–T07 T22 · 财务部 T08 T10 T13 · 客服部 T09 T12 T21
    expect(m.tickets.byDepartment).toEqual({ 客服部: 3, 工程部: 5, 环境部: 5, 安全部: 3, 财务部: 3 });
  });

  it('crosses type and category', () => {
    expect(m.tickets.typeByCategory['投诉']).toMatchObject({ 噪音: 3, 停车: 2, 收费: 1, 保洁: 1, 维修: 0 });
    expect(m.tickets.typeByCategory['报修']).toMatchObject({ 维修: 5 });
    expect(m.tickets.typeByCategory['建议']).toMatchObject({ 绿化: 1, 停车: 1 });
  });

  it('counts every ticket resolved in October, whatever its type or status', () => {
    // T01 T02 T03 T04 T05 T08 T11 T12(praise) T13(rejected) T14 T15 T17(Sept ticket) T22 T23(Sept ticket) = 14;
    // not T21 (resolved 11-01 09:00)
    expect(m.tickets.resolved).toBe(14);
  });

  it('counts the backlog at the end of October', () => {
    // received by 11-01 00:00, not resolved by then, not rejected: T06 T07 T09 T10 T16 T19 T21 T24
    expect(m.tickets.backlog).toBe(8);
  });

  it('breaks resolved and backlog down by type (the daily tally)', () => {
    // resolved: 投诉 T01 T02 T03 T13 T14 T15 · 报修 T04 T05 T17 T22 · 咨询 T08 T23 · 建议 T11 · 表扬 T12
    expect(m.tickets.resolvedByType).toEqual({ 投诉: 6, 报修: 4, 咨询: 2, 建议: 1, 表扬: 1 });
    // backlog: 投诉 T16 · 报修 T06 T07 T19 · 咨询 T09 T10 T21 · 建议 T24
    expect(m.tickets.backlogByType).toEqual({ 投诉: 1, 报修: 3, 咨询: 3, 建议: 1, 表扬: 0 });
  });

  it('rates on-time response among tickets whose response is due', () => {
    // population: received in October, not praise (T12), responded by as-of or deadline by as-of:
    // T01 T02 T03 T04 T05 T06 T07 T08 T09 T11 T13 T14 T15 T16 T22 T24 = 16
    // (T10: deadline 11-01 20:00, not yet due; T21: responded 11-01 00:30 after as-of, deadline 11-01 23:59)
    // late: T03 (25 h), T09 (no response, due 10-31 10:00); T02 responded at exactly 24 h: on time
    // 14 on time of 16 = 87.5%
    expect(m.tickets.onTimeResponse).toEqual({ num: 14, den: 16, rate: 0.875 });
  });

  it('rates on-time resolution among tickets whose resolution is due, rejected and praise excluded', () => {
    // T01 ✓ · T02 ✓ exactly at 72 h · T03 ✗ 96 h · T04 ✓ 23 h of 24 · T05 ✓ (hold moves 10-18 10:00 to 10-21 10:00)
    // T06 ✗ open past 10-22 09:00 · T08 ✓ · T09 ✗ open past 10-31 10:00 · T11 ✓ · T14 ✗ agreed 10-18 12:00, done 13:00
    // T15 ✓ · T16 ✗ · T22 ✗ 96 h of 72 · T24 ✗ open past 10-08 00:00
    // out: T07 (hold open at as-of), T10 and T21 (not yet due), T12 praise, T13 rejected
    // 7 on time of 14 = 50%
    expect(m.tickets.onTimeResolution).toEqual({ num: 7, den: 14, rate: 0.5 });
  });

  it('gives resolution hours of the tickets resolved in October, minus hold', () => {
    // T01 48 · T02 72 · T03 96 · T04 23 · T05 120−72 = 48 · T08 18 · T11 120 · T12 1 · T13 24
    // T14 52−24 = 28 · T15 48 · T17 312 · T22 96 · T23 10; sum 944 over 14
    // sorted: 1 10 18 23 24 28 48 48 48 72 96 96 120 312 → median (48+48)/2; p90 rank ⌈12.6⌉ = 13 → 120
    expect(m.tickets.resolutionHours.mean).toBeCloseTo(944 / 14, 10);
    expect(m.tickets.resolutionHours.median).toBe(48);
    expect(m.tickets.resolutionHours.p90).toBe(120);
  });

  it('rates callbacks of complaints and repairs resolved in October, rejected included', () => {
    // resolved: T01 ✓ T02 ✓ T03 ✗ T04 ✓ T05 ✓ T13 ✗ (rejected) T14 ✗ T15 ✓ T17 ✓ T22 ✓ → 7 of 10
    expect(m.tickets.callbackRate).toEqual({ num: 7, den: 10, rate: 0.7 });
  });

  it('rates satisfaction among October callbacks with a rating', () => {
    // T01 满意 · T02 基本满意 · T04 不满意 · T05 满意 · T11 满意 · T15 满意 · T17 基本满意; T22 no rating
    // 6 of 7
    expect(m.tickets.satisfaction).toEqual({ num: 6, den: 7, rate: 6 / 7 });
  });

  it('rates valid complaints among complaints with the field filled', () => {
    // T01 是 · T02 是 · T03 否 · T13 否 · T14 是 · T15 是; T16 empty → 4 of 6
    expect(m.tickets.validComplaintRate).toEqual({ num: 4, den: 6, rate: 4 / 6 });
  });

  it('finds repeat complaints: same unit and category within 30 days, counting an earlier month', () => {
    // 1-101 噪音: T01 (T18 on 09-25 is 7 days earlier), T02 (T01), T15 (T02, 19 days) → 3
    // 2-201 停车: T16 (T03, 13 days) → 1
    expect(m.tickets.repeatComplaints).toEqual([
      { unit: '1-101', category: '噪音', count: 3 },
      { unit: '2-201', category: '停车', count: 1 },
    ]);
    expect(m.tickets.repeatComplaintUnits).toBe(2);
  });

  it('lists the open tickets and the overdue ones, most late first, hours on the center clock', () => {
    // open: T06 T07 T09 T10 T16 T19 T21 T24; late at 11-01 00:00:
    // T19 resolution due 09-30 15:00 → 753 h · T24 due 10-08 00:00 → 576 h · T06 due 10-22 09:00 → 231 h
    // T16 due 10-26 09:00 → 135 h · T09 response due 10-31 10:00 → 14 h
    expect(m.open.map((e) => e.id).sort()).toEqual(['T06', 'T07', 'T09', 'T10', 'T16', 'T19', 'T21', 'T24']);
    expect(m.overdue.map((e) => [e.id, e.hoursLate, e.deadlineFor])).toEqual([
      ['T19', 753, 'resolution'],
      ['T24', 576, 'resolution'],
      ['T06', 231, 'resolution'],
      ['T16', 135, 'resolution'],
      ['T09', 14, 'response'],
    ]);
    const t07 = m.open.find((e) => e.id === 'T07')!;
    expect(t07).toMatchObject({ onHold: true, deadline: null, hoursLate: null, status: '挂起' });
  });

  it('puts September beside October (环比), as of September\'s end', () => {
    const p = m.previous;
    expect(p.period.label).toBe('2026-09');
    expect(p.asOf).toBe(wall(2026, 10, 1));
    // received T17 T18 T19 T23 · resolved T18 · backlog T17 T19 T23
    expect(p.tickets.received).toBe(4);
    expect(p.tickets.resolved).toBe(1);
    expect(p.tickets.backlog).toBe(3);
    // response: T17 T18 T19 on time; T23 responded 10-01 08:00, after as-of, and not yet due → 3 of 3
    expect(p.tickets.onTimeResponse).toEqual({ num: 3, den: 3, rate: 1 });
    // resolution: T17 ✗ (due 09-23, open at as-of) · T18 ✓ · T19 ✗ (due 09-30 15:00); T23 not yet due → 1 of 3
    expect(p.tickets.onTimeResolution).toEqual({ num: 1, den: 3, rate: 1 / 3 });
    expect(p.tickets.callbackRate).toEqual({ num: 1, den: 1, rate: 1 });
    expect(p.tickets.satisfaction).toEqual({ num: 1, den: 1, rate: 1 });
    expect(p.tickets.resolutionHours).toEqual({ mean: 48, median: 48, p90: 48 });
    expect(p.tickets.repeatComplaints).toEqual([]);
  });

  it('covers the households (occupied and let) called back this year', () => {
    // households: 1-101 1-102 2-201 (出租) 4-401 5-501 6-601, not 3-301 (空置);
    // called back in 2026 by as-of: 1-101 (T01…), 5-501 (T11); 2-201's complaints have no callback → 2 of 6
    expect(m.callbackCoverage).toEqual({ num: 2, den: 6, rate: 2 / 6 });
    // by 10-01 00:00 only 1-101 (T18 on 09-28) → 1 of 6
    expect(m.previous.callbackCoverage).toEqual({ num: 1, den: 6, rate: 1 / 6 });
  });

  it('draws the trend of the last 12 months ending with October', () => {
    expect(m.trend.map((p) => p.label)).toEqual([
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10',
    ]);
    expect(m.trend[11]).toMatchObject({ received: 19, resolved: 14, onTimeResolution: { num: 7, den: 14 } });
    expect(m.trend[10]).toMatchObject({ received: 4, resolved: 1 });
    expect(m.trend[0]).toMatchObject({ received: 0, resolved: 0, onTimeResolution: { num: 0, den: 0, rate: null } });
  });
});

describe('edge cases', () => {
  it('gives an empty period counts of 0 and rates of null', () => {
    const m = report(undefined, parsePeriod('monthly', '2025-03', settings)!);
    expect(m.tickets.received).toBe(0);
    expect(m.tickets.resolved).toBe(0);
    expect(m.tickets.backlog).toBe(0);
    for (const key of ['onTimeResponse', 'onTimeResolution', 'callbackRate', 'satisfaction', 'validComplaintRate'] as const) {
      expect(m.tickets[key]).toEqual({ num: 0, den: 0, rate: null });
    }
    expect(m.tickets.resolutionHours).toEqual({ mean: null, median: null, p90: null });
    expect(m.tickets.repeatComplaints).toEqual([]);
  });

  it('builds a report from no tables at all', () => {
    const m = buildReport('weekly', parsePeriod('weekly', '2026-W44', settings)!, {}, settings, { now, generatedAt: now, lang: 'zh' });
    expect(m.tickets.received).toBe(0);
    expect(m.charges.collectionRate.rate).toBeNull();
    expect(m.trend).toHaveLength(8);
  });

  it('counts a complaint at the same moment on a later row as a repeat of the earlier row', () => {
    // prettier-ignore
    const read = tickets([
      ['A', '10-05 09:00', '来电', '投诉', '噪音', '7-701', '环境部', '', '待派单', '', '', '', '', '', '', '', ''],
      ['B', '10-05 09:00', '来电', '投诉', '噪音', '7-701', '环境部', '', '待派单', '', '', '', '', '', '', '', ''],
      ['C', '11-04 09:00', '来电', '投诉', '噪音', '7-701', '环境部', '', '待派单', '', '', '', '', '', '', '', ''], // exactly 720 h after B
      ['D', '12-04 09:01', '来电', '投诉', '噪音', '7-701', '环境部', '', '待派单', '', '', '', '', '', '', '', ''], // 720 h 1 min after C
      ['E', '10-06 09:00', '来电', '投诉', '保洁', '7-701', '环境部', '', '待派单', '', '', '', '', '', '', '', ''], // other category
    ]);
    const m = buildReport('quarterly', parsePeriod('quarterly', '2026-Q4', settings)!, { tickets: read }, settings, { now: wall(2027, 1, 10), generatedAt: now, lang: 'zh' });
    // B repeats A; C repeats B; D is 1 minute too late; E has no earlier 保洁 → 1 unit, 2 repeats
    expect(m.tickets.repeatComplaints).toEqual([{ unit: '7-701', category: '噪音', count: 2 }]);
    expect(m.tickets.repeatComplaintUnits).toBe(1);
  });

  it('registers every ticket KPI of the --json tickets block once, named in both languages', () => {
    for (const def of Object.values(TICKET_KPIS)) {
      expect(def.zh).toMatch(/\S/);
      expect(def.en).toMatch(/\S/);
    }
    expect(Object.keys(TICKET_KPIS)).toEqual(expect.arrayContaining(['received', 'resolved', 'backlog', 'onTimeResponse', 'onTimeResolution', 'callbackRate', 'satisfaction', 'validComplaintRate', 'resolutionHours', 'byType', 'byCategory', 'byDepartment', 'byChannel', 'repeatComplaints']));
  });
});
