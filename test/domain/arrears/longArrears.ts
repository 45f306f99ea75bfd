// A unit owing for years: 25 charges of two fee items, more than a notice page holds.
import { OutstandingCharge } from '../../../src/domain/arrears/list';
import { MS_PER_DAY, wall } from '../../../src/domain/time';

export const AS_OF = wall(2026, 11, 25);

/** A charge of `cents` due on the 1st of the month of `period`, nothing paid. */
function charge(row: number, feeItem: string, period: string | null, month: [number, number], cents: number, paid = 0): OutstandingCharge {
  const dueDate = wall(month[0], month[1], 1);
  return { row, feeItem, period, dueDate, due: cents, paid, outstanding: cents - paid, daysOverdue: Math.round((AS_OF - dueDate) / MS_PER_DAY), bucket: 0 };
}

/** 物业费 for the 22 months 2025-01 … 2026-10 at 320.00, and 水费 2026-08 … 2026-10 at 45.50 (10.00 paid of the first). */
export function years(): OutstandingCharge[] {
  const out: OutstandingCharge[] = [];
  for (let i = 0; i < 22; i++) {
    const y = 2025 + Math.floor(i / 12);
    const m = (i % 12) + 1;
    out.push(charge(2 + i, '物业费', `${y}-${String(m).padStart(2, '0')}`, [y, m], 32000));
  }
  out.push(charge(30, '水费', '2026-08', [2026, 8], 4550, 1000), charge(31, '水费', '2026-09', [2026, 9], 4550), charge(32, '水费', null, [2026, 10], 4550));
  return out;
}
