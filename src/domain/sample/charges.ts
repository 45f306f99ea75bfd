// The charges ledger and the reminder log. Each billed unit has a payer profile (punctual, late,
// partial, or a chronic debtor who stopped paying); reminders follow the arrears that result.
import { DEFAULT_FEE_ITEMS, enumLabel, Lang, REMINDER_METHODS, ReminderMethod } from '../enums';
import { CHARGES, REMINDERS } from '../schema';
import type { Cell } from '../grid';
import { centsToYuan } from '../money';
import { calendarDayOf, formatWallAs, monthLabel, serialToWall, wall, wallToSerial } from '../time';
import { UnitRecord } from './customers';
import { Random } from './random';
import { columnIndex } from './rows';
import {
  BROKEN_PROMISE_DAYS,
  BROKEN_PROMISE_SHARE,
  CHRONIC_DEBTOR_SHARE,
  CHRONIC_STOP_PERIOD,
  DUE_DAY_OF_MONTH,
  DUNNING_FROM_DAYS,
  FEE_ITEMS_BILLED,
  FeeItemKey,
  LATE_DAYS,
  LATE_ON_TIME,
  PARKING_FEE_FEN,
  PARKING_SHARE,
  PARTIAL_FRACTION,
  PARTIAL_MONTH_SHARE,
  PAYER_PROFILE,
  PROMISE_HORIZON_DAYS,
  PUNCTUAL_ON_TIME,
  PUNCTUAL_SLIP_DAYS,
  PayerProfile,
  REMINDER_CHECK_EVERY_DAYS,
  REMINDER_METHOD_BY_LEVEL,
  REMINDER_REPEAT_AFTER_DAYS,
  WATER_FEN_PER_TON,
  WATER_SHARE,
  WATER_TONS,
} from './tables';
import { REMINDER_PROMISED, REMINDER_UNANSWERED, say } from './text';

export interface Period {
  readonly label: string; // YYYY-MM
  readonly firstDay: number;
  readonly dueDay: number;
}

/** The `months` calendar months ending with the month of `lastDay`. */
export function periodsEnding(lastDay: number, months: number): Period[] {
  const end = calendarDayOf(serialToWall(lastDay));
  const out: Period[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const index = end.y * 12 + (end.m - 1) - k;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    out.push({
      label: monthLabel(wall(y, m, 1)),
      firstDay: wallToSerial(wall(y, m, 1)),
      dueDay: wallToSerial(wall(y, m, DUE_DAY_OF_MONTH)),
    });
  }
  return out;
}

export interface ChargeRecord {
  readonly unitIndex: number;
  readonly feeItem: FeeItemKey;
  readonly period: Period;
  readonly dueFen: number;
  readonly paidFen: number;
  /** serial day of the (last) payment; null when nothing is paid */
  readonly paidDay: number | null;
}

interface Billing {
  readonly unitIndex: number;
  readonly profile: PayerProfile;
  readonly parkingFen: number | null;
  readonly water: boolean;
  /** for a chronic debtor, the first period left unpaid */
  readonly stopPeriod: number;
}

function billings(rng: Random, units: ReadonlyArray<UnitRecord>, periodCount: number): Billing[] {
  const billed = units.flatMap((u, i) => (u.occupancy === 'vacant' ? [] : [i]));
  const chronicCount = billed.length === 0 ? 0 : Math.max(1, Math.round(billed.length * CHRONIC_DEBTOR_SHARE));
  const chronic = new Set(rng.sample(billed.length, chronicCount).map((k) => billed[k]));
  return billed.map((unitIndex) => ({
    unitIndex,
    profile: chronic.has(unitIndex) ? 'chronic' : rng.draw(PAYER_PROFILE),
    parkingFen: rng.chance(PARKING_SHARE) ? rng.draw(PARKING_FEE_FEN) : null,
    water: rng.chance(WATER_SHARE),
    stopPeriod: Math.min(periodCount - 1, rng.int(CHRONIC_STOP_PERIOD[0], CHRONIC_STOP_PERIOD[1])),
  }));
}

