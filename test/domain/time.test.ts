import fc from 'fast-check';
import { convertCell } from '../../src/domain/cells';
import {
  calendarDayOf,
  dayBefore,
  formatWall,
  formatWallAs,
  formatWallIso,
  MAX_SERIAL,
  MIN_SERIAL,
  parseWallIso,
  serialToWall,
  startOfDay,
  startOfYear,
  wall,
  wallToSerial,
} from '../../src/domain/time';

describe('Excel serials', () => {
  it('has one epoch: serial 25569 is 1970-01-01, serial 0 is 1899-12-30', () => {
    expect(wallToSerial(0)).toBe(25569);
    expect(serialToWall(25569)).toBe(0);
    expect(serialToWall(0)).toBe(wall(1899, 12, 30));
    expect(wallToSerial(wall(2026, 11, 25, 14, 30))).toBeCloseTo(46351 + 14.5 / 24, 10);
  });

  it('round-trips every whole second from 1900-03-01 to 9999-12-31', () => {
    const first = wall(1900, 3, 1) / 1000;
    const last = wall(9999, 12, 31, 23, 59, 59) / 1000;
    fc.assert(fc.property(fc.integer({ min: first, max: last }), (s) => serialToWall(wallToSerial(s * 1000)) === s * 1000));
    for (const serial of [MIN_SERIAL, 46351, MAX_SERIAL - 1]) expect(wallToSerial(serialToWall(serial))).toBe(serial);
    expect(serialToWall(MAX_SERIAL - 1)).toBe(wall(9999, 12, 31));
  });

  it('refuses serials up to Excel\'s phantom 1900-02-29 (serial 60): day 61 is 1900-03-01 in both calendars', () => {
    expect(serialToWall(MIN_SERIAL)).toBe(wall(1900, 3, 1));
    // serial 60 is the 29th of February 1900 that Excel shows and that never was; below it, Excel's
    // dates are one day off the calendar, so a cell holding one is not read as a date
    expect(wallToSerial(wall(1900, 2, 28))).toBe(60);
    expect(convertCell({ type: 'date' }, 60).ok).toBe(false);
    expect(convertCell({ type: 'date' }, 61)).toEqual({ ok: true, value: wall(1900, 3, 1) });
  });

  it('rounds a serial to the second (serials carry binary fractions of a day)', () => {
    expect(serialToWall(46351 + 1 / 86400 + 1e-10)).toBe(wall(2026, 11, 25, 0, 0, 1));
  });
});

describe('calendar days', () => {
  it('takes the day before 2026-03-01 as 2026-02-28, and 2024-02-29 in a leap year', () => {
    expect(dayBefore(wall(2026, 3, 1))).toBe(wall(2026, 2, 28));
    expect(dayBefore(wall(2024, 3, 1))).toBe(wall(2024, 2, 29));
    expect(dayBefore(wall(2026, 3, 1, 14, 30))).toBe(wall(2026, 2, 28));
    expect(dayBefore(wall(2026, 1, 1))).toBe(wall(2025, 12, 31));
  });

  it('finds midnight of the day and of January 1st', () => {
    expect(startOfDay(wall(2026, 11, 25, 23, 59, 59))).toBe(wall(2026, 11, 25));
    expect(startOfYear(wall(2026, 11, 25, 14, 30))).toBe(wall(2026, 1, 1));
    expect(startOfYear(wall(2026, 1, 1))).toBe(wall(2026, 1, 1));
  });

  it('reads the calendar fields of a wall time, weekday 0 for Sunday', () => {
    expect(calendarDayOf(wall(2026, 11, 25, 14, 30))).toEqual({ y: 2026, m: 11, d: 25, weekday: 3 }); // a Wednesday
    expect(calendarDayOf(wall(2026, 11, 29))).toEqual({ y: 2026, m: 11, d: 29, weekday: 0 });
  });
});

describe('ISO wall-clock text', () => {
  it('reads the text the report JSON and the faces pass, with or without seconds', () => {
    expect(parseWallIso('2026-11-25T14:30:05')).toBe(wall(2026, 11, 25, 14, 30, 5));
    expect(parseWallIso('2026-11-25T14:30')).toBe(wall(2026, 11, 25, 14, 30));
    expect(parseWallIso(' 2026-11-25 14:30 ')).toBe(wall(2026, 11, 25, 14, 30));
  });

  it('refuses a day that is not in the calendar and a clock that is not one', () => {
    expect(parseWallIso('2026-02-29T00:00:00')).toBeUndefined();
    expect(parseWallIso('2024-02-29T00:00:00')).toBe(wall(2024, 2, 29));
    expect(parseWallIso('2026-11-25T24:00')).toBeUndefined();
    expect(parseWallIso('2026-11-25T14:60')).toBeUndefined();
    expect(parseWallIso('2026-11-25')).toBeUndefined();
    expect(parseWallIso('2026-11-25T14:30:00Z')).toBeUndefined();
  });

  it('writes what it reads', () => {
    const t = wall(2026, 11, 25, 14, 30, 5);
    expect(parseWallIso(formatWallIso(t))).toBe(t);
    expect(formatWallIso(t)).toBe('2026-11-25T14:30:05');
  });
});

describe('formatting', () => {
  it('shows a wall time as a clerk reads it', () => {
    const t = wall(2026, 11, 25, 14, 30, 5);
    expect(formatWall(t, true)).toBe('2026-11-25 14:30');
    expect(formatWall(t, false)).toBe('2026-11-25');
  });

  it('writes the few texts that need their own pattern', () => {
    const t = wall(2026, 3, 5);
    expect(formatWallAs(t, 'YYYYMMDD')).toBe('20260305');
    expect(formatWallAs(t, 'M[月]D[日]')).toBe('3月5日');
  });
});
