#!/usr/bin/env node
// npm run bench, the CLI's start (issue 15): on a center's own small workbook the cost is starting,
// not reading. Times as separate processes, median of 5 runs each: node alone (the floor), `deskbook
// --help`, `deskbook --version` and `deskbook report monthly --json --no-write` on the demo workbook
// (`deskbook demo`), against the targets; then, for the report, where its time goes (node's
// own start, loading modules, opening and reading the file, the rest: the report and its JSON).
// Prints a table and writes it as JSON to .bench-cache/cli.json. Run after `npm run build:cli`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cache = path.join(root, '.bench-cache');
const cli = path.join(root, 'bin', 'deskbook.js');
const RUNS = Number(process.env.BENCH_CLI_RUNS || 5);
const AS_OF = '2026-11-25T17:30';

fs.mkdirSync(cache, { recursive: true });

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const hasGnuTime = fs.existsSync('/usr/bin/time');

/** One run of `node args…`: wall ms (hrtime round the child), CPU ms and peak MiB (GNU time, when there). */
function once(args, env = {}) {
  const cmd = hasGnuTime ? '/usr/bin/time' : process.execPath;
  const argv = hasGnuTime ? ['-f', '%U %S %M', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const childEnv = { ...process.env, ...env };
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: childEnv, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (!hasGnuTime) return { wallMs, stdout: r.stdout };
  const lines = r.stderr.trim().split('\n');
  const [user, sys, kib] = lines[lines.length - 1].split(' ').map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, peakMiB: kib / 1024, stdout: r.stdout, stderr: lines.slice(0, -1).join('\n') };
}

/** The CLI's runs leave out NODE_EXTRA_CA_CERTS: a sandbox sets it, node then parses a CA bundle at
 *  every start (some 60–70 ms here) for a CLI that opens no connection; the floor is shown both ways. */
const WITHOUT_CA = { NODE_EXTRA_CA_CERTS: undefined };

function timed(args, env = WITHOUT_CA) {
  const runs = Array.from({ length: RUNS }, () => once(args, env));
  const m = (key) => (runs[0][key] === undefined ? null : median(runs.map((r) => r[key])));
  return { wallMs: m('wallMs'), cpuMs: m('cpuMs'), peakMiB: m('peakMiB'), runsMs: runs.map((r) => Math.round(r.wallMs)) };
}

