// The contract every Workbook back end keeps. Each back end's test file calls
// describeWorkbookContract with a factory; the same assertions then run against files and against
// Office.js (through a fake Excel).
import { markSheetName } from '../../src/workbook/marks';
import { Cell, CellMark, NewSheet, ReportSheet, Workbook } from '../../src/workbook/types';

export interface ContractSubject {
  /** a workbook holding one clerk's sheet named '台账' with rows [['房号','金额'],['1-101',12.5],['1-102',null]] */
  wb: Workbook;
  /** the same workbook as seen after saving and opening again (files: toBytes + open) */
  reopen(): Promise<Workbook>;
  /** the add-in's marks on a sheet, as the back end stored them (its mark sheet) */
  marks(wb: Workbook, sheet: string): Promise<CellMark[]>;
  /** what selectCell answers: true in Excel, false on a file */
  readonly selects: boolean;
}

const byCell = (a: CellMark, b: CellMark) => a.row - b.row || a.col - b.col;

const TICKETS: NewSheet = {
  name: '工单',
  tableName: 'tblTickets',
  freezeHeader: true,
  columns: [
    { header: '工单号', width: 16 },
    { header: '受理时间', width: 17, numberFormat: 'yyyy-mm-dd hh:mm' },
    { header: '类型', width: 8, list: { values: ['投诉', '报修', '咨询'] } },
    { header: '应收金额', width: 12, numberFormat: '#,##0.00' },
    { header: '内容', width: 30 },
  ],
  rows: [
    ['GD-1', 46350.5, '投诉', 12.34, '楼上漏水'],
    ['GD-2', 46351.25, '报修', 0, '=SUM(A1:A2)'],
    ['GD-3', null, null, null, '+86 138'],
  ],
};

const EMPTY_TABLE: NewSheet = {
  name: 'Settings',
  tableName: 'tblSettings',
  freezeHeader: true,
  columns: [{ header: 'Setting' }, { header: 'Value' }],
  rows: [],
};

const REPORT: ReportSheet = {
  name: '月报 2026-11',
  rows: [
    ['月报 2026-11', null, null],
    ['指标', '本期', '上期'],
    ['受理量', 128, 117],
    ['及时办结率', 0.884, 0.9],
    ['=SUM(A1:A3)', '+86 138', '-3 度'],
    ['@前台', '013800138000', 'TRUE'],
  ],
  styles: [['title'], ['header', 'header', 'header'], ['label', 'integer', 'integer'], ['label', 'percent', 'percent'], ['text', 'text', 'text'], ['text', 'text', 'text']],
  merges: [{ row: 0, col: 0, rows: 1, cols: 3 }],
  widths: [16, 10, 10],
  printTitleRows: { first: 1, last: 1 },
  charts: [{ type: 'column', title: '受理量', data: { row: 1, col: 0, rows: 2, cols: 3 }, anchor: { row: 0, col: 4 } }],
};

function dataRows(rows: ReadonlyArray<ReadonlyArray<Cell>>): ReadonlyArray<ReadonlyArray<Cell>> {
  return rows.slice(1);
}

