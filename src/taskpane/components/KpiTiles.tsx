// The period's headline figures as tiles: value, numerator/denominator, and the previous period's
// value with which way it moved (环比). Every number is the model's, every name and format the KPI
// catalogue's; this only lays them out.
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../../domain/enums';
import type { Strings } from '../i18n';
import { change, Change, ReportJson, TileDef, tileFigure, tileRatio, tileValue } from '../reportFormat';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: {
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  empty: { color: tokens.colorNeutralForeground3 },
  small: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  prev: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground2 },
  arrow: { fontWeight: tokens.fontWeightSemibold },
});

const ARROW: Record<Change, string> = { up: '▲', down: '▼', same: '=' };

export interface KpiTilesProps {
  json: ReportJson;
  /** the catalogue's tiles (reportFormat tileDefs) */
  tiles: ReadonlyArray<TileDef>;
  lang: Lang;
  strings: Strings;
}

export function KpiTiles({ json, tiles, lang, strings }: KpiTilesProps) {
  const styles = useStyles();
  const previous = json.previous;
  return (
    <div className={styles.grid} data-testid="kpi-tiles">
      {tiles.map((def) => {
        const current = tileFigure(def, json);
        const before = previous ? tileFigure(def, previous) : undefined;
        const shown = tileValue(def, current, lang);
        const shownBefore = tileValue(def, before, lang);
        const ratio = tileRatio(def, current, lang);
        const moved = change(current, before, { current: shown, previous: shownBefore });
        const tone = moved === null || moved === 'same' || def.better === null ? 'neutral' : (moved === def.better ? 'good' : 'bad');
        return (
          <section key={def.key} className={styles.tile} data-testid={`kpi-${def.key}`} data-change={moved ?? ''}>
            <span className={styles.label}>{def[lang]}</span>
            {shown === null ? (
              <span
                className={mergeClasses(styles.value, styles.empty)}
                role="img"
                aria-label={strings.notApplicableLabel}
                title={strings.notApplicableLabel}
                data-testid={`kpi-value-${def.key}`}
              >
                {strings.notApplicable}
              </span>
            ) : (
              <span className={styles.value} data-testid={`kpi-value-${def.key}`}>
                {shown}
              </span>
            )}
            {ratio !== null && (
              <Caption1 className={styles.small} data-testid={`kpi-ratio-${def.key}`}>
                {ratio}
              </Caption1>
            )}
            {previous && (
              <Caption1 className={mergeClasses(styles.small, styles.prev)}>
                <span data-testid={`kpi-previous-${def.key}`}>{strings.previousValue(shownBefore ?? strings.notApplicable)}</span>
                {moved !== null && (
                  <span className={mergeClasses(styles.arrow, styles[tone])} aria-label={strings.changeAria[moved]} title={strings.changeAria[moved]}>
                    {ARROW[moved]}
                  </span>
                )}
              </Caption1>
            )}
          </section>
        );
      })}
    </div>
  );
}
