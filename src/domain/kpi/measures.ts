// The shapes every KPI reports in: a rate with its numerator and denominator (docs/kpis.md: "Every rate
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

/**
 * 环比, the change from the previous period (docs/kpis.md): for a rate, in percentage points (87.5 %
 * → 90.4 % is +2.9 points); for a count, hours or money, relative to the previous figure (133 → 151
 * is +13.5 %). null when either figure is missing, and for a relative change from 0.
 */
export interface Change {
  readonly unit: 'points' | 'relative';
  readonly value: number | null;
}

export function changeOf(now: number | Rate | null, before: number | Rate | null): Change {
  const isRate = (v: number | Rate | null): v is Rate => typeof v === 'object' && v !== null;
  if (isRate(now) || isRate(before)) {
    const a = isRate(now) ? now.rate : null;
    const b = isRate(before) ? before.rate : null;
    return { unit: 'points', value: a === null || b === null ? null : (a - b) * 100 };
  }
  return { unit: 'relative', value: now === null || before === null || before === 0 ? null : (now - before) / before };
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

/**
 * How a KPI's numbers are shown, on a report sheet and in the pane: a whole number; a rate as a
 * percentage with one decimal, its numerator and denominator whole numbers (`percent`) or integer
 * cents shown as yuan (`moneyPercent`); hours with one decimal; integer cents as yuan with two decimals.
 */
export type KpiFormat = 'integer' | 'percent' | 'moneyPercent' | 'hours' | 'money';

/** Which way is good news; null: neither (more tickets received is not better or worse), or a table. */
export type KpiBetter = 'up' | 'down' | null;

/** The two KPI tables of a report sheet: 一、工单指标 and 三、收费与欠费. */
export type HeadlineTable = 'tickets' | 'charges';

/** What stands beside a headline row's value: the previous period's and the change, only the previous period's, or nothing. */
export type HeadlineBeside = 'previousAndChange' | 'previous' | 'nothing';

/** A row of a report's KPI table: a KPI, or one part of its value (the mean of the resolution hours). */
export interface HeadlineView {
  readonly table: HeadlineTable;
  /** position in the table, smallest first (in tens, so that a row can go between two) */
  readonly at: number;
  /** the part of the KPI's value the row shows; the whole value when absent */
  readonly part?: string;
  /** the row's own names (a row showing a part); the KPI's when absent */
  readonly zh?: string;
  readonly en?: string;
  /** previousAndChange when absent */
  readonly beside?: HeadlineBeside;
}

/** What the catalogue says of a KPI besides how it is computed. */
export interface KpiInfo {
  readonly zh: string;
  readonly en: string;
  readonly unit: KpiUnit;
  readonly format: KpiFormat;
  readonly better: KpiBetter;
  /** its rows in a report's KPI tables; none when it is laid out in a section of its own (a table, a list) */
  readonly headline?: ReadonlyArray<HeadlineView>;
  /** its position among the pane's tiles (in tens); absent: not a tile */
  readonly tile?: number;
}

/** A KPI: defined once, named in both languages, computed from one context (a period window). */
export interface KpiDef<Ctx, V, J = V> extends KpiInfo {
  readonly compute: (ctx: Ctx) => V;
  /** the value as `--json` writes it (wall times as ISO text) */
  json(value: V): J;
}

type Registry = Record<string, KpiDef<never, unknown, unknown>>;

export type KpiValues<T extends Registry> = { -readonly [K in keyof T]: ReturnType<T[K]['compute']> };

export type KpiJson<T extends Registry> = { -readonly [K in keyof T]: ReturnType<T[K]['json']> };

/** Every KPI of a registry computed on one context, in the registry's order. */
export function computeAll<Ctx, T extends Record<string, KpiDef<Ctx, unknown, unknown>>>(registry: T, ctx: Ctx): KpiValues<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(registry)) out[key] = registry[key].compute(ctx);
  return out as KpiValues<T>;
}

/** A registry's values as `--json` writes them, keyed and ordered as the registry. */
export function jsonOf<T extends Registry>(registry: T, values: KpiValues<T>): KpiJson<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(registry)) out[key] = registry[key].json(values[key]);
  return out as KpiJson<T>;
}
