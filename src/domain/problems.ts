// A problem found in a workbook: where it is (sheet, 1-based Excel row, the column's header as it
// stands in the file), a stable code, a severity, and the facts a message needs. Words for people
// come from messages.ts, in the user's language.
import { ConvertProblem } from './cells';

export type Severity = 'error' | 'warning';

export type ProblemParams = Readonly<Record<string, string | number | ReadonlyArray<string>>>;

export interface Problem {
  readonly sheet: string;
  /** 1-based Excel row number, or null for a problem of the whole sheet */
  readonly row: number | null;
  /** the column's header text as it stands in the file, or null */
  readonly column: string | null;
  readonly code: string;
  readonly severity: Severity;
  readonly params: ProblemParams;
}

export type CellProblem = Problem & { readonly row: number; readonly column: string };

export function cellProblem(sheet: string, row: number, column: string, p: ConvertProblem): CellProblem {
  const params: Record<string, string | number | ReadonlyArray<string>> = { found: p.found, expected: p.expected };
  if (p.kind === 'wrongType' && p.allowed) params.allowed = p.allowed;
  return {
    sheet,
    row,
    column,
    code: p.kind === 'errorValue' ? 'CELL_ERROR_VALUE' : 'CELL_WRONG_TYPE',
    severity: 'error',
    params,
  };
}

export function sheetProblem(sheet: string, code: string, params: ProblemParams, severity: Severity = 'error'): Problem {
  return { sheet, row: null, column: null, code, severity, params };
}

/** A sheet's place in `sheetOrder`; a sheet not in it comes after every one that is. */
export function sheetRank(sheetOrder: ReadonlyArray<string>): (sheet: string) => number {
  const rank = new Map(sheetOrder.map((s, i) => [s, i]));
  return (sheet) => rank.get(sheet) ?? 99;
}

/** Reading order: by sheet as given (sheets not given last), then row (a whole sheet's first), then
 *  column header. */
export function problemOrder(sheetOrder: ReadonlyArray<string>): (a: Problem, b: Problem) => number {
  const rank = sheetRank(sheetOrder);
  // the default collator is what String.prototype.localeCompare uses, made once
  const collate = new Intl.Collator().compare;
  return (a, b) => rank(a.sheet) - rank(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || collate(a.column ?? '', b.column ?? '');
}

/** Problems in reading order: by sheet as given, then row, then column. */
export function sortProblems<P extends Problem>(problems: ReadonlyArray<P>, sheetOrder: ReadonlyArray<string>): P[] {
  return [...problems].sort(problemOrder(sheetOrder));
}

/** How many problems one validation lists (and marks) at most: the first in reading order. Beyond
 *  it they are counted, not kept: a sheet of a million rows each missing five cells finds five
 *  million, and their words alone would not fit in memory. */
export const PROBLEM_LIST_CAP = 100_000;

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

/**
 * The first `cap` problems in reading order of any number added in any order, and the count of
 * every one, by sheet and severity: memory bounded by the cap. Exactly what sorting them all and
 * keeping the first `cap` would keep (ties keep the order they were added in).
 */
export class FirstProblems<P extends Problem> {
  private kept: P[] = [];
  /** the last problem kept once `cap` were kept: a problem that sorts at or after it is only counted */
  private last: P | null = null;
  private readonly order: (a: Problem, b: Problem) => number;
  private readonly counts = new Map<string, ProblemCounts>();

  constructor(
    sheetOrder: ReadonlyArray<string>,
    readonly cap: number = PROBLEM_LIST_CAP,
  ) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`FirstProblems: cap ${cap} should be a whole number from 1`);
    this.order = problemOrder(sheetOrder);
  }

  add(p: P): void {
    let c = this.counts.get(p.sheet);
    if (!c) this.counts.set(p.sheet, (c = { errors: 0, warnings: 0 }));
    if (p.severity === 'error') c.errors++;
    else c.warnings++;
    if (this.last !== null && this.order(p, this.last) >= 0) return;
    this.kept.push(p);
    if (this.kept.length >= 2 * this.cap) this.trim();
  }

  private trim(): void {
    this.kept.sort(this.order);
    if (this.kept.length > this.cap) {
      this.kept.length = this.cap;
      this.last = this.kept[this.cap - 1];
    }
  }

  /** The problems kept, in reading order, and the count of all by sheet (in the order first seen). */
  result(): { problems: P[]; bySheet: ReadonlyMap<string, ProblemCounts> } {
    this.trim();
    return { problems: this.kept, bySheet: this.counts };
  }
}
