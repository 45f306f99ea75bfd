// The sample center as a center keeps it by hand, before the add-in: one ticket sheet per month under
// a title, the months in two styles of header and three shapes of date, totals and notes below the
// data; a customer register, a fee ledger and a reminder log with their own names for columns and
// words for values. Adopting it (docs/adopt.md) must give back the structured sample, field by field.
import type { Cell } from '../grid';
import { CHARGES, CUSTOMERS, REMINDERS, SheetDef, TICKETS } from '../schema';
import { CHANNELS, enumKey, Lang, OCCUPANCY, REMINDER_METHODS, STATUSES } from '../enums';
import { formatWallAs, serialToWall } from '../time';
import type { SampleCenter } from './index';

/** A plain sheet of the legacy workbook: its rows from the first (a title, or the header). */
export interface LegacySheet {
  readonly name: string;
  readonly rows: Cell[][];
}

type DateShape = 'slash' | 'serial' | 'chinese';

/** A date-time cell as a clerk of that month typed it. */
function dateCell(serial: Cell, shape: DateShape, withTime: boolean): Cell {
  if (typeof serial !== 'number') return serial;
  const t = serialToWall(serial);
  switch (shape) {
    case 'serial':
      return serial;
    case 'slash':
      return formatWallAs(t, withTime ? 'YYYY/M/D HH:mm' : 'YYYY/M/D');
    case 'chinese':
      return formatWallAs(t, withTime ? 'YYYY[年]M[月]D[日] HH[时]mm[分]' : 'YYYY[年]M[月]D[日]');
  }
}

/** Headers by column key, per style: what different clerks called the same columns. */
const TICKET_HEADERS: Readonly<Record<Lang, ReadonlyArray<Readonly<Record<string, string>>>>> = {
  zh: [
    {
      id: '单号', receivedAt: '登记时间', channel: '来源', type: '性质', category: '分类', unit: '房号', contact: '业主', phone: '联系电话',
      description: '投诉内容', department: '处理部门', assignee: '负责人', priority: '紧急程度', status: '处理状态', firstResponseAt: '响应时间',
      agreedDueAt: '约定时间', holdStartAt: '挂起开始', holdEndAt: '挂起结束', resolvedAt: '完成时间', result: '处理情况', callbackAt: '回访时间',
      callbackBy: '回访人', satisfaction: '满意度', callbackNotes: '回访意见', complaintValid: '是否成立',
    },
    {
      id: '工单编号', receivedAt: '受理日期', channel: '受理渠道', type: '工单类型', category: '问题类别', unit: '房间号', contact: '联系人', phone: '手机号码',
      description: '问题描述', department: '责任单位', assignee: '处理人', priority: '优先级', status: '状态', firstResponseAt: '首次响应时间',
      agreedDueAt: '承诺时间', holdStartAt: '暂停开始', holdEndAt: '暂停结束', resolvedAt: '办结时间', result: '处理结果', callbackAt: '回访日期',
      callbackBy: '回访员', satisfaction: '回访结果', callbackNotes: '回访记录', complaintValid: '有效投诉',
    },
  ],
  en: [
    {
      id: 'number', receivedAt: 'createdAt', channel: 'source', type: 'type', category: 'category', unit: 'unitName', contact: 'clientName', phone: 'clientPhone',
      description: 'details', department: 'department', assignee: 'assignee', priority: 'priority', status: 'status', firstResponseAt: 'first response',
      agreedDueAt: 'deadline', holdStartAt: 'Hold start', holdEndAt: 'Hold end', resolvedAt: 'completedAt', result: 'resolution', callbackAt: 'Callback',
      callbackBy: 'Callback by', satisfaction: 'feedbackValue', callbackNotes: 'feedbackComment', complaintValid: 'Complaint valid',
    },
    {
      id: 'Ticket no', receivedAt: 'opened', channel: 'channel', type: 'kind', category: 'classifier', unit: 'flat', contact: 'client', phone: 'mobile',
      description: 'description', department: 'division', assignee: 'handler', priority: 'urgency', status: 'state', firstResponseAt: 'responded at',
      agreedDueAt: 'due at', holdStartAt: 'Hold start', holdEndAt: 'Hold end', resolvedAt: 'closed at', result: 'outcome', callbackAt: 'callback at',
      callbackBy: 'callback by', satisfaction: 'rating', callbackNotes: 'comment', complaintValid: 'valid',
    },
  ],
};

