// Chasing arrears in Excel (the Office.js back end over the fake Excel) and in a file: the same
// notices and list, the notices one to a printed page, the reminders appended to 催缴记录's table.
import { runArrears, runNotices } from '../../src/app/arrears';
import { writeSample } from '../../src/app/sample';
import { FileWorkbook } from '../../src/workbook/file';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeContext, WorkbookState } from '../workbook/office/fakeExcel';

const AS_OF = '2026-11-25T17:30:00';
const SAMPLE = { asOf: AS_OF, plant: false, units: 120, lang: 'zh' as const };

function excel(state: WorkbookState, excelApi = 9) {
  const context = new FakeContext(state, { excelApi });
  const wb = new OfficeWorkbook(context.excel, { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= excelApi });
  return { wb, context };
}

describe('notices and the arrears list in Excel', () => {
  it('match the file back end notice for notice, and print one notice to a page', async () => {
    const state = new WorkbookState();
    const { wb } = excel(state);
    await writeSample(wb, SAMPLE);
    const file = FileWorkbook.create();
    await writeSample(file, SAMPLE);

    const inExcel = await runNotices(wb, { asOf: AS_OF, write: true });
    const inFile = await runNotices(file, { asOf: AS_OF, write: true });
    expect(inExcel.json).toEqual(inFile.json);
    const n = inExcel.notices.notices.length;
    expect(n).toBeGreaterThan(3);
    const sheet = state.sheet('催缴通知单 2026-11-25')!;
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', zoom: { scale: 100 } });
    // a break above every notice but the first, each at its 催缴通知单 heading
    expect(sheet.pageBreaks).toHaveLength(n - 1);
    expect(sheet.pageBreaks.map((r) => state.grid('催缴通知单 2026-11-25')[r][0])).toEqual(new Array(n - 1).fill('催缴通知单'));
    // the same cells (Excel gives an empty cell as '', a file as null)
    const cells = (rows: ReadonlyArray<ReadonlyArray<unknown>>) => rows.map((r) => r.map((c) => (c === '' ? null : c)));
    expect(cells(state.grid('催缴通知单 2026-11-25'))).toEqual(cells((await file.readSheets(['催缴通知单 2026-11-25']))[0].rows));

    const list = await runArrears(wb, { asOf: AS_OF, write: true });
    expect(list.json).toEqual((await runArrears(file, { asOf: AS_OF })).json);
    expect(state.sheet('欠费明细 2026-11-25')!.pageLayout).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  it('appends one written notice per notice to the reminder table, and not again the same day', async () => {
    const state = new WorkbookState();
    const { wb } = excel(state);
    await writeSample(wb, SAMPLE);
    const before = state.grid('催缴记录').length;
    const first = await runNotices(wb, { asOf: AS_OF, logReminders: true });
    expect(first.logged).toBe(first.notices.notices.length);
    expect(state.grid('催缴记录').length).toBe(before + first.logged);
    // the table grew with its rows: the next read sees them as reminders
    const table = state.tables.find((t) => t.name === 'tblReminders')!;
    expect(table.r1).toBe(before - 1 + first.logged);
    const again = await runNotices(wb, { asOf: AS_OF, logReminders: true });
    expect([again.logged, again.alreadyLogged]).toEqual([0, first.logged]);
  });

  it('writes the notices on a host without ExcelApi 1.9, without page set-up (printed with Excel’s own breaks)', async () => {
    const state = new WorkbookState();
    await writeSample(excel(state).wb, SAMPLE);
    const { wb, context } = excel(state, 8);
    const before = context.syncs;
    const result = await runNotices(wb, { asOf: AS_OF, write: true });
    const sheet = state.sheet(result.sheetName)!;
    expect([sheet.pageLayout, sheet.pageBreaks]).toEqual([{}, []]);
    expect(state.grid(result.sheetName)[0][0]).toBe('催缴通知单');
    // the sheets listed (1), their used ranges and values read (2), the notices written (2)
    expect(context.syncs - before).toBe(5);
  });
});

describe('the arrears list\'s preview of the notices', () => {
  it('gives the notices runNotices gives, at every threshold, without reading the workbook again', async () => {
    const file = FileWorkbook.create();
    await writeSample(file, SAMPLE);
    const list = await runArrears(file, { asOf: AS_OF });
    const reads = jest.spyOn(file, 'readSheets');
    const thresholds = [{}, { minAmount: 100000 }, { minDays: 60 }, { minAmount: 50000, minDays: 30 }, { minAmount: 1e9 }];
    const previews = thresholds.map((t) => list.preview(t));
    expect(reads).not.toHaveBeenCalled();
    for (const [i, t] of thresholds.entries()) {
      const run = await runNotices(file, { asOf: AS_OF, ...t });
      const shape = (set: typeof previews[number]) => [set.notices.map((n) => [n.arrears.unit, n.level, n.arrears.total]), set.promised.map((u) => u.unit)];
      expect(shape(previews[i])).toEqual(shape(run.notices));
    }
    // the thresholds bite: every unit over 1,000.00 owes at least that, nobody owes 10 million
    expect(previews[1].notices.every((n) => n.arrears.total >= 100000)).toBe(true);
    expect(previews[1].notices.length).toBeLessThan(previews[0].notices.length);
    expect(previews[4].notices).toEqual([]);
  });
});

describe('logging notices in a reminder log the clerk laid out', () => {
  it('puts each value under its own header, whatever the order, and leaves the clerk’s own column empty', async () => {
    const wb = FileWorkbook.create();
    // 1-101 owes ¥300 due 10-20: 36 days overdue at 11-25, the first notice
    await wb.addSheets([
      { name: '应收', tableName: 'tblCharges', columns: ['房号', '费用项目', '账期', '应收金额', '到期日'].map((header) => ({ header })), rows: [['1-101', '物业费', '2026-10', 300, 46315]] },
      { name: '催缴记录', tableName: 'tblReminders', columns: ['日期', '房号', '备注', '方式', '结果', '承诺缴费日', '经办人'].map((header) => ({ header })), rows: [[46300, '9-901', '旧账', '电话', '已接通', null, '张敏']] },
    ]);
    const result = await runNotices(wb, { asOf: AS_OF, logReminders: true });
    expect([result.logged, result.notices.notices.map((n) => [n.arrears.unit, n.level, n.kind])]).toEqual([1, [['1-101', 1, 'first']]]);
    const [log] = await wb.readSheets(['催缴记录']);
    // 2026-11-25 is serial 46351
    expect(log.rows[2]).toEqual([46351, '1-101', null, '书面通知', '催缴通知单（第一次）', null, null]);
  });
});
