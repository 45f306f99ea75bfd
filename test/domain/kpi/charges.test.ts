// The charges KPIs of the October 2026 monthly report on the fixture ledger (fixture.ts, C01–C14).
// As-of 11-01 00:00, so the as-of day is 10-31; arrears at the period start are judged at 09-30.
// Amounts in cents (¥300 = 30000).
import { parsePeriod } from '../../../src/domain/periods';
import { buildReport } from '../../../src/domain/report/model';
import { defaultSettings } from '../../../src/domain/settings';
import { wall } from '../../../src/domain/time';
import { ageBucket, agingBuckets } from '../../../src/domain/kpi';
import { CHARGES_READ, CUSTOMERS_READ, TICKETS_READ } from './fixture';

const settings = defaultSettings('zh');
const now = wall(2026, 11, 25, 17, 30);
const october = parsePeriod('monthly', '2026-10', settings)!;
const m = buildReport('monthly', october, { tickets: TICKETS_READ, charges: CHARGES_READ, customers: CUSTOMERS_READ }, settings, { now, generatedAt: now, lang: 'zh' });

describe('monthly report, October 2026: charges', () => {
  it('judges charges at the end of the as-of day, 10-31', () => {
    expect(m.asOfDay).toBe(wall(2026, 10, 31));
  });

  it('rates collection of the charges billed for October, paid by the as-of day and capped at due', () => {
    // 账期 2026-10: C02 300 paid 300 · C04 250 paid 100 · C07 400 unpaid · C08 150 paid 11-03 (after) → 0
    // C09 350 unpaid · C11 200 paid 250 → 200 · C12 50 paid 20
    // paid 300+100+200+20 = 620 of due 300+250+400+150+350+200+50 = 1700
    expect(m.charges.collectionRate).toEqual({ num: 62000, den: 170000, rate: 62000 / 170000 });
  });

  it('rates collection by households: units all of whose October charges are paid', () => {
    // 1-101 ✓ · 1-102 ✗ · 2-201 ✗ · 3-301 ✗ · 4-401 ✗ (water partly paid) → 1 of 5
    expect(m.charges.collectionRateHouseholds).toEqual({ num: 1, den: 5, rate: 0.2 });
  });

  it('ages the arrears at the as-of day', () => {
    // overdue (due date before 10-31) and outstanding:
    // C04 150 (16 days) · C05 400 (77) · C06 400 (46) · C07 400 (16) · C08 150 (16) · C10 350 (381) · C12 30 (11)
    // C09 falls due on 10-31 itself: not overdue; C11 overpaid: nothing outstanding
    expect(m.charges.arrears.total).toBe(188000);
    // 户数: the units owing in each bucket — 1–30: 1-102 (C04), 2-201 (C07, C08), 4-401 (C12) · 31–60 and
    // 61–90: 2-201 (C06, C05; it counts in three buckets) · >365: 3-301 (C10)
    expect(m.charges.arrears.byBucket).toEqual([
      { label: '1–30', from: 1, to: 30, amount: 73000, units: 3 }, // 150 + 400 + 150 + 30
      { label: '31–60', from: 31, to: 60, amount: 40000, units: 1 },
      { label: '61–90', from: 61, to: 90, amount: 40000, units: 1 },
      { label: '91–180', from: 91, to: 180, amount: 0, units: 0 },
      { label: '181–365', from: 181, to: 365, amount: 0, units: 0 },
      { label: '>365', from: 366, to: null, amount: 35000, units: 1 },
    ]);
    // 物业费 150 + 400×3 + 350 = 1700 · 停车费 150 · 水费 30
    expect(m.charges.arrears.byFeeItem).toEqual({ 物业费: 170000, 停车费: 15000, 水费: 3000 });
  });

  it('lists the units most in arrears with their unpaid periods and the day arrears began', () => {
    expect(m.charges.arrears.topUnits).toEqual([
      // 400×3 + 150; 账期 08, 09, 10; oldest due 08-15 → in arrears from 08-16
      { unit: '2-201', amount: 135000, periods: 3, since: wall(2026, 8, 16) },
      { unit: '3-301', amount: 35000, periods: 1, since: wall(2025, 10, 16) },
      { unit: '1-102', amount: 15000, periods: 1, since: wall(2026, 10, 16) },
      { unit: '4-401', amount: 3000, periods: 1, since: wall(2026, 10, 21) },
    ]);
  });

  it('takes the arrears at the period start at 09-30: September\'s closing arrears', () => {
    // overdue at 09-30: C03 250 (paid 10-20) · C05 400 · C06 400 · C10 350 · C13 40 (paid 10-05) = 1440;
    // C14 paid on 09-30 itself, so nothing outstanding; C01 paid 09-10
    expect(m.charges.arrearsAtStart).toEqual({ total: 144000 });
    expect(m.previous.charges.arrears.total).toBe(144000);
  });

  it('rates the arrears recovered in October', () => {
    // of the 1440 at start, paid by 10-31: C03 250 + C13 40 = 290 → 290 / 1440
    expect(m.charges.recovered).toEqual({ num: 29000, den: 144000, rate: 29000 / 144000 });
  });

  it('puts September\'s collection beside October\'s', () => {
    // 账期 2026-09: C01 300 ✓ · C03 250 (paid 10-20, after 09-30) · C06 400 · C13 40 (paid 10-05) · C14 200 ✓ (paid 09-30)
    // paid 500 of 1190; households: 4-401 only of 1-101, 1-102, 2-201, 4-401
    expect(m.previous.charges.collectionRate).toEqual({ num: 50000, den: 119000, rate: 50000 / 119000 });
    expect(m.previous.charges.collectionRateHouseholds).toEqual({ num: 1, den: 4, rate: 0.25 });
  });

  it('has no collection population in a week without due dates, so its rate is null', () => {
    const week = parsePeriod('weekly', '2026-W45', settings)!; // 11-02 … 11-08: no due date in it
    const w = buildReport('weekly', week, { charges: CHARGES_READ }, settings, { now, generatedAt: now, lang: 'zh' });
    expect(w.charges.collectionRate).toEqual({ num: 0, den: 0, rate: null });
  });

  it('takes a week\'s collection population from the due dates in it', () => {
    const week = parsePeriod('weekly', '2026-W42', settings)!; // 10-12 … 10-18: due 10-15: C02 C04 C07 C08 C11
    const w = buildReport('weekly', week, { charges: CHARGES_READ }, settings, { now, generatedAt: now, lang: 'zh' });
    // as-of 10-19 00:00, day 10-18: C02 300 ✓ · C04 0 (paid 10-25) · C07 0 · C08 0 · C11 200 (capped)
    // → 500 of 300 + 250 + 400 + 150 + 200 = 1300
    expect(w.charges.collectionRate).toEqual({ num: 50000, den: 130000, rate: 50000 / 130000 });
  });
});

describe('aging buckets', () => {
  it('reads the bounds from settings: 1–30, 31–60, 61–90, 91–180, 181–365, over 365', () => {
    const bounds = settings.agingBuckets;
    expect(agingBuckets(bounds).map((b) => b.label)).toEqual(['1–30', '31–60', '61–90', '91–180', '181–365', '>365']);
    expect([1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366].map((d) => ageBucket(d, bounds))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5]);
  });
});
