// Workbook files on disk: read whole; written through the target's own identity (symlinks followed,
// mode and owner kept, read-only files, pipes, devices and hard links refused: target.ts), by one
// writer at a time (a lock beside the file: lock.ts), never over a change made since it was read
// (ours is then written beside it), atomically (a fsynced temporary file, then a rename: replace.ts),
// keeping the version it replaces (versions.ts). See docs/reliability.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileErrorCode, FileErrorDetail, FileErrorReason, FileFailure, fileErrorMessage } from '../domain/failures';
import { Lang } from '../domain/enums';
import { FileWorkbook } from '../workbook/file';
import { WorkbookError } from '../workbook/types';
import type { ProgressListener } from '../workbook/file/progress';
import { acquireLock, Lock, LockInfo, releaseAllLocks, releaseLock } from './lock';
import { WriteRefused } from './refusals';
import { readingBar } from './progress';
import { fsyncDir, placeBeside, placeNew, removeLeftovers, testPause, writeTemp } from './replace';
import { t } from './strings';
import { folderReadOnly, locateTarget, resolveTarget, sameState, Target } from './target';
import { dropVersion, keepVersion, KeptVersion, keepVersions, pruneVersions, sha256, sha256OfFile } from './versions';

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
  /** when opened to be written: the target, its lock and how it was */
  readonly writing?: Writing;
}

/** The checks of a read: there, a file, not too large. */
function checkReadable(file: string): fs.Stats {
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
  return stat;
}

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new FileProblem('READ_FAILED', file, osReason(e));
  }
}

/** `onProgress`: hears how far each read of its sheets has come (the bar on a terminal: progress.ts);
 *  `keepGrids`: as FileWorkbook.open takes it. */
function openBytes(file: string, bytes: Uint8Array, onProgress?: ProgressListener, keepGrids?: boolean): FileWorkbook {
  try {
    return FileWorkbook.open(bytes, { onProgress, keepGrids });
  } catch (e) {
    if (e instanceof WorkbookError) throw FileProblem.of(e, file);
    throw e;
  }
}

/** Reads a workbook to look at it: no lock (every write is one rename, so this reads the whole old
 *  file or the whole new one). */
export function readWorkbookFile(file: string, onProgress?: ProgressListener, keepGrids?: boolean): WorkbookFile {
  checkReadable(file);
  const bytes = readBytes(file);
  return { workbook: openBytes(file, bytes, onProgress, keepGrids), original: bytes };
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

// --- Writing --------------------------------------------------------------------------------------

/** A write under way: the target resolved and checked, its lock (none for writeFileAtomic), and the
 *  file as it was when the command began (none when there was no file). */
export interface Writing {
  readonly target: Target;
  readonly lock?: Lock;
  readonly was?: { readonly stat: fs.BigIntStats; readonly sha256: string };
  /** the bytes read, when the command reads the file it writes */
  readonly bytes?: Uint8Array;
}

const EMPTY = new Uint8Array(0);

/** The command line under way (for the lock and the versions), its language, and where to say that it waits. */
const current: { command: string; lang: Lang; say?: (line: string) => void } = { command: process.argv.slice(2).join(' '), lang: 'zh' };

/** Starts a command (run() in main.ts): what it is, in which language, where to say it waits. */
export function beginCommand(argv: ReadonlyArray<string>, lang: Lang, say?: (line: string) => void): void {
  current.command = argv.join(' ');
  current.lang = lang;
  current.say = say;
}

/** Ends a command whatever became of it: every lock it took is given back. */
export function endCommand(): void {
  releaseAllLocks();
  current.say = undefined;
}

export const DEFAULT_LOCK_WAIT_SECONDS = 10;

/** How long a second writer waits for the lock: DESKBOOK_LOCK_WAIT seconds, else 10. */
function lockWaitMs(): number {
  const raw = process.env.DESKBOOK_LOCK_WAIT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_LOCK_WAIT_SECONDS * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new WriteRefused('badLockWait', { value: raw });
  return n * 1000;
}

/** Runs `work` on the write of `file`: what the system says is worded (the file is unchanged). */
function writeStep<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw asWriteProblem(e, file);
  }
}

