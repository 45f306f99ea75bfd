// SLA deadlines (docs/kpis.md "Precisely"). Response deadline = received + response SLA (every type but
// praise). Resolution deadline = the agreed due time (约定完成时间) when set — a fixed promise that holds
// do not move — else received + the resolution SLA of the type (and priority, for repairs). A hold
// (挂起) that starts before a deadline moves it later by the hold's length on the center's clock,
// because the clock stops while the desk waits on the customer or a third party; a hold with no end
// ends when the ticket is resolved, and one still open at as-of leaves the ticket not yet due.
import { workingMs, addWorkingMs, ClockSettings } from './calendar';
import { Priority, TicketType } from './enums';
import { TicketFacts } from './records';
import { ResolutionSla, Settings } from './settings';
import { MS_PER_HOUR, WallTime } from './time';

export type SlaSettings = ClockSettings & Pick<Settings, 'responseSlaHours' | 'resolutionSlaHours' | 'dueSoonHours'>;

/** Which resolution SLA a type takes; repairs take theirs by priority. */
const RESOLUTION_SLA_OF_TYPE: Readonly<Record<TicketType, keyof ResolutionSla | 'byPriority' | null>> = {
  complaint: 'complaint',
  repair: 'byPriority',
  inquiry: 'inquiry',
  suggestion: 'suggestion',
  praise: null,
};

const REPAIR_SLA_OF_PRIORITY: Readonly<Record<Priority, keyof ResolutionSla>> = {
  urgent: 'repairUrgent',
  high: 'repairHigh',
  normal: 'repairNormal',
  low: 'repairLow',
};

/** Types with a response SLA: every type but praise (a ticket whose type is not filled too). */
export function hasResponseSla(type: TicketType | null): boolean {
  return type !== 'praise';
}

/** Resolution SLA hours of a type and priority; null for praise or an unknown type. A repair with
 *  no priority is taken as normal. */
export function resolutionSlaHours(type: TicketType | null, priority: Priority | null, settings: Pick<Settings, 'resolutionSlaHours'>): number | null {
  const rule = type === null ? null : RESOLUTION_SLA_OF_TYPE[type];
  if (rule === null || rule === undefined) return null;
  return settings.resolutionSlaHours[rule === 'byPriority' ? REPAIR_SLA_OF_PRIORITY[priority ?? 'normal'] : rule];
}

/**
 * A deadline as it stands at any as-of: `base` before a hold is known; `moved` once the hold that
 * started before it has ended; not yet due (Infinity) while that hold is open.
 */
export interface DeadlineRule {
  readonly base: WallTime;
  readonly moved: WallTime;
  /** start of the hold that moves this deadline; Infinity when none does */
  readonly holdStart: WallTime;
  /** when the hold's end is known (hold end, else resolved); Infinity while open */
  readonly holdEnd: WallTime;
}

export interface SlaClock {
  readonly response: DeadlineRule | null;
  readonly resolution: DeadlineRule | null;
}

/** The hold as it applies to the clock: from no earlier than receipt, ending at 挂起结束 or else 完成时间. */
function holdOf(t: TicketFacts): { start: WallTime; end: WallTime } | null {
  if (t.holdStartAt === null) return null;
  const start = Math.max(t.holdStartAt, t.receivedAt);
  const end = t.holdEndAt ?? t.resolvedAt ?? Infinity;
  return { start, end: Math.max(start, end) };
}

function rule(base: WallTime, hold: { start: WallTime; end: WallTime } | null, settings: ClockSettings): DeadlineRule {
  if (hold === null || hold.start >= base) return { base, moved: base, holdStart: Infinity, holdEnd: Infinity };
  const moved = hold.end === Infinity ? Infinity : addWorkingMs(base, workingMs(hold.start, hold.end, settings), settings);
  return { base, moved, holdStart: hold.start, holdEnd: hold.end };
}

/** A ticket's deadlines, worked out once and read at any as-of with `deadlineAt`. */
export function slaClock(t: TicketFacts, settings: SlaSettings): SlaClock {
  const hold = holdOf(t);
  const response = hasResponseSla(t.type)
    ? rule(addWorkingMs(t.receivedAt, settings.responseSlaHours * MS_PER_HOUR, settings), hold, settings)
    : null;
  let resolution: DeadlineRule | null = null;
  if (t.agreedDueAt !== null && t.type !== 'praise') resolution = rule(t.agreedDueAt, null, settings);
  else {
    const hours = resolutionSlaHours(t.type, t.priority, settings);
    if (hours !== null) resolution = rule(addWorkingMs(t.receivedAt, hours * MS_PER_HOUR, settings), hold, settings);
  }
  return { response, resolution };
}

/**
 * The deadline as known at `asOf`: NaN when there is none, Infinity while a hold that moves it is
 * still open at as-of (not yet due). A hold that starts after as-of is not known yet.
 */
export function deadlineAt(r: DeadlineRule | null, asOf: WallTime): number {
  return r === null ? NaN : deadlineOf(r.base, r.moved, r.holdStart, r.holdEnd, asOf);
}

function deadlineOf(base: WallTime, moved: WallTime, holdStart: WallTime, holdEnd: WallTime, asOf: WallTime): number {
  if (holdStart > asOf) return base;
  return holdEnd <= asOf ? moved : Infinity;
}

/** One deadline rule of many tickets as columns: ticket i's rule is base[i], moved[i], holdStart[i],
 *  holdEnd[i]; base[i] is NaN when it has none. */
