// The clerk's desk at a moment (PRODUCT.md: "a ticket within 4 h of a deadline is 'due soon'; past it,
// 'overdue'. Both are visible to clerks on the ticket sheet and in the task pane"; the 待办 sheet):
// open tickets overdue or due soon, resolved tickets awaiting a callback, new tickets not yet
// dispatched. The deadlines are sla.ts's (holds, agreed due, the center's clock); the window is
// Settings' 临期提醒(小时) (dueSoonHours). Every `hours` is never negative: in `overdue` the hours past
// the deadline and in `dueSoon` the hours left until it, both on the center's clock (Settings 计时方式:
// in working hours a night adds nothing), as SLAs count; in `awaitingCallback` the hours since 完成时间
// and in `undispatched` the hours since 受理时间, both as elapsed (wall-clock) time: how long the
// customer has been waiting, which no SLA clock stops.
import { workingMs } from './calendar';
import { Status } from './enums';
import { TicketFacts } from './records';
import { isOpenAt, pendingDeadline, PendingEvent, slaClock, SlaSettings } from './sla';
import { formatWallIso, MS_PER_HOUR, WallTime } from './time';

/** What names a ticket in every list: its row, ID and unit, and what the sheet shows beside them. */
export interface TodoTicket {
  /** 1-based Excel row */
  readonly row: number;
  /** 工单号; '' when the row has none yet */
  readonly id: string;
  readonly unit: string | null;
  /** type as written in the workbook */
  readonly type: string | null;
  readonly category: string | null;
  readonly department: string | null;
  readonly status: Status | null;
}

/** An open ticket and the deadline it has to meet next. */
export interface DueEntry extends TodoTicket {
  /** the first response while there is none, else the resolution */
  readonly deadlineFor: PendingEvent;
  readonly deadline: WallTime;
  /** overdue: hours past the deadline; due soon: hours left until it (center's clock, ≥ 0) */
  readonly hours: number;
}

/** A resolved ticket nobody has called back yet. */
export interface CallbackEntry extends TodoTicket {
  readonly resolvedAt: WallTime;
  /** hours since it was resolved (elapsed time) */
  readonly hours: number;
}

/** A new ticket (待派单) not yet dispatched to a department. */
export interface UndispatchedEntry extends TodoTicket {
  readonly receivedAt: WallTime;
  /** hours since it was received (elapsed time) */
  readonly hours: number;
}

export interface DueLists {
  readonly asOf: WallTime;
  /** the due-soon window, Settings' 临期提醒(小时) */
  readonly dueSoonHours: number;
  /** past their next deadline, most late first */
  readonly overdue: ReadonlyArray<DueEntry>;
  /** within dueSoonHours of it (exactly on the deadline included), least time left first */
  readonly dueSoon: ReadonlyArray<DueEntry>;
  /** longest waiting first */
  readonly awaitingCallback: ReadonlyArray<CallbackEntry>;
  /** longest waiting first */
  readonly undispatched: ReadonlyArray<UndispatchedEntry>;
}

// Callback rate's population (docs/kpis.md): complaints and repairs are called back after handling.
const CALLED_BACK_TYPES: ReadonlySet<TicketFacts['type']> = new Set(['complaint', 'repair']);
// A closed (已关闭) or rejected (不成立) ticket's loop is closed: nobody is to call it back any more.
const LOOP_CLOSED: ReadonlySet<TicketFacts['status']> = new Set(['closed', 'rejected']);

function todoTicket(t: TicketFacts): TodoTicket {
  return { row: t.row, id: t.id, unit: t.unit, type: t.typeLabel, category: t.category, department: t.department, status: t.status };
}

const hoursBetween = (from: WallTime, to: WallTime, settings: SlaSettings) => Math.max(0, workingMs(from, to, settings)) / MS_PER_HOUR;
const elapsedHours = (from: WallTime, to: WallTime) => Math.max(0, to - from) / MS_PER_HOUR;

/**
 * The four lists at `asOf`. A ticket is open when received by as-of, not resolved by then and not
 * rejected (sla.ts isOpenAt); its next deadline is sla.ts's pendingDeadline: overdue once as-of is past
 * it, due soon while at most dueSoonHours of the center's clock are left (on the deadline itself is
 * still in time), left out while a hold stops its clock or it has no SLA (praise). A ticket may stand
 * in two lists: a new ticket past its response deadline is overdue and undispatched.
 */
