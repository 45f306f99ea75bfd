// Charges: what was paid against what was due.
import { formatYuan } from '../money';
import { At, Rule } from './rule';

export const CHARGE_RULES: ReadonlyArray<Rule<'charges'>> = [
  {
    // issue 4: paid ≤ due; an overpayment is a warning, not an error (docs/validation.md: it does not offset other charges)
    code: 'CHARGE_OVERPAID',
    sheet: 'charges',
    severity: 'warning',
    zh: '实收金额不应大于应收金额（多收为警告）',
    en: 'amount paid should not exceed amount due (an overpayment is a warning)',
    prepare(pass) {
      if (!pass.has('amountPaid') || !pass.has('amountDue')) return null;
      const at: At = pass.at(this, 'amountPaid');
      const dueColumn = pass.header('amountDue');
      return (v, row, out) => {
        const paid = v.amountPaid;
        const due = v.amountDue;
        if (typeof paid === 'number' && typeof due === 'number' && paid > due) {
          out.push(at(row, { found: formatYuan(paid), due: formatYuan(due), over: formatYuan(paid - due), dueColumn }));
        }
      };
    },
  },
  {
    // issue 4: a paid amount needs a paid date (docs/validation.md: the whole amount paid counts on 收款日期)
    code: 'CHARGE_PAID_NO_DATE',
    sheet: 'charges',
    severity: 'error',
    zh: '有实收金额须填收款日期',
    en: 'an amount paid needs a paid date',
    prepare(pass) {
      if (!pass.has('amountPaid') || !pass.has('paidDate')) return null;
      const at: At = pass.at(this, 'paidDate');
      const paidColumn = pass.header('amountPaid');
      return (v, row, out) => {
        const paid = v.amountPaid;
        if (typeof paid === 'number' && paid > 0 && v.paidDate === null) out.push(at(row, { paid: formatYuan(paid), paidColumn }));
      };
    },
  },
];
