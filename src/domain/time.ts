// Wall-clock time. All times are the workbook's wall-clock time (docs/sheets.md: "there is no time-zone
// arithmetic"), so an instant is kept as the milliseconds of its wall-clock reading taken as if it were
// UTC. dayjs in UTC mode does the calendar work on those numbers without any zone ever applying.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Milliseconds of a wall-clock reading, as if it were UTC. */
export type WallTime = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

// Excel's 1900 date system: days since 1899-12-30, the time of day as a fraction; serial 25569 is
// 1970-01-01, so a wall time (ms since 1970-01-01 00:00 of the wall clock) is the serial's offset from
// it. Serials before 61 sit on Excel's phantom 1900-02-29 and mean nothing in a service center's books,
// so the cell converters refuse them. The one epoch of the code base: every serial goes through here.
const EPOCH_SERIAL = 25569;
export const MIN_SERIAL = 61;
export const MAX_SERIAL = 2958466; // 9999-12-31

export function serialToWall(serial: number): WallTime {
  // Round to the second: serials carry binary fractions of a day.
  return Math.round((serial - EPOCH_SERIAL) * 86400) * 1000;
}

export function wallToSerial(t: WallTime): number {
  return t / MS_PER_DAY + EPOCH_SERIAL;
}

/** The wall time of a calendar reading (month 1-12). */
export function wall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallTime {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Midnight of the day a wall time falls on. */
export function startOfDay(t: WallTime): WallTime {
  return Math.floor(t / MS_PER_DAY) * MS_PER_DAY;
}

/** Midnight of the day before the day of `t`: the last day of a period that ends (exclusively) at `t`. */
export function dayBefore(t: WallTime): WallTime {
  return startOfDay(t) - MS_PER_DAY;
}

/** Midnight of January 1st of the year of `t`. */
export function startOfYear(t: WallTime): WallTime {
  return dayjs.utc(t).startOf('year').valueOf();
}

/** The calendar fields of a wall time. */
export interface CalendarDay {
  readonly y: number;
  /** 1-12 */
  readonly m: number;
  readonly d: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

export function calendarDayOf(t: WallTime): CalendarDay {
  const d = new Date(t); // read as UTC: no zone applies
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), weekday: d.getUTCDay() };
}

const TEXT_FORMATS = [
  'YYYY-MM-DD HH:mm:ss',
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DDTHH:mm:ss',
  'YYYY-MM-DDTHH:mm',
  'YYYY-MM-DD',
  'YYYY-M-D H:mm:ss',
  'YYYY-M-D H:mm',
  'YYYY-M-D',
  'YYYY/MM/DD HH:mm:ss',
  'YYYY/MM/DD HH:mm',
  'YYYY/MM/DD',
  'YYYY/M/D H:mm:ss',
  'YYYY/M/D H:mm',
  'YYYY/M/D',
  'YYYY.M.D',
  'YYYY.M.D H:mm',
  'YYYY年M月D日 H:mm:ss',
  'YYYY年M月D日 H:mm',
  'YYYY年M月D日 H点',
  'YYYY年M月D日',
];

// Cheap gate before the formats: every accepted format starts with a four-digit year.
const LOOKS_LIKE_DATE = /^\d{4}[-/.年]\d{1,2}/;

type Field = 'y' | 'm' | 'd' | 'h' | 'mi' | 's';
/**
 * Each token of a format: the field it fills and the digits it takes, as strictly as a clerk's text
 * is meant: a padded token exactly two digits, an unpadded one a number without a leading zero
 * ('2026-3-8 9:30' and '2026-03-08 09:30' are dates, '2026-3-08' is in neither format).
 */
