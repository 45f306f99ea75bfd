// FirstProblems (src/domain/problems.ts): of any number of problems added in any order, the first
// `cap` in reading order (exactly what sorting them all and cutting would keep) and the count of all.
import { FirstProblems, Problem, sortProblems } from '../../src/domain/problems';
import { seeded } from '../fixtures/hostile/make';

const SHEETS = ['工单', '客户', '应收'];

function problem(sheet: string, row: number | null, column: string | null, severity: 'error' | 'warning', n: number): Problem {
  return { sheet, row, column, code: `C${n}`, severity, params: {} };
}

describe('the first problems of many', () => {
  it('keeps what a full sort keeps, ties in the order added, and counts the rest by sheet and severity', () => {
    const random = seeded(15);
    for (let run = 0; run < 40; run++) {
      const all: Problem[] = [];
      const n = 1 + Math.floor(random() * 400);
      for (let i = 0; i < n; i++) {
        // few rows and columns, so that ties are common; a sheet the order does not know sorts last
        const sheet = random() < 0.05 ? '我的表' : SHEETS[Math.floor(random() * SHEETS.length)];
        const row = random() < 0.05 ? null : 1 + Math.floor(random() * 30);
        const column = row === null ? null : ['房号', '状态', '受理时间'][Math.floor(random() * 3)];
        all.push(problem(sheet, row, column, random() < 0.3 ? 'warning' : 'error', i));
      }
      const cap = 1 + Math.floor(random() * 60);
      const first = new FirstProblems<Problem>(SHEETS, cap);
      for (const p of all) first.add(p);
      const { problems, bySheet } = first.result();
      expect(problems).toEqual(sortProblems(all, SHEETS).slice(0, cap));
      for (const sheet of [...SHEETS, '我的表']) {
        const of = all.filter((p) => p.sheet === sheet);
        const counts = bySheet.get(sheet) ?? { errors: 0, warnings: 0 };
        expect([sheet, counts]).toEqual([sheet, { errors: of.filter((p) => p.severity === 'error').length, warnings: of.filter((p) => p.severity === 'warning').length }]);
      }
    }
  });

  it('keeps 3 of 10 rows added last to first: rows 1–3, and counts all 10', () => {
    const first = new FirstProblems<Problem>(SHEETS, 3);
    for (let row = 10; row >= 1; row--) first.add(problem('工单', row, '房号', row % 2 ? 'error' : 'warning', row));
    const { problems, bySheet } = first.result();
    expect(problems.map((p) => p.row)).toEqual([1, 2, 3]);
    expect(bySheet.get('工单')).toEqual({ errors: 5, warnings: 5 });
  });

  it('turns down a cap that keeps nothing', () => {
    expect(() => new FirstProblems<Problem>(SHEETS, 0)).toThrow(/cap 0/);
  });
});
