// The Reports tab: pick a kind and a period, generate the report sheet (or just look at its KPIs
// here), jump to the sheet, and write the KPI pivots. The numbers are the app's (runReport); the tab
// arranges them.
import { Body1, Button, Caption1, Field, makeStyles, Select, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../domain/enums';
import { ALL_SHEETS, CHARGES, sheetName } from '../../domain/schema';
import { kpiCatalogue, nowIso, PeriodKind, REPORT_KINDS, ReportPeriods, reportPeriods, ReportResult, runReport, WorkbookStatus, writeKpiPivots } from '../backend';
import { describeError } from '../errors';
import type { Host } from '../host';
import { keptNote, type Strings } from '../i18n';
import type { KpiEntry } from '../../domain/kpi';
import { ReportJson, shownTime, tileDefs } from '../reportFormat';
import { KpiTiles } from './KpiTiles';
import { Notice, NoticeData } from './Notice';
import { TrendChart } from './TrendChart';
import { NoWorkbook, NotReady } from './TabState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  pickers: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.3fr)', alignItems: 'start', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  title: { margin: 0 },
  asOf: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  divider: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
});

type Busy = 'periods' | 'showing' | 'generating' | 'pivots' | 'jumping' | null;

/** The structured sheet a report cannot do without (the others only add figures). */
const NEEDED = ['tickets'] as const;

export interface ReportsViewProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  status: WorkbookStatus | null;
  /** counts the pane's own changes to the workbook: KPIs computed before the last one may be out of date */
  revision: number;
  /** standalone: save the workbook, which now holds the generated sheet */
  onDownload?: () => void;
  onShowWorkbook(): void;
  /** a sheet was written: the workbook's status is read again */
  onWritten(): void;
}

interface Shown {
  readonly result: ReportResult;
  readonly revision: number;
  /** the KPI catalogue the tiles and the trend are named from */
  readonly catalogue: ReadonlyArray<KpiEntry>;
}

