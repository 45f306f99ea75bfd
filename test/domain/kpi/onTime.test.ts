// SLA compliance by category, department and week (issue 13): the on-time response and resolution
// of the October 2026 report on the fixture center (fixture.ts, every row shown there), as of
// 2026-11-01 00:00, the same outcomes as the overall rates of tickets.test.ts split by group.
import { parsePeriod } from '../../../src/domain/periods';
import { buildReport, reportJson } from '../../../src/domain/report/model';
import { defaultSettings } from '../../../src/domain/settings';
import { wall } from '../../../src/domain/time';
import { changeOf, OnTimeBy, Rate, worstFirst } from '../../../src/domain/kpi';
import { CHARGES_READ, CUSTOMERS_READ, tickets, TICKETS_READ } from './fixture';

const settings = defaultSettings('zh');
const now = wall(2026, 11, 25, 17, 30);
const october = parsePeriod('monthly', '2026-10', settings)!;
const m = buildReport('monthly', october, { tickets: TICKETS_READ, charges: CHARGES_READ, customers: CUSTOMERS_READ }, settings, { now, generatedAt: now, lang: 'zh' });

const r = (num: number, den: number): Rate => ({ num, den, rate: den === 0 ? null : num / den });

/** Σ num and Σ den of one rate over the groups. */
function sums(by: OnTimeBy, which: 'response' | 'resolution'): [number, number] {
  return Object.values(by).reduce<[number, number]>(([n, d], g) => [n + g[which].num, d + g[which].den], [0, 0]);
}

describe('on-time rates by category', () => {
  it('splits the overall populations by 类别, every Settings category listed in the Settings order', () => {
    // response (16, late T03 T09): 维修 T04 T05 T06 T07 T22 · 保洁 T14 · 绿化 T11 · 停车 T03✗ T16 T24 ·
    // 收费 T08 T13 (T10 not yet due) · 噪音 T01 T02 T15 · 其他 T09✗ (T21 not yet due) · 服务态度 T12 praise
    // resolution (14): 维修 T04✓ T05✓ T06✗ T22✗ (T07 on hold) · 保洁 T14✗ · 绿化 T11✓ · 停车 T03✗ T16✗ T24✗ ·
    // 收费 T08✓ (T13 rejected) · 噪音 T01✓ T02✓ T15✓ · 其他 T09✗
    expect(m.tickets.onTimeByCategory).toEqual({
      维修: { response: r(5, 5), resolution: r(2, 4) },
      保洁: { response: r(1, 1), resolution: r(0, 1) },
      安保: { response: r(0, 0), resolution: r(0, 0) },
      绿化: { response: r(1, 1), resolution: r(1, 1) },
      停车: { response: r(2, 3), resolution: r(0, 3) },
      收费: { response: r(2, 2), resolution: r(1, 1) },
      噪音: { response: r(3, 3), resolution: r(3, 3) },
      服务态度: { response: r(0, 0), resolution: r(0, 0) },
      其他: { response: r(0, 1), resolution: r(0, 1) },
    });
    expect(Object.keys(m.tickets.onTimeByCategory)).toEqual([...settings.categories]);
  });

  it('adds up, numerators and denominators, to the overall rates', () => {
    // 14 of 16 and 7 of 14, as tickets.test.ts works them out
    expect(sums(m.tickets.onTimeByCategory, 'response')).toEqual([14, 16]);
    expect(sums(m.tickets.onTimeByCategory, 'resolution')).toEqual([7, 14]);
    expect([m.tickets.onTimeResponse.num, m.tickets.onTimeResponse.den, m.tickets.onTimeResolution.num, m.tickets.onTimeResolution.den]).toEqual([14, 16, 7, 14]);
  });

  it('orders worst first: lowest on-time resolution, then lowest response, nothing due last, ties in Settings order', () => {
    // resolution 0: 其他 (response 0 %), 停车 (66.7 %), 保洁 (100 %); 维修 50 %; 100 %: 绿化 收费 噪音 (Settings
    // order); nothing due: 安保 服务态度
    expect(worstFirst(m.tickets.onTimeByCategory)).toEqual(['其他', '停车', '保洁', '维修', '绿化', '收费', '噪音', '安保', '服务态度']);
  });
});

