// Turns a failure into a message for a person. A workbook file that cannot be opened or saved is an
// expected problem, worded by the app's messages (the same words the CLI uses); anything else is a
// bug: its message is shown (never a stack trace) and the details go to the console.
import { FileErrorCode, fileErrorMessage } from '../domain/messages';
import type { Lang } from '../domain/enums';
import type { Strings } from './i18n';

const FILE_ERROR_CODES: ReadonlySet<string> = new Set<FileErrorCode>([
  'NOT_FOUND',
  'NOT_A_FILE',
  'NOT_XLSX',
  'CORRUPT',
  'ENCRYPTED',
  'TOO_LARGE',
  'WRITE_FAILED',
]);

/** A WorkbookError, recognised by shape so that it holds across lazily loaded chunks. */
function fileErrorCode(err: unknown): FileErrorCode | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { name, code } = err as { name?: unknown; code?: unknown };
  return name === 'WorkbookError' && typeof code === 'string' && FILE_ERROR_CODES.has(code)
    ? (code as FileErrorCode)
    : undefined;
}

export interface ErrorContext {
  readonly lang: Lang;
  readonly strings: Strings;
  /** the file being opened or saved, when there is one */
  readonly fileName?: string;
}

export function describeError(err: unknown, { lang, strings, fileName }: ErrorContext): string {
  const code = fileErrorCode(err);
  if (code) {
    const detail = err instanceof Error ? err.message : '';
    return fileErrorMessage(code, lang, fileName ?? strings.thisWorkbook, detail);
  }
  // Office.js refuses every request while a cell is being edited: the commonest failure in Excel
  if ((err as { code?: unknown } | null)?.code === 'InvalidOperationInCellEditMode') return strings.excelCellEditing;
  console.error(err);
  const detail = err instanceof Error ? err.message : String(err);
  return strings.unexpected(detail.split('\n')[0].slice(0, 200));
}
