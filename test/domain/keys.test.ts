// Column keys are types (schema.ts declares each sheet `as const`): a misspelt key, or a key of
// another sheet, does not compile. `npx tsc --noEmit -p tsconfig.json` checks this file too (tsconfig
// includes test/): each @ts-expect-error fails the type check the day the line below it compiles.
import type { TicketInput } from '../../src/app/entry';
import { crossTab } from '../../src/domain/crosstab';
import { ticketFacts } from '../../src/domain/records';
import type { Rule } from '../../src/domain/rules/rule';
import { ChargeKey, CHARGES, ColumnKey, TicketKey, TICKETS } from '../../src/domain/schema';
import { settingsFromTable } from '../../src/domain/settings';
import { readTable } from '../../src/domain/table';
import { columnIndex } from '../../src/domain/sample/rows';

const tickets = readTable(TICKETS, {
  name: '工单',
  originRow: 0,
  originCol: 0,
  rows: [
    ['工单号', '受理时间', '类别', '状态'],
    ['GD-1', 46351.5, '维修', '已完成'],
  ],
});

describe('column keys', () => {
  it('read a table record by its sheet’s keys only', () => {
    const values = tickets.records[0].values;
    expect(values.id).toBe('GD-1');
    expect(values.status).toBe('resolved');
    // @ts-expect-error 'recievedAt' is not a ticket column
    expect(values.recievedAt).toBeUndefined();
    // @ts-expect-error amountPaid is a column of the charges sheet, not of tickets
    expect(values.amountPaid).toBeUndefined();
  });

  it('name the columns of a sheet as a union of its keys', () => {
    const received: TicketKey = 'receivedAt';
    const paid: ChargeKey = 'amountPaid';
    const anyColumn: ColumnKey<'tickets' | 'charges'> = 'paidDate';
    // @ts-expect-error misspelt
    const misspelt: ChargeKey = 'amountPiad';
    expect([received, paid, anyColumn, misspelt]).toEqual(['receivedAt', 'amountPaid', 'paidDate', 'amountPiad']);
    expect(TICKETS.columns.map((c) => c.key)).toContain(received);
    expect(CHARGES.columns.map((c) => c.key)).toContain(paid);
  });

  it('let a rule look up only its own sheet’s columns', () => {
    const rule: Rule<'charges'> = {
      code: 'EXAMPLE',
      sheet: 'charges',
      severity: 'warning',
      zh: '示例',
      en: 'example',
      prepare: (pass) => {
        // @ts-expect-error 'amountPiad' is not a charges column
        if (!pass.has('amountPiad')) return null;
        // @ts-expect-error resolvedAt is a ticket column
        if (!pass.has('resolvedAt')) return null;
        const at = pass.at(rule, 'amountPaid');
        return (v, row, out) => {
          if (typeof v.amountPaid === 'number' && v.amountPaid < 0) out.push(at(row));
          // @ts-expect-error 'recievedAt' is not a charges column
          if (v.recievedAt !== undefined) out.push(at(row));
        };
      },
    };
    expect(rule.sheet).toBe('charges');
  });

  it('reach the records, the cross-tabs, the entry form and the sample rows', () => {
    expect(ticketFacts(tickets).map((t) => t.id)).toEqual(['GD-1']);
    expect(crossTab(tickets, 'category', 'status', 'zh').total).toBe(1);
    // @ts-expect-error 'categroy' is not a ticket column
    expect(() => crossTab(tickets, 'categroy', 'status', 'zh')).not.toThrow();
    const input: TicketInput = { receivedAt: '2026-11-25 12:00' };
    // @ts-expect-error 'recievedAt' is not a field of the entry form
    const misspelt: TicketInput = { recievedAt: '2026-11-25 12:00' };
    expect([input, misspelt]).toHaveLength(2);
    const column = columnIndex(CHARGES);
    expect(column.amountDue).toBe(3);
    // @ts-expect-error 'amountDeu' is not a charges column
    expect(column.amountDeu).toBeUndefined();
  });

  it('refuse a read of the wrong sheet where one sheet is meant', () => {
    // @ts-expect-error Settings are read from the Settings sheet, not from tickets
    expect(() => settingsFromTable(tickets, 'zh')).not.toThrow();
  });
});
