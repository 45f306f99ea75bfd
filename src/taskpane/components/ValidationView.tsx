import { Badge, Body1, Button, Caption1, makeStyles, Spinner, Switch, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../domain/enums';
import { LiveValidator, LocatedProblem, nowIso, RowDetail as RowDetailData, rowDetail, startLiveValidation, validateWorkbook, ValidationReport } from '../backend';
import { describeError } from '../errors';
import type { ChangeHandlers, Host } from '../host';
import type { Strings } from '../i18n';
import { shownTime } from '../reportFormat';
import { Notice, NoticeData } from './Notice';
import { ProblemGroups } from './ProblemGroups';
import { RowDetail } from './RowDetail';
import { NoWorkbook } from './TabState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  checked: { color: tokens.colorNeutralForeground3, marginLeft: 'auto' },
  badge: { whiteSpace: 'nowrap' },
  live: { display: 'flex', flexDirection: 'column' },
  liveHint: { color: tokens.colorNeutralForeground3, marginLeft: '44px', marginTop: `calc(-1 * ${tokens.spacingVerticalXS})` },
});

type Busy = 'validating' | 'live' | 'detail' | null;

export interface ValidationViewProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  /** the structured sheets of the workbook, whose edits live validation follows */
  sheets: ReadonlyArray<string>;
  /** the Settings sheet: an edit there changes how every row is judged */
  settingsSheet: string | null;
  /** counts the pane's own changes to the workbook (set-up, a new ticket): a report older than the
   *  last one may be out of date */
  revision: number;
}

