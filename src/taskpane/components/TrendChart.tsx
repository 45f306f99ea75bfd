// A small bar chart of tickets received and resolved per period, drawn as inline SVG (no chart
// library: a dozen bars do not need one). It only draws the model's trend points.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../domain/enums';
import type { Strings } from '../i18n';
import type { KpiEntry } from '../../domain/kpi';
import { formatCount, kpiName, shortLabel, TrendPoint } from '../reportFormat';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  swatch: { width: '10px', height: '10px', borderRadius: '2px', display: 'inline-block' },
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
});

const COLORS = { received: tokens.colorBrandBackground, resolved: tokens.colorPaletteTealForeground2 } as const;

const W = 360;
const H = 150;
const PAD = { top: 14, right: 4, bottom: 20, left: 30 };

/** The top of the scale: the largest value rounded up to a step a reader can take in at a glance. */
function scaleTop(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

export interface TrendChartProps {
  points: ReadonlyArray<TrendPoint>;
  /** the KPI catalogue, for the names of the bars */
  catalogue: ReadonlyArray<KpiEntry>;
  lang: Lang;
  strings: Strings;
}

export function TrendChart({ points, catalogue, lang, strings }: TrendChartProps) {
  const styles = useStyles();
  if (points.length === 0) return null;
  const top = scaleTop(Math.max(...points.map((p) => Math.max(p.received, p.resolved))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / points.length;
  const bar = Math.max(2, Math.min(12, (slot - 4) / 2));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // every label when they fit, else every other one (the tooltip names each bar)
  const every = slot >= 26 ? 1 : 2;
  const grid = [0, top / 2, top];

  return (
    <figure className={styles.root} style={{ margin: 0 }} data-testid="trend-chart" data-points={points.length}>
      <div className={styles.legend}>
        <span className={styles.key}>
          <span className={styles.swatch} style={{ backgroundColor: COLORS.received }} />
          {kpiName(catalogue, 'received', lang)}
        </span>
        <span className={styles.key}>
          <span className={styles.swatch} style={{ backgroundColor: COLORS.resolved }} />
          {kpiName(catalogue, 'resolved', lang)}
        </span>
      </div>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={strings.trendAria(points.length)}>
        {grid.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} style={{ stroke: tokens.colorNeutralStroke2 }} strokeWidth={1} />
            <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" fontSize={9} style={{ fill: tokens.colorNeutralForeground3 }}>
              {Number.isInteger(v) ? formatCount(v, lang) : ''}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const cx = PAD.left + slot * i + slot / 2;
          return (
            <g key={p.label} data-testid="trend-point" data-label={p.label} data-received={p.received} data-resolved={p.resolved}>
              <title>{strings.trendPoint(p.label, formatCount(p.received, lang), formatCount(p.resolved, lang))}</title>
              <rect x={cx - bar - 0.5} y={y(p.received)} width={bar} height={y(0) - y(p.received)} style={{ fill: COLORS.received }} rx={1} />
              <rect x={cx + 0.5} y={y(p.resolved)} width={bar} height={y(0) - y(p.resolved)} style={{ fill: COLORS.resolved }} rx={1} />
              {(points.length - 1 - i) % every === 0 && (
                <text x={cx} y={H - 6} textAnchor="middle" fontSize={9} style={{ fill: tokens.colorNeutralForeground2 }}>
                  {shortLabel(p.label, strings.monthShort)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
