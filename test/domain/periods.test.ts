// Report periods: labels, boundaries [start, end), previous periods, defaults and as-of.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import isoWeek from 'dayjs/plugin/isoWeek';
import { asOfDay, asOfFor, defaultPeriod, latestCompletePeriod, parsePeriod, periodContaining, previousPeriod, Period, PeriodKind } from '../../src/domain/periods';
import { defaultSettings } from '../../src/domain/settings';
import { formatWallIso, wall } from '../../src/domain/time';

dayjs.extend(utc);
dayjs.extend(isoWeek);

const settings = defaultSettings('zh');
const cutOff26 = { ...settings, monthStartDay: 26 };
const sundayWeeks = { ...settings, weekStart: 7 };

const shown = (p: Period | undefined) => p && `${p.label} ${formatWallIso(p.start)} ${formatWallIso(p.end)}`;

describe('parsing period labels', () => {
  it.each<[PeriodKind, string, string]>([
    ['daily', '2026-11-24', '2026-11-24 2026-11-24T00:00:00 2026-11-25T00:00:00'],
    ['weekly', '2026-W48', '2026-W48 2026-11-23T00:00:00 2026-11-30T00:00:00'],
    ['monthly', '2026-11', '2026-11 2026-11-01T00:00:00 2026-12-01T00:00:00'],
    ['quarterly', '2026-Q4', '2026-Q4 2026-10-01T00:00:00 2027-01-01T00:00:00'],
  ])('%s %s', (kind, label, expected) => {
    expect(shown(parsePeriod(kind, label, settings))).toBe(expected);
  });

  it.each<[PeriodKind, string]>([
    ['daily', '2026-02-30'],
    ['daily', '2026-11'],
    ['weekly', '2025-W53'], // 2025 has 52 ISO weeks
    ['weekly', '2026-W00'],
    ['weekly', '2026-48'],
    ['monthly', '2026-13'],
    ['quarterly', '2026-Q5'],
  ])('refuses %s %s', (kind, label) => {
    expect(parsePeriod(kind, label, settings)).toBeUndefined();
  });
});

describe('ISO weeks', () => {
  it('has a week 53 in 2026, running into 2027', () => {
    expect(dayjs.utc('2026-12-31').isoWeek()).toBe(53); // checked with dayjs: 2026 has 53 ISO weeks
    expect(shown(parsePeriod('weekly', '2026-W53', settings))).toBe('2026-W53 2026-12-28T00:00:00 2027-01-04T00:00:00');
  });

  it('puts January 1st 2027 (a Friday) in 2026-W53 and January 1st 2026 (a Thursday) in 2026-W01', () => {
    expect(periodContaining('weekly', wall(2027, 1, 1, 12), settings).label).toBe('2026-W53');
    expect(shown(periodContaining('weekly', wall(2026, 1, 1), settings))).toBe('2026-W01 2025-12-29T00:00:00 2026-01-05T00:00:00');
  });

  it('counts a ticket received Sunday 23:59 in the week that ends that day', () => {
    expect(periodContaining('weekly', wall(2026, 11, 29, 23, 59), settings).label).toBe('2026-W48');
    expect(periodContaining('weekly', wall(2026, 11, 30, 0, 0), settings).label).toBe('2026-W49');
  });

  it('starts weeks on Sunday when the center says so, labelled by the ISO week of their Wednesday', () => {
    // Sunday 11-22 … Saturday 11-28; its Wednesday 11-25 is in ISO week 48
    expect(shown(periodContaining('weekly', wall(2026, 11, 25), sundayWeeks))).toBe('2026-W48 2026-11-22T00:00:00 2026-11-29T00:00:00');
    expect(shown(parsePeriod('weekly', '2026-W48', sundayWeeks))).toBe('2026-W48 2026-11-22T00:00:00 2026-11-29T00:00:00');
    expect(periodContaining('weekly', wall(2026, 11, 29), sundayWeeks).label).toBe('2026-W49');
  });
});

