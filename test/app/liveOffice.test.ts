// The promise for Excel: live validation reads only the changed rows and uses at most 3
// context.sync calls per change event, whatever the table size. The real LiveValidator and the real
// Office.js back end, over the fake Excel of test/workbook/office (which counts syncs and payloads).
import { LiveValidator } from '../../src/app/validate';
import { OfficeWorkbook } from '../../src/workbook/office';
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
    expect(marks).toContainEqual({ row: 5, col: RESOLVED, severity: 'error' });
    expect(marks).toContainEqual({ row: 7, col: ID, severity: 'error' });
  });
});
