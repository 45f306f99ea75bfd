// Duplicates: rows that clash with other rows of the sheet. They need the whole sheet, so they read
// sheet-wide facts (facts.ts) built from these keys; the later row of a pair carries the problem,
// the first stays unmarked so the clerk sees which one to fix.
import { SheetKey } from '../schema';
import { MS_PER_DAY } from '../time';
import { laterRows } from './facts';
import { Rule, Values } from './rule';

export interface Fact {
  /** the rows a row may clash with share this key; undefined: the row takes no part */
  readonly key: (values: Values) => string | undefined;
  /** when the key only narrows the rows down: do two rows with the same key clash */
  readonly same?: (earlier: Values, later: Values) => boolean;
}

/** The facts that facts.ts indexes, by sheet and fact name. */
export const FACT_KEYS: Readonly<Partial<Record<SheetKey, Readonly<Record<string, Fact>>>>> = {
  tickets: {
    ticketId: { key: (v) => (typeof v.id === 'string' && v.id !== '' ? v.id : undefined) },
    // keyed by day and unit (short keys hash fast); category and description are compared within
    doubleEntry: {
      key: (v) =>
        typeof v.unit === 'string' && typeof v.category === 'string' && typeof v.description === 'string' && typeof v.receivedAt === 'number'
          ? `${Math.floor(v.receivedAt / MS_PER_DAY)}|${v.unit}`
          : undefined,
      same: (a, b) => a.category === b.category && a.description === b.description,
    },
  },
};

export const DUPLICATE_RULES: ReadonlyArray<Rule> = [
  {
    // PRODUCT.md: the ticket ID is unique (even when two clerks add rows at the same moment)
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
