// Generated sheets over Office.js (through the fake Excel): a report in at most 4 syncs whatever its
// size, one format call per style rectangle, page layout only where the host has ExcelApi 1.9, charts,
// and PivotTables laid out top to bottom and refreshed on demand.
import { OfficeWorkbook } from '../../../src/workbook/office';
import { styleRuns } from '../../../src/workbook/reportLooks';
import { Cell, ReportSheet, ReportStyle } from '../../../src/workbook/types';
import { sampleReport } from '../reportSample';
import { FakeContext, WorkbookState } from './fakeExcel';

function workbook(state: WorkbookState, options: { excelApi?: number; payloadLimit?: number } = {}) {
  const context = new FakeContext(state, { excelApi: options.excelApi, payloadLimit: options.payloadLimit });
  const api = options.excelApi ?? 8;
  const wb = new OfficeWorkbook(context.excel, {
    maxPayloadBytes: options.payloadLimit,
    isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= api,
  });
  return { wb, context };
}

function ledger(): WorkbookState {
  const state = new WorkbookState();
  state.addSheet('台账', [['房号', '金额'], ['1-101', 12.5]]);
  return state;
}

/** A report of `rows` list rows under a title and a header (a long open-ticket list). */
function longReport(rows: number): ReportSheet {
  const body: Cell[][] = [];
  const looks: Array<Array<ReportStyle | null>> = [];
  for (let i = 0; i < rows; i++) {
    body.push([`GD-${i}`, 46325 + i / 7, `${1 + (i % 9)}-${101 + i}`, i % 3 ? '卫生间天花板渗水，请尽快派人维修' : '=HYPERLINK("x")', i * 1.5, 0.5 + (i % 50) / 100]);
    looks.push(['text', 'datetime', 'text', 'text', 'decimal', 'percent']);
  }
  return {
    name: '逾期工单',
    rows: [['逾期工单'], ['工单号', '受理时间', '房号', '内容', '逾期(小时)', '占比'], ...body],
    styles: [['title'], ['header', 'header', 'header', 'header', 'header', 'header'], ...looks],
    merges: [{ row: 0, col: 0, rows: 1, cols: 6 }],
    widths: [14, 16, 8, 40, 10, 8],
    printTitleRows: { first: 1, last: 1 },
  };
}

