import { LiveValidator, validateWorkbook } from '../../src/app/validate';
import { TICKETS, CUSTOMERS, SETTINGS } from '../../src/domain/schema';
import type { Cell } from '../../src/workbook/types';
import { MemoryWorkbook } from './memoryWorkbook';

const AS_OF = '2026-11-25T17:30:00';
const H = TICKETS.columns.map((c) => c.zh);
const col = (key: string) => TICKETS.columns.findIndex((c) => c.key === key);

// 2026-11-20 09:00 is serial 46346.375
function ticket(id: string, unit: string, overrides: Record<string, Cell> = {}): Cell[] {
  const row: Cell[] = H.map(() => null);
  const base: Record<string, Cell> = {
    id, receivedAt: 46346.375, channel: '来电', type: '咨询', category: '收费', unit, description: `问物业费 ${id}`, status: '待派单',
  };
  for (const [k, v] of Object.entries({ ...base, ...overrides })) row[col(k)] = v;
  return row;
}

function workbook(): MemoryWorkbook {
  return new MemoryWorkbook([
    { name: '工单', rows: [H, ticket('GD-1', '1-101'), ticket('GD-2', '1-102'), ticket('GD-3', '9-999')] },
    { name: '客户', rows: [CUSTOMERS.columns.map((c) => c.zh), ['1-101', '王', null, '1', 90, null, '已入住'], ['1-102', '李', null, '1', 80, null, '已入住']] },
  ]);
}

describe('validating a workbook', () => {
  it('locates each problem on its cell and marks it, in the report language', async () => {
    const wb = workbook();
    const report = await validateWorkbook(wb, { asOf: AS_OF, mark: true });
    // GD-3's unit 9-999 is not in the register: 工单 row 4, 房号 (column F = index 5)
    expect(report.problems.map((p) => [p.sheet, p.row, p.column, p.col, p.code])).toEqual([['工单', 4, '房号', 5, 'UNIT_UNKNOWN']]);
    expect(report.errors).toBe(1);
    expect(report.bySheet.map((g) => [g.sheet, g.problems.length])).toEqual([['工单', 1]]);
    expect(report.problems[0].message).toMatch(/^工单 第 4 行「房号」：/);
    expect(wb.marks.get('工单')).toEqual([{ row: 3, col: 5, severity: 'error', key: 'GD-3' }]);
  });

  it('judges a Chinese workbook by Chinese defaults even when the messages are English', async () => {
    // no Settings sheet: the default lists apply, in the workbook's language (收费 is a default category)
    const report = await validateWorkbook(workbook(), { asOf: AS_OF, lang: 'en' });
    expect(report.problems.map((p) => p.code)).toEqual(['UNIT_UNKNOWN']);
    expect(report.problems[0].message).toMatch(/^工单 row 4, 房号: /);
  });
});

describe('a workbook with more problems than a report lists', () => {
  // ten tickets that hold only their ID: each misses the six other required cells (受理时间, 渠道,
  // 类型, 类别, 内容, 状态): 60 errors in all
  function idsOnly(): MemoryWorkbook {
    const rows: Cell[][] = [H];
    for (let i = 1; i <= 10; i++) rows.push(H.map((_, c) => (c === col('id') ? `GD-${i}` : null)));
    return new MemoryWorkbook([{ name: '工单', rows }]);
  }

  it('lists and marks the first in reading order, and counts every one', async () => {
    const all = await validateWorkbook(idsOnly(), { asOf: AS_OF });
    expect([all.errors, all.warnings, all.unlisted, all.problems.length]).toEqual([60, 0, 0, 60]);
    const wb = idsOnly();
    const capped = await validateWorkbook(wb, { asOf: AS_OF, mark: true, cap: 8 });
    // the same first eight (GD-1's six, then two of GD-2's), the counts of all sixty
    expect(capped.problems).toEqual(all.problems.slice(0, 8));
    expect(capped.problems.map((p) => p.row)).toEqual([2, 2, 2, 2, 2, 2, 3, 3]);
    expect([capped.errors, capped.warnings, capped.unlisted, capped.cap]).toEqual([60, 0, 52, 8]);
    expect(capped.bySheet.map((g) => [g.sheet, g.problems.length, g.errors, g.warnings])).toEqual([['工单', 8, 60, 0]]);
    // only what is listed is marked: eight cells, on rows 2 and 3 (0-based 1 and 2)
    const marks = wb.marks.get('工单') ?? [];
    expect(marks).toHaveLength(8);
    expect([...new Set(marks.map((m) => m.row))]).toEqual([1, 2]);
  });
});

