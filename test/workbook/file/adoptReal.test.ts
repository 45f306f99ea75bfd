// Adopting real workbooks (../shared/fixtures/real, see its README): the registers among them are
// taken for the kind they are (a fee ledger, unit registers, an owner list, a help-desk export), every
// other sheet for none; every row of a register is accounted for; the import keeps every part of
// the original that set-up does not own byte for byte and passes Excel's strict checker.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { adoptWorkbook } from '../../../src/app/adopt';
import { FileWorkbook } from '../../../src/workbook/file';
import { hasCheckXlsx, parts } from '../../support/files';
import { newFindings } from '../../support/strict';

const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real');
const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.xlsx')).sort() : [];
if (files.length === 0) console.warn(`${REAL} is absent: the real-workbook adoption checks are skipped`);
const AS_OF = '2026-11-25T17:30:00';

/** The registers among the real files, by file and sheet; every other sheet is none. */
const KINDS: Record<string, Record<string, string>> = {
  'mc_importFeeDetail.xlsx': { 房屋缴费历史: 'charges' },
  'mc_importRoom.xlsx': { 资产信息: 'customers' },
  'mc_hc.xlsx': { 业主信息: 'customers', 房屋信息: 'customers' },
  'condo_TicketsExportTemplate.xlsx': { '{d.i18n.sheetName}': 'tickets' },
};
/** Parts an import may change: the workbook's lists of sheets, names and types, and its styles. */
const OWNED = /^(xl\/workbook\.xml|\[Content_Types\]\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/app\.xml)$/;

function open(file: string): FileWorkbook | null {
  try {
    return FileWorkbook.open(new Uint8Array(readFileSync(join(REAL, file))));
  } catch {
    return null; // encrypted or damaged: realFixtures.test.ts checks the refusal
  }
}

describe('adopting real workbooks', () => {
  const cases = files.length ? files : ['(none)'];
  it.each(cases)('%s: the registers found and every row accounted for (dry run)', async (file) => {
    if (files.length === 0) return;
    const wb = open(file);
    if (!wb) return;
    const before = wb.toBytes();
    const result = await adoptWorkbook(wb, { asOf: AS_OF, dryRun: true });
    const found = Object.fromEntries(result.sheets.filter((s) => s.kind).map((s) => [s.sheet, s.kind]));
    expect(found).toEqual(KINDS[file] ?? {});
    for (const s of result.sheets) expect(s.rows.total).toBe(s.rows.imported + s.rows.skipped);
    expect(result.changed).toBe(false);
    expect(Buffer.from(wb.toBytes()).equals(Buffer.from(before))).toBe(true);
  });

  it.each(Object.keys(KINDS))('%s: imported, every part of the original not owned by set-up kept byte for byte', async (file) => {
    if (!files.includes(file)) return;
    const original = new Uint8Array(readFileSync(join(REAL, file)));
    const wb = FileWorkbook.open(original);
    const result = await adoptWorkbook(wb, { asOf: AS_OF });
    expect(result.changed).toBe(true);
    const imported = result.sheets.reduce((n, s) => n + s.records, 0);
    expect(imported).toBeGreaterThan(0);
    const out = wb.toBytes();
    const a = parts(original);
    const b = parts(out);
    for (const name of Object.keys(a)) {
      if (OWNED.test(name)) continue;
      expect([name, Buffer.from(b[name] ?? []).equals(Buffer.from(a[name]))]).toEqual([name, true]);
    }
    // Excel's strict checker finds nothing the original did not have (some real files carry their own)
    if (hasCheckXlsx()) expect(newFindings(file, original, out)).toEqual([]);
    // the imported rows are there, under the structured sheets' headers, with their sources
    const again = FileWorkbook.open(out);
    const sheets = (await again.listSheets()).map((s) => s.name);
    for (const s of result.sheets.filter((x) => x.kind)) expect(sheets).toContain(s.into);
  });
});
