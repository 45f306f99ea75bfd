// The center's clock: calendar hours, or working hours 08:30–17:30 (9 h a day) on working days.
import fc from 'fast-check';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import isoWeek from 'dayjs/plugin/isoWeek';
import { addWorkingMs, isoWeekdayOfDay, isWorkingDay, workingMs } from '../../src/domain/calendar';
import { defaultSettings } from '../../src/domain/settings';
import { formatWallIso, MS_PER_DAY, MS_PER_HOUR, wall } from '../../src/domain/time';

dayjs.extend(utc);
dayjs.extend(isoWeek);

const H = MS_PER_HOUR;
const calendarHours = defaultSettings('zh');
// National Day 2026: Thursday 10-01 to Wednesday 10-07 off; Saturday 10-10 a make-up working day (调休)
const holidays = [1, 2, 3, 4, 5, 6, 7].map((d) => wall(2026, 10, d));
const workingHours = { ...calendarHours, calendar: 'working' as const, holidays, workdays: [wall(2026, 10, 10)] };

describe('calendar hours', () => {
  it('counts every hour', () => {
    expect(workingMs(wall(2026, 10, 2, 9), wall(2026, 10, 5, 9), calendarHours)).toBe(72 * H);
    expect(formatWallIso(addWorkingMs(wall(2026, 10, 2, 9), 72 * H, calendarHours))).toBe('2026-10-05T09:00:00');
  });
});

describe('working hours', () => {
  it('knows the working days: weekdays, less holidays, plus make-up days', () => {
    expect(isWorkingDay(wall(2026, 9, 30, 12), workingHours)).toBe(true); // Wednesday
    expect(isWorkingDay(wall(2026, 10, 1), workingHours)).toBe(false); // holiday
    expect(isWorkingDay(wall(2026, 10, 10), workingHours)).toBe(true); // make-up Saturday
    expect(isWorkingDay(wall(2026, 10, 11), workingHours)).toBe(false); // Sunday
    expect(isWorkingDay(wall(2026, 10, 17), workingHours)).toBe(false); // ordinary Saturday
  });

  it('counts only the open hours of a day', () => {
    expect(workingMs(wall(2026, 10, 12, 7), wall(2026, 10, 12, 20), workingHours)).toBe(9 * H);
    expect(workingMs(wall(2026, 10, 12, 16, 30), wall(2026, 10, 13, 9, 30), workingHours)).toBe(2 * H); // 1 h + 1 h
  });

  it('skips an ordinary weekend', () => {
    // Friday 10-16 16:30 → Monday 10-19 09:30: 1 h on Friday + 1 h on Monday
    expect(workingMs(wall(2026, 10, 16, 16, 30), wall(2026, 10, 19, 9, 30), workingHours)).toBe(2 * H);
    // received Saturday 10-17 10:00: the clock starts Monday 08:30
    expect(formatWallIso(addWorkingMs(wall(2026, 10, 17, 10), 1 * H, workingHours))).toBe('2026-10-19T09:30:00');
  });

  it('puts a 72-hour deadline across a holiday, a make-up Saturday and a Sunday, worked out by hand', () => {
    // received Wednesday 09-30 15:30 (a complaint, 72 h):
    //   09-30 15:30–17:30   2 h  (2)
    //   10-01 … 10-07       holidays (the weekend 10-03/04 inside)
    //   10-08 Thu           9 h  (11)
    //   10-09 Fri           9 h  (20)
    //   10-10 Sat 调休       9 h  (29)
    //   10-11 Sun           —
    //   10-12 … 10-15       4 × 9 h (65)
    //   10-16 Fri           7 h from 08:30 → 15:30 (72)
    const received = wall(2026, 9, 30, 15, 30);
    const deadline = addWorkingMs(received, 72 * H, workingHours);
    expect(formatWallIso(deadline)).toBe('2026-10-16T15:30:00');
    expect(workingMs(received, deadline, workingHours)).toBe(72 * H);
    // the 24-hour response deadline: 2 + 9 + 9 → 4 h into the make-up Saturday
    expect(formatWallIso(addWorkingMs(received, 24 * H, workingHours))).toBe('2026-10-10T12:30:00');
  });

  it('ends a deadline that uses up a day at that day\'s closing time', () => {
    expect(formatWallIso(addWorkingMs(wall(2026, 10, 12, 8, 30), 9 * H, workingHours))).toBe('2026-10-12T17:30:00');
  });

  it('agrees with itself: the time to a deadline is the time added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * MS_PER_DAY / 60000 }), fc.integer({ min: 0, max: 200 * 60 }), (startMin, addMin) => {
        const from = wall(2026, 9, 1) + startMin * 60000;
        const to = addWorkingMs(from, addMin * 60000, workingHours);
        expect(workingMs(from, to, workingHours)).toBe(addMin * 60000);
      }),
    );
  });

  it('reads weekdays as dayjs does', () => {
    for (let d = 0; d < 800; d++) {
      const t = wall(2025, 6, 1) + d * MS_PER_DAY;
      expect(isoWeekdayOfDay(Math.floor(t / MS_PER_DAY))).toBe(dayjs.utc(t).isoWeekday());
    }
  });
});
