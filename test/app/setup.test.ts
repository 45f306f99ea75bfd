import { inspectWorkbook, setUpWorkbook } from '../../src/app/setup';
import { MemoryWorkbook } from './memoryWorkbook';

describe('set-up of a workbook', () => {
  it('creates the five structured sheets as tables with dropdowns, formats and a frozen header', async () => {
    const wb = new MemoryWorkbook([{ name: '我的台账', rows: [['房号', '备注'], ['1-101', '老客户']] }]);
    const result = await setUpWorkbook(wb);
    expect(result.created).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['我的台账', '工单', '客户', '应收', '催缴记录', '设置']);
    // the clerk's sheet is untouched
    expect(wb.sheets[0].rows).toEqual([['房号', '备注'], ['1-101', '老客户']]);
    const tickets = wb.sheets[1].spec!;
    expect(tickets.tableName).toBe('tblTickets');
    expect(tickets.freezeHeader).toBe(true);
    expect(tickets.columns.map((c) => c.header).slice(0, 5)).toEqual(['工单号', '受理时间', '渠道', '类型', '类别']);
    const col = (h: string) => tickets.columns.find((c) => c.header === h)!;
    expect(col('受理时间').numberFormat).toBe('yyyy-mm-dd hh:mm');
    expect(col('渠道').list).toEqual({ values: ['来电', '来访', '来函', '电邮', '网络', '其他'] });
    expect(col('类别').list).toEqual({ formula: '=DeskbookCategories' });
    expect(col('房号').numberFormat).toBe('@');
    // the category list is column D of 设置, read up to its last filled cell
    expect(wb.names.get('DeskbookCategories')).toBe("=OFFSET('设置'!$D$2,0,0,MAX(1,COUNTA('设置'!$D$2:$D$501)),1)");
    expect(wb.names.get('DeskbookClerks')).toBe("=OFFSET('设置'!$G$2,0,0,MAX(1,COUNTA('设置'!$G$2:$G$501)),1)");
    expect(result.status.ready).toBe(true);
    expect(result.status.otherSheets).toEqual(['我的台账']);
    expect(result.status.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['工单', 0],
      ['客户', 0],
      ['应收', 0],
      ['催缴记录', 0],
      ['设置', 27], // one row per parameter (18, the six notice letters, 缴费期限 and 联系方式)
    ]);
  });

  it('changes nothing when run a second time', async () => {
    const wb = new MemoryWorkbook();
    await setUpWorkbook(wb);
    const writes = wb.writes;
    const again = await setUpWorkbook(wb);
    expect(again.created).toEqual([]);
    expect(again.namesAdded).toEqual([]);
    expect(wb.writes).toBe(writes);
    expect(again.status.ready).toBe(true);
  });

  it('follows the language of the sheets already there and leaves them alone', async () => {
    const wb = new MemoryWorkbook([{ name: 'Tickets', rows: [['Ticket ID', 'Received', 'Status'], ['T-1', 46351, 'Resolved']] }]);
    const result = await setUpWorkbook(wb);
    expect(result.created).toEqual(['Customers', 'Charges', 'Reminders', 'Settings']);
    expect(wb.sheets[0].rows[0]).toEqual(['Ticket ID', 'Received', 'Status']);
    const tickets = result.status.sheets[0];
    expect(tickets).toMatchObject({ name: 'Tickets', rows: 1 });
    expect(tickets.missingColumns).toEqual(['Channel', 'Type', 'Category', 'Description']);
    expect(result.status.ready).toBe(false);
  });

  it('writes English sheets on request', async () => {
    const wb = new MemoryWorkbook();
    const result = await setUpWorkbook(wb, { lang: 'en' });
    expect(result.created).toEqual(['Tickets', 'Customers', 'Charges', 'Reminders', 'Settings']);
    expect(wb.sheets[4].rows[1].slice(0, 2)).toEqual(['Center name', 'Customer Service Center']);
  });

  it('reports error values and text in date columns by sheet, row and column', async () => {
    const wb = new MemoryWorkbook([
      { name: '应收', rows: [['房号', '费用项目', '账期', '应收金额', '到期日'], ['1-101', '物业费', '2026-11', { error: '#DIV/0!' }, '下周一']] },
    ]);
    const status = await inspectWorkbook(wb);
    expect(status.problems.map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ['应收', 2, '应收金额', 'CELL_ERROR_VALUE'],
      ['应收', 2, '到期日', 'CELL_WRONG_TYPE'],
    ]);
  });
});
