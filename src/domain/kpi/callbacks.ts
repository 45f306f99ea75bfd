// Callback KPIs (docs/kpis.md "KPIs"): callback rate, satisfaction, and the year's callback coverage of
// occupied households.
import { asOfDay } from '../periods';
import { CustomerFacts } from '../records';
import { startOfYear } from '../time';
import { CoverageWindow, eachIn, TicketBook, TicketWindow } from './book';
import { Rate, rateOf } from './measures';

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

/** Which of the book's units are occupied (已入住) in the register, and how many occupied households
 *  it lists: worked out once per register and book, as every report block asks. */
const occupiedOf = new WeakMap<ReadonlyArray<CustomerFacts>, WeakMap<TicketBook, { flags: Uint8Array; households: number }>>();

function occupiedUnits(customers: ReadonlyArray<CustomerFacts>, book: TicketBook): { flags: Uint8Array; households: number } {
  let byBook = occupiedOf.get(customers);
  if (!byBook) occupiedOf.set(customers, (byBook = new WeakMap()));
  let o = byBook.get(book);
  if (!o) {
    const occupied = new Set<string>();
    for (const c of customers) if (c.occupancy === 'occupied') occupied.add(c.unit);
    const flags = new Uint8Array(book.units.length);
    book.units.forEach((unit, u) => (flags[u] = occupied.has(unit) ? 1 : 0));
    byBook.set(book, (o = { flags, households: occupied.size }));
  }
  return o;
}

// callback coverage 回访覆盖率: occupied households called back this year / occupied households
// ("this year": the calendar year of the as-of day, from January 1st to as-of; occupied = 已入住)
export function callbackCoverage(w: CoverageWindow): Rate {
  const occupied = occupiedUnits(w.customers, w.book);
  const yearStart = startOfYear(asOfDay(w.asOf));
  const { byCallback, unitOf } = w.book;
  const called = new Uint8Array(occupied.flags.length);
  let calledCount = 0;
  const yearWindow = { ...w, period: { ...w.period, start: yearStart, end: w.asOf + 1 } };
  eachIn(byCallback, yearWindow, (i) => {
    const u = unitOf[i];
    if (u >= 0 && occupied.flags[u] === 1 && called[u] === 0) {
      called[u] = 1;
      calledCount++;
    }
  });
  return rateOf(calledCount, occupied.households);
}
