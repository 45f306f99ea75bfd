// Where a workbook is really written, and whether it may be. A symlink is followed to the file it
// names (the link stays a link); the file is refused when writing it would break what the file says of
// itself: read-only (its mode, or a folder that is), a pipe, a device or a socket, or hard links.
//
// Hard links are refused, not written through in place: the names of one file are most often made by
// backup tools (rsync --link-dest, rsnapshot, cp -al, Time Machine), where writing in place would
// change every snapshot at once, and splitting them (the rename of a new file) would silently leave
// the other names behind. Neither is what the clerk asked for, and deskbook cannot know which was
// meant; `--out` (or a copy) writes a separate file. Refusing also keeps every write of a workbook a
// single rename, so a reader never sees half a file.
//
// Errors of the operating system are thrown as they come (files.ts words them); refusals are WriteRefused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WriteRefused } from './refusals';

export interface Target {
  /** the path as the person named it, for messages */
  readonly file: string;
  /** the file written: every symlink followed */
  readonly real: string;
  /** its folder, where the temporary file, the lock and `.deskbook/` go */
  readonly dir: string;
  readonly base: string;
  /** the existing file, or undefined when there is none yet */
  readonly stat?: fs.BigIntStats;
}

const MAX_LINKS = 40;

function errno(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}

/** The path a chain of symlinks ends at (which need not exist yet: `ln -s new.xlsx x.xlsx` then writing x.xlsx creates new.xlsx). */
function followLinks(file: string): { real: string; stat?: fs.BigIntStats } {
  let p = path.resolve(file);
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let st: fs.BigIntStats;
    try {
      st = fs.lstatSync(p, { bigint: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { real: p };
      throw e;
    }
    if (!st.isSymbolicLink()) return { real: p, stat: st };
    p = path.resolve(path.dirname(p), fs.readlinkSync(p));
  }
  throw errno('ELOOP', file);
}

/** Not writable for us, or marked read-only by its mode (root may write anything: the mode is the person's word). */
function readOnly(p: string, mode: bigint): boolean {
  if ((mode & 0o222n) === 0n) return true;
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EROFS') throw e;
    return code === 'EACCES' || code === 'EPERM';
  }
}

/** Where FILE really is (symlinks followed), without judging whether it may be written. */
export function locateTarget(file: string): Target & { readonly dirStat: fs.BigIntStats } {
  const followed = followLinks(file);
  // a folder is said to be one, whatever rename would answer (EISDIR, or EBUSY for ".")
  if (followed.stat?.isDirectory()) throw errno('EISDIR', file);
  const dir = fs.realpathSync(path.dirname(followed.real));
  const dirStat = fs.statSync(dir, { bigint: true });
  if (!dirStat.isDirectory()) throw errno('ENOTDIR', file);
  const base = path.basename(followed.real);
  return { file, real: path.join(dir, base), dir, base, stat: followed.stat, dirStat };
}

/** Whether the folder of a located target cannot be written (no lock can be taken there: no deskbook writes there). */
export function folderReadOnly(target: Target & { readonly dirStat: fs.BigIntStats }): boolean {
  return readOnly(target.dir, target.dirStat.mode);
}

/** FILE resolved to the file to write, checked; throws when it may not be written. */
export function resolveTarget(file: string): Target {
  const target = locateTarget(file);
  const st = target.stat;
  if (st) {
    if (!st.isFile()) throw new WriteRefused('writeNotRegular', { file });
    if (readOnly(target.real, st.mode)) throw new WriteRefused('writeReadOnly', { file });
    if (st.nlink > 1n) throw new WriteRefused('writeHardLinks', { file, n: Number(st.nlink) });
  }
  if (folderReadOnly(target)) throw new WriteRefused('writeReadOnlyFolder', { file, dir: target.dir });
  return target;
}

/** Whether two stats are the same file as it was: same file, size and modification time. */
export function sameState(a: fs.BigIntStats, b: fs.BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}
