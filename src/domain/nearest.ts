// The known name a person most likely meant by a name the add-in does not know (a Settings parameter
// typed with a full-width bracket, a letter off, its unit left out): for a message's "did you mean".

/** How a name compares when looking for what was meant: full-width forms as their ASCII twins
 *  (NFKC: `（` is `(`, `－` is `-`), case and spaces ignored. */
export function looseName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The name without what stands in brackets: `临期提醒(小时)` → `临期提醒`. */
function stem(loose: string): string {
  return loose.replace(/\([^()]*\)/g, '');
}

/** Edits (insert, delete, replace one character) from a to b, by code point. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

export interface NearestName {
  /** the known name, as written in `groups` */
  readonly name: string;
  /** the two differ only in full-width or half-width characters, case or spaces */
  readonly looseEqual: boolean;
}

/**
 * The name of `groups` (each group: the names of one thing, such as a parameter's Chinese and English
 * names) nearest to `typed`, when it is close: at most one edit in four characters of the known name,
 * or the same name without its bracketed unit. Undefined when nothing is close, or when two different
 * things are equally close (a guess between them would mislead).
 */
export function nearestName(typed: string, groups: ReadonlyArray<ReadonlyArray<string>>): NearestName | undefined {
  const t = looseName(typed);
  if (t === '') return undefined;
  let best: { name: string; group: number; distance: number } | undefined;
  let tie = false;
  groups.forEach((names, group) => {
    for (const name of names) {
      const n = looseName(name);
      let distance = editDistance(t, n);
      if (distance > 0 && stem(t) !== '' && stem(t) === stem(n)) distance = Math.min(distance, 1);
      if (distance > Math.max(1, Math.floor([...n].length / 4))) continue;
      if (!best || distance < best.distance) {
        best = { name, group, distance };
        tie = false;
      } else if (distance === best.distance && group !== best.group) tie = true;
    }
  });
  if (!best || tie) return undefined;
  return { name: best.name, looseEqual: best.distance === 0 };
}
