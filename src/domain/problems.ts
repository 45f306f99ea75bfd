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

/** Problems in reading order: by sheet as given, then row, then column. */
export function sortProblems<P extends Problem>(problems: ReadonlyArray<P>, sheetOrder: ReadonlyArray<string>): P[] {
  const rank = new Map(sheetOrder.map((s, i) => [s, i]));
  return [...problems].sort(
    (a, b) =>
      (rank.get(a.sheet) ?? 99) - (rank.get(b.sheet) ?? 99) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
