// One order for the values of a Settings list (categories, departments) wherever they are listed —
// report breakdowns, the SLA tables' ties, the KPI cross-tabs: the order of the list on the Settings
// sheet. Values typed on a ticket that are not on the list come after it in code-point order, and
// the blank label last. No locale is consulted: String.prototype.localeCompare sorts Chinese by
// pinyin in a browser and by code point in Node, so the pane and the CLI would disagree.

/** Compares two strings by UTF-16 code units, as every JavaScript engine does alike. */
export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator: the list's values in its order, others after them by code point, `blank` last. */
export function listOrder(list: ReadonlyArray<string>, blank?: string): (a: string, b: string) => number {
  const rank = new Map<string, number>();
  list.forEach((v, i) => {
    if (!rank.has(v)) rank.set(v, i);
  });
  const of = (v: string) => (v === blank ? Number.MAX_SAFE_INTEGER : (rank.get(v) ?? list.length));
  return (a, b) => of(a) - of(b) || codePointCompare(a, b);
}

/** The distinct values, in list order (see listOrder). */
export function inListOrder(values: Iterable<string>, list: ReadonlyArray<string>, blank?: string): string[] {
  return [...new Set(values)].sort(listOrder(list, blank));
}