export interface DeadlineColumns {
  readonly base: Float64Array;
  readonly moved: Float64Array;
  readonly holdStart: Float64Array;
  readonly holdEnd: Float64Array;
}

/** The SLA clocks of many tickets held as numbers rather than an object per ticket: a report book
 *  keeps one for every ticket of the log and reads them at many as-ofs. */
export interface SlaClockColumns {
  readonly response: DeadlineColumns;
  readonly resolution: DeadlineColumns;
}

function deadlineColumns(n: number): DeadlineColumns {
  return { base: new Float64Array(n), moved: new Float64Array(n), holdStart: new Float64Array(n), holdEnd: new Float64Array(n) };
}

function putRule(c: DeadlineColumns, i: number, r: DeadlineRule | null): void {
  c.base[i] = r === null ? NaN : r.base;
  c.moved[i] = r === null ? NaN : r.moved;
  c.holdStart[i] = r === null ? NaN : r.holdStart;
  c.holdEnd[i] = r === null ? NaN : r.holdEnd;
}

/** slaClock of every ticket, as columns. */
export function slaClockColumns(tickets: ReadonlyArray<TicketFacts>, settings: SlaSettings): SlaClockColumns {
  const clocks = { response: deadlineColumns(tickets.length), resolution: deadlineColumns(tickets.length) };
  for (let i = 0; i < tickets.length; i++) {
    const c = slaClock(tickets[i], settings);
    putRule(clocks.response, i, c.response);
    putRule(clocks.resolution, i, c.resolution);
  }
  return clocks;
}

/** deadlineAt of ticket i's rule in columns. */
export function deadlineAtIn(c: DeadlineColumns, i: number, asOf: WallTime): number {
  const base = c.base[i];
  return Number.isNaN(base) ? NaN : deadlineOf(base, c.moved[i], c.holdStart[i], c.holdEnd[i], asOf);
}

function ruleIn(c: DeadlineColumns, i: number): DeadlineRule | null {
  return Number.isNaN(c.base[i]) ? null : { base: c.base[i], moved: c.moved[i], holdStart: c.holdStart[i], holdEnd: c.holdEnd[i] };
}

/** Ticket i's clock out of columns. */
export function clockIn(clocks: SlaClockColumns, i: number): SlaClock {
  return { response: ruleIn(clocks.response, i), resolution: ruleIn(clocks.resolution, i) };
}

function finite(d: number): WallTime | null {
  return Number.isFinite(d) ? d : null;
}

/** Response deadline at `asOf`; null when the type has none or a hold is still open (not yet due). */
export function responseDeadline(t: TicketFacts, settings: SlaSettings, asOf: WallTime): WallTime | null {
  return finite(deadlineAt(slaClock(t, settings).response, asOf));
}

/** Resolution deadline at `asOf`; null when the type has none or a hold is still open (not yet due). */
export function resolutionDeadline(t: TicketFacts, settings: SlaSettings, asOf: WallTime): WallTime | null {
  return finite(deadlineAt(slaClock(t, settings).resolution, asOf));
}

/** Time from received to resolved on the center's clock, minus the time on hold in between; null
 *  when not resolved. */
export function resolutionMs(t: TicketFacts, settings: ClockSettings): number | null {
  if (t.resolvedAt === null) return null;
  const total = Math.max(0, workingMs(t.receivedAt, t.resolvedAt, settings));
  const hold = holdOf(t);
  if (hold === null) return total;
  const held = workingMs(hold.start, Math.min(hold.end, t.resolvedAt), settings);
  return Math.max(0, total - Math.max(0, held));
}

export type PendingEvent = 'response' | 'resolution';

/** Whether a ticket is still open at `asOf`: received, not resolved by then, not rejected. */
export function isOpenAt(t: TicketFacts, asOf: WallTime): boolean {
  return t.receivedAt <= asOf && (t.resolvedAt === null || t.resolvedAt > asOf) && t.status !== 'rejected';
}

/**
 * The earliest deadline an open ticket still has to meet at `asOf` (its first response, if not
 * given yet, then its resolution), or null when it has none; Infinity while on hold.
 */
export function pendingDeadline(t: TicketFacts, clock: SlaClock, asOf: WallTime): { event: PendingEvent; deadline: number } | null {
  if (!isOpenAt(t, asOf)) return null;
  let best: { event: PendingEvent; deadline: number } | null = null;
  if (t.firstResponseAt === null || t.firstResponseAt > asOf) {
    const d = deadlineAt(clock.response, asOf);
    if (!Number.isNaN(d)) best = { event: 'response', deadline: d };
  }
  const d = deadlineAt(clock.resolution, asOf);
  if (!Number.isNaN(d) && (best === null || d < best.deadline)) best = { event: 'resolution', deadline: d };
  return best;
}

export type DueState = 'none' | 'onHold' | 'ok' | 'dueSoon' | 'overdue';

/**
 * What clerks see on an open ticket (docs/kpis.md "Rules"): overdue once past its next deadline; due
 * soon within settings.dueSoonHours of it, on the center's clock; on hold while the clock is
 * stopped; none when it is closed or has no SLA. Exactly on the deadline is still in time.
 */
export function dueState(t: TicketFacts, settings: SlaSettings, asOf: WallTime): DueState {
  const pending = pendingDeadline(t, slaClock(t, settings), asOf);
  if (pending === null) return 'none';
  if (pending.deadline === Infinity) return 'onHold';
  if (asOf > pending.deadline) return 'overdue';
  return workingMs(asOf, pending.deadline, settings) <= settings.dueSoonHours * MS_PER_HOUR ? 'dueSoon' : 'ok';
}
