// Volume KPIs (docs/kpis.md "KPIs"): received, resolved, backlog, and the breakdowns of what was
// received. Breakdowns are keyed by the value as written in the workbook (the label the clerk typed),
// every known value listed, zero or not, so that one period's table lines up with the next.
import { BLANK_LABEL, CHANNELS, label, Lang, TICKET_TYPES } from '../enums';
import { inListOrder } from '../listOrder';
import { TicketFacts } from '../records';
import { eachIn, inPeriod, knownBy, TicketWindow } from './book';

export type Counts = Record<string, number>;

// received 受理量: tickets received in the period
export function received(w: TicketWindow): number {
  const { from, to } = inPeriod(w.book.byReceived, w);
  return to - from;
}

// resolved 办结量: tickets resolved in the period (every 完成时间 in it, whatever the type or status)
export function resolved(w: TicketWindow): number {
  const { from, to } = inPeriod(w.book.byResolved, w);
  return to - from;
}

// the tickets of the backlog, by row index
function eachOpen(w: TicketWindow, fn: (i: number) => void): void {
  const { byReceived, rejected, resolvedAt } = w.book;
  const to = knownBy(byReceived, w);
  for (let k = 0; k < to; k++) {
    const i = byReceived.order[k];
    if (rejected[i] === 0 && !(resolvedAt[i] <= w.asOf)) fn(i); // NaN: not resolved
  }
}

// backlog 未结: tickets received by period end and not resolved by then (rejected excluded)
export function backlog(w: TicketWindow): number {
  let count = 0;
  eachOpen(w, () => count++);
  return count;
}

function countBy(
  w: TicketWindow,
  known: ReadonlyArray<string>,
  valueOf: (t: TicketFacts) => string | null,
  each: (fn: (i: number) => void) => void = (fn) => eachIn(w.book.byReceived, w, fn),
): Counts {
  const blank = BLANK_LABEL[w.book.lang];
  const counts = new Map<string, number>(known.map((k) => [k, 0]));
  each((i) => {
    const v = valueOf(w.book.tickets[i]) ?? blank;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  // the known values in their order, then values typed that are not on the list, the blank last
  return Object.fromEntries(inListOrder(counts.keys(), known, blank).map((k) => [k, counts.get(k)!]));
}

const typeLabels = (lang: Lang) => TICKET_TYPES.map((v) => label(v, lang));
const channelLabels = (lang: Lang) => CHANNELS.map((v) => label(v, lang));

// received by type 类型
export function byType(w: TicketWindow): Counts {
  return countBy(w, typeLabels(w.book.lang), (t) => t.typeLabel);
}

// resolved by type: tickets resolved in the period, by type (the daily tally's 办结 by type)
export function resolvedByType(w: TicketWindow): Counts {
  return countBy(w, typeLabels(w.book.lang), (t) => t.typeLabel, (fn) => eachIn(w.book.byResolved, w, fn));
}

// backlog by type: the backlog at the period end, by type (the daily tally's 未结 by type)
export function backlogByType(w: TicketWindow): Counts {
  return countBy(w, typeLabels(w.book.lang), (t) => t.typeLabel, (fn) => eachOpen(w, fn));
}

// received by category 类别
export function byCategory(w: TicketWindow): Counts {
  return countBy(w, w.settings.categories, (t) => t.category);
}

// received by department 责任部门
export function byDepartment(w: TicketWindow): Counts {
  return countBy(w, w.settings.departments, (t) => t.department);
}

// received by channel 渠道 (the daily tally's calls 来电 and visits 来访 are two of its entries)
export function byChannel(w: TicketWindow): Counts {
  return countBy(w, channelLabels(w.book.lang), (t) => t.channelLabel);
}

// received by type × category (type, then category → count)
export function typeByCategory(w: TicketWindow): Record<string, Counts> {
  const blank = BLANK_LABEL[w.book.lang];
  const out: Record<string, Counts> = {};
  const row = (type: string) => (out[type] ??= Object.fromEntries(w.settings.categories.map((c) => [c, 0])));
  for (const type of typeLabels(w.book.lang)) row(type);
  eachIn(w.book.byReceived, w, (i) => {
    const t = w.book.tickets[i];
    const cells = row(t.typeLabel ?? blank);
    const category = t.category ?? blank;
    cells[category] = (cells[category] ?? 0) + 1;
  });
  const order = (cells: Counts): Counts => Object.fromEntries(inListOrder(Object.keys(cells), w.settings.categories, blank).map((c) => [c, cells[c]]));
  return Object.fromEntries(inListOrder(Object.keys(out), typeLabels(w.book.lang), blank).map((type) => [type, order(out[type])]));
}
