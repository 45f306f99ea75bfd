// Replacing a file through its own identity: the new bytes go to a temporary file beside it, created
// with the file's mode and owner, written whole and fsynced; a rename puts it in place and the folder
// is fsynced, so a kill at any moment leaves either the old file or the new one, never half of either.
//
// Temporary files are named `.FILE.deskbook-tmp-<pid>-<host>`: the next run that writes FILE removes
// those of this host whose process is no longer running (and its own pid's, left by an earlier process
// that had it), never a live process's, never another host's (a shared or synced folder). The names of
// earlier versions, `.FILE.<pid>.<ms>.tmp`, are removed the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nowIso } from '../app/clock';
import { HOST, HOST_TAG, isAlive } from './lock';

/** The temporary file of this process for `base` in `dir`. */
export function tempPath(dir: string, base: string): string {
  return path.join(dir, `.${base}.deskbook-tmp-${process.pid}-${HOST_TAG}`);
}

const TAGGED = /\.deskbook-tmp-(\d+)-(.+)$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a leftover of process `pid` on host `tag` is surely abandoned. */
function abandoned(pid: number, tag: string): boolean {
  if (tag !== HOST_TAG) return false;
  return pid === process.pid || !isAlive(pid);
}

/**
 * Removes the temporary files in `dir` that their process left behind: for the workbook `base`
 * (`.BASE.…deskbook-tmp-<pid>-<host>`, and `.BASE.<pid>.<ms>.tmp` of earlier versions), or, without
 * `base`, any (a folder of kept versions). Returns the names removed.
 */
export function removeLeftovers(dir: string, base?: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const legacy = base === undefined ? undefined : new RegExp(`^\\.${escape(base)}\\.(\\d+)\\.\\d+\\.tmp$`);
  const removed: string[] = [];
  for (const name of names) {
    if (base !== undefined && !name.startsWith(`.${base}.`)) continue;
    const tagged = TAGGED.exec(name);
    const old = legacy?.exec(name);
    const gone = tagged ? abandoned(Number(tagged[1]), tagged[2]) : old ? Number(old[1]) === process.pid || !isAlive(Number(old[1])) : false;
    if (!gone) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // another cleaner got there first, or it cannot be removed: it harms nothing
    }
  }
  return removed;
}

/** fsync of a folder, so that a rename in it survives a power cut (not possible on Windows: skipped). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; some file systems refuse fsync on one
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `bytes` whole into a new file `p` (O_EXCL), with the mode and owner of `like` when given
 *  (the owner only where we may: root, or our own file), fsynced. */
export function writeNew(p: string, bytes: Uint8Array, like?: fs.BigIntStats): void {
  const fd = fs.openSync(p, 'wx', 0o666);
  try {
    if (like) {
      const uid = Number(like.uid);
      const gid = Number(like.gid);
      if (process.getuid?.() !== uid || process.getgid?.() !== gid) {
        try {
          fs.fchownSync(fd, uid, gid);
        } catch {
          // not permitted: the file is ours now, as with any editor's save
        }
      }
      // after the owner: chown may clear set-id bits
      fs.fchmodSync(fd, Number(like.mode & 0o7777n));
    }
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the temporary file of `base` in `dir`; returns its path. */
export function writeTemp(dir: string, base: string, bytes: Uint8Array, like?: fs.BigIntStats): string {
  const tmp = tempPath(dir, base);
  // our own pid's name can only be a leftover of an earlier process that had it
  fs.rmSync(tmp, { force: true });
  try {
    writeNew(tmp, bytes, like);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return tmp;
}

/** Puts `tmp` at `real` where nothing is: a hard link, which fails when a file appeared there; false
 *  then. Where links are not supported, a rename after a look. */
export function placeNew(tmp: string, real: string): boolean {
  try {
    fs.linkSync(tmp, real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK' && code !== 'EXDEV') throw e;
    if (fs.existsSync(real)) return false;
    fs.renameSync(tmp, real);
    return true;
  }
  fs.rmSync(tmp, { force: true });
  return true;
}

/** `台账 (deskbook 2026-12-02 1030).xlsx` beside `real`, created from `tmp` without replacing anything
 *  (` 2`, ` 3`… after the time when taken); returns its path. */
export function placeBeside(tmp: string, real: string): string {
  const ext = path.extname(real);
  const stem = real.slice(0, real.length - ext.length);
  const stamp = nowIso().slice(0, 16).replace('T', ' ').replace(':', '');
  for (let n = 1; ; n++) {
    const candidate = `${stem} (deskbook ${stamp}${n > 1 ? ` ${n}` : ''})${ext}`;
    if (placeNew(tmp, candidate)) return candidate;
  }
}

/**
 * A pause for tests only: with DESKBOOK_TEST_PAUSE_BEFORE_REPLACE=PATH in the environment, a write
 * that has its temporary file ready creates PATH (holding the pid) and waits until PATH is removed
 * (at most two minutes) before it checks the target and replaces it. A test changes the workbook or
 * kills the process meanwhile. Nothing else reads it.
 */
export function testPause(): void {
  const marker = process.env.DESKBOOK_TEST_PAUSE_BEFORE_REPLACE;
  if (!marker) return;
  fs.writeFileSync(marker, `${process.pid} ${HOST}`);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 6000 && fs.existsSync(marker); i++) Atomics.wait(cell, 0, 0, 20);
}
