// Report models: the --json shape, and models built from the generated sample center.
import { CHARGES, CUSTOMERS, SheetDef, TICKETS } from '../../../src/domain/schema';
import { generateSample } from '../../../src/domain/sample';
import { defaultSettings } from '../../../src/domain/settings';
import { readTable } from '../../../src/domain/table';
import { wall } from '../../../src/domain/time';
import { latestCompletePeriod, parsePeriod, PERIOD_KINDS } from '../../../src/domain/periods';
import { CHARGE_KPIS, COVERAGE_KPIS, KPI_CATALOGUE, Rate, TICKET_KPIS } from '../../../src/domain/kpi';
import { buildReport, reportJson } from '../../../src/domain/report/model';
import type { Cell } from '../../../src/workbook/types';
import { CHARGES_READ, CUSTOMERS_READ, TICKETS_READ } from '../kpi/fixture';

const settings = defaultSettings('zh');
const now = wall(2026, 11, 25, 17, 30);

const RATE_KEYS = ['num', 'den', 'rate'];
const TICKET_KEYS = [
  'received', 'resolved', 'backlog', 'onTimeResponse', 'onTimeResolution', 'onTimeByCategory', 'onTimeByDepartment', 'callbackRate', 'satisfaction', 'validComplaintRate',
  'resolutionHours', 'byType', 'byCategory', 'byDepartment', 'byChannel', 'repeatComplaints', 'repeatComplaintUnits', 'typeByCategory',
  'resolvedByType', 'backlogByType',
];
const CHARGE_KEYS = ['collectionRate', 'collectionRateHouseholds', 'arrears', 'arrearsAtStart', 'recovered'];
const BLOCK_KEYS = ['period', 'asOf', 'asOfDay', 'tickets', 'charges', 'callbackCoverage'];

