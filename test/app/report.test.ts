import { reportPeriods, runReport, writeKpiPivots } from '../../src/app/report';
import { isGeneratedSheetName } from '../../src/app/reportSheet';
import { inspectWorkbook } from '../../src/app/setup';
import { buildSampleWorkbook } from '../support/sample';
import { FileWorkbook } from '../../src/workbook/file';
import { parts } from '../support/files';
import { MemoryWorkbook } from './memoryWorkbook';
import { HEADLINE_KPIS, kpiEntry } from '../../src/domain/kpi';
import type { Lang } from '../../src/domain/enums';
import type { PeriodKind } from '../../src/domain/periods';

const AS_OF = '2026-11-25T17:30:00';

describe('report use case', () => {
  // the clean sample, built once; each test opens its own copy
  let sampleBytes: Uint8Array;
  beforeAll(async () => {
    sampleBytes = (await buildSampleWorkbook({ asOf: AS_OF, plant: false })).toBytes();
  });
  const sampleWorkbook = () => FileWorkbook.open(sampleBytes);

  it('regenerating a report with the same inputs gives an identical workbook', async () => {
    const wb = sampleWorkbook();
    const req = { kind: 'weekly' as const, period: '2026-W47', asOf: AS_OF, generatedAt: '2026-11-25T18:00:00', write: true };
    const first = await runReport(wb, req);
    const once = wb.toBytes();
    const second = await runReport(wb, req);
    const twice = wb.toBytes();
    expect(second.json).toEqual(first.json);
    const a = parts(once);
    const b = parts(twice);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect([name, Buffer.from(a[name]).equals(Buffer.from(b[name]))]).toEqual([name, true]);
    expect((await FileWorkbook.open(twice).listSheets()).filter((s) => s.name === '周报 2026-W47')).toHaveLength(1);
  });

  it('picks the same default period as the pane offers: today for the daily tally', async () => {
    const wb = sampleWorkbook();
    const offered = await reportPeriods(wb, AS_OF);
    for (const kind of ['daily', 'weekly', 'monthly', 'quarterly'] as const) {
      const r = await runReport(wb, { kind, asOf: AS_OF });
      expect([kind, r.period.label]).toEqual([kind, offered[kind].default]);
    }
    // 2026-11-25 17:30, a Wednesday: the tally of that day, so far
    expect((await runReport(wb, { kind: 'daily', asOf: AS_OF })).json.period).toEqual({ kind: 'daily', label: '2026-11-25', start: '2026-11-25T00:00:00', end: '2026-11-26T00:00:00' });
  });

  it('marks a period without any ticket as empty, and its sheet says so', async () => {
    const wb = sampleWorkbook();
    const before = await runReport(wb, { kind: 'monthly', period: '2019-06', asOf: AS_OF, write: true });
    expect(before.model.empty).toBe(true);
    expect(before.json.empty).toBe(true);
    const [sheet] = await wb.readSheets([before.sheetName]);
    expect(sheet.rows.filter((r) => r[0] === '本期无工单')).toHaveLength(1);
    const october = await runReport(wb, { kind: 'monthly', period: '2026-10', asOf: AS_OF });
    expect([october.model.empty, 'empty' in october.json]).toEqual([false, false]);
  });

  it('tells generated sheets from the clerk’s own', async () => {
    expect(['月报 2026-10', '周报 2026-W47', '日盘点 2026-11-24', '季报 2026-Q4', 'Monthly 2026-10', 'KPI', 'KPI 部门月度'].every(isGeneratedSheetName)).toBe(true);
    expect(['月报', '我的月报 2026-10', '月报 2026-10 备份', 'KPIs', '台账'].some(isGeneratedSheetName)).toBe(false);
    const wb = sampleWorkbook();
    await runReport(wb, { kind: 'monthly', period: '2026-10', asOf: AS_OF, write: true });
    const status = await inspectWorkbook(wb);
    expect(status.generatedSheets).toEqual(['月报 2026-10']);
    expect(status.otherSheets).toEqual([]);
  });

  it('writes the KPI cross-tabs as values in files, whose totals are the ticket count', async () => {
    const wb = sampleWorkbook();
    expect(wb.capabilities.pivots).toBe(false);
    const r = await writeKpiPivots(wb);
    expect(r).toEqual({ sheet: 'KPI', keptSheet: null, pivots: false, lang: 'zh' });
    const [tickets, kpi] = await wb.readSheets(['工单', 'KPI']);
    const totals = kpi.rows.filter((row) => row[0] === '合计').map((row) => row.filter((c) => typeof c === 'number').pop());
    // three cross-tabs, each counting every ticket once
    expect(totals).toEqual([tickets.rows.length - 1, tickets.rows.length - 1, tickets.rows.length - 1]);
  });

  it('asks Excel for real PivotTables where the back end has them', async () => {
    const sample = sampleWorkbook();
    const names = (await sample.listSheets()).map((s) => s.name);
    const wb = new MemoryWorkbook((await sample.readSheets(names)).map((g) => ({ name: g.name, rows: g.rows.map((r) => [...r]), tables: g.name === '工单' ? ['tblTickets'] : [] })));
    wb.capabilities = { charts: true, pivots: true };
    expect(await writeKpiPivots(wb)).toEqual({ sheet: 'KPI', keptSheet: null, pivots: true, lang: 'zh' });
  });
});

