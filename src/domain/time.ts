// Wall-clock time. All times are the workbook's wall-clock time (PRODUCT.md: "there is no time-zone
// arithmetic"), so an instant is kept as the milliseconds of its wall-clock reading taken as if it were
// UTC. dayjs in UTC mode does the calendar work on those numbers without any zone ever applying.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(utc);
dayjs.extend(customParseFormat);

/** Milliseconds of a wall-clock reading, as if it were UTC. */
export type WallTime = number;

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

// Excel's 1900 date system: serial 25569 is 1970-01-01. Serials before 61 sit on Excel's phantom
// 1900-02-29 and mean nothing in a service center's books, so the converters refuse them.
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

// Cheap gate before dayjs: every accepted format starts with a four-digit year.
const LOOKS_LIKE_DATE = /^\d{4}[-/.年]\d{1,2}/;

/** A date or date-time typed as text, in the formats clerks use; undefined when it is not one. */
export function parseWallText(text: string): WallTime | undefined {
  const t = text.trim();
  if (!LOOKS_LIKE_DATE.test(t)) return undefined;
  // Parsed as a local reading only to take its calendar fields; no zone is ever applied to them.
  const d = dayjs(t, TEXT_FORMATS, true);
  return d.isValid() ? wall(d.year(), d.month() + 1, d.date(), d.hour(), d.minute(), d.second()) : undefined;
}

/** ISO wall-clock text without a zone: 2026-11-23T00:00:00 */
export function formatWallIso(t: WallTime): string {
  return dayjs.utc(t).format('YYYY-MM-DDTHH:mm:ss');
}

export function formatWall(t: WallTime, withTime: boolean): string {
  return dayjs.utc(t).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
}

/** YYYY-MM of a wall time. */
export function monthLabel(t: WallTime): string {
  return dayjs.utc(t).format('YYYY-MM');
}