describe('reportJson', () => {
  const model = buildReport('monthly', parsePeriod('monthly', '2026-10', settings)!, { tickets: TICKETS_READ, charges: CHARGES_READ, customers: CUSTOMERS_READ }, settings, {
    now,
    generatedAt: wall(2026, 11, 25, 17, 31, 5),
    lang: 'zh',
  });
  const json = JSON.parse(JSON.stringify(reportJson(model)));

  it('has exactly the keys of the --json shape', () => {
    expect(Object.keys(json)).toEqual(['center', 'lang', 'period', 'asOf', 'asOfDay', 'generatedAt', 'tickets', 'open', 'overdue', 'charges', 'callbackCoverage', 'onTimeResolutionByWeek', 'trend', 'previous']);
    expect(Object.keys(json.onTimeResolutionByWeek)).toEqual(['weeks', 'byDepartment', 'total']);
    for (const k of ['onTimeByCategory', 'onTimeByDepartment']) {
      for (const g of Object.values(json.tickets[k]) as Array<Record<string, unknown>>) {
        expect(Object.keys(g)).toEqual(['response', 'resolution']);
        expect(Object.keys(g.response as object)).toEqual(RATE_KEYS);
      }
    }
    expect(Object.keys(json.period)).toEqual(['kind', 'label', 'start', 'end']);
    expect(Object.keys(json.tickets)).toEqual(TICKET_KEYS);
    for (const k of ['onTimeResponse', 'onTimeResolution', 'callbackRate', 'satisfaction', 'validComplaintRate']) expect(Object.keys(json.tickets[k])).toEqual(RATE_KEYS);
    expect(Object.keys(json.tickets.resolutionHours)).toEqual(['mean', 'median', 'p90']);
    expect(Object.keys(json.tickets.repeatComplaints[0])).toEqual(['unit', 'category', 'count']);
    expect(Object.keys(json.charges)).toEqual(CHARGE_KEYS);
    expect(Object.keys(json.charges.arrears)).toEqual(['total', 'byBucket', 'byFeeItem', 'topUnits']);
    expect(Object.keys(json.charges.arrears.topUnits[0])).toEqual(['unit', 'amount', 'periods', 'since']);
    expect(Object.keys(json.overdue[0])).toEqual(['id', 'row', 'received', 'type', 'category', 'unit', 'department', 'status', 'progress', 'deadline', 'deadlineFor', 'onHold', 'hoursLate']);
    expect(Object.keys(json.trend[0])).toEqual(['label', 'received', 'resolved', 'onTimeResolution']);
    expect(Object.keys(json.previous)).toEqual(BLOCK_KEYS);
    expect(Object.keys(json.previous.tickets)).toEqual(TICKET_KEYS);
    expect(Object.keys(json.previous.charges)).toEqual(CHARGE_KEYS);
  });

  it("writes each KPI block with exactly the catalogue's keys, in the catalogue's order", () => {
    const keysOf = (block: string) => KPI_CATALOGUE.filter((k) => k.block === block).map((k) => k.key);
    for (const b of [json, json.previous]) {
      expect(Object.keys(b.tickets)).toEqual(keysOf('tickets'));
      expect(Object.keys(b.charges)).toEqual(keysOf('charges'));
      // the coverage KPIs sit on the period block itself
      for (const key of keysOf('coverage')) expect(b).toHaveProperty(key);
    }
    expect(keysOf('tickets')).toEqual(Object.keys(TICKET_KPIS));
    expect(keysOf('charges')).toEqual(Object.keys(CHARGE_KPIS));
    expect(keysOf('coverage')).toEqual(Object.keys(COVERAGE_KPIS));
    // and the values are the model's, the arrears' wall times as ISO text
    expect(json.tickets.resolutionHours).toEqual(model.tickets.resolutionHours);
    expect(json.charges.recovered).toEqual(model.charges.recovered);
    expect(json.callbackCoverage).toEqual(model.callbackCoverage);
  });

  it('writes wall times as zone-less ISO text and money as integer cents', () => {
    expect(json.period).toEqual({ kind: 'monthly', label: '2026-10', start: '2026-10-01T00:00:00', end: '2026-11-01T00:00:00' });
    expect(json.asOf).toBe('2026-11-01T00:00:00');
    expect(json.asOfDay).toBe('2026-10-31T00:00:00');
    expect(json.generatedAt).toBe('2026-11-25T17:31:05');
    expect(json.previous.period.label).toBe('2026-09');
    expect(json.previous.asOf).toBe('2026-10-01T00:00:00');
    expect(json.overdue[0]).toMatchObject({ id: 'T19', received: '2026-09-28T15:00:00', deadline: '2026-09-30T15:00:00', hoursLate: 753, status: '处理中', type: '报修' });
    expect(json.charges.arrears.total).toBe(188000);
    expect(json.charges.arrears.topUnits[0].since).toBe('2026-08-16T00:00:00');
    expect(json.center).toBe(settings.centerName);
  });

  it('gives the same JSON when built twice', () => {
    const again = buildReport('monthly', model.period, { tickets: TICKETS_READ, charges: CHARGES_READ, customers: CUSTOMERS_READ }, settings, {
      now,
      generatedAt: model.generatedAt,
      lang: 'zh',
    });
    expect(JSON.parse(JSON.stringify(reportJson(again)))).toEqual(json);
  });
});

function grid(def: SheetDef, rows: Cell[][]) {
  return { name: def.zh, originRow: 0, originCol: 0, rows: [def.columns.map((c) => c.zh as Cell), ...rows] };
}

