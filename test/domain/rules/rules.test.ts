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
