// deskbook restore: the versions kept in `.deskbook/` beside a workbook (versions.ts), listed, or one
// put back. Putting one back is a write like any other (the lock, the target's identity, no overwrite
// of a change made meanwhile) that keeps the current content as a new version first, so a restore is
// undone by restoring that one. The bytes are put back as kept (checked against their SHA-256): a
// workbook too damaged to open can be restored too.
import * as fs from 'node:fs';
import { Lang } from '../domain/enums';
import { beginWrite, FileProblem, osReason, sameBytes, writeThrough } from './files';
import { WriteRefused } from './refusals';
import { t } from './strings';
import { locateTarget } from './target';
import { KeptVersion, listVersions, sha256 } from './versions';

export interface RestoreOptions {
  readonly list?: boolean;
  readonly version?: number;
  readonly json?: boolean;
  readonly lang?: Lang;
}

interface Io {
  out(line: string): void;
}

/** A size as people read it: 812 B, 47.1 KB, 3.2 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const when = (iso: string) => iso.replace('T', ' ');

function versionJson(v: KeptVersion) {
  return { version: v.number, keptAt: v.keptAt, size: v.size, command: v.command ?? null };
}

/** Runs `deskbook restore`; returns the exit code. */
export async function runRestore(io: Io, file: string, opts: RestoreOptions): Promise<number> {
  const lang = opts.lang ?? 'zh';
  let versions: KeptVersion[];
  try {
    const where = locateTarget(file);
    versions = listVersions(where.dir, where.base);
  } catch (e) {
    throw new FileProblem('READ_FAILED', file, osReason(e));
  }
  if (opts.list) {
    if (opts.json) io.out(JSON.stringify(versions.map(versionJson), null, 2));
    else if (versions.length === 0) io.out(t(lang, 'restoreNone', { file }));
    else {
      io.out(t(lang, 'restoreListHeader', { file }));
      for (const v of versions) {
        io.out(t(lang, 'restoreListLine', { n: v.number, time: when(v.keptAt), size: sizeText(v.size), command: v.command ? t(lang, 'restoreBefore', { command: v.command }) : '' }).trimEnd());
      }
      io.out(t(lang, 'restoreHow', { file }));
    }
    return 0;
  }
  if (versions.length === 0) throw new WriteRefused('restoreNone', { file });
  const chosen = opts.version === undefined ? versions[0] : versions.find((v) => v.number === opts.version);
  if (!chosen) throw new WriteRefused('restoreNoSuch', { file, n: opts.version!, list: versions.map((v) => v.number).join(lang === 'zh' ? '、' : ', ') });
  // read before anything is kept: keeping the current one may prune the chosen one
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(chosen.path);
  } catch (e) {
    throw new FileProblem('READ_FAILED', chosen.path, osReason(e));
  }
  if (chosen.sha256 && sha256(bytes) !== chosen.sha256) throw new WriteRefused('restoreDamaged', { file, n: chosen.number });
  const writing = await beginWrite(file, true);
  if (writing.bytes && sameBytes(writing.bytes, bytes)) {
    if (opts.json) io.out(JSON.stringify({ restored: versionJson(chosen), kept: null, unchanged: true }, null, 2));
    else io.out(t(lang, 'restoreSame', { file, n: chosen.number }));
    return 0;
  }
  const kept = writeThrough(writing, bytes, true);
  if (opts.json) io.out(JSON.stringify({ restored: versionJson(chosen), kept: kept ? versionJson(kept) : null, unchanged: false }, null, 2));
  else if (kept) io.out(t(lang, 'restored', { file, n: chosen.number, time: when(chosen.keptAt), kept: kept.number }));
  else io.out(t(lang, 'wrote', { file }));
  return 0;
}
