// The Adopt tab: the registers a center keeps by hand, found among the workbook's sheets (a dry run of
// app/adopt.ts when the tab opens), each with its kind, its columns' mapping, the first rows as they
// will be imported, and the rows skipped or imported with problems. The clerk corrects a kind or a
// column (each change runs the dry run again), then imports the sheets chosen. What is found and every
// number are the app's; the tab arranges them.
import { Badge, Body1, Button, Caption1, Checkbox, Dropdown, makeStyles, Option, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../domain/enums';
import { DATA_SHEETS, DataSheetKey } from '../../domain/schema';
import { adoptWorkbook, AdoptResult, nowIso, SheetAdoption, SheetChoices } from '../backend';
import { describeError } from '../errors';
import type { Host } from '../host';
import type { Strings } from '../i18n';
import { Notice, NoticeData } from './Notice';
import { Words } from './Words';
import { NoWorkbook } from './TabState';

/** A column matched with less confidence than this is marked for the clerk to check. */
const LOW_CONFIDENCE = 0.7;
/** How many flagged rows of a sheet are listed; the rest are counted (validation lists them all). */
const FLAGGED_SHOWN = 20;
/** The value of a column's "keep as is" option (no header starts with a NUL). */
const KEEP = '\u0000keep';
const KINDS: ReadonlyArray<DataSheetKey> = DATA_SHEETS.map((d) => d.key);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  title: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  sheets: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  head: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  checkbox: { minWidth: 0, overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  // Fluent's Dropdown asks for 250 px: the pane has 320 in all
  kind: { minWidth: 0, width: '116px' },
  // under the sheet's name, past the checkbox
  indent: { paddingLeft: '36px', color: tokens.colorNeutralForeground2 },
  hint: { paddingLeft: '36px', color: tokens.colorNeutralForeground3 },
  details: {
    marginTop: tokens.spacingVerticalXXS,
    '&[open] > summary::before': { transform: 'rotate(45deg)' },
  },
  summary: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    // under the sheet's name, as the line above it
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 30px`,
    cursor: 'pointer',
    listStyleType: 'none',
    color: tokens.colorBrandForeground1,
    '::-webkit-details-marker': { display: 'none' },
    '::before': {
      content: '""',
      width: '6px',
      height: '6px',
      borderRight: `1.5px solid ${tokens.colorBrandForeground1}`,
      borderBottom: `1.5px solid ${tokens.colorBrandForeground1}`,
      transform: 'rotate(-45deg)',
      flexShrink: 0,
      marginRight: tokens.spacingHorizontalXS,
    },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusMedium },
  },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.25fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  source: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, minWidth: 0, overflowWrap: 'anywhere', margin: 0 },
  target: { margin: 0, minWidth: 0 },
  choice: { minWidth: 0, width: '100%' },
  low: { whiteSpace: 'nowrap' },
  // the preview scrolls sideways inside its own box: the pane itself never does
  scroll: { overflowX: 'auto', maxWidth: '100%', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: `2px ${tokens.spacingHorizontalS}`,
    whiteSpace: 'nowrap',
    verticalAlign: 'bottom',
  },
  td: { padding: `2px ${tokens.spacingHorizontalS}`, verticalAlign: 'top', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: '4em', maxWidth: '12em' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  flagged: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface AdoptViewProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  /** counts the pane's own changes to the workbook: the dry run is made again after each */
  revision: number;
  /** rows were imported: the workbook changed (in standalone mode, not downloaded yet) */
  onImported(): void;
  /** standalone: save the workbook, which now holds the imported rows */
  onDownload?: () => void;
}

type Busy = 'reading' | 'importing' | null;

/** The dropdown value a column's mapping stands for: a structured header, a unit part, or keep. */
const valueOf = (target: string | null) => (target === null ? KEEP : target);

export function AdoptView({ host, lang, strings, revision, onImported, onDownload }: AdoptViewProps) {
  const styles = useStyles();
  const [result, setResult] = useState<AdoptResult | null>(null);
  const [bySheet, setBySheet] = useState<Readonly<Record<string, SheetChoices>>>({});
  /** the sheets to import; a register is chosen the first time it is seen */
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const seen = useRef(new Set<string>());
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [outcome, setOutcome] = useState<AdoptResult | null>(null);
  /** only the latest dry run's answer is shown */
  const latest = useRef(0);
  const excel = host?.kind === 'excel';

  const fail = useCallback((err: unknown): NoticeData => ({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }), [lang, strings]);

  const look = useCallback(
    async (choices: Readonly<Record<string, SheetChoices>>) => {
      if (!host) return;
      const id = ++latest.current;
      setBusy('reading');
      try {
        const next = await host.run((wb) => adoptWorkbook(wb, { dryRun: true, bySheet: choices, messageLang: lang, asOf: nowIso() }));
        if (id !== latest.current) return;
        const fresh = next.sheets.filter((s) => !seen.current.has(s.sheet));
        for (const s of fresh) seen.current.add(s.sheet);
        setChosen((old) => new Set([...old, ...fresh.filter((s) => s.kind !== null).map((s) => s.sheet)]));
        setResult(next);
        setNotice(null);
      } catch (err) {
        if (id === latest.current) setNotice(fail(err));
      } finally {
        if (id === latest.current) setBusy(null);
      }
    },
    [host, lang, fail],
  );

  // on opening, and again after every change the pane made to the workbook (an import among them)
  const choicesNow = useRef(bySheet);
  choicesNow.current = bySheet;
  useEffect(() => {
    void look(choicesNow.current);
  }, [look, revision]);

  const choose = (sheet: string, next: SheetChoices) => {
    const all = { ...bySheet, [sheet]: next };
    setBySheet(all);
    void look(all);
  };

  const chooseKind = (s: SheetAdoption, kind: DataSheetKey) => {
    if (kind === s.kind) return;
    // the columns of another kind are other columns: the choices made for the old one go
    choose(s.sheet, { as: kind });
    setChosen((old) => new Set([...old, s.sheet]));
  };

  const chooseColumn = (s: SheetAdoption, source: string, value: string) => {
    const own = bySheet[s.sheet] ?? {};
    const choices = { ...own.choices };
    if (value === KEEP) choices[source] = null;
    else if (value.endsWith('*')) delete choices[source];
    else choices[source] = value;
    choose(s.sheet, { ...own, choices });
  };

  const toggle = (sheet: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(sheet);
      else next.delete(sheet);
      return next;
    });

  const importable = result ? result.sheets.filter((s) => s.kind !== null && chosen.has(s.sheet)) : [];

  const importChosen = async () => {
    if (!host || importable.length === 0) return;
    const sheets = importable.map((s) => s.sheet);
    const id = ++latest.current;
    setBusy('importing');
    setNotice(null);
    setOutcome(null);
    let reread = false;
    try {
      const out = await host.run((wb) => adoptWorkbook(wb, { sheets, bySheet, messageLang: lang, asOf: nowIso() }));
      setOutcome(out);
      if (out.changed) {
        // the workbook changed: the pane reads it again, and this tab makes its dry run again
        reread = true;
        onImported();
      }
    } catch (err) {
      setNotice(fail(err));
    } finally {
      if (!reread && id === latest.current) setBusy(null);
    }
  };

  if (!host) return <NoWorkbook testId="adopt" strings={strings} />;

  return (
    <section className={styles.root} data-testid="adopt" data-busy={busy ?? ''}>
      <Subtitle2 as="h2" className={styles.title}>
        {strings.adoptHeading}
      </Subtitle2>
      <Body1 className={styles.intro}>{strings.adoptIntro}</Body1>
      {busy === 'reading' && result === null && <Spinner size="tiny" label={strings.adoptReading} />}
      {notice && <Notice notice={notice} testId="adopt-error" />}
      {result && result.sheets.length === 0 && <Notice notice={{ intent: 'info', text: strings.adoptNoSheets }} testId="adopt-none" />}

      {result && result.sheets.length > 0 && (
        <ul className={styles.sheets} data-testid="adopt-sheets">
          {result.sheets.map((s) => (
            <SheetItem
              key={s.sheet}
              sheet={s}
              strings={strings}
              chosen={chosen.has(s.sheet)}
              open={open.has(s.sheet)}
              onOpen={(on) => setOpen((old) => (on ? new Set([...old, s.sheet]) : new Set([...old].filter((n) => n !== s.sheet))))}
              onToggle={(on) => toggle(s.sheet, on)}
              onKind={(k) => chooseKind(s, k)}
              onColumn={(source, value) => chooseColumn(s, source, value)}
            />
          ))}
        </ul>
      )}

      {result && result.sheets.length > 0 && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void importChosen()} disabled={busy !== null || importable.length === 0} data-testid="adopt-import">
            {strings.adoptImport(importable.length)}
          </Button>
          {busy === 'importing' && <Spinner size="tiny" label={strings.adoptImporting} />}
          {busy === 'reading' && result !== null && <Spinner size="tiny" label={strings.adoptReading} />}
        </div>
      )}

      {outcome && <Outcome outcome={outcome} strings={strings} excel={excel} onDownload={onDownload} disabled={busy !== null} />}
    </section>
  );
}

function Outcome({ outcome, strings, excel, onDownload, disabled }: { outcome: AdoptResult; strings: Strings; excel: boolean; onDownload?: () => void; disabled: boolean }) {
  const styles = useStyles();
  if (!outcome.changed) {
    return <Notice notice={{ intent: 'info', title: strings.adoptNothingNewTitle, text: strings.adoptNothingNew }} testId="adopt-message" />;
  }
  const rows = outcome.sheets.reduce((n, s) => n + s.rows.imported, 0);
  const records = outcome.sheets.reduce((n, s) => n + s.records, 0);
  const text = [
    strings.adoptDone(rows, records),
    outcome.created.length > 0 ? strings.adoptCreated(outcome.created) : '',
    outcome.appended.length > 0 ? strings.adoptAppended(outcome.appended) : '',
    excel ? strings.adoptDoneExcel : strings.adoptDoneFile,
  ].filter(Boolean);
  return (
    <>
      <Notice notice={{ intent: 'success', title: strings.adoptDoneTitle, text: strings.adoptSentences(text) }} testId="adopt-message" />
      {!excel && onDownload && (
        <div className={styles.actions}>
          <Button onClick={onDownload} disabled={disabled} data-testid="adopt-download">
            {strings.download}
          </Button>
        </div>
      )}
    </>
  );
}

interface SheetItemProps {
  sheet: SheetAdoption;
  strings: Strings;
  chosen: boolean;
  open: boolean;
  onOpen(open: boolean): void;
  onToggle(on: boolean): void;
  onKind(kind: DataSheetKey): void;
  onColumn(source: string, value: string): void;
}

function SheetItem({ sheet: s, strings, chosen, open, onOpen, onToggle, onKind, onColumn }: SheetItemProps) {
  const styles = useStyles();
  const r = s.rows;
  return (
    <li
      className={styles.sheet}
      data-testid="adopt-sheet"
      data-sheet={s.sheet}
      data-kind={s.kind ?? ''}
      data-chosen={String(chosen && s.kind !== null)}
      data-total={r.total}
      data-imported={r.imported}
      data-flagged={r.flagged}
      data-skipped={r.skipped}
      data-records={s.records}
    >
      <div className={styles.head}>
        <Checkbox
          className={styles.checkbox}
          checked={chosen && s.kind !== null}
          disabled={s.kind === null}
          label={s.sheet}
          onChange={(_, d) => onToggle(d.checked === true)}
          data-testid="adopt-sheet-chosen"
        />
        <Dropdown
          className={styles.kind}
          size="small"
          value={s.kind ? strings.adoptKinds[s.kind] : ''}
          selectedOptions={s.kind ? [s.kind] : []}
          placeholder={strings.adoptNotRegister}
          aria-label={strings.adoptKindOf(s.sheet)}
          onOptionSelect={(_, d) => d.optionValue && onKind(d.optionValue as DataSheetKey)}
          data-testid="adopt-kind"
        >
          {KINDS.map((k) => (
            <Option key={k} value={k}>
              {strings.adoptKinds[k]}
            </Option>
          ))}
        </Dropdown>
      </div>
      {s.kind === null ? (
        <Caption1 className={styles.hint} data-testid="adopt-not-register">
          {strings.adoptNotRegisterHint}
        </Caption1>
      ) : (
        <Caption1 className={styles.indent} data-testid="adopt-rows">
          <Words text={strings.adoptRows(r.total, r.imported, r.flagged, r.skipped)} />
        </Caption1>
      )}
      {s.kind !== null && (
        <details className={styles.details} open={open} onToggle={(e) => onOpen((e.currentTarget as HTMLDetailsElement).open)} data-testid="adopt-details">
          <summary className={styles.summary} data-testid="adopt-details-summary">
            <Caption1>{strings.adoptDetails}</Caption1>
          </summary>
          {open && <SheetDetails sheet={s} strings={strings} onColumn={onColumn} />}
        </details>
      )}
    </li>
  );
}

function SheetDetails({ sheet: s, strings, onColumn }: { sheet: SheetAdoption; strings: Strings; onColumn(source: string, value: string): void }) {
  const styles = useStyles();
  const unitParts = [...new Set(Object.values(s.mapping).filter((t): t is string => t !== null && t.endsWith('*')))];
  const { headers, rows } = s.preview;
  // a column empty in every row shown is named under the table rather than drawn
  const filled = headers.map((_, c) => rows.some((row) => row[c] !== ''));
  const empty = headers.filter((_, c) => !filled[c]);
  const byReason = new Map<string, number[]>();
  for (const k of s.skippedRows) byReason.set(k.reason, [...(byReason.get(k.reason) ?? []), k.row]);
  return (
    <div className={styles.body}>
      {s.headerRow !== null && <Caption1 className={styles.muted}>{strings.adoptHeaderRow(s.headerRow)}</Caption1>}

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{strings.adoptMappingHeading}</h3>
        <dl className={styles.mapping} data-testid="adopt-mapping">
          {Object.entries(s.mapping).map(([source, target]) => {
            const confidence = s.confidence[source] ?? 0;
            const low = target !== null && !target.endsWith('*') && confidence < LOW_CONFIDENCE;
            const shown = target === null ? strings.adoptKeep : target.endsWith('*') ? strings.adoptUnitPart(target.slice(0, -1)) : target;
            return (
              <Fragment key={source}>
                <dt className={styles.source} data-testid="adopt-column" data-source={source} data-target={target ?? ''} data-confidence={confidence}>
                  <Words text={source} />
                  {low && (
                    <Badge className={styles.low} size="small" appearance="tint" color="warning" title={strings.adoptLowConfidenceHint}>
                      {strings.adoptLowConfidence}
                    </Badge>
                  )}
                </dt>
                <dd className={styles.target}>
                  <Dropdown
                    className={styles.choice}
                    size="small"
                    value={shown}
                    selectedOptions={[valueOf(target)]}
                    aria-label={strings.adoptColumnOf(source)}
                    onOptionSelect={(_, d) => d.optionValue !== undefined && d.optionValue !== valueOf(target) && onColumn(source, d.optionValue)}
                    data-testid="adopt-column-choice"
                    data-source={source}
                  >
                    {s.targets.map((t) => (
                      <Option key={t} value={t}>
                        {t}
                      </Option>
                    ))}
                    {unitParts.map((u) => (
                      <Option key={u} value={u} text={strings.adoptUnitPart(u.slice(0, -1))}>
                        {strings.adoptUnitPart(u.slice(0, -1))}
                      </Option>
                    ))}
                    <Option value={KEEP} text={strings.adoptKeep}>
                      {strings.adoptKeep}
                    </Option>
                  </Dropdown>
                </dd>
              </Fragment>
            );
          })}
        </dl>
      </div>

      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{strings.adoptPreviewHeading(rows.length)}</h3>
        {rows.length === 0 ? (
          <Caption1 className={styles.muted} data-testid="adopt-preview-none">
            {strings.adoptPreviewNone}
          </Caption1>
        ) : (
          <>
            {/* marked as meant to scroll sideways: the pane's layout checks let it */}
            <div className={styles.scroll} data-testid="adopt-preview" data-scroll="x" tabIndex={0} role="region" aria-label={strings.adoptPreviewHeading(rows.length)}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    {headers.map((h, c) =>
                      filled[c] ? (
                        <th key={c} className={styles.th} scope="col">
                          {h}
                        </th>
                      ) : null,
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={i} data-testid="adopt-preview-row" data-row={s.preview.sourceRows[i]}>
                      {row.map((v, c) =>
                        filled[c] ? (
                          <td key={c} className={styles.td}>
                            <Words text={v} />
                          </td>
                        ) : null,
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {empty.length > 0 && (
              <Caption1 className={styles.muted} data-testid="adopt-preview-empty">
                {strings.adoptEmptyColumns(empty)}
              </Caption1>
            )}
          </>
        )}
      </div>

      {s.skippedRows.length > 0 && (
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{strings.adoptSkippedHeading(s.skippedRows.length)}</h3>
          <ul className={styles.list}>
            {[...byReason].map(([reason, list]) => (
              <li key={reason} data-testid="adopt-skipped" data-reason={reason} data-rows={list.join(',')}>
                <Caption1>
                  <Words text={strings.adoptSkippedRows(strings.adoptReasons[reason as keyof Strings['adoptReasons']], list)} />
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}

      {s.flaggedRows.length > 0 && (
        <div className={styles.section}>
          <h3 className={styles.sectionTitle}>{strings.adoptFlaggedHeading(s.flaggedRows.length)}</h3>
          <ul className={styles.list}>
            {s.flaggedRows.slice(0, FLAGGED_SHOWN).flatMap((f) =>
              f.messages.map((m, j) => (
                <li key={`${f.row}-${j}`} className={styles.flagged} data-testid="adopt-flagged" data-row={f.row}>
                  <Caption1>
                    <Words text={m} />
                  </Caption1>
                </li>
              )),
            )}
          </ul>
          {s.flaggedRows.length > FLAGGED_SHOWN && <Caption1 className={styles.muted}>{strings.adoptMoreFlagged(s.flaggedRows.length - FLAGGED_SHOWN)}</Caption1>}
        </div>
      )}
    </div>
  );
}
