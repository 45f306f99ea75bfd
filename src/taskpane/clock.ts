// The pane's "now": the machine's clock, unless the page names the moment with
// `?asOf=2026-11-25T17:30:00` (screenshots, tests and demos that must not depend on today's date).
// Everything in the pane that needs now reads it here: the default report periods, the entry form's
// received time and its checks, validation and live validation, and the built-in sample's as-of.
import { nowIso as machineNow } from '../app/clock';
import { formatWallIso, parseWallText } from '../domain/time';

/** The one shape the parameter takes; parseWallText then refuses days and times that do not exist. */
const AS_OF_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * The moment `?asOf=` names, as wall-clock ISO text with seconds (2026-11-25T17:30:00); null when the
 * page names none. A malformed one (not YYYY-MM-DDTHH:mm[:ss], or no such day or time) is ignored with
 * a console warning, and the pane runs on the machine's clock.
 */
export function asOfFromSearch(search: string): string | null {
  const text = new URLSearchParams(search).get('asOf');
  if (text === null) return null;
  const t = AS_OF_SHAPE.test(text) ? parseWallText(text) : undefined;
  if (t === undefined) {
    console.warn(`Deskbook: ignoring ?asOf=${text}: expected a date-time such as 2026-11-25T17:30:00; the pane uses this machine's clock.`);
    return null;
  }
  return formatWallIso(t);
}

let pinned: string | null = null;

/** Pins the pane's now to the page's `?asOf=` (index.tsx, once, before rendering). */
export function pinClock(search: string): void {
  pinned = asOfFromSearch(search);
}

/** The moment the page pinned, if it pinned one: the built-in sample takes it as its as-of. */
export function pinnedAsOf(): string | undefined {
  return pinned ?? undefined;
}

/** Now as wall-clock ISO text without a zone: the pinned moment, or the machine's clock. */
export function nowIso(): string {
  return pinned ?? machineNow();
}
