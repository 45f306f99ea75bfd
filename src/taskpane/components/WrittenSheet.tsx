// After a tab wrote a sheet: in Excel a button to go to it, standalone a button to download the
// workbook that now holds it (a browser cannot show the sheet itself).
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface WrittenSheetProps {
  readonly sheet: string;
  readonly excel: boolean;
  readonly strings: Strings;
  readonly disabled: boolean;
  readonly testId: string;
  onJump(sheet: string): void;
  /** standalone: save the workbook as a download */
  readonly onDownload?: () => void;
}

export function WrittenSheet({ sheet, excel, strings, disabled, testId, onJump, onDownload }: WrittenSheetProps) {
  const styles = useStyles();
  if (!excel && !onDownload) return null;
  return (
    <div className={styles.actions}>
      {excel ? (
        <Button onClick={() => onJump(sheet)} disabled={disabled} data-testid={`${testId}-jump`}>
          {strings.jumpToSheet(sheet)}
        </Button>
      ) : (
        <Button onClick={onDownload} disabled={disabled} data-testid={`${testId}-download`}>
          {strings.download}
        </Button>
      )}
    </div>
  );
}
