// The Today tab, the clerk's desk: what is overdue, what is due soon (Settings' 临期提醒), what was
// resolved and awaits its callback, what is new and not yet dispatched; each a list with its count, a
// click selects the ticket's row in Excel. Inside Excel the ticket sheet's rows are coloured (the
// add-in's own conditional formats: nothing of the clerk's is touched) when the tab opens, after
// every edit of the ticket sheet (here or by a co-author) and every few minutes; in a browser the
// colours are written into the file on request. Rows typed straight into the sheet without a 工单号
// get one, by the scheme of docs/ticket-ids.md, only when the clerk asks. The lists are the app's
// (app/due.ts, app/ids.ts); the tab arranges them.
import { Body1, Button, Caption1, makeStyles, mergeClasses, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../domain/enums';
import { formatWallIso } from '../../domain/time';
import { DueLists, DueResult, fillTicketIds, LiveDue, nowIso, runDue, startLiveDue, TodoTicket, WorkbookStatus } from '../backend';
import { describeError } from '../errors';
import type { Host } from '../host';
import type { Strings } from '../i18n';
import { installationTag, issuedIds, rememberIssued } from '../installation';
import { shownTime } from '../reportFormat';
import { Notice, NoticeData } from './Notice';
import { NotReady, NoWorkbook } from './TabState';
import { WrittenSheet } from './WrittenSheet';

/** How often, inside Excel, the lists and colours are worked out again: a ticket turns "due soon"
 *  by the clock alone. */
const REFRESH_MS = 5 * 60 * 1000;
/** Tickets listed per list before "show all". */
const FIRST = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  top: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  legend: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: '4px', verticalAlign: 'middle', border: `1px solid ${tokens.colorNeutralStroke2}` },
  // the colours of the ticket sheet's rows (workbook/reportLooks.ts: overdueFill, dueSoonFill)
  overdue: { backgroundColor: '#F8CBAD' },
  dueSoon: { backgroundColor: '#FFF2CC' },
  group: { borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  summary: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`, cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  count: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    backgroundColor: 'transparent',
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
  },
  clickable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover }, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  // an ID is never cut: the time goes under it when both do not fit
  itemLine: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  itemId: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  itemHours: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  late: { color: tokens.colorPaletteRedForeground1 },
  divider: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

type Busy = 'reading' | 'marking' | 'sheet' | 'ids' | 'jumping' | null;
type ListKey = 'overdue' | 'dueSoon' | 'awaitingCallback' | 'undispatched';
const LISTS: ReadonlyArray<ListKey> = ['overdue', 'dueSoon', 'awaitingCallback', 'undispatched'];

export interface TodayViewProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  status: WorkbookStatus | null;
  /** counts the pane's own changes to the workbook: the lists are worked out again after one */
  revision: number;
  onDownload?: () => void;
  onShowWorkbook(): void;
  /** the pane changed the workbook's data (IDs filled): the other tabs know */
  onChanged(): void;
  /** a sheet was written (colours, the 待办 sheet) */
  onWritten(): void;
}

interface Where {
  readonly sheet: string;
  readonly keyColumn: number;
}

export function TodayView({ host, lang, strings, status, revision, onDownload, onShowWorkbook, onChanged, onWritten }: TodayViewProps) {
  const styles = useStyles();
  const [lists, setLists] = useState<DueLists | null>(null);
  const [where, setWhere] = useState<Where | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [missingIds, setMissingIds] = useState<number | null>(null);
  const [idsNotice, setIdsNotice] = useState<NoticeData | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<ListKey>>(() => new Set<ListKey>(['overdue', 'dueSoon']));
  const [all, setAll] = useState<ReadonlySet<ListKey>>(() => new Set<ListKey>());
  const live = useRef<LiveDue | null>(null);
  const stopWatching = useRef<(() => Promise<void>) | null>(null);
  const excel = host?.kind === 'excel';
  const fail = useCallback((err: unknown): NoticeData => ({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }), [lang, strings]);

  const tickets = status?.sheets.find((s) => s.key === 'tickets');
  const settingsSheet = status?.sheets.find((s) => s.key === 'settings')?.name ?? null;
  const noTickets = tickets !== undefined && !tickets.present;

  /** how many rows lack a 工单号 (nothing written) */
  const countMissingIds = useCallback(async () => {
    if (!host) return;
    try {
      const dry = await host.run((wb) => fillTicketIds(wb, { asOf: nowIso(), clerkTag: installationTag, issuedIds: issuedIds(), dryRun: true, lang }));
      setMissingIds(dry.filled.length);
    } catch {
      // a sheet without its ID column: the lists say what is wrong with it
      setMissingIds(null);
    }
  }, [host, lang]);

  const stop = useCallback(async () => {
    live.current = null;
    const s = stopWatching.current;
    stopWatching.current = null;
    if (s) await s().catch(() => undefined);
  }, []);

  /** Excel: the lists from one full read, the colours, then the edits and the clock followed. */
  const startLive = useCallback(async () => {
    if (!host) return;
    await stop();
    const started = await host.run((wb) => startLiveDue(wb, { asOf: nowIso(), lang }));
    live.current = started.live;
    setLists(started.lists);
    setWhere(started.live.ticketSheet);
    if (!host.watchChanges) return;
    const mine = started.live;
    const sheets = [mine.ticketSheet.sheet, ...(settingsSheet ? [settingsSheet] : [])];
    stopWatching.current = await host.watchChanges(sheets, {
      onRows: async (sheet, rows) => {
        if (live.current !== mine) return;
        // a Settings edit may change every deadline: start again
        if (sheet === settingsSheet) return void startLive().catch((err) => setNotice(fail(err)));
        const next = await host.run((wb) => mine.onRowsChanged(wb, sheet, rows, nowIso()));
        if (live.current === mine) setLists(next.lists);
      },
      onSheet: async () => {
        if (live.current === mine) await startLive();
      },
      onError: (err) => setNotice(fail(err)),
    });
  }, [host, lang, settingsSheet, stop, fail]);

  const load = useCallback(async () => {
    if (!host || noTickets) return;
    setBusy('reading');
    setNotice(null);
    try {
      if (excel) await startLive();
      else {
        const r = await host.run((wb) => runDue(wb, { asOf: nowIso(), lang }));
        setLists(r.lists);
        setWhere({ sheet: r.ticketSheet, keyColumn: r.keyColumn });
      }
      await countMissingIds();
    } catch (err) {
      setLists(null);
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  }, [host, noTickets, excel, lang, startLive, countMissingIds, fail]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  // inside Excel the clock alone moves tickets into "due soon" and "overdue"
  useEffect(() => {
    if (!excel || !host) return;
    const timer = setInterval(() => {
      const l = live.current;
      if (!l) return;
      host
        .run((wb) => l.refresh(wb, nowIso()))
        .then((r) => live.current === l && setLists(r.lists))
        .catch((err) => setNotice(fail(err)));
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [excel, host, fail]);

  useEffect(() => () => void stop(), [stop]);

  const select = async (t: TodoTicket) => {
    if (!host || !where || !excel) return;
    setBusy('jumping');
    try {
      await host.run((wb) => wb.selectCell(where.sheet, t.row - 1, where.keyColumn));
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  /** standalone: the colours, or the 待办 sheet, written into the file */
  const write = async (what: 'marking' | 'sheet') => {
    if (!host) return;
    setBusy(what);
    setNotice(null);
    try {
      const r: DueResult = await host.run((wb) => runDue(wb, { asOf: nowIso(), lang, mark: what === 'marking', write: what === 'sheet' }));
      setLists(r.lists);
      if (what === 'sheet') {
        setWritten(r.sheetName);
        setNotice({ intent: 'success', text: strings.dueSheetWritten(r.sheetName, excel) });
      } else {
        setNotice({ intent: 'success', text: strings.dueColoured(r.ticketSheet, r.lists.overdue.length, r.lists.dueSoon.length) });
      }
      onWritten();
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  const fillIds = async () => {
    if (!host) return;
    setBusy('ids');
    setIdsNotice(null);
    try {
      const r = await host.run((wb) => fillTicketIds(wb, { asOf: nowIso(), clerkTag: installationTag, issuedIds: issuedIds(), lang }));
      for (const f of r.filled) rememberIssued(f.id);
      const text = [strings.idsFilled(r.sheet, r.filled.length)];
      if (r.skipped.length > 0) text.push(strings.idsSkipped(r.skipped.map((f) => f.row)));
      setIdsNotice({ intent: r.skipped.length > 0 ? 'warning' : 'success', text: text.join(lang === 'zh' ? '' : ' ') });
      setMissingIds(r.skipped.length);
      if (r.written) onChanged();
    } catch (err) {
      setIdsNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  if (!host) return <NoWorkbook testId="today" strings={strings} />;
  if (noTickets) {
    return (
      <NotReady
        testId="today"
        title={strings.todayNotReadyTitle}
        text={strings.todayNoTickets(strings.adoptKinds.tickets)}
        noticeTestId="today-not-ready"
        buttonTestId="today-go-workbook"
        strings={strings}
        onShowWorkbook={onShowWorkbook}
      />
    );
  }

  const toggle = (set: ReadonlySet<ListKey>, key: ListKey) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };

  return (
    <section className={styles.root} data-testid="today" data-busy={busy ?? ''}>
      <Body1 className={styles.intro}>{excel ? strings.todayIntroExcel : strings.todayIntroFile}</Body1>
      {busy === 'reading' && <Spinner size="tiny" label={strings.computing} />}
      {notice && <Notice notice={notice} testId="today-message" />}

      {lists && (
        <>
          <div className={styles.top}>
            <Subtitle2 as="h2" className={styles.heading}>
              {strings.todayHeading}
            </Subtitle2>
            <Caption1 className={styles.muted} data-testid="today-as-of">
              {strings.asOf(shownTime(formatWallIso(lists.asOf)))}
            </Caption1>
          </div>
          <div className={styles.legend} data-testid="today-legend">
            <span>
              <span className={mergeClasses(styles.swatch, styles.overdue)} />
              {strings.dueLegendOverdue}
            </span>
            <span>
              <span className={mergeClasses(styles.swatch, styles.dueSoon)} />
              {strings.dueLegendSoon(lists.dueSoonHours)}
            </span>
          </div>
          <div>
            {LISTS.map((key) => {
              const entries = lists[key] as ReadonlyArray<TodoTicket & { hours: number; deadlineFor?: 'response' | 'resolution' }>;
              const shown = all.has(key) ? entries : entries.slice(0, FIRST);
              return (
                <details key={key} className={styles.group} open={open.has(key)} data-testid={`today-${key}`} data-count={entries.length}>
                  <summary
                    className={styles.summary}
                    onClick={(e) => {
                      e.preventDefault();
                      setOpen((o) => toggle(o, key));
                    }}
                  >
                    <span>{strings.todayList[key]}</span>
                    <span className={styles.count}>{entries.length}</span>
                  </summary>
                  {entries.length === 0 ? (
                    <Caption1 className={styles.muted}>{strings.todayNone[key]}</Caption1>
                  ) : (
                    <ul className={styles.list}>
                      {shown.map((t) => (
                        <li key={`${t.row}`}>
                          <TicketItem ticket={t} list={key} strings={strings} onSelect={excel ? () => void select(t) : undefined} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {entries.length > FIRST && (
                    <Button appearance="subtle" size="small" onClick={() => setAll((a) => toggle(a, key))} data-testid={`today-${key}-all`}>
                      {all.has(key) ? strings.showFewer : strings.showAll(entries.length)}
                    </Button>
                  )}
                </details>
              );
            })}
          </div>
          <div className={styles.actions}>
            {!excel && (
              <Button onClick={() => void write('marking')} disabled={busy !== null} data-testid="today-mark">
                {strings.dueMark}
              </Button>
            )}
            <Button onClick={() => void write('sheet')} disabled={busy !== null} data-testid="today-sheet">
              {strings.dueWriteSheet}
            </Button>
            <Button appearance="subtle" onClick={() => void load()} disabled={busy !== null} data-testid="today-recompute">
              {strings.recompute}
            </Button>
            {(busy === 'marking' || busy === 'sheet') && <Spinner size="tiny" label={strings.generating} />}
          </div>
          {written !== null && <WrittenSheet sheet={written} excel={excel} strings={strings} disabled={busy !== null} testId="today-sheet" onJump={(s) => void host.run((wb) => wb.selectCell(s, 0, 0))} onDownload={onDownload} />}
        </>
      )}

      {missingIds !== null && (missingIds > 0 || idsNotice) && (
        <div className={styles.divider} data-testid="today-ids" data-missing={missingIds}>
          {missingIds > 0 && <Body1>{strings.idsMissing(missingIds)}</Body1>}
          {missingIds > 0 && (
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void fillIds()} disabled={busy !== null} data-testid="today-fill-ids">
                {strings.idsFill(missingIds)}
              </Button>
              {busy === 'ids' && <Spinner size="tiny" label={strings.generating} />}
            </div>
          )}
          {idsNotice && <Notice notice={idsNotice} testId="today-ids-message" />}
        </div>
      )}
    </section>
  );
}

function TicketItem({ ticket: t, list, strings, onSelect }: { ticket: TodoTicket & { hours: number; deadlineFor?: 'response' | 'resolution' }; list: ListKey; strings: Strings; onSelect?: () => void }) {
  const styles = useStyles();
  const when =
    list === 'overdue'
      ? strings.dueOverdueBy(t.hours, t.deadlineFor ?? 'resolution')
      : list === 'dueSoon'
        ? strings.dueLeft(t.hours, t.deadlineFor ?? 'resolution')
        : list === 'awaitingCallback'
          ? strings.dueAwaiting(t.hours)
          : strings.dueWaiting(t.hours);
  const body = (
    <>
      <span className={styles.itemLine}>
        <span className={styles.itemId}>{[t.id || strings.noId, t.unit].filter((x) => x).join(' · ')}</span>
        <span className={mergeClasses(styles.itemHours, list === 'overdue' && styles.late)}>{when}</span>
      </span>
      <Caption1 className={styles.muted}>{[t.type, t.category, t.department].filter((x) => x).join(' · ') || strings.rowOf(t.row)}</Caption1>
    </>
  );
  return onSelect ? (
    <button type="button" className={mergeClasses(styles.item, styles.clickable)} onClick={onSelect} data-testid="today-ticket" data-row={t.row} data-id={t.id} data-hours={t.hours}>
      {body}
    </button>
  ) : (
    <div className={styles.item} data-testid="today-ticket" data-row={t.row} data-id={t.id} data-hours={t.hours}>
      {body}
    </div>
  );
}
