// Cells -> typed values. A cell that does not convert is data about the cell (a result), never an
// exception: the clerk's value stays where it is and the problem names what was expected.
import type { Cell } from './grid';
import { ColumnKind } from './schema';
import { ENUMS, enumKey, Lang, label } from './enums';
import { centsInRange, yuanToCents } from './money';
import { MAX_SERIAL, MIN_SERIAL, parseWallText, serialToWall, startOfDay, WallTime, monthLabel } from './time';

/** What a conversion expected, as a stable code; messages.ts words it for people. */
export type ExpectedCode =
  | 'datetime'
  | 'date'
  | 'money'
  /** an amount past MAX_CENTS (money.ts): a sum of such could not be kept to the cent */
  | 'moneyInRange'
  | 'number'
  | 'period'
  | 'text'
  | 'enum';

export type ConvertProblem =
  | { readonly kind: 'errorValue'; readonly found: string; readonly expected: ExpectedCode }
  | { readonly kind: 'wrongType'; readonly found: string; readonly expected: ExpectedCode; readonly allowed?: ReadonlyArray<string> };

export type Converted<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly problem: ConvertProblem };

/** A value of a column kind: text, wall time, integer cents, a number, 'YYYY-MM', or an enum key. */
export type Value = string | number;

const EMPTY: Converted<never> = { ok: true, value: null };

function ok<T>(value: T): Converted<T> {
  return { ok: true, value };
}

function wrong(cell: Cell, expected: ExpectedCode, allowed?: ReadonlyArray<string>): Converted<never> {
  return { ok: false, problem: allowed ? { kind: 'wrongType', found: shown(cell), expected, allowed } : { kind: 'wrongType', found: shown(cell), expected } };
}

/** The cell as a person would see it, for messages (long text shortened). */
function shown(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.error;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const s = String(cell);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

const NUMBER_TEXT = /^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

function numberFromText(text: string): number | undefined {
  const t = text.replace(/[¥￥元\s]/g, '');
  if (!NUMBER_TEXT.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}

function toWall(cell: string | number | boolean): WallTime | undefined {
  if (typeof cell === 'number') return cell >= MIN_SERIAL && cell < MAX_SERIAL ? serialToWall(cell) : undefined;
  if (typeof cell === 'string') return parseWallText(cell);
  return undefined;
}

const PERIOD_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;

function toPeriod(cell: string | number | boolean): string | undefined {
  if (typeof cell === 'string') {
    const m = PERIOD_TEXT.exec(cell.trim());
    if (!m) return undefined;
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : undefined;
  }
  // Excel turns a typed "2026-11" into the date 2026-11-01: take its month.
  const t = toWall(cell);
  return t === undefined ? undefined : monthLabel(t);
}

/**
 * Converts one cell for a column kind. Enum columns give the enum key; `list` columns (values from
 * Settings) give the trimmed text, checked against Settings by validation, not here.
 */
export function convertCell(kind: ColumnKind, cell: Cell, lang: Lang = 'zh'): Converted<Value> {
  if (cell === null) return EMPTY;
  if (typeof cell === 'string' && cell.trim() === '') return EMPTY;
  if (typeof cell === 'object') return { ok: false, problem: { kind: 'errorValue', found: cell.error, expected: expectedOf(kind) } };
  switch (kind.type) {
    case 'text':
    case 'list':
      if (typeof cell === 'string') return ok(cell.trim());
      if (typeof cell === 'number') return ok(String(cell));
      return wrong(cell, 'text');
    case 'phone':
      if (typeof cell === 'string') return ok(cell.trim());
      // A phone typed into a General cell becomes a number: 13812345678 reads back the same.
      if (typeof cell === 'number' && Number.isInteger(cell)) return ok(String(cell));
      return wrong(cell, 'text');
    case 'datetime': {
      const t = toWall(cell);
      return t === undefined ? wrong(cell, 'datetime') : ok(t);
    }
    case 'date': {
      const t = toWall(cell);
      return t === undefined ? wrong(cell, 'date') : ok(startOfDay(t));
    }
    case 'money': {
      const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? numberFromText(cell) : undefined;
      if (n === undefined || !Number.isFinite(n)) return wrong(cell, 'money');
      const cents = yuanToCents(n);
      return centsInRange(cents) ? ok(cents) : wrong(cell, 'moneyInRange');
    }
    case 'number': {
      const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? numberFromText(cell) : undefined;
      return n === undefined || !Number.isFinite(n) ? wrong(cell, 'number') : ok(n);
    }
    case 'period': {
      const p = toPeriod(cell);
      return p === undefined ? wrong(cell, 'period') : ok(p);
    }
    case 'enum': {
      const list = ENUMS[kind.enum];
      const key = typeof cell === 'string' ? enumKey(list, cell) : undefined;
      return key === undefined ? wrong(cell, 'enum', list.map((v) => label(v, lang))) : ok(key);
    }
  }
}

function expectedOf(kind: ColumnKind): ExpectedCode {
  switch (kind.type) {
    case 'datetime':
    case 'date':
    case 'money':
    case 'number':
    case 'period':
    case 'text':
    case 'enum':
      return kind.type;
    case 'phone':
    case 'list':
      return 'text';
  }
}
