import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { RowDetail as RowDetailData } from '../backend';
import type { Strings } from '../i18n';
import { Words } from './Words';

const useStyles = makeStyles({
  root: {
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    padding: `1px ${tokens.spacingHorizontalS} 1px 0`,
    verticalAlign: 'top',
    whiteSpace: 'nowrap',
    width: '1%',
  },
  td: { padding: '1px 0', overflowWrap: 'anywhere', verticalAlign: 'top' },
  flagged: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface RowDetailProps {
  detail: RowDetailData;
  /** 0-based sheet column of the problem, highlighted */
  col: number | null;
  strings: Strings;
  onClose(): void;
}

/** A row's values under their headers: what standalone mode shows where Excel would select the cell. */
export function RowDetail({ detail, col, strings, onClose }: RowDetailProps) {
  const styles = useStyles();
  const filled = detail.cells.some((c) => c.text !== '');
  return (
    <section className={styles.root} data-testid="row-detail" data-sheet={detail.sheet} data-row={detail.row} aria-live="polite">
      <div className={styles.head}>
        <Text size={200} className={styles.title}>
          {strings.rowDetailTitle(detail.sheet, detail.row)}
        </Text>
        <Button size="small" appearance="subtle" onClick={onClose} data-testid="row-detail-close">
          {strings.close}
        </Button>
      </div>
      {filled ? (
        <table className={styles.table}>
          <tbody>
            {detail.cells.map((c) => (
              <tr key={c.col} data-testid="row-detail-cell" data-col={c.col} data-flagged={String(c.col === col)}>
                <th scope="row" className={mergeClasses(styles.th, c.col === col && styles.flagged)}>
                  {c.header}
                </th>
                <td className={mergeClasses(styles.td, c.col === col && styles.flagged)}>
                  <Words text={c.text} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Caption1 className={styles.empty}>{strings.rowDetailEmpty}</Caption1>
      )}
    </section>
  );
}
