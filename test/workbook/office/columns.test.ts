// Columns added to a sheet's table in Excel (adopting a register): TableColumnCollection.add with
// each header, after checking that nothing stands right of the table; three syncs whatever the rows,
// two on a sheet without a table.
import { OfficeWorkbook } from '../../../src/workbook/office';
import { WorkbookError } from '../../../src/workbook/types';
import { FakeContext, WorkbookState } from './fakeExcel';

function ledger(rows = 3): WorkbookState {
  const state = new WorkbookState();
  state.addSheet('工单', [['工单号', '内容'], ...Array.from({ length: rows }, (_, i) => [`GD-${i + 1}`, '漏水'])]);
  state.addTable('工单', 'tblTickets', 0, 0, rows, 1);
  return state;
}

describe('Office addColumns', () => {
  it('adds the columns to the table in three syncs, whatever its size', async () => {
    for (const rows of [3, 20_000]) {
      const state = ledger(rows);
      const fake = new FakeContext(state);
      await new OfficeWorkbook(fake.excel).addColumns('工单', 0, ['导入来源', '序号']);
      expect(fake.syncs).toBe(3);
      expect(state.grid('工单')[0]).toEqual(['工单号', '内容', '导入来源', '序号']);
      const table = state.tables[0];
      expect([table.c0, table.c1, table.r1]).toEqual([0, 3, rows]);
    }
  });

  it('refuses, changing nothing, when something stands right of the table', async () => {
    const state = ledger();
    state.sheet('工单')!.set(2, 3, '已回访');
    let error: unknown;
    try {
      await new OfficeWorkbook(new FakeContext(state).excel).addColumns('工单', 0, ['导入来源', '序号']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).params).toEqual({ sheet: '工单', cell: 'D3' });
    expect(state.tables[0].c1).toBe(1);
    expect(state.grid('工单')[0]).toEqual(['工单号', '内容', '', '']);
  });

  it('writes the headers right of the header row of a sheet without a table, in two syncs', async () => {
    const state = new WorkbookState();
    state.addSheet('台账', [['房号', '金额'], ['1-101', 3]]);
    const fake = new FakeContext(state);
    await new OfficeWorkbook(fake.excel).addColumns('台账', 0, ['备注']);
    expect(fake.syncs).toBe(2);
    expect(state.grid('台账')).toEqual([
      ['房号', '金额', '备注'],
      ['1-101', 3, ''],
    ]);
  });
});
