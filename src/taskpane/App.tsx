import { Button, Caption1, makeStyles, mergeClasses, Spinner, Title3, tokens } from '@fluentui/react-components';
import { lazy, ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../domain/enums';
import { buildSample, inspectWorkbook, openWorkbookFile, prepareFileWorker, ReadingProgress, setUpWorkbook, WorkbookStatus } from './backend';
import { FilePanel } from './components/FilePanel';
import { Notice, NoticeData } from './components/Notice';
import { ProblemList } from './components/ProblemList';
import { ReadProgress } from './components/ReadProgress';
import { StatusView } from './components/StatusView';
import { TabStrip } from './components/TabStrip';
import { describeError } from './errors';
import { downloadName, readFileBytes, saveBytes } from './files';
import { FileHost, fileHost, Host } from './host';
import { STRINGS, Strings } from './i18n';
import { rememberLang } from './installation';
import type { UnsavedChoice } from './components/UnsavedDialog';

/** Below this width the pane is Excel's narrow default (320 px) or close to it: tighter margins. */
const NARROW = '@media (max-width: 399px)';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    maxWidth: '480px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    [NARROW]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  header: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalM },
  logo: { width: '32px', height: '32px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  headerActions: { display: 'flex', flexShrink: 0, alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  // the panel's own display would otherwise win over the hidden attribute
  hidden: { display: 'none' },
});

// The validation and entry tabs load when first opened: the pane shows without their code and the
// Fluent parts only they use (form fields, switch).
const ValidationView = lazy(() =>
  import(/* webpackChunkName: "validation-view" */ './components/ValidationView').then((m) => ({ default: m.ValidationView })),
);
const EntryForm = lazy(() => import(/* webpackChunkName: "entry-form" */ './components/EntryForm').then((m) => ({ default: m.EntryForm })));
const AdoptView = lazy(() => import(/* webpackChunkName: "adopt-view" */ './components/AdoptView').then((m) => ({ default: m.AdoptView })));
const TodayView = lazy(() => import(/* webpackChunkName: "today-view" */ './components/TodayView').then((m) => ({ default: m.TodayView })));
const ArrearsView = lazy(() => import(/* webpackChunkName: "arrears-view" */ './components/ArrearsView').then((m) => ({ default: m.ArrearsView })));
const CallbacksView = lazy(() => import(/* webpackChunkName: "callbacks-view" */ './components/CallbacksView').then((m) => ({ default: m.CallbacksView })));
const ReportsView = lazy(() => import(/* webpackChunkName: "reports-view" */ './components/ReportsView').then((m) => ({ default: m.ReportsView })));
const loadUnsavedDialog = () => import(/* webpackChunkName: "unsaved-dialog" */ './components/UnsavedDialog');
const UnsavedDialog = lazy(() => loadUnsavedDialog().then((m) => ({ default: m.UnsavedDialog })));

/** A workbook waiting to replace the open one while the clerk is asked about unsaved changes. */
interface Pending {
  readonly name: string;
  readonly open: () => Promise<void>;
}

/** The browser's own "leave this page?" question, asked while changes are not downloaded. */
function askBeforeLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // older Chromium and Safari ask only when returnValue is set
  event.returnValue = '';
}

/** The pane's tabs. */
type TabKey = 'workbook' | 'today' | 'adopt' | 'validation' | 'entry' | 'reports' | 'arrears' | 'callbacks';
/** In the order of the strip: those that do not fit the pane go under "more" at its end. */
const TAB_KEYS: ReadonlyArray<TabKey> = ['workbook', 'today', 'adopt', 'validation', 'entry', 'reports', 'arrears', 'callbacks'];

function tabLabel(key: TabKey, strings: Strings): string {
  const labels: Record<TabKey, string> = {
    workbook: strings.tabWorkbook,
    today: strings.tabToday,
    adopt: strings.tabAdopt,
    validation: strings.tabValidation,
    entry: strings.tabEntry,
    reports: strings.tabReports,
    arrears: strings.tabArrears,
    callbacks: strings.tabCallbacks,
  };
  return labels[key];
}

export type AppProps =
  | { readonly mode: 'excel'; readonly lang: Lang; readonly host: Host }
  | { readonly mode: 'standalone'; readonly lang: Lang };

type Busy = 'reading' | 'settingUp' | null;

/** What the status says, when no action has just reported something. */
function statusNotice(status: WorkbookStatus, strings: Strings): NoticeData {
  if (status.ready) return { intent: 'success', title: strings.workbookReadyTitle, text: strings.workbookReady };
  if (status.sheets.some((s) => !s.present)) {
    return { intent: 'info', title: strings.workbookNotReadyTitle, text: strings.workbookNotReady };
  }
  return { intent: 'warning', title: strings.workbookNotReadyTitle, text: strings.columnsStillMissing };
}

