// The open and overdue ticket lists of a report (issue 5: "open and late ticket list, with how late
// each is"): every ticket open at as-of, with the next deadline it has to meet and how late it is on
// the center's clock; most late first.
import { Lang, label, STATUSES } from '../enums';
import { workingMs } from '../calendar';
import { clockIn, pendingDeadline, PendingEvent } from '../sla';
import { MS_PER_HOUR, WallTime } from '../time';
import { TicketFacts } from '../records';
import { knownBy, TicketWindow } from './book';

export interface TicketListEntry {
  readonly row: number;
  readonly id: string;
  readonly receivedAt: WallTime;
  /** as written in the workbook */
  readonly type: string | null;
  readonly category: string | null;
  readonly unit: string | null;
  readonly department: string | null;
  /** the status now, as the sheet has it: the workbook keeps no history of statuses */
  readonly status: string | null;
  /** where the ticket stood at as-of, from its times: on hold, responded, or not yet responded */
  readonly progress: ProgressAtAsOf;
  /** the deadline still to meet (first response, else resolution); null without SLA or while on hold */
  readonly deadline: WallTime | null;
  readonly deadlineFor: PendingEvent | null;
  readonly onHold: boolean;
  /** hours past the deadline on the center's clock; null when not late */
  readonly hoursLate: number | null;
}

/** An open ticket at as-of, as its times tell: on hold (a hold begun and not ended by then),
 *  responded (a first response by then), or not yet responded. */
export type ProgressAtAsOf = 'onHold' | 'responded' | 'notResponded';

function progressAt(t: TicketFacts, asOf: WallTime): ProgressAtAsOf {
  // open at as-of, so not resolved by then: a hold without an end is still open
  if (t.holdStartAt !== null && t.holdStartAt <= asOf && (t.holdEndAt === null || t.holdEndAt > asOf)) return 'onHold';
  return t.firstResponseAt !== null && t.firstResponseAt <= asOf ? 'responded' : 'notResponded';
}

const statusLabels = new Map<Lang, Map<string, string>>();
function statusLabel(key: string | null, lang: Lang): string | null {
  if (key === null) return null;
  let m = statusLabels.get(lang);
  if (!m) statusLabels.set(lang, (m = new Map(STATUSES.map((v) => [v.key, label(v, lang)]))));
  return m.get(key) ?? key;
}

// open tickets 未结工单: received by as-of, not resolved by then, not rejected; most late first
export function openTickets(w: TicketWindow): TicketListEntry[] {
  const { tickets, clocks, byReceived, lang, rejected, resolvedAt } = w.book;
  const out: TicketListEntry[] = [];
  const to = knownBy(byReceived, w);
  for (let k = 0; k < to; k++) {
    const i = byReceived.order[k];
    if (rejected[i] === 1 || resolvedAt[i] <= w.asOf) continue; // NaN: not resolved
    const t = tickets[i];
    const pending = pendingDeadline(t, clockIn(clocks, i), w.asOf);
    const deadline = pending !== null && Number.isFinite(pending.deadline) ? pending.deadline : null;
    out.push({
      row: t.row,
      id: t.id,
      receivedAt: t.receivedAt,
      type: t.typeLabel,
      category: t.category,
      unit: t.unit,
      department: t.department,
      status: statusLabel(t.status, lang),
      progress: progressAt(t, w.asOf),
      deadline,
      deadlineFor: pending?.event ?? null,
      onHold: pending !== null && pending.deadline === Infinity,
      hoursLate: deadline !== null && w.asOf > deadline ? workingMs(deadline, w.asOf, w.settings) / MS_PER_HOUR : null,
    });
  }
  return out.sort((a, b) => (b.hoursLate ?? -1) - (a.hoursLate ?? -1) || a.receivedAt - b.receivedAt || a.row - b.row);
}

// overdue tickets 超时工单: open tickets past a deadline at as-of; most late first
export function overdueTickets(open: ReadonlyArray<TicketListEntry>): TicketListEntry[] {
  return open.filter((e) => e.hoursLate !== null);
}
