import { setUpWorkbook } from '../../../src/app/setup';
import { OfficeWorkbook, TABLE_STYLE, columnWidthPoints } from '../../../src/workbook/office';
import { Cell, NewSheet, WorkbookError } from '../../../src/workbook/types';
import { FakeContext, FakeOptions, WorkbookState, jsonBytes } from './fakeExcel';
import { SETUP_NAMES, TICKET_HEADERS, chineseText, rng, setUpSheets, ticketRows } from './fixtures';

const FIVE_MB = 5_000_000;

function open(state: WorkbookState, options: FakeOptions = {}, maxPayloadBytes?: number) {
  const fake = new FakeContext(state, options);
  const wb = new OfficeWorkbook(fake.excel, { maxPayloadBytes });
  return { fake, wb };
}

/** a seeded clerk sheet: header + rows, as stored cells */
function seed(state: WorkbookState, name: string, rows: Cell[][], origin?: { row: number; col: number }) {
  return state.addSheet(
    name,
    rows.map((row) => row.map((c) => c)),
    origin,
  );
}

/** toEqual for big grids: jest's deep diff of a million cells takes seconds */
function expectSameRows(actual: ReadonlyArray<ReadonlyArray<Cell>>, expected: ReadonlyArray<ReadonlyArray<Cell>>) {
  expect(actual.length).toBe(expected.length);
  const mismatch = actual.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(expected[i]));
  if (mismatch >= 0) expect(actual[mismatch]).toEqual(expected[mismatch]);
}

function expectEverySyncWithin(fake: FakeContext, limit: number) {
  for (const sync of fake.log) {
    expect(sync.ok).toBe(true);
    expect(sync.requestBytes).toBeLessThanOrEqual(limit);
    expect(sync.responseBytes).toBeLessThanOrEqual(limit);
  }
}

describe('listing', () => {
  it('lists sheets in workbook order with their tables, in one sync', async () => {
    const state = new WorkbookState();
    seed(state, '台账', [['房号']]);
    seed(state, '工单', [['工单号'], ['GD-1']]);
    state.addTable('工单', 'tblTickets', 0, 0, 1, 0);
    const { fake, wb } = open(state);
    expect(await wb.listSheets()).toEqual([
      { name: '台账', tables: [], generated: false },
      { name: '工单', tables: ['tblTickets'], generated: false },
    ]);
    expect(fake.syncs).toBe(1);
    expect(wb.syncs).toBe(1);
  });

  // the marker _dk_generated, scoped to the sheet, naming its present name (workbook/generated.ts)
  function markedSheets(): WorkbookState {
    const state = new WorkbookState();
    seed(state, '月报 2026-10', [['客服月报 2026年10月']]);
    state.sheet('月报 2026-10')!.names.push({ name: '_dk_generated', reference: '="月报 2026-10"', visible: false });
    // the clerk's own sheet of a report's name: no marker
    seed(state, '月报 2026-11', [['我的十一月']]);
    // a copy of ours (Move or Copy keeps the sheet's names): the marker names the original
    seed(state, '月报 2026-10 (2)', [['客服月报 2026年10月']]);
    state.sheet('月报 2026-10 (2)')!.names.push({ name: '_dk_generated', reference: '="月报 2026-10"', visible: false });
    // another sheet-scoped name is no marker
    seed(state, '回访计划 2026-Q4', [['房号']]);
    state.sheet('回访计划 2026-Q4')!.names.push({ name: 'Print_Titles', reference: "='回访计划 2026-Q4'!$1:$1", visible: true });
    return state;
  }
  const MARKED = [
    ['月报 2026-10', true],
    ['月报 2026-11', false],
    ['月报 2026-10 (2)', false],
    ['回访计划 2026-Q4', false],
  ];

  it('says which sheets carry the marker for their own name, in the same one sync', async () => {
    const { fake, wb } = open(markedSheets());
    expect((await wb.listSheets()).map((s) => [s.name, s.generated])).toEqual(MARKED);
    expect([fake.syncs, wb.syncs]).toEqual([1, 1]);
  });

  it('asks each sheet for its marker in a second sync on a host that will not load the names with the sheets', async () => {
    const { fake, wb } = open(markedSheets(), { sheetNamesExpand: false });
    expect((await wb.listSheets()).map((s) => [s.name, s.generated])).toEqual(MARKED);
    // the refused sync, then the sheets, then their markers; from then on two
    expect(fake.log.map((s) => s.ok)).toEqual([false, true, true]);
    expect((await wb.listSheets()).map((s) => [s.name, s.generated])).toEqual(MARKED);
    expect(fake.syncs).toBe(5);
  });

  it('lists and adds workbook names, one sync each', async () => {
    const state = new WorkbookState();
    seed(state, '设置', [['类别'], ['维修']]);
    const { fake, wb } = open(state);
    await wb.addNames([
      { name: 'DeskbookCategory', formula: '=设置!$A$2:$A$10' },
      { name: 'DeskbookDepartment', formula: '=设置!$B$2:$B$10' },
    ]);
    expect(fake.syncs).toBe(1);
    expect(await wb.listNames()).toEqual(['DeskbookCategory', 'DeskbookDepartment']);
    expect(fake.syncs).toBe(2);
    expect(state.names[0]).toEqual({ name: 'DeskbookCategory', reference: '=设置!$A$2:$A$10' });
  });

  it('reports a name Excel refuses as a write failure', async () => {
    const state = new WorkbookState();
    state.names.push({ name: 'Taken', reference: '=1' });
    const { wb } = open(state);
    await expect(wb.addNames([{ name: 'Taken', formula: '=2' }])).rejects.toMatchObject({ code: 'WRITE_FAILED' });
  });
});

