// Sheet-wide facts: what judging one row needs to know about the others (which rows carry the same
// ticket ID, which rows look like the same entry typed twice). Built once from the whole sheet, then
// updated with the rows a clerk changes, so judging those rows alone gives what a full pass gives.
import { SheetKey } from '../schema';
import { TableRead, TableRecord } from '../table';
import { MS_PER_DAY } from '../time';
import type { KeyIndex, KeyRows, SheetFacts, Values } from './rule';

interface Fact<S extends SheetKey = SheetKey> {
  /** the rows a row may clash with share this key; undefined: the row takes no part */
  readonly key: (values: Values<S>) => string | undefined;
  /** when the key only narrows the rows down: do two rows with the same key clash */
  readonly same?: (earlier: Values<S>, later: Values<S>) => boolean;
}

/** The facts indexed here, by sheet and fact name (the duplicate rules read them: duplicates.ts). */
const FACT_KEYS: { readonly [S in SheetKey]?: Readonly<Record<string, Fact<S>>> } = {
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
  customers: {
    // the register's key: one row per unit (read trimmed, compared as typed)
    unit: { key: (v) => (typeof v.unit === 'string' && v.unit !== '' ? v.unit : undefined) },
  },
};

const NO_ROWS: ReadonlyArray<number> = [];

function rowsOf(rows: KeyRows | undefined): ReadonlyArray<number> {
  return rows === undefined ? NO_ROWS : typeof rows === 'number' ? [rows] : rows;
}

function addRow(rowsOfKey: Map<string, KeyRows>, key: string, row: number): void {
  const rows = rowsOfKey.get(key);
  if (rows === undefined) rowsOfKey.set(key, row);
  else if (typeof rows === 'number') {
    if (rows !== row) rowsOfKey.set(key, rows < row ? [rows, row] : [row, rows]);
  } else if (!rows.includes(row)) {
    // a new array: facts are values, shared between the old and the updated copy
    const next = [...rows, row];
    if (row < rows[rows.length - 1]) next.sort((a, b) => a - b);
    rowsOfKey.set(key, next);
  }
}

function removeRow(rowsOfKey: Map<string, KeyRows>, key: string, row: number): void {
  const rows = rowsOfKey.get(key);
  if (rows === undefined) return;
  if (typeof rows === 'number') {
    if (rows === row) rowsOfKey.delete(key);
    return;
  }
  const left = rows.filter((r) => r !== row);
  rowsOfKey.set(key, left.length === 1 ? left[0] : left);
}

function factKeys(sheet: SheetKey): Array<[string, Fact]> {
  return Object.entries(FACT_KEYS[sheet] ?? {});
}

/** The facts of a whole sheet. */
export function sheetFacts(sheet: SheetKey, read: TableRead): SheetFacts {
  const indexes: Record<string, KeyIndex> = {};
  const keys = factKeys(sheet);
  const values: Array<Values | undefined> = [];
  if (keys.length > 0) for (const rec of read.records) values[rec.row] = rec.values;
  for (const [name, fact] of keys) {
    const rowsOfKey = new Map<string, KeyRows>();
    const keyOf: Array<string | undefined> = [];
    for (const rec of read.records) {
      const key = fact.key(rec.values);
      if (key === undefined) continue;
      addRow(rowsOfKey, key, rec.row);
      keyOf[rec.row] = key;
    }
    indexes[name] = { rowsOf: rowsOfKey, keyOf };
  }
  return { sheet, indexes, values };
}

/**
 * The facts after `changed` records (new or edited rows, as read now) and `removedRows` (rows now
 * blank or deleted: Excel row numbers). A changed row counts under its new keys only. The facts
 * given are left as they were.
 */
export function updateFacts(facts: SheetFacts, changed: ReadonlyArray<TableRecord>, removedRows: ReadonlyArray<number> = []): SheetFacts {
  const indexes: Record<string, KeyIndex> = {};
  const values = facts.values.slice();
  for (const row of removedRows) values[row] = undefined;
  for (const rec of changed) values[rec.row] = rec.values;
  for (const [name, fact] of factKeys(facts.sheet)) {
    const old = facts.indexes[name];
    const rowsOfKey = new Map(old?.rowsOf ?? []);
    const keyOf = old ? old.keyOf.slice() : [];
    const leave = (row: number) => {
      const key = keyOf[row];
      if (key === undefined) return;
      removeRow(rowsOfKey, key, row);
      keyOf[row] = undefined;
    };
    for (const row of removedRows) leave(row);
    for (const rec of changed) {
      leave(rec.row);
      const key = fact.key(rec.values);
      if (key === undefined) continue;
      addRow(rowsOfKey, key, rec.row);
      keyOf[rec.row] = key;
    }
    indexes[name] = { rowsOf: rowsOfKey, keyOf };
  }
  return { sheet: facts.sheet, indexes, values };
}

/**
 * The rows whose sheet-wide problems may differ between `before` and `after` because `rows` changed:
 * the rows themselves and every row sharing an old or a new key with them. Live validation judges
 * these again (a row that duplicated the changed one may now be the first of its ID, or the second).
 */
export function relatedRows(before: SheetFacts, after: SheetFacts, rows: ReadonlyArray<number>): number[] {
  const out = new Set<number>(rows);
  for (const name of Object.keys(after.indexes)) {
    const was = before.indexes[name];
    const now = after.indexes[name];
    for (const row of rows) {
      for (const key of [was?.keyOf[row], now.keyOf[row]]) {
        if (key === undefined) continue;
        for (const r of rowsOf(now.rowsOf.get(key))) out.add(r);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Each row that repeats an earlier row under a fact (same key, and `same` when the fact has one),
 * with the first such earlier row: read off the facts once per pass, so judging a row is one lookup.
 */
export function laterRows(facts: SheetFacts, name: string): Map<number, number> {
  const later = new Map<number, number>();
  const index = facts.indexes[name];
  const same = FACT_KEYS[facts.sheet]?.[name]?.same;
  if (!index) return later;
  for (const rows of index.rowsOf.values()) {
    if (typeof rows === 'number') continue;
    for (let i = 1; i < rows.length; i++) {
      const v = facts.values[rows[i]];
      for (let j = 0; j < i; j++) {
        const w = facts.values[rows[j]];
        if (!same || (v !== undefined && w !== undefined && same(w, v))) {
          later.set(rows[i], rows[j]);
          break;
        }
      }
    }
  }
  return later;
}
