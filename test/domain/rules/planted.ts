// A small service-center workbook with one planted problem per rule of RULES, and clean rows around
// them. The rule tests read these grids; test/fixtures/make_planted_workbook.ts writes the same grids
// to test/fixtures/planted.xlsx for the CLI. Rows are Excel rows: the header is row 1.
import { SETTINGS, CHARGES, CUSTOMERS, REMINDERS, SheetDef, SheetKey, TICKETS } from '../../../src/domain/schema';
import { unitsOf, ValidationContext } from '../../../src/domain/rules';
import { ALL_SHEETS } from '../../../src/domain/schema';
import { defaultSettings, settingsFromTable, settingsRows } from '../../../src/domain/settings';
import { readTable, TableRead } from '../../../src/domain/table';
import { parseWallText, wallToSerial } from '../../../src/domain/time';
import type { Cell, SheetGrid } from '../../../src/workbook/types';

export const AS_OF = '2026-11-25 17:30';
export const CLERKS = ['张敏', '李强'];

/** A date or date-time as Excel stores it: a serial number. */
export function serial(text: string): number {
  const t = parseWallText(text);
  if (t === undefined) throw new Error(`not a date: ${text}`);
  return wallToSerial(t);
}

type Row = Readonly<Record<string, Cell>>;

/** A grid with the canonical Chinese headers (and a clerk's own 备注 column at the end). */
function grid(def: SheetDef, rows: ReadonlyArray<Row>, extra = false): SheetGrid {
  const keys: ReadonlyArray<string> = def.columns.map((c) => c.key);
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) throw new Error(`${def.key} has no column ${k}`);
  const header: Cell[] = [...def.columns.map((c) => c.zh), ...(extra ? ['备注'] : [])];
  return {
    name: def.zh,
    originRow: 0,
    originCol: 0,
    rows: [header, ...rows.map((r) => [...keys.map((k) => r[k] ?? null), ...(extra ? [null] : [])])],
  };
}

/** A repair received, answered, fixed and called back: clean. Each row overrides what it needs. */
function ticket(id: string, description: string | null, day: string, over: Row = {}): Row {
  return {
    id,
    receivedAt: serial(`${day} 09:00`),
    channel: '来电',
    type: '报修',
    category: '维修',
    unit: '1-101',
    contact: '王先生',
    phone: '13812345678',
    description,
    department: '工程部',
    assignee: '赵工',
    priority: '普通',
    status: '已回访',
    firstResponseAt: serial(`${day} 09:30`),
    resolvedAt: serial(`${day} 15:00`),
    result: '已修好',
    callbackAt: serial(`${day} 17:00`),
    callbackBy: '张敏',
    satisfaction: '满意',
    ...over,
  };
}

const open = { resolvedAt: null, result: null, callbackAt: null, callbackBy: null, satisfaction: null };

export const TICKET_ROWS: ReadonlyArray<Row> = [
  /* 2 */ ticket('GD-001', '厨房水管漏水', '2026-11-20'),
  /* 3 */ ticket('GD-002', '物业费怎么交', '2026-11-20', {
    ...open,
    type: '咨询',
    category: '收费',
    unit: null,
    phone: '021-58881234',
    department: '财务部',
    priority: null,
    status: '已关闭', // an inquiry is closed without a callback
    resolvedAt: serial('2026-11-20 10:00'),
    result: '已告知缴费方式',
  }),
  /* 4 */ ticket('GD-003', null, '2026-11-21'), // 内容 left empty
  /* 5 */ ticket('GD-004', '楼道灯不亮', '2026-11-21', { category: '维修工' }), // not in the Settings list
  /* 6 */ ticket('GD-005', '门禁卡失灵', '2026-11-21', { phone: '1381234567' }), // mobile one digit short
  /* 7 */ ticket('GD-006', '阳台漏水', '2026-11-21', { unit: '9-999' }), // no such unit
  /* 8 */ ticket('GD-007', '电梯异响', '2026-12-25', {
    ...open,
    firstResponseAt: null,
    department: null,
    assignee: null,
    status: '待派单', // received a month ahead: 12 typed for 11
  }),
  /* 9 */ ticket('GD-008', '卫生间堵塞', '2026-11-22', { resolvedAt: serial('2026-11-21 15:00') }), // resolved the day before
  /* 10 */ ticket('GD-009', '外墙渗水', '2026-11-22', {
    holdStartAt: serial('2026-11-22 10:00'),
    holdEndAt: serial('2026-11-22 08:00'), // ends before it starts
  }),
  /* 11 */ ticket('GD-010', '水龙头滴水', '2026-11-23', { ...open, status: '已完成' }), // resolved without a time
  /* 12 */ ticket('GD-011', '楼上装修噪音', '2026-11-23', {
    type: '投诉',
    category: '噪音',
    department: '客服部',
    priority: null,
    status: '已关闭',
    callbackAt: null, // closed complaint never called back (its rating alone is the same cell)
    complaintValid: '是',
  }),
  /* 13 */ ticket('GD-012', '窗户关不严', '2026-11-23', { satisfaction: null }), // called back, no rating
  /* 14 */ ticket('GD-013', '保安态度差', '2026-11-24', {
    ...open,
    type: '投诉',
    category: '服务态度',
    department: '安全部',
    priority: null,
    status: '不成立',
    resolvedAt: serial('2026-11-24 16:00'),
    complaintValid: '否', // rejected without a reason
  }),
  /* 15 */ ticket('GD-014', '热水器不热', '2026-11-24', { ...open, status: '挂起' }), // on hold, no hold start
  /* 16 */ ticket('GD-015', '插座冒火花', '2026-11-24', { callbackAt: null, status: '已完成', callbackBy: null, satisfaction: '基本满意' }), // a rating without a callback
  /* 17 */ ticket('GD-001', '车库照明坏了', '2026-11-25', { ...open, status: '处理中' }), // GD-001 again
  /* 18 */ ticket('GD-016', '厨房水管漏水', '2026-11-20', { ...open, status: '处理中', contact: '王太太', receivedAt: serial('2026-11-20 14:00'), firstResponseAt: serial('2026-11-20 14:20') }), // row 2 typed again
  /* 19 */ ticket('GD-017', '空调外机噪音', '2026-11-24', { agreedDueAt: serial('2026-11-23 18:00') }), // agreed the day before it came in
  /* 20 */ ticket('GD-018', '消防通道堆物', '2026-11-25', { ...open, department: null, assignee: null, status: '已派单' }), // dispatched, to no department
  /* 21 */ ticket('GD-019', '信箱锁坏了', '2026-11-25', { callbackAt: null, callbackBy: null, satisfaction: null, status: '待派单' }), // fixed, the status never moved on
  /* 22 */ ticket('GD-020', '地下室渗水', '2026-11-24', { resolvedAt: null, status: '处理中' }), // called back and rated, still in progress
];