function asWriteProblem(e: unknown, file: string): unknown {
  if (e instanceof WriteRefused || e instanceof FileProblem) return e;
  if (typeof (e as NodeJS.ErrnoException | null)?.code === 'string') return new FileProblem('WRITE_FAILED', file, osReason(e), true);
  return e;
}

/** How the target is now: its stat and the hash of its bytes (the bytes too when `keep`). */
function stateOf(target: Target, keep: boolean): Pick<Writing, 'was' | 'bytes'> {
  if (!target.stat) return {};
  const bytes = readBytes(target.file);
  return { was: { stat: target.stat, sha256: sha256(bytes) }, bytes: keep ? bytes : undefined };
}

/**
 * Begins writing `file`: refuses what is not a file at all (a pipe, a device), takes its lock
 * (waiting for another writer), removes what killed writers left beside it, and notes the file as it
 * is (`keepBytes`: with its bytes, for a command that reads the file it writes). A read-only file, a
 * hard-linked one or a read-only folder is refused only when a write comes (a command that turns out
 * to change nothing still runs); in a read-only folder no lock is taken, as no deskbook writes there.
 */
export async function beginWrite(file: string, keepBytes = false): Promise<Writing> {
  writeStep(file, () => keepVersions());
  const waitMs = lockWaitMs();
  const first = writeStep(file, () => locateTarget(file));
  if (first.stat && !first.stat.isFile()) throw new WriteRefused('writeNotRegular', { file });
  if (writeStep(file, () => folderReadOnly(first))) return { target: first, ...stateOf(first, keepBytes) };
  const onWait = (holder: LockInfo | undefined) =>
    current.say?.(`deskbook: ${t(current.lang, 'lockWaiting', { file, pid: holder?.pid ?? '?', command: holder?.command ?? '?' })}`);
  let lock: Lock;
  try {
    lock = await acquireLock(first.dir, first.base, file, current.command, { waitMs, onWait });
  } catch (e) {
    throw asWriteProblem(e, file);
  }
  try {
    writeStep(file, () => removeLeftovers(first.dir, first.base));
    // again: it may have changed while we waited
    const target = writeStep(file, () => locateTarget(file));
    if (target.real !== first.real || (target.stat && !target.stat.isFile())) throw new WriteRefused('changedWhileWaiting', { file });
    return { target, lock, ...stateOf(target, keepBytes) };
  } catch (e) {
    releaseLock(lock);
    throw e;
  }
}

/**
 * Opens FILE for a command. Without `writeTo`, to look at it (no lock). With `writeTo` (FILE itself,
 * or --out), to write it: FILE's lock is taken before FILE is read, so two commands changing one
 * workbook run one after the other and neither loses the other's change. `create`: a FILE that does
 * not exist is a new workbook (init).
 */
export async function openWorkbookFile(file: string, opts: { writeTo?: string; create?: boolean; readOnce?: boolean } = {}): Promise<WorkbookFile> {
  const { writeTo, create = false } = opts;
  // a command that reads each sheet once lets each grid go once it is a table (less memory at its peak)
  const keepGrids = opts.readOnce ? false : undefined;
  const fresh = create && !fileExists(file);
  // a read that takes more than a second shows its progress on a terminal
  const onProgress = fresh ? undefined : await readingBar(file, current.lang);
  if (writeTo === undefined || !sameFile(writeTo, file)) {
    const read = fresh ? { workbook: FileWorkbook.create(), original: EMPTY } : readWorkbookFile(file, onProgress, keepGrids);
    return writeTo === undefined ? read : { ...read, writing: await beginWrite(writeTo) };
  }
  // said as a read says it: not there, a folder, too large
  if (!fresh) checkReadable(file);
  const writing = await beginWrite(file, true);
  if (!writing.bytes) {
    if (!fresh) throw new FileProblem('NOT_FOUND', file);
    return { workbook: FileWorkbook.create(), original: EMPTY, writing };
  }
  return { workbook: openBytes(file, writing.bytes, onProgress, keepGrids), original: writing.bytes, writing };
}

