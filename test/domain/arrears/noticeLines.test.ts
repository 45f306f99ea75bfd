// A notice's table of charges: each charge while they fit a page, else one line a fee item.
import { noticeLines } from '../../../src/domain/arrears/notices';
import { wall } from '../../../src/domain/time';
import { years } from './longArrears';

describe('noticeLines', () => {
  it('lists each charge while they fit a page', () => {
    const few = years().slice(20); // 物业费 2026-09, 2026-10 and the three 水费
    const lines = noticeLines(few);
    expect(lines.map((l) => [l.feeItem, l.firstPeriod, l.count, l.outstanding])).toEqual([
      ['物业费', '2026-09', 1, 32000],
      ['物业费', '2026-10', 1, 32000],
      ['水费', '2026-08', 1, 3550],
      ['水费', '2026-09', 1, 4550],
      ['水费', null, 1, 4550],
    ]);
  });

  it('sums the charges of each fee item when there are more than fit, every charge on one line', () => {
    const lines = noticeLines(years());
    expect(lines).toHaveLength(2);
    const [fee, water] = lines;
    // 22 × 320.00 = 7,040.00 owed; due 2025-01-01, 693 days before 2026-11-25
    expect(fee).toEqual({ feeItem: '物业费', firstPeriod: '2025-01', lastPeriod: '2026-10', count: 22, dueDate: wall(2025, 1, 1), due: 704000, paid: 0, outstanding: 704000, daysOverdue: 693 });
    // 3 × 45.50 = 136.50 due, 10.00 paid, 126.50 owed; the row without a 账期 leaves the span as 2026-08 … 2026-09
    expect(water).toEqual({ feeItem: '水费', firstPeriod: '2026-08', lastPeriod: '2026-09', count: 3, dueDate: wall(2026, 8, 1), due: 13650, paid: 1000, outstanding: 12650, daysOverdue: 116 });
    expect(noticeLines(years(), 25)).toHaveLength(25);
  });
});
