import { addTicket, rowDetail, TicketInput, ticketFormOptions } from '../../src/app/entry';
import { setUpWorkbook } from '../../src/app/setup';
import { defaultSettings } from '../../src/domain/settings';
import { ColumnKey, CUSTOMERS, SheetDef, SheetKey, TICKETS } from '../../src/domain/schema';
import { wall, wallToSerial } from '../../src/domain/time';
import { Cell } from '../../src/workbook/types';
import { MemoryWorkbook } from './memoryWorkbook';

const AS_OF = '2026-11-25T10:00:00';
const TAG = 'K7M';

/** a row of a sheet in the schema's column order, from values by column key */
function rowOf<S extends SheetKey>(def: SheetDef<S>, values: Partial<Record<ColumnKey<S>, Cell>>): Cell[] {
  return def.columns.map((c) => values[c.key] ?? null);
}

const at = (y: number, mo: number, d: number, h = 0, mi = 0) => wallToSerial(wall(y, mo, d, h, mi));

/** A set-up center: three customers, two tickets of the morning, clerks and an own category. */
async function center(lang: 'zh' | 'en' = 'zh'): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const zh = lang === 'zh';
  await setUpWorkbook(wb, {
    lang,
    settings: {
      ...defaultSettings(lang),
      categories: zh ? ['维修', '保洁', '电梯'] : ['Repairs', 'Cleaning', 'Lifts'],
      clerks: zh ? ['王敏', '李娜'] : ['Wang Min', 'Li Na'],
    },
    rows: {
      customers: [
        rowOf(CUSTOMERS, { unit: '3-1502', name: '张伟', phone: '13812345678' }),
        rowOf(CUSTOMERS, { unit: '3-1503', name: '刘洋', phone: '13912345678' }),
        rowOf(CUSTOMERS, { unit: '5-0201', name: '陈静', phone: '021-58881234' }),
      ],
      tickets: [
        rowOf(TICKETS, {
          id: 'GD-20261125-K7M-001',
          receivedAt: at(2026, 11, 25, 8, 40),
          channel: zh ? '来电' : 'Phone',
          type: zh ? '报修' : 'Repair',
          category: zh ? '维修' : 'Repairs',
          unit: '3-1502',
          description: zh ? '厨房水管漏水' : 'Kitchen pipe leaking',
          status: zh ? '待派单' : 'New',
        }),
        rowOf(TICKETS, {
          id: 'GD-20261125-R2D-001',
          receivedAt: at(2026, 11, 25, 9, 5),
          channel: zh ? '来访' : 'Visit',
          type: zh ? '投诉' : 'Complaint',
          category: zh ? '保洁' : 'Cleaning',
          unit: '5-0201',
          description: zh ? '楼道垃圾未清' : 'Rubbish left on the stairs',
          status: zh ? '已派单' : 'Dispatched',
        }),
      ],
    },
  });
  return wb;
}

function ticketsOf(wb: MemoryWorkbook, name = '工单'): Cell[][] {
  return wb.sheets.find((s) => s.name === name)!.rows;
}

/** the cell under a header in a sheet's row */
function cellUnder(rows: Cell[][], row: Cell[], headerText: string): Cell {
  return row[rows[0].indexOf(headerText)];
}

const GOOD: TicketInput = {
  receivedAt: '2026-11-25T09:41',
  channel: 'phone',
  type: 'repair',
  category: '维修',
  unit: '3-1503',
  contact: '刘先生',
  phone: '139 1234 5678',
  description: '卫生间灯不亮',
  department: '工程部',
  priority: 'high',
  status: 'new',
};

