// The Arrears tab: what is owed at the as-of day (the aging table with 户数, the dunning levels, every
// unit in arrears, most owed first), the 欠费明细 sheet on request, and the 催缴通知单 with a preview of
// how many and how much before anything is written; logging the notices in 催缴记录 only when ticked.
// The figures are the app's (runArrears, runNotices); the tab arranges them.
import { Badge, Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, mergeClasses, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { levelText } from '../../app/arrearsSheets';
import type { UnitArrears } from '../../domain/arrears/list';
import { enumLabel, Lang, REMINDER_METHODS } from '../../domain/enums';
import { formatYuan } from '../../domain/money';
import { formatWallIso, WallTime } from '../../domain/time';
import { ArrearsResult, nowIso, runArrears, runNotices, WorkbookStatus } from '../backend';
import { describeError } from '../errors';
import type { Host } from '../host';
import { keptNote, type Strings } from '../i18n';
import { Notice, NoticeData } from './Notice';
import { WrittenSheet } from './WrittenSheet';
import { NoWorkbook, NotReady } from './TabState';

/** Units listed before "show all". */
const FIRST_UNITS = 10;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0, marginTop: tokens.spacingVerticalS },
  summary: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  table: { borderCollapse: 'collapse', width: '100%', fontVariantNumeric: 'tabular-nums' },
  th: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  caption: { textAlign: 'start', captionSide: 'top', paddingBottom: tokens.spacingVerticalXXS },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
  levels: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  unit: { display: 'flex', flexDirection: 'column', rowGap: '2px', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  unitLine: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  unitName: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  unitTotal: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  unitMeta: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3 },
  // a Fluent input is 250 px at least unless told otherwise: two side by side in 320 px
  control: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  thresholds: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  divider: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

type Busy = 'reading' | 'list' | 'notices' | 'jumping' | null;

export interface ArrearsViewProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  status: WorkbookStatus | null;
  /** counts the pane's own changes to the workbook: the figures are computed again after one */
  revision: number;
  onDownload?: () => void;
  onShowWorkbook(): void;
  /** a sheet was written (or rows logged): the workbook's status is read again */
  onWritten(): void;
}

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
const dayOf = (t: WallTime) => formatWallIso(t).slice(0, 10);

/** A threshold field's text as a number: empty is no limit (undefined), anything else must be a number >= 0. */
function threshold(text: string): number | undefined | 'bad' {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : 'bad';
}

/** Badge colours by level: the final notice stands out. */
function levelColor(level: number, levels: number): 'danger' | 'warning' | 'informative' | 'subtle' {
  if (level <= 0) return 'subtle';
  if (level >= levels) return 'danger';
  return level > 1 ? 'warning' : 'informative';
}