describe('live validation', () => {
  it('judges a change from the changed row alone and re-marks only what changed', async () => {
    const wb = workbook();
    const { validator, report } = await LiveValidator.start(wb, { asOf: AS_OF });
    expect(report.problems).toHaveLength(1);
    const reads: number[][] = [];
    const readRows = wb.readRows.bind(wb);
    wb.readRows = async (sheet, rows) => {
      reads.push([...rows]);
      return readRows(sheet, rows);
    };
    // the clerk fixes the unit of GD-3 (sheet row 3, 0-based) and gives GD-2 the ID GD-1
    wb.sheets[0].rows[3][col('unit')] = '1-101';
    let after = await validator.onRowsChanged(wb, '工单', [3]);
    expect(after.problems).toEqual([]);
    expect(wb.marks.get('工单')).toEqual([]);
    wb.sheets[0].rows[2][col('id')] = 'GD-1';
    after = await validator.onRowsChanged(wb, '工单', [2]);
    // the duplicate is reported on the later row, as a full pass would
    expect(after.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, '工单号', 'TICKET_DUPLICATE_ID']]);
    expect(after.problems).toEqual((await validateWorkbook(wb, { asOf: AS_OF })).problems);
    // the mark is tied to the row by its ID as it now reads
    expect(wb.marks.get('工单')).toEqual([{ row: 2, col: 0, severity: 'error', key: 'GD-1' }]);
    // only the changed rows were read
    expect(reads).toEqual([[3], [2]]);
  });

  it('ignores the header row and sheets it does not know', async () => {
    const wb = workbook();
    const { validator, report } = await LiveValidator.start(wb, { asOf: AS_OF });
    expect(await validator.onRowsChanged(wb, '工单', [0])).toBe(report);
    expect(await validator.onRowsChanged(wb, '别的表', [4])).toBe(report);
  });
});

describe('a Settings sheet with a parameter the add-in does not know (issue 13)', () => {
  const S = SETTINGS.columns.map((c) => c.zh); // 参数 值 说明 类别 责任部门 费用项目 经办人 节假日 调休工作日
  const settingsRow = (name: Cell, value: Cell, category: Cell = null): Cell[] => [name, value, null, category, null, null, null, null, null];
  function withSettings(): MemoryWorkbook {
    const wb = workbook();
    // row 2: 临期提醒 with a full-width closing bracket; row 3: a known one; the category list: 收费 only
    wb.sheets.push({ name: '设置', rows: [S, settingsRow('临期提醒(小时）', 6, '收费'), settingsRow('响应时限(小时)', 12)], tables: [] });
    return wb;
  }

  it('reports it on the Settings sheet, row and 参数 column, and marks it there', async () => {
    const wb = withSettings();
    const report = await validateWorkbook(wb, { asOf: AS_OF, mark: true });
    expect(report.problems.map((p) => [p.sheet, p.row, p.column, p.col, p.code, p.severity])).toEqual([
      ['工单', 4, '房号', 5, 'UNIT_UNKNOWN', 'error'],
      ['设置', 2, '参数', 0, 'SETTING_UNKNOWN', 'error'],
    ]);
    expect(report.problems[1].message).toBe('设置 第 2 行「参数」：无法识别的参数“临期提醒(小时）”，本行不起作用；应为“临期提醒(小时)”（只差在全角、半角符号或空格）');
    // the mark sits on the 参数 cell of sheet row 2 (0-based 1), tied to the name as typed
    expect(wb.marks.get('设置')).toEqual([{ row: 1, col: 0, severity: 'error', key: '临期提醒(小时）' }]);
  });

  it('judges a Settings edit live: the name put right loses its problem and its mark, a category added counts at once', async () => {
    const wb = withSettings();
    wb.sheets[0].rows[1][col('category')] = '噪音'; // GD-1: 噪音 is not in this center's list (收费 only)
    const { validator, report } = await LiveValidator.start(wb, { asOf: AS_OF });
    expect(report.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([
      ['工单', 2, 'LIST_UNKNOWN'],
      ['工单', 4, 'UNIT_UNKNOWN'],
      ['设置', 2, 'SETTING_UNKNOWN'],
    ]);
    // the clerk types the bracket right and adds 噪音 under 类别 (sheet row 3, 0-based 2)
    const settings = wb.sheets.find((s) => s.name === '设置')!;
    settings.rows[1][0] = '临期提醒(小时)';
    settings.rows[2][3] = '噪音';
    const after = await validator.onRowsChanged(wb, '设置', [1, 2]);
    expect(after.problems.map((p) => [p.sheet, p.row, p.code])).toEqual([['工单', 4, 'UNIT_UNKNOWN']]);
    expect(after.problems).toEqual((await validateWorkbook(wb, { asOf: AS_OF })).problems);
    expect(wb.marks.get('设置')).toEqual([]);
    expect(wb.marks.get('工单')).toEqual([{ row: 3, col: 5, severity: 'error', key: 'GD-3' }]);
  });
});
