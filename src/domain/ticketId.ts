// Ticket IDs that stay unique when several clerks add tickets at the same moment to one workbook
// shared on OneDrive, with no server and no lock (docs/ticket-ids.md: "generated, unique even when two clerks
// add rows at the same moment"). Scheme and failure analysis: docs/ticket-ids.md.
//
//   GD-20261125-K7M-003
//   │  │        │   └ per-tag daily sequence: one more than the highest this tag has on that day
//   │  │        └ installation tag: drawn once per installation of the add-in and kept there
//   │  └ the day the ticket was received
//   └ 工单
//
// Two installations never share a sequence because each counts only its own tag; the sequence is
// computed from the IDs this installation can see, and an installation always sees its own rows.
import { formatWallAs, WallTime } from './time';

const TICKET_ID_PREFIX = 'GD';

/**
 * Crockford's base-32 digits: no I, L, O or U, so a tag read aloud or copied by hand is not
 * misread (O/0, I/1/L). A drawn tag starts with a letter so that it never looks like a sequence.
 */
export const TAG_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TAG_LETTERS = TAG_DIGITS.slice(10);
/** Length of a drawn tag; 2-character tags (chosen by hand) are also accepted. */
const DRAWN_TAG_LENGTH = 3;
/** How many different tags can be drawn: 22 × 32 × 32. */
export const TAG_SPACE = TAG_LETTERS.length * TAG_DIGITS.length ** (DRAWN_TAG_LENGTH - 1);
/** The sequence is written with at least this many digits (it grows past 999 rather than wrap). */
const SEQUENCE_DIGITS = 3;

const TAG_PATTERN = /^[A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z]{1,2}$/;
const ID_PATTERN = /^GD-(\d{4})(\d{2})(\d{2})-([0-9A-Z]{2,3})-(\d{3,6})$/;

export interface ParsedTicketId {
  /** the received day as YYYYMMDD */
  readonly day: string;
  readonly tag: string;
  readonly sequence: number;
}

/** A well-formed installation tag: 2 or 3 characters, a letter first, Crockford digits only. */
export function isTag(text: string): boolean {
  return TAG_PATTERN.test(text);
}

/**
 * A tag as a person may type it (lower case, O for 0, I or L for 1), made canonical; undefined when
 * it cannot be one.
 */
export function normalizeTag(text: string): string | undefined {
  const t = text
    .trim()
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return isTag(t) ? t : undefined;
}

/**
 * Draws a new installation tag from `random` (uniform numbers in [0, 1)), avoiding the tags already
 * in use in the workbook at hand: a clash is then possible only with an installation that drew its
 * tag and had not yet added a ticket the drawer could see. Gives up avoiding after many tries (a
 * workbook that uses nearly every tag), never loops for ever.
 */
export function drawTag(random: () => number, inUse: ReadonlySet<string> = new Set()): string {
  const pick = (alphabet: string) => alphabet[Math.min(alphabet.length - 1, Math.floor(random() * alphabet.length))];
  let tag = '';
  for (let attempt = 0; attempt < 64; attempt++) {
    tag = pick(TAG_LETTERS);
    for (let i = 1; i < DRAWN_TAG_LENGTH; i++) tag += pick(TAG_DIGITS);
    if (!inUse.has(tag)) return tag;
  }
  return tag;
}

/** The parts of an ID of this scheme; undefined for any other text (older IDs such as GD-20261125-0003). */
export function parseTicketId(id: string): ParsedTicketId | undefined {
  const m = ID_PATTERN.exec(id.trim());
  if (!m || !isTag(m[4])) return undefined;
  const [, y, mo, d, tag, seq] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { day: `${y}${mo}${d}`, tag, sequence: Number(seq) };
}

export function formatTicketId(day: string, tag: string, sequence: number): string {
  return `${TICKET_ID_PREFIX}-${day}-${tag}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The tags that appear in IDs of this scheme. */
export function tagsInUse(ids: Iterable<string>): Set<string> {
  const tags = new Set<string>();
  for (const id of ids) {
    const p = parseTicketId(id);
    if (p) tags.add(p.tag);
  }
  return tags;
}

export interface NextTicketIdInput {
  /** when the ticket was received: its day is the ID's day */
  readonly receivedAt: WallTime;
  /** this installation's tag */
  readonly tag: string;
  /**
   * every ID this installation can see: the workbook's, plus the IDs it issued itself lately (kept
   * on the machine, in case a row it appended has not come back in the workbook's copy yet)
   */
  readonly existingIds: Iterable<string>;
}

/** The next ID for a ticket received at `receivedAt`, added by the installation tagged `tag`. */
export function nextTicketId({ receivedAt, tag, existingIds }: NextTicketIdInput): string {
  if (!isTag(tag)) throw new Error(`not an installation tag: ${JSON.stringify(tag)}`);
  const day = formatWallAs(receivedAt, 'YYYYMMDD');
  let highest = 0;
  for (const id of existingIds) {
    const p = parseTicketId(id);
    if (p && p.tag === tag && p.day === day && p.sequence > highest) highest = p.sequence;
  }
  return formatTicketId(day, tag, highest + 1);
}

/**
 * The chance that at least two of `installations` independently drawn tags are the same (the
 * birthday problem over TAG_SPACE), before drawTag's avoidance of tags already in the workbook.
 */
export function tagClashProbability(installations: number, space: number = TAG_SPACE): number {
  let distinct = 1;
  for (let i = 1; i < installations; i++) distinct *= (space - i) / space;
  return 1 - distinct;
}
