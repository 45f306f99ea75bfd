// Time order: a ticket's events happen in the order of the status flow, and nothing is recorded as
// having happened more than a day after "now" (the as-of moment, a parameter).
import { ColumnKey, DataSheetKey, TicketKey } from '../schema';
import { MS_PER_DAY } from '../time';
import { At, Rule, showTime } from './rule';

/**
 * The order of a ticket's events (docs/validation.md status flow: received, first response, on hold from
 * start to end, resolved, called back). Each filled time is judged against the filled time before it
 * in this list, so one mistyped time is reported once, on the cell that breaks the order.
 */
const TICKET_EVENTS = ['receivedAt', 'firstResponseAt', 'holdStartAt', 'holdEndAt', 'resolvedAt', 'callbackAt'] as const satisfies ReadonlyArray<TicketKey>;

/** The pair judged by TICKET_HOLD_ORDER rather than TICKET_TIME_ORDER. */
const HOLD: readonly [TicketKey, TicketKey] = ['holdStartAt', 'holdEndAt'];

// A clerk may log the evening's work ahead of a midnight report; more than a day ahead is a typo.
const FUTURE_SLACK = MS_PER_DAY;

/** TIME_IN_FUTURE on a sheet's columns that record something done (not a promise such as 约定完成时间,
 *  到期日 or 承诺缴费日), each with whether it carries a clock time. */
function futureRule<S extends DataSheetKey>(sheet: S, columns: ReadonlyArray<readonly [ColumnKey<S>, boolean]>): Rule<S> {
  return {
    // issue 4: no time more than a day in the future
    code: 'TIME_IN_FUTURE',
    sheet,
    severity: 'error',
    zh: '已发生的时间不得晚于当前时间一天以上',
    en: 'no time more than a day after now',
    prepare(pass) {
      const limit = pass.ctx.asOf + FUTURE_SLACK;
      const asOf = showTime(pass.ctx.asOf, true);
      const present = columns.filter(([k]) => pass.has(k));
      if (present.length === 0) return null;
      const keys = present.map(([k]) => k);
      const withTime = present.map(([, w]) => w);
      const ats: At[] = keys.map((k) => pass.at(this, k));
      return (v, row, out) => {
        for (let i = 0; i < keys.length; i++) {
          const t = v[keys[i]];
          if (typeof t === 'number' && t > limit) out.push(ats[i](row, { found: showTime(t, withTime[i]), asOf }));
        }
      };
    },
  };
}

const TICKET_TIME_RULES: ReadonlyArray<Rule<'tickets'>> = [
  futureRule('tickets', TICKET_EVENTS.map((k) => [k, true] as const)),
  {
    // issue 4: received ≤ first response ≤ resolved ≤ callback (each pair present); a hold lies between response and resolution
    code: 'TICKET_TIME_ORDER',
    sheet: 'tickets',
    severity: 'error',
    zh: '受理时间 ≤ 首次响应时间 ≤ 挂起开始 ≤ 挂起结束 ≤ 完成时间 ≤ 回访时间（已填的相邻两项比较）',
    en: 'received ≤ first response ≤ hold start ≤ hold end ≤ resolved ≤ callback (each filled pair)',
    prepare(pass) {
      const events = TICKET_EVENTS.filter((k) => pass.has(k));
      if (events.length < 2) return null;
      const ats: At[] = events.map((k) => pass.at(this, k));
      const headers = events.map((k) => pass.header(k));
      return (v, row, out) => {
        let before = -1; // the filled event before this one
        let prev = 0;
        for (let i = 0; i < events.length; i++) {
          const t = v[events[i]];
          if (typeof t !== 'number') continue;
          if (before >= 0 && t < prev && !(events[before] === HOLD[0] && events[i] === HOLD[1])) {
            out.push(ats[i](row, { found: showTime(t, true), earlierColumn: headers[before], earlier: showTime(prev, true) }));
          }
          before = i;
          prev = t;
        }
      };
    },
  },
  {
    // issue 4: hold start ≤ hold end
    code: 'TICKET_HOLD_ORDER',
    sheet: 'tickets',
    severity: 'error',
    zh: '挂起开始 ≤ 挂起结束',
    en: 'hold start ≤ hold end',
    prepare(pass) {
      const [startKey, endKey] = HOLD;
      if (!pass.has(startKey) || !pass.has(endKey)) return null;
      const at = pass.at(this, endKey);
      const earlierColumn = pass.header(startKey);
      return (v, row, out) => {
        const start = v[startKey];
        const end = v[endKey];
        if (typeof start === 'number' && typeof end === 'number' && end < start) {
          out.push(at(row, { found: showTime(end, true), earlierColumn, earlier: showTime(start, true) }));
        }
      };
    },
  },
  {
    // issue 10: an agreed due time is promised when the ticket comes in; one before it is a slip (a warning: the clerk may confirm it)
    code: 'TICKET_AGREED_BEFORE_RECEIVED',
    sheet: 'tickets',
    severity: 'warning',
    zh: '约定完成时间不应早于受理时间',
    en: 'the agreed due time should not be before the received time',
    prepare(pass) {
      if (!pass.has('receivedAt') || !pass.has('agreedDueAt')) return null;
      const at = pass.at(this, 'agreedDueAt');
      const earlierColumn = pass.header('receivedAt');
      return (v, row, out) => {
        const received = v.receivedAt;
        const due = v.agreedDueAt;
        if (typeof received === 'number' && typeof due === 'number' && due < received) {
          out.push(at(row, { found: showTime(due, true), earlierColumn, earlier: showTime(received, true) }));
        }
      };
    },
  },
];

export const TIME_RULES: ReadonlyArray<Rule> = [...TICKET_TIME_RULES, futureRule('charges', [['paidDate', false]]), futureRule('reminders', [['date', false]])];
