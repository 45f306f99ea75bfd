import { describeProblem } from '../../src/domain/messages';
import { CHARGES, TICKETS } from '../../src/domain/schema';
import { readTable } from '../../src/domain/table';
import { wall } from '../../src/domain/time';
import type { Cell } from '../../src/workbook/types';

describe('reading a sheet as a table', () => {
  it('finds columns by header in either language, in any order, under a title row', () => {
    const rows: Cell[][] = [
      ['2026 年 11 月 应收台账', null, null, null, null, null],
      ['备注', 'Amount due', '房号', '费用项目', '账期', '到期日'],
      ['clerk note', 356.4, '1-101', '物业费', '2026-11', 46341],
      [null, null, null, null, null, null],
      ['', '12', '1-102', '水费', '2026-11', '2026-11-15'],
    ];
    const read = readTable(CHARGES, { name: '应收', originRow: 0, originCol: 0, rows });
    expect(read.headerRow).toBe(2);
    expect(read.extra).toEqual(['备注']);
    expect(read.missing.map((c) => c.key)).toEqual(['amountPaid', 'paidDate']);
    expect(read.records.map((r) => r.row)).toEqual([3, 5]); // the blank row 4 carries nothing
    expect(read.records[0].values).toEqual({ amountDue: 35640, unit: '1-101', feeItem: '物业费', period: '2026-11', dueDate: wall(2026, 11, 15) });
    expect(read.records[1].values.amountDue).toBe(1200);
    expect(read.problems).toEqual([]);
  });

  it('names sheet, Excel row and the header as written for every cell that does not convert', () => {
    const rows: Cell[][] = [
      ['工单号', '受理时间', '状态'],
      ['GD-1', '2026-11-25 09:00', '已完成'],
      ['GD-2', { error: '#N/A' }, '完成'],
      ['GD-3', '昨天', '处理中'],
    ];
    // the used range starts at B3 in the sheet
    const read = readTable(TICKETS, { name: '工单', originRow: 2, originCol: 1, rows });
    expect(read.headerRow).toBe(3);
    expect(read.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [5, '受理时间', 'CELL_ERROR_VALUE'],
      [5, '状态', 'CELL_WRONG_TYPE'],
      [6, '受理时间', 'CELL_WRONG_TYPE'],
    ]);
    expect(describeProblem(read.problems[2], 'zh')).toBe('工单 第 6 行「受理时间」：“昨天”不是有效值，应为日期时间，如 2026-11-25 14:30');
    expect(describeProblem(read.problems[0], 'en')).toBe(
      '工单 row 5, 受理时间: the cell holds the error value #N/A; expected a date and time such as 2026-11-25 14:30',
    );
    expect(describeProblem(read.problems[1], 'zh')).toContain('已完成、已回访');
  });

  it('reads an empty sheet as no header and no records', () => {
    const read = readTable(TICKETS, { name: '工单', originRow: 0, originCol: 0, rows: [] });
    expect(read.columns).toEqual([]);
    expect(read.records).toEqual([]);
    expect(read.missing.length).toBe(TICKETS.columns.length);
  });
});