/** The second style's words for statuses and channels (VALUE_SYNONYMS has them). */
const STATUS_WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { new: '未处理', dispatched: '已派工', inProgress: '跟进中', onHold: '暂停', resolved: '已办结', calledBack: '回访完成', closed: '已结案', rejected: '无效' },
  en: { new: 'open', dispatched: 'assigned', inProgress: 'processing', onHold: 'deferred', resolved: 'completed', calledBack: 'called back', closed: 'closed', rejected: 'cancelled' },
};
const CHANNEL_WORDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { phone: '热线', visit: '前台', letter: '信函', email: '邮件', online: '微信', other: '其它' },
  en: { phone: 'call', visit: 'walk-in', letter: 'Letter', email: 'e-mail', online: 'mobile_app', other: 'other' },
};

function reword(value: Cell, list: typeof STATUSES | typeof CHANNELS | typeof OCCUPANCY | typeof REMINDER_METHODS, words: Readonly<Record<string, string>>): Cell {
  if (typeof value !== 'string') return value;
  const key = enumKey(list, value);
  return key && words[key] ? words[key] : value;
}

function col(def: SheetDef, key: string): number {
  return def.columns.findIndex((c) => c.key === key);
}

const DATETIME_KEYS = TICKETS.columns.filter((c) => c.kind.type === 'datetime').map((c) => c.key as string);

function ticketSheets(sample: SampleCenter, lang: Lang): LegacySheet[] {
  const byMonth = new Map<string, Cell[][]>();
  const received = col(TICKETS, 'receivedAt');
  for (const row of sample.tickets) {
    const at = row[received];
    const month = typeof at === 'number' ? formatWallAs(serialToWall(at), 'YYYY-MM') : 'other';
    byMonth.set(month, [...(byMonth.get(month) ?? []), row]);
  }
  const shapes: DateShape[] = ['slash', 'serial', 'chinese'];
  return [...byMonth.entries()].map(([month, rows], m) => {
    const style = m % 2;
    const headers = TICKET_HEADERS[lang][style];
    const shape = shapes[m % 3];
    const [y, mo] = month.split('-').map(Number);
    const name = lang === 'zh' ? `${y}年${mo}月` : `${y}-${String(mo).padStart(2, '0')}`;
    const title = lang === 'zh' ? `${sample.centerName}客户服务登记表（${y}年${mo}月）` : `${sample.centerName} service log, ${month}`;
    const width = TICKETS.columns.length;
    const blank = (): Cell[] => new Array<Cell>(width).fill(null);
    const data = rows.map((row) =>
      TICKETS.columns.map((c, i) => {
        const v = row[i];
        if (DATETIME_KEYS.includes(c.key)) return dateCell(v, shape, true);
        if (style === 1 && c.key === 'status') return reword(v, STATUSES, STATUS_WORDS[lang]);
        if (style === 1 && c.key === 'channel') return reword(v, CHANNELS, CHANNEL_WORDS[lang]);
        return v;
      }),
    );
    const total = blank();
    total[0] = lang === 'zh' ? '合计' : 'Total';
    total[col(TICKETS, 'description')] = lang === 'zh' ? `${rows.length} 件` : `${rows.length} tickets`;
    const note = blank();
    note[0] = lang === 'zh' ? '说明：本表由前台每日登记，月底汇总。' : 'Note: kept by the front desk every day.';
    const titleRow = blank();
    titleRow[0] = title;
    return { name, rows: [titleRow, blank(), TICKETS.columns.map((c) => headers[c.key]), ...data, blank(), total, note] };
  });
}

