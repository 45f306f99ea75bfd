// The five structured sheets of docs/sheets.md ("Sheets"), as data. Headers are canonical text in both
// languages; the engine finds columns by header text, never by position.
import { EnumName, Lang, ListName } from './enums';

/** How a column's cells are read. */
export type ColumnKind =
  | { type: 'text' }
  | { type: 'phone' }
  | { type: 'datetime' } // an instant (ticket times): a date without clock time is 00:00
  | { type: 'date' } // a whole day: a time part is ignored
  | { type: 'money' } // yuan in the cell, integer cents in the domain
  | { type: 'number' }
  | { type: 'period' } // YYYY-MM
  | { type: 'enum'; enum: EnumName }
  | { type: 'list'; list: ListName }; // values from the Settings sheet

export interface ColumnDef<K extends string = string> {
  /** the column's key in code (a TicketKey, ChargeKey, …: see ColumnKey) */
  readonly key: K;
  readonly zh: string;
  readonly en: string;
  readonly kind: ColumnKind;
  /** width in characters for set-up */
  readonly width: number;
  /** must be filled on every row */
  readonly required?: boolean;
}

export type SheetKey = 'tickets' | 'customers' | 'charges' | 'reminders' | 'settings';

/** The structured sheets but Settings: the ones whose rows are validated and reported on. */
export type DataSheetKey = Exclude<SheetKey, 'settings'>;

/** A sheet's definition; `SheetDef<'tickets'>` is typed by the ticket columns' keys. */
export interface SheetDef<S extends SheetKey = SheetKey> {
  readonly key: S;
  readonly zh: string;
  readonly en: string;
  /** Excel table name (ASCII so that formulas read the same in both languages) */
  readonly table: string;
  /** the column that names a row (a ticket's ID, a unit): problem marks are tied to its value, so a
   *  row inserted above cannot carry a mark onto a neighbour (see workbook/marks.ts) */
  readonly rowKey: ColumnKey<S>;
  readonly columns: ReadonlyArray<ColumnDef<ColumnKey<S>>>;
}

const text = { type: 'text' } as const;
const phone = { type: 'phone' } as const;
const datetime = { type: 'datetime' } as const;
const date = { type: 'date' } as const;
const money = { type: 'money' } as const;
const number = { type: 'number' } as const;
const period = { type: 'period' } as const;
const enumOf = (e: EnumName) => ({ type: 'enum', enum: e }) as const;
const listOf = (l: ListName) => ({ type: 'list', list: l }) as const;

function col<K extends string>(key: K, zh: string, en: string, kind: ColumnKind, width: number, required = false): ColumnDef<K> {
  return required ? { key, zh, en, kind, width, required } : { key, zh, en, kind, width };
}

// Each sheet is declared `as const`, so that its column keys are a type (TicketKey, …, below): a
// misspelt key in a rule, a record or a form does not compile.
const TICKETS_SHEET = {
  key: 'tickets',
  zh: '工单',
  en: 'Tickets',
  table: 'tblTickets',
  rowKey: 'id',
  columns: [
    col('id', '工单号', 'Ticket ID', text, 16, true),
    col('receivedAt', '受理时间', 'Received', datetime, 17, true),
    col('channel', '渠道', 'Channel', enumOf('channel'), 8, true),
    col('type', '类型', 'Type', enumOf('ticketType'), 8, true),
    col('category', '类别', 'Category', listOf('category'), 10, true),
    col('unit', '房号', 'Unit', text, 10),
    col('contact', '联系人', 'Contact', text, 10),
    col('phone', '电话', 'Phone', phone, 14),
    col('description', '内容', 'Description', text, 36, true),
    col('department', '责任部门', 'Department', listOf('department'), 12),
    col('assignee', '处理人', 'Assignee', text, 10),
    col('priority', '紧急程度', 'Priority', enumOf('priority'), 9),
    col('status', '状态', 'Status', enumOf('status'), 9, true),
    col('firstResponseAt', '首次响应时间', 'First response', datetime, 17),
    col('agreedDueAt', '约定完成时间', 'Agreed due', datetime, 17),
    col('holdStartAt', '挂起开始', 'Hold start', datetime, 17),
    col('holdEndAt', '挂起结束', 'Hold end', datetime, 17),
    col('resolvedAt', '完成时间', 'Resolved', datetime, 17),
    col('result', '处理结果', 'Result', text, 30),
    col('callbackAt', '回访时间', 'Callback', datetime, 17),
    col('callbackBy', '回访人', 'Callback by', listOf('clerk'), 10),
    col('satisfaction', '满意度', 'Satisfaction', enumOf('satisfaction'), 10),
    col('callbackNotes', '回访意见', 'Callback notes', text, 24),
    col('complaintValid', '投诉是否成立', 'Complaint valid', enumOf('yesNo'), 12),
  ],
} as const;

