import { Button, Caption1, makeStyles, mergeClasses, Spinner, Tab, TabList, Title3, tokens } from '@fluentui/react-components';
import { lazy, ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../domain/enums';
import { buildSample, inspectWorkbook, openWorkbookFile, setUpWorkbook, WorkbookStatus } from './backend';
import { FilePanel } from './components/FilePanel';
import { Notice, NoticeData } from './components/Notice';
import { ProblemList } from './components/ProblemList';
import { StatusView } from './components/StatusView';
import { describeError } from './errors';
import { downloadName, readFileBytes, saveBytes } from './files';
import { FileHost, fileHost, Host } from './host';
import { STRINGS, Strings } from './i18n';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    maxWidth: '480px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  logo: { width: '32px', height: '32px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, flexGrow: 1 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  tabs: { marginLeft: `-${tokens.spacingHorizontalS}` },
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
const ReportsView = lazy(() => import(/* webpackChunkName: "reports-view" */ './components/ReportsView').then((m) => ({ default: m.ReportsView })));

/** The pane's tabs. */
type TabKey = 'workbook' | 'validation' | 'entry' | 'reports';

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
  const { lang } = props;
  const strings = STRINGS[lang];
  const styles = useStyles();
  const [host, setHost] = useState<Host | null>(props.mode === 'excel' ? props.host : null);
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  /** the outcome of the last action; null shows the workbook's status instead */
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [headerLang, setHeaderLang] = useState<Lang>(lang);
  const [tab, setTab] = useState<TabKey>('workbook');
  /** tabs opened so far: each stays mounted once opened */
  const [visited, setVisited] = useState<ReadonlySet<TabKey>>(() => new Set<TabKey>(['workbook']));
  /** counts the pane's own changes to the workbook (set-up, a new ticket) */
  const [revision, setRevision] = useState(0);
  /** counts the workbooks opened (standalone): each starts with a fresh validation and form */
  const [opened, setOpened] = useState(0);

  const act = useCallback(
    async (kind: Exclude<Busy, null>, work: () => Promise<void>, fileName?: string) => {
      setBusy(kind);
      try {
        await work();
      } catch (err) {
        setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings, fileName }) });
      } finally {
        setBusy(null);
      }
    },
    [lang, strings],
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
  }, []);

  /** after a ticket was added: the workbook's row counts are read again */
  const ticketAdded = useCallback(() => {
    setRevision((n) => n + 1);
    if (!host) return;
    host
      .run((wb) => inspectWorkbook(wb))
      .then(setStatus)
      .catch((err) => setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }));
  }, [host, lang, strings]);

  /** after a report or the KPI pivots were written: the workbook's sheets are read again */
  const sheetWritten = useCallback(() => {
    if (!host) return;
    host
      .run((wb) => inspectWorkbook(wb))
      .then(setStatus)
      .catch((err) => setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }));
  }, [host, lang, strings]);

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
        const nextStatus = await next.run((wb) => inspectWorkbook(wb));
        setHost(next);
        setStatus(nextStatus);
        setNotice(null);
        setOpened((n) => n + 1);
      },
      fileName,
    );

  const openFile = (file: File) =>
    adopt(async () => fileHost(await openWorkbookFile(await readFileBytes(file)), file.name), file.name);

  const loadSample = () => adopt(async () => fileHost(await buildSample(lang), strings.sampleFileName));

  // a workbook with none of the structured sheets yet: the clerk picks the header language
  const noStructuredSheet = status !== null && status.sheets.every((s) => !s.present);

  const setUp = (target: Host) =>
    act('settingUp', async () => {
      const result = await target.run((wb) => setUpWorkbook(wb, noStructuredSheet ? { lang: headerLang } : {}));
      setStatus(result.status);
      if (result.created.length > 0) setRevision((n) => n + 1);
      const text = result.created.length > 0 ? strings.setUpDone(result.created) : strings.setUpNothingToDo;
      setNotice(
        result.status.ready
          ? { intent: 'success', title: strings.setUpDoneTitle, text }
          : { intent: 'warning', title: strings.setUpDoneTitle, text: `${text} ${strings.columnsStillMissing}` },
      );
    });

  const download = (file: FileHost) => {
    const name = downloadName(file.fileName);
    try {
      saveBytes(file.toBytes(), name);
      setNotice({ intent: 'success', text: strings.downloaded(name) });
    } catch (err) {
      setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings, fileName: name }) });
    }
  };

  const file = host && host.kind === 'standalone' ? (host as FileHost) : null;
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
        {props.mode === 'excel' && (
          // the clerk edits the workbook behind the pane; a refresh reads it again
          <Button size="small" onClick={() => void refresh(props.host)} disabled={busy !== null} data-testid="refresh">
            {strings.refresh}
          </Button>
        )}
      </header>

      {props.mode === 'standalone' && (
        <FilePanel
          strings={strings}
          busy={busy !== null}
          ready={status?.ready ?? false}
          fileName={file ? file.fileName : null}
          onOpenFile={(f) => void openFile(f)}
          onLoadSample={() => void loadSample()}
          onDownload={() => file && download(file)}
        />
      )}

      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => selectTab(data.value as TabKey)}
        data-testid="tabs"
      >
        <Tab value="workbook" data-testid="tab-workbook">
          {strings.tabWorkbook}
        </Tab>
        <Tab value="validation" data-testid="tab-validation">
          {strings.tabValidation}
        </Tab>
        <Tab value="entry" data-testid="tab-entry">
          {strings.tabEntry}
        </Tab>
        <Tab value="reports" data-testid="tab-reports">
          {strings.tabReports}
        </Tab>
      </TabList>

      {/* a tab stays mounted once opened: a validation result, live validation and a half-filled
          form survive a look at another tab */}
      <div className={mergeClasses(styles.panel, tab !== 'workbook' && styles.hidden)} role="tabpanel" hidden={tab !== 'workbook'} data-testid="panel-workbook">
        {shownNotice && <Notice notice={shownNotice} testId={notice ? 'message' : 'status-summary'} />}

        {busy === 'reading' && <Spinner size="small" label={strings.reading} />}

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

      <LazyPanel id="validation" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <ValidationView
          key={opened}
          host={host}
          lang={lang}
          strings={strings}
          sheets={structuredSheets}
          settingsSheet={settingsSheet}
          revision={revision}
        />
      </LazyPanel>

      <LazyPanel id="entry" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <EntryForm key={opened} host={host} lang={lang} strings={strings} revision={revision} onAdded={ticketAdded} />
      </LazyPanel>

      <LazyPanel id="reports" tab={tab} visited={visited} className={styles.panel} hiddenClass={styles.hidden}>
        <ReportsView
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
    </main>
  );
}