export function ArrearsView({ host, lang, strings, status, revision, onDownload, onShowWorkbook, onWritten }: ArrearsViewProps) {
  const styles = useStyles();
  const [result, setResult] = useState<ArrearsResult | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [listWritten, setListWritten] = useState<string | null>(null);
  const [noticesNotice, setNoticesNotice] = useState<NoticeData | null>(null);
  const [noticesWritten, setNoticesWritten] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [minAmount, setMinAmount] = useState('');
  const [minDays, setMinDays] = useState('');
  const [logReminders, setLogReminders] = useState(false);
  const excel = host?.kind === 'excel';
  const money = useCallback((cents: number) => formatYuan(cents, LOCALE[lang]), [lang]);
  const fail = useCallback((err: unknown): NoticeData => ({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }), [lang, strings]);

  const charges = status?.sheets.find((s) => s.key === 'charges');
  const reminders = status?.sheets.find((s) => s.key === 'reminders');
  const remindersSheet = reminders?.present && reminders.name !== null && reminders.missingColumns.length === 0 ? reminders.name : null;
  const noCharges = charges !== undefined && !charges.present;

  const load = useCallback(async () => {
    if (!host || noCharges) return;
    setBusy('reading');
    setNotice(null);
    try {
      setResult(await host.run((wb) => runArrears(wb, { asOf: nowIso() })));
    } catch (err) {
      setResult(null);
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  }, [host, noCharges, fail]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const amount = threshold(minAmount);
  const days = threshold(minDays);
  /** the threshold as the app takes it (cents, whole days), the same for the preview and the notices */
  const chosen = useMemo(
    () => (amount === 'bad' || days === 'bad' ? null : { minAmount: amount === undefined ? undefined : Math.round(amount * 100), minDays: days === undefined ? undefined : Math.ceil(days) }),
    [amount, days],
  );
  const preview = useMemo(() => {
    if (!result || !chosen) return null;
    const set = result.preview(chosen);
    return { count: set.notices.length, total: set.notices.reduce((a, n) => a + n.arrears.total, 0), promised: set.promised.length };
  }, [result, chosen]);

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

  const writeList = async () => {
    if (!host) return;
    setBusy('list');
    setNotice(null);
    try {
      const out = await host.run((wb) => runArrears(wb, { asOf: nowIso(), write: true }));
      setResult(out);
      setListWritten(out.sheetName);
      setNotice({ intent: 'success', text: strings.arrearsListWritten(out.sheetName, excel) + keptNote(strings, lang, out) });
      onWritten();
    } catch (err) {
      setNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  const generate = async () => {
    if (!host || !chosen) return;
    setBusy('notices');
    setNoticesNotice(null);
    try {
      const out = await host.run((wb) =>
        runNotices(wb, {
          asOf: nowIso(),
          write: true,
          ...chosen,
          logReminders: logReminders && remindersSheet !== null,
        }),
      );
      const total = out.notices.notices.reduce((a, n) => a + n.arrears.total, 0);
      const texts = [strings.noticesWritten(out.sheetName, out.notices.notices.length, money(total), excel)];
      if (out.keptSheet !== null) texts.push(strings.sheetKept(out.keptSheet, out.sheetName));
      if (out.remindersSheet !== null) texts.push(strings.noticesLogged(out.remindersSheet, out.logged, out.alreadyLogged));
      setNoticesWritten(out.sheetName);
      setNoticesNotice({ intent: 'success', title: strings.noticesWrittenTitle, text: texts.join(lang === 'zh' ? '' : ' ') });
      onWritten();
      // reminders logged move the next run's levels and last reminders: the list is read again
      if (out.logged > 0) void load();
    } catch (err) {
      setNoticesNotice(fail(err));
    } finally {
      setBusy(null);
    }
  };

  if (!host) return <NoWorkbook testId="arrears" strings={strings} />;

  if (noCharges) {
    return (
      <NotReady
        testId="arrears"
        title={strings.arrearsNotReadyTitle}
        text={strings.arrearsNoCharges(strings.adoptKinds.charges)}
        noticeTestId="arrears-not-ready"
        buttonTestId="arrears-go-workbook"
        strings={strings}
        onShowWorkbook={onShowWorkbook}
      />
    );
  }

  const list = result?.list ?? null;
  const levels = result?.levels ?? 0;
  const units = list ? (showAll ? list.units : list.units.slice(0, FIRST_UNITS)) : [];
  const byLevel = list
    ? [...list.units.reduce((m, u) => m.set(u.dunning.level, (m.get(u.dunning.level) ?? 0) + 1), new Map<number, number>())].sort((a, b) => b[0] - a[0])
    : [];

  return (
    <section className={styles.root} data-testid="arrears" data-busy={busy ?? ''}>
      <Body1 className={styles.intro}>{strings.arrearsIntro}</Body1>
      {busy === 'reading' && <Spinner size="tiny" label={strings.computing} />}
      {notice && <Notice notice={notice} testId="arrears-message" />}
      {listWritten !== null && <WrittenSheet sheet={listWritten} excel={excel} strings={strings} disabled={busy !== null} testId="arrears-list" onJump={(s) => void jump(s)} onDownload={onDownload} />}

      {list && (
        <>
          <div className={styles.summary}>
            <Subtitle2 as="h2" className={styles.heading} data-testid="arrears-summary" data-units={list.units.length} data-total={list.total}>
              {list.units.length > 0 ? strings.arrearsSummary(list.units.length, money(list.total)) : strings.arrearsNone}
            </Subtitle2>
            <Caption1 className={styles.muted} data-testid="arrears-as-of">
              {strings.asOf(dayOf(list.day))}
            </Caption1>
          </div>

          {list.units.length > 0 && result && (
            <>
              <table className={styles.table} data-testid="arrears-aging">
                <caption className={mergeClasses(styles.muted, styles.caption)}>
                  {strings.arrearsAgingHeading}
                </caption>
                <thead>
                  <tr>
                    <th className={styles.th}>{strings.arrearsAgingColumns[0]}</th>
                    <th className={mergeClasses(styles.th, styles.num)}>{strings.arrearsAgingColumns[1]}</th>
                    <th className={mergeClasses(styles.th, styles.num)}>{strings.arrearsAgingColumns[2]}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.json.byBucket.map((b) => (
                    <tr key={b.label} data-testid="aging-row" data-units={b.units} data-amount={b.amount}>
                      <td className={styles.td}>{b.label}</td>
                      <td className={mergeClasses(styles.td, styles.num)}>{b.units}</td>
                      <td className={mergeClasses(styles.td, styles.num)}>{money(b.amount)}</td>
                    </tr>
                  ))}
                  <tr className={styles.total}>
                    <td className={styles.td}>{strings.arrearsTotalRow}</td>
                    <td className={mergeClasses(styles.td, styles.num)}>{list.units.length}</td>
                    <td className={mergeClasses(styles.td, styles.num)} data-testid="aging-total">
                      {money(list.total)}
                    </td>
                  </tr>
                </tbody>
              </table>

              <Caption1 className={styles.muted}>{strings.arrearsLevelsHeading}</Caption1>
              <div className={styles.levels} data-testid="arrears-levels">
                {byLevel.map(([level, n]) => (
                  <Badge key={level} appearance="tint" color={levelColor(level, levels)} data-level={level} data-units={n}>
                    {strings.arrearsLevelCount(levelText(level, levels, lang), n)}
                  </Badge>
                ))}
              </div>

              <Caption1 className={styles.muted}>{strings.arrearsUnitsHeading(list.units.length)}</Caption1>
              <ul className={styles.list} data-testid="arrears-units">
                {units.map((u) => (
                  <UnitItem key={u.unit} unit={u} levels={levels} lang={lang} strings={strings} money={money} day={list.day} />
                ))}
              </ul>
              {list.units.length > FIRST_UNITS && (
                <div className={styles.actions}>
                  <Button appearance="subtle" size="small" onClick={() => setShowAll((v) => !v)} data-testid="arrears-show-all">
                    {showAll ? strings.showFewer : strings.showAll(list.units.length)}
                  </Button>
                </div>
              )}
            </>
          )}
          <div className={styles.actions}>
            <Button onClick={() => void writeList()} disabled={busy !== null || list.units.length === 0} data-testid="arrears-write-list">
              {strings.arrearsWriteList}
            </Button>
            <Button appearance="subtle" onClick={() => void load()} disabled={busy !== null} data-testid="arrears-recompute">
              {strings.recompute}
            </Button>
            {busy === 'list' && <Spinner size="tiny" label={strings.generating} />}
          </div>

          {list.units.length > 0 && (
            <div className={styles.divider}>
              <Subtitle2 as="h2" className={styles.heading}>
                {strings.noticesHeading}
              </Subtitle2>
              <Caption1 className={styles.intro}>{strings.noticesIntro}</Caption1>
              <div className={styles.thresholds}>
                <Field label={strings.noticesMinAmount} hint={amount === 'bad' ? undefined : strings.noticesMinHint} validationMessage={amount === 'bad' ? strings.badNumber : undefined}>
                  <Input className={styles.control} inputMode="decimal" value={minAmount} onChange={(_, d) => setMinAmount(d.value)} disabled={busy !== null} data-testid="notices-min-amount" />
                </Field>
                <Field label={strings.noticesMinDays} hint={days === 'bad' ? undefined : strings.noticesMinHint} validationMessage={days === 'bad' ? strings.badNumber : undefined}>
                  <Input className={styles.control} inputMode="numeric" value={minDays} onChange={(_, d) => setMinDays(d.value)} disabled={busy !== null} data-testid="notices-min-days" />
                </Field>
              </div>
              {preview && (
                <Text data-testid="notices-preview" data-count={preview.count} data-total={preview.total} data-promised={preview.promised}>
                  {strings.noticesPreview(preview.count, money(preview.total), preview.promised)}
                </Text>
              )}
              {remindersSheet !== null && (
                <Field hint={strings.noticesLogHint}>
                  <Checkbox
                    checked={logReminders}
                    onChange={(_, d) => setLogReminders(d.checked === true)}
                    disabled={busy !== null}
                    label={strings.noticesLog(remindersSheet)}
                    data-testid="notices-log"
                  />
                </Field>
              )}
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => void generate()} disabled={busy !== null || !preview || preview.count === 0} data-testid="notices-generate">
                  {strings.noticesGenerate(preview?.count ?? 0)}
                </Button>
                {busy === 'notices' && <Spinner size="tiny" label={strings.generating} />}
              </div>
              {noticesNotice && <Notice notice={noticesNotice} testId="notices-message" />}
              {noticesWritten !== null && (
                <WrittenSheet sheet={noticesWritten} excel={excel} strings={strings} disabled={busy !== null} testId="notices" onJump={(s) => void jump(s)} onDownload={onDownload} />
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function UnitItem({ unit: u, levels, lang, strings, money, day }: { unit: UnitArrears; levels: number; lang: Lang; strings: Strings; money: (cents: number) => string; day: WallTime }) {
  const styles = useStyles();
  const r = u.dunning.lastReminder;
  const promised = u.dunning.promisedDate;
  return (
    <li className={styles.unit} data-testid="arrears-unit" data-unit={u.unit} data-total={u.total} data-level={u.dunning.level}>
      <div className={styles.unitLine}>
        <span className={styles.unitName}>{u.owner ? `${u.unit} · ${u.owner}` : u.unit}</span>
        <span className={styles.unitTotal}>{money(u.total)}</span>
      </div>
      <div className={styles.unitMeta}>
        <Badge size="small" appearance="tint" color={levelColor(u.dunning.level, levels)}>
          {levelText(u.dunning.level, levels, lang)}
        </Badge>
        <Caption1>{strings.arrearsUnitDetail(u.periods, dayOf(u.since), u.oldestDays)}</Caption1>
      </div>
      <Caption1 className={styles.muted}>
        {r ? strings.arrearsLastReminder(dayOf(r.date), r.method === null ? null : enumLabel(REMINDER_METHODS, r.method, lang)) : strings.arrearsNoReminder}
        {promised !== null && ` · ${strings.arrearsPromise(dayOf(promised), promised < day)}`}
      </Caption1>
    </li>
  );
}
