// The ticket log: receipts over the window, in order, each taken through the status flow of
// docs/sheets.md as far as the as-of moment allows. All times are minute numbers (serial × 1440), so the
// hot loop does arithmetic only.
import {
  CHANNELS,
  DEFAULT_CATEGORIES,
  DEFAULT_DEPARTMENTS,
  enumLabel,
  Lang,
  PRIORITIES,
  Priority,
  SATISFACTION,
  STATUSES,
  Status,
  TICKET_TYPES,
  TicketType,
  YES_NO,
} from '../enums';
import { TICKETS } from '../schema';
import { formatTicketId } from '../ticketId';
import type { Cell } from '../grid';
import { calendarDayOf, formatWallAs, MINUTES_PER_DAY, serialToWall } from '../time';
import { UnitRecord } from './customers';
import { mobile, personName, politeName } from './people';
import { Random } from './random';
import { columnIndex } from './rows';
import {
  AGREED_DUE_DAYS,
  AGREED_DUE_SHARE,
  CALLBACK_DAY_OFFSET,
  CALLBACK_HOURS,
  CALLBACK_SHARE,
  CATEGORY_BY_TYPE,
  CHANNEL_SHARE,
  CLOSE_AFTER_CALLBACK_DAYS,
  CLOSE_SHARE_AFTER_CALLBACK,
  CONTACT_IS_CUSTOMER,
  CategoryKey,
  DEPARTMENT_BY_CATEGORY,
  DESK_HOURS,
  DepartmentKey,
  FREQUENT_CALLER_SHARE,
  FREQUENT_CALLER_UNITS,
  HOLD_LENGTH,
  HOLD_SHARE,
  HOUR_WEIGHTS,
  INQUIRY_ANSWERED_AT_ONCE,
  LATE_FRACTION,
  LATE_RESOLUTION_SHARE,
  MORNING_PICKUP,
  NO_UNIT_SHARE,
  ON_TIME_FRACTION,
  PRIORITY_BY_TYPE,
  REJECTED_COMPLAINT_SHARE,
  REPAIR_SLA_HOURS,
  REPEAT_COMPLAINT_SHARE,
  REPEAT_WINDOW_MINUTES,
  RESOLUTION_SLA_HOURS,
  RESPONSE_DELAY,
  SATISFACTION_LATE,
  SATISFACTION_ON_TIME,
  TYPE_SHARE,
  WEEKEND_DAY_WEIGHT,
} from './tables';
import {
  CALLBACK_NOTES,
  Case,
  DESCRIPTIONS,
  DESCRIPTION_FALLBACK,
  HOLD_REASONS,
  HOLD_REASON_FALLBACK,
  REJECT_REASONS,
  REPEAT_PREFIX,
  SAME_DAY_PREFIX,
  RESULTS,
  RESULT_FALLBACK,
  Text,
  say,
} from './text';

const DAY = MINUTES_PER_DAY;
/** The sample desk's installations of the add-in (three clerks' computers), each with its tag. */
const SAMPLE_TAGS = ['K7M', 'R2D', 'X4P'] as const;
const HOUR = 60;
const C = columnIndex(TICKETS);

export interface TicketContext {
  readonly rng: Random;
  readonly lang: Lang;
  readonly units: ReadonlyArray<UnitRecord>;
  readonly clerks: ReadonlyArray<string>;
  /** handlers per department; the service department's are the clerks */
  readonly staff: Readonly<Record<DepartmentKey, ReadonlyArray<string>>>;
  /** first serial day of the window */
  readonly windowStartDay: number;
  /** the as-of moment, in minutes */
  readonly asOfMinute: number;
  readonly count: number;
}

/** Receipt minutes, ascending: days weighted weekday/weekend, hours weighted to desk hours. */
function receiptTimes(rng: Random, windowStartDay: number, asOfMinute: number, count: number): Float64Array {
  const days: number[] = [];
  for (let d = windowStartDay; d * DAY < asOfMinute; d++) days.push(d);
  const dayCumulative = new Float64Array(days.length);
  let total = 0;
  days.forEach((d, i) => {
    const weekday = calendarDayOf(serialToWall(d)).weekday;
    total += weekday === 0 || weekday === 6 ? WEEKEND_DAY_WEIGHT : 1;
    dayCumulative[i] = total;
  });
  const hourCumulative: number[] = [];
  let hourTotal = 0;
  for (const w of HOUR_WEIGHTS) hourCumulative.push((hourTotal += w));

  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let t: number;
    // the last day may be cut short by the as-of moment: draw again past it
    do {
      const day = days[rng.drawIndex(dayCumulative, total)];
      t = day * DAY + rng.drawIndex(hourCumulative, hourTotal) * HOUR + rng.int(0, 59);
    } while (t >= asOfMinute);
    times[i] = t;
  }
  return times.sort();
}