describe('the entry form', () => {
  it('offers the ticket columns a clerk fills at intake, with lists from the enumerations and from Settings', async () => {
    const options = await ticketFormOptions(await center(), { asOf: AS_OF });
    expect(options).toMatchObject({ lang: 'zh', ready: true, sheet: '工单', missing: [], tickets: 2, tagsInUse: ['K7M', 'R2D'] });
    expect(options.fields.map((f) => f.key)).toEqual([
      'receivedAt', 'channel', 'type', 'category', 'unit', 'contact', 'phone', 'description',
      'department', 'priority', 'status', 'assignee', 'agreedDueAt',
    ]);
    const field = (key: string) => options.fields.find((f) => f.key === key)!;
    expect(field('receivedAt')).toMatchObject({ label: '受理时间', required: true, control: 'datetime', initial: '2026-11-25T10:00' });
    expect(field('channel').choices!.map((c) => c.label)).toEqual(['来电', '来访', '来函', '电邮', '网络', '其他']);
    expect(field('channel').initial).toBe('phone');
    // the center's own categories, not the defaults
    expect(field('category').choices!.map((c) => c.value)).toEqual(['维修', '保洁', '电梯']);
    expect(field('department').choices!.map((c) => c.value)).toEqual(['客服部', '工程部', '环境部', '安全部', '财务部']);
    // a ticket is logged new, dispatched or in progress; later statuses need times the form does not ask
    expect(field('status').choices!.map((c) => c.label)).toEqual(['待派单', '已派单', '处理中']);
    expect(field('status').initial).toBe('new');
    expect(field('priority').initial).toBe('normal');
    expect(field('assignee').suggestions).toEqual(['王敏', '李娜']);
    expect(field('unit').suggestions).toEqual(['3-1502', '3-1503', '5-0201']);
    expect(field('description')).toMatchObject({ control: 'longText', required: true });
  });

  it('labels the fields in the language asked for', async () => {
    const options = await ticketFormOptions(await center(), { lang: 'en', asOf: AS_OF });
    expect(options.fields.find((f) => f.key === 'receivedAt')!.label).toBe('Received');
    expect(options.fields.find((f) => f.key === 'type')!.choices!.map((c) => c.label)).toEqual(['Complaint', 'Repair', 'Inquiry', 'Suggestion', 'Praise']);
  });

  it('says the workbook is not ready when there is no ticket sheet', async () => {
    const options = await ticketFormOptions(new MemoryWorkbook([{ name: '我的台账', rows: [['日期', '事项']] }]), { asOf: AS_OF });
    expect(options).toMatchObject({ ready: false, sheet: null, fields: [], tickets: 0 });
  });
});

