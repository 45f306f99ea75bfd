// Charges KPIs (docs/kpis.md "Precisely"): collection rate by amount and by household, arrears at the
// as-of day by aging bucket, fee item and unit, arrears at the period start, and what of those was
// recovered. Money in integer cents. The whole 实收金额 counts as paid on 收款日期 (the date of the last
// payment) once that day is on or before the as-of day; a charge is overdue once its due date is
// before the as-of day.
import { codePointCompare } from '../listOrder';
import { asOfDay, monthIndexesOf } from '../periods';
import { ChargeFacts } from '../records';
import { formatWallIso, MS_PER_DAY, WallTime } from '../time';
import { ChargeWindow } from './book';
import { Rate, rateOf } from './measures';

/** Paid by the end of `day` (cents). */
export function paidBy(c: ChargeFacts, day: WallTime): number {
  return c.paidDate !== null && c.paidDate <= day ? c.amountPaid : 0;
}

/** Outstanding at the end of `day`: due − paid, never below 0 (an overpayment offsets nothing). */
export function outstandingAt(c: ChargeFacts, day: WallTime): number {
  return Math.max(0, c.amountDue - paidBy(c, day));
}

/** Outstanding on a charge overdue at the end of `day`: what the arrears count (0 before its due date has passed). */
export function overdueAt(c: ChargeFacts, day: WallTime): number {
  return c.dueDate >= day ? 0 : outstandingAt(c, day);
}

/** Days overdue at `day`: day − due date (at least 1 when overdue; 0 or less when not). */
export function daysOverdue(c: ChargeFacts, day: WallTime): number {
  return Math.round((day - c.dueDate) / MS_PER_DAY);
}

/** The charges a period's collection rate covers: 账期 in its months; for a day or a week, due date in it. */
function collectionPopulation(w: ChargeWindow): ReadonlyArray<ChargeFacts> {
  // worked out once per period and book: both collection rates read it
  const key = `population ${w.period.kind} ${w.period.label}`;
  let population = w.charges.memo.get(key) as ChargeFacts[] | undefined;
  if (!population) {
    const months = monthIndexesOf(w.period);
    const { start, end } = w.period;
    population =
      months.length > 0 ? months.flatMap((m) => w.charges.byMonth.get(m) ?? []) : w.charges.charges.filter((c) => c.dueDate >= start && c.dueDate < end);
    w.charges.memo.set(key, population);
  }
  return population;
}

// collection rate 收缴率: paid by report date (capped at due) / due, for charges whose period falls in the period
export function collectionRate(w: ChargeWindow): Rate {
  const day = asOfDay(w.asOf);
  let num = 0;
  let den = 0;
  for (const c of collectionPopulation(w)) {
    num += Math.min(c.amountDue, paidBy(c, day));
    den += c.amountDue;
  }
  return rateOf(num, den);
}

// collection rate by households 收缴率(户): units fully paid / units billed, same charges
export function collectionRateHouseholds(w: ChargeWindow): Rate {
  const day = asOfDay(w.asOf);
  const fullyPaid = new Map<string, boolean>();
  for (const c of collectionPopulation(w)) {
    fullyPaid.set(c.unit, (fullyPaid.get(c.unit) ?? true) && paidBy(c, day) >= c.amountDue);
  }
  let num = 0;
  for (const paid of fullyPaid.values()) if (paid) num++;
  return rateOf(num, fullyPaid.size);
}

export interface AgingBucket {
  /** '1–30', …, '>365' */
  readonly label: string;
  /** days overdue, inclusive; `to` null for the last, open bucket */
  readonly from: number;
  readonly to: number | null;
  readonly amount: number;
  /** 户数: the units owing something in this bucket (a unit owing in two buckets counts in both) */
  readonly units: number;
}

export interface ArrearsUnit {
  readonly unit: string;
  readonly amount: number;
  /** 欠费期数: distinct 账期 among the unit's overdue unpaid charges */
  readonly periods: number;
  /** 欠费起始: the first day the unit was in arrears (the day after its oldest unpaid due date) */
  readonly since: WallTime;
}

export interface Arrears {
  readonly total: number;
  readonly byBucket: AgingBucket[];
  readonly byFeeItem: Record<string, number>;
  readonly topUnits: ArrearsUnit[];
}

/** The aging buckets of settings.agingBuckets: 1–30, 31–60, …, and over the last bound. */
export function agingBuckets(bounds: ReadonlyArray<number>): Array<{ label: string; from: number; to: number | null }> {
  const out = bounds.map((to, k) => {
    const from = k === 0 ? 1 : bounds[k - 1] + 1;
    return { label: `${from}–${to}`, from, to: to as number | null };
  });
  out.push({ label: `>${bounds[bounds.length - 1]}`, from: bounds[bounds.length - 1] + 1, to: null });
  return out;
}

