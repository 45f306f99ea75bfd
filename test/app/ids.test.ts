// Ticket IDs for rows typed straight into the sheet (issue 13): the empty 工单号 of each row holding a
// ticket gets an ID of docs/ticket-ids.md's scheme; nothing else is written, and only when asked.
import { fillTicketIds } from '../../src/app/ids';
import { validateWorkbook } from '../../src/app/validate';
import { UseCaseProblem } from '../../src/app/problem';
import { wall, wallToSerial } from '../../src/domain/time';
import { OfficeWorkbook } from '../../src/workbook/office';
import { Cell } from '../../src/workbook/types';
import { FakeContext, WorkbookState } from '../workbook/office/fakeExcel';
import { MemoryWorkbook } from './memoryWorkbook';

const AS_OF = '2026-11-25T17:30:00';
const at = (d: number, h: number, mi = 0) => wallToSerial(wall(2026, 11, d, h, mi));

// the ticket sheet's columns, and a clerk's own 备注 at the end
const HEADER: Cell[] = ['工单号', '受理时间', '渠道', '类型', '类别', '内容', '状态', '备注'];
const ROWS: Cell[][] = [
  /* 2 */ ['GD-20261124-K7M-001', at(24, 9), '来电', '报修', '维修', '水管漏水', '待派单', null],
  /* 3 */ [null, at(24, 15), '来电', '咨询', '收费', '问物业费', '待派单', null], // typed in: K7M's 2nd of the 24th
  /* 4 */ ['GD-20261125-R2D-001', at(25, 8), '来访', '投诉', '噪音', '楼上吵', '待派单', null], // another desk's
  /* 5 */ [null, at(25, 10), '来电', '报修', '维修', '灯不亮', '待派单', null], // K7M's 1st of the 25th (R2D's do not count)
  /* 6 */ [null, null, '来电', '报修', '维修', '门禁坏', '待派单', null], // no 受理时间: the as-of day, the 25th
  /* 7 */ [null, null, null, null, null, null, null, '下午回电'], // only the clerk's note: no ticket
  /* 8 */ [null, null, null, null, null, null, null, null], // blank
  /* 9 */ ['  ', at(24, 18), '来电', '建议', '绿化', '多种树', '待派单', null], // blanks in the ID cell are empty: K7M's 3rd of the 24th
];

function workbook(): MemoryWorkbook {
  return new MemoryWorkbook([{ name: '工单', rows: [HEADER, ...ROWS.map((r) => [...r])] }]);
}

