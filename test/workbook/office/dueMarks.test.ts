// The due colours of ticket rows in Excel (the fake of fakeExcel.ts, which evaluates the add-in's
// rules): what the clerk sees on the hand-made ticket sheet of test/app/dueFixture.ts and on the
// demo's, that a problem mark shows over a row's colour whichever came first, and what each refresh
// costs: the same syncs for 18 rows as for 5,000, and a refresh that changes nothing writes nothing.
import { LiveDue, markDue, runDue } from '../../../src/app/due';
import { writeSample } from '../../../src/app/sample';
import { validateWorkbook } from '../../../src/app/validate';
import { DUE_MARKS, markSheetName, PROBLEM_MARKS } from '../../../src/workbook/marks';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { RowMark } from '../../../src/workbook/types';
import { AS_OF, at, HEADERS, writeFixture } from '../../app/dueFixture';
import { FakeContext, WorkbookState } from './fakeExcel';
import { TICKET_HEADERS, ticketRows } from './fixtures';

const OVERDUE = DUE_MARKS.style.overdue.fill;
const DUE_SOON = DUE_MARKS.style.dueSoon.fill;
const ERROR = PROBLEM_MARKS.style.error.fill;

function open(state: WorkbookState) {
  const context = new FakeContext(state);
  return { context, wb: new OfficeWorkbook(context.excel) };
}

async function fixtureState(): Promise<WorkbookState> {
  const state = new WorkbookState();
  await writeFixture(open(state).wb);
  return state;
}

