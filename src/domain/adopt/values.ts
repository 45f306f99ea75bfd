// A legacy register's values as the structured sheets keep them: dates in the many shapes clerks type
// (2026/11/3, 2026-11-03 14:20, 2026年11月3日, 11月3日, 20261103, 2026.11.3, 3/11/2026), money with ¥,
// commas and 元, enumeration words by synonym (synonyms.ts). A value that does not convert is never
// dropped or guessed at: the caller keeps it as it was and says so.
import { ColumnKind } from '../schema';
import { ENUMS, EnumName, enumKey, label, Lang } from '../enums';
import type { Cell } from '../grid';
import { isCellError } from '../grid';
import { calendarDayOf, serialToWall, wall, wallToSerial, WallTime } from '../time';
import { VALUE_SYNONYMS } from './synonyms';

/** Dates outside these years are not taken for dates (a count of 12, a code of 2001). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
const FIRST_SERIAL = 32_874; // 1990-01-01
const LAST_SERIAL = 73_051; // 2100-01-01

/** How a column writes day and month when both come before the year (3/11/2026). */
export type DayOrder = 'dmy' | 'mdy';

export interface DateContext {
  /** the year of a date written without one (11月3日): from the sheet's title or name */
  readonly year?: number;
  /** the order of a column's d/m/yyyy dates, when the column shows it (a 13 or more first or second) */
  readonly order?: DayOrder;
}

function plausible(y: number, m: number, d: number, h = 0, mi = 0, s = 0): WallTime | undefined {
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = wall(y, m, d, h, mi, s);
  const day = calendarDayOf(t);
  return day.m === m && day.d === d ? t : undefined; // 2026-02-30 is no date
}

const TIME = String.raw`(?:[\sT]+(\d{1,2})(?:[:：时点](\d{1,2})(?:[:：分](\d{1,2}))?)?(?:秒|分)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?${TIME}$`);
const MD = new RegExp(String.raw`^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})${TIME}$`);

function withTime(y: number, m: number, d: number, rest: ReadonlyArray<string | undefined>): WallTime | undefined {
  const [h, mi, s] = rest.map((v) => (v === undefined ? 0 : Number(v)));
  return plausible(y, m, d, h, mi, s);
}

/** Which order a d/m/yyyy text shows by itself: a part above 12 can only be a day. */
export function dayOrderOf(cell: Cell): DayOrder | undefined {
  if (typeof cell !== 'string') return undefined;
  const m = DMY.exec(cell.trim());
  if (!m) return undefined;
  if (Number(m[1]) > 12 && Number(m[2]) <= 12) return 'dmy';
  if (Number(m[2]) > 12 && Number(m[1]) <= 12) return 'mdy';
  return undefined;
}

/** A date or date-time in any shape a register uses; undefined when it is none, or when it is
 *  ambiguous (3/11/2026 in a column that never shows its order). */
export function legacyDate(cell: Cell, ctx: DateContext = {}): WallTime | undefined {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19_900_101 && cell <= 21_001_231) {
      return plausible(Math.floor(cell / 10_000), Math.floor(cell / 100) % 100, cell % 100);
    }
    return cell >= FIRST_SERIAL && cell < LAST_SERIAL ? serialToWall(cell) : undefined;
  }
  if (typeof cell !== 'string') return undefined;
  const t = cell.trim().replace(/\s+/g, ' ');
  let m = YMD.exec(t);
  if (m) return withTime(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4));
  m = COMPACT.exec(t);
  if (m) return withTime(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4));
  m = MD.exec(t);
  if (m) return ctx.year === undefined ? undefined : withTime(ctx.year, Number(m[1]), Number(m[2]), m.slice(3));
  m = DMY.exec(t);
  if (m) {
    const order = dayOrderOf(t) ?? ctx.order;
    if (!order) return undefined;
    const [d, mo] = order === 'dmy' ? [m[1], m[2]] : [m[2], m[1]];
    return withTime(Number(m[3]), Number(mo), Number(d), m.slice(4));
  }
  return undefined;
}

