// Cross-tabs of tickets (the KPI pivots as values): counts of tickets by two columns, with the values
// as written in the workbook (the labels a clerk typed), rows and columns in one order in every face:
// an enumeration's, the Settings order for categories and departments, months in time order.
import { BLANK_LABEL, ENUMS, EnumValue, enumLabel, Lang } from './enums';
import { ColumnKind, TicketKey } from './schema';
import { TableRead, TableRecord } from './table';
import { inListOrder } from './listOrder';
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

/** The order of a column's values: a list's (an enumeration's, whatever the language, or a Settings
 *  list's), then values not on it by code point, the blank last; months in time order. */
function order(values: Iterable<string>, key: CrossKey, read: TableRead<'tickets'>, lists: CrossLists, blank: string): string[] {
  const kind = kindOf(read, key);
  if (kind?.type === 'enum') {
    // the enumeration's own order (待派单 before 已派单 …), whatever the language
    const list: ReadonlyArray<EnumValue> = ENUMS[kind.enum];
    return inListOrder(values, list.flatMap((v) => [v.zh, v.en]), blank);
  }
  // categories and departments in the Settings order, as every report lists them
  return inListOrder(values, (key === 'category' || key === 'department' ? lists[key] : undefined) ?? [], blank);
}

/** The Settings lists that order a cross-tab's categories and departments. */
export interface CrossLists {
  readonly category?: ReadonlyArray<string>;
  readonly department?: ReadonlyArray<string>;
}

/** Counts tickets by two columns; a ticket with either value empty counts under BLANK_LABEL. */
export function crossTab(read: TableRead<'tickets'>, rowKey: CrossKey, colKey: CrossKey, lang: Lang, lists: CrossLists = {}): CrossTab {
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
  const rows = order(cells.keys(), rowKey, read, lists, blank);
  const cols = order(colSet, colKey, read, lists, blank);
  const counts = rows.map((rv) => cols.map((cv) => cells.get(rv)?.get(cv) ?? 0));
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = cols.map((_, c) => counts.reduce((a, r) => a + r[c], 0));
  return { rowKey, colKey, rows, cols, counts, rowTotals, colTotals, total: rowTotals.reduce((a, b) => a + b, 0) };
}
