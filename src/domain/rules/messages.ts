// The rules' problems in words for a clerk, in Chinese and English. describeProblem (messages.ts) puts
// the sheet, row and column in front ("工单 第 12 行「完成时间」："); these say what is wrong and what
// is expected. Other columns are named by their headers in the file (passed in params).
import { enumLabel, Lang, ListName, SATISFACTION, STATUSES, TICKET_TYPES } from '../enums';
import { Problem } from '../problems';

type Words = (p: Problem) => string;

function str(v: unknown): string {
  return Array.isArray(v) ? v.join('、') : String(v ?? '');
}

/** The i-th of a list param (the columns and values a conflict names, in the order of its rule). */
function at(v: unknown, i: number): unknown {
  return Array.isArray(v) ? v[i] : i === 0 ? v : undefined;
}

// each Settings list in words, by the `list` param of LIST_UNKNOWN
const LIST_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  category: { zh: '类别', en: 'category' },
  department: { zh: '责任部门', en: 'department' },
  feeItem: { zh: '费用项目', en: 'fee item' },
  clerk: { zh: '经办人', en: 'clerk' },
} satisfies Record<ListName, { zh: string; en: string }>;

// A long list (clerks of a big center) is cut short in a message.
const SHOWN_CHOICES = 12;

function choices(p: Problem, lang: Lang): string {
  const all = (p.params.allowed as ReadonlyArray<string> | undefined) ?? [];
  const shown = all.slice(0, SHOWN_CHOICES);
  const more = all.length > shown.length ? (lang === 'zh' ? ' 等' : ', …') : '';
  return shown.join(lang === 'zh' ? '、' : ', ') + more;
}

/** "投诉工单「状态」为“已关闭”" / "Status is Closed on a complaint" */
function statusIs(p: Problem, lang: Lang): string {
  const status = enumLabel(STATUSES, str(p.params.status), lang);
  const col = str(p.params.statusColumn);
  if (lang === 'zh') {
    const type = p.params.type === undefined ? '' : `${enumLabel(TICKET_TYPES, str(p.params.type), lang)}工单`;
    return `${type}「${col}」为“${status}”`;
  }
  const type = p.params.type === undefined ? '' : ` on a ${enumLabel(TICKET_TYPES, str(p.params.type), lang).toLowerCase()}`;
  return `${col} is "${status}"${type}`;
}

/** A column named in an English sentence, apart from the values around it: `the Resolved column`. */
function theColumn(name: unknown): string {
  return `the ${str(name)} column`;
}

const SATISFACTION_CHOICES = {
  zh: SATISFACTION.map((s) => s.zh).join('、'),
  en: SATISFACTION.map((s) => s.en).join(', '),
};

