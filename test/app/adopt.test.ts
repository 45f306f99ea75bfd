// Adopting a workbook's registers end to end on files: the structured sheets created with every
// imported row and the register's own columns, the registers untouched, a second run adding nothing
// (and not rewriting the file), a dry run changing nothing, and the result a workbook Excel opens.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { adoptWorkbook } from '../../src/app/adopt';
import { validateWorkbook } from '../../src/app/validate';
import { setUpWorkbook } from '../../src/app/setup';
import { FileWorkbook } from '../../src/workbook/file';
import type { Cell } from '../../src/domain/grid';
import { checkXlsx, hasCheckXlsx, tempDir } from '../support/files';
import { COMPLAINTS, CUSTOMERS_SPLIT_UNIT, ENGLISH_EXPORT, FEE_LEDGER_WIDE, LegacyRegister, MONTH_SHEET, REPAIRS_TWO_ROW_HEADER } from '../fixtures/legacy/registers';

const AS_OF = '2026-11-25T17:30:00';

async function legacyWorkbook(registers: ReadonlyArray<LegacyRegister>): Promise<Uint8Array> {
  const wb = FileWorkbook.create();
  await wb.addSheets(
    registers.map((r) => ({
      name: r.name,
      columns: r.rows[0].map((h) => ({ header: h === null ? '' : String(h) })),
      rows: r.rows.slice(1).map((row) => row.map((c): Cell => c)),
    })),
  );
  return wb.toBytes();
}

describe('adopting a workbook', () => {
  it('imports every register into new structured sheets and leaves the registers as they were', async () => {
    const bytes = await legacyWorkbook([COMPLAINTS, REPAIRS_TWO_ROW_HEADER, CUSTOMERS_SPLIT_UNIT, FEE_LEDGER_WIDE]);
    const wb = FileWorkbook.open(bytes);
    const before = await wb.readSheets([COMPLAINTS.name, CUSTOMERS_SPLIT_UNIT.name]);
    const result = await adoptWorkbook(wb, { asOf: AS_OF });
    expect(result.sheets.map((s) => [s.sheet, s.kind, s.rows.total, s.rows.imported, s.rows.skipped, s.records, s.into])).toEqual([
      ['投诉台账', 'tickets', 8, 5, 3, 5, '工单'],
      ['报修记录', 'tickets', 3, 3, 0, 3, '工单'],
      ['资产信息', 'customers', 3, 3, 0, 3, '客户'],
      ['物业费台账', 'charges', 4, 3, 1, 5, '应收'],
    ]);
    expect(result.created).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    expect(result.changed).toBe(true);

    // the registers are untouched
    expect(await wb.readSheets([COMPLAINTS.name, CUSTOMERS_SPLIT_UNIT.name])).toEqual(before);

    const [tickets] = await wb.readSheets(['工单']);
    const head = tickets.rows[0] as string[];
    const col = (h: string) => tickets.rows.slice(1).map((r) => r[head.indexOf(h)]);
    expect(tickets.rows).toHaveLength(1 + 5 + 3);
    expect(col('导入来源')).toEqual(['投诉台账!4', '投诉台账!5', '投诉台账!6', '投诉台账!8', '投诉台账!9', '报修记录!3', '报修记录!4', '报修记录!5']);
    // IDs kept where the register had them, given by the scheme where it had none
    expect(col('工单号')).toEqual(['GD-20261103-AD-001', 'GD-20261105-AD-001', 'GD-20261108-AD-001', 'GD-20261109-AD-001', null, 'BX-001', 'BX-002', 'BX-003']);
    // the register's own columns are kept under their own headers
    expect(head.slice(-3)).toEqual(['序号', '房屋/楼号', '房屋/房间']);
    expect(col('序号')).toEqual([1, 2, 3, 4, 5, null, null, null]);
    expect(col('受理时间')[4]).toBe('明天下午'); // kept as typed, for validation to show

    // flagged rows are listed with validation's words: the unconverted date, the missing ticket ID
    const complaints = result.sheets[0];
    expect(complaints.flaggedRows.map((f) => f.row)).toContain(9);
    // said where the clerk will look: the register's sheet, row and column
    expect(complaints.flaggedRows.find((f) => f.row === 9)?.messages.join(' ')).toContain('投诉台账 第 9 行「登记日期」：“明天下午”不是有效值');

    const file = join(tempDir(), 'adopted.xlsx');
    writeFileSync(file, wb.toBytes());
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
  });

  it('adds nothing the second time, and a dry run changes nothing', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([COMPLAINTS, CUSTOMERS_SPLIT_UNIT]));
    await adoptWorkbook(wb, { asOf: AS_OF });
    const once = wb.toBytes();
    const again = FileWorkbook.open(once);
    const second = await adoptWorkbook(again, { asOf: AS_OF });
    expect(second.changed).toBe(false);
    expect(second.sheets.map((s) => [s.rows.imported, s.rows.skipped])).toEqual([
      [0, 8],
      [0, 3],
    ]);
    expect(second.sheets[0].skippedRows.filter((r) => r.reason === 'already').map((r) => r.row)).toEqual([4, 5, 6, 8, 9]);
    expect(Buffer.from(again.toBytes()).equals(Buffer.from(once))).toBe(true);

    const fresh = FileWorkbook.open(await legacyWorkbook([COMPLAINTS]));
    const original = fresh.toBytes();
    const dry = await adoptWorkbook(fresh, { asOf: AS_OF, dryRun: true });
    expect(dry.changed).toBe(false);
    expect(dry.sheets[0].rows).toEqual({ total: 8, imported: 5, flagged: dry.sheets[0].flaggedRows.length, skipped: 3 });
    expect(Buffer.from(fresh.toBytes()).equals(Buffer.from(original))).toBe(true);
  });

  it('gives a workbook that validates: the units of the tickets are in the adopted customer register', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([CUSTOMERS_SPLIT_UNIT]));
    await adoptWorkbook(wb, { asOf: AS_OF });
    const report = await validateWorkbook(wb, { asOf: AS_OF });
    expect(report.problems.filter((p) => p.sheet === '客户')).toEqual([]);
  });

  it('refuses a sheet that is not there, or not a register, by name', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([COMPLAINTS]));
    await expect(adoptWorkbook(wb, { sheets: ['不存在'] })).rejects.toMatchObject({ code: 'ADOPT_NO_SHEET' });
    const notes = FileWorkbook.create();
    await notes.addSheets([{ name: '备注', columns: [{ header: '今天开会' }], rows: [['记得交报表']] }]);
    await expect(adoptWorkbook(notes, { sheets: ['备注'] })).rejects.toMatchObject({ code: 'ADOPT_NOT_A_REGISTER', params: { sheet: '备注' } });
  });
});

