// Office.js failures read and turned into WorkbookErrors, and the one fallback for a batch that names
// a sheet which may not exist.
import type { FileErrorDetail } from '../../domain/failures';
import { WorkbookError } from '../types';
import { OfficeSession, sameSheetName } from './session';

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

export function itemNotFound(error: unknown): boolean {
  return errorCode(error) === 'ItemNotFound';
}

/** A sheet that was there when we looked is gone, or a name that was free is taken: a co-author's doing. */
export function changedMeanwhile(error: unknown, notFoundMeansGone: boolean): boolean {
  const code = errorCode(error);
  return code === 'ItemAlreadyExists' || (notFoundMeansGone && code === 'ItemNotFound');
}

/** What Excel failed to write (`EXCEL_…` reasons), with the error code Excel gave; Excel's own
 *  message stays in the cause. Our own WorkbookError, and an error without a code (not Excel's: a
 *  bug), stay as they are. */
export function writeFailed(what: Extract<FileErrorDetail, { reason: `EXCEL_${string}` }>, error: unknown): unknown {
  const office = errorCode(error);
  return error instanceof WorkbookError || office === undefined ? error : new WorkbookError('WRITE_FAILED', { ...what, office }, { cause: error });
}

export function noSuchSheet(sheetName: string): WorkbookError {
  return new WorkbookError('NOT_FOUND', { reason: 'SHEET_MISSING', sheet: sheetName });
}

/** A sync that went through, or one that failed and which of the sheets asked for are missing. */
export type SheetsSync = { readonly ok: true } | { readonly ok: false; readonly error: unknown; readonly missing: ReadonlyArray<string> };

/**
 * Syncs a batch queued on sheets found by name (`getItemOrNullObject`). Office.js documents null
 * objects but not whether a method of one (a missing sheet's used range, its tables) is a null object
 * too or fails the batch. So when the sync fails, one sync more asks which sheets exist, and the
 * answer says which of `names` are missing: none means the batch failed for another reason, and
 * `error` is that reason. Costs nothing more when the sync goes through.
 */
export async function syncOrSayMissing(session: OfficeSession, names: ReadonlyArray<string>): Promise<SheetsSync> {
  try {
    await session.sync();
    return { ok: true };
  } catch (error) {
    const existing = await session.sheetNames();
    const missing = names.filter((name) => !existing.some((sheet) => sameSheetName(sheet, name)));
    return { ok: false, error, missing };
  }
}