export function ReportsView({ host, lang, strings, status, revision, onDownload, onShowWorkbook, onWritten }: ReportsViewProps) {
  const styles = useStyles();
  const [periods, setPeriods] = useState<ReportPeriods | null>(null);
  const [kind, setKind] = useState<PeriodKind>('weekly');
  const [chosen, setChosen] = useState<Partial<Record<PeriodKind, string>>>({});
  const [shown, setShown] = useState<Shown | null>(null);
  /** the sheet the last generation wrote */
  const [written, setWritten] = useState<string | null>(null);
  const [pivots, setPivots] = useState<{ sheet: string; pivots: boolean } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [pivotNotice, setPivotNotice] = useState<NoticeData | null>(null);
  const excel = host?.kind === 'excel';

  // a request the report use case turned down (BAD_PERIOD, NO_TICKETS) is worded by describeError, as in the CLI
  const fail = useCallback((err: unknown): NoticeData => ({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }), [lang, strings]);

  // the sheets a report needs, missing or lacking columns: named, and the Workbook tab offered
  const unusable = status
    ? status.sheets.filter((s) => (NEEDED as ReadonlyArray<string>).includes(s.key) && (!s.present || s.missingColumns.length > 0))
    : [];
  const blocker =
    unusable.length === 0
      ? null
      : unusable.some((s) => !s.present)
        ? strings.reportSheetsMissing(
            unusable.filter((s) => !s.present).map((s) => {
              const def = ALL_SHEETS.find((d) => d.key === s.key);
              return def ? sheetName(def, status?.lang ?? lang) : s.key;
            }),
          )
        : strings.reportColumnsMissing(unusable.map((s) => strings.sheetLacks(s.name ?? s.key, s.missingColumns)));

  const load = useCallback(async () => {
    if (!host || blocker !== null) return;
    setBusy('periods');
    // the catalogue the tiles are shown with, loaded while the clerk chooses (not after the report)
    void kpiCatalogue().catch(() => undefined);
    try {
      setPeriods(await host.run((wb) => reportPeriods(wb, nowIso())));
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  }, [host, blocker, fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const period = chosen[kind] ?? periods?.[kind].default ?? '';

  const run = async (write: boolean) => {
    if (!host || !period) return;
    setBusy(write ? 'generating' : 'showing');
    setNotice(null);
    try {
      const now = nowIso();
      // the sheet in the Settings' 报表语言 (by default the workbook's language), as the CLI without --lang
      const result = await host.run((wb) => runReport(wb, { kind, period, write, asOf: now, generatedAt: now }));
      setShown({ result, revision, catalogue: await kpiCatalogue() });
      setWritten(result.written ? result.sheetName : null);
      if (result.written) {
        setNotice({
          intent: 'success',
          title: strings.reportWrittenTitle,
          text: (excel ? strings.reportWrittenExcel(result.sheetName) : strings.reportWrittenFile(result.sheetName)) + keptNote(strings, lang, result),
        });
        onWritten();
      }
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  const jump = async (sheet: string) => {
    if (!host) return;
    setBusy('jumping');
    try {
      await host.run((wb) => wb.selectCell(sheet, 0, 0));
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  const writePivots = async () => {
    if (!host) return;
    setBusy('pivots');
    setPivotNotice(null);
    try {
      const out = await host.run((wb) => writeKpiPivots(wb));
      setPivots(out);
      setPivotNotice({
        intent: 'success',
        text: (out.pivots ? strings.pivotsWrittenExcel(out.sheet) : strings.pivotsWrittenFile(out.sheet)) + keptNote(strings, lang, { keptSheet: out.keptSheet, sheetName: out.sheet }),
      });
      onWritten();
    } catch (err) {
      setPivotNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  if (!host) return <NoWorkbook testId="reports" strings={strings} />;

  if (blocker !== null) {
    return (
      <NotReady
        testId="reports"
        title={strings.reportNotReadyTitle}
        text={blocker}
        noticeTestId="report-not-ready"
        buttonTestId="go-workbook"
        strings={strings}
        onShowWorkbook={onShowWorkbook}
      />
    );
  }

  const json: ReportJson | null = shown ? shown.result.json : null;
  const charges = status?.sheets.find((s) => s.key === 'charges');
  const noCharges = charges !== undefined && !charges.present ? sheetName(CHARGES, status?.lang ?? lang) : null;
  const choices = periods?.[kind].choices ?? [];
  const stale = shown !== null && shown.revision !== revision;

  return (
    <section className={styles.root} data-testid="reports" data-busy={busy ?? ''}>
      <Body1 className={styles.intro}>{strings.reportsIntro}</Body1>
      <div className={styles.pickers}>
        <Field label={strings.reportKind}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as PeriodKind)} disabled={busy !== null} data-testid="report-kind">
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {strings.reportKindLabel[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.reportPeriod} hint={strings.reportPeriodHint[kind]}>
          <Select
            value={period}
            onChange={(_, d) => setChosen((old) => ({ ...old, [kind]: d.value }))}
            disabled={busy !== null || choices.length === 0}
            data-testid="report-period"
          >
            {choices.map((label) => (
              <option key={label} value={label}>
                {label === periods?.[kind].default ? strings.defaultPeriod(label) : label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run(true)} disabled={busy !== null || !period} data-testid="report-generate">
          {strings.generateReport}
        </Button>
        <Button onClick={() => void run(false)} disabled={busy !== null || !period} data-testid="report-show">
          {strings.showKpis}
        </Button>
        {busy === 'generating' && <Spinner size="tiny" label={strings.generating} />}
        {(busy === 'showing' || busy === 'periods') && <Spinner size="tiny" label={strings.computing} />}
      </div>

      {noCharges !== null && <Notice notice={{ intent: 'info', text: strings.reportNoCharges(noCharges) }} testId="report-no-charges" />}
      {notice && <Notice notice={notice} testId="report-message" />}
      {written !== null && (
        <div className={styles.actions}>
          {excel ? (
            <Button onClick={() => void jump(written)} disabled={busy !== null} data-testid="report-jump">
              {strings.jumpToSheet(written)}
            </Button>
          ) : (
            onDownload && (
              <Button onClick={onDownload} disabled={busy !== null} data-testid="report-download">
                {strings.download}
              </Button>
            )
          )}
        </div>
      )}

      {json && shown && (
        <>
          <div className={styles.heading}>
            <Subtitle2 as="h2" className={styles.title} data-testid="kpi-heading" data-period={json.period.label} data-kind={json.period.kind}>
              {strings.kpiHeading(strings.reportKindLabel[shown.result.period.kind], json.period.label)}
            </Subtitle2>
            {json.asOf !== null && (
              <Caption1 className={styles.asOf} data-testid="kpi-as-of">
                {strings.asOf(shownTime(json.asOf))}
              </Caption1>
            )}
          </div>
          {stale && <Notice notice={{ intent: 'warning', text: strings.kpisStale }} testId="kpi-stale" />}
          <KpiTiles json={json} tiles={tileDefs(shown.catalogue)} lang={lang} strings={strings} />
          {json.trend.length > 0 && (
            <div className={styles.section}>
              <Subtitle2 as="h3" className={styles.title}>
                {strings.trendHeading}
              </Subtitle2>
              <TrendChart points={json.trend} catalogue={shown.catalogue} lang={lang} strings={strings} />
            </div>
          )}
        </>
      )}

      <div className={styles.divider}>
        <div className={styles.section}>
          <Subtitle2 as="h2" className={styles.title}>
            {strings.pivotsHeading}
          </Subtitle2>
          <Caption1 className={styles.intro}>{excel ? strings.pivotsIntroExcel : strings.pivotsIntroFile}</Caption1>
          <div className={styles.actions}>
            <Button onClick={() => void writePivots()} disabled={busy !== null} data-testid="kpi-pivots">
              {pivots && excel ? strings.refreshPivots : strings.writePivots}
            </Button>
            {busy === 'pivots' && <Spinner size="tiny" label={strings.generating} />}
            {pivots && excel && (
              <Button appearance="subtle" onClick={() => void jump(pivots.sheet)} disabled={busy !== null} data-testid="pivots-jump">
                {strings.jumpToSheet(pivots.sheet)}
              </Button>
            )}
          </div>
          {pivotNotice && <Notice notice={pivotNotice} testId="pivots-message" />}
        </div>
      </div>
    </section>
  );
}
