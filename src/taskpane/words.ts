// Text with values in it (times, units, IDs, phone numbers, amounts), cut so that the pane can keep
// each value on one line: 2026-09-01 15:16, 3-1502 and GD-20261125-H9V-001 never break inside, and
// the words around them wrap as usual (components/Words.tsx lays them out).

/** A date with its time, or a run of letters, digits and joiners that holds a digit. */
const VALUE = /\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?|[A-Za-z0-9_.:/+%-]*\d[A-Za-z0-9_.:/+%-]*/g;

/** Longer than this, a value may still break: better than running past the pane's edge. */
const LONGEST_KEPT = 28;

export interface Segment {
  readonly text: string;
  /** a value that must not break */
  readonly value: boolean;
}

/** `text` cut into words and values, in order; joined, they are `text` again. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(VALUE)) {
    const token = m[0];
    if (token.length === 0 || token.length > LONGEST_KEPT) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), value: false });
    out.push({ text: token, value: true });
    at = m.index + token.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), value: false });
  return out;
}
