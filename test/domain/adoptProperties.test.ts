// Properties of adoption on random legacy-shaped sheets (fast-check): whatever the title rows, the
// headers (any synonym of the kind's columns, in any order, with columns of the clerk's own), the
// values and the blank, total and note rows mixed in, every row below the header is accounted for
// once (total = imported + skipped), and no value of an imported row is lost: each non-empty cell
// under a header is in the structured row, converted under its column or kept as typed.
import fc from 'fast-check';
import { detectSheet } from '../../src/domain/adopt/detect';
import { adoptRows } from '../../src/domain/adopt/rows';
import { COLUMN_SYNONYMS } from '../../src/domain/adopt/synonyms';
import type { Cell } from '../../src/domain/grid';
import { DataSheetKey, SHEET_DEFS } from '../../src/domain/schema';

const KINDS: DataSheetKey[] = ['tickets', 'customers', 'charges', 'reminders'];
/** The core columns each kind needs to be recognised (detect.ts CORE), always among the headers. */
const CORE: Record<DataSheetKey, string[]> = {
  tickets: ['description', 'receivedAt'],
  customers: ['unit', 'name', 'phone'],
  charges: ['unit', 'amountDue'],
  reminders: ['unit', 'date', 'method'],
};

const value: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('3-1502', '王先生', '13812345678', '2026/11/3', '2026年11月5日 14时20分', '11月8日', '¥1,200.00', '已办结', '满意', '维修', '电话', '明天下午', '#N/A'),
  fc.integer({ min: 1, max: 99999 }),
  fc.double({ min: 0, max: 100000, noNaN: true }),
  fc.constant(46329.5),
);

const sheet = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    titles: fc.integer({ min: 0, max: 2 }),
    extraColumns: fc.integer({ min: 0, max: 3 }),
    picks: fc.array(fc.nat(), { minLength: 2, maxLength: 10 }),
    seed: fc.nat(),
    rows: fc.array(fc.tuple(fc.constantFrom('data', 'data', 'data', 'blank', 'total', 'note'), fc.array(value, { minLength: 14, maxLength: 14 })), { maxLength: 25 }),
  })
  .map(({ kind, titles, extraColumns, picks, seed, rows }) => {
    const def = SHEET_DEFS[kind];
    const keys = [...new Set([...CORE[kind], ...picks.map((p) => def.columns[p % def.columns.length].key as string)])];
    const headers = keys.map((k, i) => {
      const names = [def.columns.find((c) => c.key === k)!.zh, ...(COLUMN_SYNONYMS[kind][k] ?? [])];
      return names[(seed + i) % names.length];
    });
    for (let i = 0; i < extraColumns; i++) headers.push(`自定义${i + 1}`);
    // a header used twice is the clerk's second copy: keep headers distinct, as a sheet's would be
    const distinct = [...new Set(headers)];
    const width = distinct.length;
    const grid: Cell[][] = [];
    for (let t = 0; t < titles; t++) grid.push(t === 0 ? ['阳光花园物业服务中心 2026年 台账', ...new Array<Cell>(width - 1).fill(null)] : new Array<Cell>(width).fill(null));
    grid.push(distinct);
    for (const [shape, cells] of rows) {
      const row = cells.slice(0, width);
      while (row.length < width) row.push(null);
      if (shape === 'blank') grid.push(new Array<Cell>(width).fill(null));
      else if (shape === 'total') grid.push(['合计', ...row.slice(1)]);
      else if (shape === 'note') grid.push(['说明：每月汇总一次', ...new Array<Cell>(width - 1).fill(null)]);
      else grid.push(row.map((c) => (typeof c === 'string' && /^(合计|说明|注)/.test(c) ? 'x' : c)));
    }
    return { kind, headerRow: titles, grid };
  });

const text = (c: Cell) => (c === null ? '' : typeof c === 'object' ? c.error : String(c).trim());

const ran = { n: 0, atHeader: 0 };

describe('adoption properties', () => {
  it('accounts for every row once and loses no value of an imported row', () => {
    fc.assert(
      fc.property(sheet, ({ kind, headerRow, grid }) => {
        const g = { name: '台账', originRow: 0, originCol: 0, rows: grid.map((r) => [...r]) };
        const guess = detectSheet(g, { as: kind });
        if (guess.headerRow === null) return; // a header of cells no kind knows: nothing to adopt
        ran.n++;
        if (guess.headerRow === headerRow) ran.atHeader++;
        const adopted = adoptRows(g, guess, { lang: 'zh' });
        const below = grid.length - (guess.headerRow + 1);
        expect(adopted.accounts).toHaveLength(below);
        expect(new Set(adopted.accounts.map((a) => a.row)).size).toBe(below);
        const imported = adopted.accounts.filter((a) => a.outcome === 'imported');
        expect(imported.length + adopted.accounts.filter((a) => a.outcome === 'skipped').length).toBe(below);
        // every imported row: each non-empty cell under a header is in its structured row
        imported.forEach((acc) => {
          const src = grid[acc.row - 1];
          const rowsOf = adopted.rows.filter((_, i) => adopted.sourceRows[i] === acc.row);
          expect(rowsOf.length).toBe(acc.records);
          for (const col of guess.columns) {
            const v = src[col.index];
            if (text(v) === '') continue;
            for (const out of rowsOf) {
              if (col.target === null) {
                expect(out).toContainEqual(v); // kept under its own header
              } else {
                const at = SHEET_DEFS[kind].columns.findIndex((c) => c.key === col.target);
                expect(out[at]).not.toBeNull(); // converted, or kept as typed
              }
            }
          }
        });
      }),
      { numRuns: 300, seed: 20261201 },
    );
    // the property was not vacuous: the header was found, where it is, in (nearly) every sheet
    expect(ran.n).toBeGreaterThan(290);
    expect(ran.atHeader).toBeGreaterThan(290);
  });
});
