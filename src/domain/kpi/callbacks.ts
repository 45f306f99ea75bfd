// Callback KPIs (PRODUCT.md "KPIs"): callback rate, satisfaction, and the year's callback coverage of
// occupied households.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { asOfDay } from '../periods';
import { CoverageWindow, eachIn, TicketWindow } from './book';
import { Rate, rateOf } from './measures';

dayjs.extend(utc);

// callback rate 回访率: complaints and repairs resolved in the period that were called back (by as-of) / all of them (rejected included)
export function callbackRate(w: TicketWindow): Rate {
  let num = 0;
  let den = 0;
  eachIn(w.book.byResolved, w, (i) => {
    const t = w.book.tickets[i];
    if (t.type !== 'complaint' && t.type !== 'repair') return;
    den++;
    if (t.callbackAt !== null && t.callbackAt <= w.asOf) num++;
  });
  return rateOf(num, den);
}

// satisfaction 满意率: (满意 + 基本满意) / callbacks with a rating, in the period
export function satisfaction(w: TicketWindow): Rate {
  let num = 0;
  let den = 0;
  eachIn(w.book.byCallback, w, (i) => {
    const rating = w.book.tickets[i].satisfaction;
    if (rating === null) return;
    den++;
    if (rating === 'satisfied' || rating === 'fairlySatisfied') num++;
  });
  return rateOf(num, den);
}

// callback coverage 回访覆盖率: occupied households called back this year / occupied households
// ("this year": the calendar year of the as-of day, from January 1st to as-of; occupied = 已入住)
export function callbackCoverage(w: CoverageWindow): Rate {
  const occupied = new Set<string>();
  for (const c of w.customers) if (c.occupancy === 'occupied') occupied.add(c.unit);
  const yearStart = dayjs.utc(asOfDay(w.asOf)).startOf('year').valueOf();
  const called = new Set<string>();
  const { byCallback, tickets } = w.book;
  const yearWindow = { ...w, period: { ...w.period, start: yearStart, end: w.asOf + 1 } };
  eachIn(byCallback, yearWindow, (i) => {
    const unit = tickets[i].unit;
    if (unit !== null && occupied.has(unit)) called.add(unit);
  });
  return rateOf(called.size, occupied.size);
}