describe('reading', () => {
  it('reads a 50-row table in at most 2 syncs', async () => {
    const state = new WorkbookState();
    const rows = [TICKET_HEADERS, ...ticketRows(50)];
    seed(state, '工单', rows);
    state.addTable('工单', 'tblTickets', 0, 0, 50, 23);
    const { fake, wb } = open(state);
    const [grid] = await wb.readSheets(['工单']);
    expect(grid.rows).toEqual(rows);
    expect(wb.syncs).toBeLessThanOrEqual(2);
    expect(fake.syncs).toBe(wb.syncs);
  });

  it('reads several sheets in the same two syncs', async () => {
    const state = new WorkbookState();
    seed(state, '工单', [TICKET_HEADERS, ...ticketRows(30)]);
    seed(state, '客户', [['房号', '客户姓名'], ['1-101', '张三']]);
    seed(state, '设置', [['项目', '值'], ['中心名称', '阳光花园客服中心']]);
    const { fake, wb } = open(state);
    const grids = await wb.readSheets(['工单', '客户', '设置']);
    expect(grids.map((g) => [g.name, g.rows.length])).toEqual([
      ['工单', 31],
      ['客户', 2],
      ['设置', 2],
    ]);
    expect(fake.syncs).toBe(2);
  });

  it('reads a 50,000-row × 24-column table in 2 + one sync per payload chunk, none over 5 MB', async () => {
    const state = new WorkbookState();
    const rows = [TICKET_HEADERS, ...ticketRows(50_000, 7)];
    seed(state, '工单', rows);
    const { fake, wb } = open(state);
    const [grid] = await wb.readSheets(['工单']);

    expect(grid.rows.length).toBe(50_001);
    expectSameRows(grid.rows, rows);
    expectEverySyncWithin(fake, FIVE_MB);
    // The values weigh ~19 MB as JSON: at least 4 syncs of 5 MB. Counting a payload chunk as half the
    // limit (the first sync guesses cautiously, the rest fill 80% / 1.25 of it), the reads stay within
    // 2 + chunks (measured: 1 + 7 syncs).
    const total = jsonBytes(state.grid('工单'));
    const chunks = Math.ceil(total / (FIVE_MB / 2));
    expect(wb.syncs).toBeLessThanOrEqual(2 + chunks);
    expect(fake.log.slice(1).every((s) => s.responseBytes > 0)).toBe(true);
  });

  it('reads rows heavier than estimated by halving the chunk when Excel refuses the response', async () => {
    const state = new WorkbookState();
    const next = rng(3);
    const light = Array.from({ length: 2000 }, (_, i) => [`${i}`, 'a']);
    const heavy = Array.from({ length: 2000 }, () => [chineseText(next, 200), chineseText(next, 200)]);
    seed(state, '记录', [['编号', '内容'], ...light, ...heavy]);
    const limit = 200_000;
    const { fake, wb } = open(state, { payloadLimit: limit }, limit);
    const [grid] = await wb.readSheets(['记录']);
    expect(grid.rows).toEqual([['编号', '内容'], ...light, ...heavy]);
    expect(fake.log.some((s) => !s.ok)).toBe(true); // Excel refused at least once ...
    for (const sync of fake.log.filter((s) => s.ok)) expect(sync.responseBytes).toBeLessThanOrEqual(limit); // ... and never carried too much
  });

  it('turns error strings into errors and empty cells into null', async () => {
    const state = new WorkbookState();
    seed(state, '台账', [
      ['房号', '金额', '备注'],
      ['1-101', { error: '#N/A' }, null],
      ['1-102', { error: '#DIV/0!' }, '#SPILL!'],
      ['1-103', true, { error: '#GETTING_DATA' }],
    ]);
    const { wb } = open(state);
    const [grid] = await wb.readSheets(['台账']);
    expect(grid.rows).toEqual([
      ['房号', '金额', '备注'],
      ['1-101', { error: '#N/A' }, null],
      ['1-102', { error: '#DIV/0!' }, { error: '#SPILL!' }], // text spelling an error code reads as the error (see cells.ts)
      ['1-103', true, { error: '#GETTING_DATA' }],
    ]);
  });

  it('gives the origin of a used range that does not start at A1', async () => {
    const state = new WorkbookState();
    seed(state, 'My Sheet', [['房号', '金额'], ['1-101', 5]], { row: 2, col: 3 });
    const { wb } = open(state);
    const [grid] = await wb.readSheets(['My Sheet']);
    expect(grid).toEqual({ name: 'My Sheet', originRow: 2, originCol: 3, rows: [['房号', '金额'], ['1-101', 5]] });
  });

  it('reads an empty sheet as no rows, in one sync', async () => {
    const state = new WorkbookState();
    state.addSheet('空白');
    const { fake, wb } = open(state);
    expect(await wb.readSheets(['空白'])).toEqual([{ name: '空白', originRow: 0, originCol: 0, rows: [] }]);
    expect(fake.syncs).toBe(1);
  });

  it('finds a sheet whatever the case of its name, and names it as the workbook does', async () => {
    const state = new WorkbookState();
    seed(state, 'Tickets', [['Ticket ID']]);
    const { wb } = open(state);
    const grids = await wb.readSheets(['tickets', 'TICKETS']);
    expect(grids.map((g) => g.name)).toEqual(['Tickets']);
  });

  it.each([
    ['give null objects', 'propagate', 2],
    ['fail the batch', 'fail', 4],
  ] as const)('leaves out a missing sheet when methods of null objects %s', async (_, mode, syncs) => {
    const state = new WorkbookState();
    seed(state, '工单', [['工单号'], ['GD-1']]);
    const { fake, wb } = open(state, { nullObjectMethods: mode });
    const grids = await wb.readSheets(['设置', '工单']);
    expect(grids).toEqual([{ name: '工单', originRow: 0, originCol: 0, rows: [['工单号'], ['GD-1']] }]);
    expect(fake.syncs).toBe(syncs);
  });
});

