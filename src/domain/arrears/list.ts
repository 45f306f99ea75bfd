// The arrears per unit, for chasing (欠费明细): every unit owing something overdue at the end of a day,
// with each charge it owes, its dunning level and its last reminder. The figures are the report's
// (kpi/charges.ts: the same outstanding, days overdue, aging bucket, 欠费期数 and 欠费起始), so the
// list, the notices and the report's aging table add up to the same cents.
import { ageBucket, agingBuckets, arrearsSince, daysOverdue, overdueAt, paidBy, unpaidPeriodKey } from '../kpi/charges';
import { monthLabelOfIndex } from '../periods';
import { ChargeFacts, CustomerFacts, ReminderFacts } from '../records';
import { Settings } from '../settings';
import { WallTime } from '../time';
import { Dunning, dunningLevel } from './dunning';

/** A charge still owing at the day, past its due date. Money in cents. */
export interface OutstandingCharge {
  /** its 1-based row on 应收 */
  readonly row: number;
  readonly feeItem: string;
  /** 账期 as 'YYYY-MM'; null when the row has none */
  readonly period: string | null;
  /** 00:00 of the due date */
  readonly dueDate: WallTime;
  /** 应收金额 */
  readonly due: number;
  /** paid by the end of the day (实收金额 once 收款日期 has come) */
  readonly paid: number;
  readonly outstanding: number;
  readonly daysOverdue: number;
  /** its aging bucket: an index into ArrearsList.buckets */
  readonly bucket: number;
}

export interface UnitArrears {
  readonly unit: string;
  /** 客户姓名 on 客户; null when the unit is not there or has no name */
  readonly owner: string | null;
  /** outstanding in all (cents) */
  readonly total: number;
  /** 欠费期数: distinct 账期 owed */
  readonly periods: number;
  /** 欠费起始: the day after the oldest unpaid due date */
  readonly since: WallTime;
  /** days overdue of the oldest charge owed */
  readonly oldestDays: number;
  /** oldest first */
  readonly charges: ReadonlyArray<OutstandingCharge>;
  readonly dunning: Dunning;
}

export interface ArrearsList {
  /** the charges are judged at the end of this day (the as-of day) */
  readonly day: WallTime;
  readonly buckets: ReadonlyArray<{ readonly label: string; readonly from: number; readonly to: number | null }>;
  /** most owed first, then by unit */
  readonly units: ReadonlyArray<UnitArrears>;
  readonly total: number;
}

export interface ArrearsFacts {
  readonly charges: ReadonlyArray<ChargeFacts>;
  readonly reminders: ReadonlyArray<ReminderFacts>;
  readonly customers: ReadonlyArray<CustomerFacts>;
}

function groupBy<T>(items: ReadonlyArray<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Every unit in arrears at the end of `day`, most owed first. */
export function arrearsList(facts: ArrearsFacts, day: WallTime, settings: Pick<Settings, 'agingBuckets' | 'dunningLevels'>): ArrearsList {
  const bounds = settings.agingBuckets;
  const owners = new Map<string, string>();
  for (const c of facts.customers) if (c.name !== null && !owners.has(c.unit)) owners.set(c.unit, c.name);
  const reminders = groupBy(facts.reminders, (r) => r.unit);
  const units: UnitArrears[] = [];
  let total = 0;
  for (const [unit, charges] of groupBy(facts.charges, (c) => c.unit)) {
    const owed: OutstandingCharge[] = [];
    for (const c of charges) {
      const outstanding = overdueAt(c, day);
      if (outstanding === 0) continue;
      const days = daysOverdue(c, day);
      owed.push({
        row: c.row,
        feeItem: c.feeItem,
        period: c.periodIndex === null ? null : monthLabelOfIndex(c.periodIndex),
        dueDate: c.dueDate,
        due: c.amountDue,
        paid: paidBy(c, day),
        outstanding,
        daysOverdue: days,
        bucket: ageBucket(days, bounds),
      });
    }
    if (owed.length === 0) continue;
    owed.sort((a, b) => a.dueDate - b.dueDate || a.row - b.row);
    const sum = owed.reduce((s, c) => s + c.outstanding, 0);
    total += sum;
    const periods = new Set(charges.filter((c) => overdueAt(c, day) > 0).map(unpaidPeriodKey));
    units.push({
      unit,
      owner: owners.get(unit) ?? null,
      total: sum,
      periods: periods.size,
      since: arrearsSince(owed[0].dueDate),
      oldestDays: owed[0].daysOverdue,
      charges: owed,
      dunning: dunningLevel(charges, reminders.get(unit) ?? [], day, settings.dunningLevels),
    });
  }
  units.sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit));
  return { day, buckets: agingBuckets(bounds), units, total };
}
