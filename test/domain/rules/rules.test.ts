// The rules one by one, on small tables: what each accepts, what it reports, and where.
import { isPhone, unitsOf, validateAll, ValidationContext } from '../../../src/domain/rules';
import { CHARGES, CUSTOMERS, SheetDef, TICKETS } from '../../../src/domain/schema';
import { defaultSettings } from '../../../src/domain/settings';
import { readTable } from '../../../src/domain/table';
import { parseWallText } from '../../../src/domain/time';
import type { Cell } from '../../../src/workbook/types';
import { serial } from './planted';

const ctx: ValidationContext = {
  settings: { ...defaultSettings('zh'), clerks: ['张敏'] },
  asOf: parseWallText('2026-11-25 17:30')!,
  lang: 'zh',
  units: null,
};

/** Problems of one sheet given as a header row and data rows: [row, column, code]. */
function judge(def: SheetDef, rows: Cell[][], c: Partial<ValidationContext> = {}) {
  const read = readTable(def, { name: def.zh, originRow: 0, originCol: 0, rows });
  const key = def.key;
  return {
    read: read.problems.map((p) => [p.row, p.column, p.code]),
    rules: validateAll({ [key]: read }, { ...ctx, ...c }).map((p) => [p.row, p.column, p.code]),
  };
}

const TICKET_HEADER = ['工单号', '受理时间', '渠道', '类型', '类别', '内容', '状态', '首次响应时间', '挂起开始', '挂起结束', '完成时间', '回访时间', '满意度', '处理结果'];
const t = (text: string) => serial(`2026-11-${text}`);

describe('phone numbers', () => {
  it.each(['13812345678', '138 1234 5678', '138-1234-5678', '+86 13812345678', '021-58881234', '0755-12345678', '(021)58881234', '58881234', '5888123', '021-58881234-801', '021-58881234转801', '13812345678 / 021-58881234'])(
    'accepts %s',
    (phone) => expect(isPhone(phone)).toBe(true),
  );
  it.each(['1381234567', '12345678901', '138123456789', '2158881234', '021-5888', 'abc', '13812345678 / 123', '021--58881234'])('rejects %s', (phone) =>
    expect(isPhone(phone)).toBe(false),
  );
});

describe('time order on tickets', () => {
  it('reports one mistyped time once, on the cell that breaks the order', () => {
    // received typed a day late: only the first response is before it in the file's order
    const rows: Cell[][] = [TICKET_HEADER, ['GD-1', t('21 09:00'), '来电', '报修', '维修', '漏水', '已完成', t('20 09:30'), null, null, t('20 15:00'), null, null, '修好']];
    expect(judge(TICKETS, rows).rules).toEqual([[2, '首次响应时间', 'TICKET_TIME_ORDER']]);
  });

  it('wants a hold inside the work: resolved before the hold ends is out of order', () => {
    const rows: Cell[][] = [TICKET_HEADER, ['GD-1', t('20 09:00'), '来电', '报修', '维修', '漏水', '已完成', t('20 09:30'), t('20 10:00'), t('20 18:00'), t('20 15:00'), null, null, '修好']];
    expect(judge(TICKETS, rows).rules).toEqual([[2, '完成时间', 'TICKET_TIME_ORDER']]);
  });

  it('allows equal times, and leaves out the times that are not filled', () => {
    const rows: Cell[][] = [TICKET_HEADER, ['GD-1', t('20 09:00'), '来电', '咨询', '收费', '问缴费', '已关闭', null, null, null, t('20 09:00'), null, null, '已答复']];
    expect(judge(TICKETS, rows).rules).toEqual([]);
  });

  it('takes a time within a day of as-of as typed ahead, not as a mistake', () => {
    const rows: Cell[][] = [TICKET_HEADER, ['GD-1', t('26 17:30'), '来电', '咨询', '收费', '问缴费', '待派单', null, null, null, null, null, null, null]];
    expect(judge(TICKETS, rows).rules).toEqual([]);
    rows[1][1] = t('26 17:31');
    expect(judge(TICKETS, rows).rules).toEqual([[2, '受理时间', 'TIME_IN_FUTURE']]);
  });
});

