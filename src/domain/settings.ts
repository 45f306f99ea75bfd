// The center's settings (docs/sheets.md "Rules", all editable): a parameter table on the Settings sheet,
// and one list per column beside it. A workbook without the sheet works with these defaults.
import type { Cell } from './grid';
import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS, DEFAULT_FEE_ITEMS, EnumValue, Lang, label, ListName } from './enums';
import { nearestName } from './nearest';
import { Problem } from './problems';
import { SETTINGS, SettingsKey } from './schema';
import { TableRead } from './table';
import { WallTime } from './time';

export interface ResolutionSla {
  readonly complaint: number;
  readonly repairUrgent: number;
  readonly repairHigh: number;
  readonly repairNormal: number;
  readonly repairLow: number;
  readonly inquiry: number;
  readonly suggestion: number;
}

export interface Settings {
  readonly centerName: string;
  readonly reportLang: Lang;
  readonly responseSlaHours: number;
  readonly resolutionSlaHours: ResolutionSla;
  readonly dueSoonHours: number;
  readonly calendar: 'calendar' | 'working';
  /** minutes after midnight */
  readonly workingHours: { readonly start: number; readonly end: number };
  /** 1 = Monday … 7 = Sunday */
  readonly weekStart: number;
  /** 1 = calendar month; 26 = 26th to 25th */
  readonly monthStartDay: number;
  /** upper bounds in days of each aging bucket but the last (1–30, 31–60, …, over 365) */
  readonly agingBuckets: ReadonlyArray<number>;
  /** days overdue at which the 1st, 2nd and final notices start */
  readonly dunningLevels: ReadonlyArray<number>;
  /** the letter of each kind of notice, in each language (placeholders: NOTICE_PLACEHOLDERS) */
  readonly noticeLetters: Readonly<Record<Lang, NoticeLetters>>;
  /** a notice's pay-by date: this many days after the day it is made */
  readonly payWithinDays: number;
  /** the day of its 账期's month a charge falls due, for an adopted ledger without 到期日 */
  readonly chargeDueDay: number;
  /** who to contact, printed on each notice */
  readonly contact: string;
  /** share of occupied households to call back each quarter */
  readonly callbackShare: number;
  readonly categories: ReadonlyArray<string>;
  readonly departments: ReadonlyArray<string>;
  readonly feeItems: ReadonlyArray<string>;
  readonly clerks: ReadonlyArray<string>;
  readonly holidays: ReadonlyArray<WallTime>;
  readonly workdays: ReadonlyArray<WallTime>;
}

/** The letters of the three kinds of notice (催缴函): the first, the second, the final. */
export interface NoticeLetters {
  readonly first: string;
  readonly second: string;
  readonly final: string;
}

export type NoticeKind = keyof NoticeLetters;

/** What a letter may say in braces, filled in on each notice. */
export const NOTICE_PLACEHOLDERS = ['center', 'unit', 'owner', 'total', 'payBy', 'contact'] as const;

// The default letters; a manager rewords them in Settings.
const DEFAULT_LETTERS: Readonly<Record<Lang, NoticeLetters>> = {
  zh: {
    first: '尊敬的{owner}：您好！经核对，您名下 {unit} 房屋尚有下列费用逾期未缴，合计 {total}。请于 {payBy} 前到{center}缴清，或通过线上渠道缴纳。如您已缴纳，请忽略本通知。如有疑问，请联系：{contact}。',
    second: '尊敬的{owner}：我中心此前已提醒您缴纳 {unit} 房屋的逾期费用，截至目前仍未收到，合计 {total}。请于 {payBy} 前缴清。如有困难或疑问，请及时与我们联系：{contact}。',
    final: '尊敬的{owner}：{unit} 房屋的下列费用已逾期较长时间，经多次催缴仍未缴纳，合计 {total}。现发出最后通知：请务必于 {payBy} 前缴清；逾期未缴的，{center}将依照物业服务合同的约定追缴。如有疑问，请联系：{contact}。',
  },
  en: {
    first: 'Dear {owner}, our records show that the charges below for unit {unit} are overdue, {total} in all. Please pay them by {payBy} at {center} or online. If you have already paid, please disregard this notice. Questions: {contact}.',
    second: 'Dear {owner}, we reminded you earlier of the overdue charges for unit {unit}, and we have not yet received them: {total} in all. Please pay by {payBy}. If anything makes paying difficult, please talk to us: {contact}.',
    final: 'Dear {owner}, the charges below for unit {unit} have been overdue for a long time despite several reminders: {total} in all. This is our final notice: please pay by {payBy}; otherwise {center} will recover the debt as the property service contract provides. Questions: {contact}.',
  },
};

