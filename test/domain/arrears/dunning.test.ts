// Dunning levels (催缴级别 15, 45, 90 days overdue) from a unit's charges and reminder history, each
// case worked by hand. Dates are 2026; the as-of day is 11-30 unless a case says otherwise.
import { ageLevel, debtStart, dunningLevel, oldestDaysOverdue } from '../../../src/domain/arrears/dunning';
import { ChargeFacts, ReminderFacts } from '../../../src/domain/records';
import { wall } from '../../../src/domain/time';

const LEVELS = [15, 45, 90];
const day = (md: string) => wall(2026, Number(md.slice(0, 2)), Number(md.slice(3)));
const NOV30 = day('11-30');

let row = 1;
/** A charge of ¥300 due on `due`, paid in full on `paid` (or not at all). */
function charge(due: string, paid: string | null = null, amountPaid = paid === null ? 0 : 30000): ChargeFacts {
  return { row: ++row, unit: '1-101', feeItem: '物业费', periodIndex: null, amountDue: 30000, dueDate: day(due), amountPaid, paidDate: paid === null ? null : day(paid) };
}
function reminder(date: string, promised: string | null = null): ReminderFacts {
  return { row: ++row, unit: '1-101', date: day(date), method: 'phone', result: null, promisedDate: promised === null ? null : day(promised) };
}

describe('dunning level by age', () => {
  it('counts the thresholds the oldest charge has reached, from the day it reaches them', () => {
    expect([0, 14, 15, 44, 45, 89, 90, 400].map((d) => ageLevel(d, LEVELS))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('takes the oldest charge still owing: 11-30 − 10-01 = 60 days, the paid 09-01 one not counted', () => {
    const charges = [charge('09-01', '09-20'), charge('10-01'), charge('11-01')];
    expect(oldestDaysOverdue(charges, NOV30)).toBe(60);
    expect(dunningLevel(charges, [], NOV30, LEVELS)).toMatchObject({ level: 2, byAge: 2, sent: 0, held: false, lastReminder: null });
  });

  it('is 0 for a unit owing nothing overdue (a charge due on the day itself is not overdue)', () => {
    expect(dunningLevel([charge('11-30')], [reminder('11-15')], NOV30, LEVELS)).toMatchObject({ level: 0, sent: 0, lastReminder: null });
  });
});

describe('dunning level and the reminder history', () => {
  it('never drops below the level already sent while the debt is unpaid', () => {
    // A due 08-15, paid 11-20; B due 09-15, unpaid. The reminder of 11-18 went out when A was 95 days
    // overdue: level 3. Now A is paid and B is 76 days overdue (level 2 by age); the debt was never
    // cleared (A owed 08-16…11-19, B from 09-16), so the unit stays at 3.
    const charges = [charge('08-15', '11-20'), charge('09-15')];
    expect(debtStart(charges, NOV30)).toBe(day('08-16'));
    const d = dunningLevel(charges, [reminder('11-18')], NOV30, LEVELS);
    expect(d).toMatchObject({ level: 3, byAge: 2, sent: 3, held: false });
    expect(d.lastReminder?.date).toBe(day('11-18'));
    // without that reminder the age alone says 2
    expect(dunningLevel(charges, [], NOV30, LEVELS).level).toBe(2);
  });

  it('forgets the reminders of a debt since cleared', () => {
    // A due 05-15, paid 09-10 (owed 05-16…09-09): reminded 09-01 at 109 days, level 3. B due 10-15,
    // unpaid, owed from 10-16: a new debt, 46 days overdue, level 2; the old reminder counts for nothing.
    const charges = [charge('05-15', '09-10'), charge('10-15')];
    expect(debtStart(charges, NOV30)).toBe(day('10-16'));
    expect(dunningLevel(charges, [reminder('09-01')], NOV30, LEVELS)).toMatchObject({ level: 2, sent: 0, lastReminder: null });
  });

  it('counts a partly paid charge as owing from its due date on', () => {
    // due 08-01, ¥100 of ¥300 paid 08-20: still owing, 121 days
    const d = dunningLevel([charge('08-01', '08-20', 10000)], [], NOV30, LEVELS);
    expect(d).toMatchObject({ level: 3, byAge: 3 });
  });

  it('leaves out reminders dated after the day, and counts one dated the day itself', () => {
    // due 10-01: 60 days at 11-30 (level 2). A reminder on 11-30 is sent at 2; one on 12-01 is not yet.
    const charges = [charge('10-01')];
    expect(dunningLevel(charges, [reminder('12-01')], NOV30, LEVELS)).toMatchObject({ level: 2, sent: 0, lastReminder: null });
    expect(dunningLevel(charges, [reminder('11-30')], NOV30, LEVELS)).toMatchObject({ level: 2, sent: 2 });
  });
});

describe('a promise to pay', () => {
  // due 10-01, unpaid: 31 days at 11-01 (level 1), 60 at 11-30 (level 2). Reminded 11-01 (level 1)
  // and promised to pay by the day given.
  const charges = [charge('10-01')];

  it('holds the next level until the promised day has passed', () => {
    const d = dunningLevel(charges, [reminder('11-01', '12-05')], NOV30, LEVELS);
    expect(d).toMatchObject({ level: 1, byAge: 2, sent: 1, held: true, promisedDate: day('12-05') });
  });

  it('holds through the promised day itself, and lets go the day after', () => {
    const history = [reminder('11-01', '12-05')];
    // 12-05: 65 days, still held at 1 · 12-06: 66 days, level 2
    expect(dunningLevel(charges, history, day('12-05'), LEVELS)).toMatchObject({ level: 1, held: true });
    expect(dunningLevel(charges, history, day('12-06'), LEVELS)).toMatchObject({ level: 2, held: false });
  });

  it('holds nothing once passed: promised 11-20, at 11-30 the age says 2', () => {
    expect(dunningLevel(charges, [reminder('11-01', '11-20')], NOV30, LEVELS)).toMatchObject({ level: 2, held: false, promisedDate: day('11-20') });
  });

  it('holds a reminder sent during the promise at the held level, so the level rises only after the promise', () => {
    // 11-01 level 1, promised 11-25 · 11-20: 50 days (2 by age) but the promise holds: sent at 1 ·
    // 11-30: the promise has passed, 60 days: level 2
    const d = dunningLevel(charges, [reminder('11-01', '11-25'), reminder('11-20')], NOV30, LEVELS);
    expect(d).toMatchObject({ level: 2, sent: 1, held: false });
    expect(d.lastReminder?.date).toBe(day('11-20'));
    // the latest promise given during the debt is the one that holds
    expect(d.promisedDate).toBe(day('11-25'));
  });

  it('never holds a unit below the level already sent', () => {
    // due 08-01 (121 days): reminded 11-10 at level 3 and promised 12-15: held at 3, not lower
    expect(dunningLevel([charge('08-01')], [reminder('11-10', '12-15')], NOV30, LEVELS)).toMatchObject({ level: 3, sent: 3, held: false });
  });

  it('can hold a unit at 0: a promise given before any notice was due', () => {
    // due 11-10: reminded 11-20 at 10 days (level 0), promised 12-03; at 11-30, 20 days: held at 0
    expect(dunningLevel([charge('11-10')], [reminder('11-20', '12-03')], NOV30, LEVELS)).toMatchObject({ level: 0, byAge: 1, held: true });
  });
});