describe('filling the ticket IDs of rows typed into the sheet', () => {
  it('fills each empty ID of a row holding a ticket, by the received day, counting on from the tag’s own IDs', async () => {
    const wb = workbook();
    const result = await fillTicketIds(wb, { asOf: AS_OF, clerkTag: 'K7M' });
    expect(result).toEqual({
      lang: 'zh',
      sheet: '工单',
      column: '工单号',
      col: 0,
      tag: 'K7M',
      filled: [
        { row: 3, id: 'GD-20261124-K7M-002', day: 'received' },
        { row: 5, id: 'GD-20261125-K7M-001', day: 'received' },
        { row: 6, id: 'GD-20261125-K7M-002', day: 'asOf' },
        { row: 9, id: 'GD-20261124-K7M-003', day: 'received' },
      ],
      skipped: [],
      written: true,
    });
    // those four cells and nothing else
    const expected = [HEADER, ...ROWS].map((r) => [...r]);
    expected[2][0] = 'GD-20261124-K7M-002';
    expected[4][0] = 'GD-20261125-K7M-001';
    expected[5][0] = 'GD-20261125-K7M-002';
    expected[8][0] = 'GD-20261124-K7M-003';
    expect(wb.sheets[0].rows).toEqual(expected);
    expect(wb.writes).toBe(1);
  });

  it('counts on from the IDs this installation issued lately, which the sheet may not show yet', async () => {
    const result = await fillTicketIds(workbook(), { asOf: AS_OF, clerkTag: 'K7M', issuedIds: ['GD-20261125-K7M-004', 'GD-20261125-X4P-009'] });
    expect(result.filled.map((f) => f.id)).toEqual(['GD-20261124-K7M-002', 'GD-20261125-K7M-005', 'GD-20261125-K7M-006', 'GD-20261124-K7M-003']);
  });

  it('draws the tag only when there is something to fill, from the tags the sheet uses', async () => {
    const seen: Array<ReadonlyArray<string>> = [];
    const draw = (inUse: ReadonlyArray<string>) => {
      seen.push(inUse);
      return 'X4P';
    };
    const result = await fillTicketIds(workbook(), { asOf: AS_OF, clerkTag: draw });
    expect(seen).toEqual([['K7M', 'R2D']]);
    expect(result.filled.map((f) => f.id)).toEqual(['GD-20261124-X4P-001', 'GD-20261125-X4P-001', 'GD-20261125-X4P-002', 'GD-20261124-X4P-002']);

    const full = new MemoryWorkbook([{ name: '工单', rows: [HEADER, ROWS[0]] }]);
    seen.length = 0;
    expect(await fillTicketIds(full, { asOf: AS_OF, clerkTag: draw })).toMatchObject({ tag: null, filled: [], written: false });
    expect(seen).toEqual([]);
    expect(full.writes).toBe(0);
  });

  it('with dryRun works out the same IDs and writes nothing', async () => {
    const wb = workbook();
    const dry = await fillTicketIds(wb, { asOf: AS_OF, clerkTag: 'K7M', dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.filled.map((f) => [f.row, f.id])).toEqual([
      [3, 'GD-20261124-K7M-002'],
      [5, 'GD-20261125-K7M-001'],
      [6, 'GD-20261125-K7M-002'],
      [9, 'GD-20261124-K7M-003'],
    ]);
    expect(wb.writes).toBe(0);
    expect(wb.sheets[0].rows).toEqual([HEADER, ...ROWS]);
  });

  it('leaves alone a row changed since it was read: an ID typed there meanwhile, or a row moved', async () => {
    const wb = workbook();
    const writeCells = wb.writeCells.bind(wb);
    wb.writeCells = async (sheet, writes) => {
      // between the read and the write, a co-author types an ID into row 3 and a note over row 5's 受理时间
      wb.sheets[0].rows[2][0] = 'GD-20261124-R2D-007';
      wb.sheets[0].rows[4][1] = at(25, 11);
      return writeCells(sheet, writes);
    };
    const result = await fillTicketIds(wb, { asOf: AS_OF, clerkTag: 'K7M' });
    expect(result.skipped.map((f) => f.row)).toEqual([3, 5]);
    expect(result.filled.map((f) => f.row)).toEqual([6, 9]);
    expect(wb.sheets[0].rows.map((r) => r[0])).toEqual(['工单号', 'GD-20261124-K7M-001', 'GD-20261124-R2D-007', 'GD-20261125-R2D-001', null, 'GD-20261125-K7M-002', null, null, 'GD-20261124-K7M-003']);
  });

  it('takes away the "required" error of the rows it filled, and only that one', async () => {
    const wb = workbook();
    const before = await validateWorkbook(wb, { asOf: AS_OF });
    const idErrors = (r: typeof before) => r.problems.filter((p) => p.code === 'REQUIRED_MISSING' && p.column === '工单号').map((p) => p.row);
    // row 7 (only a note) is a row too: its ID, and every other required cell, is missing
    expect(idErrors(before)).toEqual([3, 5, 6, 7, 9]);
    await fillTicketIds(wb, { asOf: AS_OF, clerkTag: 'K7M' });
    const after = await validateWorkbook(wb, { asOf: AS_OF });
    expect(idErrors(after)).toEqual([7]);
    // row 6 still lacks its 受理时间: the ID was made, the time is the clerk's to type
    const rest = (r: typeof before) => r.problems.filter((p) => !(p.code === 'REQUIRED_MISSING' && p.column === '工单号')).map((p) => [p.row, p.column, p.code]);
    expect(rest(after)).toEqual(rest(before));
    expect(rest(after)).toContainEqual([6, '受理时间', 'REQUIRED_MISSING']);
  });

  it('turns down a workbook without a ticket sheet, a sheet without its header or its 工单号 column, and a bad as-of', async () => {
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof UseCaseProblem ? [e.code, e.params] : e));
    expect(await refusal(fillTicketIds(new MemoryWorkbook([{ name: '台账', rows: [['房号']] }]), { clerkTag: 'K7M', asOf: AS_OF }))).toEqual(['NO_TICKETS', { sheets: ['台账'] }]);
    expect(await refusal(fillTicketIds(new MemoryWorkbook([{ name: '工单', rows: [['甲', '乙']] }]), { clerkTag: 'K7M', asOf: AS_OF }))).toMatchObject(['NO_HEADER', { sheet: '工单' }]);
    const noId = new MemoryWorkbook([{ name: '工单', rows: [HEADER.slice(1), ROWS[1].slice(1)] }]);
    expect(await refusal(fillTicketIds(noId, { clerkTag: 'K7M', asOf: AS_OF }))).toEqual(['MISSING_COLUMNS', { sheet: '工单', columns: ['工单号'] }]);
    expect(await refusal(fillTicketIds(workbook(), { clerkTag: 'K7M', asOf: '昨天' }))).toMatchObject(['BAD_AS_OF', {}]);
  });
});

