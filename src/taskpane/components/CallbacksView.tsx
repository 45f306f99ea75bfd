// The Callbacks tab: where this year's callback plans stand (each quarter's plan sheet, its calls
// recorded by today, who on the current plan is still to call: in Excel a click selects the row), and
// the quarter's plan generated on request. A plan the clerks have started on is made again only when
// asked, keeping the rows they recorded. The figures are the app's (callbackPlanStatus,
// runCallbackPlan); the tab arranges them.
import { Body1, Button, Caption1, Field, makeStyles, mergeClasses, ProgressBar, Select, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { UncalledHousehold } from '../../app/callbackPlan';
import { describeProblem } from '../../domain/messages';
import type { Lang } from '../../domain/enums';
import { CallbackPlanStatus, callbackPlanStatus, nowIso, runCallbackPlan, WorkbookStatus } from '../backend';
import { describeError } from '../errors';
import type { Host } from '../host';
import type { Strings } from '../i18n';
import { Notice, NoticeData } from './Notice';
import { WrittenSheet } from './WrittenSheet';
import { NoWorkbook, NotReady } from './TabState';

/** Households listed before "show all". */
const FIRST_HOUSEHOLDS = 10;
/** Unreadable plan cells named one by one; the rest are counted. */
const LISTED_PROBLEMS = 5;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0, marginTop: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  quarters: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px', fontVariantNumeric: 'tabular-nums' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  household: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: 'transparent',
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
  },
  clickable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  divider: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

type Busy = 'reading' | 'generating' | 'jumping' | null;

export interface CallbacksViewProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  status: WorkbookStatus | null;
  /** counts the pane's own changes to the workbook: the progress is read again after one */
  revision: number;
  onDownload?: () => void;
  onShowWorkbook(): void;
  onWritten(): void;
}

