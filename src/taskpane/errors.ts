// Turns a failure into a message for a person. A workbook file that cannot be opened or saved, and a
// request a use case turned down, are expected problems, worded from their codes by the app's words
// (domain/failures.ts, the same words the CLI prints); anything else is a bug: its message is shown
// (never a stack trace) and the details go to the console.
import { FILE_ERROR_CODES, FileFailure, fileErrorMessage, USE_CASE_CODES, UseCaseCode, useCaseMessage } from '../domain/failures';
import type { Lang } from '../domain/enums';
import type { Strings } from './i18n';

// Both are recognised by shape, so that they hold across lazily loaded chunks.
type Shape = { name?: unknown; code?: unknown; reason?: unknown; params?: unknown };

/** A WorkbookError: its code, reason and parameters. */
function fileFailure(err: unknown): FileFailure | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { name, code, reason, params } = err as Shape;
  if (name !== 'WorkbookError' || typeof code !== 'string' || !FILE_ERROR_CODES.has(code)) return undefined;
  return {
    code: code as FileFailure['code'],
    reason: typeof reason === 'string' ? (reason as FileFailure['reason']) : undefined,
    params: typeof params === 'object' && params !== null ? params : {},
  };
}

/** A UseCaseProblem (app/problem.ts): its code and parameters. */
function useCaseProblem(err: unknown): { code: UseCaseCode; params: object } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { name, code, params } = err as Shape;
  if (name !== 'UseCaseProblem' || typeof code !== 'string' || !USE_CASE_CODES.has(code)) return undefined;
  return { code: code as UseCaseCode, params: typeof params === 'object' && params !== null ? params : {} };
}

export interface ErrorContext {
  readonly lang: Lang;
  readonly strings: Strings;
  /** the file being opened or saved, when there is one */
  readonly fileName?: string;
}

export function describeError(err: unknown, { lang, strings, fileName }: ErrorContext): string {
  const failure = fileFailure(err);
  if (failure) return fileErrorMessage(failure, lang, fileName ?? strings.thisWorkbook);
  const refused = useCaseProblem(err);
  if (refused) return useCaseMessage(refused, lang);
  // Office.js refuses every request while a cell is being edited: the commonest failure in Excel
  if ((err as { code?: unknown } | null)?.code === 'InvalidOperationInCellEditMode') return strings.excelCellEditing;
  console.error(err);
  const detail = err instanceof Error ? err.message : String(err);
  return strings.unexpected(detail.split('\n')[0].slice(0, 200));
}
