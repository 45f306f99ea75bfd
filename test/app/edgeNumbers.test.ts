// Numbers at the edges: any finite number Excel holds is read or refused with words. An amount past
// MAX_CENTS (85,899,345.91 yuan) is a problem of its cell, never an Infinity in a report; amounts up
// to it add up exactly over a whole sheet, so the reports, the arrears list and the notices
// (with their 大写金额) work on the largest of them.
import { runArrears, runNotices } from '../../src/app/arrears';
import { runReport } from '../../src/app/report';
import { setUpWorkbook } from '../../src/app/setup';
import { validateWorkbook } from '../../src/app/validate';
import { convertCell } from '../../src/domain/cells';
import { describeProblem } from '../../src/domain/messages';
import { MAX_CENTS } from '../../src/domain/money';
import { CHARGES } from '../../src/domain/schema';
import { readTable } from '../../src/domain/table';
import { wall, wallToSerial } from '../../src/domain/time';
import { FileWorkbook } from '../../src/workbook/file';
import type { Cell } from '../../src/workbook/types';

const money = { type: 'money' } as const;
const AS_OF = '2026-11-25T17:30:00';

describe('an amount of money', () => {
  it('is read to the cent up to 85,899,345.91 yuan either way, and refused with words one cent past it', () => {
    expect(MAX_CENTS).toBe(8_589_934_591);
    expect(convertCell(money, 85_899_345.91)).toEqual({ ok: true, value: 8_589_934_591 });
    expect(convertCell(money, -85_899_345.91)).toEqual({ ok: true, value: -8_589_934_591 });
    expect(convertCell(money, '85,899,345.91元')).toEqual({ ok: true, value: 8_589_934_591 });
    expect(convertCell(money, 85_899_345.92)).toEqual({ ok: false, problem: { kind: 'wrongType', found: '85899345.92', expected: 'moneyInRange' } });
    expect(convertCell(money, 5e-324)).toEqual({ ok: true, value: 0 });
  });

  it('as large as Excel holds (1e308, the largest double) is refused, never Infinity', () => {
    for (const n of [1e308, -1e308, Number.MAX_VALUE, 1e21, Number.MAX_SAFE_INTEGER]) {
      const r = convertCell(money, n);
      expect([n, r.ok]).toEqual([n, false]);
    }
    expect(convertCell(money, 1e308)).toEqual({ ok: false, problem: { kind: 'wrongType', found: '1e+308', expected: 'moneyInRange' } });
    // a plain number column takes any finite number as it is
    expect(convertCell({ type: 'number' }, 1e308)).toEqual({ ok: true, value: 1e308 });
  });

  it('past the limit is a problem naming sheet, row, column, what was found and what was expected', () => {
    const rows: Cell[][] = [
      ['房号', '费用项目', '账期', '应收金额', '到期日'],
      ['1-101', '物业费', '2026-10', 1e308, '2026-10-15'],
    ];
    const read = readTable(CHARGES, { name: '应收', originRow: 0, originCol: 0, rows });
    expect(read.records[0].values.amountDue).toBeUndefined();
    expect(read.problems.map((p) => describeProblem(p, 'zh'))).toEqual(['应收 第 2 行「应收金额」：“1e+308”不是有效值，应为金额，不超过 85,899,345.91 元']);
    expect(read.problems.map((p) => describeProblem(p, 'en'))).toEqual(['应收 row 2, 应收金额: "1e+308" is not valid; expected an amount of at most 85,899,345.91']);
  });

  it('up to the limit adds up exactly over all the rows a sheet can hold', () => {
    // Excel's 1,048,576 rows, less the header, each of the largest amount: still below 2^53 cents
    expect(1_048_575 * MAX_CENTS).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(1_048_575 * MAX_CENTS + 1).not.toBe(1_048_575 * MAX_CENTS); // each cent of the sum counts
  });
});

describe('a workbook with the largest amounts and one past the limit', () => {
  const day = (y: number, m: number, d: number) => wallToSerial(wall(y, m, d));
  // 房号, 费用项目, 账期, 应收金额, 到期日, 实收金额, 收款日期
  const charges: Cell[][] = [
    ['1-101', '物业费', '2026-10', 85_899_345.91, day(2026, 10, 15), 85_899_345.91, day(2026, 10, 20)],
    ['1-102', '物业费', '2026-10', 85_899_345.91, day(2026, 10, 15), null, null],
    ['1-103', '物业费', '2026-10', 1e308, day(2026, 10, 15), null, null],
    ['1-104', '物业费', '2026-10', 100, day(2026, 10, 15), 50, day(2026, 10, 10)],
  ];

  async function workbook(): Promise<FileWorkbook> {
    const wb = FileWorkbook.create();
    await setUpWorkbook(wb, { lang: 'zh' });
    await wb.appendRows('应收', charges);
    return FileWorkbook.open(wb.toBytes());
  }

  it('validates: the 1e308 is the one problem, on its cell', async () => {
    const report = await validateWorkbook(await workbook(), { asOf: AS_OF });
    const amounts = report.problems.filter((p) => p.sheet === '应收' && p.column === '应收金额');
    expect(amounts.map((p) => [p.row, p.code, p.params.expected])).toEqual([[4, 'CELL_WRONG_TYPE', 'moneyInRange']]);
  });

  it('reports: the collection rate counts the three readable charges to the cent, the fourth as unreadable', async () => {
    const r = await runReport(await workbook(), { kind: 'monthly', period: '2026-10', asOf: AS_OF, write: true });
    expect(r.unreadableCells).toBe(1);
    // due 8,589,934,591 × 2 + 10,000 cents; paid by the as-of day, capped at due: 8,589,934,591 + 5,000
    expect(r.json.charges.collectionRate).toMatchObject({ num: 8_589_939_591, den: 17_179_879_182 });
  });

  it('lists the arrears and writes the notices, totals and 大写金额 exact', async () => {
    const wb = await workbook();
    const list = await runArrears(wb, { asOf: AS_OF });
    // 1-102 owes all of 85,899,345.91; 1-104 the 50.00 left of 100.00
    expect(list.list.units.map((u) => [u.unit, u.total])).toEqual([
      ['1-102', 8_589_934_591],
      ['1-104', 5_000],
    ]);
    expect(list.list.total).toBe(8_589_939_591);
    const notices = await runNotices(wb, { asOf: AS_OF, write: true });
    expect(notices.notices.notices.map((n) => n.capitals)).toContain('捌仟伍佰捌拾玖万玖仟叁佰肆拾伍元玖角壹分');
  });
});