/** The quarter after 2026-Q4: 2027-Q1. */
export function nextQuarter(label: string): string {
  const [year, q] = label.split('-Q').map(Number);
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

const percent = (share: number, lang: Lang) => `${Math.round(share * 1000) / 10}${lang === 'zh' ? '%' : ' %'}`;

export function CallbacksView({ host, lang, strings, status, revision, onDownload, onShowWorkbook, onWritten }: CallbacksViewProps) {
  const styles = useStyles();
  const [plans, setPlans] = useState<CallbackPlanStatus | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [planNotice, setPlanNotice] = useState<NoticeData | null>(null);
  /** the last generation was turned down: the plan is started */
  const [started, setStarted] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const [quarter, setQuarter] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const excel = host?.kind === 'excel';
  const fail = useCallback((err: unknown): NoticeData => ({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }), [lang, strings]);

  const customers = status?.sheets.find((s) => s.key === 'customers');
  const noCustomers = customers !== undefined && !customers.present;

  const load = useCallback(async () => {
    if (!host || noCustomers) return;
    setBusy('reading');
    setNotice(null);
    try {
      setPlans(await host.run((wb) => callbackPlanStatus(wb, { asOf: nowIso(), lang })));
    } catch (err) {
      setPlans(null);
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  }, [host, noCustomers, lang, fail]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const chosen = quarter ?? plans?.quarter ?? '';

  const generate = async (force: boolean) => {
    if (!host || !chosen) return;
    setBusy('generating');
    setPlanNotice(null);
    setStarted(false);
    try {
      const out = await host.run((wb) => runCallbackPlan(wb, { quarter: chosen, asOf: nowIso(), write: true, force }));
      const recent = out.plan.households.filter((h) => h.reason === 'recent').length;
      setWritten(out.sheetName);
      setPlanNotice({ intent: 'success', title: strings.callbacksWrittenTitle, text: strings.callbacksWritten(out.sheetName, out.plan.households.length, recent, out.kept, excel) });
      onWritten();
      void load();
    } catch (err) {
      setStarted((err as { code?: unknown } | null)?.code === 'PLAN_STARTED');
      setPlanNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  const jump = async (sheet: string, row = 1) => {
    if (!host) return;
    setBusy('jumping');
    try {
      await host.run((wb) => wb.selectCell(sheet, row - 1, 0));
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  if (!host) return <NoWorkbook testId="callbacks" strings={strings} />;

  if (noCustomers) {
    return (
      <NotReady
        testId="callbacks"
        title={strings.callbacksNotReadyTitle}
        text={strings.callbacksNoCustomers(strings.adoptKinds.customers)}
        noticeTestId="callbacks-not-ready"
        buttonTestId="callbacks-go-workbook"
        strings={strings}
        onShowWorkbook={onShowWorkbook}
      />
    );
  }

  const current = plans?.current ?? null;
  const uncalled = current ? (showAll ? current.uncalled : current.uncalled.slice(0, FIRST_HOUSEHOLDS)) : [];
  const choices = plans ? [plans.quarter, nextQuarter(plans.quarter)] : [];
  const problems = plans?.planProblems ?? [];

  return (
    <section className={styles.root} data-testid="callbacks" data-busy={busy ?? ''}>
      {plans && <Body1 className={styles.intro}>{strings.callbacksIntro(percent(plans.share, lang))}</Body1>}
      {busy === 'reading' && <Spinner size="tiny" label={strings.computing} />}
      {notice && <Notice notice={notice} testId="callbacks-message" />}
      {problems.length > 0 && (
        <Notice
          notice={{
            intent: 'warning',
            text: [strings.callbacksPlanProblems(problems.length), ...problems.slice(0, LISTED_PROBLEMS).map((p) => describeProblem(p, lang))].join(lang === 'zh' ? '' : ' '),
          }}
          testId="callbacks-problems"
        />
      )}

      {plans && (
        <>
          <Subtitle2 as="h2" className={styles.heading} data-testid="callbacks-year" data-planned={plans.plannedThisYear} data-occupied={plans.occupied}>
            {strings.callbacksYear(plans.plannedThisYear, plans.occupied)}
          </Subtitle2>
          {current ? (
            <Field label={strings.callbacksProgressLabel} hint={strings.callbacksCurrent(current.sheet, current.planned, current.called)}>
              <ProgressBar
                value={current.planned === 0 ? 0 : current.called / current.planned}
                thickness="large"
                data-testid="callbacks-progress"
                data-planned={current.planned}
                data-called={current.called}
              />
            </Field>
          ) : (
            <Text data-testid="callbacks-no-plan">{strings.callbacksNoPlan(plans.quarter)}</Text>
          )}

          {plans.quarters.length > 0 && (
            <>
              <Caption1 className={styles.muted}>{strings.callbacksQuartersHeading}</Caption1>
              <ul className={styles.quarters} data-testid="callbacks-quarters">
                {plans.quarters.map((q) => (
                  <li key={q.sheet} data-quarter={q.quarter} data-planned={q.planned} data-called={q.called}>
                    {strings.callbacksQuarterLine(q.quarter, q.planned, q.called)}
                  </li>
                ))}
              </ul>
            </>
          )}

          {current && (
            <>
              <Caption1 className={styles.muted}>{current.uncalled.length > 0 ? strings.callbacksUncalledHeading(current.uncalled.length) : strings.callbacksAllCalled}</Caption1>
              <ul className={styles.list} data-testid="callbacks-uncalled">
                {uncalled.map((h) => (
                  <li key={h.unit}>
                    <Household household={h} strings={strings} onSelect={excel ? () => void jump(current.sheet, h.row) : undefined} />
                  </li>
                ))}
              </ul>
              {current.uncalled.length > FIRST_HOUSEHOLDS && (
                <div className={styles.actions}>
                  <Button appearance="subtle" size="small" onClick={() => setShowAll((v) => !v)} data-testid="callbacks-show-all">
                    {showAll ? strings.showFewer : strings.showAll(current.uncalled.length)}
                  </Button>
                </div>
              )}
            </>
          )}

          <div className={styles.divider}>
            <Field label={strings.callbacksQuarter}>
              <Select value={chosen} onChange={(_, d) => setQuarter(d.value)} disabled={busy !== null} data-testid="callbacks-quarter">
                {choices.map((q) => (
                  <option key={q} value={q}>
                    {q === plans.quarter ? strings.defaultPeriod(q) : q}
                  </option>
                ))}
              </Select>
            </Field>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void generate(false)} disabled={busy !== null || !chosen} data-testid="callbacks-generate">
                {strings.callbacksGenerate}
              </Button>
              <Button appearance="subtle" onClick={() => void load()} disabled={busy !== null} data-testid="callbacks-recompute">
                {strings.recompute}
              </Button>
              {busy === 'generating' && <Spinner size="tiny" label={strings.generating} />}
            </div>
            {planNotice && <Notice notice={planNotice} testId="callbacks-plan-message" />}
            {started && (
              <Field hint={strings.callbacksRedoHint}>
                <div className={styles.actions}>
                  <Button onClick={() => void generate(true)} disabled={busy !== null} data-testid="callbacks-redo">
                    {strings.callbacksRedo}
                  </Button>
                </div>
              </Field>
            )}
            {written !== null && <WrittenSheet sheet={written} excel={excel} strings={strings} disabled={busy !== null} testId="callbacks" onJump={(s) => void jump(s)} onDownload={onDownload} />}
          </div>
        </>
      )}
    </section>
  );
}

function Household({ household: h, strings, onSelect }: { household: UncalledHousehold; strings: Strings; onSelect?: () => void }) {
  const styles = useStyles();
  const body = (
    <>
      <span className={styles.name}>{h.name ? `${h.unit} · ${h.name}` : h.unit}</span>
      <Caption1 className={styles.muted}>{[h.phone, strings.callbacksReasons[h.reason]].filter((x) => x).join(' · ')}</Caption1>
    </>
  );
  // in Excel the household's row on the plan sheet is selected; a browser has no sheet to show
  return onSelect ? (
    <button type="button" className={mergeClasses(styles.household, styles.clickable)} onClick={onSelect} data-testid="callbacks-household" data-unit={h.unit} data-row={h.row}>
      {body}
    </button>
  ) : (
    <div className={styles.household} data-testid="callbacks-household" data-unit={h.unit} data-row={h.row}>
      {body}
    </div>
  );
}
