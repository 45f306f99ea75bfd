// The ticket log and the charges ledger prepared once for any number of periods: facts in arrays,
// each ticket's SLA clock and handling time worked out once, and indexes sorted by the times KPIs
// select on (received, resolved, called back), so that a period's tickets are a binary search away.
// A period's KPIs then read a window: the period, its as-of, and the prepared book.
import type { PlanCall } from '../callbackPlan';
import { CustomerFacts, ChargeFacts, TicketFacts } from '../records';
import { Lang } from '../enums';
import { Period } from '../periods';
import { resolutionMs, SlaClockColumns, slaClockColumns, SlaSettings } from '../sla';
import { Settings } from '../settings';
import { WallTime } from '../time';

// docs/kpis.md "Precisely": an earlier complaint from the same unit in the same category within 30 days.
export const REPEAT_WINDOW_MS = 720 * 3_600_000;

/** Indexes of facts sorted by one time, and those times in that order, for range searches. */
export interface TimeIndex {
  readonly order: Int32Array;
  readonly times: Float64Array;
}

export interface TicketBook {
  /** the language the ticket sheet is written in (labels "as written") */
  readonly lang: Lang;
  readonly tickets: ReadonlyArray<TicketFacts>;
  readonly clocks: SlaClockColumns;
  /** ms from received to resolved on the center's clock minus hold; NaN when not resolved */
  readonly resolutionMs: Float64Array;
  /** 1 for a complaint that repeats an earlier one (same unit and category, within 720 h) */
  readonly repeat: Uint8Array;
  /** 完成时间 of each ticket as a column (NaN when not resolved), and 1 for a rejected ticket: the
   *  scans over every ticket received so far (backlog, open tickets) read these, not the facts */
  readonly resolvedAt: Float64Array;
  readonly rejected: Uint8Array;
  /** the distinct units of the log, and each ticket's position in that list (-1 when blank) */
  readonly units: ReadonlyArray<string>;
  readonly unitOf: Int32Array;
  readonly byReceived: TimeIndex;
  readonly byResolved: TimeIndex;
  readonly byCallback: TimeIndex;
}

function timeIndex(facts: ReadonlyArray<TicketFacts>, time: (t: TicketFacts) => WallTime | null): TimeIndex {
  const all = new Float64Array(facts.length);
  let count = 0;
  let last = -Infinity;
  let sorted = true; // a ticket log is mostly kept in order: then no sort is needed
  for (let i = 0; i < facts.length; i++) {
    const t = time(facts[i]);
    all[i] = t === null ? NaN : t;
    if (t === null) continue;
    if (t < last) sorted = false;
    last = t;
    count++;
  }
  const order = new Int32Array(count);
  const times = new Float64Array(count);
  // facts are in row order, so ties in time keep row order: "at the same moment on an earlier row"
  if (sorted) {
    for (let i = 0, k = 0; i < facts.length; i++) if (!Number.isNaN(all[i])) order[k++] = i;
  } else sortByTime(all, order);
  for (let k = 0; k < count; k++) times[k] = all[order[k]];
  return { order, times };
}

/**
 * Fills `order` with the indexes of the times of `all` that are not NaN, by time, ties in index
 * order. When time and index fit together in one exact number (time since the earliest, in whole
 * seconds when all are, times the count, plus the index), those numbers are sorted natively, without
 * a comparator, several times faster; else by a comparator.
 */
function sortByTime(all: Float64Array, order: Int32Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  let unit = 1000;
  for (let i = 0; i < all.length && unit > 1; i++) if ((all[i] - min) % 1000 !== 0 && !Number.isNaN(all[i])) unit = 1;
  const n = all.length;
  if (!(((max - min) / unit + 1) * n <= Number.MAX_SAFE_INTEGER) || !Number.isInteger(min) || !Number.isInteger(max)) {
    for (let i = 0, k = 0; i < n; i++) if (!Number.isNaN(all[i])) order[k++] = i;
    order.sort((a, b) => all[a] - all[b] || a - b);
    return;
  }
  const keys = new Float64Array(order.length);
  for (let i = 0, k = 0; i < n; i++) if (!Number.isNaN(all[i])) keys[k++] = ((all[i] - min) / unit) * n + i;
  keys.sort();
  for (let k = 0; k < keys.length; k++) order[k] = keys[k] % n;
}

/** First position whose time is >= t. */
export function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose time is > t. */
export function upperBound(times: Float64Array, t: number): number {
  return lowerBound(times, t + 1); // wall times are whole milliseconds
}