const TOKENS: Readonly<Record<string, { readonly field: Field; readonly digits: string }>> = {
  YYYY: { field: 'y', digits: '\\d{4}' },
  MM: { field: 'm', digits: '\\d{2}' },
  M: { field: 'm', digits: '[1-9]?\\d' },
  DD: { field: 'd', digits: '\\d{2}' },
  D: { field: 'd', digits: '[1-9]?\\d' },
  HH: { field: 'h', digits: '\\d{2}' },
  H: { field: 'h', digits: '[1-9]?\\d' },
  mm: { field: 'mi', digits: '\\d{2}' },
  ss: { field: 's', digits: '\\d{2}' },
};
const TOKEN = /YYYY|MM|M|DD|D|HH|H|mm|ss/g;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface TextFormat {
  readonly pattern: RegExp;
  readonly fields: ReadonlyArray<Field>;
}

/** A format as a pattern and the fields its groups fill. */
function compile(format: string): TextFormat {
  const fields: Field[] = [];
  let source = '';
  let at = 0;
  for (const m of format.matchAll(TOKEN)) {
    const token = TOKENS[m[0]];
    source += `${literal(format.slice(at, m.index))}(${token.digits})`;
    fields.push(token.field);
    at = (m.index ?? 0) + m[0].length;
  }
  return { pattern: new RegExp(`^${source}${literal(format.slice(at))}$`), fields };
}

const COMPILED: ReadonlyArray<TextFormat> = TEXT_FORMATS.map(compile);

/** The wall time of calendar fields, or undefined when they name no day or no time of day. */
function wallOfFields(f: Readonly<Record<Field, number>>): WallTime | undefined {
  if (f.m < 1 || f.m > 12 || f.d < 1 || f.h > 23 || f.mi > 59 || f.s > 59) return undefined;
  const t = wall(f.y, f.m, f.d, f.h, f.mi, f.s);
  const day = calendarDayOf(t);
  return day.m === f.m && day.d === f.d ? t : undefined;
}

/**
 * A date or date-time typed as text, in the formats clerks use; undefined when it is not one. The
 * digits are read as the calendar fields they are, with no clock and no zone: the same text is the
 * same wall time on every machine, a daylight-saving gap in the machine's zone included.
 */
export function parseWallText(text: string): WallTime | undefined {
  const t = text.trim();
  if (!LOOKS_LIKE_DATE.test(t)) return undefined;
  for (const format of COMPILED) {
    const match = format.pattern.exec(t);
    if (!match) continue;
    const f: Record<Field, number> = { y: 0, m: 1, d: 1, h: 0, mi: 0, s: 0 };
    format.fields.forEach((field, i) => (f[field] = Number(match[i + 1])));
    return wallOfFields(f);
  }
  return undefined;
}

const ISO_TEXT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Zone-less ISO text, as the report JSON and the faces pass a moment: 'YYYY-MM-DDTHH:mm[:ss]' (or a
 * space for the T); undefined when it is not that or not a calendar date (2026-02-30).
 */
export function parseWallIso(text: string): WallTime | undefined {
  const match = ISO_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [y, m, d, h, mi, s] = match.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const t = wall(y, m, d, h, mi, s);
  const day = calendarDayOf(t);
  if (day.y !== y || day.m !== m || day.d !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return t;
}

/** ISO wall-clock text without a zone: 2026-11-23T00:00:00 */
export function formatWallIso(t: WallTime): string {
  return dayjs.utc(t).format('YYYY-MM-DDTHH:mm:ss');
}

/** A wall time as a clerk reads it: 2026-11-23 14:30, or 2026-11-23 for a whole day. */
export function formatWall(t: WallTime, withTime: boolean): string {
  return dayjs.utc(t).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
}

/** A wall time in a dayjs pattern (`YYYYMMDD`, `M[月]D[日]`), for the few texts that need their own. */
export function formatWallAs(t: WallTime, pattern: string): string {
  return dayjs.utc(t).format(pattern);
}

/** YYYY-MM of a wall time. */
export function monthLabel(t: WallTime): string {
  return dayjs.utc(t).format('YYYY-MM');
}
