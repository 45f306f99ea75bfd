// Running the CLI in-process, as the tests of test/cli do.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';

/** Runs `deskbook argv…`; returns the exit code and what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A path named `name` in a fresh temporary directory. */
export function tmpFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-cli-')), name);
}

export const ROOT = path.join(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'deskbook.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The compiled CLI that bin/deskbook.js runs (`npm test` builds it before jest): built here when it
 *  is missing or older than its sources, so that a test of the installed command tests this code. */
export function ensureCliBuilt(): void {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  const sources = Math.max(...['cli', 'app', 'domain', 'workbook'].map((d) => newestSource(path.join(ROOT, 'src', d))));
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT });
}
