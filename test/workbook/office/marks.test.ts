// Problem marks, readRows, selectCell and live changes over the fake Excel: what is created, how many
// syncs each takes, and what one change event costs on a 50,000-row table.
import { OfficeWorkbook } from '../../../src/workbook/office';
import { rowChanges, watchChanges, DebounceTimer } from '../../../src/workbook/office/live';
import { markSheetName } from '../../../src/workbook/marks';
import { CellMark } from '../../../src/workbook/types';
import { ConditionalFormatState, FakeContext, WorkbookState } from './fakeExcel';
import { TICKET_HEADERS, ticketRows } from './fixtures';

function ledger(): WorkbookState {
  const state = new WorkbookState();
  state.addSheet('台账', [
    ['房号', '金额'],
    ['1-101', 12.5],
    ['1-102', null],
  ]);
  return state;
}

function open(state: WorkbookState) {
  const fake = new FakeContext(state);
  return { fake, wb: new OfficeWorkbook(fake.excel) };
}

/** A timer the test fires by hand. */
function manualTimer() {
  let pending: (() => void) | null = null;
  const timer: DebounceTimer = {
    set: (callback) => {
      pending = callback;
      return callback;
    },
    clear: () => {
      pending = null;
    },
  };
  return {
    timer,
    fire() {
      const callback = pending;
      pending = null;
      callback?.();
    },
  };
}

/** `Excel.run` over the fake: a fresh context per batch, every context kept for counting syncs. */
function runner(state: WorkbookState) {
  const contexts: FakeContext[] = [];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const fake = new FakeContext(state);
    contexts.push(fake);
    return batch(fake.excel);
  };
  return { run, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncs, 0) };
}

