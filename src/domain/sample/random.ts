// Seeded randomness for the sample: pure-rand's xoroshiro128+ behind a few draws the generator needs.
// One stream per sheet (pure-rand's jump), so more tickets do not change the customers or charges.
import { xoroshiro128plus } from 'pure-rand';
import type { RandomGenerator } from 'pure-rand';

/** A weighted table, cumulative for drawing. */
export interface Weighted<T> {
  readonly items: ReadonlyArray<T>;
  readonly cumulative: ReadonlyArray<number>;
  readonly total: number;
}

export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): Weighted<T> {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return { items: entries.map(([item]) => item), cumulative, total };
}

export class Random {
  private constructor(private readonly gen: RandomGenerator) {}

  static seeded(seed: number): Random {
    return new Random(xoroshiro128plus(seed | 0));
  }

  /** `count` independent streams, each 2^64 draws apart. */
  streams(count: number): Random[] {
    const out: Random[] = [];
    let gen = this.gen.clone();
    for (let i = 0; i < count; i++) {
      // xoroshiro128plus always has jump
      gen = gen.jump!();
      out.push(new Random(gen.clone()));
    }
    return out;
  }

  /** uniform in [0, 1) */
  float(): number {
    return (this.gen.unsafeNext() >>> 0) / 4_294_967_296;
  }

  /** uniform integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    return items[Math.floor(this.float() * items.length)];
  }

  draw<T>(table: Weighted<T>): T {
    return this.drawAt(table, this.float());
  }

  /** the item of a weighted table at a uniform number `u` in [0, 1) already drawn */
  drawAt<T>(table: Weighted<T>, u: number): T {
    const x = u * table.total;
    const cum = table.cumulative;
    let i = 0;
    while (i < cum.length - 1 && cum[i] <= x) i++;
    return table.items[i];
  }

  /** index into ascending cumulative weights, by binary search (for long tables such as days) */
  drawIndex(cumulative: Float64Array | ReadonlyArray<number>, total: number): number {
    const x = this.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `k` distinct indices of [0, n), in draw order (partial Fisher–Yates) */
  sample(n: number, k: number): number[] {
    const idx = Array.from({ length: n }, (_, i) => i);
    const take = Math.min(k, n);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(this.float() * (n - i));
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return idx.slice(0, take);
  }
}
