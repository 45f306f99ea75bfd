// Report periods (docs/kpis.md "Rules" and "Precisely"): a day, a week labelled by ISO week, a month
// (calendar, or from a cut-off day such as the 26th), a quarter. A period is the half-open interval
// [start, end) of wall times. dayjs in UTC mode does the calendar work on wall times (see time.ts).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import isoWeek from 'dayjs/plugin/isoWeek';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import { Settings } from './settings';
import { WallTime, MS_PER_DAY, monthLabel, wall } from './time';

dayjs.extend(utc);
dayjs.extend(isoWeek);
dayjs.extend(quarterOfYear);

export type PeriodKind = 'daily' | 'weekly' | 'monthly' | 'quarterly';

export interface Period {
  readonly kind: PeriodKind;
  /** 2026-11-24 | 2026-W48 | 2026-11 | 2026-Q4 */
  readonly label: string;
  readonly start: WallTime;
  /** exclusive */
  readonly end: WallTime;
}

export const PERIOD_KINDS: ReadonlyArray<PeriodKind> = ['daily', 'weekly', 'monthly', 'quarterly'];

/** Settings that shape periods; any Settings will do. */
export type PeriodSettings = Pick<Settings, 'weekStart' | 'monthStartDay'>;

const DAY_LABEL = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_LABEL = /^(\d{4})-W(\d{2})$/i;
const MONTH_LABEL = /^(\d{4})-(\d{2})$/;
const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/i;

const day = (t: WallTime) => dayjs.utc(t);

// ---- months ---------------------------------------------------------------------------------------
// With a cut-off day D > 1, the month labelled YYYY-MM runs from the D-th of the month BEFORE to the
// D-th of YYYY-MM (exclusive): with D = 26, '2026-11' is 2026-10-26 00:00 … 2026-11-25 24:00. The label
// names the month in which the period ends, the month its bills and its month-end report belong to.

/** Start of the center's month `index` (year × 12 + month − 1). */
function monthStart(index: number, s: PeriodSettings): WallTime {
  const d = dayjs.utc(wall(Math.floor(index / 12), (index % 12) + 1, 1));
  return s.monthStartDay > 1 ? d.subtract(1, 'month').date(s.monthStartDay).valueOf() : d.valueOf();
}

function monthPeriod(index: number, s: PeriodSettings): Period {
  const label = monthLabelOfIndex(index);
  return { kind: 'monthly', label, start: monthStart(index, s), end: monthStart(index + 1, s) };
}

/** The center's month index (year × 12 + month − 1) containing `t`. */
export function monthIndexOf(t: WallTime, s: PeriodSettings): number {
  const d = day(t);
  const index = d.year() * 12 + d.month();
  return s.monthStartDay > 1 && d.date() >= s.monthStartDay ? index + 1 : index;
}

/** The 'YYYY-MM' label of a month index (a 账期 as ChargeFacts keep it). */
export function monthLabelOfIndex(index: number): string {
  return monthLabel(wall(Math.floor(index / 12), (index % 12) + 1, 1));
}

/** The month index of a 'YYYY-MM' label (账期), or undefined. */
export function monthIndexOfLabel(label: string): number | undefined {
  const m = MONTH_LABEL.exec(label);
  if (!m) return undefined;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : undefined;
}

// ---- quarters -------------------------------------------------------------------------------------
// A quarter is three of the center's months (Q4 = months 10, 11, 12): with calendar months, the
// calendar quarter; with a cut-off day, the quarter's three month reports add up to it.

function quarterPeriod(year: number, quarter: number, s: PeriodSettings): Period {
  const first = year * 12 + (quarter - 1) * 3;
  return { kind: 'quarterly', label: `${year}-Q${quarter}`, start: monthStart(first, s), end: monthStart(first + 3, s) };
}

/** The month indexes of a monthly or quarterly period (the 账期 its collection rate covers). */
export function monthIndexesOf(p: Period): number[] {
  if (p.kind === 'monthly') return [monthIndexOfLabel(p.label)!];
  if (p.kind === 'quarterly') {
    const m = QUARTER_LABEL.exec(p.label)!;
    const first = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
    return [first, first + 1, first + 2];
  }
  return [];
}

// ---- weeks ----------------------------------------------------------------------------------------
// A week starts at 00:00 on settings.weekStart (Monday by default) and is labelled by the ISO week of
// its fourth day: for a Monday start that is the Thursday, ISO's own rule; for another start day it
// is the day in the middle of the week, so each ISO week label names exactly one of the center's weeks.

function weekPeriod(start: WallTime): Period {
  const middle = day(start).add(3, 'day');
  const label = `${middle.isoWeekYear()}-W${String(middle.isoWeek()).padStart(2, '0')}`;
  return { kind: 'weekly', label, start, end: day(start).add(7, 'day').valueOf() };
}

