#!/usr/bin/env node
// npm run soak: issue 14's attack on the CLI, at large counts, as real processes of the built CLI.
// SIGKILLs at random moments of writing commands (SOAK_KILLS, default 1,000), pairs of writers on
// one file (SOAK_PAIRS, 100), fuzzed cells through validate, report and arrears (SOAK_CELLS, 10,000),
// and the hostile corpus against every command. The code is test/fixtures/hostile/soak.ts, the very
// module test/cli/hostile.test.ts runs with small counts on every `npm test` (loaded here by
// scripts/ts-require.js). Prints the figures and writes them to .soak-cache/results.json after each
// phase; exits 1 if anything failed. Timings never go into a test: they are here. Each count may be
// 0 to leave its phase out.
require('./ts-require');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { makeCorpus } = require('../test/fixtures/hostile/make.ts');
const soak = require('../test/fixtures/hostile/soak.ts');

/** Where the corpus, the work and results.json go: SOAK_DIR, else .soak-cache/ (gitignored); two
 *  soaks at once (one phase each) need a folder each. SOAK_CORPUS=0 leaves the corpus out. */
const root = path.resolve(process.env.SOAK_DIR || path.join(__dirname, '..', '.soak-cache'));
const count = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} should be a whole number (it is "${raw}")`);
  return n;
};
const KILLS = count('SOAK_KILLS', 1000);
const PAIRS = count('SOAK_PAIRS', 100);
const CELLS = count('SOAK_CELLS', 10000);
const CORPUS = process.env.SOAK_CORPUS !== '0';
/** Processes at a time in each phase (kill workers, pairs, fuzzed workbooks, corpus runs): SOAK_WORKERS. */
const WORKERS = count('SOAK_WORKERS', 2) || 1;
/** The 1,048,575-row cases cost half a minute and over a gigabyte a command: status, validate (the
 *  first 100,000 problems listed of some six million) and validate --mark; bounded by ROWS_BOUNDS. */
const ROWS_COMMANDS = ['status', 'validate', 'validate --mark'];

const started = new Date();
const work = path.join(root, 'work');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const results = {
  started: started.toISOString(),
  machine: soak.machine(),
  load: os.loadavg().map((x) => Math.round(x * 10) / 10),
  counts: { kills: KILLS, pairs: PAIRS, cells: CELLS },
};
const say = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const save = () => fs.writeFileSync(path.join(root, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const seconds = (since) => Math.round((Date.now() - since) / 1000);

async function main() {
  const base = soak.baseWorkbook(work);
  const planted = soak.baseWorkbook(work, true);
  let failed = 0;

  if (KILLS > 0) {
    const t = Date.now();
    let reported = 0;
    say(`kills: ${KILLS} SIGKILLs at random moments of ${soak.KILLED.join(', ')}`);
    const figures = await soak.killSoak(base, work, KILLS, {
      seed: 14,
      workers: WORKERS,
      onKill: (f) => {
        if (f.kills < reported + 25) return;
        reported = f.kills;
        say(`  ${f.kills} kills, ${f.survived} survived, rows lost ${f.rowsLost}, ${f.nextRunsChecked} next runs checked, ${f.failures.length} failures`);
        // the figures so far, should the soak be stopped before the end
        results.kills = { ...f, failures: f.failures.slice(0, 50), seconds: seconds(t), partial: true };
        save();
      },
    });
    results.kills = { ...figures, failures: figures.failures.slice(0, 50), seconds: seconds(t) };
    failed += figures.failures.length;
    say(`kills: ${figures.kills} killed (${figures.finished} runs finished first), ${figures.survived} survived, rows lost ${figures.rowsLost}, ${figures.nextRunsChecked} next runs checked for leftovers, ${figures.failures.length} failures`);
    save();
  }

  if (PAIRS > 0) {
    const t = Date.now();
    say(`pairs: ${PAIRS} pairs of writers on one file`);
    let reported = 0;
    const figures = await soak.pairSoak(planted, work, PAIRS, {
      width: Math.max(1, WORKERS >> 1),
      onPair: (f) => {
        if (f.pairs < reported + 10) return;
        reported = f.pairs;
        say(`  ${f.pairs} pairs, both landed ${f.bothLanded}, one refused ${f.oneRefused}, lost updates ${f.lostUpdates}, rows lost ${f.rowsLost}, ${f.failures.length} failures`);
        results.pairs = { ...f, failures: f.failures.slice(0, 50), seconds: seconds(t), partial: true };
        save();
      },
    });
    results.pairs = { ...figures, failures: figures.failures.slice(0, 50), seconds: seconds(t) };
    failed += figures.failures.length;
    say(`pairs: ${figures.pairs}, both landed ${figures.bothLanded}, one refused ${figures.oneRefused}, lost updates ${figures.lostUpdates}, rows lost ${figures.rowsLost}, ${figures.failures.length} failures`);
    save();
  }

  if (CELLS > 0) {
    const t = Date.now();
    say(`fuzz: ${CELLS} fuzzed cells`);
    const figures = await soak.fuzzSoak(base, work, CELLS, { seed: 14, width: WORKERS });
    results.fuzz = { ...figures, failures: figures.failures.slice(0, 50), seconds: seconds(t) };
    failed += figures.failures.length;
    say(`fuzz: ${figures.cells} cells in ${figures.workbooks} workbooks, ${figures.runs} runs, crashes ${figures.crashes}, rows lost ${figures.rowsLost}, ${figures.failures.length} failures`);
    save();
  }

  if (CORPUS) {
    const t = Date.now();
    const corpusDir = path.join(root, 'corpus');
    fs.rmSync(corpusDir, { recursive: true, force: true });
    const cases = makeCorpus(corpusDir, base);
    const jobs = cases.flatMap((c) => soak.COMMANDS.filter((cmd) => !c.soakOnly || ROWS_COMMANDS.includes(cmd.name)).map((cmd) => ({ c, cmd })));
    say(`corpus: ${cases.length} cases, ${jobs.length} runs`);
    // the promise's bound (docs/reliability.md): 1.5 GiB, as in npm test; a 150 MB sheet just under
    // the part limit, read and rewritten by ids, measures about a gigabyte
    const bounds = { memoryMiB: soak.DEFAULT_BOUNDS.memoryMiB, ms: 300_000 };
    // a million rows live in about a gigabyte, and V8 lets its heap grow past what it holds: 2 GiB,
    // a twelfth of this 24 GiB machine
    const ROWS_BOUNDS = { memoryMiB: 2048, ms: 300_000 };
    const runs = await soak.pool(jobs, WORKERS, async ({ c, cmd }) => {
      const r = await soak.meet(corpusDir, c, cmd, work, c.soakOnly ? ROWS_BOUNDS : bounds);
      return { name: c.name, command: cmd.name, code: r.ran.code, ms: r.ran.ms, peakMiB: r.ran.peakMiB, failures: r.failures };
    });
    const byCase = {};
    for (const r of runs) {
      const entry = (byCase[r.name] ??= { runs: 0, exits: {}, maxMs: 0, maxPeakMiB: 0, failures: [] });
      entry.runs++;
      entry.exits[r.code] = (entry.exits[r.code] ?? 0) + 1;
      entry.maxMs = Math.max(entry.maxMs, r.ms);
      entry.maxPeakMiB = Math.max(entry.maxPeakMiB, r.peakMiB ?? 0);
      entry.failures.push(...r.failures);
    }
    const failures = runs.flatMap((r) => r.failures);
    results.corpus = { cases: cases.length, runs: runs.length, failures: failures.length, byCase, seconds: seconds(t) };
    failed += failures.length;
    for (const [name, e] of Object.entries(byCase)) say(`  ${name}: ${e.runs} runs, exits ${JSON.stringify(e.exits)}, at most ${e.maxMs} ms and ${e.maxPeakMiB} MiB${e.failures.length ? `, ${e.failures.length} failures` : ''}`);
    for (const f of failures) say(`  FAILED ${f}`);
    save();
  }

  const inputs = (results.kills ? results.kills.kills + results.kills.finished + results.kills.nextRunsChecked : 0) + (results.pairs ? results.pairs.pairs * 2 : 0) + (results.fuzz ? results.fuzz.runs : 0) + (results.corpus ? results.corpus.runs : 0);
  results.summary = {
    runs: inputs,
    killsSurvived: results.kills?.survived ?? 0,
    concurrentPairs: results.pairs?.pairs ?? 0,
    fuzzedCells: results.fuzz?.cells ?? 0,
    rowsLost: (results.kills?.rowsLost ?? 0) + (results.pairs?.rowsLost ?? 0) + (results.fuzz?.rowsLost ?? 0),
    failures: failed,
  };
  results.finished = new Date().toISOString();
  results.minutes = Math.round((Date.now() - started.getTime()) / 6000) / 10;
  save();
  say(`summary: ${JSON.stringify(results.summary)} in ${results.minutes} min; written to ${path.join(root, 'results.json')}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 3;
});
