// The shapes every KPI reports in: a rate with its numerator and denominator (PRODUCT.md: "Every rate
// comes with numerator and denominator"), and hour statistics.

export interface Rate {
  readonly num: number;
  readonly den: number;
  /** num / den, unrounded; null when den is 0 */
  readonly rate: number | null;
}

export function rateOf(num: number, den: number): Rate {
  return { num, den, rate: den === 0 ? null : num / den };
}

export interface HourStats {
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

/**
 * Mean, median (the middle value, or the mean of the two middle values) and 90th percentile by the
 * nearest-rank method — the value at rank ⌈0.9·n⌉ — which is always one of the observed times, so a
 * manager can find the ticket behind it.
 */
export function hourStats(values: ArrayLike<number>): HourStats {
  const n = values.length;
  if (n === 0) return { mean: null, median: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mid = n >> 1;
  return {
    mean: sum / n,
    median: n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    p90: sorted[Math.ceil(0.9 * n) - 1],
  };
}

export type KpiUnit = 'count' | 'rate' | 'hours' | 'cents' | 'table' | 'list';

/** A KPI: defined once, named in both languages, computed from one context (a period window). */
export interface KpiDef<Ctx, V> {
  readonly zh: string;
  readonly en: string;
  readonly unit: KpiUnit;
  readonly compute: (ctx: Ctx) => V;
}

export type KpiValues<T extends Record<string, KpiDef<never, unknown>>> = { -readonly [K in keyof T]: ReturnType<T[K]['compute']> };

/** Every KPI of a registry computed on one context, in the registry's order. */
export function computeAll<Ctx, T extends Record<string, KpiDef<Ctx, unknown>>>(registry: T, ctx: Ctx): KpiValues<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(registry)) out[key] = registry[key].compute(ctx);
  return out as KpiValues<T>;
}
