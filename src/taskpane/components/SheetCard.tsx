import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SheetStatus } from '../backend';
import type { Strings } from '../i18n';

// A plain styled block rather than Fluent's Card: the status cards are not interactive, and Card's
// focus handling would only add weight to the bundle.
const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  head: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  purpose: { color: tokens.colorNeutralForeground3 },
  detail: { color: tokens.colorNeutralForeground2 },
  missingColumns: { color: tokens.colorPaletteDarkOrangeForeground1 },
  // CJK labels would otherwise wrap one character per line
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

export interface SheetCardProps {
  sheet: SheetStatus;
  /** the name shown when the sheet is missing: the one set-up would create */
  nameIfMissing: string;
  strings: Strings;
}

export function SheetCard({ sheet, nameIfMissing, strings }: SheetCardProps) {
  const styles = useStyles();
  const complete = sheet.present && sheet.missingColumns.length === 0;
  const [color, appearance, text] = !sheet.present
    ? (['danger', 'tint', strings.badgeMissing] as const)
    : complete
      ? (['success', 'filled', strings.badgeReady] as const)
      : (['warning', 'tint', strings.badgeColumnsMissing] as const);
  return (
    <article
      className={styles.card}
      data-testid={`sheet-card-${sheet.key}`}
      data-present={String(sheet.present)}
      data-ready={String(complete)}
    >
      <div className={styles.head}>
        <div className={styles.titles}>
          <Text as="h3" className={styles.name} data-testid={`sheet-name-${sheet.key}`}>
            {sheet.name ?? nameIfMissing}
          </Text>
          <Caption1 className={styles.purpose}>{strings.sheetPurpose[sheet.key]}</Caption1>
        </div>
        <Badge color={color} appearance={appearance} className={styles.badge} data-testid={`sheet-badge-${sheet.key}`}>
          {text}
        </Badge>
      </div>
      {sheet.present ? (
        <Caption1 className={styles.detail} data-testid={`sheet-rows-${sheet.key}`} data-rows={sheet.rows}>
          {strings.rows(sheet.rows)}
        </Caption1>
      ) : (
        <Caption1 className={styles.detail}>{strings.willBeCreated}</Caption1>
      )}
      {sheet.missingColumns.length > 0 && (
        <Caption1 className={styles.missingColumns} data-testid={`sheet-missing-columns-${sheet.key}`}>
          {strings.missingColumns(sheet.missingColumns)}
        </Caption1>
      )}
    </article>
  );
}
