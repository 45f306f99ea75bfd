// The promise for Excel: live validation reads only the changed rows and uses at most 3
// context.sync calls per change event, whatever the table size. The real LiveValidator and the real
// Office.js back end, over the fake Excel of test/workbook/office (which counts syncs and payloads).
import { LiveValidator } from '../../src/app/validate';
import { OfficeWorkbook } from '../../src/workbook/office';
import { watchChanges } from '../../src/workbook/office/live';
import { FakeContext, WorkbookState } from '../workbook/office/fakeExcel';
import { TICKET_HEADERS, ticketRows } from '../workbook/office/fixtures';

const AS_OF = '2026-11-25T17:30:00';
const STATUS = TICKET_HEADERS.indexOf('状态');
const RESOLVED = TICKET_HEADERS.indexOf('完成时间');
const ID = TICKET_HEADERS.indexOf('工单号');

describe('live validation in Excel', () => {
  it('judges an edit of a 50,000-row table in at most 3 small syncs', async () => {
    const state = new WorkbookState();
    const rows = ticketRows(50_000);
    state.addSheet('工单', [TICKET_HEADERS, ...rows]);
    state.addTable('工单', 'tblTickets', 0, 0, 50_000, TICKET_HEADERS.length - 1);
    const { validator, report } = await LiveValidator.start(new OfficeWorkbook(new FakeContext(state).excel), { asOf: AS_OF });
    const before = report.problems.filter((p) => p.row === 6);

    // a clerk marks the ticket on sheet row 6 (0-based 5) resolved without a resolved time, and
    // copies the ID of row 2 into row 8 (0-based 7)
    const sheet = state.sheet('工单')!;
    sheet.set(5, STATUS, '已完成');
    sheet.set(5, RESOLVED, undefined);
    sheet.set(7, ID, rows[0][ID] as string);

    const context = new FakeContext(state);
    const after = await validator.onRowsChanged(new OfficeWorkbook(context.excel), '工单', [5, 7]);

    expect(context.syncs).toBeLessThanOrEqual(3);
    expect(context.syncs).toBe(2); // the two rows read (with the marks probe), then their marks set
    for (const sync of context.log) {
      expect(sync.responseBytes).toBeLessThan(10_000); // two rows and their marks, not 50,000 rows
      expect(sync.requestBytes).toBeLessThan(10_000);
    }
    const codes = (row: number) => after.problems.filter((p) => p.row === row).map((p) => p.code);
    expect(codes(6)).toContain('TICKET_STATUS_NEEDS_RESOLVED');
    expect(before.map((p) => p.code)).not.toContain('TICKET_STATUS_NEEDS_RESOLVED');
    expect(codes(8)).toContain('TICKET_DUPLICATE_ID');
    const marks = await new OfficeWorkbook(new FakeContext(state).excel).readMarks('工单');
    expect(marks).toContainEqual({ row: 5, col: RESOLVED, severity: 'error', key: rows[4][ID] });
    expect(marks).toContainEqual({ row: 7, col: ID, severity: 'error', key: rows[0][ID] });
  });

  it('keeps a mark on its ticket when a co-author inserts a row above it (and never on the neighbour)', async () => {
    const state = new WorkbookState();
    const rows = ticketRows(300);
    // ticket GD-000010 (sheet row 11, 0-based 10) is resolved without a resolved time: an error
    rows[9][STATUS] = '已完成';
    rows[9][RESOLVED] = null;
    state.addSheet('工单', [TICKET_HEADERS, ...rows]);
    state.addTable('工单', 'tblTickets', 0, 0, 300, TICKET_HEADERS.length - 1);
    const errorAt = (r: number) => state.shownMarks('工单').some((m) => m.row === r && m.col === RESOLVED && m.fill === '#FFC7CE');
    const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(new FakeContext(state).excel);

    // the pane: a full pass, then the watch; a whole-sheet change starts over from a full pass
    let live = (await LiveValidator.start(new OfficeWorkbook(new FakeContext(state).excel), { asOf: AS_OF })).validator;
    let pending: (() => void) | null = null;
    const timer = { set: (callback: () => void) => (pending = callback), clear: () => (pending = null) };
    const watch = await watchChanges({
      run,
      sheets: ['工单'],
      onRows: async (sheet, changed) => {
        await run((context) => live.onRowsChanged(new OfficeWorkbook(context), sheet, changed, AS_OF));
      },
      onSheet: async () => {
        live = (await run((context) => LiveValidator.start(new OfficeWorkbook(context), { asOf: AS_OF }))).validator;
      },
      timer,
    });
    expect(errorAt(10)).toBe(true);
    const neighbourHasOwn = errorAt(9); // GD-000009's own 完成时间 (the random fixture may have one)

    // a co-author, in Excel on the web without the add-in, inserts a row above and types a ticket in it
    const sheet = state.sheet('工单')!;
    sheet.shiftRows(2, 1);
    const typed = ticketRows(1, 99)[0];
    typed[ID] = 'GD-000301';
    typed.forEach((v, c) => sheet.set(2, c, v === null ? undefined : v));
    await state.fireChanged('工单', '3:3', 'RowInserted', 'Remote');
    await state.fireChanged('工单', 'A3:X3', 'RangeEdited', 'Remote');
    // until the pane has caught up, the stale mark is painted nowhere: not on GD-000009, which now
    // stands on the marked row, nor anywhere else
    expect(sheet.get(10, ID)).toBe('GD-000009');
    expect(errorAt(10)).toBe(false);
    expect(errorAt(11)).toBe(false);

    (pending as (() => void) | null)?.();
    await watch.idle();
    const marks = await new OfficeWorkbook(new FakeContext(state).excel).readMarks('工单');
    expect(marks.filter((m) => m.key === 'GD-000010')).toEqual([{ row: 11, col: RESOLVED, severity: 'error', key: 'GD-000010' }]);
    // every mark is on the row that holds its ticket now
    for (const m of marks) expect(m.key).toBe(sheet.get(m.row, ID));
    expect(errorAt(11)).toBe(true);
    expect(errorAt(10)).toBe(neighbourHasOwn);
    // and the pane's list knows the ticket's new row (sheet row 12)
    expect(live.report.problems.filter((p) => p.code === 'TICKET_STATUS_NEEDS_RESOLVED').map((p) => p.row)).toContain(12);
    await watch.stop();
  });
});
