import { Caption1, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ReadingProgress } from '../backend';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  line: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  sheets: { minWidth: 0, overflowWrap: 'anywhere' },
  percent: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/** A file being read (standalone): the sheets it reads and how much of them, in stored bytes. */
export function ReadProgress({ progress, strings }: { progress: ReadingProgress; strings: Strings }) {
  const styles = useStyles();
  const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const label = strings.readingSheets(progress.sheets);
  return (
    <div className={styles.root} data-testid="read-progress" data-done={progress.done} data-total={progress.total}>
      <div className={styles.line}>
        <Caption1 className={styles.sheets} data-testid="read-progress-label">
          {label}
        </Caption1>
        <Caption1 className={styles.percent}>{strings.readPercent(Math.floor(share * 100))}</Caption1>
      </div>
      <ProgressBar value={share} thickness="large" aria-label={label} />
    </div>
  );
}