describe('adopting into a workbook already set up', () => {
  it('adds the columns the rows need to the right of the tables, then the rows, and nothing the second time', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([COMPLAINTS]));
    await setUpWorkbook(wb);
    const result = await adoptWorkbook(wb, { asOf: AS_OF });
    expect(result.created).toEqual([]);
    expect(result.appended).toEqual(['工单']);
    const [tickets] = await wb.readSheets(['工单']);
    const head = tickets.rows[0] as string[];
    expect(head.slice(-2)).toEqual(['导入来源', '序号']);
    expect(tickets.rows.slice(1).map((r) => r[head.indexOf('导入来源')])).toEqual(['投诉台账!4', '投诉台账!5', '投诉台账!6', '投诉台账!8', '投诉台账!9']);
    expect(tickets.rows.slice(1).map((r) => r[head.indexOf('内容')])).toEqual(['楼上漏水', '夜间装修噪音', '车位被占用', '物业费发票未收到', '电梯异响']);
    const file = join(tempDir(), 'adopted-into-set-up.xlsx');
    writeFileSync(file, wb.toBytes());
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    // the table grew with its new columns: the workbook reads as before, a second import adds nothing
    const again = FileWorkbook.open(wb.toBytes());
    const second = await adoptWorkbook(again, { asOf: AS_OF });
    expect(second.changed).toBe(false);
    expect(second.sheets[0].rows.imported).toBe(0);
  });
});