describe('writeReport over Office.js', () => {
  it('writes a 1,999-row report in 2 syncs (at most 4), one format call per style rectangle', async () => {
    const state = ledger();
    const { wb, context } = workbook(state, { excelApi: 9 });
    const report = longReport(1997);
    await wb.writeReport(report);
    console.log(`report of ${report.rows.length} rows: ${context.syncs} syncs, ${context.log.map((l) => l.requestBytes).join(' + ')} request bytes`);
    expect(context.syncs).toBeLessThanOrEqual(4);
    expect(context.syncs).toBe(2);
    expect(state.grid('逾期工单').length).toBe(1999);
    expect(state.grid('逾期工单')[3][3]).toBe('卫生间天花板渗水，请尽快派人维修');
    expect(state.grid('逾期工单')[2][3]).toBe('=HYPERLINK("x")'); // text, not a formula
    // title, header, and 5 column rectangles of the list (房号 and 内容 are both text): 7 runs
    // to format, not 12,000 cells
    expect(styleRuns(report.styles).length).toBe(7);
    const sheet = state.sheet('逾期工单')!;
    expect(sheet.formats.filter((f) => f.key === 'font.bold').length).toBe(2);
    expect(sheet.numberFormats.length).toBe(3); // datetime, decimal, percent columns
  });

  it('maps the styles: bold 16 title, filled and bordered wrapped header, number formats, merges, widths', async () => {
    const state = ledger();
    const { wb } = workbook(state, { excelApi: 9 });
    await wb.writeReport(sampleReport());
    const sheet = state.sheet('月报 2026-11')!;
    expect([sheet.formatOf(0, 0, 'font.bold'), sheet.formatOf(0, 0, 'font.size')]).toEqual([true, 16]);
    expect(sheet.formatOf(4, 2, 'fill.color')).toBe('#DDEBF7');
    expect(sheet.formatOf(4, 2, 'border.InsideVertical.style')).toBe('Continuous');
    expect(sheet.formatOf(4, 2, 'wrapText')).toBe(true);
    expect(sheet.formatAt(6, 1)).toBe('0.0%');
    expect(sheet.formatAt(10, 1)).toBe('#,##0.00');
    expect(sheet.formatAt(21, 1)).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.formatAt(21, 5)).toBe('yyyy-mm-dd');
    expect([sheet.formatOf(17, 0, 'font.bold'), sheet.formatOf(17, 1, 'border.EdgeTop.style'), sheet.formatAt(17, 1)]).toEqual([true, 'Continuous', '0']);
    expect(sheet.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 6 },
      { r0: 1, c0: 0, r1: 1, c1: 6 },
    ]);
    expect(sheet.columnWidths.get(3)).toBe((34 * 7 + 5) * 0.75);
    expect(sheet.charts.map((c) => [c.type, c.title, c.source, c.position])).toEqual([['Line', '受理量趋势', "'月报 2026-11'!A14:B17", 'I4']]);
  });

  it('sets A4 landscape, fit to width and print titles only where the host has ExcelApi 1.9', async () => {
    const on = ledger();
    await workbook(on, { excelApi: 9 }).wb.writeReport(sampleReport());
    expect(on.sheet('月报 2026-11')!.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$21:$21',
    });
    // ExcelApi 1.8: the fake refuses pageLayout, so reaching for it would fail the write
    const off = ledger();
    const { wb, context } = workbook(off, { excelApi: 8 });
    await wb.writeReport(sampleReport());
    expect(off.sheet('月报 2026-11')!.pageLayout).toEqual({});
    expect(off.grid('月报 2026-11')[0][0]).toBe('客服月报 2026年11月');
    expect(context.syncs).toBe(2);
  });

  it('prints a report page by page (notices): A4 portrait at 100 %, centred, a break above each page; nothing of it below ExcelApi 1.9', async () => {
    const pages: ReportSheet = {
      name: '催缴通知单 2026-11-25',
      rows: [['催缴通知单'], ['尊敬的业主：请于 12 月 5 日前缴清。'], ['客服中心'], ['催缴通知单'], ['尊敬的业主：请缴清。'], ['客服中心'], ['催缴通知单'], ['尊敬的业主'], ['客服中心']],
      styles: [['heading'], ['paragraph'], ['signature'], ['heading'], ['paragraph'], ['signature'], ['heading'], ['paragraph'], ['signature']],
      merges: [1, 4, 7].map((row) => ({ row, col: 0, rows: 1, cols: 3 })),
      widths: [20, 10, 10],
      pages: { orientation: 'portrait', breaks: [3, 6] },
      rowHeights: [{ row: 1, points: 46 }, { row: 4, points: 31 }],
    };
    const on = ledger();
    const { wb, context } = workbook(on, { excelApi: 9 });
    await wb.writeReport(pages);
    const sheet = on.sheet('催缴通知单 2026-11-25')!;
    // scale 100, not fitted to pages: Excel ignores manual breaks on a sheet fitted to pages
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', zoom: { scale: 100 }, centerHorizontally: true });
    expect(sheet.pageBreaks).toEqual([3, 6]);
    expect([...sheet.rowHeights.entries()]).toEqual([[1, 46], [4, 31]]);
    expect([sheet.formatOf(0, 0, 'horizontalAlignment'), sheet.formatOf(0, 0, 'font.size')]).toEqual(['Center', 16]);
    expect([sheet.formatOf(1, 0, 'wrapText'), sheet.formatOf(1, 0, 'verticalAlignment')]).toEqual([true, 'Top']);
    expect(sheet.formatOf(2, 0, 'horizontalAlignment')).toBe('Right');
    expect(context.syncs).toBe(2);
    // ExcelApi 1.8: no page set-up and no breaks (the fake refuses both); the rows and their heights are there
    const off = ledger();
    const older = workbook(off, { excelApi: 8 });
    await older.wb.writeReport(pages);
    const plain = off.sheet('催缴通知单 2026-11-25')!;
    expect([plain.pageLayout, plain.pageBreaks]).toEqual([{}, []]);
    expect([...plain.rowHeights.entries()]).toEqual([[1, 46], [4, 31]]);
    expect(off.grid('催缴通知单 2026-11-25')[7][0]).toBe('尊敬的业主');
    expect(older.context.syncs).toBe(2);
  });

  it('replaces an existing report of ours at its position, in 3 syncs, even when it is the only visible sheet', async () => {
    const state = new WorkbookState();
    state.addSheet('月报 2026-11', [['old'], ['old', 'old']]).names.push({ name: '_dk_generated', reference: '="月报 2026-11"', visible: false });
    state.addSheet('台账', [['房号']]).visibility = 'Hidden';
    const { wb, context } = workbook(state);
    expect(await wb.writeReport({ ...sampleReport(), rows: [['new']], styles: [['title']], merges: [], charts: [] })).toBe('月报 2026-11');
    expect(state.sheets.map((s) => s.name)).toEqual(['月报 2026-11', '台账']);
    expect(state.grid('月报 2026-11')).toEqual([['new']]);
    // 1 to look, 1 for the marker and first cell of the sheet of that name, 1 to write
    expect(context.syncs).toBe(3);
    expect(state.sheet('月报 2026-11')!.names).toEqual([{ name: '_dk_generated', reference: '="月报 2026-11"', visible: false }]);
  });

  it("never replaces a clerk's sheet of the report's name, even holding a table: writes NAME (2), then replaces (2) and makes no (3)", async () => {
    const state = ledger();
    const clerks = [['我的月报', '金额'], ['十月', 1200.5], ['=SUM(B2)', '电梯两次停运']];
    state.addSheet('月报 2026-10', clerks);
    state.addTable('月报 2026-10', 'tblMine', 0, 0, 1, 1);
    const report = { ...sampleReport(), name: '月报 2026-10' };
    const first = workbook(state);
    expect(await first.wb.writeReport(report)).toBe('月报 2026-10 (2)');
    // 1 to look, 1 for the marker of (2) (nothing is asked of the clerk's sheet: it holds a table), 1 to write
    const second = workbook(state);
    expect(await second.wb.writeReport({ ...report, rows: [['重算'], ['受理量', 3]], styles: [['title'], ['label', 'integer']], merges: [], charts: [] })).toBe('月报 2026-10 (2)');
    expect(second.context.syncs).toBe(3);
    expect(state.sheets.map((s) => s.name)).toEqual(['台账', '月报 2026-10', '月报 2026-10 (2)']);
    expect(state.grid('月报 2026-10')).toEqual(clerks);
    expect(state.sheet('月报 2026-10')!.names).toEqual([]);
    expect(state.tables.map((t) => t.name)).toEqual(['tblMine']);
    expect(state.grid('月报 2026-10 (2)')).toEqual([['重算', ''], ['受理量', 3]]);
  });

  it("takes a copy of our sheet (Excel copies its names, not its name) and a renamed one for the clerk's", async () => {
    const state = ledger();
    // Excel's "Move or Copy": 月报 2026-10 copied as 月报 2026-10 (2), the marker still naming the original
    state.addSheet('月报 2026-10', [['客服月报 2026年10月 (我的批注)']]).names.push({ name: '_dk_generated', reference: '="月报 2026-10 (1)"', visible: false });
    state.addSheet('月报 2026-10 (2)', [['客服月报 2026年10月 (复制)']]).names.push({ name: '_dk_generated', reference: '="月报 2026-10"', visible: false });
    const { wb } = workbook(state);
    expect(await wb.writeReport({ ...sampleReport(), name: '月报 2026-10' })).toBe('月报 2026-10 (3)');
    expect(state.grid('月报 2026-10')).toEqual([['客服月报 2026年10月 (我的批注)']]);
    expect(state.grid('月报 2026-10 (2)')).toEqual([['客服月报 2026年10月 (复制)']]);
  });

  it('replaces a sheet an earlier version wrote (no marker, our title in A1), and marks it from then on', async () => {
    const state = ledger();
    state.addSheet('月报 2026-11', [['客服月报 2026年11月'], ['受理量', 7]]);
    const { wb } = workbook(state);
    expect(await wb.writeReport(sampleReport())).toBe('月报 2026-11');
    expect(state.sheets.map((s) => s.name)).toEqual(['台账', '月报 2026-11']);
    expect(state.grid('月报 2026-11')[0][0]).toBe('客服月报 2026年11月');
    expect(state.sheet('月报 2026-11')!.names.map((n) => n.reference)).toEqual(['="月报 2026-11"']);
  });

  it.each([
    ['an existing report', true],
    ['a report not there yet', false],
  ] as const)('two clerks regenerating %s at once end with one sheet, no stray one, and the later told why', async (_what, existed) => {
    const state = ledger();
    if (existed) state.addSheet('月报 2026-11', [['old']]).names.push({ name: '_dk_generated', reference: '="月报 2026-11"' });
    const a = workbook(state);
    const b = workbook(state);
    const report = (text: string) => ({ ...sampleReport(), rows: [[text]], styles: [['title' as const]], merges: [], charts: [] });
    // both look before either writes: the interleaving that collides
    const results = await Promise.allSettled([a.wb.writeReport(report('A')), b.wb.writeReport(report('B'))]);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'WRITE_FAILED', reason: 'REGENERATED_MEANWHILE', params: { sheet: '月报 2026-11' } } });
    expect(state.sheets.map((s) => s.name)).toEqual(['台账', '月报 2026-11']);
    expect(state.grid('月报 2026-11')).toEqual([['A']]);
  });

  it('keeps to the payload budget: a report heavier than one sync goes in more syncs', async () => {
    const state = ledger();
    const { wb, context } = workbook(state, { payloadLimit: 200_000 });
    await wb.writeReport(longReport(1997));
    expect(context.log.every((l) => l.requestBytes <= 200_000 && l.ok)).toBe(true);
    expect(context.syncs).toBeGreaterThan(2);
    expect(state.grid('逾期工单').length).toBe(1999);
  });
});

