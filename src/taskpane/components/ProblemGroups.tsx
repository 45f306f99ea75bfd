import { Badge, Caption1, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { location } from '../../domain/messages';
import { columnLetter, LocatedProblem, ValidationReport } from '../backend';
import type { Strings } from '../i18n';
import { Words } from './Words';

/** How many problems of a sheet the pane lists; a workbook with thousands is fixed from the top. */
const SHOWN_PER_SHEET = 200;

// Groups are native <details>: collapsible, keyboard-accessible and searchable with the browser's
// find, at no cost to the bundle (Fluent's Accordion brings its own motion and icon code).
const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  group: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    '&[open] > summary::before': { transform: 'rotate(45deg)' },
  },
  summary: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    cursor: 'pointer',
    listStyleType: 'none',
    '::-webkit-details-marker': { display: 'none' },
    '::before': {
      content: '""',
      width: '6px',
      height: '6px',
      borderRight: `1.5px solid ${tokens.colorNeutralForeground2}`,
      borderBottom: `1.5px solid ${tokens.colorNeutralForeground2}`,
      transform: 'rotate(-45deg)',
      flexShrink: 0,
      marginRight: tokens.spacingHorizontalXS,
    },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  },
  panel: { paddingBottom: tokens.spacingVerticalS },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold },
  sheetCounts: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  badge: { whiteSpace: 'nowrap', alignSelf: 'start', marginTop: '2px' },
  where: { color: tokens.colorNeutralForeground2 },
  message: { gridColumn: '2', overflowWrap: 'anywhere' },
  more: { color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalS}` },
});

export interface ProblemGroupsProps {
  report: ValidationReport;
  strings: Strings;
  /** the problem whose row is shown or selected */
  selected: LocatedProblem | null;
  onSelect(problem: LocatedProblem): void;
  /** rendered under the selected item (the row's detail, standalone) */
  detail: ReactNode;
}

/** The message without the sheet/row/column it starts with: the list shows those on their own line.
 *  An English message read on its own starts a sentence. */
function what(p: LocatedProblem, report: ValidationReport): string {
  const prefix = `${location(p, report.lang)}${report.lang === 'zh' ? '：' : ': '}`;
  const text = p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message;
  return report.lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function ProblemGroups({ report, strings, selected, onSelect, detail }: ProblemGroupsProps) {
  const styles = useStyles();
  return (
    <div className={styles.groups} data-testid="problem-groups">
      {report.bySheet.map((group) => {
        const { errors, warnings } = group;
        const shown = Math.min(group.problems.length, SHOWN_PER_SHEET);
        return (
          <details
            key={group.sheet}
            open
            className={styles.group}
            data-testid="problem-group"
            data-sheet={group.sheet}
            data-errors={errors}
            data-warnings={warnings}
          >
            <summary className={styles.summary} data-testid="problem-group-header">
              <span className={styles.header}>
                <Text className={styles.sheetName}>{group.sheet}</Text>
                <Caption1 className={styles.sheetCounts}>{strings.sheetProblems(errors, warnings)}</Caption1>
              </span>
            </summary>
            <div className={styles.panel}>
              <ul className={styles.list}>
                {group.problems.slice(0, SHOWN_PER_SHEET).map((p, i) => {
                  const isSelected = selected === p;
                  const where =
                    p.row === null
                      ? strings.wholeSheet
                      : strings.problemAt(p.row, p.column !== null && p.col !== null ? { letter: columnLetter(p.col), header: p.column } : null);
                  const body = (
                    <>
                      <Badge
                        className={styles.badge}
                        size="small"
                        appearance={p.severity === 'error' ? 'filled' : 'tint'}
                        color={p.severity === 'error' ? 'danger' : 'warning'}
                      >
                        {p.severity === 'error' ? strings.severityError : strings.severityWarning}
                      </Badge>
                      <Caption1 className={styles.where}>
                        <Words text={where} />
                      </Caption1>
                      <Text size={200} className={styles.message} data-testid="problem-message">
                        <Words text={what(p, report)} />
                      </Text>
                    </>
                  );
                  const data = { 'data-testid': 'problem-item', 'data-sheet': p.sheet, 'data-row': p.row ?? '', 'data-code': p.code, 'data-severity': p.severity };
                  return (
                    <li key={i}>
                      {p.row === null ? (
                        <div className={styles.item} {...data}>
                          {body}
                        </div>
                      ) : (
                        <button
                          type="button"
                          className={mergeClasses(styles.item, styles.clickable, isSelected && styles.selected)}
                          aria-pressed={isSelected}
                          onClick={() => onSelect(p)}
                          {...data}
                        >
                          {body}
                        </button>
                      )}
                      {isSelected && detail}
                    </li>
                  );
                })}
              </ul>
              {errors + warnings > shown && (
                <Caption1 className={styles.more}>{strings.moreInSheet(errors + warnings - shown)}</Caption1>
              )}
            </div>
          </details>
        );
      })}
    </div>
  );
}
