// Status consistency: what each status needs filled in, and what contradicts it (docs/validation.md
// status flow), as two tables.
import { Status, TicketType } from '../enums';
import { Severity } from '../problems';
import { TicketKey } from '../schema';
import { At, Rule, showTime } from './rule';

interface When {
  /** the row's status is one of these */
  readonly statuses?: ReadonlyArray<Status>;
  /** and its type one of these */
  readonly types?: ReadonlyArray<TicketType>;
  /** or this column is filled */
  readonly filled?: TicketKey;
}

interface Need {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** any of these makes the column needed */
  readonly when: ReadonlyArray<When>;
  readonly needs: TicketKey;
}

const CALLED_BACK_TYPES: ReadonlyArray<TicketType> = ['complaint', 'repair'];

const STATUS_NEEDS: ReadonlyArray<Need> = [
  {
    // issue 13: dispatched means sent to a department, so the department is named (dispatch counts by department read it)
    code: 'TICKET_DISPATCHED_NEEDS_DEPARTMENT',
    zh: '已派单须有责任部门',
    en: 'dispatched needs a department',
    when: [{ statuses: ['dispatched'] }],
    needs: 'department',
  },
  {
    // issue 4: resolved / called back / closed need a resolved time
    code: 'TICKET_STATUS_NEEDS_RESOLVED',
    zh: '已完成、已回访、已关闭须有完成时间',
    en: 'resolved, called back and closed need a resolved time',
    when: [{ statuses: ['resolved', 'calledBack', 'closed'] }],
    needs: 'resolvedAt',
  },
  {
    // issue 4: called back / closed need a callback time (closed: for complaints and repairs, the types that are called back)
    code: 'TICKET_STATUS_NEEDS_CALLBACK',
    zh: '已回访须有回访时间；投诉、报修已关闭须有回访时间',
    en: 'called back needs a callback time; so does a closed complaint or repair',
    when: [{ statuses: ['calledBack'] }, { statuses: ['closed'], types: CALLED_BACK_TYPES }],
    needs: 'callbackAt',
  },
  {
    // issue 4: called back / closed need a rating (满意度) for complaints and repairs
    code: 'TICKET_STATUS_NEEDS_RATING',
    zh: '投诉、报修已回访或已关闭须有满意度',
    en: 'a called-back or closed complaint or repair needs a satisfaction rating',
    when: [{ statuses: ['calledBack', 'closed'], types: CALLED_BACK_TYPES }],
    needs: 'satisfaction',
  },
  {
    // docs/validation.md: 不成立 rejected — reason in 处理结果
    code: 'TICKET_REJECTED_NEEDS_REASON',
    zh: '不成立须在处理结果中写明理由',
    en: 'rejected needs the reason in Result',
    when: [{ statuses: ['rejected'] }],
    needs: 'result',
  },
  {
    // issue 4: on hold needs a hold start (the SLA clock stops from then)
    code: 'TICKET_HOLD_NEEDS_START',
    zh: '挂起须有挂起开始时间',
    en: 'on hold needs a hold start',
    when: [{ statuses: ['onHold'] }],
    needs: 'holdStartAt',
  },
  {
    // issue 4: a rating needs a callback time (the rating is what the callback found)
    code: 'TICKET_RATING_NEEDS_CALLBACK',
    zh: '填了满意度须有回访时间',
    en: 'a rating needs a callback time',
    when: [{ filled: 'satisfaction' }],
    needs: 'callbackAt',
  },
];

interface PreparedWhen {
  readonly statuses: ReadonlySet<string> | null;
  readonly types: ReadonlySet<string> | null;
  readonly filled: TicketKey | null;
}

