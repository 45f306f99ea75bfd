// The promise of adoption, on the demo: the sample center written as a center keeps it by hand
// (domain/sample/legacy.ts: a ticket sheet a month in two header styles and three date shapes, a
// customer register, a fee ledger and a reminder log under their own names), adopted, gives back the
// structured sample field by field, and the same monthly report.
import { adoptWorkbook } from '../../src/app/adopt';
import { loadWorkbook } from '../../src/app/load';
import { runReport } from '../../src/app/report';
import { writeLegacySample, writeSample } from '../../src/app/sample';
import { DATA_SHEETS } from '../../src/domain/schema';
import { FileWorkbook } from '../../src/workbook/file';

const AS_OF = '2026-11-25T17:30:00';
const SAMPLE = { asOf: AS_OF, units: 60, months: 6, seed: 7 } as const;

describe.each(['zh', 'en'] as const)('adopting the legacy demo (%s)', (lang) => {
  let structured: FileWorkbook;
  let adopted: FileWorkbook;
  let result: Awaited<ReturnType<typeof adoptWorkbook>>;

  beforeAll(async () => {
    structured = FileWorkbook.create();
    await writeSample(structured, { ...SAMPLE, lang });
    adopted = FileWorkbook.create();
    const legacy = await writeLegacySample(adopted, { ...SAMPLE, lang });
    expect(legacy.sheets.length).toBe(6 + 3); // six months of tickets, then the three registers
    result = await adoptWorkbook(adopted, { asOf: AS_OF });
  });

  it('takes every sheet for what it is and accounts for every row', () => {
    expect(result.sheets.map((s) => s.kind)).toEqual([...new Array(6).fill('tickets'), 'customers', 'charges', 'reminders']);
    for (const s of result.sheets) {
      expect(s.rows.total).toBe(s.rows.imported + s.rows.skipped);
      // only the blank line, the total and the note of each sheet are skipped
      expect(new Set(s.skippedRows.map((r) => r.reason))).toEqual(new Set(s.kind === 'tickets' ? ['blank', 'subtotal', 'note'] : s.kind === 'charges' ? ['subtotal'] : []));
      // every column mapped: nothing kept aside
      expect(Object.entries(s.mapping).filter(([, to]) => to === null)).toEqual([]);
    }
  });

  it('gives back the structured sample, field by field', async () => {
    const a = await loadWorkbook(structured);
    const b = await loadWorkbook(adopted);
    for (const def of DATA_SHEETS) {
      const want = a.structured.get(def.key)!.read.records.map((r) => r.values);
      const got = b.structured.get(def.key)!.read.records.map((r) => r.values);
      expect([def.key, got.length]).toEqual([def.key, want.length]);
      got.forEach((v, i) => expect([def.key, i, v]).toEqual([def.key, i, want[i]]));
    }
  });

  it('gives the same monthly report numbers', async () => {
    const strip = ({ center: _c, generatedAt: _g, ...rest }: Record<string, unknown>) => rest;
    const one = await runReport(structured, { kind: 'monthly', period: '2026-10', asOf: AS_OF, generatedAt: AS_OF });
    const two = await runReport(adopted, { kind: 'monthly', period: '2026-10', asOf: AS_OF, generatedAt: AS_OF });
    expect(one.json.tickets).toEqual(two.json.tickets);
    expect(strip(two.json as unknown as Record<string, unknown>)).toEqual(strip(one.json as unknown as Record<string, unknown>));
  });
});
