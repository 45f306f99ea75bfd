// Timeliness KPIs (docs/kpis.md "Precisely"): on-time response and resolution against each ticket's
// deadline as known at as-of, overall and by category and department, and the handling time of the
// tickets resolved in the period. Tickets not yet due are left out of on-time rates: a late ticket
// counts once its deadline has passed. Each ticket is judged once, by responseOutcome and
// resolutionOutcome; the overall rates and every breakdown tally those outcomes, so the breakdowns'
// numerators and denominators add up to the overall ones by construction.
import { BLANK_LABEL } from '../enums';
import { inListOrder } from '../listOrder';
import { TicketFacts } from '../records';
import { MS_PER_HOUR, WallTime } from '../time';
import { deadlineAtIn } from '../sla';
import { eachIn, TicketBook, TicketWindow } from './book';
import { HourStats, hourStats, Rate, rateOf } from './measures';

/** How a ticket counts in an on-time rate at as-of: left out (no SLA, not yet due, rejected), on time, or late. */
export type Outcome = 'out' | 'onTime' | 'late';

/** Response: every type but praise; in once responded by as-of or once its deadline has passed. */
export function responseOutcome(book: TicketBook, i: number, asOf: WallTime): Outcome {
  const deadline = deadlineAtIn(book.clocks.response, i, asOf);
  if (Number.isNaN(deadline)) return 'out'; // praise: no response SLA
  const respondedAt = book.tickets[i].firstResponseAt;
  const responded = respondedAt !== null && respondedAt <= asOf;
  if (!responded && !(deadline <= asOf)) return 'out'; // not yet due
  return responded && respondedAt <= deadline ? 'onTime' : 'late';
}

/** Resolution: the same with the resolved time and the resolution deadline; rejected and praise left out. */
export function resolutionOutcome(book: TicketBook, i: number, asOf: WallTime): Outcome {
  const t = book.tickets[i];
  if (t.status === 'rejected') return 'out';
  const deadline = deadlineAtIn(book.clocks.resolution, i, asOf);
  if (Number.isNaN(deadline)) return 'out'; // praise or no type: no resolution SLA
  const resolved = t.resolvedAt !== null && t.resolvedAt <= asOf;
  if (!resolved && !(deadline <= asOf)) return 'out';
  return resolved && t.resolvedAt! <= deadline ? 'onTime' : 'late';
}

type Judge = (book: TicketBook, i: number, asOf: WallTime) => Outcome;

/** The rate of `judge` over the tickets received in the period as known at as-of. */
function tally(w: TicketWindow, judge: Judge): Rate {
  let num = 0;
  let den = 0;
  eachIn(w.book.byReceived, w, (i) => {
    const o = judge(w.book, i, w.asOf);
    if (o === 'out') return;
    den++;
    if (o === 'onTime') num++;
  });
  return rateOf(num, den);
}

// on-time response 及时响应率: responded within SLA / tickets received whose response is due by period end
export function onTimeResponse(w: TicketWindow): Rate {
  return tally(w, responseOutcome);
}

// on-time resolution 及时办结率: resolved within SLA / tickets whose resolution is due by period end (rejected and praise excluded)
export function onTimeResolution(w: TicketWindow): Rate {
  return tally(w, resolutionOutcome);
}

/** On-time response and resolution of one group of tickets. */
export interface OnTime {
  readonly response: Rate;
  readonly resolution: Rate;
}

/** On-time rates by a value as written (a category, a department), in the Settings list's order. */
export type OnTimeBy = Record<string, OnTime>;

/**
 * On-time response and resolution of the tickets received in the window, grouped by a value of the
 * ticket: every value of `known` listed (0 of 0 when none), then values typed that are not on the
 * list, then the blank (BLANK_LABEL) when a ticket has none.
 */
export function onTimeBy(w: TicketWindow, known: ReadonlyArray<string>, valueOf: (t: TicketFacts) => string | null): OnTimeBy {
  const blank = BLANK_LABEL[w.book.lang];
  const counts = new Map<string, [number, number, number, number]>(known.map((k) => [k, [0, 0, 0, 0]]));
  eachIn(w.book.byReceived, w, (i) => {
    const response = responseOutcome(w.book, i, w.asOf);
    const resolution = resolutionOutcome(w.book, i, w.asOf);
    if (response === 'out' && resolution === 'out') return; // in neither rate: no row of its own
    const key = valueOf(w.book.tickets[i]) ?? blank;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = [0, 0, 0, 0]));
    if (response !== 'out') {
      c[1]++;
      if (response === 'onTime') c[0]++;
    }
    if (resolution !== 'out') {
      c[3]++;
      if (resolution === 'onTime') c[2]++;
    }
  });
  const out: OnTimeBy = {};
  for (const key of inListOrder(counts.keys(), known, blank)) {
    const [rn, rd, sn, sd] = counts.get(key)!;
    out[key] = { response: rateOf(rn, rd), resolution: rateOf(sn, sd) };
  }
  return out;
}

// on-time response and resolution by category 按类别及时率: the same populations as onTimeResponse and onTimeResolution, by 类别
export function onTimeByCategory(w: TicketWindow): OnTimeBy {
  return onTimeBy(w, w.settings.categories, (t) => t.category);
}

// on-time response and resolution by department 按责任部门及时率: the same, by 责任部门
export function onTimeByDepartment(w: TicketWindow): OnTimeBy {
  return onTimeBy(w, w.settings.departments, (t) => t.department);
}

/** A rate's place in a worst-first order: the lowest rate first, a group without any due ticket last. */
function worstKey(r: Rate): number {
  return r.rate === null ? Infinity : r.rate;
}

/**
 * The groups of an OnTimeBy worst first, for a manager's table: by on-time resolution, lowest
 * first, then by on-time response; groups with nothing due last; ties keep the Settings order.
 */
export function worstFirst(by: Readonly<Record<string, OnTime>>): string[] {
  const keys = Object.keys(by);
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => worstKey(by[a.k].resolution) - worstKey(by[b.k].resolution) || worstKey(by[a.k].response) - worstKey(by[b.k].response) || a.i - b.i)
    .map((x) => x.k);
}

// resolution time 处理时长: mean, median and 90th percentile hours, tickets resolved in the period (center's clock, minus hold)
export function resolutionHours(w: TicketWindow): HourStats {
  const hours: number[] = [];
  eachIn(w.book.byResolved, w, (i) => {
    const ms = w.book.resolutionMs[i];
    if (!Number.isNaN(ms)) hours.push(ms / MS_PER_HOUR);
  });
  return hourStats(hours);
}
