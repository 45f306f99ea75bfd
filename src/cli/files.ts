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
type OsReason = 'FOLDER_MISSING' | 'NOT_A_FOLDER' | 'NO_PERMISSION' | 'IS_A_FOLDER' | 'DISK_FULL' | 'READ_ONLY' | 'FILE_BUSY' | 'NAME_TOO_LONG' | 'LINK_LOOP';
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
  ENAMETOOLONG: 'NAME_TOO_LONG',
  ELOOP: 'LINK_LOOP',
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

/** A workbook file as read: the workbook, and the bytes it was opened from (to tell a change). */
export interface WorkbookFile {
  readonly workbook: FileWorkbook;
  readonly original: Uint8Array;
}

export function readWorkbookFile(file: string): WorkbookFile {
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
    return { workbook: FileWorkbook.open(bytes), original: bytes };
  } catch (e) {
    if (e instanceof WorkbookError) throw FileProblem.of(e, file);
    throw e;
  }
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

/** Whether `file` is an existing file (not a folder): what --out would replace. */
export function isExistingFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether two paths name the same file (a --out that is FILE itself). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  // a folder is said to be one, whatever rename would answer (EISDIR, or EBUSY for ".")
  let folder = false;
  try {
    folder = fs.statSync(file).isDirectory();
  } catch {
    // nothing there yet, or a path the write below will word
  }
  if (folder) throw new FileProblem('WRITE_FAILED', file, { reason: 'IS_A_FOLDER' }, true);
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

/** Saves a workbook read from `file` back into it only when its bytes changed; returns whether it
 *  did. A command that changes nothing leaves the file, and its modification time, alone. */
export function saveIfChanged(file: string, read: WorkbookFile): boolean {
  const bytes = read.workbook.toBytes();
  if (Buffer.from(bytes).equals(Buffer.from(read.original))) return false;
  writeFileAtomic(file, bytes);
  return true;
}

/** Writes a workbook read from `file` into `target`: `file` itself only when its bytes changed, another file whole. */
export function saveTo(file: string, target: string, read: WorkbookFile): void {
  if (sameFile(target, file)) saveIfChanged(file, read);
  else writeFileAtomic(target, read.workbook.toBytes());
}