/** work is done in desk hours: a time at night moves to the next desk morning */
function intoDeskHours(rng: Random, t: number): number {
  const hour = Math.floor((t % DAY) / HOUR);
  if (hour >= DESK_HOURS[0] && hour < DESK_HOURS[1]) return t;
  const day = Math.floor(t / DAY) + (hour >= DESK_HOURS[1] ? 1 : 0);
  return day * DAY + DESK_HOURS[0] * HOUR + rng.int(MORNING_PICKUP[0], MORNING_PICKUP[1]);
}

function fill(text: string, rng: Random): string {
  if (text.indexOf('{') < 0) return text;
  return text
    .replace('{spot}', `B1-${String(rng.int(1, 380)).padStart(3, '0')}`)
    .replace('{n}', String(rng.int(2, 30)));
}

function isText(c: Case): c is Text {
  return Array.isArray(c);
}

function pickText(rng: Random, texts: ReadonlyArray<Text> | undefined, fallback: Text, lang: Lang): string {
  return fill(say(texts && texts.length > 0 ? rng.pick(texts) : fallback, lang), rng);
}

export function generateTickets(ctx: TicketContext): Cell[][] {
  const { rng, lang, units, clerks, staff, asOfMinute: asOf, count } = ctx;
  const received = receiptTimes(rng, ctx.windowStartDay, asOf, count);

  // Who calls: residents of lived-in units, a tenth of them far more often than the rest.
  const pool = units.flatMap((u, i) => (u.occupancy === 'vacant' ? [] : [i]));
  const callers = pool.length > 0 ? pool : units.map((_, i) => i);
  const frequent = rng.sample(callers.length, Math.max(1, Math.round(callers.length * FREQUENT_CALLER_UNITS)));

  const types: TicketType[] = new Array(count);
  const categories: CategoryKey[] = new Array(count);
  const unitOf = new Int32Array(count);
  const repeat = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const type = rng.draw(TYPE_SHARE);
    types[i] = type;
    categories[i] = rng.draw(CATEGORY_BY_TYPE[type]);
    const noUnit = units.length === 0 || rng.chance(NO_UNIT_SHARE[type] ?? 0);
    unitOf[i] = noUnit
      ? -1
      : callers[rng.chance(FREQUENT_CALLER_SHARE) ? frequent[rng.int(0, frequent.length - 1)] : rng.int(0, callers.length - 1)];
  }
  // A few repeat complaints: the same unit and category again within 30 days.
  for (let i = 0; i < count; i++) {
    if (types[i] !== 'complaint' || unitOf[i] < 0 || !rng.chance(REPEAT_COMPLAINT_SHARE)) continue;
    for (let j = i - 1, steps = 0; j >= 0 && received[i] - received[j] <= REPEAT_WINDOW_MINUTES && steps < 500; j--, steps++) {
      if (types[j] === 'complaint' && unitOf[j] >= 0) {
        unitOf[i] = unitOf[j];
        categories[i] = categories[j];
        repeat[i] = 1;
        break;
      }
    }
  }

  const repeatPrefix = say(REPEAT_PREFIX, lang);
  const sameDayPrefix = say(SAME_DAY_PREFIX, lang);
  const sameDay = new Map<string, number>();

  const rows: Cell[][] = new Array(count);
  let seqDay = -1;
  let seqs = new Map<string, number>();
  let ymd = '';
  for (let i = 0; i < count; i++) {
    const receivedAt = received[i];
    const type = types[i];
    const category = categories[i];
    const department = DEPARTMENT_BY_CATEGORY[category];
    const priorityTable = PRIORITY_BY_TYPE[type];
    const priority: Priority | null = priorityTable ? rng.draw(priorityTable) : null;
    const slaHours = type === 'repair' ? REPAIR_SLA_HOURS[priority ?? 'normal'] : RESOLUTION_SLA_HOURS[type];

    // first response: after a delay within desk hours, a night call the next morning; urgent at once
    const hour = Math.floor((receivedAt % DAY) / HOUR);
    let responseAt: number;
    if (priority === 'urgent') responseAt = receivedAt + rng.int(5, 30);
    else if (hour >= DESK_HOURS[0] && hour < DESK_HOURS[1]) {
      const [lo, hi] = rng.draw(RESPONSE_DELAY);
      responseAt = intoDeskHours(rng, receivedAt + rng.int(lo, hi));
    } else responseAt = intoDeskHours(rng, receivedAt);

    const agreedDueAt =
      type === 'repair' && priority !== 'urgent' && rng.chance(AGREED_DUE_SHARE)
        ? (Math.floor(receivedAt / DAY) + rng.int(AGREED_DUE_DAYS[0], AGREED_DUE_DAYS[1])) * DAY + 18 * HOUR
        : null;
    const deadline = agreedDueAt ?? receivedAt + slaHours * HOUR;
    const rejected = type === 'complaint' && rng.chance(REJECTED_COMPLAINT_SHARE);

    let resolvedAt: number;
    if (type === 'praise' || (type === 'inquiry' && rng.chance(INQUIRY_ANSWERED_AT_ONCE))) {
      resolvedAt = responseAt + rng.int(2, 60);
    } else {
      const late = rng.chance(LATE_RESOLUTION_SHARE);
      const fraction = late
        ? LATE_FRACTION[0] + rng.float() * (LATE_FRACTION[1] - LATE_FRACTION[0])
        : ON_TIME_FRACTION.min + ON_TIME_FRACTION.span * Math.pow(rng.float(), ON_TIME_FRACTION.skew);
      resolvedAt = Math.max(receivedAt + Math.round((deadline - receivedAt) * fraction), responseAt + rng.int(10, 90));
      if (priority !== 'urgent') resolvedAt = intoDeskHours(rng, resolvedAt);
    }
    const lateResolution = resolvedAt > deadline;

    // on hold between response and resolution; the hold's length is added to the work
    let holdStartAt: number | null = null;
    let holdEndAt: number | null = null;
    if ((type === 'repair' || type === 'complaint') && agreedDueAt === null && !rejected && rng.chance(HOLD_SHARE)) {
      holdStartAt = responseAt + Math.round((resolvedAt - responseAt) * (0.2 + 0.4 * rng.float()));
      const [lo, hi] = rng.draw(HOLD_LENGTH);
      const length = rng.int(lo, hi);
      holdEndAt = holdStartAt + length;
      resolvedAt = intoDeskHours(rng, resolvedAt + length);
    }

    let callbackAt: number | null = null;
    if ((type === 'repair' || type === 'complaint') && !rejected && rng.chance(CALLBACK_SHARE)) {
      const day = Math.floor(resolvedAt / DAY) + rng.draw(CALLBACK_DAY_OFFSET);
      callbackAt = day * DAY + rng.int(CALLBACK_HOURS[0] * HOUR, CALLBACK_HOURS[1] * HOUR);
      if (callbackAt <= resolvedAt) callbackAt = resolvedAt + rng.int(30, 180);
    }
    const closeAfterCallback = rng.chance(CLOSE_SHARE_AFTER_CALLBACK);

    // Cut the story at the as-of moment: what has not happened yet is not filled.
    let firstResponse: number | null = responseAt;
    let resolved: number | null = resolvedAt;
    let status: Status;
    if (responseAt >= asOf) {
      firstResponse = resolved = holdStartAt = holdEndAt = callbackAt = null;
      status = 'new';
    } else if (holdStartAt !== null && holdStartAt < asOf && holdEndAt !== null && holdEndAt >= asOf) {
      holdEndAt = resolved = callbackAt = null;
      status = 'onHold';
    } else if (resolvedAt >= asOf) {
      if (holdStartAt !== null && holdStartAt >= asOf) holdStartAt = holdEndAt = null;
      resolved = callbackAt = null;
      status = asOf - responseAt < 2 * HOUR ? 'dispatched' : 'inProgress';
    } else {
      if (callbackAt !== null && callbackAt >= asOf) callbackAt = null;
      if (rejected) status = 'rejected';
      else if (type !== 'repair' && type !== 'complaint') status = 'closed';
      else if (callbackAt !== null)
        status = closeAfterCallback && asOf - callbackAt > CLOSE_AFTER_CALLBACK_DAYS * DAY ? 'closed' : 'calledBack';
      // a complaint or repair is closed only after its callback (闭环): uncalled, it waits as resolved
      else status = 'resolved';
    }

    // contact: the customer of record, a family member, or (no unit) a visitor
    const unitIndex = unitOf[i];
    const unit = unitIndex >= 0 ? units[unitIndex] : undefined;
    let contact: string;
    let phone: string;
    if (unit && rng.chance(CONTACT_IS_CUSTOMER)) {
      contact = unit.person.name;
      phone = unit.phone;
    } else {
      const family = unit && rng.chance(0.6) ? unit.person.familyName : personName(rng, lang).familyName;
      contact = politeName(rng, family, lang);
      phone = mobile(rng);
    }

    const day = Math.floor(receivedAt / DAY);
    if (day !== seqDay) {
      ymd = formatWallAs(serialToWall(day), 'YYYYMMDD');
      seqDay = day;
      seqs = new Map();
    }
    // IDs as the pane issues them (docs/ticket-ids.md): the desk's installations take turns
    const tag = SAMPLE_TAGS[i % SAMPLE_TAGS.length];
    const seq = (seqs.get(tag) ?? 0) + 1;
    seqs.set(tag, seq);

    const row: Cell[] = new Array<Cell>(TICKETS.columns.length).fill(null);
    row[C.id] = formatTicketId(ymd, tag, seq);
    row[C.receivedAt] = receivedAt / DAY;
    row[C.channel] = enumLabel(CHANNELS, rng.draw(CHANNEL_SHARE), lang);
    row[C.type] = enumLabel(TICKET_TYPES, type, lang);
    row[C.category] = enumLabel(DEFAULT_CATEGORIES, category, lang);
    row[C.unit] = unit ? unit.unit : null;
    row[C.contact] = contact;
    row[C.phone] = phone;
    const cases = DESCRIPTIONS[type][category];
    const picked: Case = cases && cases.length > 0 ? rng.pick(cases) : DESCRIPTION_FALLBACK;
    const description = fill(say(isText(picked) ? picked : picked.ask, lang), rng);
    let text = repeat[i] ? repeatPrefix + description : description;
    // a second ticket from the same unit, category and words on one day would read as a double entry
    // (TICKET_DOUBLE_ENTRY): the clerk notes that the customer called again
    if (unit) {
      const key = `${unit.unit}|${category}|${text}|${Math.floor(receivedAt / DAY)}`;
      const calls = (sameDay.get(key) ?? 0) + 1;
      sameDay.set(key, calls);
      if (calls > 1) text = sameDayPrefix.replace('{n}', String(calls)) + text;
    }
    row[C.description] = text;
    if (status !== 'new') {
      row[C.department] = enumLabel(DEFAULT_DEPARTMENTS, department, lang);
      const handlers = staff[department];
      row[C.assignee] = handlers[rng.int(0, handlers.length - 1)];
    }
    row[C.priority] = priority ? enumLabel(PRIORITIES, priority, lang) : null;
    row[C.status] = enumLabel(STATUSES, status, lang);
    row[C.firstResponseAt] = firstResponse === null ? null : firstResponse / DAY;
    row[C.agreedDueAt] = agreedDueAt === null ? null : agreedDueAt / DAY;
    row[C.holdStartAt] = holdStartAt === null ? null : holdStartAt / DAY;
    row[C.holdEndAt] = holdEndAt === null ? null : holdEndAt / DAY;
    row[C.resolvedAt] = resolved === null ? null : resolved / DAY;
    if (status === 'onHold') row[C.result] = pickText(rng, HOLD_REASONS[type], HOLD_REASON_FALLBACK, lang);
    else if (status === 'rejected') row[C.result] = pickText(rng, REJECT_REASONS[category], REJECT_REASONS.fallback[0], lang);
    else if (resolved !== null)
      row[C.result] = isText(picked) ? pickText(rng, RESULTS[type][category], RESULT_FALLBACK, lang) : say(picked.done, lang);
    if (callbackAt !== null) {
      const satisfaction = rng.draw(lateResolution ? SATISFACTION_LATE : SATISFACTION_ON_TIME);
      const note = rng.pick(CALLBACK_NOTES[satisfaction]);
      row[C.callbackAt] = callbackAt / DAY;
      row[C.callbackBy] = clerks[rng.int(0, clerks.length - 1)];
      row[C.satisfaction] = enumLabel(SATISFACTION, satisfaction, lang);
      row[C.callbackNotes] = note ? say(note, lang) : null;
    }
    if (type === 'complaint' && resolved !== null) row[C.complaintValid] = enumLabel(YES_NO, rejected ? 'no' : 'yes', lang);
    rows[i] = row;
  }
  return rows;
}
