import { createHash } from 'crypto';
import {
  CHANNELS,
  DEFAULT_CATEGORIES,
  DEFAULT_DEPARTMENTS,
  DEFAULT_FEE_ITEMS,
  ENUMS,
  EnumValue,
  TICKET_TYPES,
} from '../../../src/domain/enums';
import { CHARGES, CUSTOMERS, DATA_SHEETS, REMINDERS, SheetDef, TICKETS } from '../../../src/domain/schema';
import { generateSample, SampleCenter } from '../../../src/domain/sample';
import { wall, wallToSerial } from '../../../src/domain/time';
import { CATEGORY_BY_TYPE } from '../../../src/domain/sample/tables';
import { DESCRIPTIONS, RESULTS } from '../../../src/domain/sample/text';
import { CJK, charge, customer, ticket } from './helpers';

const AS_OF = '2026-11-25T14:00:00';
const hash = (s: SampleCenter) => createHash('sha256').update(JSON.stringify(s)).digest('hex');

describe('sample center', () => {
  const zh = generateSample({ asOf: AS_OF });

  it('is the same sample for the same options, and another for another seed', () => {
    expect(hash(generateSample({ asOf: AS_OF }))).toBe(hash(zh));
    expect(hash(generateSample({ asOf: AS_OF, seed: 7 }))).not.toBe(hash(zh));
    expect(hash(generateSample({ asOf: AS_OF, seed: 7 }))).toBe(hash(generateSample({ asOf: AS_OF, seed: 7 })));
  });

  it('keeps customers and charges when only the ticket count changes', () => {
    const more = generateSample({ asOf: AS_OF, tickets: 2000 });
    expect(more.customers).toEqual(zh.customers);
    expect(more.charges.length).toBe(zh.charges.length);
  });

  it('gives every row the column count of its sheet', () => {
    const sheets: Array<[SheetDef, unknown[][]]> = [
      [TICKETS, zh.tickets],
      [CUSTOMERS, zh.customers],
      [CHARGES, zh.charges],
      [REMINDERS, zh.reminders],
    ];
    expect(sheets.map(([d]) => d)).toEqual(DATA_SHEETS);
    expect(sheets.map(([, rows]) => rows.length)).toEqual([900, 300, 3822, 142]);
    for (const [def, rows] of sheets) {
      for (const row of rows) expect(row).toHaveLength(def.columns.length);
    }
  });

  it('has 300 units in 6 buildings and about 3 tickets per unit over 6 months', () => {
    expect(zh.customers).toHaveLength(300);
    expect(new Set(zh.customers.map((r) => customer(r, 'building'))).size).toBe(6);
    expect(customer(zh.customers[0], 'unit')).toBe('1-101');
    expect(zh.tickets).toHaveLength(900);
    expect(zh.clerks.length).toBeGreaterThanOrEqual(4);
    expect(zh.centerName).toMatch(CJK);
  });

  it('keeps the ticket types near the desk’s usual shares', () => {
    const share = (zhLabel: string) => zh.tickets.filter((r) => ticket(r, 'type') === zhLabel).length / zh.tickets.length;
    expect(share('报修')).toBeGreaterThan(0.35);
    expect(share('报修')).toBeLessThan(0.55);
    expect(share('咨询')).toBeGreaterThan(0.18);
    expect(share('咨询')).toBeLessThan(0.32);
    expect(share('投诉')).toBeGreaterThan(0.12);
    expect(share('投诉')).toBeLessThan(0.25);
    const phone = zh.tickets.filter((r) => ticket(r, 'channel') === '来电').length / zh.tickets.length;
    expect(phone).toBeGreaterThan(0.45);
  });

  it('sends repairs to engineering and fees to finance', () => {
    for (const r of zh.tickets) {
      if (ticket(r, 'department') === null) continue;
      if (ticket(r, 'category') === '维修') expect(ticket(r, 'department')).toBe('工程部');
      if (ticket(r, 'category') === '收费') expect(ticket(r, 'department')).toBe('财务部');
      if (ticket(r, 'category') === '保洁') expect(ticket(r, 'department')).toBe('环境部');
    }
    const repairs = zh.tickets.filter((r) => ticket(r, 'type') === '报修');
    const repairsCategory = repairs.filter((r) => ticket(r, 'category') === '维修').length / repairs.length;
    expect(repairsCategory).toBeGreaterThan(0.75);
  });

  it('resolves about nine in ten tickets within the resolution SLA', () => {
    const slaHours: Record<string, number> = { 投诉: 72, 咨询: 24, 建议: 168 };
    const repairSla: Record<string, number> = { 紧急: 24, 高: 48, 普通: 72, 低: 168 };
    let due = 0;
    let onTime = 0;
    for (const r of zh.tickets) {
      const resolved = ticket(r, 'resolvedAt');
      const type = ticket(r, 'type') as string;
      if (typeof resolved !== 'number' || type === '表扬' || ticket(r, 'agreedDueAt') !== null) continue;
      const received = ticket(r, 'receivedAt') as number;
      const hold = ticket(r, 'holdEndAt') !== null ? (ticket(r, 'holdEndAt') as number) - (ticket(r, 'holdStartAt') as number) : 0;
      const sla = type === '报修' ? repairSla[ticket(r, 'priority') as string] : slaHours[type];
      due++;
      if ((resolved - received - hold) * 24 <= sla + 1e-6) onTime++;
    }
    expect(onTime / due).toBeGreaterThan(0.8);
    expect(onTime / due).toBeLessThan(0.97);
  });

  it('bills property fee every month to every lived-in unit, at the building’s price per m²', () => {
    const lived = zh.customers.filter((r) => customer(r, 'occupancy') !== '空置');
    const propertyRows = zh.charges.filter((r) => charge(r, 'feeItem') === '物业费');
    expect(propertyRows).toHaveLength(lived.length * 6);
    expect(new Set(zh.charges.map((r) => charge(r, 'period')))).toEqual(
      new Set(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']),
    );
    expect(charge(propertyRows[0], 'dueDate')).toBe(wallToSerial(wall(2026, 6, 15)));
    const parkingUnits = new Set(zh.charges.filter((r) => charge(r, 'feeItem') === '停车费').map((r) => charge(r, 'unit')));
    expect(parkingUnits.size / lived.length).toBeGreaterThan(0.3);
    expect(parkingUnits.size / lived.length).toBeLessThan(0.5);
    for (const r of zh.charges) {
      const amount = charge(r, 'amountDue') as number;
      expect(Math.round(amount * 100) / 100).toBe(amount);
    }
  });

  it('has a few chronic debtors and mostly punctual payers', () => {
    const overdueByUnit = new Map<string, number>();
    const asOfDay = wallToSerial(wall(2026, 11, 25));
    for (const r of zh.charges) {
      if ((charge(r, 'dueDate') as number) < asOfDay && charge(r, 'amountPaid') === null) {
        const unit = charge(r, 'unit') as string;
        overdueByUnit.set(unit, (overdueByUnit.get(unit) ?? 0) + 1);
      }
    }
    // a chronic debtor who stopped in the first three months has at least 4 unpaid property fees
    const chronic = [...overdueByUnit.values()].filter((n) => n >= 4).length;
    expect(chronic).toBeGreaterThanOrEqual(4);
    expect(chronic).toBeLessThanOrEqual(12);
    const paid = zh.charges.filter((r) => charge(r, 'amountPaid') !== null).length / zh.charges.length;
    expect(paid).toBeGreaterThan(0.8);
    expect(zh.reminders.length).toBeGreaterThan(0);
  });

  it('has every description and result for the categories each type uses', () => {
    for (const type of TICKET_TYPES) {
      for (const category of CATEGORY_BY_TYPE[type.key].items) {
        expect([type.key, category, DESCRIPTIONS[type.key][category]?.length ?? 0]).not.toContainEqual(0);
        // a result comes with the case, or from the category's results
        const cases = DESCRIPTIONS[type.key][category] ?? [];
        const needsResult = cases.some((c) => Array.isArray(c));
        if (needsResult) expect([type.key, category, RESULTS[type.key][category]?.length ?? 0]).not.toContainEqual(0);
      }
    }
  });

  it('writes only English labels in the enum columns, and no Chinese at all, in English', () => {
    const en = generateSample({ asOf: AS_OF, lang: 'en' });
    expect(en.lang).toBe('en');
    const listOf: Record<string, ReadonlyArray<EnumValue>> = {
      category: DEFAULT_CATEGORIES,
      department: DEFAULT_DEPARTMENTS,
      feeItem: DEFAULT_FEE_ITEMS,
    };
    const sheets: Array<[SheetDef, unknown[][]]> = [
      [TICKETS, en.tickets],
      [CUSTOMERS, en.customers],
      [CHARGES, en.charges],
      [REMINDERS, en.reminders],
    ];
    for (const [def, rows] of sheets) {
      def.columns.forEach((col, i) => {
        const list =
          col.kind.type === 'enum' ? ENUMS[col.kind.enum] : col.kind.type === 'list' ? listOf[col.kind.list] : undefined;
        if (!list) return;
        const english = new Set(list.map((v) => v.en));
        for (const row of rows) if (row[i] !== null) expect(english).toContain(row[i]);
      });
    }
    const all = JSON.stringify([en.centerName, en.clerks, en.tickets, en.customers, en.charges, en.reminders, en.planted]);
    expect(all).not.toMatch(CJK);
    expect(CHANNELS.map((c) => c.en)).toContain(en.tickets[0][2]);
  });

  it('is the same center in English, only its words translated', () => {
    const en = generateSample({ asOf: AS_OF, lang: 'en' });
    const shape = (s: SampleCenter) =>
      [s.tickets, s.customers, s.charges, s.reminders].map((rows) =>
        rows.map((row) => row.map((c) => (typeof c === 'string' ? (CJK.test(c) ? 'text' : c) : c))),
      );
    // numbers, empties, IDs, units and phones agree cell for cell; translated text is masked on the zh side
    const zhShape = shape(zh);
    const enShape = shape(en).map((rows, s) =>
      rows.map((row, r) => row.map((c, i) => (zhShape[s][r][i] === 'text' && typeof c === 'string' ? 'text' : c))),
    );
    expect(enShape).toEqual(zhShape);
    expect(en.planted.map((p) => [p.sheet, p.row, p.column])).toEqual(zh.planted.map((p) => [p.sheet, p.row, p.column]));
  });

  it('names thousands of English-speaking residents without running out of names', () => {
    expect(generateSample({ asOf: AS_OF, lang: 'en', units: 5000, tickets: 10 }).customers).toHaveLength(5000);
  });

  // how long this takes: `npm run bench` (domain: generate the sample)
  it('makes exactly the number of tickets asked for', () => {
    const big = generateSample({ asOf: AS_OF, units: 5000, tickets: 100_000 });
    expect(big.tickets).toHaveLength(100_000);
    expect(big.customers).toHaveLength(5000);
    expect(generateSample({ asOf: AS_OF, tickets: 0 }).tickets).toHaveLength(0);
    expect(generateSample({ asOf: AS_OF, units: 12, months: 2, tickets: 5 }).tickets).toHaveLength(5);
  });

  it('refuses an as-of that is not a wall-clock time', () => {
    expect(() => generateSample({ asOf: '2026-11-25' })).toThrow(RangeError);
    expect(() => generateSample({ asOf: '2026-02-30T10:00:00' })).toThrow(RangeError);
    expect(() => generateSample({ asOf: AS_OF, units: 0 })).toThrow(RangeError);
  });
});
