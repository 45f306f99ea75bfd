// One writer at a time: a lock file beside the workbook, `.FILE.deskbook-lock`, holding who took it
// (pid, host, command, since). It is created whole or not at all (written under a temporary name, then
// hard-linked to the lock's name, which fails when the name is taken; where links are not supported,
// O_EXCL). A second deskbook polls for a few seconds, then says who holds it.
//
// A lock left by a process of this host that is no longer running (killed, a power cut) is taken
// over. Taking over goes through a second, short-lived guard file (`.FILE.deskbook-lock-takeover`,
// O_EXCL) so that two processes finding the same stale lock cannot both remove it and each believe
// they hold the new one. A lock of another host is never taken over: deskbook cannot see whether that
// process runs; the message says how to remove it by hand.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nowIso } from '../app/clock';
import { WriteRefused } from './refusals';

/** This machine's name as the lock and temporary files carry it. */
export const HOST = os.hostname() || 'localhost';
/** HOST as a file name may carry it. */
export const HOST_TAG = HOST.replace(/[^A-Za-z0-9._-]/g, '_');

/** Whether a process of this host runs with that pid (another user's too). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  /** the command line, `report weekly 台账.xlsx` */
  readonly command: string;
  /** wall-clock time it was taken, 2026-12-02T10:30:05 */
  readonly since: string;
}

export interface Lock {
  readonly path: string;
  readonly info: LockInfo;
}

export interface LockWait {
  /** how long to wait for another writer, in milliseconds */
  readonly waitMs: number;
  /** said once, when the lock is found taken */
  readonly onWait?: (holder: LockInfo | undefined) => void;
}

const POLL_MS = 100;
/** A lock file nobody can read (a crash between create and write on a file system without links) is
 *  stale once this old: its writer would have written it within milliseconds. */
const UNREADABLE_STALE_MS = 60_000;

export function lockPath(dir: string, base: string): string {
  return path.join(dir, `.${base}.deskbook-lock`);
}

function guardPath(lock: string): string {
  return `${lock}-takeover`;
}

/** Locks held by this process (by path): a lock naming our own pid that is not among them is a
 *  previous process's that had the same pid. */
const held = new Map<string, string>();

function readInfo(p: string): { text: string; info?: LockInfo } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (typeof info.pid === 'number' && typeof info.host === 'string') return { text, info };
  } catch {
    // written halfway, or not ours
  }
  return { text };
}

/** Whether the holder of a lock is gone for sure: a dead pid of this host, our own pid from an earlier process. */
function stale(p: string, found: { text: string; info?: LockInfo }): boolean {
  const info = found.info;
  if (!info) {
    try {
      return Date.now() - fs.statSync(p).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return false;
    }
  }
  if (info.host !== HOST) return false;
  if (info.pid === process.pid) return !held.has(p);
  return !isAlive(info.pid);
}

/** Creates `p` holding `text`, or returns false when it exists. */
function createExclusive(p: string, text: string, tmpTag: string): boolean {
  const tmp = `${p}.${tmpTag}`;
  fs.writeFileSync(tmp, text, { flag: 'w' });
  try {
    fs.linkSync(tmp, p);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // no hard links here (FAT, some network shares): O_EXCL; a crash before the write leaves an empty lock, stale after a minute
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EMLINK') {
      try {
        fs.writeFileSync(p, text, { flag: 'wx' });
        return true;
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e2;
      }
    }
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** A guard left by a taker killed in its few microseconds: removed by the next holder of the lock. */
function removeDeadGuard(p: string): void {
  const g = readInfo(guardPath(p));
  if (g?.info && g.info.host === HOST && (g.info.pid === process.pid || !isAlive(g.info.pid))) fs.rmSync(guardPath(p), { force: true });
}

/** Removes a stale lock under the guard; true when it is gone (by us or someone else). */
function takeOver(p: string, seen: string): boolean {
  const guard = guardPath(p);
  const me = JSON.stringify({ pid: process.pid, host: HOST });
  let got: boolean;
  try {
    fs.writeFileSync(guard, me, { flag: 'wx' });
    got = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    got = false;
  }
  if (!got) {
    // a guard whose taker died in its few microseconds is removed; the next poll takes over
    const g = readInfo(guard);
    if (g?.info && g.info.host === HOST && !isAlive(g.info.pid)) fs.rmSync(guard, { force: true });
    return false;
  }
  try {
    const now = readInfo(p);
    if (!now) return true;
    if (now.text !== seen || !stale(p, now)) return false;
    fs.rmSync(p, { force: true });
    return true;
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Takes the lock of the workbook `base` in `dir` (named `file` in messages) for `command`; waits up
 *  to `wait.waitMs` for another writer, then refuses naming it. */
export async function acquireLock(dir: string, base: string, file: string, command: string, wait: LockWait): Promise<Lock> {
  const p = lockPath(dir, base);
  const info: LockInfo = { pid: process.pid, host: HOST, command, since: nowIso() };
  const text = JSON.stringify(info);
  const deadline = Date.now() + wait.waitMs;
  let told = false;
  for (;;) {
    if (createExclusive(p, text, `deskbook-tmp-${process.pid}-${HOST_TAG}`)) {
      held.set(p, text);
      removeDeadGuard(p);
      return { path: p, info };
    }
    const found = readInfo(p);
    if (!found) continue;
    if (stale(p, found)) {
      if (!takeOver(p, found.text)) await sleep(POLL_MS);
      continue;
    }
    if (Date.now() >= deadline) {
      const holder = found.info;
      const where = holder && holder.host !== HOST ? holder.host : '';
      throw new WriteRefused(where ? 'inUseElsewhere' : 'inUse', {
        file,
        pid: holder?.pid ?? '?',
        command: holder?.command ?? '?',
        since: holder ? holder.since.replace('T', ' ') : '?',
        host: where,
        lock: p,
      });
    }
    if (!told) {
      told = true;
      wait.onWait?.(found.info);
    }
    await sleep(POLL_MS);
  }
}

/** Gives the lock back, if it is still ours. */
export function releaseLock(lock: Lock): void {
  const ours = held.get(lock.path);
  held.delete(lock.path);
  try {
    if (ours !== undefined && fs.readFileSync(lock.path, 'utf8') === ours) fs.rmSync(lock.path, { force: true });
  } catch {
    // already gone
  }
}

/** Every lock this process holds, given back (the end of a command, whatever became of it). */
export function releaseAllLocks(): void {
  for (const [p, text] of [...held]) releaseLock({ path: p, info: JSON.parse(text) as LockInfo });
}
