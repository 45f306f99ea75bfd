// Dunning levels (催缴级别, Settings: the days overdue at which the 1st, 2nd and final notice start;
// 15, 45, 90 by default). A unit's level at a day comes from its oldest unpaid charge and from the
// reminders of the current debt (催缴记录):
// - by age: the number of thresholds the oldest overdue charge's days overdue have reached;
// - it never drops below the level of the last reminder already sent while the debt is unpaid (the
//   oldest charge paid, the next one is younger: the unit stays at the level it was sent);
// - a promise to pay (承诺缴费日) holds the level at the last one sent until the promised day has
//   passed: through the promised day itself no higher level is reached.
// 催缴记录 has no level column: a reminder's level is the unit's level on the day it was sent, by
// these same rules. A notice logged today is read back tomorrow at the level it was printed with.
// "The current debt" is the unbroken run of days, up to the as-of day, on which the unit owed
// something overdue; reminders before it were about a debt since settled and count for nothing.
import { overdueAt } from '../kpi/charges';
import { ChargeFacts, ReminderFacts } from '../records';
import { MS_PER_DAY, WallTime } from '../time';

/** The level by age alone: how many thresholds `days` overdue have reached (0: none yet). */
export function ageLevel(days: number, thresholds: ReadonlyArray<number>): number {
  let level = 0;
  while (level < thresholds.length && days >= thresholds[level]) level++;
  return level;
}

/** Days overdue at the end of `day` of the unit's oldest charge then owing (0 when none). */
export function oldestDaysOverdue(charges: ReadonlyArray<ChargeFacts>, day: WallTime): number {
  let oldest = Infinity;
  for (const c of charges) if (c.dueDate < oldest && overdueAt(c, day) > 0) oldest = c.dueDate;
  return oldest === Infinity ? 0 : Math.round((day - oldest) / MS_PER_DAY);
}

/**
 * The first day of the unit's current debt: the earliest day from which, through `day`, the unit
 * owed something overdue at the end of every day; null when it owes nothing overdue at `day`.
 */
export function debtStart(charges: ReadonlyArray<ChargeFacts>, day: WallTime): WallTime | null {
  // each charge is in arrears from the day after its due date up to the day before it was paid in
  // full (through `day` and on when it was not, or not in full)
  const spans: Array<[WallTime, WallTime]> = [];
  for (const c of charges) {
    if (c.amountDue <= 0) continue;
    const from = c.dueDate + MS_PER_DAY;
    const paidInFull = c.paidDate !== null && c.amountPaid >= c.amountDue;
    const to = paidInFull ? c.paidDate! - MS_PER_DAY : Infinity;
    if (from <= day && from <= to) spans.push([from, to]);
  }
  if (!spans.some(([from, to]) => from <= day && day <= to)) return null;
  // walk back from `day` through spans that touch
  spans.sort((a, b) => b[0] - a[0]);
  let start = day;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [from, to] of spans) {
      if (from < start && to >= start - MS_PER_DAY) {
        start = from;
        changed = true;
      }
    }
  }
  return start;
}

export interface Dunning {
  /** the unit's level at the day: 0 (no notice yet) to the number of thresholds */
  readonly level: number;
  /** the level by the oldest charge's days overdue alone */
  readonly byAge: number;
  /** the level of the last reminder of this debt (0 when none) */
  readonly sent: number;
  /** the last reminder of this debt, and the latest promised day given during it */
  readonly lastReminder: ReminderFacts | null;
  readonly promisedDate: WallTime | null;
  /** a promised day not yet passed holds the level at `sent` */
  readonly held: boolean;
}

/** The level on `day` given what was sent before it: see the rules at the top of this file. */
function levelOn(day: WallTime, byAge: number, sent: number, promisedDate: WallTime | null): { level: number; held: boolean } {
  const held = promisedDate !== null && promisedDate >= day && byAge > sent;
  return { level: held ? sent : Math.max(sent, byAge), held };
}

/**
 * A unit's dunning level at the end of `day`, from its charges and its reminders (any order; those
 * of other units must not be among them).
 */
export function dunningLevel(charges: ReadonlyArray<ChargeFacts>, reminders: ReadonlyArray<ReminderFacts>, day: WallTime, thresholds: ReadonlyArray<number>): Dunning {
  const start = debtStart(charges, day);
  const byAge = ageLevel(oldestDaysOverdue(charges, day), thresholds);
  if (start === null) return { level: 0, byAge, sent: 0, lastReminder: null, promisedDate: null, held: false };
  const history = reminders.filter((r) => r.date >= start && r.date <= day).sort((a, b) => a.date - b.date || a.row - b.row);
  let sent = 0;
  let promisedDate: WallTime | null = null;
  for (const r of history) {
    sent = levelOn(r.date, ageLevel(oldestDaysOverdue(charges, r.date), thresholds), sent, promisedDate).level;
    if (r.promisedDate !== null) promisedDate = r.promisedDate;
  }
  const now = levelOn(day, byAge, sent, promisedDate);
  return { level: now.level, byAge, sent, lastReminder: history[history.length - 1] ?? null, promisedDate, held: now.held };
}