describe('what the pane\'s Adopt tab asks of a dry run', () => {
  it('previews the first rows as the structured sheet gets them: IDs given, dates and times shown, the source named', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([COMPLAINTS]));
    const [sheet] = (await adoptWorkbook(wb, { asOf: AS_OF, dryRun: true })).sheets;
    const { headers, rows, sourceRows } = sheet.preview;
    // the 24 columns of 工单, where it came from, and the register's own 序号
    expect(headers).toHaveLength(24 + 2);
    expect(headers.slice(-3)).toEqual(['投诉是否成立', '导入来源', '序号']);
    expect(sheet.targets).toEqual(headers.slice(0, 24));
    // five rows of eight: the blank row 7 is not one of them
    expect(sourceRows).toEqual([4, 5, 6, 8, 9]);
    const at = (h: string) => rows.map((r) => r[headers.indexOf(h)]);
    expect(at('工单号')).toEqual(['GD-20261103-AD-001', 'GD-20261105-AD-001', 'GD-20261108-AD-001', 'GD-20261109-AD-001', '']);
    // 2026/11/3 has no time; 2026.11.10 14:20 has one
    expect(at('受理时间')).toEqual(['2026-11-03', '2026-11-05', '2026-11-08', '2026-11-09', '明天下午']);
    expect(at('完成时间')).toEqual(['2026-11-04 10:00', '2026-11-06', '', '2026-11-10 14:20', '']);
    expect(at('导入来源')).toEqual(['投诉台账!4', '投诉台账!5', '投诉台账!6', '投诉台账!8', '投诉台账!9']);
    expect(at('序号')).toEqual(['1', '2', '3', '4', '5']);
  });

  it('takes a column choice for one sheet only, and a kind for a sheet by name', async () => {
    // 电话 is a column of both registers: kept as is in 11月 only
    const wb = FileWorkbook.open(await legacyWorkbook([COMPLAINTS, MONTH_SHEET]));
    const result = await adoptWorkbook(wb, { asOf: AS_OF, dryRun: true, bySheet: { '11月': { choices: { 电话: null } } } });
    const [complaints, month] = result.sheets;
    expect(complaints.mapping['联系电话']).toBe('电话');
    expect(month.mapping['电话']).toBeNull();
    // kept under its own header, which 工单 has already: marked as the register's
    expect(month.preview.headers.slice(-2)).toEqual(['导入来源', '电话（原）']);
    expect(month.preview.rows.map((r) => [r[7], r[25]])).toEqual([
      ['', '13812345678'],
      ['', '13812340000'],
    ]);

    // the month sheet taken for a reminder log: its columns judged for that kind
    const asReminders = await adoptWorkbook(wb, { asOf: AS_OF, dryRun: true, bySheet: { '11月': { as: 'reminders' } } });
    expect(asReminders.sheets.map((s) => [s.kind, s.into])).toEqual([
      ['tickets', '工单'],
      ['reminders', '催缴记录'],
    ]);
    expect(asReminders.sheets[1].targets).toEqual(['房号', '日期', '方式', '经办人', '结果', '承诺缴费日']);
    expect(asReminders.sheets[1].mapping['日期']).toBe('日期');
  });

  it('words the problems in the pane\'s language and still creates the sheets in the registers\' own', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([COMPLAINTS]));
    const [sheet] = (await adoptWorkbook(wb, { asOf: AS_OF, dryRun: true, messageLang: 'en' })).sheets;
    expect(sheet.into).toBe('工单');
    expect(sheet.mapping['投诉事项']).toBe('内容');
    // judged by the Chinese Settings set-up will write: 维修 is a category there, so row 4 lacks only
    // its channel, status and callback time
    expect(sheet.flaggedRows[0]).toEqual({
      row: 4,
      messages: [
        '投诉台账 row 4, 渠道: required; the cell is empty',
        '投诉台账 row 4, 状态: required; the cell is empty',
        '投诉台账 row 4, 回访时间: the 满意度 column is filled in, so the 回访时间 column must be too (the rating comes from the callback)',
      ],
    });
  });

  it('judges English registers by the English Settings it will create for them', async () => {
    const wb = FileWorkbook.open(await legacyWorkbook([ENGLISH_EXPORT]));
    const [sheet] = (await adoptWorkbook(wb, { asOf: AS_OF, dryRun: true })).sheets;
    expect(sheet.into).toBe('Tickets');
    // Repairs and Noise are categories of the English list: neither row is flagged for its category
    expect(sheet.flaggedRows.flatMap((f) => f.messages).filter((m) => /category/i.test(m))).toEqual([]);
    expect(sheet.flaggedRows.map((f) => f.row)).toEqual([2, 3]);
    expect(sheet.flaggedRows[1].messages).toEqual(['Tickets export row 3, Type: required; the cell is empty']);
  });
});