describe('status consistency', () => {
  const row = (type: string, status: string, callback: Cell, rating: Cell): Cell[] => ['GD-1', t('20 09:00'), '来电', type, '维修', '漏水', status, t('20 09:30'), null, null, t('20 15:00'), callback, rating, '修好'];

  it('wants a callback of a closed complaint or repair, of any called-back ticket, never of a closed inquiry', () => {
    expect(judge(TICKETS, [TICKET_HEADER, row('报修', '已关闭', null, null)]).rules).toEqual([
      [2, '回访时间', 'TICKET_STATUS_NEEDS_CALLBACK'],
      [2, '满意度', 'TICKET_STATUS_NEEDS_RATING'],
    ]);
    expect(judge(TICKETS, [TICKET_HEADER, row('咨询', '已回访', null, null)]).rules).toEqual([[2, '回访时间', 'TICKET_STATUS_NEEDS_CALLBACK']]);
    expect(judge(TICKETS, [TICKET_HEADER, row('咨询', '已关闭', null, null)]).rules).toEqual([]);
    expect(judge(TICKETS, [TICKET_HEADER, row('咨询', '已回访', t('21 10:00'), null)]).rules).toEqual([]);
  });

  it('reports nothing a missing column or an unreadable cell would need: those are reported once, by reading', () => {
    const noResolved = TICKET_HEADER.filter((h) => h !== '完成时间');
    const cells = row('报修', '已完成', null, null).filter((_c, i) => TICKET_HEADER[i] !== '完成时间');
    expect(judge(TICKETS, [noResolved, cells]).rules).toEqual([]);
    const unreadable = row('报修', '已完成', null, null);
    unreadable[10] = '昨天下午';
    expect(judge(TICKETS, [TICKET_HEADER, unreadable])).toEqual({ read: [[2, '完成时间', 'CELL_WRONG_TYPE']], rules: [] });
  });

  it('keeps to one problem per cell: the status speaks before the rating', () => {
    expect(judge(TICKETS, [TICKET_HEADER, row('投诉', '已关闭', null, '满意')]).rules).toEqual([[2, '回访时间', 'TICKET_STATUS_NEEDS_CALLBACK']]);
    expect(judge(TICKETS, [TICKET_HEADER, row('投诉', '已完成', null, '满意')]).rules).toEqual([[2, '回访时间', 'TICKET_RATING_NEEDS_CALLBACK']]);
  });
});

describe('lists from Settings', () => {
  it('matches English labels whatever their case, and reads a center’s own list', () => {
    const rows: Cell[][] = [['Ticket ID', 'Received', 'Channel', 'Type', 'Category', 'Description', 'Status'], ['GD-1', t('20 09:00'), 'Phone', 'Repair', 'repairs', 'Leak', 'New']];
    expect(judge(TICKETS, rows, { settings: defaultSettings('en') }).rules).toEqual([]);
    const own = { ...defaultSettings('en'), categories: ['Plumbing'] };
    expect(judge(TICKETS, rows, { settings: own }).rules).toEqual([[2, 'Category', 'LIST_UNKNOWN']]);
  });
});

describe('charges', () => {
  const HEADER = ['房号', '费用项目', '账期', '应收金额', '到期日', '实收金额', '收款日期'];
  it('takes a paid amount of 0 as nothing paid, and paid = due as no overpayment', () => {
    const rows: Cell[][] = [HEADER, ['1-101', '物业费', '2026-11', 100, t('15'), 0, null], ['1-101', '水费', '2026-11', 100, t('15'), 100, t('10')]];
    expect(judge(CHARGES, rows).rules).toEqual([]);
  });

  it('checks units against the register only when it has rows, after trimming what was typed', () => {
    const rows: Cell[][] = [HEADER, [' 1-101 ', '物业费', '2026-11', 100, t('15'), null, null], ['1-109', '物业费', '2026-11', 100, t('15'), null, null]];
    const register = (rows: Cell[][]) => readTable(CUSTOMERS, { name: '客户', originRow: 0, originCol: 0, rows: [['房号', '客户姓名'], ...rows] });
    const units = unitsOf(register([['1-101', '王建国']]));
    expect(judge(CHARGES, rows, { units }).rules).toEqual([[3, '房号', 'UNIT_UNKNOWN']]);
    expect(unitsOf(register([]))).toBeNull();
    expect(judge(CHARGES, rows, { units: unitsOf(register([])) }).rules).toEqual([]);
  });
});

