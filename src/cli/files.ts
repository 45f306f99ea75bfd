// Workbook files on disk: read whole, written atomically (a temporary file beside the target, then a
// rename), so a failure never leaves a half-written workbook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileErrorCode, FileErrorDetail, FileErrorReason, FileFailure, fileErrorMessage } from '../domain/failures';
import { FileWorkbook } from '../workbook/file';
import { WorkbookError } from '../workbook/types';

/** A workbook file problem that names the file: a code, a reason and its parameters, worded by
 *  fileErrorMessage (domain/failures.ts); the message is those words in English, for logs. */
export class FileProblem extends Error implements FileFailure {
  readonly reason?: FileErrorReason;
  readonly params: object;

  /** `unchanged`: a write that failed left the file as it was */
  constructor(
    readonly code: FileErrorCode,
    readonly file: string,
    detail?: FileErrorDetail,
    readonly unchanged = false,
  ) {
    const { reason, ...params } = detail ?? { reason: undefined };
    super(fileErrorMessage({ code, reason, params, unchanged }, 'en', file));
    this.name = 'FileProblem';
    this.reason = reason;
    this.params = params;
  }

  /** A workbook's own failure, on this file. */
  static of(e: WorkbookError, file: string): FileProblem {
    return new FileProblem(e.code, file, e.reason ? ({ reason: e.reason, ...e.params } as FileErrorDetail) : undefined);
  }
}

// What the operating system said, as a person reads it (the code itself stays for OS_ERROR only).
type OsReason = 'FOLDER_MISSING' | 'NOT_A_FOLDER' | 'NO_PERMISSION' | 'IS_A_FOLDER' | 'DISK_FULL' | 'READ_ONLY' | 'FILE_BUSY';
const OS_REASONS: Readonly<Record<string, OsReason | undefined>> = {
  ENOENT: 'FOLDER_MISSING',
  ENOTDIR: 'NOT_A_FOLDER',
  EACCES: 'NO_PERMISSION',
  EPERM: 'NO_PERMISSION',
  EISDIR: 'IS_A_FOLDER',
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  EROFS: 'READ_ONLY',
  EBUSY: 'FILE_BUSY',
  ETXTBSY: 'FILE_BUSY',
};

/** An error of fs as a reason: known codes in words, any other as OS_ERROR with its code. */
export function osReason(e: unknown): FileErrorDetail {
  const os = (e as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN';
  const reason = OS_REASONS[os];
  return reason ? { reason } : { reason: 'OS_ERROR', os };
}

// SheetJS holds a parsed workbook in memory several times its size; past this a clear refusal beats
// running out of memory halfway.
const MAX_BYTES = 512 * 1024 * 1024;
const MB = 1024 * 1024;

export function readWorkbookFile(file: string): FileWorkbook {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileProblem('NOT_FOUND', file);
    throw new FileProblem('READ_FAILED', file, osReason(e));
  }
  if (!stat.isFile()) throw new FileProblem('NOT_A_FILE', file);
  if (stat.size > MAX_BYTES) throw new FileProblem('TOO_LARGE', file, { reason: 'FILE_TOO_LARGE', size: Math.round(stat.size / MB), limit: MAX_BYTES / MB });
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new FileProblem('READ_FAILED', file, osReason(e));
  }
  try {
    return FileWorkbook.open(bytes);
  } catch (e) {
    if (e instanceof WorkbookError) throw FileProblem.of(e, file);
    throw e;
  }
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    throw new FileProblem('WRITE_FAILED', file, osReason(e), true);
  }
}