const DEFAULT_CONTACT: Readonly<Record<Lang, string>> = { zh: '服务中心前台', en: 'the service desk' };

/** The Settings fields that hold a list of schema.ts's 'list' columns. */
type ListField = 'categories' | 'departments' | 'feeItems' | 'clerks';

export interface SettingsList {
  /** the field of Settings that holds the list */
  readonly field: ListField;
  /** the Settings-sheet column the center types it in */
  readonly column: SettingsKey;
  /** the workbook name through which the dropdowns read that column (set-up defines it) */
  readonly name: string;
  /** what a new workbook starts with; null: the list starts empty, and while empty allows anything */
  readonly defaults: ReadonlyArray<EnumValue> | null;
}

/** Each Settings list: where it lives in Settings, on the Settings sheet and in the workbook's names. */
export const SETTINGS_LISTS: Readonly<Record<ListName, SettingsList>> = {
  category: { field: 'categories', column: 'categories', name: 'DeskbookCategories', defaults: DEFAULT_CATEGORIES },
  department: { field: 'departments', column: 'departments', name: 'DeskbookDepartments', defaults: DEFAULT_DEPARTMENTS },
  feeItem: { field: 'feeItems', column: 'feeItems', name: 'DeskbookFeeItems', defaults: DEFAULT_FEE_ITEMS },
  clerk: { field: 'clerks', column: 'clerks', name: 'DeskbookClerks', defaults: null },
};

/** The values of a Settings list. */
export function listValues(settings: Settings, list: ListName): ReadonlyArray<string> {
  return settings[SETTINGS_LISTS[list].field];
}

type ParamKey =
  | 'centerName'
  | 'reportLang'
  | 'responseSlaHours'
  | 'sla.complaint'
  | 'sla.repairUrgent'
  | 'sla.repairHigh'
  | 'sla.repairNormal'
  | 'sla.repairLow'
  | 'sla.inquiry'
  | 'sla.suggestion'
  | 'dueSoonHours'
  | 'calendar'
  | 'workingHours'
  | 'weekStart'
  | 'monthStartDay'
  | 'agingBuckets'
  | 'dunningLevels'
  | `letter.${NoticeKind}.${Lang}`
  | 'payWithinDays'
  | 'chargeDueDay'
  | 'contact'
  | 'callbackShare';

interface ParamDef {
  readonly key: ParamKey;
  readonly zh: string;
  readonly en: string;
  /** the default as written in the sheet, per language */
  readonly value: { readonly zh: string | number; readonly en: string | number };
  readonly note: { readonly zh: string; readonly en: string };
}

const same = (v: string | number) => ({ zh: v, en: v });

