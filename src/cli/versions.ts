// Versions kept: before deskbook replaces a workbook, the bytes it replaces are kept beside it, in
// `.deskbook/FILE/` next to the file, as `v<N>.xlsx` (N counts up, never reused while one is kept)
// with `v<N>.json` (when it was kept, by which command, its size and SHA-256). The last
// DESKBOOK_KEEP_VERSIONS (default 10; 0 keeps none) of each workbook are kept; `deskbook restore`
// lists and restores them. A kept version has the workbook's mode and owner (a private 0600 workbook
// stays private in its versions).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nowIso } from '../app/clock';
import { fsyncDir, removeLeftovers, tempPath, writeNew } from './replace';
import { WriteRefused } from './refusals';

export const DEFAULT_KEEP_VERSIONS = 10;

/** How many versions of each workbook to keep: DESKBOOK_KEEP_VERSIONS, else 10. */
export function keepVersions(): number {
  const raw = process.env.DESKBOOK_KEEP_VERSIONS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_KEEP_VERSIONS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new WriteRefused('badKeepVersions', { value: raw });
  return n;
}

export interface KeptVersion {
  readonly number: number;
  /** the kept bytes */
  readonly path: string;
  readonly size: number;
  /** wall-clock time it was replaced, 2026-12-02T10:30:05 */
  readonly keptAt: string;
  /** the command that replaced it (`report weekly 台账.xlsx`), when known */
  readonly command?: string;
  readonly sha256?: string;
}

interface Meta {
  readonly number: number;
  readonly keptAt: string;
  readonly command: string;
  readonly size: number;
  readonly sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a file's bytes, read a piece at a time (a large workbook is never whole in memory
 *  a second time only to be hashed). */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const piece = Buffer.allocUnsafe(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n = fs.readSync(fd, piece, 0, piece.length, null); n > 0; n = fs.readSync(fd, piece, 0, piece.length, null)) hash.update(piece.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Where the versions of the workbook `base` in `dir` are kept. */
export function versionsDir(dir: string, base: string): string {
  return path.join(dir, '.deskbook', base);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A file time as wall-clock ISO text, for a version whose .json is missing. */
function wallClock(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The kept versions of the workbook `base` in `dir`, newest first. */
export function listVersions(dir: string, base: string): KeptVersion[] {
  const vdir = versionsDir(dir, base);
  let names: string[];
  try {
    names = fs.readdirSync(vdir);
  } catch {
    return [];
  }
  const versions: KeptVersion[] = [];
  for (const name of names) {
    const m = /^v(\d+)(\.[^.]+)?$/.exec(name);
    if (!m || m[2] === '.json') continue;
    const number = Number(m[1]);
    const p = path.join(vdir, name);
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    let meta: Partial<Meta> = {};
    try {
      meta = JSON.parse(fs.readFileSync(path.join(vdir, `v${number}.json`), 'utf8')) as Meta;
    } catch {
      // kept, but its note was lost: the file's own time and size
    }
    versions.push({ number, path: p, size: st.size, keptAt: meta.keptAt ?? wallClock(st.mtime), command: meta.command, sha256: meta.sha256 });
  }
  return versions.sort((a, b) => b.number - a.number);
}

/** Removes a kept version and its note. */
export function dropVersion(v: KeptVersion): void {
  fs.rmSync(v.path, { force: true });
  fs.rmSync(path.join(path.dirname(v.path), `v${v.number}.json`), { force: true });
}

/** Keeps `bytes`, the workbook `base` in `dir` as it was before `command` replaces it; `like` gives
 *  the mode and owner; `hash`, the bytes' SHA-256 when it is known. Returns the version. */
export function keepVersion(dir: string, base: string, bytes: Uint8Array, command: string, like?: fs.BigIntStats, hash?: string): KeptVersion {
  const vdir = versionsDir(dir, base);
  fs.mkdirSync(vdir, { recursive: true });
  removeLeftovers(vdir);
  const number = (listVersions(dir, base)[0]?.number ?? 0) + 1;
  const ext = path.extname(base) || '.xlsx';
  const p = path.join(vdir, `v${number}${ext}`);
  const meta: Meta = { number, keptAt: nowIso(), command, size: bytes.length, sha256: hash ?? sha256(bytes) };
  for (const [target, content] of [
    [p, bytes],
    [path.join(vdir, `v${number}.json`), new TextEncoder().encode(JSON.stringify(meta, null, 2))],
  ] as const) {
    const tmp = tempPath(vdir, path.basename(target));
    fs.rmSync(tmp, { force: true });
    try {
      writeNew(tmp, content, like);
      fs.renameSync(tmp, target);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }
  fsyncDir(vdir);
  return { number, path: p, size: bytes.length, keptAt: meta.keptAt, command, sha256: meta.sha256 };
}

/** Keeps only the newest `keep` versions of the workbook `base` in `dir`. */
export function pruneVersions(dir: string, base: string, keep: number): void {
  for (const v of listVersions(dir, base).slice(keep)) dropVersion(v);
}