describe('filling ticket IDs in Excel', () => {
  /** a ticket sheet as an Excel table of `rows` tickets, every `gap`-th one typed in without an ID */
  function excel(rows: number, gap: number) {
    const state = new WorkbookState();
    const data: Cell[][] = [];
    for (let i = 0; i < rows; i++) {
      const typed = i % gap === gap - 1;
      // received 15 s apart: 3000 tickets within the one day
      data.push([typed ? null : `GD-20261120-R2D-${String(i + 1).padStart(3, '0')}`, at(20, 8) + i / 5760, '来电', '报修', '维修', `第 ${i + 1} 张`, '待派单', null]);
    }
    state.addSheet('工单', [HEADER, ...data] as Array<Array<string | number | null>>);
    state.addTable('工单', 'tblTickets', 0, 0, rows, HEADER.length - 1);
    return state;
  }

  it('writes only the empty ID cells, in a number of syncs that does not grow with the rows', async () => {
    const syncsFor = async (rows: number) => {
      const state = excel(rows, 10);
      // what reading the sheet costs alone (it grows with the payload, one sync per chunk)
      const reading = new FakeContext(state);
      const wb = new OfficeWorkbook(reading.excel);
      await wb.listSheets();
      await wb.readSheets(['工单']);
      const context = new FakeContext(state);
      const result = await fillTicketIds(new OfficeWorkbook(context.excel), { asOf: AS_OF, clerkTag: 'K7M' });
      return { state, result, fill: context.syncs - reading.syncs, log: context.log };
    };
    const small = await syncsFor(30);
    const large = await syncsFor(3000);
    // the cells read again, then written: two syncs, for 3 IDs and for 300
    expect(small.fill).toBe(2);
    expect(large.fill).toBe(2);
    expect(small.result.filled.map((f) => [f.row, f.id])).toEqual([
      [11, 'GD-20261120-K7M-001'],
      [21, 'GD-20261120-K7M-002'],
      [31, 'GD-20261120-K7M-003'],
    ]);
    expect(large.result.filled).toHaveLength(300);
    const sheet = large.state.sheet('工单')!;
    // every tenth row has its ID; its neighbours kept theirs, and nothing else changed
    expect(sheet.get(10, 0)).toBe('GD-20261120-K7M-001');
    expect(sheet.get(9, 0)).toBe('GD-20261120-R2D-009');
    expect(sheet.get(11, 0)).toBe('GD-20261120-R2D-011');
    expect(sheet.get(3000, 0)).toBe('GD-20261120-K7M-300');
    expect(sheet.get(10, 5)).toBe('第 10 张');
    for (const sync of large.log) expect(sync.requestBytes).toBeLessThan(4_000_000);
  });
});
