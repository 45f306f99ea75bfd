import { Body1, Button, Caption1, Field, Input, makeStyles, mergeClasses, Select, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../domain/enums';
import { formatWall, parseWallText } from '../../domain/time';
import { addTicket, EntryProblem, nowIso, TicketField, TicketFieldInfo, TicketFormOptions, ticketFormOptions, TicketInput } from '../backend';
import { describeError } from '../errors';
import type { Host } from '../host';
import type { Strings } from '../i18n';
import { installationTag, issuedIds, rememberIssued } from '../installation';
import { Notice, NoticeData } from './Notice';
import { Words } from './Words';
import { NoWorkbook } from './TabState';

/** Below this width (Excel's default pane is 320 px) the form is one column. */
const NARROW = '@media (max-width: 399px)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    // a field with a message grows; its neighbour keeps its height
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  wide: { gridColumn: '1 / -1' },
  // Fluent's inputs have a minimum width of their own: here they take their column's
  control: { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  tag: { color: tokens.colorNeutralForeground3 },
});

/** Fields that take the whole width of the form; the others sit two to a line (one, when narrow). */
const WIDE: ReadonlySet<TicketField> = new Set(['receivedAt', 'description', 'agreedDueAt']);

export interface EntryFormProps {
  host: Host | null;
  lang: Lang;
  strings: Strings;
  /** counts the pane's own changes to the workbook: the form reads its lists again after one */
  revision: number;
  /** a ticket was appended */
  onAdded(): void;
}

type Values = Record<string, string>;

/** A date-time as the workbook shows it (2026-11-20 09:30); text that is not one stays as typed. */
function shownDateTime(text: string): string {
  const t = parseWallText(text);
  return t === undefined ? text : formatWall(t, true);
}

function initialValues(options: TicketFormOptions): Values {
  const values: Values = {};
  for (const f of options.fields) values[f.key] = f.control === 'datetime' ? shownDateTime(f.initial) : f.initial;
  return values;
}

/** now, to the minute, as the received time of the next call */
function nowMinute(): string {
  return shownDateTime(nowIso().slice(0, 16));
}

