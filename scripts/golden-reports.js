// Writes test/fixtures/golden/reports.json: every report's --json and its sheet's cell values on the
// demo workbook, as the code at the time of writing makes them. Run by hand (node
// scripts/golden-reports.js) before a refactor that must not change a number; the test
// test/app/golden.test.ts compares today's code with it. Needs `npm run build:cli` first.
const { writeFileSync } = require('fs');
const { join } = require('path');
const { writeSample } = require('../dist/app/sample');
const { FileWorkbook } = require('../dist/workbook/file');
const { runReport, writeKpiPivots } = require('../dist/app/report');

const AS_OF = '2026-11-25T17:30:00';
const GENERATED = '2026-11-25T18:00:00';
const CASES = [
  ['daily', '2026-11-24'],
  ['weekly', '2026-W47'],
  ['monthly', '2026-10'],
  ['quarterly', '2026-Q3'],
];

async function main() {
  const out = {};
  for (const lang of ['zh', 'en']) {
    const wb = FileWorkbook.create();
    await writeSample(wb, { asOf: AS_OF, plant: false, lang });
    for (const [kind, period] of CASES) {
      const r = await runReport(wb, { kind, period, asOf: AS_OF, generatedAt: GENERATED, write: true, lang });
      const [grid] = await wb.readSheets([r.sheetName]);
      out[`${lang}/${kind}`] = { sheet: r.sheetName, json: r.json, cells: grid.rows };
    }
    const k = await writeKpiPivots(wb, { lang });
    const [grid] = await wb.readSheets([k.sheet]);
    out[`${lang}/kpi`] = { sheet: k.sheet, cells: grid.rows };
  }
  writeFileSync(join(__dirname, '..', 'test', 'fixtures', 'golden', 'reports.json'), JSON.stringify(out) + '\n');
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
