// Adopting a register inside Excel: the use case of the pane's Adopt tab (app/adopt.ts) over the
// Office.js back end, on the fake request context. The registers stay as they were, the rows land in
// the structured tables, and the number of syncs is the same for 10 rows as for 400: reads, set-up or
// the added columns and the append are each a fixed number of round-trips.
import { adoptWorkbook } from '../../../src/app/adopt';
import { setUpWorkbook } from '../../../src/app/setup';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { FakeContext, WorkbookState } from './fakeExcel';

const AS_OF = '2026-11-25T17:30:00';

/** A complaint register as a center keeps it: a title, a blank line, the header, `n` rows, a total. */
function register(n: number): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [
    ['阳光花园物业服务中心客户投诉登记表（2026年）', null, null, null, null, null, null, null],
    [],
    ['序号', '登记日期', '房号', '业主姓名', '联系电话', '投诉事项', '类别', '处理部门'],
  ];
  for (let i = 1; i <= n; i++) rows.push([i, `2026/11/${1 + (i % 20)}`, `3-${1000 + i}`, '王先生', '13812345678', '楼上漏水', '维修', '工程部']);
  rows.push(['合计', null, null, null, null, `${n} 件`, null, null]);
  return rows;
}

function excelWith(n: number) {
  const state = new WorkbookState();
  state.addSheet('投诉台账', register(n));
  return { state };
}

async function adoptInExcel(state: WorkbookState, dryRun: boolean) {
  const fake = new FakeContext(state);
  const result = await adoptWorkbook(new OfficeWorkbook(fake.excel), { asOf: AS_OF, dryRun });
  return { result, syncs: fake.syncs };
}

describe('adopting a register in Excel', () => {
  it('creates the structured sheets with every row, in as many syncs for 400 rows as for 10', async () => {
    const counts: Array<{ dry: number; wet: number; again: number }> = [];
    for (const n of [10, 400]) {
      const { state } = excelWith(n);
      const before = state.grid('投诉台账').map((r) => [...r]);
      const dry = await adoptInExcel(state, true);
      // the title and the blank line are above the header; below it, n rows and the total
      expect(dry.result.sheets[0].rows).toEqual({ total: n + 1, imported: n, flagged: dry.result.sheets[0].rows.flagged, skipped: 1 });
      expect(state.sheets.map((s) => s.name)).toEqual(['投诉台账']);

      const wet = await adoptInExcel(state, false);
      expect(wet.result.created).toEqual(['工单', '客户', '应收', '催缴记录', '设置']);
      const tickets = state.grid('工单');
      const head = tickets[0];
      expect(tickets).toHaveLength(1 + n);
      expect(tickets.slice(1).map((r) => r[head.indexOf('导入来源')])).toEqual(Array.from({ length: n }, (_, i) => `投诉台账!${4 + i}`));
      expect(tickets[1][head.indexOf('内容')]).toBe('楼上漏水');
      expect(tickets[n][head.indexOf('序号')]).toBe(n);
      // the register as it was
      expect(state.grid('投诉台账')).toEqual(before);

      // the second time: every row is there already, nothing is written
      const again = await adoptInExcel(state, false);
      expect(again.result.changed).toBe(false);
      expect(again.result.sheets[0].rows.imported).toBe(0);
      expect(state.grid('工单')).toHaveLength(1 + n);
      counts.push({ dry: dry.syncs, wet: wet.syncs, again: again.syncs });
    }
    expect(counts[1]).toEqual(counts[0]);
    // a dry run: the sheets listed (1), the register's used range and values (2). The import: that,
    // then set-up's list and names (2) and its one write of the five sheets with the rows (1). Again:
    // the five structured sheets are read with the register (2 more), and nothing is written
    expect(counts[0]).toEqual({ dry: 3, wet: 6, again: 5 });
  });

  it('appends to a workbook already set up, adding its columns to the table, in as many syncs for 400 rows as for 10', async () => {
    const counts: number[] = [];
    for (const n of [10, 400]) {
      const { state } = excelWith(n);
      await setUpWorkbook(new OfficeWorkbook(new FakeContext(state).excel));
      const wet = await adoptInExcel(state, false);
      expect(wet.result.created).toEqual([]);
      expect(wet.result.appended).toEqual(['工单']);
      const tickets = state.grid('工单');
      const head = tickets[0];
      expect(head.slice(-2)).toEqual(['导入来源', '序号']);
      expect(tickets.slice(1).map((r) => r[head.indexOf('导入来源')])).toEqual(Array.from({ length: n }, (_, i) => `投诉台账!${4 + i}`));
      const table = state.tables.find((t) => t.sheet.name === '工单')!;
      expect([table.r1, table.c1]).toEqual([n, head.length - 1]);
      counts.push(wet.syncs);
    }
    expect(counts[1]).toBe(counts[0]);
    // the workbook loaded (3), the register read with the structured sheets (2), set-up finding
    // nothing to create (4), the two columns added to the table (3), its header read back (1), the
    // rows appended (3)
    expect(counts[0]).toBe(16);
  });
});