export function EntryForm({ host, lang, strings, revision, onAdded }: EntryFormProps) {
  const styles = useStyles();
  const [options, setOptions] = useState<TicketFormOptions | null>(null);
  const [values, setValues] = useState<Values>({});
  const [problems, setProblems] = useState<ReadonlyArray<EntryProblem>>([]);
  /** what the last attempt found: errors to fix, or warnings to confirm */
  const [outcome, setOutcome] = useState<'errors' | 'warnings' | null>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [added, setAdded] = useState<{ id: string; row: number } | null>(null);
  const [busy, setBusy] = useState<'reading' | 'adding' | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const fail = useCallback(
    (err: unknown) => setNotice({ intent: 'error', title: strings.errorTitle, text: describeError(err, { lang, strings }) }),
    [lang, strings],
  );

  // the lists come from the workbook's Settings: read them again whenever the pane changed it
  useEffect(() => {
    if (!host) return;
    let current = true;
    setBusy('reading');
    host
      .run((wb) => ticketFormOptions(wb, { lang, asOf: nowIso() }))
      .then((next) => {
        if (!current) return;
        setOptions(next);
        setTag(installationTag(next.tagsInUse));
        // a half-filled form survives a re-read; a fresh one starts from the defaults
        setValues((old) => (Object.keys(old).length === 0 ? initialValues(next) : old));
      })
      .catch((err) => current && fail(err))
      .finally(() => current && setBusy(null));
    return () => {
      current = false;
    };
  }, [host, lang, revision, fail]);

  // what was said was said in the other language: the next attempt says it again
  useEffect(() => {
    setProblems([]);
    setOutcome(null);
  }, [lang]);

  // after a refused attempt, the first field to fix takes the focus
  useEffect(() => {
    if (outcome !== 'errors' || !options) return;
    const first = options.fields.find((f) => problems.some((p) => p.field === f.key && p.severity === 'error'));
    if (first) form.current?.querySelector<HTMLElement>(`#entry-${first.key}`)?.focus();
  }, [outcome, problems, options]);

  /** a date-time typed another way the workbook reads (2026/11/20 9:30) is shown as the workbook does */
  const tidy = (key: TicketField) =>
    setValues((old) => {
      const shown = shownDateTime(old[key] ?? '');
      return shown === old[key] ? old : { ...old, [key]: shown };
    });

  const set = (key: TicketField, value: string) => {
    setValues((old) => ({ ...old, [key]: value }));
    // what was said about a field no longer holds once it is changed
    setProblems((old) => old.filter((p) => p.field !== key));
    setOutcome(null);
    setAdded(null);
  };

  const submit = async (confirmWarnings: boolean) => {
    if (!host || !options || !tag) return;
    setBusy('adding');
    setNotice(null);
    setAdded(null);
    try {
      const input: TicketInput = { ...values };
      const result = await host.run((wb) =>
        addTicket(wb, input, { asOf: nowIso(), clerkTag: tag, issuedIds: issuedIds(), allowWarnings: confirmWarnings, lang }),
      );
      if (result.ok) {
        rememberIssued(result.id);
        setAdded({ id: result.id, row: result.row });
        setProblems([]);
        setOutcome(null);
        setValues({ ...initialValues(options), receivedAt: nowMinute() });
        onAdded();
      } else {
        setProblems(result.problems);
        setOutcome(result.reason === 'warnings' ? 'warnings' : 'errors');
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const clear = () => {
    if (!options) return;
    setValues({ ...initialValues(options), receivedAt: nowMinute() });
    setProblems([]);
    setOutcome(null);
    setAdded(null);
  };

  if (!host) return <NoWorkbook testId="entry" strings={strings} />;

  const problemsOf = (key: TicketField) => problems.filter((p) => p.field === key);
  // an empty required field, in the form's words rather than a cell's
  const said = (p: EntryProblem) => (p.code === 'REQUIRED_MISSING' ? strings.fieldRequired : p.message);
  const general = problems.filter((p) => p.field === null || !options?.fields.some((f) => f.key === p.field));

  const control = (f: TicketFieldInfo) => {
    const value = values[f.key] ?? '';
    const common = { id: `entry-${f.key}`, 'data-testid': `entry-${f.key}`, className: styles.control };
    switch (f.control) {
      case 'datetime':
        // text in the workbook's own format, not the browser's date picker (mm/dd/yyyy in en-US)
        return (
          <Input
            {...common}
            value={value}
            placeholder={strings.dateTimePlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(_, d) => set(f.key, d.value)}
            onBlur={() => tidy(f.key)}
          />
        );
      case 'select':
        return (
          <Select {...common} value={value} onChange={(_, d) => set(f.key, d.value)}>
            <option value="">{f.required ? strings.choose : ''}</option>
            {f.choices?.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        );
      case 'longText':
        return <Textarea {...common} value={value} resize="vertical" rows={3} onChange={(_, d) => set(f.key, d.value)} />;
      default:
        return (
          <>
            <Input
              {...common}
              value={value}
              type={f.key === 'phone' ? 'tel' : 'text'}
              list={f.suggestions && f.suggestions.length > 0 ? `entry-${f.key}-list` : undefined}
              onChange={(_, d) => set(f.key, d.value)}
            />
            {f.suggestions && f.suggestions.length > 0 && (
              <datalist id={`entry-${f.key}-list`}>
                {f.suggestions.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            )}
          </>
        );
    }
  };

  return (
    <section className={styles.root} data-testid="entry" data-busy={busy ?? ''} data-ready={String(options?.ready ?? false)}>
      <Body1 className={styles.intro}>{strings.entryIntro}</Body1>
      {notice && <Notice notice={notice} testId="entry-message" />}
      {busy === 'reading' && !options && <Spinner size="small" label={strings.reading} />}
      {options && !options.ready && <Notice notice={{ intent: 'warning', text: strings.entryNotReady(options.missing) }} testId="entry-not-ready" />}
      {added && (
        <Notice notice={{ intent: 'success', title: strings.ticketAddedTitle, text: strings.ticketAdded(added.id, options?.sheet ?? '', added.row) }} testId="entry-added" />
      )}
      {outcome && (
        <Notice
          notice={{ intent: outcome === 'errors' ? 'error' : 'warning', text: outcome === 'errors' ? strings.entryHasErrors : strings.entryHasWarnings }}
          testId="entry-outcome"
        />
      )}
      {general.map((p, i) => (
        <Notice key={i} notice={{ intent: p.severity === 'error' ? 'error' : 'warning', text: p.message }} testId="entry-problem" />
      ))}

      {options && options.ready && (
        <form
          ref={form}
          className={styles.form}
          data-testid="entry-form"
          // the rules answer for every field at once, in the pane's language; not the browser's bubble
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
        >
          {options.fields.map((f) => {
            const own = problemsOf(f.key);
            const error = own.some((p) => p.severity === 'error');
            return (
              <Field
                key={f.key}
                className={WIDE.has(f.key) ? styles.wide : undefined}
                label={f.label}
                required={f.required}
                validationState={own.length === 0 ? 'none' : error ? 'error' : 'warning'}
                validationMessage={own.length > 0 ? <Words text={own.map(said).join(' ')} /> : undefined}
                data-testid={`entry-field-${f.key}`}
                data-problem={own.length === 0 ? '' : error ? 'error' : 'warning'}
              >
                {control(f)}
              </Field>
            );
          })}
          <div className={mergeClasses(styles.actions, styles.wide)}>
            <Button type="submit" appearance="primary" disabled={busy !== null} data-testid="entry-submit">
              {strings.addTicket}
            </Button>
            {outcome === 'warnings' && (
              <Button onClick={() => void submit(true)} disabled={busy !== null} data-testid="entry-confirm">
                {strings.addAnyway}
              </Button>
            )}
            <Button appearance="subtle" onClick={clear} disabled={busy !== null} data-testid="entry-clear">
              {strings.clearForm}
            </Button>
            {busy === 'adding' && <Spinner size="tiny" label={strings.adding} />}
          </div>
          {tag && (
            <Caption1 className={mergeClasses(styles.tag, styles.wide)} data-testid="entry-tag">
              {strings.installationTag(tag)}
            </Caption1>
          )}
        </form>
      )}
    </section>
  );
}