const PARAMS: ReadonlyArray<ParamDef> = [
  { key: 'centerName', zh: '中心名称', en: 'Center name', value: { zh: '客户服务中心', en: 'Customer Service Center' }, note: { zh: '报表标题与催缴通知单上使用', en: 'Used in report titles and notices' } },
  { key: 'reportLang', zh: '报表语言', en: 'Report language', value: { zh: '中文', en: 'English' }, note: { zh: '中文 或 English', en: '中文 or English' } },
  { key: 'responseSlaHours', zh: '响应时限(小时)', en: 'Response SLA (hours)', value: same(24), note: { zh: '受理后首次响应时限，表扬类除外', en: 'First response after receipt, all types but praise' } },
  { key: 'sla.complaint', zh: '办结时限-投诉(小时)', en: 'Resolution SLA - complaint (hours)', value: same(72), note: { zh: '约定完成时间优先', en: 'An agreed due time overrides it' } },
  { key: 'sla.repairUrgent', zh: '办结时限-报修紧急(小时)', en: 'Resolution SLA - urgent repair (hours)', value: same(24), note: { zh: '', en: '' } },
  { key: 'sla.repairHigh', zh: '办结时限-报修高(小时)', en: 'Resolution SLA - high repair (hours)', value: same(48), note: { zh: '', en: '' } },
  { key: 'sla.repairNormal', zh: '办结时限-报修普通(小时)', en: 'Resolution SLA - normal repair (hours)', value: same(72), note: { zh: '', en: '' } },
  { key: 'sla.repairLow', zh: '办结时限-报修低(小时)', en: 'Resolution SLA - low repair (hours)', value: same(168), note: { zh: '', en: '' } },
  { key: 'sla.inquiry', zh: '办结时限-咨询(小时)', en: 'Resolution SLA - inquiry (hours)', value: same(24), note: { zh: '', en: '' } },
  { key: 'sla.suggestion', zh: '办结时限-建议(小时)', en: 'Resolution SLA - suggestion (hours)', value: same(168), note: { zh: '', en: '' } },
  { key: 'dueSoonHours', zh: '临期提醒(小时)', en: 'Due-soon warning (hours)', value: same(4), note: { zh: '距时限不足此小时数时提示“临期”', en: 'Within this many hours of a deadline a ticket is "due soon"' } },
  { key: 'calendar', zh: '计时方式', en: 'Clock', value: { zh: '日历时间', en: 'Calendar hours' }, note: { zh: '日历时间 或 工作时间（节假日、调休见右侧列表）', en: 'Calendar hours or Working hours (holidays and make-up workdays in the lists)' } },
  { key: 'workingHours', zh: '工作时间', en: 'Working hours', value: same('08:30-17:30'), note: { zh: '计时方式为工作时间时使用', en: 'Used when the clock is working hours' } },
  { key: 'weekStart', zh: '周起始日', en: 'Week starts on', value: { zh: '星期一', en: 'Monday' }, note: { zh: '周报从这一天 0 点开始', en: 'Weekly reports start at 00:00 that day' } },
  { key: 'monthStartDay', zh: '月度起始日', en: 'Month starts on day', value: same(1), note: { zh: '1 为自然月；26 表示 26 日至次月 25 日', en: '1 for calendar months; 26 for the 26th to the 25th' } },
  { key: 'agingBuckets', zh: '账龄分段(天)', en: 'Aging buckets (days)', value: same('30,60,90,180,365'), note: { zh: '1–30、31–60 … 365 天以上', en: '1–30, 31–60, … over 365 days' } },
  { key: 'dunningLevels', zh: '催缴级别(逾期天数)', en: 'Dunning levels (days overdue)', value: same('15,45,90'), note: { zh: '第一次、第二次、最后通知的起始逾期天数', en: 'Days overdue for the 1st, 2nd and final notice' } },
  ...(['first', 'second', 'final'] as const).flatMap((kind): ParamDef[] => {
    const name = { first: { zh: '第一次', en: '1st' }, second: { zh: '第二次', en: '2nd' }, final: { zh: '最后通知', en: 'final' } }[kind];
    const note = {
      zh: `${name.zh}催缴通知单的正文；可用 {center} {unit} {owner} {total} {payBy} {contact}`,
      en: `The text of the ${name.en} notice; may use {center} {unit} {owner} {total} {payBy} {contact}`,
    };
    return [
      { key: `letter.${kind}.zh`, zh: `催缴函-${name.zh}(中文)`, en: `Notice letter - ${name.en} (Chinese)`, value: same(DEFAULT_LETTERS.zh[kind]), note },
      { key: `letter.${kind}.en`, zh: `催缴函-${name.zh}(英文)`, en: `Notice letter - ${name.en} (English)`, value: same(DEFAULT_LETTERS.en[kind]), note },
    ];
  }),
  { key: 'payWithinDays', zh: '缴费期限(天)', en: 'Pay within (days)', value: same(10), note: { zh: '催缴通知单上的缴费截止日：生成之日起的天数', en: 'The pay-by date on a notice: this many days after it is made' } },
  { key: 'contact', zh: '联系方式', en: 'Contact', value: DEFAULT_CONTACT, note: { zh: '印在催缴通知单上，如“客服中心前台 0571-8000 1234”', en: 'Printed on each notice, such as "front desk, 0571-8000 1234"' } },
  { key: 'chargeDueDay', zh: '账期到期日', en: 'Charges due on day', value: same(15), note: { zh: '导入没有到期日的收费台账时：账期当月的这一天（大于月末时取月末）', en: 'Adopting a ledger without due dates: this day of the period\'s month (its last day if shorter)' } },
  { key: 'callbackShare', zh: '每季回访比例', en: 'Callback share per quarter', value: same('25%'), note: { zh: '每季度回访的入住户比例', en: 'Share of occupied households called back each quarter' } },
];

const WEEKDAYS: ReadonlyArray<readonly [string, string]> = [
  ['星期一', 'Monday'],
  ['星期二', 'Tuesday'],
  ['星期三', 'Wednesday'],
  ['星期四', 'Thursday'],
  ['星期五', 'Friday'],
  ['星期六', 'Saturday'],
  ['星期日', 'Sunday'],
];

