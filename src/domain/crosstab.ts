// Cross-tabs of tickets (the KPI pivots as values): counts of tickets by two columns, with the values
// as written in the workbook (the labels a clerk typed), rows and columns in a stable order.
import { ENUMS, EnumName, EnumValue, label, Lang } from './enums';
import { ColumnKind } from './schema';
import { TableRead, TableRecord } from './table';
import { monthLabel } from './time';

export interface CrossTab {
  readonly rowKey: string;
  readonly colKey: string;
  readonly rows: ReadonlyArray<string>;
  readonly cols: ReadonlyArray<string>;
  /** counts[r][c] */
  readonly counts: ReadonlyArray<ReadonlyArray<number>>;
  readonly rowTotals: ReadonlyArray<number>;
  readonly colTotals: ReadonlyArray<number>;
  readonly total: number;
}

/** 'month' stands for the month of 受理时间. */
export type CrossKey = string | 'month';

function labeller(read: TableRead, key: CrossKey, lang: Lang): (r: TableRecord) => string | null {
  if (key === 'month') {
    return (r) => (typeof r.values.receivedAt === 'number' ? monthLabel(r.values.receivedAt) : null);
  }
  const kind: ColumnKind | undefined = read.def.columns.find((c) => c.key === key)?.kind;
  if (kind?.type === 'enum') {
    const list: ReadonlyArray<EnumValue> = ENUMS[kind.enum as EnumName];
    const names = new Map<string, string>(list.map((v) => [v.key, label(v, lang)]));
    return (r) => {
      const v = r.values[key];
      return typeof v === 'string' ? (names.get(v) ?? v) : null;
    };
  }
  return (r) => {
    const v = r.values[key];
    return v === null || v === undefined ? null : String(v);
  };
}

function order(values: Iterable<string>, key: CrossKey, read: TableRead): string[] {
  const all = [...values];
  const kind = key === 'month' ? undefined : read.def.columns.find((c) => c.key === key)?.kind;
  if (kind?.type === 'enum') {
    // the enumeration's own order (待派单 before 已派单 …), whatever the language
    const list: ReadonlyArray<EnumValue> = ENUMS[kind.enum as EnumName];
    const rank = (s: string) => {
      const i = list.findIndex((v) => v.zh === s || v.en === s);
      return i < 0 ? 99 : i;
    };
    return all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }
  return all.sort((a, b) => a.localeCompare(b));
}

/** Counts tickets by two columns; a ticket with either value empty counts under "(空)" / "(blank)". */
export function crossTab(read: TableRead, rowKey: CrossKey, colKey: CrossKey, lang: Lang): CrossTab {
  const blank = lang === 'zh' ? '(空)' : '(blank)';
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
