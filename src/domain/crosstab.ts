// Cross-tabs of tickets (the KPI pivots as values): counts of tickets by two columns, with the values
// as written in the workbook (the labels a clerk typed), rows and columns in a stable order.
import { BLANK_LABEL, ENUMS, EnumValue, enumLabel, Lang } from './enums';
import { ColumnKind, TicketKey } from './schema';
import { TableRead, TableRecord } from './table';
import { monthLabel } from './time';

export interface CrossTab {
  readonly rowKey: CrossKey;
  readonly colKey: CrossKey;
  readonly rows: ReadonlyArray<string>;
  readonly cols: ReadonlyArray<string>;
  /** counts[r][c] */
  readonly counts: ReadonlyArray<ReadonlyArray<number>>;
  readonly rowTotals: ReadonlyArray<number>;
  readonly colTotals: ReadonlyArray<number>;
  readonly total: number;
}

/** A ticket column, or 'month': the month of 受理时间. */
export type CrossKey = TicketKey | 'month';

type Ticket = TableRecord<TicketKey>;

function kindOf(read: TableRead<'tickets'>, key: CrossKey): ColumnKind | undefined {
  return key === 'month' ? undefined : read.def.columns.find((c) => c.key === key)?.kind;
}

function labeller(read: TableRead<'tickets'>, key: CrossKey, lang: Lang): (r: Ticket) => string | null {
  if (key === 'month') {
    return (r) => (typeof r.values.receivedAt === 'number' ? monthLabel(r.values.receivedAt) : null);
  }
  const kind = kindOf(read, key);
  if (kind?.type === 'enum') {
    const list = ENUMS[kind.enum];
    return (r) => {
      const v = r.values[key];
      return typeof v === 'string' ? enumLabel(list, v, lang) : null;
    };
  }
  return (r) => {
    const v = r.values[key];
    return v === null || v === undefined ? null : String(v);
  };
}

function order(values: Iterable<string>, key: CrossKey, read: TableRead<'tickets'>): string[] {
  const all = [...values];
  const kind = kindOf(read, key);
  if (kind?.type === 'enum') {
    // the enumeration's own order (待派单 before 已派单 …), whatever the language
    const list: ReadonlyArray<EnumValue> = ENUMS[kind.enum];
    const rank = (s: string) => {
      const i = list.findIndex((v) => v.zh === s || v.en === s);
      return i < 0 ? 99 : i;
    };
    return all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  return all.sort((a, b) => a.localeCompare(b));
}

/** Counts tickets by two columns; a ticket with either value empty counts under BLANK_LABEL. */
export function crossTab(read: TableRead<'tickets'>, rowKey: CrossKey, colKey: CrossKey, lang: Lang): CrossTab {
  const blank = BLANK_LABEL[lang];
  const rowOf = labeller(read, rowKey, read.lang);
  const colOf = labeller(read, colKey, read.lang);
  const cells = new Map<string, Map<string, number>>();
  const colSet = new Set<string>();
  for (const r of read.records) {
    const rv = rowOf(r) ?? blank;
    const cv = colOf(r) ?? blank;
    colSet.add(cv);
    let m = cells.get(rv);
    if (!m) cells.set(rv, (m = new Map()));
    m.set(cv, (m.get(cv) ?? 0) + 1);
  }
  const rows = order(cells.keys(), rowKey, read);
  const cols = order(colSet, colKey, read);
  const counts = rows.map((rv) => cols.map((cv) => cells.get(rv)?.get(cv) ?? 0));
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = cols.map((_, c) => counts.reduce((a, r) => a + r[c], 0));
  return { rowKey, colKey, rows, cols, counts, rowTotals, colTotals, total: rowTotals.reduce((a, b) => a + b, 0) };
}
