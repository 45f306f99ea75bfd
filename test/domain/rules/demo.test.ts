// The demo workbook: the sample generator plants a handful of documented slips (sample/plant.ts); the
// rules must find exactly those, on the row and column the planter names, and nothing in clean rows.
import { Lang } from '../../../src/domain/enums';
import { generateSample, SampleCenter } from '../../../src/domain/sample';
import { RULES, unitsOf, validateAll } from '../../../src/domain/rules';
import { CHARGES, CUSTOMERS, DATA_SHEETS, header, REMINDERS, SheetDef, SheetKey, TICKETS } from '../../../src/domain/schema';
import { defaultSettings } from '../../../src/domain/settings';
import { readTable, TableRead } from '../../../src/domain/table';
import { parseWallText } from '../../../src/domain/time';
import type { Cell } from '../../../src/workbook/types';

const AS_OF = '2026-11-25T17:30:00';

function readSample(sample: SampleCenter, lang: Lang): Partial<Record<SheetKey, TableRead>> {
  const read = (def: SheetDef, rows: Cell[][]) =>
    readTable(def, { name: lang === 'zh' ? def.zh : def.en, originRow: 0, originCol: 0, rows: [def.columns.map((c) => header(c, lang)), ...rows] });
  return {
    tickets: read(TICKETS, sample.tickets),
    customers: read(CUSTOMERS, sample.customers),
    charges: read(CHARGES, sample.charges),
    reminders: read(REMINDERS, sample.reminders),
  };
}

function found(sample: SampleCenter, lang: Lang) {
  const reads = readSample(sample, lang);
  for (const r of Object.values(reads)) expect(r!.problems).toEqual([]);
  // the demo's Settings: the default lists and the sample's clerks (app/sample.ts)
  const settings = { ...defaultSettings(lang), clerks: sample.clerks };
  const problems = validateAll(reads, { settings, asOf: parseWallText(AS_OF)!, lang, units: unitsOf(reads.customers) });
  const keyOf = new Map(DATA_SHEETS.map((d) => [lang === 'zh' ? d.zh : d.en, d.key]));
  return problems.map((p) => [keyOf.get(p.sheet), p.row, p.column, p.code, p.severity]).sort(byRow);
}

const byRow = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]);

function planted(sample: SampleCenter, lang: Lang) {
  const def = (key: SheetKey) => DATA_SHEETS.find((d) => d.key === key)!;
  return sample.planted
    .map((p) => [
      p.sheet,
      p.row + 2, // planted row i sits below the header, on Excel row i + 2
      header(def(p.sheet).columns.find((c) => c.key === p.column)!, lang),
      p.code,
      RULES.find((r) => r.code === p.code && r.sheet === p.sheet)?.severity,
    ])
    .sort(byRow);
}

describe.each<Lang>(['zh', 'en'])('the demo workbook (%s)', (lang) => {
  it('reports exactly the problems the generator planted, where it planted them', () => {
    const sample = generateSample({ asOf: AS_OF, lang });
    expect(sample.planted).toHaveLength(8);
    expect(found(sample, lang)).toEqual(planted(sample, lang));
  });

  it('reports nothing when nothing is planted', () => {
    expect(found(generateSample({ asOf: AS_OF, lang, plant: false }), lang)).toEqual([]);
  });
});

describe('other samples', () => {
  it.each([
    { seed: 7, units: 40, tickets: 3000 }, // a busy desk: many tickets from few units, many the same day
    { seed: 11, months: 12, asOf: '2026-03-02T08:10:00' },
    { seed: 3, units: 5, tickets: 40, months: 1 },
  ])('plants and finds the same problems: %j', (options) => {
    const sample = generateSample({ asOf: AS_OF, ...options });
    const reads = readSample(sample, 'zh');
    const asOf = parseWallText(options.asOf ?? AS_OF)!;
    const problems = validateAll(reads, { settings: { ...defaultSettings('zh'), clerks: sample.clerks }, asOf, lang: 'zh', units: unitsOf(reads.customers) });
    const keyOf = new Map(DATA_SHEETS.map((d) => [d.zh, d.key]));
    const got = problems.map((p) => `${keyOf.get(p.sheet)} ${p.row} ${p.code}`).sort();
    expect(got).toEqual(sample.planted.map((p) => `${p.sheet} ${p.row + 2} ${p.code}`).sort());
  });
});
