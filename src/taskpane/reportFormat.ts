// How the Reports tab shows the report model's numbers. Formatting only: every figure, rate and
// previous-period value comes from the model (app/report.ts); nothing here computes a KPI.
import type { Lang } from '../domain/enums';

/** A rate as the model carries it: numerator, denominator, and the unrounded rate (null when den is 0). */
export interface RateView {
  readonly num: number;
  readonly den: number;
  readonly rate: number | null;
}

/** The part of the model's tickets block the tiles read. */
export interface TicketsView {
  readonly received: number;
  readonly resolved: number;
  readonly backlog: number;
  readonly onTimeResponse: RateView;
  readonly onTimeResolution: RateView;
  readonly callbackRate: RateView;
  readonly satisfaction: RateView;
}

export interface TrendPointView {
  readonly label: string;
  readonly received: number;
  readonly resolved: number;
}

/** The part of the report's JSON (reportJson) the tab reads. */
export interface ReportJsonView {
  readonly period: { readonly kind: string; readonly label: string; readonly start: string | null; readonly end: string | null };
  readonly asOf: string | null;
  readonly tickets: TicketsView;
  readonly previous: { readonly tickets: TicketsView; readonly charges?: { readonly collectionRate?: RateView | null } | null } | null;
  readonly charges: { readonly collectionRate: RateView | null } | null;
  readonly trend: ReadonlyArray<TrendPointView>;
}

export type TileKey =
  | 'received'
  | 'resolved'
  | 'backlog'
  | 'onTimeResponse'
  | 'onTimeResolution'
  | 'callbackRate'
  | 'satisfaction'
  | 'collectionRate';

export interface TileDef {
  readonly key: TileKey;
  /** a count of tickets, a rate of ticket counts, or a rate of money (num and den in cents) */
  readonly unit: 'count' | 'rate' | 'moneyRate';
  /** which way is good news; null: neither (more tickets received is not better or worse) */
  readonly better: 'up' | 'down' | null;
  /** the value in a tickets/charges block */
  readonly pick: (tickets: TicketsView, charges: { readonly collectionRate?: RateView | null } | null | undefined) => number | RateView | null | undefined;
}

export const TILES: ReadonlyArray<TileDef> = [
  { key: 'received', unit: 'count', better: null, pick: (t) => t.received },
  { key: 'resolved', unit: 'count', better: 'up', pick: (t) => t.resolved },
  { key: 'backlog', unit: 'count', better: 'down', pick: (t) => t.backlog },
  { key: 'onTimeResponse', unit: 'rate', better: 'up', pick: (t) => t.onTimeResponse },
  { key: 'onTimeResolution', unit: 'rate', better: 'up', pick: (t) => t.onTimeResolution },
  { key: 'callbackRate', unit: 'rate', better: 'up', pick: (t) => t.callbackRate },
  { key: 'satisfaction', unit: 'rate', better: 'up', pick: (t) => t.satisfaction },
  { key: 'collectionRate', unit: 'moneyRate', better: 'up', pick: (_t, c) => c?.collectionRate },
];

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(LOCALE[lang]);
}

/** A rate as a percentage with one decimal (PRODUCT.md); null when there is nothing to divide by. */
export function formatPercent(rate: number | null, lang: Lang): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return rate.toLocaleString(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Integer cents as yuan with two decimals (money is formatted only at the edge). */
export function formatMoney(cents: number, lang: Lang): string {
  return (cents / 100).toLocaleString(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function isRate(v: number | RateView | null | undefined): v is RateView {
  return typeof v === 'object' && v !== null;
}

/** The tile's headline: a count, or a rate as a percentage; null when not applicable. */
export function tileValue(def: TileDef, v: number | RateView | null | undefined, lang: Lang): string | null {
  if (v === null || v === undefined) return null;
  return isRate(v) ? formatPercent(v.rate, lang) : formatCount(v, lang);
}

/** The small text under a rate: its numerator and denominator (none when nothing was counted). */
export function tileRatio(def: TileDef, v: number | RateView | null | undefined, lang: Lang): string | null {
  if (!isRate(v) || v.den === 0) return null;
  const part = def.unit === 'moneyRate' ? (n: number) => formatMoney(n, lang) : (n: number) => formatCount(n, lang);
  return `${part(v.num)} / ${part(v.den)}`;
}

export type Change = 'up' | 'down' | 'same';

/**
 * Which way the shown value moved from the previous period's shown value. Compared as shown (to
 * the percentage's one decimal), so that 87.3% beside 87.3% never carries an arrow.
 */
export function change(current: number | RateView | null | undefined, previous: number | RateView | null | undefined, shown: { current: string | null; previous: string | null }): Change | null {
  if (shown.current === null || shown.previous === null || current == null || previous == null) return null;
  if (shown.current === shown.previous) return 'same';
  const a = isRate(current) ? current.rate : current;
  const b = isRate(previous) ? previous.rate : previous;
  if (a === null || b === null) return null;
  return a > b ? 'up' : a < b ? 'down' : 'same';
}

/**
 * A trend point's label, short enough to sit under a bar: 2026-W45 → W45, 2026-10 → 10月 / Oct,
 * 2026-Q3 → Q3, 2026-11-24 → 11-24. The full label stays in the tooltip.
 */
export function shortLabel(label: string, monthName: (month: number) => string): string {
  let m = /^\d{4}-(W\d{2})$/.exec(label);
  if (m) return m[1];
  m = /^\d{4}-(Q\d)$/.exec(label);
  if (m) return m[1];
  m = /^\d{4}-(\d{2})$/.exec(label);
  if (m) return monthName(Number(m[1]));
  m = /^\d{4}-(\d{2}-\d{2})$/.exec(label);
  if (m) return m[1];
  return label;
}

/** "2026-11-01T00:00:00" as a clerk reads it */
export function shownTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:00$/, '');
}