describe('reports of the sample center', () => {
  const sample = generateSample({ asOf: '2026-11-25T17:30:00' });
  const data = {
    tickets: readTable(TICKETS, grid(TICKETS, sample.tickets)),
    charges: readTable(CHARGES, grid(CHARGES, sample.charges)),
    customers: readTable(CUSTOMERS, grid(CUSTOMERS, sample.customers)),
  };
  const models = PERIOD_KINDS.map((kind) => buildReport(kind, latestCompletePeriod(kind, now, settings), data, settings, { now, generatedAt: now, lang: 'zh' }));
  const [daily, weekly, monthly, quarterly] = models;

  it('builds all four with plausible numbers', () => {
    expect(monthly.period.label).toBe('2026-10');
    expect(monthly.tickets.received).toBe(151); // as test/cli/report.test.ts counts from the raw rows
    expect(quarterly.tickets.received).toBeGreaterThan(monthly.tickets.received);
    expect(weekly.trend).toHaveLength(8);
    expect(monthly.trend).toHaveLength(12);
    expect(quarterly.trend).toHaveLength(12);
    expect(daily.tickets.byChannel).toHaveProperty('来电');
    expect(daily.tickets.byChannel).toHaveProperty('来访');
    expect(monthly.charges.collectionRate.den).toBe(12_621_787); // ¥126,217.87 due for October
    expect(Number.isInteger(monthly.charges.arrears.total)).toBe(true);
  });

  it('keeps every rate in [0, 1] with num <= den', () => {
    for (const m of models) {
      for (const block of [m, m.previous]) {
        const rates = [
          block.tickets.onTimeResponse, block.tickets.onTimeResolution, block.tickets.callbackRate, block.tickets.satisfaction,
          block.tickets.validComplaintRate, block.charges.collectionRate, block.charges.collectionRateHouseholds, block.charges.recovered, block.callbackCoverage,
        ];
        for (const r of rates) {
          expect(r.num).toBeLessThanOrEqual(r.den);
          if (r.rate !== null) expect(r.rate).toBeGreaterThanOrEqual(0);
          if (r.rate !== null) expect(r.rate).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('sums the breakdowns to the tickets received', () => {
    for (const m of models) {
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(sum(m.tickets.byType)).toBe(m.tickets.received);
      expect(sum(m.tickets.byChannel)).toBe(m.tickets.received);
      expect(sum(m.tickets.byCategory)).toBe(m.tickets.received);
      expect(sum(m.tickets.byDepartment)).toBe(m.tickets.received);
    }
  });

  it('adds the on-time rates by category and by department back up to the overall rates, numerators and denominators', () => {
    const total = (by: Record<string, { response: Rate; resolution: Rate }>, which: 'response' | 'resolution') =>
      Object.values(by).reduce((a, g) => ({ num: a.num + g[which].num, den: a.den + g[which].den }), { num: 0, den: 0 });
    for (const m of models) {
      for (const block of [m, m.previous]) {
        const t = block.tickets;
        for (const by of [t.onTimeByCategory, t.onTimeByDepartment]) {
          expect([m.kind, total(by, 'response')]).toEqual([m.kind, { num: t.onTimeResponse.num, den: t.onTimeResponse.den }]);
          expect([m.kind, total(by, 'resolution')]).toEqual([m.kind, { num: t.onTimeResolution.num, den: t.onTimeResolution.den }]);
        }
      }
    }
    // the demo's October is no trivial case: 145 responses and 136 resolutions due, spread over departments
    expect(Object.values(monthly.tickets.onTimeByDepartment).filter((g) => g.resolution.den > 0).length).toBeGreaterThanOrEqual(4);
    expect(monthly.tickets.onTimeResolution.den).toBeGreaterThan(100);
    // and the monthly department × week table adds up to the month, department by department
    const weeks = monthly.onTimeResolutionByWeek!;
    for (const [dept, cells] of Object.entries(weeks.byDepartment)) {
      const month = monthly.tickets.onTimeByDepartment[dept].resolution;
      expect([dept, cells.reduce((a, c) => a + c.num, 0), cells.reduce((a, c) => a + c.den, 0)]).toEqual([dept, month.num, month.den]);
    }
  });

  it('opens each month with the arrears the month before closed with', () => {
    expect(monthly.charges.arrearsAtStart.total).toBe(monthly.previous.charges.arrears.total);
    expect(monthly.charges.arrears.byBucket.reduce((a, b) => a + b.amount, 0)).toBe(monthly.charges.arrears.total);
  });

  it('lists overdue tickets most late first', () => {
    const late = monthly.overdue.map((e) => e.hoursLate!);
    expect(late).toEqual([...late].sort((a, b) => b - a));
  });
});
