// What a validation rule is: a stable code, the sheet it judges, a severity, its docs/validation.md wording,
// and a row check prepared once per pass (columns, Settings lists and facts looked up before the
// rows are walked, so the walk itself does arithmetic and lookups only).
import { Lang } from '../enums';
import { Problem, ProblemParams, Severity } from '../problems';
import { ColumnKey, header, SheetKey } from '../schema';
import { Settings } from '../settings';
import { RowValues, TableRead } from '../table';
import { WallTime } from '../time';

export interface ValidationContext {
  readonly settings: Settings;
  /** the moment "now" for "no time more than a day in the future": the domain never reads the clock */
  readonly asOf: WallTime;
  readonly lang: Lang;
  /** customer units, or null when the register has no rows */
  readonly units: ReadonlySet<string> | null;
}

/** One rule as the registry, the docs and the tests read it. */
export interface RuleInfo<S extends SheetKey = SheetKey> {
  readonly code: string;
  readonly sheet: S;
  readonly severity: Severity;
  /** the rule in docs/validation.md's words */
  readonly zh: string;
  readonly en: string;
}

/** A row's values as the rules see them, typed by the sheet's column keys. */
export type Values<S extends SheetKey = SheetKey> = RowValues<ColumnKey<S>>;

/** A key's rows, ascending; a key on one row (the usual case) keeps the bare row number. */
export type KeyRows = number | ReadonlyArray<number>;

export interface KeyIndex {
  /** key -> Excel rows carrying it */
  readonly rowsOf: ReadonlyMap<string, KeyRows>;
  /** by Excel row: the key the row counts under, so that a row whose key changed leaves its old key */
  readonly keyOf: ReadonlyArray<string | undefined>;
}

/** Sheet-wide facts (built and updated by facts.ts): what judging one row needs of the others. */
export interface SheetFacts {
  readonly sheet: SheetKey;
  /** by fact name (facts.ts FACT_KEYS: ticketId, doubleEntry) */
  readonly indexes: Readonly<Record<string, KeyIndex>>;
  /** by Excel row: the row's values, for facts whose key only narrows the rows to compare */
  readonly values: ReadonlyArray<Values | undefined>;
}

/** Checks one row; pushes its problems onto `out`. */
export type RowCheck<S extends SheetKey = SheetKey> = (values: Values<S>, row: number, out: Problem[]) => void;

/** Makes the problem of one rule at one column of a row. */
export type At = (row: number, params?: ProblemParams) => Problem;

/** What a rule of sheet S may look up while it prepares its row check; columns are named by key. */
export interface Pass<S extends SheetKey = SheetKey> {
  readonly ctx: ValidationContext;
  /** sheet-wide facts (duplicate keys), from the whole sheet even when a few rows are judged */
  readonly facts: SheetFacts;
  /** is the column in the file (a missing column gives undefined values, never a problem) */
  has(key: ColumnKey<S>): boolean;
  /** the column's header as it stands in the file, or the schema's in the file's language */
  header(key: ColumnKey<S>): string;
  /** the problem maker of `rule` on column `key` */
  at(rule: RuleInfo, key: ColumnKey<S>): At;
}

/** A rule of sheet S: its row check names S's columns by key, so a misspelt key does not compile. A
 *  Rule<'tickets'> is a Rule: the registry holds rules of every sheet and runs each on its own sheet. */
export interface Rule<S extends SheetKey = SheetKey> extends RuleInfo<S> {
  /** the row check of one pass, or null when the rule cannot apply (its columns are missing, …) */
  readonly prepare: (pass: Pass<S>) => RowCheck<S> | null;
}

// the range of a JavaScript date; converted wall times always lie well inside it
const MAX_TIME = 8.64e15;

const NO_PARAMS: ProblemParams = Object.freeze({});

export function makePass(read: TableRead, ctx: ValidationContext, facts: SheetFacts): Pass {
  const headers = new Map<string, string>();
  for (const c of read.columns) headers.set(c.def.key, c.header);
  const headerOf = (key: string): string => {
    const h = headers.get(key);
    if (h !== undefined) return h;
    const def = read.def.columns.find((c) => c.key === key);
    return def ? header(def, read.lang) : key;
  };
  return {
    ctx,
    facts,
    has: (key) => headers.has(key),
    header: headerOf,
    at: (rule, key) => {
      const sheet = read.sheet;
      const column = headerOf(key);
      const { code, severity } = rule;
      return (row, params = NO_PARAMS) => ({ sheet, row, column, code, severity, params });
    },
  };
}

/** Wall time as a clerk reads it in a message: 2026-11-25 14:30, or 2026-11-25 for a whole day. */
export function showTime(t: WallTime, withTime: boolean): string {
  if (!(Math.abs(t) <= MAX_TIME)) return String(t);
  const iso = new Date(t).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