function customerSheet(sample: SampleCenter, lang: Lang): LegacySheet {
  const headers = lang === 'zh'
    ? { unit: '房号', name: '业主姓名', phone: '手机号', building: '楼栋', area: '建筑面积', moveInDate: '入住日期', occupancy: '房屋状态' }
    : { unit: 'unit', name: 'owner', phone: 'mobile', building: 'block', area: 'area', moveInDate: 'move in date', occupancy: 'occupancy' };
  const words = lang === 'zh' ? { occupied: '自住', vacant: '空房', let: '租赁' } : { occupied: 'occupied', vacant: 'empty', let: 'rented' };
  const data = sample.customers.map((row) =>
    CUSTOMERS.columns.map((c, i) => {
      const v = row[i];
      if (c.key === 'moveInDate') return dateCell(v, 'chinese', false);
      if (c.key === 'occupancy') return reword(v, OCCUPANCY, words);
      return v;
    }),
  );
  const title = new Array<Cell>(CUSTOMERS.columns.length).fill(null);
  title[0] = lang === 'zh' ? `${sample.centerName}业主信息表` : `${sample.centerName} owners`;
  return { name: lang === 'zh' ? '业主信息' : 'Owners', rows: [title, CUSTOMERS.columns.map((c) => headers[c.key as keyof typeof headers]), ...data] };
}

function chargeSheet(sample: SampleCenter, lang: Lang): LegacySheet {
  const headers = lang === 'zh'
    ? { unit: '房屋', feeItem: '收费项目', period: '所属期', amountDue: '应缴金额', dueDate: '缴费截止日', amountPaid: '实缴金额', paidDate: '缴费时间' }
    : { unit: 'unit', feeItem: 'fee', period: 'month', amountDue: 'amount due', dueDate: 'due date', amountPaid: 'paid', paidDate: 'payment date' };
  const data = sample.charges.map((row, r) =>
    CHARGES.columns.map((c, i) => {
      const v = row[i];
      if (c.key === 'period' && typeof v === 'string' && lang === 'zh') return `${Number(v.slice(0, 4))}年${Number(v.slice(5))}月`;
      if (c.key === 'amountDue' && typeof v === 'number' && r % 2 === 0) return `¥${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      if (c.key === 'paidDate') return dateCell(v, 'slash', false);
      return v;
    }),
  );
  const total = new Array<Cell>(CHARGES.columns.length).fill(null);
  total[0] = lang === 'zh' ? '合计' : 'Total';
  return { name: lang === 'zh' ? '收费台账' : 'Fee ledger', rows: [CHARGES.columns.map((c) => headers[c.key as keyof typeof headers]), ...data, total] };
}

function reminderSheet(sample: SampleCenter, lang: Lang): LegacySheet {
  const headers = lang === 'zh'
    ? { unit: '房号', date: '催缴日期', method: '催缴方式', clerk: '催缴人', result: '催缴结果', promisedDate: '承诺缴费日' }
    : { unit: 'unit', date: 'date', method: 'method', clerk: 'clerk', result: 'result', promisedDate: 'promised date' };
  const words = lang === 'zh' ? { phone: '电话催缴', sms: '信息', visit: '面谈', written: '催缴单' } : { phone: 'phone', sms: 'text', visit: 'visit', written: 'notice' };
  const data = sample.reminders.map((row) =>
    REMINDERS.columns.map((c, i) => {
      const v = row[i];
      if (c.key === 'method') return reword(v, REMINDER_METHODS, words);
      if (c.key === 'date') return dateCell(v, 'slash', false);
      return v;
    }),
  );
  return { name: lang === 'zh' ? '催缴登记' : 'Reminders log', rows: [REMINDERS.columns.map((c) => headers[c.key as keyof typeof headers]), ...data] };
}

/** The sample center as hand-kept sheets: tickets by month, then customers, charges and reminders. */
export function legacySheets(sample: SampleCenter): LegacySheet[] {
  const lang = sample.lang;
  return [...ticketSheets(sample, lang), customerSheet(sample, lang), chargeSheet(sample, lang), reminderSheet(sample, lang)];
}