describe('due colours in Excel', () => {
  it('colours the overdue and due-soon rows of the hand-made sheet, through a very-hidden sheet of their own', async () => {
    const state = await fixtureState();
    const { wb } = open(state);
    expect(await markDue(wb, { asOf: AS_OF })).toEqual({ ticketSheet: '工单', overdue: 3, dueSoon: 2, changed: true });
    // T01 (sheet row 2, 0-based 1), T07 and T14 overdue; T03 and T05 due soon (see due.test.ts)
    expect(state.shownRows('工单')).toEqual([
      { row: 1, fill: OVERDUE },
      { row: 3, fill: DUE_SOON },
      { row: 5, fill: DUE_SOON },
      { row: 7, fill: OVERDUE },
      { row: 14, fill: OVERDUE },
    ]);
    const name = markSheetName('工单', DUE_MARKS);
    expect(state.sheet(name)?.visibility).toBe('VeryHidden');
    // column A of the mark sheet, rows 0 to 15
    expect(Array.from({ length: 16 }, (_, r) => state.sheet(name)!.get(r, 0) ?? '')).toEqual(['', '4|T01', '', '3|T03', '', '3|T05', '', '4|T07', '', '', '', '', '', '', '4|T14', '']);
    expect(state.sheet('工单')!.conditionalFormats.map((cf) => [cf.formula, cf.fill, cf.font])).toEqual([
      [`=${name}!$A1="4|"&$A1`, OVERDUE, undefined],
      [`=${name}!$A1="3|"&$A1`, DUE_SOON, undefined],
    ]);
    // the clerk's cells are as they were, and the mark sheet is nobody's to list
    expect(state.grid('工单')[1].slice(0, 2)).toEqual(['T01', expect.any(Number)]);
    expect((await open(state).wb.listSheets()).map((s) => s.name)).toEqual(['工单']);
    expect(await open(state).wb.readRowMarks('工单')).toEqual<RowMark[]>([
      { row: 1, state: 'overdue', key: 'T01' },
      { row: 3, state: 'dueSoon', key: 'T03' },
      { row: 5, state: 'dueSoon', key: 'T05' },
      { row: 7, state: 'overdue', key: 'T07' },
      { row: 14, state: 'overdue', key: 'T14' },
    ]);
  });

  it.each([
    ['validation first', ['validate', 'due']],
    ['colours first', ['due', 'validate']],
  ])('shows a problem mark over the row colour (%s)', async (_name, order) => {
    const state = await fixtureState();
    for (const step of order) {
      if (step === 'due') await markDue(open(state).wb, { asOf: AS_OF });
      else await validateWorkbook(open(state).wb, { asOf: AS_OF, mark: true });
    }
    const description = HEADERS.indexOf('内容');
    // T01's 内容 is empty: a REQUIRED_MISSING error, shown over the row's overdue colour
    expect(state.fillAt('工单', 1, description)).toBe(ERROR);
    expect(state.fillAt('工单', 1, 0)).toBe(OVERDUE);
    expect(state.fillAt('工单', 3, 0)).toBe(DUE_SOON);
    expect(state.fillAt('工单', 2, 0)).toBeUndefined(); // T02: on time
    // the row colours' rules are the bottom two
    expect(state.sheet('工单')!.conditionalFormats.slice(-2).map((cf) => cf.fill)).toEqual([OVERDUE, DUE_SOON]);
  });

  it('moves a colour when a row is inserted above, and never paints the neighbour meanwhile', async () => {
    const state = await fixtureState();
    await markDue(open(state).wb, { asOf: AS_OF });
    // someone without the add-in inserts a row above T01: T01 moves to 0-based row 2
    state.sheet('工单')!.shiftRows(1, 1);
    expect(state.shownRows('工单').map((r) => r.row)).toEqual([]);
    await markDue(open(state).wb, { asOf: AS_OF });
    expect(state.shownRows('工单').map((r) => r.row)).toEqual([2, 4, 6, 8, 15]);
  });

  it.each([18, 5000])('takes constant syncs with %i rows: 2 the first time, 2 for no change (writing nothing), 3 for a change', async (n) => {
    const state = new WorkbookState();
    state.addSheet('工单', [TICKET_HEADERS, ...ticketRows(n)]);
    const key = (row: number) => state.sheet('工单')!.get(row, 0) as string;
    // every third ticket overdue, every seventh (not a third) due soon
    const marks = (shift: number): RowMark[] =>
      Array.from({ length: n }, (_, i) => i + 1).flatMap((row): RowMark[] =>
        (row + shift) % 3 === 0 ? [{ row, state: 'overdue', key: key(row) }] : (row + shift) % 7 === 0 ? [{ row, state: 'dueSoon', key: key(row) }] : [],
      );
    const first = open(state);
    expect(await first.wb.setRowMarks('工单', { keyCol: 0, marks: marks(0) })).toBe(true);
    expect(first.context.syncs).toBe(2);
    const shown = state.shownRows('工单');
    expect(shown.length).toBe(marks(0).length);

    const again = open(state);
    expect(await again.wb.setRowMarks('工单', { keyCol: 0, marks: marks(0) })).toBe(false);
    expect(again.context.syncs).toBe(2);
    expect(again.context.log.map((s) => s.requestBytes)).toEqual([0, 0]); // nothing written
    expect(state.shownRows('工单')).toEqual(shown);

    const changed = open(state);
    expect(await changed.wb.setRowMarks('工单', { keyCol: 0, marks: marks(1) })).toBe(true);
    expect(changed.context.syncs).toBe(3);
    expect(state.shownRows('工单').map((r) => r.row)).toEqual(marks(1).map((m) => m.row));
    expect(state.sheet('工单')!.conditionalFormats).toHaveLength(2); // the rules were added once
  });

  it('creates nothing for no colours on a sheet that never had any', async () => {
    const state = await fixtureState();
    const { wb, context } = open(state);
    expect(await wb.setRowMarks('工单', { keyCol: 0, marks: [] })).toBe(false);
    expect(context.syncs).toBe(1);
    expect(state.sheets.map((s) => s.name)).toEqual(['工单']);
  });
});