/** The bucket index of a number of days overdue (>= 1). */
export function ageBucket(days: number, bounds: ReadonlyArray<number>): number {
  let k = 0;
  while (k < bounds.length && days > bounds[k]) k++;
  return k;
}

export const TOP_ARREARS_UNITS = 10;

/** What 欠费期数 counts: a charge's 账期 (one without a 账期 is a period of its own). */
export function unpaidPeriodKey(c: ChargeFacts): string | number {
  return c.periodIndex ?? `row ${c.row}`;
}

/** 欠费起始: the first day in arrears, the day after the oldest unpaid due date. */
export function arrearsSince(oldestDue: WallTime): WallTime {
  return oldestDue + MS_PER_DAY;
}

/** Arrears at the end of `day`: outstanding on every overdue charge. */
export function arrearsAt(charges: ReadonlyArray<ChargeFacts>, day: WallTime, bounds: ReadonlyArray<number>, top = TOP_ARREARS_UNITS): Arrears {
  const buckets = agingBuckets(bounds).map((b) => ({ ...b, amount: 0, units: 0 }));
  const unitsByBucket = buckets.map(() => new Set<string>());
  const byFeeItem: Record<string, number> = {};
  const units = new Map<string, { amount: number; periods: Set<string | number>; oldestDue: WallTime }>();
  let total = 0;
  for (let i = 0; i < charges.length; i++) {
    const c = charges[i];
    const owed = overdueAt(c, day);
    if (owed === 0) continue;
    total += owed;
    const k = ageBucket(daysOverdue(c, day), bounds);
    buckets[k].amount += owed;
    unitsByBucket[k].add(c.unit);
    byFeeItem[c.feeItem] = (byFeeItem[c.feeItem] ?? 0) + owed;
    if (top === 0) continue;
    let u = units.get(c.unit);
    if (!u) units.set(c.unit, (u = { amount: 0, periods: new Set(), oldestDue: c.dueDate }));
    u.amount += owed;
    u.periods.add(unpaidPeriodKey(c));
    u.oldestDue = Math.min(u.oldestDue, c.dueDate);
  }
  const topUnits = [...units.entries()]
    .map(([unit, u]) => ({ unit, amount: u.amount, periods: u.periods.size, since: arrearsSince(u.oldestDue) }))
    .sort((a, b) => b.amount - a.amount || codePointCompare(a.unit, b.unit))
    .slice(0, top);
  unitsByBucket.forEach((set, k) => (buckets[k].units = set.size));
  return { total, byBucket: buckets, byFeeItem, topUnits };
}

/** The as-of day just before the period: the day before its first day (for October, 09-30). */
export function periodStartDay(w: ChargeWindow): WallTime {
  return asOfDay(w.period.start);
}

/** Arrears at the end of `day`, worked out once per book (a month's opening is last month's closing). */
function arrearsOfBook(w: ChargeWindow, day: WallTime): Arrears {
  const key = `arrears ${day} ${w.settings.agingBuckets.join(',')}`;
  let a = w.charges.memo.get(key) as Arrears | undefined;
  if (!a) w.charges.memo.set(key, (a = arrearsAt(w.charges.charges, day, w.settings.agingBuckets)));
  return a;
}

// arrears 欠费: outstanding by aging bucket, by fee item, top units, at the as-of day
export function arrears(w: ChargeWindow): Arrears {
  return arrearsOfBook(w, asOfDay(w.asOf));
}

/** Arrears as `--json` writes them: the day a unit's arrears began as ISO text. */
export function arrearsJson(a: Arrears) {
  return {
    total: a.total,
    byBucket: a.byBucket,
    byFeeItem: a.byFeeItem,
    topUnits: a.topUnits.map((u) => ({ unit: u.unit, amount: u.amount, periods: u.periods, since: formatWallIso(u.since) })),
  };
}

// arrears at period start 期初欠费: the arrears at the as-of day just before the period (last period's closing arrears)
export function arrearsAtStart(w: ChargeWindow): { total: number } {
  return { total: arrearsOfBook(w, periodStartDay(w)).total };
}

// arrears recovered 清欠额 / 清欠率: the part of the arrears outstanding at period start that was paid in the period / those arrears
export function recovered(w: ChargeWindow): Rate {
  const startDay = periodStartDay(w);
  const day = asOfDay(w.asOf);
  let num = 0;
  let den = 0;
  for (const c of w.charges.charges) {
    const owedAtStart = overdueAt(c, startDay);
    if (owedAtStart === 0) continue;
    den += owedAtStart;
    num += Math.min(owedAtStart, paidBy(c, day) - paidBy(c, startDay));
  }
  return rateOf(num, den);
}