/** Where the write of `w` stopped because the file changed: ours is kept beside it, and that is said. */
function keepBoth(w: Writing, tmp: string): never {
  const copy = placeBeside(tmp, w.target.real);
  fsyncDir(w.target.dir);
  throw new WriteRefused('changedMeanwhile', { file: w.target.file, copy });
}

/**
 * Replaces the target of `w` with `bytes`: a temporary file with the target's mode and owner, written
 * whole and fsynced; then, if the target is still the file that was read (same file, size,
 * modification time and SHA-256), the version it holds is kept and the temporary file renamed over it.
 * If it changed (a clerk's save, OneDrive), nothing is replaced: ours is written beside it and the
 * command stops, saying so. Returns the version kept, if any. `keepCurrent`: keep it even when
 * DESKBOOK_KEEP_VERSIONS is 0 (restore, which must stay reversible).
 */
export function writeThrough(w: Writing, bytes: Uint8Array, keepCurrent = false): KeptVersion | undefined {
  const { target } = w;
  const { file, dir, base, real } = target;
  let tmp: string | undefined;
  try {
    const keep = keepVersions();
    // refusals again: it may have become read-only, or gained a link, while the command worked
    const now = resolveTarget(file);
    if (now.real !== real) throw new WriteRefused('changedWhileWaiting', { file });
    tmp = writeTemp(dir, base, bytes, now.stat);
    testPause();
    if (!w.was) {
      if (!placeNew(tmp, real)) keepBoth(w, tmp);
      tmp = undefined;
      fsyncDir(dir);
      return undefined;
    }
    const still = (): boolean => {
      try {
        return sameState(fs.lstatSync(real, { bigint: true }), w.was!.stat);
      } catch {
        return false;
      }
    };
    if (!still()) keepBoth(w, tmp);
    // Still the bytes that were read: their hash again. The version kept is those bytes: the ones
    // the command read when it read the file it writes (the same, by the hash: not read a third time),
    // else the file's now.
    const keeping = keep > 0 || keepCurrent;
    const before = w.bytes ?? (keeping ? fs.readFileSync(real) : undefined);
    const hash = before !== undefined && before !== w.bytes ? sha256(before) : sha256OfFile(real);
    if (hash !== w.was.sha256) keepBoth(w, tmp);
    const kept = keeping && before ? keepVersion(dir, base, before, current.command, w.was.stat, hash) : undefined;
    if (!still()) {
      if (kept) dropVersion(kept);
      keepBoth(w, tmp);
    }
    fs.renameSync(tmp, real);
    tmp = undefined;
    fsyncDir(dir);
    if (keep > 0) pruneVersions(dir, base, keep);
    return kept;
  } catch (e) {
    if (tmp !== undefined) fs.rmSync(tmp, { force: true });
    throw asWriteProblem(e, file);
  }
}

/** Writes `bytes` into `file` safely, without a lock (for callers outside a command). */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const target = writeStep(file, () => resolveTarget(file));
  writeThrough({ target, ...stateOf(target, false) }, bytes);
}

/** Saves a workbook read from `file` back into it only when its bytes changed; returns whether it
 *  did. A command that changes nothing leaves the file, and its modification time, alone. */
export function saveIfChanged(file: string, read: WorkbookFile): boolean {
  const bytes = read.workbook.toBytes();
  if (sameBytes(bytes, read.original)) return false;
  if (read.writing) writeThrough(read.writing, bytes);
  else writeFileAtomic(file, bytes);
  return true;
}

/** Whether two byte arrays hold the same bytes (compared in place: Buffer.from of an array copies it). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Writes a workbook read from `file` into `target`: `file` itself only when its bytes changed, another file whole. */
export function saveTo(file: string, target: string, read: WorkbookFile): void {
  if (sameFile(target, file)) saveIfChanged(file, read);
  else if (read.writing) writeThrough(read.writing, read.workbook.toBytes());
  else writeFileAtomic(target, read.workbook.toBytes());
}