function ensureDemo() {
  const file = path.join(cache, 'cli-demo.xlsx');
  const stamp = path.join(cache, 'cli-demo.args');
  const want = JSON.stringify([AS_OF, fs.statSync(path.join(root, 'dist', 'domain', 'sample', 'index.js')).mtimeMs]);
  if (fs.existsSync(file) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return file;
  once([cli, 'demo', '--out', file, '--force', '--as-of', AS_OF]);
  fs.writeFileSync(stamp, want);
  return file;
}

// Where a report's time goes, measured inside one process by a preloaded hook: every module loaded
// (outermost requires, so nothing counts twice), and the file back end's open and reads (including
// whatever they load themselves, e.g. a reader loaded on first use).
const HOOK = `
const bootMs = performance.now();
const Module = require('module');
const load = Module._load;
let depth = 0, loadNs = 0n, readNs = 0n, modules = 0, inRead = 0n, loadsInRead = 0n;
const wrapped = new WeakSet();
function timeRead(fn) {
  return function (...args) {
    const t0 = process.hrtime.bigint();
    const done = () => { const ns = process.hrtime.bigint() - t0; readNs += ns; };
    let out;
    try { out = fn.apply(this, args); } catch (e) { done(); throw e; }
    if (out && typeof out.then === 'function') return out.finally(done);
    done();
    return out;
  };
}
Module._load = function (request, parent, isMain) {
  const t0 = process.hrtime.bigint();
  depth++;
  let exported;
  try { exported = load.apply(this, arguments); }
  finally {
    depth--;
    if (depth === 0) loadNs += process.hrtime.bigint() - t0;
  }
  const fw = exported && exported.FileWorkbook;
  if (fw && !wrapped.has(fw)) {
    wrapped.add(fw);
    fw.open = timeRead(fw.open);
    fw.prototype.readSheets = timeRead(fw.prototype.readSheets);
  }
  return exported;
};
process.on('exit', () => {
  modules = Object.keys(require.cache).length;
  process.stderr.write('BENCH ' + JSON.stringify({ loadMs: Number(loadNs) / 1e6, readMs: Number(readNs) / 1e6, modules, bootMs, afterBootMs: performance.now() - bootMs }) + '\\n');
});
`;

function breakdown(args) {
  const hook = path.join(cache, 'bench-cli-hook.js');
  fs.writeFileSync(hook, HOOK);
  const runs = Array.from({ length: RUNS }, () => {
    const r = once(['-r', hook, ...args], WITHOUT_CA);
    const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH '));
    return { ...JSON.parse(line.slice(6)), wallMs: r.wallMs };
  });
  const m = (key) => median(runs.map((r) => r[key]));
  return { wallMs: m('wallMs'), bootMs: m('bootMs'), loadMs: m('loadMs'), readMs: m('readMs'), modules: m('modules'), afterBootMs: m('afterBootMs') };
}

function main() {
  const demo = ensureDemo();
  const report = [cli, 'report', 'monthly', demo, '--json', '--no-write', '--as-of', AS_OF];
  const rows = [
    { task: 'node alone (node -e 0): the floor', targetMs: null, ...timed(['-e', '0']) },
    ...(process.env.NODE_EXTRA_CA_CERTS ? [{ task: 'node alone, NODE_EXTRA_CA_CERTS as set here', targetMs: null, ...timed(['-e', '0'], {}) }] : []),
    { task: 'deskbook --help', targetMs: 150, ...timed([cli, '--help']) },
    { task: 'deskbook --version', targetMs: null, ...timed([cli, '--version']) },
    { task: 'deskbook report monthly --json --no-write (demo)', targetMs: 350, ...timed(report) },
  ];
  for (const r of rows) r.met = r.targetMs === null ? null : r.wallMs <= r.targetMs;

  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  const ms = (v) => (v === null ? '' : v.toFixed(0));
  console.log(`\nCLI start, demo workbook (${path.relative(root, demo)}, ${(fs.statSync(demo).size / 1024).toFixed(0)} KiB)`);
  console.log(`${pad('task', 52)}${lpad('wall ms', 9)}${lpad('target', 8)}${lpad('', 6)}${lpad('cpu ms', 8)}${lpad('peak MiB', 10)}   runs`);
  for (const r of rows) {
    const verdict = r.met === null ? '' : r.met ? 'ok' : 'over';
    console.log(`${pad(r.task, 52)}${lpad(ms(r.wallMs), 9)}${lpad(r.targetMs ?? '', 8)}${lpad(verdict, 6)}${lpad(ms(r.cpuMs), 8)}${lpad(r.peakMiB === null ? '' : r.peakMiB.toFixed(0), 10)}   ${r.runsMs.join(' ')}`);
  }

  const b = breakdown(report);
  const floor = rows[0].wallMs;
  const split = {
    // node -e 0 whole, and node's start up to the first line of ours (measured inside)
    nodeAloneMs: floor,
    nodeBootMs: b.bootMs,
    moduleLoadMs: b.loadMs,
    readMs: b.readMs,
    // in the process, neither loading nor reading: parsing the command line, the report, its JSON
    restMs: Math.max(0, b.afterBootMs - b.loadMs - b.readMs),
    modules: b.modules,
    wallWithHookMs: b.wallMs,
  };
  console.log(`\nwhere the report's time goes (median of ${RUNS}, hooked runs, ${b.modules} modules loaded):`);
  console.log(`  node's own start ${ms(b.bootMs)} ms (node -e 0 whole: ${ms(floor)} ms) · loading modules ${ms(b.loadMs)} ms · opening and reading the file ${ms(b.readMs)} ms (with what it loads itself) · the rest (report, JSON) ${ms(split.restMs)} ms`);

  const out = { date: new Date().toISOString(), node: process.version, runs: RUNS, demo: path.relative(root, demo), rows, report: split };
  fs.writeFileSync(path.join(cache, 'cli.json'), JSON.stringify(out, null, 2));
  console.log(`\n(median of ${RUNS} runs; results in .bench-cache/cli.json)`);
}

main();