function repeatFlags(facts: ReadonlyArray<TicketFacts>, byReceived: TimeIndex): Uint8Array {
  const repeat = new Uint8Array(facts.length);
  const lastOf = new Map<string, WallTime>();
  for (let k = 0; k < byReceived.order.length; k++) {
    const i = byReceived.order[k];
    const t = facts[i];
    if (t.type !== 'complaint' || t.unit === null || t.category === null) continue;
    const key = `${t.unit}\u0000${t.category}`;
    const last = lastOf.get(key);
    if (last !== undefined && t.receivedAt - last <= REPEAT_WINDOW_MS) repeat[i] = 1;
    lastOf.set(key, t.receivedAt);
  }
  return repeat;
}

export function ticketBook(tickets: ReadonlyArray<TicketFacts>, lang: Lang, settings: SlaSettings): TicketBook {
  const clocks = slaClockColumns(tickets, settings);
  const handling = new Float64Array(tickets.length);
  for (let i = 0; i < tickets.length; i++) handling[i] = resolutionMs(tickets[i], settings) ?? NaN;
  const resolvedAt = new Float64Array(tickets.length);
  const rejected = new Uint8Array(tickets.length);
  const unitOf = new Int32Array(tickets.length);
  const unitIds = new Map<string, number>();
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i];
    resolvedAt[i] = t.resolvedAt ?? NaN;
    rejected[i] = t.status === 'rejected' ? 1 : 0;
    let u = -1;
    if (t.unit !== null) {
      u = unitIds.get(t.unit) ?? unitIds.size;
      if (u === unitIds.size) unitIds.set(t.unit, u);
    }
    unitOf[i] = u;
  }
  const byReceived = timeIndex(tickets, (t) => t.receivedAt);
  return {
    lang,
    tickets,
    clocks,
    resolutionMs: handling,
    repeat: repeatFlags(tickets, byReceived),
    resolvedAt,
    rejected,
    units: [...unitIds.keys()],
    unitOf,
    byReceived,
    byResolved: timeIndex(tickets, (t) => t.resolvedAt),
    byCallback: timeIndex(tickets, (t) => t.callbackAt),
  };
}

/** A period seen at its as-of: what every KPI of a period computes from. */
export interface Window {
  readonly period: Period;
  readonly asOf: WallTime;
  readonly settings: Settings;
}

export interface TicketWindow extends Window {
  readonly book: TicketBook;
}

/**
 * Positions in `index` of the facts whose time lies in the period as known at as-of: start <= t <
 * end and t <= as-of.
 */
export function inPeriod(index: TimeIndex, w: Window): { from: number; to: number } {
  const from = lowerBound(index.times, w.period.start);
  const to = Math.min(lowerBound(index.times, w.period.end), upperBound(index.times, w.asOf));
  return { from, to: Math.max(from, to) };
}

/** How many facts of `index` (from its start) have their time before the period's end and at or before as-of. */
export function knownBy(index: TimeIndex, w: Window): number {
  return Math.min(lowerBound(index.times, w.period.end), upperBound(index.times, w.asOf));
}

/** Calls `fn` with the index of every ticket whose time (by `index`) lies in the window's period. */
export function eachIn(index: TimeIndex, w: Window, fn: (i: number) => void): void {
  const { from, to } = inPeriod(index, w);
  for (let k = from; k < to; k++) fn(index.order[k]);
}

export interface ChargeBook {
  readonly charges: ReadonlyArray<ChargeFacts>;
  /** charges by 账期 month index */
  readonly byMonth: ReadonlyMap<number, ReadonlyArray<ChargeFacts>>;
  /** arrears already worked out, by as-of day and aging bounds (several reports ask for the same day) */
  readonly memo: Map<string, unknown>;
}

export function chargeBook(charges: ReadonlyArray<ChargeFacts>): ChargeBook {
  const byMonth = new Map<number, ChargeFacts[]>();
  for (const c of charges) {
    if (c.periodIndex === null) continue;
    let list = byMonth.get(c.periodIndex);
    if (!list) byMonth.set(c.periodIndex, (list = []));
    list.push(c);
  }
  return { charges, byMonth, memo: new Map() };
}

export interface ChargeWindow extends Window {
  readonly charges: ChargeBook;
}

export interface CoverageWindow extends Window {
  readonly book: TicketBook;
  readonly customers: ReadonlyArray<CustomerFacts>;
  /** calls recorded on the workbook's 回访计划 sheets */
  readonly planCalls: ReadonlyArray<PlanCall>;
}
