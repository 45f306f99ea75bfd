// Generated sheets never replace a clerk's (issue 14 item 6), through the use cases on a real file:
// a clerk's 月报 2026-10 (with a table) or KPI keeps every byte of its sheet part, the report goes to
// "月报 2026-10 (2)" and says so, a second run replaces (2) (ours) and makes no (3), and a sheet an
// earlier version wrote (no marker, our title in A1) is still replaced in place.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { zipSync } from 'fflate';
import { runReport, writeKpiPivots } from '../../src/app/report';
import { FileWorkbook } from '../../src/workbook/file';
import { OfficeWorkbook } from '../../src/workbook/office';
import { setUpWorkbook } from '../../src/app/setup';
import { generateSample } from '../../src/domain/sample';
import { defaultSettings } from '../../src/domain/settings';
import { FakeContext, WorkbookState } from '../workbook/office/fakeExcel';
import { buildSampleWorkbook } from '../support/sample';
import { checkXlsx, hasCheckXlsx, parts, partText, tempDir } from '../support/files';

const AS_OF = '2026-11-25T17:30:00';
const MONTHLY = { kind: 'monthly' as const, period: '2026-10', asOf: AS_OF, generatedAt: '2026-11-25T18:00:00', write: true };

/** The worksheet part of a sheet, from workbook.xml and its relationships. */
function sheetPart(bytes: Uint8Array, sheet: string): string {
  const workbook = partText(bytes, 'xl/workbook.xml');
  const entry = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  const id = entry && /r:id="([^"]+)"/.exec(entry)?.[1];
  const rel = [...partText(bytes, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${id}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no part for ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function saved(bytes: Uint8Array, name: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

describe('generated sheets never replace a clerk’s', () => {
  let sampleBytes: Uint8Array;
  beforeAll(async () => {
    sampleBytes = (await buildSampleWorkbook({ asOf: AS_OF, plant: false })).toBytes();
  });

  it('a clerk’s 月报 2026-10 holding a table: the report goes to 月报 2026-10 (2), their sheet byte for byte as it was; a second run makes no (3)', async () => {
    const wb = FileWorkbook.open(sampleBytes);
    await wb.addSheets([{ name: '月报 2026-10', tableName: 'tblMyMonth', columns: [{ header: '我的月报' }, { header: '金额' }], rows: [['十月', 1200.5], ['电梯两次停运', null]] }]);
    const before = wb.toBytes();
    const part = sheetPart(before, '月报 2026-10');

    const opened = FileWorkbook.open(before);
    const written = await runReport(opened, MONTHLY);
    expect([written.sheetName, written.keptSheet]).toEqual(['月报 2026-10 (2)', '月报 2026-10']);
    const once = opened.toBytes();
    expect(Buffer.from(parts(once)[part]).equals(Buffer.from(parts(before)[part]))).toBe(true);

    const again = FileWorkbook.open(once);
    const second = await runReport(again, MONTHLY);
    expect([second.sheetName, second.keptSheet]).toEqual(['月报 2026-10 (2)', '月报 2026-10']);
    const twice = again.toBytes();
    const names = (await FileWorkbook.open(twice).listSheets()).map((s) => s.name).filter((n) => n.startsWith('月报'));
    expect(names).toEqual(['月报 2026-10', '月报 2026-10 (2)']);
    expect(Buffer.from(parts(twice)[part]).equals(Buffer.from(parts(before)[part]))).toBe(true);
    const [mine] = await FileWorkbook.open(twice).readSheets(['月报 2026-10']);
    expect(mine.rows).toEqual([['我的月报', '金额'], ['十月', 1200.5], ['电梯两次停运', null]]);
    // one marker, hidden, on (2) alone, naming it
    const markers = [...partText(twice, 'xl/workbook.xml').matchAll(/<definedName name="_dk_generated"[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatch(/hidden="1">"月报 2026-10 \(2\)"</);
    if (hasCheckXlsx()) expect(checkXlsx(saved(twice, 'clerk-month.xlsx'))).toBe('');
  });

  it('a clerk’s sheet called KPI (no table): the cross-tabs go to KPI (2), said in the result', async () => {
    const wb = FileWorkbook.open(sampleBytes);
    await wb.addSheets([{ name: 'KPI', columns: [{ header: '本月 KPI (手算)' }, { header: '及时率' }], rows: [['十一月', 0.93]] }]);
    const before = wb.toBytes();
    const part = sheetPart(before, 'KPI');
    const opened = FileWorkbook.open(before);
    expect(await writeKpiPivots(opened)).toEqual({ sheet: 'KPI (2)', keptSheet: 'KPI', pivots: false, lang: 'zh' });
    expect(await writeKpiPivots(opened)).toEqual({ sheet: 'KPI (2)', keptSheet: 'KPI', pivots: false, lang: 'zh' });
    const after = opened.toBytes();
    expect(Buffer.from(parts(after)[part]).equals(Buffer.from(parts(before)[part]))).toBe(true);
    expect((await FileWorkbook.open(after).listSheets()).map((s) => s.name).filter((n) => n.startsWith('KPI'))).toEqual(['KPI', 'KPI (2)']);
    if (hasCheckXlsx()) expect(checkXlsx(saved(after, 'clerk-kpi.xlsx'))).toBe('');
  });

  it('a report an earlier version wrote (no marker, its title in A1) is replaced in place, and marked from then on', async () => {
    const wb = FileWorkbook.open(sampleBytes);
    await runReport(wb, MONTHLY);
    // as an earlier version left it: the same sheet without our marker
    const all = parts(wb.toBytes());
    const xml = new TextDecoder().decode(all['xl/workbook.xml']);
    const unmarked = xml.replace(/<definedName name="_dk_generated"[^>]*>[^<]*<\/definedName>/, '');
    expect(unmarked).not.toBe(xml);
    all['xl/workbook.xml'] = new TextEncoder().encode(unmarked);
    const old = FileWorkbook.open(zipSync(all));
    const r = await runReport(old, MONTHLY);
    expect([r.sheetName, r.keptSheet]).toEqual(['月报 2026-10', null]);
    const after = old.toBytes();
    expect((await FileWorkbook.open(after).listSheets()).map((s) => s.name).filter((n) => n.startsWith('月报'))).toEqual(['月报 2026-10']);
    expect(partText(after, 'xl/workbook.xml')).toMatch(/<definedName name="_dk_generated" localSheetId="\d+" hidden="1">"月报 2026-10"<\/definedName>/);
    if (hasCheckXlsx()) expect(checkXlsx(saved(after, 'legacy-month.xlsx'))).toBe('');
  });

  // A run that writes nothing (--no-write, the pane's preview) names the sheet the write would use:
  // the same rule (app/generated.ts wouldWrite, over listSheets' marker), and the file's bytes unchanged.
  it('a run without writing names the sheet a write would use: (2) beside a clerk’s, the name itself when free, ours or an earlier version’s', async () => {
    const wb = FileWorkbook.open(sampleBytes);
    await wb.addSheets([{ name: '月报 2026-10', tableName: 'tblMyMonth', columns: [{ header: '我的月报' }, { header: '金额' }], rows: [['十月', 1200.5]] }]);
    const before = wb.toBytes();
    const dry = FileWorkbook.open(before);
    const preview = await runReport(dry, { ...MONTHLY, write: false });
    expect([preview.sheetName, preview.keptSheet, preview.written]).toEqual(['月报 2026-10 (2)', '月报 2026-10', false]);
    expect(Buffer.from(dry.toBytes()).equals(Buffer.from(before))).toBe(true);
    // the write then goes exactly there
    const wet = FileWorkbook.open(before);
    expect((await runReport(wet, MONTHLY)).sheetName).toBe(preview.sheetName);
    // a free name, and a report of ours (marked) or of an earlier version (its title in A1): the name itself
    const free = await runReport(FileWorkbook.open(sampleBytes), { ...MONTHLY, period: '2026-09', write: false });
    expect([free.sheetName, free.keptSheet]).toEqual(['月报 2026-09', null]);
    const ours = FileWorkbook.open(sampleBytes);
    await runReport(ours, MONTHLY);
    expect((await runReport(ours, { ...MONTHLY, write: false })).sheetName).toBe('月报 2026-10');
    const clerksTitle = FileWorkbook.open(sampleBytes);
    await clerksTitle.addSheets([{ name: '月报 2026-10', columns: [{ header: '我自己的月报' }], rows: [] }]);
    expect((await runReport(clerksTitle, { ...MONTHLY, write: false })).sheetName).toBe('月报 2026-10 (2)');
  });

  it('in Excel (the fake) too: a run without writing names (2) beside a clerk’s sheet, with no sync more than a free name but the read of its A1', async () => {
    const { state, wb } = await excelCenter();
    const free = excelOf(state);
    const dryFree = await runReport(free.wb, { ...MONTHLY, write: false });
    expect([dryFree.sheetName, dryFree.keptSheet]).toEqual(['月报 2026-10', null]);
    const freeSyncs = free.context.syncs;
    state.addSheet('月报 2026-10', [['我的十月'], ['电梯两次停运']]);
    const dry = excelOf(state);
    const preview = await runReport(dry.wb, { ...MONTHLY, write: false });
    expect([preview.sheetName, preview.keptSheet]).toEqual(['月报 2026-10 (2)', '月报 2026-10']);
    // the clerk's A1 read (used range, then values): two syncs, nothing written
    expect(dry.context.syncs - freeSyncs).toBe(2);
    expect(state.sheet('月报 2026-10 (2)')).toBeUndefined();
    expect((await runReport(wb, MONTHLY)).sheetName).toBe('月报 2026-10 (2)');
    expect(state.grid('月报 2026-10')).toEqual([['我的十月'], ['电梯两次停运']]);
  });
});

/** The sample center set up in the fake Excel (test/workbook/office/fakeExcel.ts). */
function excelOf(state: WorkbookState) {
  const context = new FakeContext(state, { excelApi: 9 });
  return { context, wb: new OfficeWorkbook(context.excel, { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 9 }) };
}

async function excelCenter() {
  const state = new WorkbookState();
  const sample = generateSample({ asOf: AS_OF, units: 8, months: 2, tickets: 6, plant: false, lang: 'zh' });
  const settings = { ...defaultSettings('zh'), centerName: sample.centerName, contact: sample.contact, clerks: sample.clerks };
  await setUpWorkbook(excelOf(state).wb, { lang: 'zh', settings, rows: { tickets: sample.tickets, customers: sample.customers, charges: sample.charges, reminders: sample.reminders } });
  return { state, ...excelOf(state) };
}