describe('adding a ticket', () => {
  it('appends the row under the right headers with a new ID of this installation', async () => {
    const wb = await center();
    const result = await addTicket(wb, GOOD, { asOf: AS_OF, clerkTag: TAG });
    expect(result).toEqual({ ok: true, id: 'GD-20261125-K7M-002', row: 4, sheet: '工单', warnings: [] });
    const rows = ticketsOf(wb);
    expect(rows).toHaveLength(4);
    const added = rows[3];
    expect(cellUnder(rows, added, '工单号')).toBe('GD-20261125-K7M-002');
    expect(cellUnder(rows, added, '受理时间')).toBeCloseTo(at(2026, 11, 25, 9, 41), 8);
    // enumerations are written as the sheet's labels
    expect(cellUnder(rows, added, '渠道')).toBe('来电');
    expect(cellUnder(rows, added, '类型')).toBe('报修');
    expect(cellUnder(rows, added, '紧急程度')).toBe('高');
    expect(cellUnder(rows, added, '状态')).toBe('待派单');
    expect(cellUnder(rows, added, '电话')).toBe('139 1234 5678');
    expect(cellUnder(rows, added, '责任部门')).toBe('工程部');
    // what the form does not ask stays empty
    expect(cellUnder(rows, added, '完成时间')).toBeNull();
    expect(cellUnder(rows, added, '处理人')).toBeNull();
  });

  it('follows the sheet\'s own column order and leaves the clerk\'s extra columns empty', async () => {
    const headers = ['备注', '状态', '内容', '工单号', '类别', '受理时间', '类型', '渠道', '房号', '电话'];
    const wb = new MemoryWorkbook([
      { name: '工单', rows: [headers, ['老客户', '待派单', '门禁卡失灵', 'GD-20261125-K7M-004', '安保', at(2026, 11, 25, 8), '报修', '来电', '1-101', null]] },
    ]);
    const result = await addTicket(wb, { ...GOOD, unit: '1-102', category: '安保' }, { asOf: AS_OF, clerkTag: TAG });
    expect(result).toMatchObject({ ok: true, id: 'GD-20261125-K7M-005', row: 3 });
    const added = ticketsOf(wb)[2];
    expect(added).toEqual([null, '待派单', '卫生间灯不亮', 'GD-20261125-K7M-005', '安保', expect.any(Number), '报修', '来电', '1-102', '139 1234 5678']);
    // the form's fields the sheet has no column for are simply not written
    expect(added).toHaveLength(headers.length);
  });

  it('appends nothing while there are errors, and names each on its field', async () => {
    const wb = await center();
    const before = JSON.stringify(ticketsOf(wb));
    const writes = wb.writes;
    const result = await addTicket(wb, { ...GOOD, phone: '1391234567', description: '  ' }, { asOf: AS_OF, clerkTag: TAG });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('errors');
    expect(result.problems.map((p) => `${p.field} ${p.code} ${p.severity}`).sort()).toEqual([
      'description REQUIRED_MISSING error',
      'phone PHONE_FORMAT error',
    ]);
    // the message is for the field: no sheet and row in front of it
    const phone = result.problems.find((p) => p.field === 'phone')!;
    expect(phone.message).not.toContain('第 4 行');
    expect(phone.message).toContain('1391234567');
    expect(phone.row).toBe(4);
    expect(JSON.stringify(ticketsOf(wb))).toBe(before);
    expect(wb.writes).toBe(writes);
  });

  it('reports a value outside its list, a time that is not one, and a unit the register does not know', async () => {
    const wb = await center();
    const result = await addTicket(
      wb,
      { ...GOOD, channel: '微信', receivedAt: '昨天下午', unit: '3-1520' },
      { asOf: AS_OF, clerkTag: TAG },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.problems.map((p) => [p.field, p.code]));
    expect(byField).toEqual({ receivedAt: 'CELL_WRONG_TYPE', channel: 'CELL_WRONG_TYPE', unit: 'UNIT_UNKNOWN' });
    expect(result.problems.find((p) => p.field === 'unit')!.severity).toBe('error');
  });

  it('stops at warnings when asked to, so that the clerk confirms, and adds with them otherwise', async () => {
    const wb = await center();
    // the same unit, category and description as this morning's first ticket: possibly typed twice
    const twice: TicketInput = { ...GOOD, unit: '3-1502', category: '维修', description: '厨房水管漏水' };
    const stopped = await addTicket(wb, twice, { asOf: AS_OF, clerkTag: TAG, allowWarnings: false });
    expect(stopped).toMatchObject({ ok: false, reason: 'warnings' });
    if (stopped.ok) return;
    expect(stopped.problems.map((p) => [p.field, p.code, p.severity])).toEqual([['description', 'TICKET_DOUBLE_ENTRY', 'warning']]);
    expect(ticketsOf(wb)).toHaveLength(3);

    const added = await addTicket(wb, twice, { asOf: AS_OF, clerkTag: TAG });
    expect(added).toMatchObject({ ok: true, id: 'GD-20261125-K7M-002' });
    if (!added.ok) return;
    expect(added.warnings.map((p) => p.code)).toEqual(['TICKET_DOUBLE_ENTRY']);
    expect(ticketsOf(wb)).toHaveLength(4);
  });

  it('takes a received time in the future by more than a day as an error', async () => {
    const result = await addTicket(await center(), { ...GOOD, receivedAt: '2026-11-27T09:00' }, { asOf: AS_OF, clerkTag: TAG });
    expect(result).toMatchObject({ ok: false, reason: 'errors', problems: [{ field: 'receivedAt', code: 'TIME_IN_FUTURE' }] });
  });

  it('counts on from the IDs this installation issued that the workbook does not show yet', async () => {
    const wb = await center();
    const result = await addTicket(wb, GOOD, { asOf: AS_OF, clerkTag: TAG, issuedIds: ['GD-20261125-K7M-006'] });
    expect(result).toMatchObject({ ok: true, id: 'GD-20261125-K7M-007' });
  });

  it('gives two clerks adding at the same moment on unsynced copies different IDs', async () => {
    // one workbook on OneDrive, two copies open; each clerk adds before seeing the other's row
    const a = await center();
    const b = await center();
    const ra = await addTicket(a, GOOD, { asOf: AS_OF, clerkTag: 'K7M' });
    const rb = await addTicket(b, { ...GOOD, unit: '5-0201', description: '门口路灯坏了' }, { asOf: AS_OF, clerkTag: 'R2D' });
    expect(ra).toMatchObject({ ok: true, id: 'GD-20261125-K7M-002' });
    expect(rb).toMatchObject({ ok: true, id: 'GD-20261125-R2D-002' });
    // merged, as co-authoring merges them: every ID once
    const ids = [...ticketsOf(a).slice(1), ...ticketsOf(b).slice(3)].map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes the labels of an English workbook', async () => {
    const wb = await center('en');
    const input: TicketInput = { ...GOOD, category: 'Repairs', department: 'Engineering', channel: '来访', type: 'Complaint' };
    const result = await addTicket(wb, input, { asOf: AS_OF, clerkTag: TAG });
    expect(result).toMatchObject({ ok: true, sheet: 'Tickets' });
    const rows = ticketsOf(wb, 'Tickets');
    const added = rows[rows.length - 1];
    // a label typed in either language is the same value
    expect(cellUnder(rows, added, 'Channel')).toBe('Visit');
    expect(cellUnder(rows, added, 'Type')).toBe('Complaint');
    expect(cellUnder(rows, added, 'Status')).toBe('New');
  });

  it('adds nothing to a workbook without a ticket sheet or with its required columns missing', async () => {
    const none = new MemoryWorkbook([{ name: '我的台账', rows: [['日期', '事项']] }]);
    // no sheet to add to: the request is turned down, as a report is (a UseCaseProblem)
    await expect(addTicket(none, GOOD, { asOf: AS_OF, clerkTag: TAG })).rejects.toMatchObject({ name: 'UseCaseProblem', code: 'NO_TICKETS', params: { sheets: ['我的台账'] } });
    expect(none.sheets[0].rows).toHaveLength(1);
    const partial = new MemoryWorkbook([{ name: '工单', rows: [['工单号', '受理时间', '内容']] }]);
    const result = await addTicket(partial, GOOD, { asOf: AS_OF, clerkTag: TAG });
    expect(result).toMatchObject({ ok: false, reason: 'notReady', problems: [{ code: 'SHEET_MISSING_COLUMNS', field: null }] });
    expect(partial.sheets[0].rows).toHaveLength(1);
  });

  it('refuses a malformed installation tag (a bug in the caller, not the clerk\'s entry)', async () => {
    await expect(addTicket(await center(), GOOD, { asOf: AS_OF, clerkTag: 'xx' })).rejects.toThrow(new Error('not an installation tag: "xx"'));
  });
});