describe('Office marks', () => {
  it('creates a very-hidden mark sheet and two whole-sheet conditional formats reading it', async () => {
    const state = ledger();
    const { fake, wb } = open(state);
    await wb.setMarks('台账', { keyCol: 0, marks: [
      { row: 1, col: 1, severity: 'error', key: '1-101' },
      { row: 2, col: 0, severity: 'warning', key: '1-102' },
    ] });
    expect(fake.syncs).toBe(2); // probe, then set-up + writes
    const name = markSheetName('台账');
    const marks = state.sheet(name);
    expect(marks?.visibility).toBe('VeryHidden');
    expect(marks?.get(1, 1)).toBe('2|1-101');
    expect(marks?.get(2, 0)).toBe('1|1-102');
    const formats = state.sheet('台账')?.conditionalFormats ?? [];
    expect(formats.map((f) => [f.type, f.formula, f.fill, f.font]).sort()).toEqual([
      ['Custom', `=${name}!A1="1|"&$A1`, '#FFEB9C', '#9C5700'],
      ['Custom', `=${name}!A1="2|"&$A1`, '#FFC7CE', '#9C0006'],
    ]);
    expect(state.shownMarks('台账')).toEqual([
      { row: 1, col: 1, fill: '#FFC7CE' },
      { row: 2, col: 0, fill: '#FFEB9C' },
    ]);
    expect(formats.every((f) => f.box.r0 === 0 && f.box.c0 === 0 && f.box.r1 === 1_048_575 && f.box.c1 === 16_383)).toBe(true);
    // the clerk's values are untouched
    expect(state.grid('台账')).toEqual([
      ['房号', '金额'],
      ['1-101', 12.5],
      ['1-102', ''],
    ]);
  });

  it('never adds a second copy of its conditional formats and leaves the clerk rules alone', async () => {
    const state = ledger();
    const clerkRule = new ConditionalFormatState('Custom', { r0: 1, c0: 1, r1: 100, c1: 1 });
    clerkRule.formula = '=B2>100';
    state.sheet('台账')?.conditionalFormats.push(clerkRule);
    for (let i = 0; i < 3; i++) await open(state).wb.setMarks('台账', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'error', key: null }] });
    const formats = state.sheet('台账')?.conditionalFormats ?? [];
    expect(formats).toHaveLength(3);
    expect(formats).toContain(clerkRule);
    expect(clerkRule.formula).toBe('=B2>100');
  });

  it('re-adds a rule the clerk deleted, and only that one', async () => {
    const state = ledger();
    await open(state).wb.setMarks('台账', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'error', key: null }] });
    const formats = state.sheet('台账')?.conditionalFormats ?? [];
    formats.splice(formats.findIndex((f) => f.formula?.includes('"2|"')), 1);
    await open(state).wb.setMarks('台账', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'error', key: null }] });
    expect(formats.map((f) => f.formula?.slice(-9)).sort()).toEqual(['="1|"&$A1', '="2|"&$A1']);
  });

  it('replaces its rules keyed by another column, or by none (an earlier version), and keeps the clerk’s', async () => {
    const state = ledger();
    const name = markSheetName('台账');
    const clerkRule = new ConditionalFormatState('Custom', { r0: 1, c0: 1, r1: 100, c1: 1 });
    clerkRule.formula = '=B2>100';
    const formats = state.sheet('台账')?.conditionalFormats ?? [];
    formats.push(clerkRule);
    for (const formula of [`=${name}!A1=2`, `=${name}!A1="1|"&$C1`]) {
      const old = new ConditionalFormatState('Custom', { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 });
      old.formula = formula;
      formats.push(old);
    }
    await open(state).wb.setMarks('台账', { keyCol: 1, marks: [{ row: 1, col: 0, severity: 'error', key: 12.5 }] });
    expect(formats.map((f) => f.formula).sort()).toEqual(['=B2>100', `=${name}!A1="1|"&$B1`, `=${name}!A1="2|"&$B1`]);
    expect(state.sheet(name)?.get(1, 0)).toBe('2|12.5');
    expect(state.shownMarks('台账')).toEqual([{ row: 1, col: 0, fill: '#FFC7CE' }]);
  });

  it('creates nothing for no marks when there is no mark sheet, after one probe', async () => {
    const state = ledger();
    const { fake, wb } = open(state);
    await wb.setMarks('台账', { keyCol: 0, marks: [] });
    expect(state.sheets.map((s) => s.name)).toEqual(['台账']);
    expect(state.sheet('台账')?.conditionalFormats).toEqual([]);
    expect(fake.syncs).toBe(1);
  });

  it('takes one sync for setMarks after readRows of the same sheet, even the first time', async () => {
    const state = ledger();
    const { fake, wb } = open(state);
    await wb.readRows('台账', [0, 2]);
    expect(fake.syncs).toBe(1);
    await wb.setMarks('台账', { keyCol: 0, marks: [{ row: 2, col: 1, severity: 'error', key: null }] }, { rows: [2] });
    expect(fake.syncs).toBe(2);
    await wb.setMarks('台账', { keyCol: 0, marks: [{ row: 1, col: 1, severity: 'warning', key: null }] }, { rows: [1] });
    expect(fake.syncs).toBe(3);
    expect(await wb.readMarks('台账')).toEqual([
      { row: 1, col: 1, severity: 'warning', key: '' },
      { row: 2, col: 1, severity: 'error', key: '' },
    ]);
  });

  it('writes marks of many rows as blocks, in more syncs only when they outweigh the payload budget', async () => {
    const state = new WorkbookState();
    state.addSheet('工单', [TICKET_HEADERS, ...ticketRows(2000)]);
    const marks: CellMark[] = [];
    for (let r = 1; r <= 2000; r++) marks.push({ row: r, col: r % 24, severity: r % 3 === 0 ? 'warning' : 'error', key: null });
    const fake = new FakeContext(state);
    const wb = new OfficeWorkbook(fake.excel, { maxPayloadBytes: 50_000 });
    await wb.setMarks('工单', { keyCol: 0, marks: marks });
    expect(fake.syncs).toBeGreaterThan(2);
    for (const sync of fake.log) expect(sync.requestBytes).toBeLessThanOrEqual(50_000);
    expect((await new OfficeWorkbook(new FakeContext(state).excel).readMarks('工单')).length).toBe(2000);
  });
});