describe('the report language of the Settings (报表语言)', () => {
  /** The sample workbook in memory, its Settings row 报表语言 set to `value`. */
  async function withReportLanguage(value: string) {
    const sample = await buildSampleWorkbook({ asOf: AS_OF, plant: false });
    const names = (await sample.listSheets()).map((s) => s.name);
    const grids = (await sample.readSheets(names)).map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) }));
    const settings = grids.find((g) => g.name === '设置')!;
    const row = settings.rows.find((r) => r[0] === '报表语言')!;
    expect(row[1]).toBe('中文');
    row[1] = value;
    return new MemoryWorkbook(grids.map((g) => ({ name: g.name, rows: g.rows, tables: [] })));
  }

  it('makes the report English in a Chinese workbook unless a language is asked for', async () => {
    const wb = await withReportLanguage('English');
    const r = await runReport(wb, { kind: 'monthly', period: '2026-10', asOf: AS_OF, write: true });
    expect([r.sheetName, r.json.lang, r.model.lang]).toEqual(['Monthly 2026-10', 'en', 'en']);
    const [sheet] = await wb.readSheets(['Monthly 2026-10']);
    expect(sheet.rows.some((row) => row[0] === '1. Ticket KPIs')).toBe(true);
    // --lang (the request's lang) still wins
    expect((await runReport(wb, { kind: 'monthly', period: '2026-10', asOf: AS_OF, lang: 'zh' })).sheetName).toBe('月报 2026-10');
    // and the KPI sheet follows it too
    expect((await writeKpiPivots(wb)).lang).toBe('en');
  });

  it('keeps the workbook’s language by default (中文 here)', async () => {
    const wb = await withReportLanguage('中文');
    expect((await runReport(wb, { kind: 'weekly', period: '2026-W47', asOf: AS_OF })).sheetName).toBe('周报 2026-W47');
  });
});

describe.each<Lang>(['zh', 'en'])('a report sheet names every KPI as the catalogue does (%s)', (lang) => {
  let wb: Awaited<ReturnType<typeof buildSampleWorkbook>>;
  beforeAll(async () => {
    wb = await buildSampleWorkbook({ asOf: AS_OF, plant: false, lang });
  });
  const name = (key: Parameters<typeof kpiEntry>[0]) => kpiEntry(key)[lang];
  const KPI_HEADER = { zh: '指标', en: 'KPI' }[lang];

  it.each<[PeriodKind, string]>([
    ['daily', '2026-11-24'],
    ['weekly', '2026-W47'],
    ['monthly', '2026-10'],
    ['quarterly', '2026-Q3'],
  ])('%s %s', async (kind, period) => {
    const r = await runReport(wb, { kind, period, asOf: AS_OF, write: true, lang });
    const [grid] = await wb.readSheets([r.sheetName]);
    const rows = grid.rows;
    // each KPI table: its header row (指标 / KPI), then one row per KPI up to the blank row; a header
    // row right below a KPI row is the table's header repeated after a page break (reportPrint.ts)
    const tables: unknown[][] = [];
    rows.forEach((row, head) => {
      if (row[0] !== KPI_HEADER) return;
      const labels: unknown[] = [];
      for (let i = head + 1; i < rows.length && rows[i][0] !== null && rows[i][0] !== undefined && rows[i][0] !== KPI_HEADER; i++) labels.push(rows[i][0]);
      const continued = tables.length > 0 && tables[tables.length - 1].includes(rows[head - 1][0]);
      if (continued) tables[tables.length - 1].push(...labels);
      else tables.push(labels);
    });
    expect(tables).toEqual([HEADLINE_KPIS.tickets.map((row) => row[lang]), HEADLINE_KPIS.charges.map((row) => row[lang])]);
    // KPI names heading columns: received, resolved and backlog by type; the trend
    expect(rows).toContainEqual(expect.arrayContaining([name('received'), name('resolved'), name('backlog')]));
    expect(rows.find((row) => row[1] === name('received') && row[2] === name('resolved') && row[3] !== name('backlog'))?.[3]).toBe(name('onTimeResolution'));
  });
});