describe('issue 13: status and what the row records', () => {
  const HEADER = ['工单号', '受理时间', '渠道', '类型', '类别', '内容', '责任部门', '状态', '首次响应时间', '完成时间', '回访时间', '满意度', '处理结果'];
  let n = 0;
  const row = (status: string, over: Partial<Record<string, Cell>> = {}): Cell[] => {
    const cells: Record<string, Cell> = {
      工单号: `GD-${++n}`,
      受理时间: t('20 09:00'),
      渠道: '来电',
      类型: '报修',
      类别: '维修',
      内容: '漏水',
      责任部门: '工程部',
      状态: status,
      首次响应时间: t('20 09:30'),
      完成时间: null,
      回访时间: null,
      满意度: null,
      处理结果: null,
      ...over,
    };
    return HEADER.map((h) => cells[h]);
  };

  it('wants the department of a dispatched ticket, and of no new one', () => {
    // row 2: 已派单 to 工程部; row 3: 已派单 to nobody; row 4: 待派单, no department yet
    const rows = [HEADER, row('已派单'), row('已派单', { 责任部门: null }), row('待派单', { 责任部门: null, 首次响应时间: null })];
    expect(judge(TICKETS, rows).rules).toEqual([[3, '责任部门', 'TICKET_DISPATCHED_NEEDS_DEPARTMENT']]);
  });

  it('reports a new ticket with a resolved time on its status, and not once it is resolved', () => {
    const rows = [HEADER, row('待派单', { 完成时间: t('20 15:00') }), row('已完成', { 完成时间: t('20 15:00') })];
    expect(judge(TICKETS, rows).rules).toEqual([[2, '状态', 'TICKET_NEW_BUT_RESOLVED']]);
  });

  it('warns of a ticket in progress with a callback and a rating, not of one with a callback alone', () => {
    // row 2: both (warned); row 3: a callback without a rating (a progress call); row 4: called back and rated, 已回访
    const rows = [
      HEADER,
      row('处理中', { 回访时间: t('21 10:00'), 满意度: '不满意' }),
      row('处理中', { 回访时间: t('21 10:00') }),
      row('已回访', { 完成时间: t('20 15:00'), 回访时间: t('21 10:00'), 满意度: '满意' }),
    ];
    expect(judge(TICKETS, rows).rules).toEqual([[2, '状态', 'TICKET_IN_PROGRESS_CALLED_BACK']]);
    const read = readTable(TICKETS, { name: '工单', originRow: 0, originCol: 0, rows });
    expect(validateAll({ tickets: read }, ctx).map((p) => p.severity)).toEqual(['warning']);
  });

  it('takes an unreadable time as no evidence: it is reported once, by reading', () => {
    expect(judge(TICKETS, [HEADER, row('待派单', { 完成时间: '下午' })])).toEqual({ read: [[2, '完成时间', 'CELL_WRONG_TYPE']], rules: [] });
  });

  it('judges nothing a missing column would need', () => {
    const header = HEADER.filter((h) => h !== '满意度');
    const cells = row('处理中', { 回访时间: t('21 10:00'), 满意度: '满意' }).filter((_c, i) => HEADER[i] !== '满意度');
    expect(judge(TICKETS, [header, cells]).rules).toEqual([]);
  });
});

describe('issue 13: an agreed due time before the ticket came in', () => {
  it('warns on the agreed due time, and takes the same moment as fine', () => {
    const HEADER = ['工单号', '受理时间', '渠道', '类型', '类别', '内容', '状态', '约定完成时间'];
    const rows: Cell[][] = [HEADER, ['GD-1', t('20 09:00'), '来电', '投诉', '噪音', '楼上吵', '待派单', t('19 18:00')], ['GD-2', t('20 09:00'), '来电', '投诉', '噪音', '楼下吵', '待派单', t('20 09:00')]];
    expect(judge(TICKETS, rows).rules).toEqual([[2, '约定完成时间', 'TICKET_AGREED_BEFORE_RECEIVED']]);
  });
});

describe('issue 13: one row per unit in the customer register', () => {
  const HEADER = ['房号', '客户姓名', '电话'];
  it('reports each later row of a unit, naming the first row; other units and empty units are no duplicates', () => {
    // rows 2 and 4 and 6 are 1-101; row 3 is 1-102; rows 5 and 7 have no unit (REQUIRED_MISSING, not duplicates)
    const rows: Cell[][] = [HEADER, ['1-101', '王建国', null], ['1-102', '陈丽', null], ['1-101', '王太太', null], [null, '李四', null], [' 1-101', '王建国', null], [null, '赵六', null]];
    const read = readTable(CUSTOMERS, { name: '客户', originRow: 0, originCol: 0, rows });
    const problems = validateAll({ customers: read }, ctx);
    expect(problems.map((p) => [p.row, p.column, p.code, p.params.firstRow ?? null])).toEqual([
      [4, '房号', 'CUSTOMER_DUPLICATE_UNIT', 2],
      [5, '房号', 'REQUIRED_MISSING', null],
      [6, '房号', 'CUSTOMER_DUPLICATE_UNIT', 2],
      [7, '房号', 'REQUIRED_MISSING', null],
    ]);
  });
});