describe('a row shown in detail (standalone mode, where Excel would select the cell)', () => {
  it('gives every cell of the row under its header, times as the sheet shows them', async () => {
    const wb = new MemoryWorkbook([
      {
        name: '工单',
        rows: [
          ['服务台工单登记', null, null, null],
          ['工单号', '受理时间', '内容', '备注'],
          ['GD-20261125-K7M-001', at(2026, 11, 25, 8, 40), '厨房水管漏水', null],
          ['GD-20261125-K7M-002', at(2026, 11, 25, 9, 5), '楼道灯不亮', '老客户'],
        ],
      },
    ]);
    // the header stands below a title: found as validation finds it
    expect(await rowDetail(wb, '工单', 4)).toEqual({
      sheet: '工单',
      row: 4,
      cells: [
        { col: 0, header: '工单号', text: 'GD-20261125-K7M-002' },
        { col: 1, header: '受理时间', text: '2026-11-25 09:05' },
        { col: 2, header: '内容', text: '楼道灯不亮' },
        { col: 3, header: '备注', text: '老客户' },
      ],
    });
    expect((await rowDetail(wb, '工单', 3)).cells.map((c) => c.text)).toEqual(['GD-20261125-K7M-001', '2026-11-25 08:40', '厨房水管漏水', '']);
  });
});