export const RULE_MESSAGES: Readonly<Record<string, Readonly<Record<Lang, Words>>>> = {
  REQUIRED_MISSING: {
    zh: () => '必填，不能为空',
    en: () => 'required; the cell is empty',
  },
  LIST_UNKNOWN: {
    zh: (p) => `“${str(p.params.found)}”不在设置表的${LIST_NAMES[str(p.params.list)]?.zh ?? ''}列表中，应为：${choices(p, 'zh')}`,
    en: (p) => `"${str(p.params.found)}" is not in the ${LIST_NAMES[str(p.params.list)]?.en ?? ''} list on the Settings sheet; expected one of: ${choices(p, 'en')}`,
  },
  NUMBER_NEGATIVE: {
    zh: (p) => `不能为负数（现为 ${str(p.params.found)}），应为 0 或正数`,
    en: (p) => `cannot be negative (found ${str(p.params.found)}); expected 0 or more`,
  },
  PHONE_FORMAT: {
    zh: (p) => `“${str(p.params.found)}”不是有效的电话号码，应为 11 位手机号（1 开头，如 13812345678）或带区号的座机号（如 021-58881234）`,
    en: (p) =>
      `"${str(p.params.found)}" is not a valid phone number; expected an 11-digit mobile number starting with 1 (such as 13812345678) or a landline with its area code (such as 021-58881234)`,
  },
  UNIT_UNKNOWN: {
    zh: (p) => `房号“${str(p.params.found)}”不在客户档案中，请核对房号（如 3-1502），或先在客户表登记该房号`,
    en: (p) => `unit "${str(p.params.found)}" is not in the customer register; check the number (such as 3-1502) or add the unit to the customer sheet first`,
  },
  TIME_IN_FUTURE: {
    zh: (p) => `${str(p.params.found)} 比当前时间（${str(p.params.asOf)}）晚一天以上，请检查年、月、日是否录错`,
    en: (p) => `${str(p.params.found)} is more than a day after now (${str(p.params.asOf)}); check the year, month and day`,
  },
  TICKET_TIME_ORDER: {
    zh: (p) => `${str(p.params.found)} 早于「${str(p.params.earlierColumn)}」${str(p.params.earlier)}，应在其后`,
    en: (p) => `${str(p.params.found)} is before ${str(p.params.earlierColumn)} (${str(p.params.earlier)}); it should come after it`,
  },
  TICKET_HOLD_ORDER: {
    zh: (p) => `${str(p.params.found)} 早于「${str(p.params.earlierColumn)}」${str(p.params.earlier)}，挂起应先开始后结束`,
    en: (p) => `${str(p.params.found)} is before ${str(p.params.earlierColumn)} (${str(p.params.earlier)}); a hold ends after it starts`,
  },
  TICKET_AGREED_BEFORE_RECEIVED: {
    zh: (p) => `${str(p.params.found)} 早于「${str(p.params.earlierColumn)}」${str(p.params.earlier)}，约定的完成时间应在受理之后，请核对`,
    en: (p) => `${str(p.params.found)} is before ${str(p.params.earlierColumn)} (${str(p.params.earlier)}); a time agreed with the caller comes after the ticket was received, so check it`,
  },
  TICKET_STATUS_NEEDS_RESOLVED: {
    zh: (p) => `${statusIs(p, 'zh')}，须填写「${str(p.column)}」`,
    en: (p) => `${statusIs(p, 'en')}, so ${theColumn(p.column)} must be filled in`,
  },
  TICKET_STATUS_NEEDS_CALLBACK: {
    zh: (p) => `${statusIs(p, 'zh')}，须填写「${str(p.column)}」`,
    en: (p) => `${statusIs(p, 'en')}, so ${theColumn(p.column)} must be filled in`,
  },
  TICKET_STATUS_NEEDS_RATING: {
    zh: (p) => `${statusIs(p, 'zh')}，须填写回访得到的「${str(p.column)}」：${SATISFACTION_CHOICES.zh}`,
    en: (p) => `${statusIs(p, 'en')}, so the callback's rating (${theColumn(p.column)}) must be filled in: ${SATISFACTION_CHOICES.en}`,
  },
  TICKET_DISPATCHED_NEEDS_DEPARTMENT: {
    zh: (p) => `${statusIs(p, 'zh')}，须填写「${str(p.column)}」：派给了哪个部门`,
    en: (p) => `${statusIs(p, 'en')}, so ${theColumn(p.column)} must say which department it went to`,
  },
  TICKET_NEW_BUT_RESOLVED: {
    zh: (p) =>
      `${statusIs(p, 'zh')}，但已填写「${str(at(p.params.filledColumns, 0))}」${str(at(p.params.found, 0))}：已办结的请把状态改为“${enumLabel(STATUSES, 'resolved', 'zh')}”，未办结的请清空「${str(at(p.params.filledColumns, 0))}」`,
    en: (p) =>
      `${statusIs(p, 'en')}, yet ${str(at(p.params.filledColumns, 0))} is filled in (${str(at(p.params.found, 0))}): if it is done, set the status to "${enumLabel(STATUSES, 'resolved', 'en')}"; if not, clear ${theColumn(at(p.params.filledColumns, 0))}`,
  },
  TICKET_IN_PROGRESS_CALLED_BACK: {
    zh: (p) =>
      `${statusIs(p, 'zh')}，但已有「${str(at(p.params.filledColumns, 0))}」${str(at(p.params.found, 0))} 和「${str(at(p.params.filledColumns, 1))}」“${enumLabel(SATISFACTION, str(at(p.params.found, 1)), 'zh')}”：回访后状态应为“${enumLabel(STATUSES, 'calledBack', 'zh')}”；如回访后重新处理，可忽略此提示`,
    en: (p) =>
      `${statusIs(p, 'en')}, yet ${str(at(p.params.filledColumns, 0))} (${str(at(p.params.found, 0))}) and ${str(at(p.params.filledColumns, 1))} ("${enumLabel(SATISFACTION, str(at(p.params.found, 1)), 'en')}") are filled in: after the callback the status is "${enumLabel(STATUSES, 'calledBack', 'en')}" (if the ticket was reopened after the callback, this can be ignored)`,
  },
  TICKET_REJECTED_NEEDS_REASON: {
    zh: (p) => `${statusIs(p, 'zh')}，须在「${str(p.column)}」中写明不成立的理由`,
    en: (p) => `${statusIs(p, 'en')}, so ${theColumn(p.column)} must give the reason`,
  },
  TICKET_HOLD_NEEDS_START: {
    zh: (p) => `${statusIs(p, 'zh')}，须填写「${str(p.column)}」（挂起期间不计入时限）`,
    en: (p) => `${statusIs(p, 'en')}, so ${theColumn(p.column)} must be filled in (time on hold does not count against the SLA)`,
  },
  TICKET_RATING_NEEDS_CALLBACK: {
    zh: (p) => `已填写「${str(p.params.filledColumn)}」，须同时填写「${str(p.column)}」（满意度来自回访）`,
    en: (p) => `${theColumn(p.params.filledColumn)} is filled in, so ${theColumn(p.column)} must be too (the rating comes from the callback)`,
  },
  CHARGE_OVERPAID: {
    zh: (p) => `实收 ${str(p.params.found)} 大于「${str(p.params.dueColumn)}」${str(p.params.due)}（多 ${str(p.params.over)}），请核对是否把几期的款记在了一行`,
    en: (p) =>
      `paid ${str(p.params.found)} is more than ${str(p.params.dueColumn)} ${str(p.params.due)} (${str(p.params.over)} over); check whether several periods were entered on one row`,
  },
  CHARGE_PAID_NO_DATE: {
    zh: (p) => `「${str(p.params.paidColumn)}」为 ${str(p.params.paid)}，须填写「${str(p.column)}」（日期，如 2026-11-25）`,
    en: (p) => `${str(p.params.paidColumn)} is ${str(p.params.paid)}, so ${theColumn(p.column)} must be filled in (a date such as 2026-11-25)`,
  },
  TICKET_DUPLICATE_ID: {
    zh: (p) => `工单号“${str(p.params.found)}”与第 ${str(p.params.firstRow)} 行重复，工单号应唯一`,
    en: (p) => `ticket ID "${str(p.params.found)}" is already used on row ${str(p.params.firstRow)}; ticket IDs must be unique`,
  },
  CUSTOMER_DUPLICATE_UNIT: {
    zh: (p) => `房号“${str(p.params.found)}”已在第 ${str(p.params.firstRow)} 行登记，同一房号只登记一行：请把第 ${str(p.params.firstRow)} 行与本行合并，或更正房号`,
    en: (p) =>
      `unit "${str(p.params.found)}" is already registered on row ${str(p.params.firstRow)}; a unit has one row: merge row ${str(p.params.firstRow)} and this one, or correct the unit`,
  },
  TICKET_DOUBLE_ENTRY: {
    zh: (p) =>
      `与第 ${str(p.params.firstRow)} 行的「${str(p.params.unitColumn)}」「${str(p.params.categoryColumn)}」「${str(p.column)}」相同，且为同一天受理：可能重复录入`,
    en: (p) =>
      `same ${str(p.params.unitColumn)}, ${str(p.params.categoryColumn)} and ${str(p.column)} as row ${str(p.params.firstRow)}, received the same day: possibly entered twice`,
  },
};
