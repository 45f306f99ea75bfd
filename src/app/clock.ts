// The faces' "now": the wall-clock reading of this machine. Only faces and use-case defaults read
// the clock; the domain always takes the moment as a parameter.
import dayjs from 'dayjs';

/** Now as wall-clock ISO text without a zone (2026-11-25T14:30:00). */
export function nowIso(): string {
  return dayjs().format('YYYY-MM-DDTHH:mm:ss');
}

/** Today's date at a given clock time, as wall-clock ISO text. */
export function todayAt(hhmm: string): string {
  return `${dayjs().format('YYYY-MM-DD')}T${hhmm}:00`;
}