describe('writePivots over Office.js', () => {
  function tickets(): WorkbookState {
    const state = ledger();
    const rows: Cell[][] = [['工单号', '类别', '状态', '部门']];
    const categories = ['维修', '保洁', '安保', '停车'];
    for (let i = 0; i < 30; i++) rows.push([`GD-${i}`, categories[i % 4], i % 3 ? '已完成' : '处理中', i % 2 ? '工程部' : '客服部']);
    state.addSheet('工单', rows);
    state.addTable('工单', 'tblTickets', 0, 0, rows.length - 1, 3);
    return state;
  }
  const PIVOTS = [
    { name: 'pvtCategoryStatus', sourceTable: 'tblTickets', rows: ['类别'], columns: ['状态'], count: '工单号', title: '类别 × 状态' },
    { name: 'pvtDepartmentStatus', sourceTable: 'tblTickets', rows: ['部门'], columns: ['状态'], count: '工单号', title: '部门 × 状态' },
    { name: 'pvtCategory', sourceTable: 'tblTickets', rows: ['类别'], columns: [], count: '工单号', title: '类别' },
  ];

  it('adds PivotTables top to bottom under their titles in 1 + one sync per PivotTable', async () => {
    const state = tickets();
    const { wb, context } = workbook(state);
    await wb.writePivots('KPI', PIVOTS);
    expect(context.syncs).toBe(1 + PIVOTS.length);
    const pivots = state.pivots.map((p) => ({ name: p.name, at: [p.r0, p.c0], extent: p.extent(), rows: p.rows, columns: p.columns, data: p.data }));
    // category × status: 2 header lines + 4 categories + total = 7 rows (1..7); the next title 4 rows below
    expect(pivots[0]).toEqual({ name: 'pvtCategoryStatus', at: [1, 0], extent: { r0: 1, c0: 0, r1: 7, c1: 3 }, rows: ['类别'], columns: ['状态'], data: [{ field: '工单号', summarizeBy: 'Count' }] });
    expect(pivots[1].at).toEqual([1 + 7 + 4 + 1, 0]);
    expect(pivots[2].at[0]).toBe(pivots[1].extent.r1 + 1 + 4 + 1);
    expect(state.grid('KPI').map((r) => r[0]).filter((v) => v !== '')).toEqual(['类别 × 状态', '部门 × 状态', '类别']);
    expect(state.sheets.map((s) => s.name)).toEqual(['台账', '工单', 'KPI']);
  });

  it('refreshes the PivotTables of an existing sheet instead of recreating them: 2 syncs', async () => {
    const state = tickets();
    await workbook(state).wb.writePivots('KPI', PIVOTS);
    const before = [...state.pivots];
    const { wb, context } = workbook(state);
    expect(await wb.writePivots('KPI', PIVOTS)).toBe('KPI');
    // 1 to look, 1 for the marker of the sheet KPI (ours), 1 to refresh
    expect(context.syncs).toBe(3);
    expect(state.pivots).toEqual(before);
    expect(state.pivots.every((p, i) => p === before[i] && p.refreshes === 1)).toBe(true);
  });

  it('rebuilds the sheet when a refresh fails (a PivotTable grew into the next one)', async () => {
    const state = tickets();
    await workbook(state).wb.writePivots('KPI', PIVOTS);
    // six more categories: the first PivotTable grows by 6 rows; the gap and the next title leave 5
    const sheet = state.sheet('工单')!;
    const table = state.tables[0];
    ['绿化', '噪音', '收费', '服务态度', '其他', '电梯'].forEach((c, i) => {
      sheet.set(table.r1 + 1 + i, 0, `GD-x${i}`);
      sheet.set(table.r1 + 1 + i, 1, c);
      sheet.set(table.r1 + 1 + i, 2, '已完成');
      sheet.set(table.r1 + 1 + i, 3, '工程部');
    });
    table.r1 += 6;
    const { wb, context } = workbook(state);
    await wb.writePivots('KPI', PIVOTS);
    expect(context.syncs).toBe(3 + PIVOTS.length);
    expect(state.pivots.map((p) => p.name)).toEqual(PIVOTS.map((p) => p.name));
    expect(state.pivots[1].r0).toBe(state.pivots[0].extent().r1 + 1 + 4 + 1);
    expect(state.sheets.map((s) => s.name)).toEqual(['台账', '工单', 'KPI']);
  });

  it("never replaces a clerk's sheet called KPI: the PivotTables go to KPI (2), refreshed there on the next run", async () => {
    const state = tickets();
    state.addSheet('KPI', [['本月 KPI (手算)', '及时率'], ['十一月', 0.93]]);
    const { wb } = workbook(state);
    expect(await wb.writePivots('KPI', PIVOTS)).toBe('KPI (2)');
    expect(await workbook(state).wb.writePivots('KPI', PIVOTS)).toBe('KPI (2)');
    expect(state.sheets.map((s) => s.name)).toEqual(['台账', '工单', 'KPI', 'KPI (2)']);
    expect(state.grid('KPI')).toEqual([['本月 KPI (手算)', '及时率'], ['十一月', 0.93]]);
    expect(state.pivots.every((p) => p.sheet.name === 'KPI (2)' && p.refreshes === 1)).toBe(true);
  });

  it('fails with a WorkbookError naming the sheet when a field does not exist', async () => {
    const state = tickets();
    const { wb } = workbook(state);
    await expect(wb.writePivots('KPI', [{ ...PIVOTS[0], rows: ['不存在'] }])).rejects.toMatchObject({ code: 'WRITE_FAILED', message: expect.stringMatching(/KPI/) });
  });
});