function needRule(need: Need): Rule<'tickets'> {
  return {
    code: need.code,
    sheet: 'tickets',
    severity: 'error',
    zh: need.zh,
    en: need.en,
    prepare(pass) {
      const usable = need.when.filter((w) => (!w.statuses || pass.has('status')) && (!w.types || pass.has('type')) && (!w.filled || pass.has(w.filled)));
      if (!pass.has(need.needs) || usable.length === 0) return null;
      const when: PreparedWhen[] = usable.map((w) => ({
        statuses: w.statuses ? new Set(w.statuses) : null,
        types: w.types ? new Set(w.types) : null,
        filled: w.filled ?? null,
      }));
      const at: At = pass.at(this, need.needs);
      const base = { statusColumn: pass.header('status'), typeColumn: pass.header('type') };
      const needsKey = need.needs;
      return (v, row, out) => {
        if (v[needsKey] !== null) return; // filled, or a missing/unreadable cell already reported
        const status = v.status;
        const type = v.type;
        for (const w of when) {
          if (w.statuses && !(typeof status === 'string' && w.statuses.has(status))) continue;
          if (w.types && !(typeof type === 'string' && w.types.has(type))) continue;
          if (w.filled && (v[w.filled] === null || v[w.filled] === undefined)) continue;
          const params: Record<string, string> = { ...base };
          if (w.filled) params.filledColumn = pass.header(w.filled);
          if (w.statuses && typeof status === 'string') params.status = status;
          if (w.types && typeof type === 'string') params.type = type;
          out.push(at(row, params));
          return;
        }
      };
    },
  };
}

/** A status contradicted by what the row records: every one of `filled` filled. Marked on the status,
 *  which is what the clerk forgot to move on (or the times were typed on the wrong row). */
interface Conflict {
  readonly code: string;
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
  readonly statuses: ReadonlyArray<Status>;
  readonly filled: ReadonlyArray<TicketKey>;
}

const STATUS_CONFLICTS: ReadonlyArray<Conflict> = [
  {
    // issue 13: a ticket with a resolved time was handled, so it is no longer waiting to be dispatched;
    // an error: the reports count it resolved while the due lists show it new
    code: 'TICKET_NEW_BUT_RESOLVED',
    severity: 'error',
    zh: '待派单不应有完成时间',
    en: 'new (not dispatched) but with a resolved time',
    statuses: ['new'],
    filled: ['resolvedAt'],
  },
  {
    // issue 13: a callback with a rating comes after the handling; a warning, since a ticket may be
    // reopened after a dissatisfied callback and be in progress again
    code: 'TICKET_IN_PROGRESS_CALLED_BACK',
    severity: 'warning',
    zh: '处理中却已有回访时间和满意度：回访后应为已回访（回访后重新处理的可忽略）',
    en: 'in progress but called back with a rating: after the callback it is called back (unless reopened after it)',
    statuses: ['inProgress'],
    filled: ['callbackAt', 'satisfaction'],
  },
];

function conflictRule(conflict: Conflict): Rule<'tickets'> {
  return {
    code: conflict.code,
    sheet: 'tickets',
    severity: conflict.severity,
    zh: conflict.zh,
    en: conflict.en,
    prepare(pass) {
      if (!pass.has('status') || !conflict.filled.every((k) => pass.has(k))) return null;
      const at: At = pass.at(this, 'status');
      const statuses = new Set<string>(conflict.statuses);
      const filled = conflict.filled;
      const base = { statusColumn: pass.header('status'), filledColumns: filled.map((k) => pass.header(k)) };
      return (v, row, out) => {
        const status = v.status;
        if (!(typeof status === 'string' && statuses.has(status))) return;
        // an unreadable cell (undefined) is reported by reading, and is no evidence here
        if (!filled.every((k) => v[k] !== null && v[k] !== undefined)) return;
        const found = filled.map((k) => {
          const x = v[k];
          return typeof x === 'number' ? showTime(x, true) : String(x);
        });
        out.push(at(row, { ...base, status, found }));
      };
    },
  };
}

export const STATUS_RULES: ReadonlyArray<Rule<'tickets'>> = [...STATUS_NEEDS.map(needRule), ...STATUS_CONFLICTS.map(conflictRule)];
