// What a tab shows before it can do its work: no workbook open yet, or a workbook that lacks a sheet
// or columns the tab needs (named, with the way to the Workbook tab). One look for every tab.
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** `testId` is the tab's own (its section keeps the test id it has when working). */
export function NoWorkbook({ testId, strings }: { testId: string; strings: Strings }) {
  const styles = useStyles();
  return (
    <section className={styles.root} data-testid={testId} data-busy="">
      <Body1 className={styles.intro}>{strings.noWorkbookYet}</Body1>
    </section>
  );
}

export interface NotReadyProps {
  readonly testId: string;
  readonly title: string;
  readonly text: string;
  /** the notice's and the button's test ids */
  readonly noticeTestId: string;
  readonly buttonTestId: string;
  readonly strings: Strings;
  onShowWorkbook(): void;
}

export function NotReady({ testId, title, text, noticeTestId, buttonTestId, strings, onShowWorkbook }: NotReadyProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} data-testid={testId} data-busy="">
      <Notice notice={{ intent: 'warning', title, text }} testId={noticeTestId} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onShowWorkbook} data-testid={buttonTestId}>
          {strings.goToWorkbookTab}
        </Button>
      </div>
    </section>
  );
}