export const CUSTOMER_ROWS: ReadonlyArray<Row> = [
  /* 2 */ { unit: '1-101', name: '王建国', phone: '13812345678', building: '1栋', area: 89.5, moveInDate: serial('2020-05-01'), occupancy: '已入住' },
  /* 3 */ { unit: '1-102', name: '陈丽', phone: '0755-12345678', building: '1栋', area: 120, moveInDate: serial('2021-03-15'), occupancy: '出租' },
  /* 4 */ { unit: null, name: '李四', phone: '13912345678', building: '1栋', area: 89.5, occupancy: '已入住' }, // no unit
  /* 5 */ { unit: '1-201', name: '周强', phone: '13712345678', building: '1栋', area: -89.5, occupancy: '空置' }, // negative area
  /* 6 */ { unit: '1-202', name: '吴敏', phone: '12345678901', building: '1栋', area: 120, occupancy: '已入住' }, // 12… is no mobile
  /* 7 */ { unit: '1-101', name: '王建国', phone: '13812345678', building: '1栋', area: 89.5, occupancy: '已入住' }, // row 2's unit again
];

export const CHARGE_ROWS: ReadonlyArray<Row> = [
  /* 2 */ { unit: '1-101', feeItem: '物业费', period: '2026-10', amountDue: 356.4, dueDate: serial('2026-10-15'), amountPaid: 356.4, paidDate: serial('2026-10-10') },
  /* 3 */ { unit: '1-102', feeItem: '物业费', period: '2026-11', amountDue: 280, dueDate: serial('2026-11-15') }, // unpaid: clean
  /* 4 */ { unit: '1-101', feeItem: '水费', period: '2026-11', dueDate: serial('2026-11-15') }, // no amount due
  /* 5 */ { unit: '1-101', feeItem: '管理费', period: '2026-11', amountDue: 100, dueDate: serial('2026-11-15') }, // not a fee item
  /* 6 */ { unit: '1-102', feeItem: '停车费', period: '2026-11', amountDue: -50, dueDate: serial('2026-11-15') }, // negative
  /* 7 */ { unit: '1-103', feeItem: '物业费', period: '2026-11', amountDue: 280, dueDate: serial('2026-11-15') }, // no such unit
  /* 8 */ { unit: '1-101', feeItem: '电费', period: '2026-11', amountDue: 100, dueDate: serial('2026-11-15'), amountPaid: 100, paidDate: serial('2026-12-10') }, // paid next month?
  /* 9 */ { unit: '1-101', feeItem: '物业费', period: '2026-11', amountDue: 356.4, dueDate: serial('2026-11-15'), amountPaid: 712.8, paidDate: serial('2026-11-12') }, // two months on one row
  /* 10 */ { unit: '1-102', feeItem: '水费', period: '2026-10', amountDue: 100, dueDate: serial('2026-10-15'), amountPaid: 100 }, // paid, no date
];

