// How the Reports tab shows the report model's numbers. Formatting only: every figure, rate and
// previous-period value comes from the model (app/report.ts); nothing here computes a KPI. Which KPIs
// are tiles, in which order, their names and formats are the KPI catalogue's, which the pane loads
// with the report code (backend.ts kpiCatalogue).
import type { Lang } from '../domain/enums';
import type { KpiEntry, KpiKey, Rate } from '../domain/kpi';
import { formatYuan } from '../domain/money';
import type { PeriodJson, ReportJson } from '../domain/report/model';
import { formatWall, formatWallAs, MS_PER_MINUTE, parseWallIso } from '../domain/time';

export type { ReportJson } from '../domain/report/model';
export type TrendPoint = ReportJson['trend'][number];

/** A tile: a catalogue entry with a tile position (its value a count or a rate). */
export type TileDef = KpiEntry;

/** The pane's tiles: the catalogue's tile KPIs, in the catalogue's tile order. */
export function tileDefs(catalogue: ReadonlyArray<KpiEntry>): TileDef[] {
  return catalogue.filter((k) => k.tile !== undefined).sort((a, b) => a.tile! - b.tile!);
}

/** A KPI's name in the pane's language, as the catalogue has it. */
export function kpiName(catalogue: ReadonlyArray<KpiEntry>, key: KpiKey, lang: Lang): string {
  return catalogue.find((k) => k.key === key)?.[lang] ?? key;
}

/** A tile's value in a period block of the report's JSON (the report's own, or its previous period's). */
export function tileFigure(def: TileDef, block: PeriodJson): number | Rate | null {
  const values: Readonly<Record<string, unknown>> = def.block === 'coverage' ? block : block[def.block];
  const v = values[def.key];
  return typeof v === 'number' || isRate(v) ? v : null;
}

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(LOCALE[lang]);
}

/** A rate as a percentage with one decimal (docs/kpis.md); null when there is nothing to divide by. */
export function formatPercent(rate: number | null, lang: Lang): string | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return rate.toLocaleString(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function isRate(v: unknown): v is Rate {
  return typeof v === 'object' && v !== null && 'num' in v && 'den' in v && 'rate' in v;
}

/** The tile's headline: a count, or a rate as a percentage; null when not applicable. */
export function tileValue(def: TileDef, v: number | Rate | null | undefined, lang: Lang): string | null {
  if (v === null || v === undefined) return null;
  return isRate(v) ? formatPercent(v.rate, lang) : formatCount(v, lang);
}

/** The small text under a rate: its numerator and denominator (none when nothing was counted). */
export function tileRatio(def: TileDef, v: number | Rate | null | undefined, lang: Lang): string | null {
  if (!isRate(v) || v.den === 0) return null;
  const part = def.format === 'moneyPercent' ? (n: number) => formatYuan(n, LOCALE[lang]) : (n: number) => formatCount(n, lang);
  return `${part(v.num)} / ${part(v.den)}`;
}

export type Change = 'up' | 'down' | 'same';

/**
 * Which way the shown value moved from the previous period's shown value. Compared as shown (to
 * the percentage's one decimal), so that 87.3% beside 87.3% never carries an arrow.
 */
export function change(current: number | Rate | null | undefined, previous: number | Rate | null | undefined, shown: { current: string | null; previous: string | null }): Change | null {
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

/** "2026-11-01T14:30:00" as a clerk reads it: 2026-11-01 14:30 (the seconds only when there are some) */
export function shownTime(iso: string): string {
  const t = parseWallIso(iso);
  if (t === undefined) return iso;
  return t % MS_PER_MINUTE === 0 ? formatWall(t, true) : formatWallAs(t, 'YYYY-MM-DD HH:mm:ss');
}