/** the day a unit settles a month's bill, or null if it does not */
function payDay(rng: Random, b: Billing, p: Period, periodIndex: number): number | null {
  const onTime = (): number => p.firstDay + rng.int(0, p.dueDay - p.firstDay);
  switch (b.profile) {
    case 'punctual':
    case 'partial':
      return rng.chance(PUNCTUAL_ON_TIME) ? onTime() : p.dueDay + rng.int(PUNCTUAL_SLIP_DAYS[0], PUNCTUAL_SLIP_DAYS[1]);
    case 'late':
      return rng.chance(LATE_ON_TIME) ? onTime() : p.dueDay + rng.int(LATE_DAYS[0], LATE_DAYS[1]);
    case 'chronic':
      if (periodIndex >= b.stopPeriod) return null;
      return rng.chance(LATE_ON_TIME) ? onTime() : p.dueDay + rng.int(LATE_DAYS[0], LATE_DAYS[1]);
  }
}

/** Monthly bills for every lived-in unit; a payment after the as-of day has not happened yet. */
export function generateCharges(
  rng: Random,
  units: ReadonlyArray<UnitRecord>,
  periods: ReadonlyArray<Period>,
  asOfDay: number,
): ChargeRecord[] {
  const plans = billings(rng, units, periods.length);
  const out: ChargeRecord[] = [];
  periods.forEach((period, periodIndex) => {
    for (const b of plans) {
      const unit = units[b.unitIndex];
      const due: Partial<Record<FeeItemKey, number>> = {
        property: Math.round((unit.areaCm * unit.priceFen) / 100),
        parking: b.parkingFen ?? undefined,
        water: b.water ? rng.int(WATER_TONS[0], WATER_TONS[1]) * WATER_FEN_PER_TON : undefined,
      };
      const day = payDay(rng, b, period, periodIndex);
      const paid = day !== null && day <= asOfDay;
      // a partial payer short-pays one item now and then: parking if they have it
      const shortItem: FeeItemKey | null =
        b.profile === 'partial' && rng.chance(PARTIAL_MONTH_SHARE) ? (b.parkingFen !== null ? 'parking' : 'property') : null;
      for (const feeItem of FEE_ITEMS_BILLED) {
        const dueFen = due[feeItem];
        if (dueFen === undefined) continue;
        const paidFen = !paid
          ? 0
          : feeItem === shortItem
            ? Math.min(dueFen - 1, Math.round((dueFen * rng.int(PARTIAL_FRACTION[0], PARTIAL_FRACTION[1])) / 10000) * 100)
            : dueFen;
        out.push({
          unitIndex: b.unitIndex,
          feeItem,
          period,
          dueFen,
          paidFen,
          paidDay: paid && paidFen > 0 ? day : null,
        });
      }
    }
  });
  return out;
}

const CH = columnIndex(CHARGES);

export function chargeRows(charges: ReadonlyArray<ChargeRecord>, units: ReadonlyArray<UnitRecord>, lang: Lang): Cell[][] {
  return charges.map((c) => {
    const row: Cell[] = new Array<Cell>(CHARGES.columns.length).fill(null);
    row[CH.unit] = units[c.unitIndex].unit;
    row[CH.feeItem] = enumLabel(DEFAULT_FEE_ITEMS, c.feeItem, lang);
    row[CH.period] = c.period.label;
    row[CH.amountDue] = centsToYuan(c.dueFen);
    row[CH.dueDate] = c.period.dueDay;
    row[CH.amountPaid] = c.paidDay === null ? null : centsToYuan(c.paidFen);
    row[CH.paidDate] = c.paidDay;
    return row;
  });
}

// ---- reminders ----------------------------------------------------------------------------------

export interface ReminderRecord {
  readonly unitIndex: number;
  readonly day: number;
  readonly method: ReminderMethod;
  readonly clerk: string;
  readonly result: string;
  readonly promisedDay: number | null;
}

function outstandingAt(c: ChargeRecord, day: number): boolean {
  return c.paidDay === null || c.paidDay > day || c.paidFen < c.dueFen;
}

function formatDay(day: number, lang: Lang): string {
  return formatWallAs(serialToWall(day), lang === 'zh' ? 'M[月]D[日]' : 'YYYY-MM-DD');
}