function defaultList(list: ListName, lang: Lang): string[] {
  return (SETTINGS_LISTS[list].defaults ?? []).map((v) => label(v, lang));
}

export function defaultSettings(lang: Lang = 'zh'): Settings {
  return {
    centerName: String(PARAMS[0].value[lang]),
    reportLang: lang,
    responseSlaHours: 24,
    resolutionSlaHours: { complaint: 72, repairUrgent: 24, repairHigh: 48, repairNormal: 72, repairLow: 168, inquiry: 24, suggestion: 168 },
    dueSoonHours: 4,
    calendar: 'calendar',
    workingHours: { start: 8 * 60 + 30, end: 17 * 60 + 30 },
    weekStart: 1,
    monthStartDay: 1,
    agingBuckets: [30, 60, 90, 180, 365],
    dunningLevels: [15, 45, 90],
    noticeLetters: DEFAULT_LETTERS,
    payWithinDays: 10,
    chargeDueDay: 15,
    contact: DEFAULT_CONTACT[lang],
    callbackShare: 0.25,
    categories: defaultList('category', lang),
    departments: defaultList('department', lang),
    feeItems: defaultList('feeItem', lang),
    clerks: defaultList('clerk', lang),
    holidays: [],
    workdays: [],
  };
}

// 参数 / 值 / 说明: the first columns of SETTINGS; the lists stand to their right
const PARAM_COLUMNS = 3;

/** The rows of a new Settings sheet, in the column order of SETTINGS. */
export function settingsRows(settings: Settings, lang: Lang): Cell[][] {
  // the list columns right of the parameter table; holidays and make-up workdays the center fills in
  const listOfColumn = new Map<SettingsKey, ReadonlyArray<Cell>>(Object.values(SETTINGS_LISTS).map((l) => [l.column, settings[l.field]]));
  const lists = SETTINGS.columns.slice(PARAM_COLUMNS).map((c) => listOfColumn.get(c.key) ?? []);
  const height = Math.max(PARAMS.length, ...lists.map((l) => l.length));
  const rows: Cell[][] = [];
  for (let i = 0; i < height; i++) {
    const p = PARAMS[i];
    const param: Cell[] = p ? [lang === 'zh' ? p.zh : p.en, paramCell(settings, p, lang), p.note[lang] || null] : [null, null, null];
    rows.push([...param, ...lists.map((l) => l[i] ?? null)]);
  }
  return rows;
}

function paramCell(s: Settings, p: ParamDef, lang: Lang): Cell {
  switch (p.key) {
    case 'centerName':
      return s.centerName;
    case 'reportLang':
      return s.reportLang === 'zh' ? '中文' : 'English';
    case 'responseSlaHours':
      return s.responseSlaHours;
    case 'dueSoonHours':
      return s.dueSoonHours;
    case 'calendar':
      return s.calendar === 'calendar' ? (lang === 'zh' ? '日历时间' : 'Calendar hours') : lang === 'zh' ? '工作时间' : 'Working hours';
    case 'workingHours':
      return `${hhmm(s.workingHours.start)}-${hhmm(s.workingHours.end)}`;
    case 'weekStart':
      return WEEKDAYS[s.weekStart - 1][lang === 'zh' ? 0 : 1];
    case 'monthStartDay':
      return s.monthStartDay;
    case 'agingBuckets':
      return s.agingBuckets.join(',');
    case 'dunningLevels':
      return s.dunningLevels.join(',');
    case 'callbackShare':
      return `${Math.round(s.callbackShare * 1000) / 10}%`;
    case 'payWithinDays':
      return s.payWithinDays;
    case 'chargeDueDay':
      return s.chargeDueDay;
    case 'contact':
      return s.contact;
    default:
      if (p.key.startsWith('letter.')) {
        const [, kind, letterLang] = p.key.split('.') as [string, NoticeKind, Lang];
        return s.noticeLetters[letterLang][kind];
      }
      return s.resolutionSlaHours[p.key.slice(4) as keyof ResolutionSla];
  }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; expected: { zh: string; en: string } };

function positiveNumber(cell: Cell, max = 10000): Parsed<number> {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim()) : NaN;
  return Number.isFinite(n) && n > 0 && n <= max ? { ok: true, value: n } : { ok: false, expected: { zh: `大于 0 的数字`, en: 'a number above 0' } };
}