describe('on-time rates by department', () => {
  it('splits the overall populations by 责任部门', () => {
    // 客服部 T09✗ (T12 praise, T21 not yet due) · 工程部 T04 T05 T06 T07 T22; resolution T04✓ T05✓ T06✗ T22✗ ·
    // 环境部 T01 T02 T11 T14 T15, resolution T14✗ · 安全部 T03 T16 T24, response T03✗, resolution all ✗ ·
    // 财务部 T08 T13, resolution T08✓ (T10 not yet due, T13 rejected)
    expect(m.tickets.onTimeByDepartment).toEqual({
      客服部: { response: r(0, 1), resolution: r(0, 1) },
      工程部: { response: r(5, 5), resolution: r(2, 4) },
      环境部: { response: r(5, 5), resolution: r(4, 5) },
      安全部: { response: r(2, 3), resolution: r(0, 3) },
      财务部: { response: r(2, 2), resolution: r(1, 1) },
    });
    expect(sums(m.tickets.onTimeByDepartment, 'response')).toEqual([14, 16]);
    expect(sums(m.tickets.onTimeByDepartment, 'resolution')).toEqual([7, 14]);
    // 0 % twice: 客服部 (response 0 %) before 安全部 (66.7 %); then 50 %, 80 %, 100 %
    expect(worstFirst(m.tickets.onTimeByDepartment)).toEqual(['客服部', '安全部', '工程部', '环境部', '财务部']);
  });

  it('lists a department typed that is not on Settings after the list, and a blank one last', () => {
    // prettier-ignore
    const read = tickets([
      ['A', '10-05 09:00', '来电', '咨询', '其他', '7-701', '物业部', '', '已完成', '10-05 10:00', '', '', '', '10-05 12:00', '', '', ''], // 3 h of 24: on time
      ['B', '10-06 09:00', '来电', '咨询', '其他', '7-702', '',       '', '已完成', '10-07 10:00', '', '', '', '10-07 12:00', '', '', ''], // 25 h: late, late
      ['C', '10-07 09:00', '来电', '表扬', '其他', '7-703', '',       '', '已关闭', '',            '', '', '', '10-07 10:00', '', '', ''], // praise: in neither rate
    ]);
    const x = buildReport('monthly', october, { tickets: read }, settings, { now, generatedAt: now, lang: 'zh' });
    const by = x.tickets.onTimeByDepartment;
    expect(Object.keys(by)).toEqual(['客服部', '工程部', '环境部', '安全部', '财务部', '物业部', '(未填)']);
    expect([by['物业部'], by['(未填)']]).toEqual([
      { response: r(1, 1), resolution: r(1, 1) },
      { response: r(0, 1), resolution: r(0, 1) },
    ]);
  });
});

