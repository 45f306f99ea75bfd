import {
  Button,
  Caption1,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../../domain/enums';
import { ALL_SHEETS, sheetName } from '../../domain/schema';
import type { WorkbookStatus } from '../backend';
import type { Strings } from '../i18n';
import { SheetCard } from './SheetCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  count: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cards: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  other: { color: tokens.colorNeutralForeground3 },
  langChoice: { display: 'flex', flexDirection: 'column' },
});

export interface StatusViewProps {
  status: WorkbookStatus;
  strings: Strings;
  busy: 'reading' | 'settingUp' | null;
  /** header language for a workbook that has none of our sheets yet; null when it is not a choice */
  headerLang: Lang | null;
  onHeaderLangChange(lang: Lang): void;
  onSetUp(): void;
}

export function StatusView(props: StatusViewProps) {
  const { status, strings, busy, headerLang } = props;
  const styles = useStyles();
  const readyCount = status.sheets.filter((s) => s.present && s.missingColumns.length === 0).length;
  const hasMissingSheet = status.sheets.some((s) => !s.present);
  const newSheetLang = headerLang ?? status.lang;
  return (
    <section className={styles.root} data-testid="status" data-ready={String(status.ready)}>
      <div className={styles.heading}>
        <Subtitle2 as="h2" className={styles.title}>{strings.sheetsHeading}</Subtitle2>
        <Caption1 className={styles.count} data-testid="ready-count">
          {strings.readyCount(readyCount, status.sheets.length)}
        </Caption1>
      </div>

      {headerLang !== null && (
        <RadioGroup
          layout="horizontal"
          className={styles.langChoice}
          value={headerLang}
          onChange={(_, data) => props.onHeaderLangChange(data.value === 'en' ? 'en' : 'zh')}
          aria-label={strings.headerLanguage}
          data-testid="header-lang"
        >
          <Caption1>{strings.headerLanguage}</Caption1>
          <div>
            <Radio value="zh" label={strings.headerLanguageZh} />
            <Radio value="en" label={strings.headerLanguageEn} />
          </div>
        </RadioGroup>
      )}

      {hasMissingSheet && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={props.onSetUp} disabled={busy !== null} data-testid="set-up">
            {strings.setUp}
          </Button>
          {busy === 'settingUp' && <Spinner size="tiny" label={strings.settingUp} />}
        </div>
      )}

      <div className={styles.cards}>
        {status.sheets.map((sheet) => {
          const def = ALL_SHEETS.find((d) => d.key === sheet.key);
          return (
            <SheetCard
              key={sheet.key}
              sheet={sheet}
              nameIfMissing={def ? sheetName(def, newSheetLang) : sheet.key}
              strings={strings}
            />
          );
        })}
      </div>

      {status.generatedSheets.length > 0 && (
        <Caption1 className={styles.other} data-testid="generated-sheets">
          {strings.generatedSheets(status.generatedSheets)}
        </Caption1>
      )}

      {status.otherSheets.length > 0 && (
        <Caption1 className={styles.other} data-testid="other-sheets">
          {strings.otherSheets(status.otherSheets)}
        </Caption1>
      )}
    </section>
  );
}