describe('adding sheets', () => {
  it('sets up five sheets in the same number of syncs whatever their row count', async () => {
    const counts: number[] = [];
    for (const rowsEach of [0, 10, 500]) {
      const { fake, wb } = open(new WorkbookState());
      await wb.addSheets(setUpSheets(rowsEach), SETUP_NAMES);
      counts.push(fake.syncs);
      expectEverySyncWithin(fake, FIVE_MB);
    }
    expect(counts).toEqual([1, 1, 1]);
  });

  it('creates sheets, then the names, then the dropdowns that read them, in one sync (first set-up)', async () => {
    // The fake refuses a list source naming a name that does not exist yet, as Excel may.
    const state = new WorkbookState();
    const { fake, wb } = open(state);
    const result = await setUpWorkbook(wb);
    expect(result.created).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
    expect(result.namesAdded).toEqual(['DeskbookCategories', 'DeskbookDepartments', 'DeskbookFeeItems', 'DeskbookClerks']);
    expect(state.names.map((n) => n.name)).toEqual(result.namesAdded);
    const categoryColumn = state.sheet('工单')!.validationAt(1, 4) as { list: { source: string } };
    expect(categoryColumn.list.source).toBe('=DeskbookCategories');
    // reads: sheets and names (load), then the one write
    expect(fake.log.filter((s) => s.requestBytes > 0).length).toBe(1);
  });

  it('refuses, in the fake as Excel may, a dropdown naming a name that does not exist', async () => {
    const { wb } = open(new WorkbookState());
    const sheet: NewSheet = { name: '台账', columns: [{ header: '类别', list: { formula: '=DeskbookNothing' } }], rows: [] };
    await expect(wb.addSheets([sheet])).rejects.toMatchObject({ code: 'WRITE_FAILED' });
  });

  it('writes a 50,000-row sheet in one sync per payload chunk, none over 5 MB, and reads it back', async () => {
    const state = new WorkbookState();
    const { fake, wb } = open(state);
    const sheets = setUpSheets(50_000);
    await wb.addSheets(sheets, SETUP_NAMES);
    expectEverySyncWithin(fake, FIVE_MB);
    const written = fake.log.reduce((sum, s) => sum + s.requestBytes, 0);
    expect(fake.syncs).toBeLessThanOrEqual(1 + Math.ceil(written / (FIVE_MB * 0.8)));
    const [tickets] = await wb.readSheets(['工单']);
    expectSameRows(tickets.rows.slice(1), sheets[0].rows);
  });

  it('formats whole columns, sets widths in points, lists, a styled table and a frozen header', async () => {
    const state = new WorkbookState();
    const { wb } = open(state);
    const sheets = setUpSheets(20);
    await wb.addSheets(sheets, SETUP_NAMES);
    expect(state.sheets.map((s) => s.name)).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);

    const tickets = state.sheet('工单')!;
    // one number format per formatted column, over its 20 data rows
    expect(tickets.numberFormats).toHaveLength(7);
    expect(tickets.numberFormats[0]).toEqual({ box: { r0: 1, c0: 1, r1: 20, c1: 1 }, format: 'yyyy-mm-dd hh:mm' });
    expect(tickets.formatAt(0, 1)).toBe('General'); // the header keeps its format
    // 12 characters -> (12·7 + 5)·0.75 = 66.75 points; 40 -> 213.75
    expect(tickets.columnWidths.get(0)).toBe(66.75);
    expect(tickets.columnWidths.get(8)).toBe(213.75);
    expect(columnWidthPoints(10)).toBe(56.25);
    expect(tickets.validationAt(5, 3)).toEqual({ list: { inCellDropDown: true, source: '投诉,报修,咨询,建议,表扬' } });
    expect(tickets.validationAt(5, 4)).toEqual({ list: { inCellDropDown: true, source: '=DeskbookCategory' } });
    expect(tickets.validationAt(0, 3)).toBeUndefined(); // not on the header
    expect(tickets.frozenRows).toBe(1);

    const table = state.tables.find((t) => t.name === 'tblTickets')!;
    expect(table).toMatchObject({ sheet: tickets, r0: 0, c0: 0, r1: 20, c1: 23, style: TABLE_STYLE });
    expect(state.tables.map((t) => t.name)).toEqual(['tblTickets', 'tblCustomers', 'tblCharges', 'tblReminders', 'tblSettings']);
  });

  it('keeps text that looks like a formula, a number, a date or a boolean as text', async () => {
    const texts = [
      '=SUM(A1:A2)', '+86 138', '-', '-x', '@home', '  =x', '013800138000', '3-8', '2026-01-05', '12:30', '50%',
      '５０％', 'TRUE', 'false', 'Jan 5', "'quoted", '1-101', '(5)', '¥100', '=', '楼上漏水', 'GD-1',
    ];
    const state = new WorkbookState();
    const { wb } = open(state);
    await wb.addSheets([{ name: '文本', columns: [{ header: '内容' }], rows: texts.map((t) => [t]) }]);
    const sheet = state.sheet('文本')!;
    texts.forEach((text, i) => expect(sheet.get(i + 1, 0)).toBe(text));
    const [grid] = await wb.readSheets(['文本']);
    expect(grid.rows.slice(1)).toEqual(texts.map((t) => [t]));
  });

  it('keeps a typed error code as text in the sheet, and writes errors, numbers, booleans and empties', async () => {
    const state = new WorkbookState();
    const { wb } = open(state);
    await wb.addSheets([
      {
        name: '值',
        columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd' }, { header: 'e' }],
        rows: [['#N/A', { error: '#N/A' }, 12.5, false, null], [null, NaN, 0, true, 'x']],
      },
    ]);
    const sheet = state.sheet('值')!;
    expect(sheet.get(1, 0)).toBe('#N/A'); // text, not an error value
    expect(sheet.get(1, 1)).toEqual({ error: '#N/A' });
    expect(sheet.get(1, 2)).toBe(12.5);
    expect(sheet.get(1, 3)).toBe(false);
    expect(sheet.get(1, 4)).toBeUndefined();
    expect(sheet.get(2, 1)).toEqual({ error: '#NUM!' }); // a number Excel cannot hold
  });

  it('creates a table with its one blank row when there is no data', async () => {
    const state = new WorkbookState();
    const { wb } = open(state);
    await wb.addSheets([{ name: 'Settings', tableName: 'tblSettings', columns: [{ header: 'Setting', list: { values: ['a'] } }], rows: [] }]);
    expect(state.tables[0]).toMatchObject({ r0: 0, r1: 1 });
    expect(state.sheet('Settings')!.validationAt(1, 0)).toEqual({ list: { inCellDropDown: true, source: 'a' } });
  });

  it('refuses a row longer than the columns rather than dropping cells', async () => {
    const { wb } = open(new WorkbookState());
    await expect(wb.addSheets([{ name: 'x', columns: [{ header: 'a' }], rows: [['1', '2']] }])).rejects.toThrow(/2 cells for 1 columns/);
  });

  it('adds no sheet of a failed set-up silently: a taken name is a write failure', async () => {
    const state = new WorkbookState();
    state.addSheet('工单');
    const { wb } = open(state);
    const error = await wb.addSheets([{ name: '工单', columns: [{ header: 'x' }], rows: [] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: 'WRITE_FAILED' });
  });
});