describe('on-time resolution by department and week (monthly)', () => {
  const weeks = m.onTimeResolutionByWeek!;

  it('has the weeks of October cut to the month: 10-01 (a Thursday) to 10-04, …, 10-26 to 10-31', () => {
    expect(weeks.weeks.map((w) => [w.label, w.start, w.end])).toEqual([
      ['2026-W40', wall(2026, 10, 1), wall(2026, 10, 5)],
      ['2026-W41', wall(2026, 10, 5), wall(2026, 10, 12)],
      ['2026-W42', wall(2026, 10, 12), wall(2026, 10, 19)],
      ['2026-W43', wall(2026, 10, 19), wall(2026, 10, 26)],
      ['2026-W44', wall(2026, 10, 26), wall(2026, 11, 1)],
    ]);
  });

  it('counts each ticket in the week it was received, as of the month’s end', () => {
    // W40 T01✓ T02✓ (环境部) T24✗ (安全部) · W41 T11✓ (环境部) T03✗ (安全部) · W42 T04✓ T05✓ T22✗ (工程部) T14✗ (环境部)
    // W43 T06✗ (工程部) T15✓ (环境部) T16✗ (安全部) · W44 T08✓ (财务部) T09✗ (客服部)
    const z = r(0, 0);
    expect(weeks.byDepartment).toEqual({
      客服部: [z, z, z, z, r(0, 1)],
      工程部: [z, z, r(2, 3), r(0, 1), z],
      环境部: [r(2, 2), r(1, 1), r(0, 1), r(1, 1), z],
      安全部: [r(0, 1), r(0, 1), z, r(0, 1), z],
      财务部: [z, z, z, z, r(1, 1)],
    });
    expect(weeks.total).toEqual([r(2, 3), r(1, 2), r(2, 4), r(1, 3), r(1, 2)]);
  });

  it('adds up: each department’s weeks to its month, each week’s departments to the week, the weeks to the month', () => {
    for (const [dept, cells] of Object.entries(weeks.byDepartment)) {
      const month = m.tickets.onTimeByDepartment[dept].resolution;
      expect([dept, cells.reduce((a, c) => a + c.num, 0), cells.reduce((a, c) => a + c.den, 0)]).toEqual([dept, month.num, month.den]);
    }
    weeks.total.forEach((t, i) => {
      const cells = Object.values(weeks.byDepartment).map((c) => c[i]);
      expect([cells.reduce((a, c) => a + c.num, 0), cells.reduce((a, c) => a + c.den, 0)]).toEqual([t.num, t.den]);
    });
    expect([weeks.total.reduce((a, c) => a + c.num, 0), weeks.total.reduce((a, c) => a + c.den, 0)]).toEqual([7, 14]);
  });

  it('leaves out the weeks not begun at the as-of of a month in progress, and is only in monthly reports', () => {
    // as of Thursday 2026-10-15 12:00: W40, W41, W42 (begun 10-12); not W43 or W44
    const partial = buildReport('monthly', october, { tickets: TICKETS_READ }, settings, { now: wall(2026, 10, 15, 12), generatedAt: now, lang: 'zh' });
    expect(partial.onTimeResolutionByWeek!.weeks.map((w) => w.label)).toEqual(['2026-W40', '2026-W41', '2026-W42']);
    const week = buildReport('weekly', parsePeriod('weekly', '2026-W42', settings)!, { tickets: TICKETS_READ }, settings, { now, generatedAt: now, lang: 'zh' });
    expect(week.onTimeResolutionByWeek).toBeUndefined();
    expect('onTimeResolutionByWeek' in reportJson(week)).toBe(false);
    expect(reportJson(m).onTimeResolutionByWeek!.weeks[0]).toEqual({ kind: 'weekly', label: '2026-W40', start: '2026-10-01T00:00:00', end: '2026-10-05T00:00:00' });
  });
});

describe('环比: the change from the previous period', () => {
  it('is in percentage points for a rate, relative for a count, hours or money', () => {
    // 87.5 % → 90 %: +2.5 points; 133 → 151: +18 of 133
    expect(changeOf(r(9, 10), r(7, 8))).toEqual({ unit: 'points', value: expect.closeTo(2.5, 10) });
    expect(changeOf(151, 133)).toEqual({ unit: 'relative', value: 18 / 133 });
    expect(changeOf(80, 100)).toEqual({ unit: 'relative', value: -0.2 });
  });

  it('is null without both figures, and for a relative change from 0', () => {
    expect(changeOf(r(1, 2), r(0, 0))).toEqual({ unit: 'points', value: null });
    expect(changeOf(5, 0)).toEqual({ unit: 'relative', value: null });
    expect(changeOf(null, 3)).toEqual({ unit: 'relative', value: null });
  });
});

describe('the open tickets at the period end', () => {
  it('tell where each stood at as-of from its times, beside the status the sheet has now', () => {
    // at 11-01 00:00: T06 T16 T19 T24 responded · T07 on hold since 10-26 (no end) · T09 T10 no response ·
    // T21 first response 11-01 00:30, after as-of: not responded then, though 已完成 now
    const progress = Object.fromEntries(m.open.map((e) => [e.id, e.progress]));
    expect(progress).toEqual({
      T06: 'responded', T07: 'onHold', T09: 'notResponded', T10: 'notResponded', T16: 'responded', T19: 'responded', T21: 'notResponded', T24: 'responded',
    });
    expect(m.open.find((e) => e.id === 'T21')!.status).toBe('已完成');
  });
});