export function dueLists(tickets: ReadonlyArray<TicketFacts>, settings: SlaSettings, asOf: WallTime): DueLists {
  const overdue: DueEntry[] = [];
  const dueSoon: DueEntry[] = [];
  const awaitingCallback: CallbackEntry[] = [];
  const undispatched: UndispatchedEntry[] = [];
  const window = settings.dueSoonHours * MS_PER_HOUR;
  for (const t of tickets) {
    if (t.receivedAt > asOf) continue;
    if (isOpenAt(t, asOf)) {
      const pending = pendingDeadline(t, slaClock(t, settings), asOf);
      if (pending !== null && Number.isFinite(pending.deadline)) {
        const entry = (hours: number): DueEntry => ({ ...todoTicket(t), deadlineFor: pending.event, deadline: pending.deadline, hours });
        if (asOf > pending.deadline) overdue.push(entry(hoursBetween(pending.deadline, asOf, settings)));
        else {
          const left = workingMs(asOf, pending.deadline, settings);
          if (left <= window) dueSoon.push(entry(left / MS_PER_HOUR));
        }
      }
      if (t.status === 'new') undispatched.push({ ...todoTicket(t), receivedAt: t.receivedAt, hours: elapsedHours(t.receivedAt, asOf) });
    } else if (
      t.resolvedAt !== null &&
      t.resolvedAt <= asOf &&
      (t.callbackAt === null || t.callbackAt > asOf) &&
      CALLED_BACK_TYPES.has(t.type) &&
      !LOOP_CLOSED.has(t.status)
    ) {
      awaitingCallback.push({ ...todoTicket(t), resolvedAt: t.resolvedAt, hours: elapsedHours(t.resolvedAt, asOf) });
    }
  }
  overdue.sort((a, b) => b.hours - a.hours || a.deadline - b.deadline || a.row - b.row);
  dueSoon.sort((a, b) => a.hours - b.hours || a.deadline - b.deadline || a.row - b.row);
  awaitingCallback.sort((a, b) => a.resolvedAt - b.resolvedAt || a.row - b.row);
  undispatched.sort((a, b) => a.receivedAt - b.receivedAt || a.row - b.row);
  return { asOf, dueSoonHours: settings.dueSoonHours, overdue, dueSoon, awaitingCallback, undispatched };
}

/** How a row of the ticket sheet is coloured: overdue, due soon, or not at all. */
export type DueColour = 'overdue' | 'dueSoon';

/** The colour of each ticket row (1-based Excel rows) the lists put in overdue or due soon. */
export function dueColours(lists: Pick<DueLists, 'overdue' | 'dueSoon'>): Map<number, DueColour> {
  const colours = new Map<number, DueColour>();
  for (const e of lists.dueSoon) colours.set(e.row, 'dueSoon');
  for (const e of lists.overdue) colours.set(e.row, 'overdue');
  return colours;
}

/** The `deskbook due --json` shape (issue 13): wall times as zone-less ISO text, hours unrounded. */
export interface DueJson {
  readonly asOf: string;
  readonly dueSoonHours: number;
  readonly overdue: ReadonlyArray<DueEntryJson>;
  readonly dueSoon: ReadonlyArray<DueEntryJson>;
  readonly awaitingCallback: ReadonlyArray<{ readonly row: number; readonly id: string; readonly unit: string | null; readonly resolved: string; readonly hours: number }>;
  readonly undispatched: ReadonlyArray<{ readonly row: number; readonly id: string; readonly unit: string | null; readonly received: string; readonly hours: number }>;
}

export interface DueEntryJson {
  readonly row: number;
  readonly id: string;
  readonly unit: string | null;
  readonly deadlineFor: PendingEvent;
  readonly deadline: string;
  readonly hours: number;
}

export function dueJson(lists: DueLists): DueJson {
  const due = (e: DueEntry): DueEntryJson => ({ row: e.row, id: e.id, unit: e.unit, deadlineFor: e.deadlineFor, deadline: formatWallIso(e.deadline), hours: e.hours });
  return {
    asOf: formatWallIso(lists.asOf),
    dueSoonHours: lists.dueSoonHours,
    overdue: lists.overdue.map(due),
    dueSoon: lists.dueSoon.map(due),
    awaitingCallback: lists.awaitingCallback.map((e) => ({ row: e.row, id: e.id, unit: e.unit, resolved: formatWallIso(e.resolvedAt), hours: e.hours })),
    undispatched: lists.undispatched.map((e) => ({ row: e.row, id: e.id, unit: e.unit, received: formatWallIso(e.receivedAt), hours: e.hours })),
  };
}