function numberList(cell: Cell): Parsed<number[]> {
  const parts = String(cell ?? '').split(/[,，、\s]+/).filter(Boolean).map(Number);
  const ascending = parts.every((n, i) => Number.isInteger(n) && n > 0 && (i === 0 || n > parts[i - 1]));
  return parts.length > 0 && ascending
    ? { ok: true, value: parts }
    : { ok: false, expected: { zh: '递增的天数，用逗号分隔，如 30,60,90', en: 'increasing day counts separated by commas, such as 30,60,90' } };
}

function parseParam(p: ParamDef, cell: Cell): Parsed<unknown> {
  const text = typeof cell === 'string' ? cell.trim() : cell;
  switch (p.key) {
    case 'centerName':
      return typeof text === 'string' && text ? { ok: true, value: text } : { ok: false, expected: { zh: '文字', en: 'text' } };
    case 'reportLang':
      if (text === '中文' || text === 'zh') return { ok: true, value: 'zh' };
      if (typeof text === 'string' && /^(english|en)$/i.test(text)) return { ok: true, value: 'en' };
      return { ok: false, expected: { zh: '中文 或 English', en: '中文 or English' } };
    case 'calendar':
      if (text === '日历时间' || (typeof text === 'string' && /^calendar( hours)?$/i.test(text))) return { ok: true, value: 'calendar' };
      if (text === '工作时间' || (typeof text === 'string' && /^working( hours)?$/i.test(text))) return { ok: true, value: 'working' };
      return { ok: false, expected: { zh: '日历时间 或 工作时间', en: 'Calendar hours or Working hours' } };
    case 'workingHours': {
      const m = typeof text === 'string' ? /^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$/.exec(text) : null;
      const start = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      const end = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
      return m && start < end && end <= 24 * 60
        ? { ok: true, value: { start, end } }
        : { ok: false, expected: { zh: '如 08:30-17:30', en: 'such as 08:30-17:30' } };
    }
    case 'weekStart': {
      const i = WEEKDAYS.findIndex(([zh, en]) => text === zh || (typeof text === 'string' && text.toLowerCase() === en.toLowerCase()));
      if (i >= 0) return { ok: true, value: i + 1 };
      if (typeof text === 'number' && Number.isInteger(text) && text >= 1 && text <= 7) return { ok: true, value: text };
      return { ok: false, expected: { zh: '星期一 … 星期日', en: 'Monday … Sunday' } };
    }
    case 'monthStartDay':
      return typeof text === 'number' && Number.isInteger(text) && text >= 1 && text <= 28
        ? { ok: true, value: text }
        : { ok: false, expected: { zh: '1 到 28 的整数', en: 'a whole number from 1 to 28' } };
    case 'agingBuckets':
    case 'dunningLevels':
      return numberList(cell);
    case 'payWithinDays':
      return typeof text === 'number' && Number.isInteger(text) && text >= 0 && text <= 365
        ? { ok: true, value: text }
        : { ok: false, expected: { zh: '0 到 365 的整数', en: 'a whole number from 0 to 365' } };
    case 'chargeDueDay':
      return typeof text === 'number' && Number.isInteger(text) && text >= 1 && text <= 31
        ? { ok: true, value: text }
        : { ok: false, expected: { zh: '1 到 31 的整数', en: 'a whole number from 1 to 31' } };
    case 'contact':
      return typeof text === 'string' && text ? { ok: true, value: text } : { ok: false, expected: { zh: '文字', en: 'text' } };
    case 'callbackShare': {
      const t = typeof text === 'string' ? text.replace('%', '') : text;
      const n = typeof t === 'number' ? (t <= 1 ? t : t / 100) : Number(t) / 100;
      return Number.isFinite(n) && n > 0 && n <= 1 ? { ok: true, value: n } : { ok: false, expected: { zh: '百分比，如 25%', en: 'a percentage such as 25%' } };
    }
    default:
      return p.key.startsWith('letter.') ? letterText(text) : positiveNumber(cell);
  }
}

/** A letter: text whose braces name only NOTICE_PLACEHOLDERS (a misspelt {onwer} would print as typed). */
function letterText(text: Cell): Parsed<string> {
  const known = new Set<string>(NOTICE_PLACEHOLDERS);
  const ok = typeof text === 'string' && text !== '' && [...text.matchAll(/\{([^{}]*)\}/g)].every((m) => known.has(m[1]));
  return ok
    ? { ok: true, value: text }
    : { ok: false, expected: { zh: '通知单正文，占位符只可用 {center} {unit} {owner} {total} {payBy} {contact}', en: 'the letter, with no placeholders but {center} {unit} {owner} {total} {payBy} {contact}' } };
}

