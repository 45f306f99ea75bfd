// Not a test: prints how long building all four report models takes on 100,000 tickets and about
// 100,000 charges. Run: npx tsc --outDir /tmp/deskbook-timing --module commonjs --target es2022 \
//   --esModuleInterop --skipLibCheck test/domain/report/timing.ts && node /tmp/deskbook-timing/test/domain/report/timing.js
import { generateSample } from '../../../src/domain/sample';
import { CHARGES, CUSTOMERS, SheetDef, TICKETS } from '../../../src/domain/schema';
import { defaultSettings } from '../../../src/domain/settings';
import { readTable } from '../../../src/domain/table';
import { wall } from '../../../src/domain/time';
import { latestCompletePeriod, PERIOD_KINDS } from '../../../src/domain/periods';
import { buildReport } from '../../../src/domain/report/model';
import type { Cell } from '../../../src/workbook/types';

function grid(def: SheetDef, rows: Cell[][]) {
  return { name: def.zh, originRow: 0, originCol: 0, rows: [def.columns.map((c) => c.zh as Cell), ...rows] };
}

const calendar = process.argv[2] === 'working' ? 'working' : 'calendar';
const sample = generateSample({ asOf: '2026-11-25T17:30:00', units: 5000, months: 10, tickets: 100_000, seed: 7, plant: false });
const data = {
  tickets: readTable(TICKETS, grid(TICKETS, sample.tickets)),
  charges: readTable(CHARGES, grid(CHARGES, sample.charges)),
  customers: readTable(CUSTOMERS, grid(CUSTOMERS, sample.customers)),
};
const settings = { ...defaultSettings('zh'), calendar } as const;
const now = wall(2026, 11, 25, 17, 30);
console.log(`${calendar} clock: ${data.tickets.records.length} tickets, ${data.charges.records.length} charges`);
for (let run = 0; run < 3; run++) {
  const t0 = process.hrtime.bigint();
  const models = PERIOD_KINDS.map((kind) =>
    buildReport(kind, latestCompletePeriod(kind, now, settings), data, settings, { now, generatedAt: now, lang: 'zh' }),
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`run ${run + 1}: all four models in ${ms.toFixed(0)} ms${run === 0 ? ' (includes preparing the facts)' : ''}; monthly received ${models[2].tickets.received}, open ${models[2].open.length}`);
  // each run starts from fresh reads so that the first-run figure counts the preparation again
  if (run === 0) {
    (data as { tickets: unknown }).tickets = readTable(TICKETS, grid(TICKETS, sample.tickets));
    (data as { charges: unknown }).charges = readTable(CHARGES, grid(CHARGES, sample.charges));
    (data as { customers: unknown }).customers = readTable(CUSTOMERS, grid(CUSTOMERS, sample.customers));
  }
}
