// Duplicates: rows that clash with other rows of the sheet. They need the whole sheet, so they read
// sheet-wide facts (facts.ts, keyed by its FACT_KEYS); the later row of a pair carries the problem,
// the first stays unmarked so the clerk sees which one to fix.
import { laterRows } from './facts';
import { Rule } from './rule';

const TICKET_DUPLICATE_RULES: ReadonlyArray<Rule<'tickets'>> = [
  {
    // docs/validation.md: the ticket ID is unique (even when two clerks add rows at the same moment)
    code: 'TICKET_DUPLICATE_ID',
    sheet: 'tickets',
    severity: 'error',
    zh: '工单号不得重复（重复时标在后一行）',
    en: 'the same ticket ID twice (reported on the later row)',
    prepare(pass) {
      if (!pass.has('id')) return null;
      const at = pass.at(this, 'id');
      const later = laterRows(pass.facts, 'ticketId');
      return (v, row, out) => {
        const first = later.get(row);
        if (first !== undefined) out.push(at(row, { found: String(v.id), firstRow: first }));
      };
    },
  },
  {
    // issue 4: the same unit + category + description on the same day is possibly typed twice
    code: 'TICKET_DOUBLE_ENTRY',
    sheet: 'tickets',
    severity: 'warning',
    zh: '同一房号、类别、内容在同一天受理两次：可能重复录入（标在后一行）',
    en: 'the same unit + category + description on the same day: possible double entry (on the later row)',
    prepare(pass) {
      if (!pass.has('description')) return null;
      const at = pass.at(this, 'description');
      const later = laterRows(pass.facts, 'doubleEntry');
      const params = {
        unitColumn: pass.header('unit'),
        categoryColumn: pass.header('category'),
        receivedColumn: pass.header('receivedAt'),
      };
      return (_v, row, out) => {
        const first = later.get(row);
        if (first !== undefined) out.push(at(row, { ...params, firstRow: first }));
      };
    },
  },
];

const CUSTOMER_DUPLICATE_RULES: ReadonlyArray<Rule<'customers'>> = [
  {
    // issue 13: a unit is registered once; two rows of one unit make its owner, phone and occupancy
    // ambiguous (households, callback plans, notices read them); an error, as for a ticket ID
    code: 'CUSTOMER_DUPLICATE_UNIT',
    sheet: 'customers',
    severity: 'error',
    zh: '房号不得重复登记（重复时标在后一行，并写明前一行）',
    en: 'the same unit registered twice (reported on the later row, naming the earlier one)',
    prepare(pass) {
      if (!pass.has('unit')) return null;
      const at = pass.at(this, 'unit');
      const later = laterRows(pass.facts, 'unit');
      return (v, row, out) => {
        const first = later.get(row);
        if (first !== undefined) out.push(at(row, { found: String(v.unit), firstRow: first }));
      };
    },
  },
];

export const DUPLICATE_RULES: ReadonlyArray<Rule> = [...TICKET_DUPLICATE_RULES, ...CUSTOMER_DUPLICATE_RULES];