describe('Office readRows and selectCell', () => {
  it('reads a row whose used part is narrower than the sheet as the full used width', async () => {
    const state = new WorkbookState();
    state.addSheet('S', [
      [null, 'a', 'b', 'c'],
      [null, 'x'],
      [null, null, null, 'z'],
    ]);
    const { wb } = open(state);
    const read = await wb.readRows('S', [2, 1, 0]);
    expect(read.originCol).toBe(1);
    expect(read.rows).toEqual([
      [null, null, 'z'],
      ['x', null, null],
      ['a', 'b', 'c'],
    ]);
  });

  it('activates the sheet and selects the cell in one sync; false for a missing sheet', async () => {
    const state = ledger();
    state.addSheet('其他', [['x']]);
    const { fake, wb } = open(state);
    expect(await wb.selectCell('台账', 2, 1)).toBe(true);
    expect(fake.syncs).toBe(1);
    expect(state.activeSheet?.name).toBe('台账');
    expect(state.selection).toEqual({ sheet: '台账', address: 'B3' });
    expect(await wb.selectCell('不存在', 0, 0)).toBe(false);
  });
});

describe('rowChanges', () => {
  it('maps edits, multi-area edits and whole columns', () => {
    expect(rowChanges('RangeEdited', 'B5:D7')).toEqual([{ kind: 'rows', first: 4, last: 6 }]);
    expect(rowChanges('RangeEdited', 'C7, A5:X5')).toEqual([
      { kind: 'rows', first: 6, last: 6 },
      { kind: 'rows', first: 4, last: 4 },
    ]);
    expect(rowChanges('RangeEdited', '5:9')).toEqual([{ kind: 'rows', first: 4, last: 8 }]);
    expect(rowChanges('RangeEdited', 'A:C')).toEqual([{ kind: 'sheet' }]);
    expect(rowChanges('RangeEdited', 'A1:A1048576')).toEqual([{ kind: 'sheet' }]);
  });

  it('maps rows and columns inserted or deleted, and cell shifts, to the whole sheet', () => {
    expect(rowChanges('RowInserted', '5:7')).toEqual([{ kind: 'sheet' }]);
    expect(rowChanges('RowDeleted', 'A5:XFD5')).toEqual([{ kind: 'sheet' }]);
    expect(rowChanges('ColumnInserted', 'B:B')).toEqual([{ kind: 'sheet' }]);
    expect(rowChanges('CellDeleted', 'B2:C3')).toEqual([{ kind: 'sheet' }]);
    expect(rowChanges('RangeEdited', 'not an address')).toEqual([{ kind: 'sheet' }]);
  });
});

/** The ID of fixture ticket row r (ticketRows numbers them from sheet row 1). */
const ticketId = (r: number) => `GD-${String(r).padStart(6, '0')}`;