describe('appending rows', () => {
  const ticketSheet: NewSheet = {
    name: '工单',
    tableName: 'tblTickets',
    columns: TICKET_HEADERS.map((header) => ({ header })),
    rows: ticketRows(5),
  };

  it.each([10, 1000])('appends %i rows to a table in the same number of syncs', async (count) => {
    const state = new WorkbookState();
    const setUp = open(state);
    await setUp.wb.addSheets([ticketSheet]);
    const { fake, wb } = open(state);
    const added = ticketRows(count, 99);
    await wb.appendRows('工单', added);
    expect(fake.syncs).toBe(3);
    expect(state.tables[0].r1).toBe(5 + count);
    const [grid] = await wb.readSheets(['工单']);
    expect(grid.rows.slice(6)).toEqual(added);
  });

  it('writes new rows just below the table, which absorbs them, and never adds table rows (co-authoring)', async () => {
    const state = new WorkbookState();
    await open(state).wb.addSheets([ticketSheet]);
    const { fake, wb } = open(state);
    await wb.appendRows('工单', ticketRows(3, 7));
    expect(fake.syncs).toBe(3);
    expect(state.tableRowAdds).toBe(0);
    expect(state.tables[0]).toMatchObject({ r0: 0, r1: 8 });
    const [grid] = await wb.readSheets(['工单']);
    expect(grid.rows.slice(6)).toEqual(ticketRows(3, 7));
  });

  it('inserts table rows instead when something of the clerk’s stands just below the table, keeping it', async () => {
    const state = new WorkbookState();
    await open(state).wb.addSheets([ticketSheet]);
    state.sheet('工单')!.set(7, 0, '合计：5 件');
    const { fake, wb } = open(state);
    await wb.appendRows('工单', ticketRows(2, 7));
    expect(fake.syncs).toBe(3);
    expect(state.tables[0]).toMatchObject({ r0: 0, r1: 7 });
    expect(state.tableRowAdds).toBe(1);
    expect(state.sheet('工单')!.get(9, 0)).toBe('合计：5 件');
  });

  it('fills the blank row of an empty table before adding rows below it', async () => {
    const state = new WorkbookState();
    await open(state).wb.addSheets([{ ...ticketSheet, rows: [] }]);
    const { wb } = open(state);
    await wb.appendRows('工单', ticketRows(2));
    expect(state.tables[0]).toMatchObject({ r0: 0, r1: 2 });
    const [grid] = await wb.readSheets(['工单']);
    expect(grid.rows).toEqual([TICKET_HEADERS, ...ticketRows(2)]);
  });

  it('appends below the used range of a sheet without a table, from its first column, in 2 syncs', async () => {
    const state = new WorkbookState();
    seed(state, '台账', [['房号', '金额'], ['1-101', 12.5]], { row: 1, col: 2 });
    const { fake, wb } = open(state);
    await wb.appendRows('台账', [['1-102', 3], ['=1+1', null]]);
    expect(fake.syncs).toBe(2);
    expect(state.grid('台账')).toEqual([
      ['房号', '金额'],
      ['1-101', 12.5],
      ['1-102', 3],
      ['=1+1', ''],
    ]);
    expect(state.sheet('台账')!.get(4, 2)).toBe('=1+1');
  });

  it('appends 50,000 rows to a table in chunks, none over 5 MB', async () => {
    const state = new WorkbookState();
    await open(state).wb.addSheets([ticketSheet]);
    const { fake, wb } = open(state);
    const added = ticketRows(50_000, 5);
    await wb.appendRows('工单', added);
    expectEverySyncWithin(fake, FIVE_MB);
    const written = fake.log.reduce((sum, s) => sum + s.requestBytes, 0);
    expect(fake.syncs).toBeLessThanOrEqual(2 + Math.ceil(written / (FIVE_MB * 0.8)));
    expect(state.tables[0].r1).toBe(50_005);
  });

  it.each(['propagate', 'fail'] as const)('says a missing sheet is not found (null objects: %s)', async (mode) => {
    const { wb } = open(new WorkbookState(), { nullObjectMethods: mode });
    await expect(wb.appendRows('不存在', [['x']])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does nothing for no rows', async () => {
    const state = new WorkbookState();
    seed(state, '台账', [['房号']]);
    const { fake, wb } = open(state);
    await wb.appendRows('台账', []);
    expect(fake.syncs).toBe(0);
  });
});

describe('a sheet named but missing', () => {
  const calls = [
    ['appendRows', (wb: OfficeWorkbook) => wb.appendRows('不存在', [['x']])],
    ['readRows', (wb: OfficeWorkbook) => wb.readRows('不存在', [0, 1])],
    ['setMarks', (wb: OfficeWorkbook) => wb.setMarks('不存在', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'error', key: null }] })],
  ] as const;

  // null objects that propagate: the one sync says the sheet is a null object. Null objects that fail
  // the batch: the failed sync, then one more for the sheet names.
  it.each([
    ['propagate', 1],
    ['fail', 2],
  ] as const)('is named in a NOT_FOUND error by every call (null objects: %s, %i syncs)', async (mode, syncs) => {
    for (const [, call] of calls) {
      const state = new WorkbookState();
      seed(state, '台账', [['房号'], ['1-101']]);
      const { fake, wb } = open(state, { nullObjectMethods: mode });
      const error = await call(wb).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'SHEET_MISSING', params: { sheet: '不存在' }, message: 'The workbook has no sheet named "不存在"' });
      expect(fake.syncs).toBe(syncs);
    }
  });
});