function weekStartOf(t: WallTime, s: PeriodSettings): WallTime {
  const d = day(t).startOf('day');
  const back = (d.isoWeekday() - s.weekStart + 7) % 7;
  return d.subtract(back, 'day').valueOf();
}

// ---- days -----------------------------------------------------------------------------------------

function dayPeriod(start: WallTime): Period {
  return { kind: 'daily', label: day(start).format('YYYY-MM-DD'), start, end: day(start).add(1, 'day').valueOf() };
}

// ---- the API --------------------------------------------------------------------------------------

/**
 * The period a label names: '2026-11-24' (daily), '2026-W48' (weekly), '2026-11' (monthly),
 * '2026-Q4' (quarterly); undefined for a label that is not one (2026-W53 exists, 2025-W53 does not).
 * With a cut-off month start day D > 1, the month '2026-11' is the one ending in November:
 * 2026-10-D 00:00 to 2026-11-D 00:00 (exclusive); a quarter is three such months.
 */
export function parsePeriod(kind: PeriodKind, text: string, settings: PeriodSettings): Period | undefined {
  const t = text.trim();
  switch (kind) {
    case 'daily': {
      const m = DAY_LABEL.exec(t);
      if (!m) return undefined;
      const d = dayjs.utc(wall(Number(m[1]), Number(m[2]), Number(m[3])));
      return d.format('YYYY-MM-DD') === t ? dayPeriod(d.valueOf()) : undefined;
    }
    case 'weekly': {
      const m = WEEK_LABEL.exec(t);
      if (!m) return undefined;
      const year = Number(m[1]);
      const week = Number(m[2]);
      // ISO week 1 is the week holding January 4th.
      const isoMonday = dayjs.utc(wall(year, 1, 4)).isoWeekday(1).add(week - 1, 'week');
      const middleOffset = (settings.weekStart + 3 - 1) % 7; // the week's fourth day, from Monday
      const p = weekPeriod(isoMonday.add(middleOffset - 3, 'day').valueOf());
      return week >= 1 && p.label === `${year}-W${m[2]}` ? p : undefined;
    }
    case 'monthly': {
      const index = monthIndexOfLabel(t);
      return index === undefined ? undefined : monthPeriod(index, settings);
    }
    case 'quarterly': {
      const m = QUARTER_LABEL.exec(t);
      return m ? quarterPeriod(Number(m[1]), Number(m[2]), settings) : undefined;
    }
  }
}

/** The period of a kind that holds the instant `t`. */
export function periodContaining(kind: PeriodKind, t: WallTime, settings: PeriodSettings): Period {
  switch (kind) {
    case 'daily':
      return dayPeriod(Math.floor(t / MS_PER_DAY) * MS_PER_DAY);
    case 'weekly':
      return weekPeriod(weekStartOf(t, settings));
    case 'monthly':
      return monthPeriod(monthIndexOf(t, settings), settings);
    case 'quarterly': {
      const index = monthIndexOf(t, settings);
      return quarterPeriod(Math.floor(index / 12), Math.floor((index % 12) / 3) + 1, settings);
    }
  }
}

/** The period just before (环比). */
export function previousPeriod(p: Period, settings: PeriodSettings): Period {
  return periodContaining(p.kind, p.start - 1, settings);
}

/** The `count` periods ending with `p`, oldest first (trend charts). */
export function periodsEndingWith(p: Period, count: number, settings: PeriodSettings): Period[] {
  const out = [p];
  while (out.length < count) out.unshift(previousPeriod(out[0], settings));
  return out;
}

/** The latest period that has ended by `now`. */
export function latestCompletePeriod(kind: PeriodKind, now: WallTime, settings: PeriodSettings): Period {
  return previousPeriod(periodContaining(kind, now, settings), settings);
}

/**
 * The default period of a report, in the CLI and the task pane alike: the current day; the current week from its Friday on (the Friday summary),
 * else the week before; the month just ended; the quarter just ended.
 */
export function defaultPeriod(kind: PeriodKind, now: WallTime, settings: PeriodSettings): Period {
  if (kind === 'daily') return periodContaining(kind, now, settings);
  if (kind === 'weekly') {
    const week = periodContaining(kind, now, settings);
    const friday = day(week.start).add((5 - settings.weekStart + 7) % 7, 'day').valueOf();
    return now >= friday ? week : previousPeriod(week, settings);
  }
  return latestCompletePeriod(kind, now, settings);
}

/** The report's as-of time: the earlier of now and the period's end. */
export function asOfFor(p: Period, now: WallTime): WallTime {
  return Math.min(now, p.end);
}

/** docs/kpis.md "as-of day": the calendar day (its 00:00) of the last moment before as-of. */
export function asOfDay(asOf: WallTime): WallTime {
  return Math.floor((asOf - 1) / MS_PER_DAY) * MS_PER_DAY;
}