export function ValidationView({ host, lang, strings, sheets, settingsSheet, revision }: ValidationViewProps) {
  const styles = useStyles();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [reportRevision, setReportRevision] = useState(revision);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [selected, setSelected] = useState<LocatedProblem | null>(null);
  const [detail, setDetail] = useState<RowDetailData | null>(null);
  /** live validation is on (inside Excel; on once the first full validation has run) */
  const [live, setLive] = useState(false);
  const validator = useRef<LiveValidator | null>(null);
  const stopWatching = useRef<(() => Promise<void>) | null>(null);
  const excel = host?.kind === 'excel' && typeof host.watchChanges === 'function';

  const fail = useCallback((err: unknown) => setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }), [lang, strings]);

  const unwatch = useCallback(async () => {
    validator.current = null;
    const stop = stopWatching.current;
    stopWatching.current = null;
    // a handler Excel would not remove keeps calling us: say so rather than swallow it
    if (stop) await stop().catch(fail);
  }, [fail]);

  /** a full pass that live validation goes on from */
  const restart = useCallback(async () => {
    if (!host) return;
    const started = await host.run((wb) => startLiveValidation(wb, { lang, asOf: nowIso() }));
    validator.current = started.validator;
    setReport(started.report);
    setSelected(null);
  }, [host, lang]);

  // The watch hands over one change at a time and waits for each: every change is judged from the
  // state the previous one left.
  const handlers = useCallback(
    (): ChangeHandlers => ({
      onRows: async (sheet, rows) => {
        const v = validator.current;
        if (!host || !v) return;
        if (sheet === settingsSheet) return restart();
        const next = await host.run((wb) => v.onRowsChanged(wb, sheet, rows, nowIso()));
        if (validator.current === v) setReport(next);
      },
      onSheet: async () => {
        if (validator.current) await restart();
      },
      onError: fail,
    }),
    [host, settingsSheet, restart, fail],
  );

  /** Validates the whole workbook and marks it; inside Excel with live on, then follows the edits. */
  const validate = useCallback(
    async (withLive: boolean) => {
      if (!host) return;
      setBusy(withLive ? 'live' : 'validating');
      setNotice(null);
      setSelected(null);
      setDetail(null);
      try {
        await unwatch();
        if (withLive && host.watchChanges) {
          await restart();
          stopWatching.current = await host.watchChanges(sheets, handlers());
        } else {
          setReport(await host.run((wb) => validateWorkbook(wb, { lang, asOf: nowIso(), mark: true })));
        }
        setReportRevision(revision);
      } catch (err) {
        fail(err);
      } finally {
        setBusy(null);
      }
    },
    [host, lang, sheets, revision, unwatch, restart, handlers, fail],
  );

  useEffect(() => () => void unwatch(), [unwatch]);

  const runFirst = () => {
    // inside Excel, live validation comes on with the first full validation
    const withLive = excel && (report === null || live);
    if (withLive) setLive(true);
    void validate(withLive);
  };

  const toggleLive = (on: boolean) => {
    setLive(on);
    if (on) void validate(true);
    else void unwatch();
  };

  const select = async (p: LocatedProblem) => {
    if (!host || p.row === null) return;
    setSelected(p);
    if (host.kind === 'excel') {
      setDetail(null);
      try {
        await host.run((wb) => wb.selectCell(p.sheet, p.row! - 1, p.col ?? 0));
      } catch (err) {
        fail(err);
      }
      return;
    }
    setBusy('detail');
    try {
      setDetail(await host.run((wb) => rowDetail(wb, p.sheet, p.row!)));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  if (!host) return <NoWorkbook testId="validation" strings={strings} />;

  // live validation keeps up with every change; otherwise a report older than the pane's last
  // change to the workbook may be out of date
  const stale = report !== null && !(excel && live && validator.current) && reportRevision !== revision;

  return (
    <section className={styles.root} data-testid="validation" data-busy={busy ?? ''} data-live={String(excel && live)}>
      <Body1 className={styles.intro}>{strings.validationIntro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={runFirst} disabled={busy !== null} data-testid="validate">
          {strings.validateAll}
        </Button>
        {(busy === 'validating' || busy === 'live') && (
          <Spinner size="tiny" label={busy === 'live' && report !== null ? strings.liveStarting : strings.validating} />
        )}
      </div>
      {excel && (
        <div className={styles.live}>
          <Switch
            checked={live}
            disabled={busy !== null}
            label={strings.liveValidation}
            onChange={(_, data) => toggleLive(data.checked)}
            data-testid="live-toggle"
          />
          <Caption1 className={styles.liveHint}>{strings.liveValidationHint}</Caption1>
        </div>
      )}

      {notice && <Notice notice={notice} testId="validation-message" />}

      {report && (
        <>
          <div className={styles.summary} data-testid="validation-summary" data-errors={report.errors} data-warnings={report.warnings}>
            <Badge className={styles.badge} color={report.errors > 0 ? 'danger' : 'informative'} appearance={report.errors > 0 ? 'filled' : 'tint'} data-testid="error-count">
              {strings.errorsCount(report.errors)}
            </Badge>
            <Badge className={styles.badge} color={report.warnings > 0 ? 'warning' : 'informative'} appearance="tint" data-testid="warning-count">
              {strings.warningsCount(report.warnings)}
            </Badge>
            <Caption1 className={styles.checked} data-testid="last-checked">
              {strings.lastChecked(shownTime(report.asOf))}
            </Caption1>
          </div>
          {stale && <Notice notice={{ intent: 'warning', text: strings.staleReport }} testId="validation-stale" />}
          {report.unlisted > 0 && (
            <Notice
              notice={{ intent: 'warning', text: strings.problemsUnlisted(report.errors + report.warnings, report.problems.length, report.unlisted) }}
              testId="validation-unlisted"
            />
          )}
          {report.errors + report.warnings === 0 ? (
            <Notice notice={{ intent: 'success', text: strings.noProblems }} testId="validation-clean" />
          ) : (
            <>
              <Caption1 className={styles.intro}>{host.kind === 'excel' ? strings.marksInExcel : strings.marksInFile}</Caption1>
              <ProblemGroups
                report={report}
                strings={strings}
                selected={selected}
                onSelect={(p) => void select(p)}
                detail={
                  detail && selected && detail.sheet === selected.sheet && detail.row === selected.row ? (
                    <RowDetail
                      detail={detail}
                      col={selected.col}
                      strings={strings}
                      onClose={() => {
                        setSelected(null);
                        setDetail(null);
                      }}
                    />
                  ) : null
                }
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
