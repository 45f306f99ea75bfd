// Time order: a ticket's events happen in the order of the status flow, and nothing is recorded as
// having happened more than a day after "now" (the as-of moment, a parameter).
import { SheetKey } from '../schema';
import { MS_PER_DAY } from '../time';
import { At, Rule, showTime } from './rule';

/**
 * The order of a ticket's events (PRODUCT.md status flow: received, first response, on hold from
 * start to end, resolved, called back). Each filled time is judged against the filled time before it
 * in this list, so one mistyped time is reported once, on the cell that breaks the order.
 */
const TICKET_EVENTS = ['receivedAt', 'firstResponseAt', 'holdStartAt', 'holdEndAt', 'resolvedAt', 'callbackAt'] as const;

/** The pair judged by TICKET_HOLD_ORDER rather than TICKET_TIME_ORDER. */
const HOLD: readonly [string, string] = ['holdStartAt', 'holdEndAt'];

/** Columns that record something done (not a promise such as 约定完成时间, 到期日 or 承诺缴费日), and
 *  whether they carry a clock time. */
const DONE_COLUMNS: Readonly<Partial<Record<SheetKey, ReadonlyArray<readonly [string, boolean]>>>> = {
  tickets: TICKET_EVENTS.map((k) => [k, true] as const),
  charges: [['paidDate', false]],
  reminders: [['date', false]],
};

// A clerk may log the evening's work ahead of a midnight report; more than a day ahead is a typo.
const FUTURE_SLACK = MS_PER_DAY;

export const TIME_RULES: ReadonlyArray<Rule> = [
  ...(Object.entries(DONE_COLUMNS) as Array<[SheetKey, ReadonlyArray<readonly [string, boolean]>]>).map(
    ([sheet, columns]): Rule => ({
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
    }),
  ),
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
      const at: Record<string, At> = {};
      const headers: Record<string, string> = {};
      for (const k of events) {
        at[k] = pass.at(this, k);
        headers[k] = pass.header(k);
      }
      return (v, row, out) => {
        let prevKey = '';
        let prev = 0;
        for (let i = 0; i < events.length; i++) {
          const key = events[i];
          const t = v[key];
          if (typeof t !== 'number') continue;
          if (prevKey !== '' && t < prev && !(prevKey === HOLD[0] && key === HOLD[1])) {
            out.push(at[key](row, { found: showTime(t, true), earlierColumn: headers[prevKey], earlier: showTime(prev, true) }));
          }
          prevKey = key;
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
];