describe('live changes', () => {
  async function bigTable(rows = 50_000) {
    const state = new WorkbookState();
    state.addSheet('工单', [TICKET_HEADERS, ...ticketRows(rows)]);
    state.addTable('工单', 'tblTickets', 0, 0, rows, 23);
    // the sheet already carries marks from an earlier full validation
    const marks: CellMark[] = [
      { row: 4, col: 0, severity: 'error', key: ticketId(4) },
      { row: 9000, col: 3, severity: 'warning', key: ticketId(9000) },
    ];
    await open(state).wb.setMarks('工单', { keyCol: 0, marks: marks.filter((m) => m.row <= rows) });
    return state;
  }

  /** What LiveValidator.onRowsChanged does: read the header and the rows, mark, scoped. */
  function validator(run: ReturnType<typeof runner>['run'], seen: { rows: number[][]; read: unknown[][][] }) {
    return async (sheet: string, rows: number[]) => {
      seen.rows.push(rows);
      await run(async (context) => {
        const wb = new OfficeWorkbook(context);
        const read = await wb.readRows(sheet, [0, ...rows]);
        seen.read.push(read.rows);
        // a stand-in rule: the 状态 (column 12) of each changed row is flagged
        const marks: CellMark[] = rows.map((row, i) => ({ row, col: 12, severity: 'warning', key: read.rows[i + 1][0] }));
        await wb.setMarks(sheet, { keyCol: 0, marks }, { rows });
      });
    };
  }

  it('hands rows 5 and 7 of a 50,000-row table over once, and the whole event takes at most 3 small syncs', async () => {
    const state = await bigTable();
    const { run, contexts, syncs } = runner(state);
    const clock = manualTimer();
    const seen = { rows: [] as number[][], read: [] as unknown[][][] };
    const watch = await watchChanges({ run, sheets: ['工单'], onRows: validator(run, seen), onSheet: () => { throw new Error('not expected'); }, timer: clock.timer });
    expect(syncs()).toBe(1); // registration
    const before = syncs();
    const logBefore = contexts.length;

    await state.fireChanged('工单', 'A5:X5');
    await state.fireChanged('工单', 'C7');
    expect(seen.rows).toEqual([]); // debounced
    clock.fire();
    await watch.idle();

    expect(seen.rows).toEqual([[4, 6]]);
    const eventSyncs = syncs() - before;
    expect(eventSyncs).toBeLessThanOrEqual(3);
    expect(eventSyncs).toBe(2); // readRows (with the marks probe), then setMarks
    const log = contexts.slice(logBefore).flatMap((c) => c.log);
    for (const sync of log) {
      expect(sync.ok).toBe(true);
      // three rows of 24 cells read, two short rows of marks written: a few kB, not 50,000 rows
      expect(sync.responseBytes).toBeLessThan(5_000);
      expect(sync.requestBytes).toBeLessThan(1_000);
    }
    expect(seen.read[0]).toHaveLength(3);
    expect(seen.read[0][0]).toEqual(TICKET_HEADERS);
    expect((seen.read[0][1] as unknown[])[0]).toBe('GD-000004');
    expect((seen.read[0][2] as unknown[])[0]).toBe('GD-000006');

    const marks = await new OfficeWorkbook(new FakeContext(state).excel).readMarks('工单');
    expect(marks).toEqual([
      { row: 4, col: 12, severity: 'warning', key: ticketId(4) }, // row 4's old error replaced
      { row: 6, col: 12, severity: 'warning', key: ticketId(6) },
      { row: 9000, col: 3, severity: 'warning', key: ticketId(9000) }, // outside the event: kept
    ]);
    expect(state.shownMarks('工单').map((m) => [m.row, m.col])).toEqual([[4, 12], [6, 12], [9000, 3]]);
    await watch.stop();
    expect(state.sheet('工单')?.changeHandlers).toEqual([]);
  });

  it.each(['Local', 'Remote'] as const)(
    'hands the whole sheet over for a row inserted (%s), never shifts the mark sheet, and shows no mark on a neighbour meanwhile',
    async (source) => {
      const state = await bigTable(10_000);
      const { run, syncs } = runner(state);
      const clock = manualTimer();
      const onRows = jest.fn();
      const onSheet = jest.fn();
      const watch = await watchChanges({ run, sheets: ['工单'], onRows, onSheet, timer: clock.timer });
      expect(state.shownMarks('工单').map((m) => [m.row, m.col])).toEqual([[4, 0], [9000, 3]]);
      const before = syncs();

      state.sheet('工单')?.shiftRows(2, 1); // what Excel did to the data: GD-000004 is now on row 5
      await state.fireChanged('工单', '3:3', 'RowInserted', source);
      // the mark sheet has not moved; its marks no longer match their rows' keys, so none is painted
      // on the ticket that moved up under it (GD-000003 on row 4) or anywhere else
      expect(state.sheet(markSheetName('工单'))?.get(4, 0)).toBe(`2|${ticketId(4)}`);
      expect(state.shownMarks('工单')).toEqual([]);

      clock.fire();
      await watch.idle();
      expect(onSheet).toHaveBeenCalledWith('工单');
      expect(onSheet).toHaveBeenCalledTimes(1);
      expect(onRows).not.toHaveBeenCalled();
      expect(syncs() - before).toBe(0); // nothing of its own: the caller reads and marks the sheet again
      await watch.stop();
    },
  );

  it('hands over the whole sheet, not rows gone stale, when rows are deleted after edits', async () => {
    const state = await bigTable(100);
    const { run } = runner(state);
    const clock = manualTimer();
    const onRows = jest.fn();
    const onSheet = jest.fn();
    const watch = await watchChanges({ run, sheets: ['工单'], onRows, onSheet, timer: clock.timer });
    await state.fireChanged('工单', 'A10:B10');
    await state.fireChanged('工单', 'A3');
    state.sheet('工单')?.shiftRows(2, -2);
    await state.fireChanged('工单', '3:4', 'RowDeleted');
    clock.fire();
    await watch.idle();
    expect(onSheet).toHaveBeenCalledTimes(1);
    expect(onRows).not.toHaveBeenCalled();
  });

  it('removes its handlers in the request context they were added in (Excel.run(handler.context, …))', async () => {
    const state = await bigTable(20);
    const { run, contexts } = runner(state);
    const clock = manualTimer();
    const seenContexts: Excel.RequestContext[] = [];
    const runIn = <T,>(context: Excel.RequestContext, batch: (c: Excel.RequestContext) => Promise<T>): Promise<T> => {
      seenContexts.push(context);
      return batch(context);
    };
    const watch = await watchChanges({ run, runIn, sheets: ['工单'], onRows: jest.fn(), onSheet: jest.fn(), timer: clock.timer });
    expect(state.sheet('工单')?.changeHandlers).toHaveLength(1);
    await watch.stop();
    expect(seenContexts).toEqual([contexts[0].excel]); // once, in the registration's context
    expect(state.sheet('工单')?.changeHandlers).toEqual([]);
  });

  it('falls back to the whole sheet beyond the row cap and for columns; follows a co-author’s edit row by row', async () => {
    const state = await bigTable(100);
    const { run } = runner(state);
    const clock = manualTimer();
    const onRows = jest.fn();
    const onSheet = jest.fn();
    const watch = await watchChanges({ run, sheets: ['工单'], onRows, onSheet, timer: clock.timer, maxRows: 50 });
    await state.fireChanged('工单', 'A2:X80');
    clock.fire();
    await watch.idle();
    expect(onSheet).toHaveBeenCalledWith('工单');
    expect(onRows).not.toHaveBeenCalled();

    await state.fireChanged('工单', 'B:B', 'ColumnDeleted');
    await watch.flush();
    expect(onSheet).toHaveBeenCalledTimes(2);

    // a co-author typed into A2 and D7: those rows are read again, as the clerk's own edits are
    await state.fireChanged('工单', 'A2', 'RangeEdited', 'Remote');
    await state.fireChanged('工单', 'D7', 'RangeEdited', 'Remote');
    await watch.flush();
    expect(onRows).toHaveBeenCalledWith('工单', [1, 6]);
    expect(onSheet).toHaveBeenCalledTimes(2);
    await watch.stop();
  });

  it('reports a failing callback and keeps watching', async () => {
    const state = await bigTable(10);
    const { run } = runner(state);
    const clock = manualTimer();
    const errors: unknown[] = [];
    const onRows = jest.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
    const watch = await watchChanges({ run, sheets: ['工单'], onRows, onSheet: jest.fn(), onError: (e) => errors.push(e), timer: clock.timer });
    await state.fireChanged('工单', 'A2');
    clock.fire();
    await watch.idle();
    await state.fireChanged('工单', 'A3');
    clock.fire();
    await watch.idle();
    expect(errors).toHaveLength(1);
    expect(onRows).toHaveBeenLastCalledWith('工单', [2]);
  });
});
