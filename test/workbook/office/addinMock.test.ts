// The Office.js back end over Microsoft's office-addin-mock (OfficeMockObject): a static object tree
// with Office.js's load/sync contract. It cannot create sheets or resize ranges (the stateful fake in
// fakeExcel.ts covers those), but it checks reads and selection against Microsoft's own mock and
// counts the round-trips with jest.spyOn(context, 'sync').
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook } from '../../../src/workbook/office';

function ticketValues(rows: number): (string | number)[][] {
  const values: (string | number)[][] = [['工单号', '受理时间', '状态']];
  for (let i = 1; i <= rows; i++) values.push([`GD-${i}`, 46300 + i / 10, i % 2 ? '已完成' : '#N/A']);
  return values;
}

function mockContext(values: (string | number)[][], select = jest.fn(), activate = jest.fn()) {
  const data = {
    workbook: {
      worksheets: {
        sheet: {
          name: '工单',
          visibility: 'Visible',
          isNullObject: false,
          used: {
            isNullObject: false,
            address: `工单!A1:C${values.length}`,
            rowCount: values.length,
            columnCount: 3,
            values,
          },
          cell: { select },
          getUsedRangeOrNullObject: function () {
            return this.used;
          },
          getRangeByIndexes: function () {
            return this.cell;
          },
          activate,
        },
        getItemOrNullObject: function () {
          return this.sheet;
        },
        getItem: function () {
          return this.sheet;
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { sync(): Promise<void>; workbook: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  // Office.js answers isNullObject after any sync; the mock treats it as a property to load, so it
  // is queued here (delivered by the back end's own first sync, which the test counts).
  mock.workbook.worksheets.sheet.load('isNullObject');
  mock.workbook.worksheets.sheet.used.load('isNullObject');
  return { mock, data };
}

describe('Office.js back end over office-addin-mock', () => {
  it('reads a 50-row table in at most 2 context.sync calls, error cells as errors', async () => {
    const values = ticketValues(50);
    const { mock } = mockContext(values);
    const sync = jest.spyOn(mock, 'sync');
    const wb = new OfficeWorkbook(mock as unknown as Excel.RequestContext);
    const [grid] = await wb.readSheets(['工单']);
    expect(sync).toHaveBeenCalledTimes(2); // used-range sizes, then the values
    expect(grid.name).toBe('工单');
    expect(grid.rows).toHaveLength(51);
    expect(grid.rows[0]).toEqual(['工单号', '受理时间', '状态']);
    expect(grid.rows[1]).toEqual(['GD-1', 46300.1, '已完成']);
    expect(grid.rows[2][2]).toEqual({ error: '#N/A' });
  });

  it('selects a cell in one round-trip', async () => {
    const select = jest.fn();
    const activate = jest.fn();
    const { mock } = mockContext(ticketValues(3), select, activate);
    const sync = jest.spyOn(mock, 'sync');
    const wb = new OfficeWorkbook(mock as unknown as Excel.RequestContext);
    expect(await wb.selectCell('工单', 4, 2)).toBe(true);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(activate).toHaveBeenCalledTimes(1);
    expect(select).toHaveBeenCalledTimes(1);
  });
});
