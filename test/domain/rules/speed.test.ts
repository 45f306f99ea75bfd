// How long the domain takes on a big ticket log: prints the times, asserts none (machines differ).
// Issue 4 asks for validating 50,000 tickets in the domain well under 300 ms.
import { generateSample } from '../../../src/domain/sample';
import { relatedRows, sheetFacts, unitsOf, updateFacts, validateAll, validateRecords } from '../../../src/domain/rules';
import { CUSTOMERS, TICKETS } from '../../../src/domain/schema';
import { defaultSettings } from '../../../src/domain/settings';
import { readTable } from '../../../src/domain/table';
import { parseWallText } from '../../../src/domain/time';

function median(run: () => unknown, times: number): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[times >> 1];
}

describe('speed on 50,000 tickets', () => {
  it('reads and validates them (times printed)', () => {
    const sample = generateSample({ asOf: '2026-11-25T17:30:00', units: 3000, tickets: 50_000, plant: false });
    const grid = { name: '工单', originRow: 0, originCol: 0, rows: [TICKETS.columns.map((c) => c.zh), ...sample.tickets] };
    const customers = readTable(CUSTOMERS, { name: '客户', originRow: 0, originCol: 0, rows: [CUSTOMERS.columns.map((c) => c.zh), ...sample.customers] });
    const ctx = { settings: { ...defaultSettings('zh'), clerks: sample.clerks }, asOf: parseWallText('2026-11-25 17:30')!, lang: 'zh' as const, units: unitsOf(customers) };

    const tickets = readTable(TICKETS, grid);
    const read = median(() => readTable(TICKETS, grid), 5);
    let problems = 0;
    const rules = median(() => (problems = validateAll({ tickets }, ctx).length), 7);
    const facts = sheetFacts('tickets', tickets);
    const edited = { ...tickets.records[100], values: { ...tickets.records[100].values, id: tickets.records[5].values.id } };
    const live = median(() => {
      const updated = updateFacts(facts, [edited]);
      const rows = relatedRows(facts, updated, [edited.row]);
      validateRecords('tickets', tickets, ctx, updated, [edited, ...tickets.records.filter((r) => rows.includes(r.row) && r.row !== edited.row)]);
    }, 7);
    console.log(
      `50,000 tickets: readTable ${read.toFixed(0)} ms; validateAll ${rules.toFixed(0)} ms; one live edit (updateFacts + related rows) ${live.toFixed(1)} ms`,
    );
    expect(problems).toBe(0);
  });
});
