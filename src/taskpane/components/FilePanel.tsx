import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  fileLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  fileName: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, whiteSpace: 'nowrap' },
  // a CJK label would otherwise break one character at a time
  download: { whiteSpace: 'nowrap', flexShrink: 0 },
  hidden: { display: 'none' },
});

export interface FilePanelProps {
  strings: Strings;
  busy: boolean;
  /** the workbook is set up: downloading it is the next step */
  ready: boolean;
  /** the open workbook's file name, or null before one is opened */
  fileName: string | null;
  /** the pane changed the workbook since it was opened or last downloaded */
  unsaved: boolean;
  onOpenFile(file: File): void;
  onLoadSample(): void;
  onDownload(): void;
}

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FilePanel({ strings, busy, ready, fileName, unsaved, onOpenFile, onLoadSample, onDownload }: FilePanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className={styles.root} data-testid="file-panel">
      <Body1 className={styles.intro}>{strings.standaloneIntro}</Body1>
      <div className={styles.buttons}>
        <Button onClick={() => input.current?.click()} disabled={busy} data-testid="open-file">
          {strings.openFile}
        </Button>
        <Button onClick={onLoadSample} disabled={busy} data-testid="load-sample">
          {strings.loadSample}
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          className={styles.hidden}
          data-testid="file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // clear it so that choosing the same file again still fires a change
            e.currentTarget.value = '';
            if (file) onOpenFile(file);
          }}
        />
      </div>
      {fileName !== null && (
        <div className={styles.fileLine}>
          <Caption1 className={styles.fileName}>
            <span data-testid="file-name">{strings.currentFile(fileName)}</span>
            {unsaved && (
              <>
                {' '}
                <span className={styles.unsaved} data-testid="unsaved-mark">
                  · {strings.unsavedMark}
                </span>
              </>
            )}
          </Caption1>
          <Button appearance={ready || unsaved ? 'primary' : 'secondary'} size="small" className={styles.download} onClick={onDownload} disabled={busy} data-testid="download">
            {strings.download}
          </Button>
        </div>
      )}
    </section>
  );
}