const CUSTOMERS_SHEET = {
  key: 'customers',
  zh: '客户',
  en: 'Customers',
  table: 'tblCustomers',
  rowKey: 'unit',
  columns: [
    col('unit', '房号', 'Unit', text, 10, true),
    col('name', '客户姓名', 'Name', text, 12),
    col('phone', '电话', 'Phone', phone, 14),
    col('building', '楼栋', 'Building', text, 8),
    col('area', '面积', 'Area (m²)', number, 9),
    col('moveInDate', '入住日期', 'Move-in', date, 11),
    col('occupancy', '状态', 'Occupancy', enumOf('occupancy'), 9),
  ],
} as const;

const CHARGES_SHEET = {
  key: 'charges',
  zh: '应收',
  en: 'Charges',
  table: 'tblCharges',
  rowKey: 'unit',
  columns: [
    col('unit', '房号', 'Unit', text, 10, true),
    col('feeItem', '费用项目', 'Fee item', listOf('feeItem'), 10, true),
    col('period', '账期', 'Period', period, 9, true),
    col('amountDue', '应收金额', 'Amount due', money, 12, true),
    col('dueDate', '到期日', 'Due date', date, 11, true),
    col('amountPaid', '实收金额', 'Amount paid', money, 12),
    col('paidDate', '收款日期', 'Paid date', date, 11),
  ],
} as const;

const REMINDERS_SHEET = {
  key: 'reminders',
  zh: '催缴记录',
  en: 'Reminders',
  table: 'tblReminders',
  rowKey: 'unit',
  columns: [
    col('unit', '房号', 'Unit', text, 10, true),
    col('date', '日期', 'Date', date, 11, true),
    col('method', '方式', 'Method', enumOf('reminderMethod'), 10, true),
    col('clerk', '经办人', 'Clerk', listOf('clerk'), 10),
    col('result', '结果', 'Result', text, 30),
    col('promisedDate', '承诺缴费日', 'Promised date', date, 12),
  ],
} as const;

/** The Settings sheet: a parameter table (参数 / 值 / 说明) and, in the columns to its right, one list
 *  per column (categories, departments, …) that the dropdowns read. See settings.ts. */
const SETTINGS_SHEET = {
  key: 'settings',
  zh: '设置',
  en: 'Settings',
  table: 'tblSettings',
  rowKey: 'setting',
  columns: [
    col('setting', '参数', 'Setting', text, 26, true),
    col('value', '值', 'Value', text, 24),
    col('note', '说明', 'Note', text, 40),
    col('categories', '类别', 'Category', text, 12),
    col('departments', '责任部门', 'Department', text, 14),
    col('feeItems', '费用项目', 'Fee item', text, 12),
    col('clerks', '经办人', 'Clerk', text, 10),
    col('holidays', '节假日', 'Holidays', date, 12),
    col('workdays', '调休工作日', 'Make-up workdays', date, 14),
  ],
} as const;

export type TicketKey = (typeof TICKETS_SHEET)['columns'][number]['key'];
export type CustomerKey = (typeof CUSTOMERS_SHEET)['columns'][number]['key'];
export type ChargeKey = (typeof CHARGES_SHEET)['columns'][number]['key'];
export type ReminderKey = (typeof REMINDERS_SHEET)['columns'][number]['key'];
export type SettingsKey = (typeof SETTINGS_SHEET)['columns'][number]['key'];

interface ColumnKeys {
  readonly tickets: TicketKey;
  readonly customers: CustomerKey;
  readonly charges: ChargeKey;
  readonly reminders: ReminderKey;
  readonly settings: SettingsKey;
}

/** The column keys of a sheet; of any sheet for the whole union (`ColumnKey<SheetKey>`). */
export type ColumnKey<S extends SheetKey> = ColumnKeys[S];

export const TICKETS: SheetDef<'tickets'> = TICKETS_SHEET;
export const CUSTOMERS: SheetDef<'customers'> = CUSTOMERS_SHEET;
export const CHARGES: SheetDef<'charges'> = CHARGES_SHEET;
export const REMINDERS: SheetDef<'reminders'> = REMINDERS_SHEET;
export const SETTINGS: SheetDef<'settings'> = SETTINGS_SHEET;

/** Each sheet's definition by its key, typed by that sheet's columns. */
export const SHEET_DEFS: { readonly [S in SheetKey]: SheetDef<S> } = {
  tickets: TICKETS,
  customers: CUSTOMERS,
  charges: CHARGES,
  reminders: REMINDERS,
  settings: SETTINGS,
};

export const DATA_SHEETS: ReadonlyArray<SheetDef<DataSheetKey>> = [TICKETS, CUSTOMERS, CHARGES, REMINDERS];
export const ALL_SHEETS: ReadonlyArray<SheetDef> = [TICKETS, CUSTOMERS, CHARGES, REMINDERS, SETTINGS];

export function sheetName(def: SheetDef, lang: Lang): string {
  return lang === 'zh' ? def.zh : def.en;
}

export function header(def: ColumnDef, lang: Lang): string {
  return lang === 'zh' ? def.zh : def.en;
}

/** Header text as clerks may type it: case, spaces and full-width brackets do not matter. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The sheet definition a sheet name stands for, in either language. */
export function sheetDefByName(name: string): SheetDef | undefined {
  const n = normalizeHeader(name);
  return ALL_SHEETS.find((d) => normalizeHeader(d.zh) === n || normalizeHeader(d.en) === n);
}