export function describeWorkbookContract(label: string, factory: () => Promise<ContractSubject>): void {
  describe(`Workbook contract: ${label}`, () => {
    it('lists the clerk sheet and reads it as a grid of plain values', async () => {
      const { wb } = await factory();
      const sheets = await wb.listSheets();
      expect(sheets.map((s) => s.name)).toEqual(['台账']);
      const [grid] = await wb.readSheets(['台账']);
      expect(grid.name).toBe('台账');
      expect(grid.originRow).toBe(0);
      expect(grid.originCol).toBe(0);
      expect(grid.rows).toEqual([
        ['房号', '金额'],
        ['1-101', 12.5],
        ['1-102', null],
      ]);
    });

    it('leaves a missing sheet out of a read', async () => {
      const { wb } = await factory();
      const grids = await wb.readSheets(['台账', '不存在']);
      expect(grids.map((g) => g.name)).toEqual(['台账']);
    });

    it('adds sheets with tables at the end and reads back exactly what it wrote', async () => {
      const subject = await factory();
      await subject.wb.addSheets([TICKETS, EMPTY_TABLE]);
      for (const wb of [subject.wb, await subject.reopen()]) {
        const sheets = await wb.listSheets();
        expect(sheets.map((s) => s.name)).toEqual(['台账', '工单', 'Settings']);
        expect(sheets[1].tables).toEqual(['tblTickets']);
        expect(sheets[2].tables).toEqual(['tblSettings']);
        const [tickets, settings] = await wb.readSheets(['工单', 'Settings']);
        expect(tickets.rows[0]).toEqual(TICKETS.columns.map((c) => c.header));
        // formula-like text stays text: nothing a clerk typed becomes a formula
        expect(dataRows(tickets.rows)).toEqual(TICKETS.rows);
        expect(settings.rows[0]).toEqual(['Setting', 'Value']);
        expect(dataRows(settings.rows).every((r) => r.every((c) => c === null))).toBe(true);
      }
    });

    it('appends rows below the last used row of a created table and of a clerk sheet', async () => {
      const subject = await factory();
      await subject.wb.addSheets([TICKETS]);
      await subject.wb.appendRows('工单', [['GD-4', 46352, '咨询', 5, '新增']]);
      await subject.wb.appendRows('台账', [['1-103', 7]]);
      for (const wb of [subject.wb, await subject.reopen()]) {
        const [tickets, ledger] = await wb.readSheets(['工单', '台账']);
        expect(tickets.rows.length).toBe(5);
        expect(tickets.rows[4]).toEqual(['GD-4', 46352, '咨询', 5, '新增']);
        expect(ledger.rows).toEqual([
          ['房号', '金额'],
          ['1-101', 12.5],
          ['1-102', null],
          ['1-103', 7],
        ]);
      }
    });

    it('fills single cells in place, only where each and its guard still hold what was read', async () => {
      const subject = await factory();
      const skipped = await subject.wb.writeCells('台账', [
        // 1-102's empty 金额, tied to its row by the unit
        { row: 2, col: 1, value: 7.5, was: null, guard: { col: 0, was: '1-102' } },
        // a cell beside the table, in a new column
        { row: 1, col: 2, value: '已核对', was: null },
        // a cell read as empty that holds 12.5: someone typed there since
        { row: 1, col: 1, value: 99, was: null },
        // the row moved: 1-101 is not where it was read
        { row: 2, col: 2, value: '错行', was: null, guard: { col: 0, was: '1-101' } },
        // a row below the used range
        { row: 4, col: 0, value: '1-104', was: null },
      ]);
      expect(skipped.map((w) => [w.row, w.col])).toEqual([
        [1, 1],
        [2, 2],
      ]);
      for (const wb of [subject.wb, await subject.reopen()]) {
        const [grid] = await wb.readSheets(['台账']);
        expect(grid.rows).toEqual([
          ['房号', '金额', null],
          ['1-101', 12.5, '已核对'],
          ['1-102', 7.5, null],
          [null, null, null],
          ['1-104', null, null],
        ]);
      }
    });

    it('fills nothing and skips nothing for no writes, and refuses a sheet that does not exist', async () => {
      const subject = await factory();
      expect(await subject.wb.writeCells('台账', [])).toEqual([]);
      await expect(subject.wb.writeCells('不存在', [{ row: 1, col: 0, value: 'x', was: null }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('reads only the rows asked for, in the order asked, each as wide as the used range', async () => {
      const { wb } = await factory();
      const read = await wb.readRows('台账', [0, 2, 1]);
      expect(read.name).toBe('台账');
      expect(read.originCol).toBe(0);
      expect(read.rows).toEqual([
        ['房号', '金额'],
        ['1-102', null],
        ['1-101', 12.5],
      ]);
    });

    it('reads a row beyond the used range as an empty row of the used width', async () => {
      const { wb } = await factory();
      const read = await wb.readRows('台账', [0, 10]);
      expect(read.rows).toEqual([
        ['房号', '金额'],
        [null, null],
      ]);
    });

    it('refuses to read rows of a sheet that does not exist', async () => {
      const { wb } = await factory();
      await expect(wb.readRows('不存在', [0])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('sets marks, replaces them row by row with a scope, and clears them, leaving the values alone', async () => {
      const subject = await factory();
      const { wb } = subject;
      await wb.setMarks('台账', { keyCol: 0, marks: [
        { row: 1, col: 1, severity: 'error', key: '1-101' },
        { row: 2, col: 0, severity: 'warning', key: '1-102' },
      ] });
      expect((await subject.marks(wb, '台账')).sort(byCell)).toEqual([
        { row: 1, col: 1, severity: 'error', key: '1-101' },
        { row: 2, col: 0, severity: 'warning', key: '1-102' },
      ]);

      // row 1 fixed (its error gone), a new warning on it; row 2 is outside the scope and keeps its mark
      await wb.setMarks('台账', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'warning', key: '1-101' }] }, { rows: [1] });
      const afterScope = [
        { row: 1, col: 0, severity: 'warning', key: '1-101' },
        { row: 2, col: 0, severity: 'warning', key: '1-102' },
      ];
      expect((await subject.marks(wb, '台账')).sort(byCell)).toEqual(afterScope);

      for (const seen of [wb, await subject.reopen()]) {
        // the mark sheet is ours, not the user's: not listed, not readable as a user sheet
        expect((await seen.listSheets()).map((s) => s.name)).toEqual(['台账']);
        expect(await seen.readSheets([markSheetName('台账')])).toEqual([]);
        const [grid] = await seen.readSheets(['台账']);
        expect(grid.rows).toEqual([
          ['房号', '金额'],
          ['1-101', 12.5],
          ['1-102', null],
        ]);
        expect((await subject.marks(seen, '台账')).sort(byCell)).toEqual(afterScope);
      }

      await wb.setMarks('台账', { keyCol: 0, marks: [] });
      expect(await subject.marks(wb, '台账')).toEqual([]);
      expect((await wb.listSheets()).map((s) => s.name)).toEqual(['台账']);
    });

    it('keeps a second setMarks of a sheet idempotent and an empty first one a no-op', async () => {
      const subject = await factory();
      await subject.wb.setMarks('台账', { keyCol: 0, marks: [] });
      await subject.wb.setMarks('台账', { keyCol: 0, marks: [] }, { rows: [1, 2] });
      expect(await subject.marks(subject.wb, '台账')).toEqual([]);
      await subject.wb.setMarks('台账', { keyCol: 0, marks: [{ row: 2, col: 1, severity: 'error', key: '1-102' }] });
      await subject.wb.setMarks('台账', { keyCol: 0, marks: [{ row: 2, col: 1, severity: 'error', key: '1-102' }] });
      expect(await subject.marks(subject.wb, '台账')).toEqual([{ row: 2, col: 1, severity: 'error', key: '1-102' }]);
    });

    it('refuses marks on a sheet that does not exist', async () => {
      const { wb } = await factory();
      await expect(wb.setMarks('不存在', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'error', key: '1-101' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('answers selectCell as the host can: true in Excel, false on a file', async () => {
      const subject = await factory();
      expect(await subject.wb.selectCell('台账', 2, 1)).toBe(subject.selects);
    });

    it('writes a report sheet at the end and reads back its values, formula-like text as text', async () => {
      const subject = await factory();
      await subject.wb.writeReport(REPORT);
      for (const wb of [subject.wb, await subject.reopen()]) {
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(['台账', '月报 2026-11']);
        const [grid] = await wb.readSheets(['月报 2026-11']);
        expect(grid.rows).toEqual(REPORT.rows);
      }
    });

    it('replaces a report in place on a second write: its position kept, other sheets untouched', async () => {
      const subject = await factory();
      await subject.wb.writeReport(REPORT);
      await subject.wb.addSheets([EMPTY_TABLE]);
      const second: ReportSheet = { ...REPORT, rows: [['月报 (重算)'], ['受理量']], styles: [['title'], ['label']], merges: [], charts: [] };
      await subject.wb.writeReport(second);
      for (const wb of [subject.wb, await subject.reopen()]) {
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(['台账', '月报 2026-11', 'Settings']);
        const [ledger, report, settings] = await wb.readSheets(['台账', '月报 2026-11', 'Settings']);
        expect(report.rows).toEqual([['月报 (重算)'], ['受理量']]);
        expect(ledger.rows).toEqual([
          ['房号', '金额'],
          ['1-101', 12.5],
          ['1-102', null],
        ]);
        expect(settings.rows[0]).toEqual(['Setting', 'Value']);
      }
    });

    it('never replaces a sheet that holds an Excel table (a data sheet): the report goes to "Settings (2)"', async () => {
      const subject = await factory();
      await subject.wb.addSheets([EMPTY_TABLE]);
      expect(await subject.wb.writeReport({ ...REPORT, name: 'Settings' })).toBe('Settings (2)');
      expect((await subject.wb.readSheets(['Settings']))[0].rows[0]).toEqual(['Setting', 'Value']);
      expect((await subject.wb.readSheets(['Settings (2)']))[0].rows).toEqual(REPORT.rows);
    });

    it("never replaces a clerk's sheet of the report's name: writes NAME (2), and replaces that (ours) on the next run", async () => {
      const subject = await factory();
      // the clerk's own 月报 2026-11: their notes, no table, nothing of ours
      await subject.wb.addSheets([{ name: '月报 2026-11', columns: [{ header: '我的月报' }, { header: '备注' }], rows: [['十一月', '电梯两次停运']] }]);
      expect(await subject.wb.writeReport(REPORT)).toBe('月报 2026-11 (2)');
      const second: ReportSheet = { ...REPORT, rows: [['月报 (重算)'], ['受理量']], styles: [['title'], ['label']], merges: [], charts: [] };
      expect(await subject.wb.writeReport(second)).toBe('月报 2026-11 (2)');
      for (const wb of [subject.wb, await subject.reopen()]) {
        expect((await wb.listSheets()).map((s) => s.name)).toEqual(['台账', '月报 2026-11', '月报 2026-11 (2)']);
        // the marker, read back by listSheets: ours is (2), the clerk's of the name is not
        expect((await wb.listSheets()).map((s) => s.generated)).toEqual([false, false, true]);
        const [clerks, ours] = await wb.readSheets(['月报 2026-11', '月报 2026-11 (2)']);
        expect(clerks.rows).toEqual([
          ['我的月报', '备注'],
          ['十一月', '电梯两次停运'],
        ]);
        expect(ours.rows).toEqual([['月报 (重算)'], ['受理量']]);
      }
    });

    it('replaces a sheet an earlier version wrote (no marker) when it opens with the same title; another title is kept', async () => {
      const subject = await factory();
      const title = REPORT.rows[0][0] as string;
      // as an earlier version left it: the title in A1, no marker
      await subject.wb.addSheets([{ name: '月报 2026-11', columns: [{ header: title }], rows: [['旧的数字']] }]);
      await subject.wb.addSheets([{ name: '周报 2026-W48', columns: [{ header: '客服周报 (我改过标题)' }], rows: [] }]);
      expect(await subject.wb.writeReport(REPORT)).toBe('月报 2026-11');
      expect(await subject.wb.writeReport({ ...REPORT, name: '周报 2026-W48' })).toBe('周报 2026-W48 (2)');
      const wb = await subject.reopen();
      expect((await wb.listSheets()).map((s) => s.name)).toEqual(['台账', '月报 2026-11', '周报 2026-W48', '周报 2026-W48 (2)']);
      // replaced in place, the earlier version's sheet carries the marker from then on; the other title does not
      expect((await wb.listSheets()).map((s) => s.generated)).toEqual([false, true, false, true]);
      const [monthly, weekly] = await wb.readSheets(['月报 2026-11', '周报 2026-W48']);
      expect(monthly.rows).toEqual(REPORT.rows);
      expect(weekly.rows).toEqual([['客服周报 (我改过标题)']]);
    });

    it('adds workbook names and lists them', async () => {
      const subject = await factory();
      await subject.wb.addSheets([EMPTY_TABLE]);
      await subject.wb.addNames([{ name: 'DeskbookList', formula: "=Settings!$A$2:$A$10" }]);
      for (const wb of [subject.wb, await subject.reopen()]) {
        expect(await wb.listNames()).toContain('DeskbookList');
      }
    });
  });
}
