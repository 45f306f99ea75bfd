// The built CLI as a real child process (bin/deskbook.js), for what only separate processes show:
// two writers at once, a kill in the middle of a write. Call ensureCliBuilt() first.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { BIN } from './cli';

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

export interface Started {
  readonly child: ChildProcess;
  readonly done: Promise<Finished>;
}

/** Starts `deskbook argv…` with `env` added to this process's environment. */
export function startCli(argv: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out: out.trimEnd(), err: err.trimEnd() }));
  });
  return { child, done };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `file` exists (a child's test-hook marker); fails the test after `limitMs`. */
export async function waitForFile(file: string, limitMs = 60000): Promise<void> {
  for (let waited = 0; !fs.existsSync(file); waited += 20) {
    if (waited > limitMs) throw new Error(`${file} did not appear`);
    await sleep(20);
  }
}

/** The pid of a process that has ended (spawned, run, reaped). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

/** A process that runs until killed: a live pid that is not this one. */
export function livePid(): { pid: number; stop(): void } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

/** Whether mkfifo exists here (not on Windows). */
export function hasMkfifo(): boolean {
  return process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
}
