// Enumerations of docs/sheets.md ("Enumerations (zh / en)"). Each value has a stable key used in code and
// the two labels a clerk may type. Lists marked `settings` are only defaults: the workbook's Settings
// sheet may replace them.

export type Lang = 'zh' | 'en';

export interface EnumValue<K extends string = string> {
  readonly key: K;
  readonly zh: string;
  readonly en: string;
}

function values<K extends string>(rows: ReadonlyArray<readonly [K, string, string]>): ReadonlyArray<EnumValue<K>> {
  return rows.map(([key, zh, en]) => ({ key, zh, en }));
}

export const CHANNELS = values([
  ['phone', '来电', 'Phone'],
  ['visit', '来访', 'Visit'],
  ['letter', '来函', 'Letter'],
  ['email', '电邮', 'Email'],
  ['online', '网络', 'Online'],
  ['other', '其他', 'Other'],
] as const);
export type Channel = (typeof CHANNELS)[number]['key'];

export const TICKET_TYPES = values([
  ['complaint', '投诉', 'Complaint'],
  ['repair', '报修', 'Repair'],
  ['inquiry', '咨询', 'Inquiry'],
  ['suggestion', '建议', 'Suggestion'],
  ['praise', '表扬', 'Praise'],
] as const);
export type TicketType = (typeof TICKET_TYPES)[number]['key'];

export const PRIORITIES = values([
  ['urgent', '紧急', 'Urgent'],
  ['high', '高', 'High'],
  ['normal', '普通', 'Normal'],
  ['low', '低', 'Low'],
] as const);
export type Priority = (typeof PRIORITIES)[number]['key'];

export const STATUSES = values([
  ['new', '待派单', 'New'],
  ['dispatched', '已派单', 'Dispatched'],
  ['inProgress', '处理中', 'In progress'],
  ['onHold', '挂起', 'On hold'],
  ['resolved', '已完成', 'Resolved'],
  ['calledBack', '已回访', 'Called back'],
  ['closed', '已关闭', 'Closed'],
  ['rejected', '不成立', 'Rejected'],
] as const);
export type Status = (typeof STATUSES)[number]['key'];

export const SATISFACTION = values([
  ['satisfied', '满意', 'Satisfied'],
  ['fairlySatisfied', '基本满意', 'Fairly satisfied'],
  ['dissatisfied', '不满意', 'Dissatisfied'],
] as const);
export type Satisfaction = (typeof SATISFACTION)[number]['key'];

export const YES_NO = values([
  ['yes', '是', 'Yes'],
  ['no', '否', 'No'],
] as const);
export type YesNo = (typeof YES_NO)[number]['key'];

export const REMINDER_METHODS = values([
  ['phone', '电话', 'Phone'],
  ['sms', '短信', 'SMS'],
  ['visit', '上门', 'Visit'],
  ['written', '书面通知', 'Written notice'],
] as const);
export type ReminderMethod = (typeof REMINDER_METHODS)[number]['key'];

export const OCCUPANCY = values([
  ['occupied', '已入住', 'Occupied'],
  ['vacant', '空置', 'Vacant'],
  ['let', '出租', 'Let'],
] as const);
export type Occupancy = (typeof OCCUPANCY)[number]['key'];

// Default lists; the Settings sheet holds the center's own.
export const DEFAULT_CATEGORIES = values([
  ['repairs', '维修', 'Repairs'],
  ['cleaning', '保洁', 'Cleaning'],
  ['security', '安保', 'Security'],
  ['landscaping', '绿化', 'Landscaping'],
  ['parking', '停车', 'Parking'],
  ['fees', '收费', 'Fees'],
  ['noise', '噪音', 'Noise'],
  ['attitude', '服务态度', 'Staff attitude'],
  ['other', '其他', 'Other'],
] as const);

export const DEFAULT_DEPARTMENTS = values([
  ['service', '客服部', 'Customer service'],
  ['engineering', '工程部', 'Engineering'],
  ['environment', '环境部', 'Environment'],
  ['security', '安全部', 'Security'],
  ['finance', '财务部', 'Finance'],
] as const);

export const DEFAULT_FEE_ITEMS = values([
  ['property', '物业费', 'Property fee'],
  ['parking', '停车费', 'Parking'],
  ['rent', '租金', 'Rent'],
  ['water', '水费', 'Water'],
  ['electricity', '电费', 'Electricity'],
  ['other', '其他', 'Other'],
] as const);

export const ENUMS = {
  channel: CHANNELS,
  ticketType: TICKET_TYPES,
  priority: PRIORITIES,
  status: STATUSES,
  satisfaction: SATISFACTION,
  yesNo: YES_NO,
  reminderMethod: REMINDER_METHODS,
  occupancy: OCCUPANCY,
} as const;
export type EnumName = keyof typeof ENUMS;

/** The lists whose values come from the Settings sheet (settings.ts SETTINGS_LISTS says where). */
export type ListName = 'category' | 'department' | 'feeItem' | 'clerk';

/** What a breakdown or a cross-tab calls a ticket whose field is empty. */
export const BLANK_LABEL: Readonly<Record<Lang, string>> = { zh: '(未填)', en: '(blank)' };

/** A value's label in a language. */
export function label(v: EnumValue, lang: Lang): string {
  return lang === 'zh' ? v.zh : v.en;
}

const labelCache = new Map<ReadonlyArray<EnumValue>, Readonly<Record<Lang, ReadonlyMap<string, string>>>>();

/** The label of an enumeration's key in a language; a key the list does not have is shown as it is. */
export function enumLabel(list: ReadonlyArray<EnumValue>, key: string, lang: Lang): string {
  let byLang = labelCache.get(list);
  if (!byLang) {
    byLang = { zh: new Map(list.map((v) => [v.key, label(v, 'zh')])), en: new Map(list.map((v) => [v.key, label(v, 'en')])) };
    labelCache.set(list, byLang);
  }
  return byLang[lang].get(key) ?? key;
}

const lookupCache = new Map<ReadonlyArray<EnumValue>, Map<string, string>>();

/** The key of a typed label in either language (English case-insensitive), or undefined. */
export function enumKey(list: ReadonlyArray<EnumValue>, text: string): string | undefined {
  let map = lookupCache.get(list);
  if (!map) {
    map = new Map();
    for (const v of list) {
      map.set(v.zh, v.key);
      map.set(v.en.toLowerCase(), v.key);
    }
    lookupCache.set(list, map);
  }
  const t = text.trim();
  return map.get(t) ?? map.get(t.toLowerCase());
}
