// The center's clock (docs/kpis.md "Rules": hours are counted on the center's calendar): calendar hours
// by default; or working hours (settings.workingHours) on working days — Monday to Friday, minus the
// public holidays listed in Settings, plus the make-up working days (调休) listed there, which are
// working days even on a weekend. These run once or twice per ticket for 100,000 tickets, so they
// walk whole days with arithmetic on wall-clock milliseconds rather than through dayjs objects.
import { Settings } from './settings';
import { MS_PER_DAY, WallTime } from './time';

export type ClockSettings = Pick<Settings, 'calendar' | 'workingHours' | 'holidays' | 'workdays'>;

const MS_PER_MINUTE = 60_000;

interface WorkingCalendar {
  /** working window within a day, ms after midnight */
  readonly open: number;
  readonly close: number;
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
}

const calendars = new WeakMap<object, WorkingCalendar>();

function workingCalendar(s: ClockSettings): WorkingCalendar {
  let c = calendars.get(s);
  if (!c) {
    c = {
      open: s.workingHours.start * MS_PER_MINUTE,
      close: s.workingHours.end * MS_PER_MINUTE,
      holidays: new Set(s.holidays.map(dayIndex)),
      workdays: new Set(s.workdays.map(dayIndex)),
    };
    calendars.set(s, c);
  }
  return c;
}

function dayIndex(t: WallTime): number {
  return Math.floor(t / MS_PER_DAY);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day index: day 0, 1970-01-01, was a Thursday. */
export function isoWeekdayOfDay(index: number): number {
  return ((((index + 3) % 7) + 7) % 7) + 1;
}

/** Whether the day holding `t` is a working day: 调休 first, then holidays, then Monday to Friday. */
export function isWorkingDay(t: WallTime, settings: ClockSettings): boolean {
  return isWorkingDayIndex(dayIndex(t), workingCalendar(settings));
}

function isWorkingDayIndex(index: number, c: WorkingCalendar): boolean {
  if (c.workdays.has(index)) return true;
  if (c.holidays.has(index)) return false;
  return isoWeekdayOfDay(index) <= 5;
}

/** Working time of day `index` inside [from, to). */
function workingPart(index: number, from: WallTime, to: WallTime, c: WorkingCalendar): number {
  if (!isWorkingDayIndex(index, c)) return 0;
  const midnight = index * MS_PER_DAY;
  const a = Math.max(from, midnight + c.open);
  const b = Math.min(to, midnight + c.close);
  return b > a ? b - a : 0;
}

/** Time from `from` to `to` on the center's clock (negative when `to` is earlier). */
export function workingMs(from: WallTime, to: WallTime, settings: ClockSettings): number {
  if (settings.calendar === 'calendar') return to - from;
  if (to < from) return -workingMs(to, from, settings);
  const c = workingCalendar(settings);
  let total = 0;
  for (let i = dayIndex(from), last = dayIndex(to); i <= last; i++) total += workingPart(i, from, to, c);
  return total;
}

// A center with no working day in sight (every day a holiday) would never reach a deadline.
const MAX_DAYS_SEARCHED = 3660;

/**
 * The moment `ms` of clock time after `from`: the deadline of an SLA. In working hours, a deadline
 * that uses up a day's last minute is that day's closing time, not the next day's opening.
 */
export function addWorkingMs(from: WallTime, ms: number, settings: ClockSettings): WallTime {
  if (settings.calendar === 'calendar' || ms <= 0) return from + Math.max(0, ms);
  const c = workingCalendar(settings);
  let left = ms;
  for (let i = dayIndex(from), n = 0; n < MAX_DAYS_SEARCHED; i++, n++) {
    if (!isWorkingDayIndex(i, c)) continue;
    const midnight = i * MS_PER_DAY;
    const a = Math.max(from, midnight + c.open);
    const b = midnight + c.close;
    if (b <= a) continue;
    if (left <= b - a) return a + left;
    left -= b - a;
  }
  return Infinity;
}