export const REMINDER_ROWS: ReadonlyArray<Row> = [
  /* 2 */ { unit: '1-102', date: serial('2026-11-20'), method: '电话', clerk: '张敏', result: '答应月底前缴', promisedDate: serial('2026-11-30') },
  /* 3 */ { unit: '1-102', date: serial('2026-11-21'), method: null, clerk: '李强', result: '未接' }, // no method
  /* 4 */ { unit: '1-102', date: serial('2026-11-22'), method: '短信', clerk: '王五' }, // not a clerk of the center
  /* 5 */ { unit: '2-101', date: serial('2026-11-22'), method: '上门', clerk: '李强' }, // no such unit
  /* 6 */ { unit: '1-102', date: serial('2026-11-28'), method: '书面通知', clerk: '张敏' }, // dated three days ahead
];

export const SETTINGS_VALUES = { ...defaultSettings('zh'), clerks: CLERKS };

/** The planted workbook's sheets as grids, by sheet key. */
export function plantedGrids(): Record<SheetKey, SheetGrid> {
  return {
    tickets: grid(TICKETS, TICKET_ROWS, true),
    customers: grid(CUSTOMERS, CUSTOMER_ROWS),
    charges: grid(CHARGES, CHARGE_ROWS),
    reminders: grid(REMINDERS, REMINDER_ROWS),
    settings: { name: SETTINGS.zh, originRow: 0, originCol: 0, rows: [SETTINGS.columns.map((c) => c.zh), ...settingsRows(SETTINGS_VALUES, 'zh')] },
  };
}

/** Every planted problem: sheet, Excel row, column header, code. Nothing else may be found. */
export const PLANTED: ReadonlyArray<readonly [string, number, string, string]> = [
  ['工单', 4, '内容', 'REQUIRED_MISSING'],
  ['工单', 5, '类别', 'LIST_UNKNOWN'],
  ['工单', 6, '电话', 'PHONE_FORMAT'],
  ['工单', 7, '房号', 'UNIT_UNKNOWN'],
  ['工单', 8, '受理时间', 'TIME_IN_FUTURE'],
  ['工单', 9, '完成时间', 'TICKET_TIME_ORDER'],
  ['工单', 10, '挂起结束', 'TICKET_HOLD_ORDER'],
  ['工单', 11, '完成时间', 'TICKET_STATUS_NEEDS_RESOLVED'],
  ['工单', 12, '回访时间', 'TICKET_STATUS_NEEDS_CALLBACK'],
  ['工单', 13, '满意度', 'TICKET_STATUS_NEEDS_RATING'],
  ['工单', 14, '处理结果', 'TICKET_REJECTED_NEEDS_REASON'],
  ['工单', 15, '挂起开始', 'TICKET_HOLD_NEEDS_START'],
  ['工单', 16, '回访时间', 'TICKET_RATING_NEEDS_CALLBACK'],
  ['工单', 17, '工单号', 'TICKET_DUPLICATE_ID'],
  ['工单', 18, '内容', 'TICKET_DOUBLE_ENTRY'],
  ['工单', 19, '约定完成时间', 'TICKET_AGREED_BEFORE_RECEIVED'],
  ['工单', 20, '责任部门', 'TICKET_DISPATCHED_NEEDS_DEPARTMENT'],
  ['工单', 21, '状态', 'TICKET_NEW_BUT_RESOLVED'],
  ['工单', 22, '状态', 'TICKET_IN_PROGRESS_CALLED_BACK'],
  ['客户', 4, '房号', 'REQUIRED_MISSING'],
  ['客户', 5, '面积', 'NUMBER_NEGATIVE'],
  ['客户', 6, '电话', 'PHONE_FORMAT'],
  ['客户', 7, '房号', 'CUSTOMER_DUPLICATE_UNIT'],
  ['应收', 4, '应收金额', 'REQUIRED_MISSING'],
  ['应收', 5, '费用项目', 'LIST_UNKNOWN'],
  ['应收', 6, '应收金额', 'NUMBER_NEGATIVE'],
  ['应收', 7, '房号', 'UNIT_UNKNOWN'],
  ['应收', 8, '收款日期', 'TIME_IN_FUTURE'],
  ['应收', 9, '实收金额', 'CHARGE_OVERPAID'],
  ['应收', 10, '收款日期', 'CHARGE_PAID_NO_DATE'],
  ['催缴记录', 3, '方式', 'REQUIRED_MISSING'],
  ['催缴记录', 4, '经办人', 'LIST_UNKNOWN'],
  ['催缴记录', 5, '房号', 'UNIT_UNKNOWN'],
  ['催缴记录', 6, '日期', 'TIME_IN_FUTURE'],
];

/** The planted workbook read as the app reads it: tables, and Settings from the Settings sheet. */
export function readPlanted(): { reads: Partial<Record<SheetKey, TableRead>>; ctx: ValidationContext } {
  const grids = plantedGrids();
  const reads: Partial<Record<SheetKey, TableRead>> = {};
  for (const def of ALL_SHEETS) reads[def.key] = readTable(def, grids[def.key]);
  const { settings, problems } = settingsFromTable(readTable(SETTINGS, grids.settings), 'zh');
  if (problems.length > 0) throw new Error(`planted settings do not read: ${JSON.stringify(problems)}`);
  return { reads, ctx: { settings, asOf: parseWallText(AS_OF)!, lang: 'zh', units: unitsOf(reads.customers) } };
}