/**
 * The desk checks each unit every week or so; a unit whose oldest unpaid charge is 15+ days overdue
 * gets a reminder at its dunning level (docs/sheets.md "Dunning levels"), again when the level rises or a
 * month has passed. A unit that does pay soon after promised a date: its actual payment day.
 */
export function generateReminders(
  rng: Random,
  charges: ReadonlyArray<ChargeRecord>,
  units: ReadonlyArray<UnitRecord>,
  clerks: ReadonlyArray<string>,
  asOfDay: number,
  lang: Lang,
): ReminderRecord[] {
  const byUnit = new Map<number, ChargeRecord[]>();
  for (const c of charges) {
    if (c.paidDay !== null && c.paidDay <= c.period.dueDay + DUNNING_FROM_DAYS[0] && c.paidFen >= c.dueFen) continue;
    const list = byUnit.get(c.unitIndex);
    if (list) list.push(c);
    else byUnit.set(c.unitIndex, [c]);
  }
  const out: ReminderRecord[] = [];
  for (const [unitIndex, late] of byUnit) {
    // each building has its own clerk (管家) who chases its units
    const clerk = clerks[(units[unitIndex].building - 1) % clerks.length];
    let lastDay = -Infinity;
    let lastLevel = 0;
    const start = Math.min(...late.map((c) => c.period.dueDay)) + DUNNING_FROM_DAYS[0];
    for (let day = start + rng.int(0, 3); day <= asOfDay; day += rng.int(REMINDER_CHECK_EVERY_DAYS[0], REMINDER_CHECK_EVERY_DAYS[1])) {
      let oldest: ChargeRecord | undefined;
      for (const c of late) {
        if (c.period.dueDay < day && outstandingAt(c, day) && (!oldest || c.period.dueDay < oldest.period.dueDay)) oldest = c;
      }
      if (!oldest) continue;
      const overdue = day - oldest.period.dueDay;
      const level = DUNNING_FROM_DAYS.filter((from) => overdue >= from).length;
      if (level === 0 || (level <= lastLevel && day - lastDay < REMINDER_REPEAT_AFTER_DAYS)) continue;
      const method = rng.draw(REMINDER_METHOD_BY_LEVEL[level - 1]);
      const paysSoon =
        oldest.paidDay !== null && oldest.paidFen >= oldest.dueFen && oldest.paidDay - day <= PROMISE_HORIZON_DAYS;
      let promisedDay: number | null = null;
      let result: string;
      if (paysSoon && oldest.paidDay !== null) {
        promisedDay = Math.max(day + 1, oldest.paidDay);
        result = say(rng.pick(REMINDER_PROMISED[method]), lang).replace('{date}', formatDay(promisedDay, lang));
      } else if (rng.chance(BROKEN_PROMISE_SHARE)) {
        promisedDay = day + rng.int(BROKEN_PROMISE_DAYS[0], BROKEN_PROMISE_DAYS[1]);
        result = say(rng.pick(REMINDER_PROMISED[method]), lang).replace('{date}', formatDay(promisedDay, lang));
      } else {
        result = say(rng.pick(REMINDER_UNANSWERED[method]), lang);
      }
      out.push({ unitIndex, day, method, clerk, result, promisedDay });
      lastDay = day;
      lastLevel = level;
    }
  }
  return out.sort((a, b) => a.day - b.day || a.unitIndex - b.unitIndex);
}

const RE = columnIndex(REMINDERS);

export function reminderRows(reminders: ReadonlyArray<ReminderRecord>, units: ReadonlyArray<UnitRecord>, lang: Lang): Cell[][] {
  return reminders.map((r) => {
    const row: Cell[] = new Array<Cell>(REMINDERS.columns.length).fill(null);
    row[RE.unit] = units[r.unitIndex].unit;
    row[RE.date] = r.day;
    row[RE.method] = enumLabel(REMINDER_METHODS, r.method, lang);
    row[RE.clerk] = r.clerk;
    row[RE.result] = r.result;
    row[RE.promisedDate] = r.promisedDay;
    return row;
  });
}