describe('months with a cut-off day (26th to 25th)', () => {
  it('names the month in which the period ends', () => {
    expect(shown(parsePeriod('monthly', '2026-11', cutOff26))).toBe('2026-11 2026-10-26T00:00:00 2026-11-26T00:00:00');
    expect(shown(parsePeriod('monthly', '2027-01', cutOff26))).toBe('2027-01 2026-12-26T00:00:00 2027-01-26T00:00:00');
  });

  it('puts the 25th in this month and the 26th in the next', () => {
    expect(periodContaining('monthly', wall(2026, 11, 25, 23, 59), cutOff26).label).toBe('2026-11');
    expect(periodContaining('monthly', wall(2026, 11, 26), cutOff26).label).toBe('2026-12');
    expect(periodContaining('monthly', wall(2026, 12, 30), cutOff26).label).toBe('2027-01');
  });

  it('makes a quarter of three such months', () => {
    expect(shown(parsePeriod('quarterly', '2026-Q4', cutOff26))).toBe('2026-Q4 2026-09-26T00:00:00 2026-12-26T00:00:00');
    expect(periodContaining('quarterly', wall(2026, 12, 27), cutOff26).label).toBe('2027-Q1');
  });
});

describe('previous periods (环比)', () => {
  it.each<[PeriodKind, string, string]>([
    ['daily', '2026-03-01', '2026-02-28'],
    ['weekly', '2026-W01', '2025-W52'],
    ['weekly', '2027-W01', '2026-W53'],
    ['monthly', '2026-01', '2025-12'],
    ['quarterly', '2026-Q1', '2025-Q4'],
  ])('%s before %s is %s', (kind, label, before) => {
    const p = parsePeriod(kind, label, settings)!;
    const prev = previousPeriod(p, settings);
    expect(prev.label).toBe(before);
    expect(prev.end).toBe(p.start);
  });

  it('goes back one cut-off month', () => {
    expect(shown(previousPeriod(parsePeriod('monthly', '2026-11', cutOff26)!, cutOff26))).toBe('2026-10 2026-09-26T00:00:00 2026-10-26T00:00:00');
  });
});

describe('default periods', () => {
  const wednesday = wall(2026, 11, 25, 17, 30);
  const friday = wall(2026, 11, 27, 9, 0);

  it('gives the CLI the latest complete period', () => {
    expect(PERIODS.map((k) => latestCompletePeriod(k, wednesday, settings).label)).toEqual(['2026-11-24', '2026-W47', '2026-10', '2026-Q3']);
  });

  it('gives the task pane the current day, the week just ended (this week from Friday on), the month and quarter just ended', () => {
    expect(PERIODS.map((k) => defaultPeriod(k, wednesday, settings).label)).toEqual(['2026-11-25', '2026-W47', '2026-10', '2026-Q3']);
    expect(defaultPeriod('weekly', friday, settings).label).toBe('2026-W48');
    expect(defaultPeriod('weekly', wall(2026, 11, 29, 23), settings).label).toBe('2026-W48');
    expect(defaultPeriod('weekly', wall(2026, 11, 30, 8), settings).label).toBe('2026-W48'); // Monday: the week just ended
  });
});

const PERIODS: PeriodKind[] = ['daily', 'weekly', 'monthly', 'quarterly'];

describe('as-of', () => {
  it('is the period end for a past period and now for the current one', () => {
    const october = parsePeriod('monthly', '2026-10', settings)!;
    const november = parsePeriod('monthly', '2026-11', settings)!;
    const now = wall(2026, 11, 25, 14);
    expect(formatWallIso(asOfFor(october, now))).toBe('2026-11-01T00:00:00');
    expect(asOfFor(november, now)).toBe(now);
  });

  it('judges the October report on the as-of day 10-31, and an afternoon as-of on its own day', () => {
    expect(formatWallIso(asOfDay(wall(2026, 11, 1)))).toBe('2026-10-31T00:00:00');
    expect(formatWallIso(asOfDay(wall(2026, 11, 25, 14)))).toBe('2026-11-25T00:00:00');
  });
});