const PARAM_BY_LABEL = new Map<string, ParamDef>(PARAMS.flatMap((p) => [[p.zh, p], [p.en.toLowerCase(), p]] as Array<[string, ParamDef]>));

/**
 * A parameter name the add-in does not know (PRODUCT.md: "reported as a problem on the Settings
 * sheet, never silently ignored"), on its 参数 cell, with the known name nearest to it when one is
 * close. An error when the row holds a value (a setting meant to apply does not: its default does);
 * a warning when it holds none (nothing is lost; a note, perhaps).
 */
function unknownSetting(read: TableRead<'settings'>, row: number, name: string, hasValue: boolean): Problem {
  const near = nearestName(name, PARAMS.map((p) => [p.zh, p.en]));
  const params: Record<string, string> = { setting: name };
  if (near) params[near.looseEqual ? 'sameAs' : 'suggestion'] = near.name;
  const column = read.columns.find((c) => c.def.key === 'setting')?.header ?? SETTINGS.columns[0][read.lang];
  return { sheet: read.sheet, row, column, code: 'SETTING_UNKNOWN', severity: hasValue ? 'error' : 'warning', params };
}

/** The codes of the problems settingsFromTable finds (not the reader's: those are cells that did not convert). */
export const SETTINGS_PROBLEM_CODES: ReadonlyArray<string> = ['SETTING_INVALID', 'SETTING_UNKNOWN'];

/**
 * Settings from a read of the Settings sheet: defaults for what is missing, a problem (and the
 * default) for a value that does not parse.
 */
export function settingsFromTable(read: TableRead<'settings'> | undefined, lang: Lang): { settings: Settings; problems: Problem[] } {
  const base = defaultSettings(lang);
  if (!read) return { settings: base, problems: [] };
  const problems: Problem[] = [];
  const out: Record<string, unknown> = { ...base, resolutionSlaHours: { ...base.resolutionSlaHours } };
  const letters = { zh: { ...base.noticeLetters.zh }, en: { ...base.noticeLetters.en } };
  const valueHeader = read.columns.find((c) => c.def.key === 'value')?.header ?? SETTINGS.columns[1][lang];
  const lists = Object.values(SETTINGS_LISTS).map((list) => ({ list, values: [] as string[] }));
  const holidays: WallTime[] = [];
  const workdays: WallTime[] = [];
  for (const rec of read.records) {
    const name = rec.values.setting;
    if (typeof name === 'string') {
      const p = PARAM_BY_LABEL.get(name) ?? PARAM_BY_LABEL.get(name.toLowerCase());
      const raw = rec.values.value;
      if (!p) problems.push(unknownSetting(read, rec.row, name, raw !== null));
      if (p && raw !== null && raw !== undefined) {
        // Values were read as text; numbers come back as their decimal text.
        const cell: Cell = typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
        const parsed = parseParam(p, cell);
        if (parsed.ok) {
          if (p.key.startsWith('sla.')) (out.resolutionSlaHours as Record<string, unknown>)[p.key.slice(4)] = parsed.value;
          else if (p.key.startsWith('letter.')) {
            const [, kind, letterLang] = p.key.split('.') as [string, NoticeKind, Lang];
            letters[letterLang][kind] = parsed.value as string;
          } else out[p.key] = parsed.value;
        } else {
          problems.push({
            sheet: read.sheet,
            row: rec.row,
            column: valueHeader,
            code: 'SETTING_INVALID',
            severity: 'error',
            params: { setting: name, found: String(raw), expected: parsed.expected[lang] },
          });
        }
      }
    }
    for (const { list, values } of lists) {
      const v = rec.values[list.column];
      if (typeof v === 'string' && v) values.push(v);
    }
    if (typeof rec.values.holidays === 'number') holidays.push(rec.values.holidays);
    if (typeof rec.values.workdays === 'number') workdays.push(rec.values.workdays);
  }
  for (const { list, values } of lists) {
    // An empty list column means the defaults still hold.
    if (values.length > 0 || list.defaults === null) out[list.field] = values;
  }
  out.holidays = holidays;
  out.workdays = workdays;
  out.noticeLetters = letters;
  return { settings: out as unknown as Settings, problems };
}