/** A tab's panel: mounted the first time its tab is opened, kept (hidden) afterwards. */
function LazyPanel(props: { id: TabKey; tab: TabKey; visited: ReadonlySet<TabKey>; className: string; hiddenClass: string; children: ReactNode }) {
  const shown = props.tab === props.id;
  return (
    <div className={mergeClasses(props.className, !shown && props.hiddenClass)} role="tabpanel" hidden={!shown} data-testid={`panel-${props.id}`}>
      {props.visited.has(props.id) && <Suspense fallback={<Spinner size="small" />}>{props.children}</Suspense>}
    </div>
  );
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.lang);
  const strings = STRINGS[lang];
  const styles = useStyles();
  const [host, setHost] = useState<Host | null>(props.mode === 'excel' ? props.host : null);
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  /** the outcome of the last action; null shows the workbook's status instead */
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [headerLang, setHeaderLang] = useState<Lang>(props.lang);
  const [tab, setTab] = useState<TabKey>('workbook');
  /** tabs opened so far: each stays mounted once opened */
  const [visited, setVisited] = useState<ReadonlySet<TabKey>>(() => new Set<TabKey>(['workbook']));
  /** counts the pane's own changes to the workbook (set-up, a new ticket) */
  const [revision, setRevision] = useState(0);
  /** counts the workbooks opened (standalone): each starts with a fresh validation and form */
  const [opened, setOpened] = useState(0);
  /** standalone: the open workbook holds changes made here since it was opened or last downloaded */
  const [unsaved, setUnsaved] = useState(false);
  /** standalone: a workbook waiting for the clerk's answer about those changes */
  const [pending, setPending] = useState<Pending | null>(null);
  /** standalone: how far the read of a file has come, while one is under way */
  const [progress, setProgress] = useState<ReadingProgress | null>(null);
  const standalone = props.mode === 'standalone';
  const changed = useCallback(() => {
    if (standalone) setUnsaved(true);
  }, [standalone]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = strings.title;
  }, [lang, strings]);

  useEffect(() => {
    if (!unsaved) return;
    void loadUnsavedDialog();
    window.addEventListener('beforeunload', askBeforeLeaving);
    return () => window.removeEventListener('beforeunload', askBeforeLeaving);
  }, [unsaved]);

  const switchLang = (next: Lang) => {
    rememberLang(next);
    setLang(next);
    // a workbook without our sheets yet: the headers offered follow the pane into its new language
    setHeaderLang(next);
    // what was said was said in the other language; validation and report results are made again
    // in this one (their panels start afresh), a half-filled form keeps its values
    setNotice(null);
  };

  /** the progress heard and not yet drawn: drawn once a frame (the worker tells it up to 200 times a
   *  read, and each drawing is time the page takes from a core the worker reads on) */
  const heard = useRef<{ progress: ReadingProgress | null; frame: number | null }>({ progress: null, frame: null });
  const clearProgress = useCallback(() => {
    const h = heard.current;
    if (h.frame !== null) cancelAnimationFrame(h.frame);
    h.frame = null;
    h.progress = null;
    setProgress(null);
  }, []);

  const act = useCallback(
    async (kind: Exclude<Busy, null>, work: () => Promise<void>, fileName?: string) => {
      setBusy(kind);
      clearProgress();
      try {
        await work();
      } catch (err) {
        setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings, fileName }) });
      } finally {
        setBusy(null);
        clearProgress();
      }
    },
    [lang, strings, clearProgress],
  );

  const refresh = useCallback(
    (target: Host) =>
      act('reading', async () => {
        setNotice(null);
        setStatus(await target.run((wb) => inspectWorkbook(wb)));
      }),
    [act],
  );

  useEffect(() => {
    // the Excel host is fixed for the life of the pane: read the workbook once on start
    if (props.mode === 'excel') void refresh(props.host);
    // standalone: the worker a file opens in starts now, and its scripts load while the clerk picks one
    else prepareFileWorker();
  }, []);

  /** after a ticket was added or registers imported: the workbook's row counts are read again */
  const rowsAdded = useCallback(() => {
    setRevision((n) => n + 1);
    changed();
    if (!host) return;
    host
      .run((wb) => inspectWorkbook(wb))
      .then(setStatus)
      .catch((err) => setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }));
  }, [host, lang, strings, changed]);

  /** after a report or the KPI pivots were written: the workbook's sheets are read again */
  const sheetWritten = useCallback(() => {
    changed();
    if (!host) return;
    host
      .run((wb) => inspectWorkbook(wb))
      .then(setStatus)
      .catch((err) => setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }));
  }, [host, lang, strings, changed]);

  const selectTab = (next: TabKey) => {
    setTab(next);
    setVisited((old) => (old.has(next) ? old : new Set([...old, next])));
  };

  /** standalone: make a workbook file the current one; if it fails, the previous one stays open */
  const adopt = (load: () => Promise<FileHost>, fileName?: string) =>
    act(
      'reading',
      async () => {
        const next = await load();
        let nextStatus: WorkbookStatus;
        try {
          nextStatus = await next.run((wb) => inspectWorkbook(wb));
        } catch (err) {
          next.close();
          throw err;
        }
        if (file) file.close();
        setHost(next);
        setStatus(nextStatus);
        setNotice(null);
        setUnsaved(false);
        setOpened((n) => n + 1);
      },
      fileName,
    );

  /** opens another workbook; with changes not downloaded, only once the clerk has said what to do */
  const replaceWorkbook = (name: string, open: () => Promise<void>) => {
    if (unsaved && host) setPending({ name, open });
    else void open();
  };

  /** a read's progress, shown until the opening is over (a full bar while the parts read are parsed) */
  const showProgress = useCallback((p: ReadingProgress) => {
    const h = heard.current;
    h.progress = p;
    if (h.frame !== null) return;
    h.frame = requestAnimationFrame(() => {
      h.frame = null;
      if (h.progress) setProgress(h.progress);
    });
  }, []);

  const openFile = (file: File) =>
    replaceWorkbook(file.name, () => adopt(async () => fileHost(await openWorkbookFile(await readFileBytes(file), showProgress), file.name), file.name));

  const loadSample = () => replaceWorkbook(strings.sampleFileName, () => adopt(async () => fileHost(await buildSample(lang), strings.sampleFileName)));

  // a workbook with none of the structured sheets yet: the clerk picks the header language
  const noStructuredSheet = status !== null && status.sheets.every((s) => !s.present);

  const setUp = (target: Host) =>
    act('settingUp', async () => {
      const result = await target.run((wb) => setUpWorkbook(wb, noStructuredSheet ? { lang: headerLang } : {}));
      setStatus(result.status);
      if (result.created.length > 0) {
        setRevision((n) => n + 1);
        changed();
      }
      const text = result.created.length > 0 ? strings.setUpDone(result.created) : strings.setUpNothingToDo;
      setNotice(
        result.status.ready
          ? { intent: 'success', title: strings.setUpDoneTitle, text }
          : { intent: 'warning', title: strings.setUpDoneTitle, text: `${text} ${strings.columnsStillMissing}` },
      );
    });

  const file = host && host.kind === 'standalone' ? (host as FileHost) : null;

  /** saves the workbook as a download; true when the browser took it */
  const download = async (file: FileHost): Promise<boolean> => {
    const name = downloadName(file.fileName);
    try {
      saveBytes(await file.toBytes(), name);
      setUnsaved(false);
      setNotice({ intent: 'success', text: strings.downloaded(name) });
      return true;
    } catch (err) {
      setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings, fileName: name }) });
      return false;
    }
  };

  const answerUnsaved = async (choice: UnsavedChoice) => {
    const waiting = pending;
    setPending(null);
    if (!waiting || choice === 'cancel') return;
    // a download that failed keeps the changes, and the workbook, where they are
    if (choice === 'download' && !(file && (await download(file)))) return;
    void waiting.open();
  };

  const structuredSheets = useMemo(
    () => (status ? status.sheets.flatMap((s) => (s.present && s.name !== null ? [s.name] : [])) : []),
    [status],
  );
  const settingsSheet = status?.sheets.find((s) => s.key === 'settings')?.name ?? null;
  const shownNotice = notice ?? (status && busy === null ? statusNotice(status, strings) : null);

  return (
    <main className={styles.root} data-testid="pane" data-mode={props.mode} data-lang={lang} data-busy={busy ?? ''}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.title}>
            {strings.title}
          </Title3>
          <Caption1 className={styles.subtitle}>
            {props.mode === 'excel' ? strings.subtitleExcel : strings.subtitleStandalone}
          </Caption1>
        </div>
        <div className={styles.headerActions}>
          {props.mode === 'excel' && (
            // the clerk edits the workbook behind the pane; a refresh reads it again
            <Button size="small" onClick={() => void refresh(props.host)} disabled={busy !== null} data-testid="refresh">
              {strings.refresh}
            </Button>
          )}
          {/* the other language, named in itself (a clerk who cannot read this one still finds it) */}
          <Button
            size="small"
            appearance="subtle"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            title={strings.switchLanguageHint}
            onClick={() => switchLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="lang-switch"
          >
            {strings.otherLanguage}
          </Button>
        </div>
      </header>

      {props.mode === 'standalone' && (
        <FilePanel
          strings={strings}
          busy={busy !== null}
          ready={status?.ready ?? false}
          fileName={file ? file.fileName : null}
          unsaved={unsaved}
          onOpenFile={(f) => openFile(f)}
          onLoadSample={() => loadSample()}
          onDownload={() => file && void download(file)}
        />
      )}

      {pending && file && (
        <Suspense fallback={null}>
          <UnsavedDialog strings={strings} current={downloadName(file.fileName)} next={pending.name} onChoose={(choice) => void answerUnsaved(choice)} />
        </Suspense>
      )}

      <TabStrip
        tabs={TAB_KEYS.map((key) => ({ key, label: tabLabel(key, strings) }))}
        selected={tab}
        moreLabel={strings.moreTabs}
        onSelect={selectTab}
      />

      {/* a tab stays mounted once opened: a validation result, live validation and a half-filled
          form survive a look at another tab */}
      <div className={mergeClasses(styles.panel, tab !== 'workbook' && styles.hidden)} role="tabpanel" hidden={tab !== 'workbook'} data-testid="panel-workbook">
        {shownNotice && <Notice notice={shownNotice} testId={notice ? 'message' : 'status-summary'} />}

        {props.mode === 'standalone' && host === null && busy === null && !notice && (
          <Notice notice={{ intent: 'info', title: strings.noWorkbookTitle, text: strings.noWorkbookHint }} testId="workbook-empty" />
        )}

        {busy === 'reading' && (progress ? <ReadProgress progress={progress} strings={strings} /> : <Spinner size="small" label={strings.reading} />)}

        {status !== null && (
          <StatusView
            status={status}
            strings={strings}
            busy={busy}
            headerLang={noStructuredSheet ? headerLang : null}
            onHeaderLangChange={setHeaderLang}
            onSetUp={() => host && void setUp(host)}
          />
        )}

        {status !== null && <ProblemList problems={status.problems} lang={lang} strings={strings} />}
      </div>

      <LazyPanel id="today" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <TodayView
          key={`${opened}-${lang}`}
          host={host}
          lang={lang}
          strings={strings}
          status={status}
          revision={revision}
          onDownload={file ? () => download(file) : undefined}
          onShowWorkbook={() => selectTab('workbook')}
          onChanged={rowsAdded}
          onWritten={sheetWritten}
        />
      </LazyPanel>

      <LazyPanel id="adopt" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <AdoptView
          key={opened}
          host={host}
          lang={lang}
          strings={strings}
          revision={revision}
          onImported={rowsAdded}
          onDownload={file ? () => download(file) : undefined}
        />
      </LazyPanel>

      <LazyPanel id="validation" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <ValidationView
          key={`${opened}-${lang}`}
          host={host}
          lang={lang}
          strings={strings}
          sheets={structuredSheets}
          settingsSheet={settingsSheet}
          revision={revision}
        />
      </LazyPanel>

      <LazyPanel id="entry" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <EntryForm key={opened} host={host} lang={lang} strings={strings} revision={revision} onAdded={rowsAdded} />
      </LazyPanel>

      <LazyPanel id="reports" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <ReportsView
          key={`${opened}-${lang}`}
          host={host}
          lang={lang}
          strings={strings}
          status={status}
          revision={revision}
          onDownload={file ? () => download(file) : undefined}
          onShowWorkbook={() => selectTab('workbook')}
          onWritten={sheetWritten}
        />
      </LazyPanel>

      <LazyPanel id="arrears" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <ArrearsView
          key={opened}
          host={host}
          lang={lang}
          strings={strings}
          status={status}
          revision={revision}
          onDownload={file ? () => download(file) : undefined}
          onShowWorkbook={() => selectTab('workbook')}
          onWritten={sheetWritten}
        />
      </LazyPanel>

      <LazyPanel id="callbacks" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <CallbacksView
          key={`${opened}-${lang}`}
          host={host}
          lang={lang}
          strings={strings}
          status={status}
          revision={revision}
          onDownload={file ? () => download(file) : undefined}
          onShowWorkbook={() => selectTab('workbook')}
          onWritten={sheetWritten}
        />
      </LazyPanel>
    </main>
  );
}
