// Live validation: the pane keeps the sheet's facts between edits and judges only the rows a clerk
// changed (and the rows that share a duplicate key with them). That must give what a full pass gives.
import fc from 'fast-check';
import { Problem } from '../../../src/domain/problems';
import { relatedRows, sheetFacts, updateFacts, validateRecords, ValidationContext } from '../../../src/domain/rules';
import { TableRead, TableRecord } from '../../../src/domain/table';
import { readPlanted } from './planted';

const where = (p: Problem) => `${p.row} ${p.column} ${p.code}`;

function withRecords(read: TableRead, changed: ReadonlyArray<TableRecord>, removed: ReadonlyArray<number> = []): TableRead {
  const byRow = new Map(read.records.map((r) => [r.row, r]));
  for (const row of removed) byRow.delete(row);
  for (const r of changed) byRow.set(r.row, r);
  return { ...read, records: [...byRow.values()].sort((a, b) => a.row - b.row) };
}

function edit(read: TableRead, row: number, values: Record<string, unknown>): TableRecord {
  const rec = read.records.find((r) => r.row === row)!;
  return { row, values: { ...rec.values, ...values } as TableRecord['values'], key: rec.key };
}

/** A live step: facts updated with the change, the related rows judged again, the rest kept. */
function liveStep(read: TableRead, ctx: ValidationContext, before: Problem[], changed: TableRecord[], removed: number[] = [], facts = sheetFacts('tickets', read)) {
  const next = withRecords(read, changed, removed);
  const updated = updateFacts(facts, changed, removed);
  const rows = relatedRows(facts, updated, [...changed.map((r) => r.row), ...removed]);
  const again = next.records.filter((r) => rows.includes(r.row));
  const problems = [...before.filter((p) => !rows.includes(p.row!)), ...validateRecords('tickets', next, ctx, updated, again)];
  return { next, updated, rows, problems: problems.map(where).sort() };
}

describe('live validation of changed rows', () => {
  const { reads, ctx } = readPlanted();
  const read = reads.tickets!;
  const full = (r: TableRead) => validateRecords('tickets', r, ctx, sheetFacts('tickets', r));
  const before = full(read);

  it('judges a row given the same ID as a later row, and the later row with it, as a full pass does', () => {
    // row 3 takes GD-004, the ID of row 5: now row 5 is the later duplicate
    const step = liveStep(read, ctx, before, [edit(read, 3, { id: 'GD-004' })]);
    expect(step.rows).toEqual([3, 5]);
    expect(step.problems).toEqual(full(step.next).map(where).sort());
    expect(step.problems).toContain('5 工单号 TICKET_DUPLICATE_ID');
    expect(step.updated).toEqual(sheetFacts('tickets', step.next));

    // and back: row 3 no longer counts under GD-004, row 5 is clean again
    const back = liveStep(step.next, ctx, full(step.next), [edit(step.next, 3, { id: 'GD-002' })]);
    expect(back.problems).toEqual(before.map(where).sort());
    expect(back.updated.indexes.ticketId.rowsOf.get('GD-004')).toBe(5);
  });

  it('clears the duplicate of a row that is emptied', () => {
    // row 2 (GD-001, 厨房水管漏水) is cleared: row 17's ID and row 18's entry are no longer repeats
    const step = liveStep(read, ctx, before, [], [2]);
    expect(step.rows).toEqual([2, 17, 18]);
    expect(step.problems).toEqual(full(step.next).map(where).sort());
    expect(step.problems.filter((p) => /DUPLICATE|DOUBLE/.test(p))).toEqual([]);
  });

  it('leaves the facts it was given as they were', () => {
    const facts = sheetFacts('tickets', read);
    const copy = sheetFacts('tickets', read);
    updateFacts(facts, [edit(read, 3, { id: 'GD-001' })], [5]);
    expect(facts).toEqual(copy);
  });

  it('agrees with a full pass after any edits to IDs, units, descriptions and days', () => {
    const rows = read.records.map((r) => r.row);
    const ids = ['GD-001', 'GD-002', 'GD-004', 'GD-099', null];
    const descriptions = ['厨房水管漏水', '楼道灯不亮', '新的内容'];
    const day = (d: number) => Date.UTC(2026, 10, d, 9, 0);
    const change = fc.record({
      row: fc.constantFrom(...rows),
      id: fc.option(fc.constantFrom(...ids), { nil: undefined }),
      unit: fc.option(fc.constantFrom('1-101', '1-102', null), { nil: undefined }),
      description: fc.option(fc.constantFrom(...descriptions), { nil: undefined }),
      receivedAt: fc.option(fc.constantFrom(day(20), day(21)), { nil: undefined }),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
        let current = read;
        let facts = sheetFacts('tickets', read);
        let problems = full(read);
        for (const c of changes) {
          const { row, remove, ...fields } = c;
          const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
          const exists = current.records.some((r) => r.row === row);
          const step =
            remove || !exists
              ? liveStep(current, ctx, problems, [], [row], facts)
              : liveStep(current, ctx, problems, [edit(current, row, set)], [], facts);
          const expected = full(step.next);
          expect(step.problems).toEqual(expected.map(where).sort());
          current = step.next;
          facts = step.updated;
          problems = [...problems.filter((p) => !step.rows.includes(p.row!)), ...validateRecords('tickets', current, ctx, facts, current.records.filter((r) => step.rows.includes(r.row)))];
        }
      }),
      { numRuns: 150 },
    );
  });
});