describe('due colours kept live in Excel', () => {
  it('follows an edit by reading the changed row only, and the clock by reading nothing of the tickets', async () => {
    const state = await fixtureState();
    const { live, lists } = await LiveDue.start(open(state).wb, { asOf: AS_OF });
    expect([lists.overdue.length, lists.dueSoon.length]).toEqual([3, 2]);
    // a clerk records T03 (sheet row 4, 0-based 3) resolved at 13:30: it is no longer due soon
    state.sheet('工单')!.set(3, HEADERS.indexOf('完成时间'), at('11-25 13:30'));
    const edit = open(state);
    const after = await live.onRowsChanged(edit.wb, '工单', [3], AS_OF);
    expect(after.changed).toBe(true);
    expect(after.lists.dueSoon.map((e) => e.id)).toEqual(['T05']);
    expect(state.shownRows('工单').map((r) => r.row)).toEqual([1, 5, 7, 14]);
    // one read of the row, then the colours: probe, mark sheet, the one row cleared
    expect(edit.context.syncs).toBe(4);
    expect(edit.context.log[0].responseBytes).toBeLessThan(2_000);
    // at 18:30 T05 is late too and T04 due: the timer reads no ticket, only the mark sheet
    const tick = open(state);
    const later = await live.refresh(tick.wb, '2026-11-25T18:30');
    expect([later.lists.overdue.length, later.lists.dueSoon.map((e) => e.id)]).toEqual([4, ['T04']]);
    expect(tick.context.syncs).toBe(3);
    expect(state.shownRows('工单')).toEqual([
      { row: 1, fill: OVERDUE },
      { row: 4, fill: DUE_SOON },
      { row: 5, fill: OVERDUE },
      { row: 7, fill: OVERDUE },
      { row: 14, fill: OVERDUE },
    ]);
    // an edit of another sheet changes nothing and costs nothing
    const other = open(state);
    expect((await live.onRowsChanged(other.wb, '客户', [2], AS_OF)).changed).toBe(false);
    expect(other.context.syncs).toBe(0);
  });
});

describe('due colours on the demo in Excel', () => {
  it('colour the rows the lists name, and agree with the file back end', async () => {
    const state = new WorkbookState();
    const sample = { asOf: '2026-11-25T17:30:00', lang: 'zh' as const };
    await writeSample(open(state).wb, sample);
    // the next day at 14:00, nobody having touched the sheet since 17:30:
    const asOf = '2026-11-26T14:00:00';
    const grid = state.grid('工单');
    const row = (id: string) => grid.findIndex((r) => r[0] === id);
    const cells = (id: string, header: string) => grid[row(id)][TICKET_HEADERS.indexOf(header)];
    // GD-20261125-R2D-002, a new inquiry received 11-25 10:56 with no response: due 11-26 10:56, late
    expect([cells('GD-20261125-R2D-002', '状态'), cells('GD-20261125-R2D-002', '首次响应时间')]).toEqual(['待派单', '']);
    // GD-20261125-X4P-003, a new repair received 14:48, no response: due 14:48, 0.8 h left;
    // GD-20261125-R2D-004 and -X4P-004, inquiries received 16:23 and 16:51 and answered: resolution
    // due 24 h on, 2.4 and 2.9 h left
    const { json } = await runDue(open(state).wb, { asOf });
    expect(json.overdue.map((e) => [e.id, e.deadlineFor, e.deadline])).toEqual([['GD-20261125-R2D-002', 'response', '2026-11-26T10:56:00']]);
    expect(json.dueSoon.map((e) => [e.id, e.deadlineFor, e.deadline])).toEqual([
      ['GD-20261125-X4P-003', 'response', '2026-11-26T14:48:00'],
      ['GD-20261125-R2D-004', 'resolution', '2026-11-26T16:23:00'],
      ['GD-20261125-X4P-004', 'resolution', '2026-11-26T16:51:00'],
    ]);
    await validateWorkbook(open(state).wb, { asOf, mark: true });
    await markDue(open(state).wb, { asOf });
    expect(state.shownRows('工单')).toEqual([
      { row: row('GD-20261125-R2D-002'), fill: OVERDUE },
      { row: row('GD-20261125-X4P-003'), fill: DUE_SOON },
      { row: row('GD-20261125-R2D-004'), fill: DUE_SOON },
      { row: row('GD-20261125-X4P-004'), fill: DUE_SOON },
    ]);
    // the JSON's rows are Excel's: one below the 0-based row
    expect(json.overdue[0].row).toBe(row('GD-20261125-R2D-002') + 1);
    // the validation marks the demo plants still show where they were
    expect(state.shownMarks('工单').length).toBeGreaterThan(0);

    const { FileWorkbook } = await import('../../../src/workbook/file');
    const file = FileWorkbook.create();
    await writeSample(file, sample);
    await markDue(file, { asOf });
    expect(await file.readRowMarks('工单')).toEqual(await open(state).wb.readRowMarks('工单'));
  });
});