/** An amount of money: a number, or text with ¥, ￥, 元, commas and spaces. */
export function legacyNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const t = cell.replace(/[¥￥元\s]/g, '').replace(/^RMB/i, '');
  if (!/^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}

const synonymIndex = new Map<EnumName, Map<string, string>>();

function normalizeWord(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** An enumeration's key for a word of a register (its label in either language, or a synonym). */
export function legacyEnum(name: EnumName, cell: Cell): string | undefined {
  if (cell === null || isCellError(cell) || typeof cell === 'boolean') return undefined;
  const text = String(cell);
  const direct = enumKey(ENUMS[name], text.trim());
  if (direct) return direct;
  let index = synonymIndex.get(name);
  if (!index) {
    index = new Map();
    for (const [key, words] of Object.entries(VALUE_SYNONYMS[name] ?? {})) for (const w of words) index.set(normalizeWord(w), key);
    synonymIndex.set(name, index);
  }
  return index.get(normalizeWord(text));
}

/** YYYY-MM of a period cell: 2026-11, 2026年11月, 2026/11, 202611, or a date in that month. */
export function legacyPeriod(cell: Cell, ctx: DateContext = {}): string | undefined {
  const month = (y: number, m: number) => (y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}` : undefined);
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 199_001 && cell <= 210_012) return month(Math.floor(cell / 100), cell % 100);
  if (typeof cell === 'string') {
    const m = /^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?(?:份)?$/.exec(cell.trim());
    if (m) return month(Number(m[1]), Number(m[2]));
  }
  const t = legacyDate(cell, ctx);
  if (t === undefined) return undefined;
  const day = calendarDayOf(t);
  return month(day.y, day.m);
}

/** Text of a cell as a person reads it: a number without its float noise, a date left as it is. */
export function legacyText(cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'string') return cell.trim() === '' ? undefined : cell.trim();
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return undefined;
}

/** What converting one value gave: the cell for the structured sheet, or the value kept as it was. */
export type Converted = { readonly ok: true; readonly cell: Cell } | { readonly ok: false; readonly cell: Cell };

/**
 * A register's value as the structured column of `kind` stores it: dates and times as Excel serials,
 * money and numbers as numbers, an enumeration as its label in `lang`, a period as YYYY-MM, text
 * trimmed. A blank stays blank; a value that does not convert is kept as it was (ok: false), so that
 * validation shows it and nothing a person typed is lost.
 */
export function convertLegacy(kind: ColumnKind, cell: Cell, lang: Lang, ctx: DateContext = {}): Converted {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, cell: null };
  if (isCellError(cell)) return { ok: false, cell };
  const kept: Converted = { ok: false, cell };
  switch (kind.type) {
    case 'text':
    case 'list':
    case 'phone': {
      const t = legacyText(cell);
      return t === undefined ? kept : { ok: true, cell: t };
    }
    case 'datetime': {
      const t = legacyDate(cell, ctx);
      return t === undefined ? kept : { ok: true, cell: wallToSerial(t) };
    }
    case 'date': {
      const t = legacyDate(cell, ctx);
      return t === undefined ? kept : { ok: true, cell: Math.floor(wallToSerial(t)) };
    }
    case 'money':
    case 'number': {
      const n = legacyNumber(cell);
      return n === undefined ? kept : { ok: true, cell: n };
    }
    case 'period': {
      const p = legacyPeriod(cell, ctx);
      return p === undefined ? kept : { ok: true, cell: p };
    }
    case 'enum': {
      const key = legacyEnum(kind.enum, cell);
      const value = key === undefined ? undefined : ENUMS[kind.enum].find((v) => v.key === key);
      return value ? { ok: true, cell: label(value, lang) } : kept;
    }
  }
}
