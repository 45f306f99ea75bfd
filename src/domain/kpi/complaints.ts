// Complaint KPIs (docs/kpis.md "KPIs"): valid complaint rate and repeat complaints.
import { codePointCompare, listOrder } from '../listOrder';
import { eachIn, TicketWindow } from './book';
import { Rate, rateOf } from './measures';

// valid complaint rate 有效投诉率: complaints marked valid / complaints with the field filled (received in the period)
export function validComplaintRate(w: TicketWindow): Rate {
  let num = 0;
  let den = 0;
  eachIn(w.book.byReceived, w, (i) => {
    const t = w.book.tickets[i];
    if (t.type !== 'complaint' || t.complaintValid === null) return;
    den++;
    if (t.complaintValid === 'yes') num++;
  });
  return rateOf(num, den);
}

export interface RepeatComplaint {
  readonly unit: string;
  readonly category: string;
  /** repeats received in the period */
  readonly count: number;
}

// repeat complaints 重复投诉: a complaint in the period repeating one from the same unit in the same category at most 30 days (720 h) earlier; by unit and category, most first
export function repeatComplaints(w: TicketWindow): RepeatComplaint[] {
  const counts = new Map<string, RepeatComplaint>();
  eachIn(w.book.byReceived, w, (i) => {
    if (w.book.repeat[i] === 0) return;
    const t = w.book.tickets[i];
    const key = `${t.unit}\u0000${t.category}`;
    const c = counts.get(key);
    counts.set(key, { unit: t.unit!, category: t.category!, count: (c?.count ?? 0) + 1 });
  });
  // ties by unit, then category in the Settings order (no locale: the same order in every face)
  const byCategory = listOrder(w.settings.categories);
  return [...counts.values()].sort((a, b) => b.count - a.count || codePointCompare(a.unit, b.unit) || byCategory(a.category, b.category));
}

// repeat complaints 重复投诉 (headline): units with two or more complaints in the same category within 30 days
export function repeatComplaintUnits(w: TicketWindow): number {
  return new Set(repeatComplaints(w).map((r) => r.unit)).size;
}
