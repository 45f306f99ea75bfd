// Callback KPIs (docs/kpis.md "KPIs"): callback rate, satisfaction, and the year's callback coverage of
// occupied households.
import { asOfDay } from '../periods';
import { householdsOn } from '../households';
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

/** Each unit of the book by name, worked out once per book (every report block asks). */
const unitIndexes = new WeakMap<TicketBook, ReadonlyMap<string, number>>();

function unitIndex(book: TicketBook): ReadonlyMap<string, number> {
  let m = unitIndexes.get(book);
  if (!m) unitIndexes.set(book, (m = new Map(book.units.map((unit, u) => [unit, u]))));
  return m;
}

// callback coverage 回访覆盖率: occupied households called back this year / occupied households
// ("this year": the calendar year of the as-of day, from January 1st to as-of; households: 已入住 and
// 出租 units moved in by the as-of day, households.ts; called back: a ticket of the unit with its
// 回访时间 in that time, or a call recorded on a 回访计划 sheet with its 回访日期 in it)
export function callbackCoverage(w: CoverageWindow): Rate {
  const day = asOfDay(w.asOf);
  const households = householdsOn(w.customers, day);
  const index = unitIndex(w.book);
  const household = new Uint8Array(w.book.units.length);
  for (const h of households) {
    const u = index.get(h.unit);
    if (u !== undefined) household[u] = 1;
  }
  // the year's ticket callbacks scan as unit indexes (a ticket log may hold 100,000 of them); a plan's
  // calls name their unit
  const called = new Uint8Array(w.book.units.length);
  let count = 0;
  const yearStart = startOfYear(day);
  const { byCallback, unitOf } = w.book;
  const yearWindow = { ...w, period: { ...w.period, start: yearStart, end: w.asOf + 1 } };
  eachIn(byCallback, yearWindow, (i) => {
    const u = unitOf[i];
    if (u >= 0 && household[u] === 1 && called[u] === 0) {
      called[u] = 1;
      count++;
    }
  });
  if (w.planCalls.length > 0) {
    const others = new Set<string>();
    const isHousehold = new Set(households.map((h) => h.unit));
    for (const c of w.planCalls) {
      if (c.calledAt < yearStart || c.calledAt > day || !isHousehold.has(c.unit)) continue;
      const u = index.get(c.unit);
      if (u === undefined) others.add(c.unit);
      else if (called[u] === 0) {
        called[u] = 1;
        count++;
      }
    }
    count += others.size;
  }
  return rateOf(count, households.length);
}
