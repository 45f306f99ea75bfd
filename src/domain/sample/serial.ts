// Excel serial numbers for wall-clock times: days since 1899-12-30, the time of day as a fraction.
// Date.UTC serves only as a proleptic calendar here (no time zone, no clock is read), so the same
// wall-clock components give the same serial on every machine.

import { MS_PER_DAY, wall, wallToSerial as serialOfWall } from '../time';

const EPOCH_MS = Date.UTC(1899, 11, 30);
export const MINUTES_PER_DAY = 1440;

/** Serial number of a wall-clock moment (month 1–12). */
export function wallToSerial(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return serialOfWall(wall(y, m, d, h, mi, s));
}

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

/** Calendar date of a whole serial day. */
export function serialDayToYmd(day: number): Ymd {
  const t = new Date(EPOCH_MS + day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), weekday: t.getUTCDay() };
}

/** 'YYYY-MM-DDTHH:mm[:ss]' (or with a space) as wall-clock components; undefined when malformed. */
export function parseWallClock(
  text: string,
): { y: number; m: number; d: number; h: number; mi: number; s: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [y, m, d, h, mi, s] = match.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const check = serialDayToYmd(Math.floor(wallToSerial(y, m, d)));
  if (check.y !== y || check.m !== m || check.d !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return { y, m, d, h, mi, s };
}
