#!/usr/bin/env node
// npm run bench: the speed of the engine on large workbooks, side by side in one run.
// Generates the workbooks once (cached in .bench-cache/), then times, as separate processes, the bare
// SheetJS read of each file and each CLI command on it, and in this process the domain alone on the
// parsed rows and the file back end's saves. Prints a table (median of several runs, rows, ms, ratio
// to the bare read, peak memory) and writes it as JSON to .bench-cache/results.json. Every timing of
// the project lives here: the tests assert what the code does, never how fast a machine ran it.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const cliProgress = require('cli-progress');

const root = path.join(__dirname, '..');
const cache = path.join(root, '.bench-cache');
const cli = path.join(root, 'bin', 'deskbook.js');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const AS_OF = '2026-11-25T17:30';

// 100,000 tickets and about 100,000 charges; and 50,000 tickets (the validation target of issue 4).
// bench-100k-inline is bench-100k with every shared string written inline in its cell (t="inlineStr"),
// as some tools write them: larger sheets (the string table is left in place, no cell points into it).
const WORKBOOKS = [
  { name: 'bench-50k', args: ['--units', '2500', '--months', '10', '--tickets', '50000', '--seed', '7'] },
  { name: 'bench-100k', args: ['--units', '5000', '--months', '10', '--tickets', '100000', '--seed', '7'] },
  { name: 'bench-100k-inline', inlineOf: 'bench-100k', args: ['--units', '5000', '--months', '10', '--tickets', '100000', '--seed', '7'] },
];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;

fs.mkdirSync(cache, { recursive: true });

function timed(cmd, args) {
  // GNU time reports the child's peak resident memory (KiB) beside the wall time.
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = r.stderr.trim().split('\n');
  const [secs, kib] = lines[lines.length - 1].split(' ').map(Number);
  return { ms: secs * 1000, peakMiB: kib / 1024, status: r.status, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The workbook at `from` with each shared string of its sheets written inline in the cell. */
function inlineCopy(from, to) {
  const { unzipSync, zipSync, strFromU8, strToU8 } = require('fflate');
  const parts = unzipSync(new Uint8Array(fs.readFileSync(from)));
  const sst = strFromU8(parts['xl/sharedStrings.xml']);
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
  for (const name of Object.keys(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(parts[name]).replace(/<c([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a, b, i) => `<c${a} t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`);
    parts[name] = strToU8(xml);
  }
  fs.writeFileSync(to, zipSync(parts, { level: 6 }));
}

function ensureWorkbook(w) {
  const file = path.join(cache, `${w.name}.xlsx`);
  const stamp = path.join(cache, `${w.name}.args`);
  const want = JSON.stringify([...w.args, AS_OF, fs.statSync(path.join(root, 'dist', 'domain', 'sample', 'index.js')).mtimeMs]);
  if (fs.existsSync(file) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return { file, generated: null };
  if (w.inlineOf) {
    const source = ensureWorkbook(WORKBOOKS.find((x) => x.name === w.inlineOf)).file;
    inlineCopy(source, file);
    fs.writeFileSync(stamp, want);
    return { file, generated: null };
  }
  const g = timed(process.execPath, [cli, 'demo', '--out', file, '--force', '--as-of', AS_OF, '--no-plant', ...w.args]);
  if (g.status !== 0) throw new Error(`demo failed: ${g.stderr}`);
  fs.writeFileSync(stamp, want);
  return { file, generated: g };
}

const BARE_READ = `
const XLSX = require('xlsx'); const fs = require('fs');
const wb = XLSX.read(fs.readFileSync(process.argv[1]), { type: 'buffer', dense: true });
let rows = 0;
for (const n of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1, raw: true }).length;
console.log(rows);
`;

/** The file back end's read alone: every sheet into grids (argv: file, reader). */
const BACK_END_READ = `
const { FileWorkbook } = require(${JSON.stringify(path.join(root, 'dist', 'workbook', 'file'))});
const fs = require('fs');
(async () => {
  const wb = FileWorkbook.open(new Uint8Array(fs.readFileSync(process.argv[1])), { reader: process.argv[2] });
  const grids = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
  if (wb.lastReader !== process.argv[2]) throw new Error('read by ' + wb.lastReader + ', not ' + process.argv[2]);
  console.log(grids.reduce((n, g) => n + g.rows.length, 0));
})();
`;

function medianMs(fn) {
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first run warms the JIT
  }
  return median(times);
}

/** medianMs for async work; `prepare` runs before each timed run, outside the timing. */
async function medianMsAsync(prepare, fn) {
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const input = await prepare();
    const t0 = process.hrtime.bigint();
    await fn(input);
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

async function domainAlone(file) {
  // The domain on rows already parsed by the file back end: reading tables (find columns, convert
  // every cell), the validation rules on those tables, and both.
  const { FileWorkbook } = require(path.join(root, 'dist', 'workbook', 'file'));
  const { readTable } = require(path.join(root, 'dist', 'domain', 'table'));
  const { sheetDefByName } = require(path.join(root, 'dist', 'domain', 'schema'));
  const { validateAll, validateRecords, sheetFacts, updateFacts, relatedRows } = require(path.join(root, 'dist', 'domain', 'rules'));
  const { settingsFromTable } = require(path.join(root, 'dist', 'domain', 'settings'));
  const { parseWallText } = require(path.join(root, 'dist', 'domain', 'time'));
  const wb = FileWorkbook.open(fs.readFileSync(file));
  const sheets = await wb.listSheets();
  const grids = await wb.readSheets(sheets.map((s) => s.name));
  const rows = grids.reduce((n, g) => n + g.rows.length, 0);
  const readAll = () => {
    const reads = {};
    for (const g of grids) {
      const def = sheetDefByName(g.name);
      if (def) reads[def.key] = readTable(def, g);
    }
    return reads;
  };
  const reads = readAll();
  const units = new Set(reads.customers.records.map((r) => r.values.unit));
  const ctx = { settings: settingsFromTable(reads.settings, 'zh').settings, asOf: parseWallText(AS_OF), lang: 'zh', units };
  const ticketsOnly = { tickets: reads.tickets, customers: reads.customers, settings: reads.settings };
  const ticketGrid = grids.find((g) => sheetDefByName(g.name)?.key === 'tickets');
  const tickets = reads.tickets.records.length;
  const { buildReport } = require(path.join(root, 'dist', 'domain', 'report', 'model'));
  const { latestCompletePeriod } = require(path.join(root, 'dist', 'domain', 'periods'));
  const now = parseWallText(AS_OF);
  const data = { tickets: reads.tickets, charges: reads.charges, customers: reads.customers, reminders: reads.reminders };
  const allFour = (settings) => () => {
    // fresh copies of the table reads: the models' per-read cache must not carry work across runs,
    // so each run pays the whole cost, as one CLI run does
    const fresh = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v && { ...v }]));
    for (const kind of ['daily', 'weekly', 'monthly', 'quarterly']) {
      buildReport(kind, latestCompletePeriod(kind, now, settings), fresh, settings, { now, generatedAt: now, lang: 'zh' });
    }
  };
  // the samples are generated clean (--no-plant): validation must find nothing, or the times lie
  const problems = validateAll(reads, ctx);
  if (problems.length > 0) throw new Error(`${path.basename(file)}: a clean sample has ${problems.length} problems, first ${problems[0].code}`);
  // a clerk's live edit: row 102 takes the ticket ID of row 7; the facts are updated and only the
  // edited row and the rows it now relates to are judged again
  const facts = sheetFacts('tickets', reads.tickets);
  const records = reads.tickets.records;
  const edited = { ...records[100], values: { ...records[100].values, id: records[5].values.id } };
  const liveEdit = () => {
    const updated = updateFacts(facts, [edited]);
    const related = relatedRows(facts, updated, [edited.row]);
    validateRecords('tickets', reads.tickets, ctx, updated, [edited, ...records.filter((r) => related.includes(r.row) && r.row !== edited.row)]);
  };
  return [
    { task: 'domain: all four report models (daily, weekly, monthly, quarterly)', rows, ms: medianMs(allFour(ctx.settings)) },
    { task: 'domain: the four report models on working hours', rows, ms: medianMs(allFour({ ...ctx.settings, calendar: 'working' })) },
    { task: 'domain: read tables (find columns, convert every cell)', rows, ms: medianMs(readAll) },
    { task: 'domain: rules on all parsed tables', rows, ms: medianMs(() => validateAll(reads, ctx)) },
    { task: `domain: validate ${tickets} tickets (read table + rules)`, rows: tickets, ms: medianMs(() => validateAll({ ...ticketsOnly, tickets: readTable(sheetDefByName(ticketGrid.name), ticketGrid) }, ctx)) },
    { task: 'domain: one live edit (update facts, related rows, their rules)', rows: tickets, ms: medianMs(liveEdit) },
  ].map((r) => ({ ...r, peakMiB: process.memoryUsage().rss / 1048576 }));
}

async function sampleAlone(w) {
  // generating the sample center in memory, without writing a workbook
  const { generateSample } = require(path.join(root, 'dist', 'domain', 'sample'));
  const option = (name) => Number(w.args[w.args.indexOf(name) + 1]);
  const opts = { asOf: `${AS_OF}:00`, units: option('--units'), months: option('--months'), tickets: option('--tickets'), seed: option('--seed'), plant: false };
  let rows = 0;
  const ms = medianMs(() => {
    const s = generateSample(opts);
    rows = s.tickets.length + s.customers.length + s.charges.length + s.reminders.length;
  });
  return [{ task: `domain: generate the sample (${opts.tickets} tickets)`, rows, ms, peakMiB: process.memoryUsage().rss / 1048576 }];
}

async function fileBackEnd(file) {
  // the file back end's saves after a small change: the big sheets' compressed bytes are copied as
  // they are (test/workbook/file/large.test.ts checks that they are), so these take milliseconds
  const { FileWorkbook } = require(path.join(root, 'dist', 'workbook', 'file'));
  const { runReport } = require(path.join(root, 'dist', 'app', 'report'));
  const { renderReport } = require(path.join(root, 'dist', 'app', 'reportSheet'));
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { json } = await runReport(FileWorkbook.open(bytes), { kind: 'monthly', asOf: AS_OF, lang: 'zh' });
  const sheet = renderReport(json, 'zh');
  const open = async () => FileWorkbook.open(bytes);
  const named = await medianMsAsync(open, async (wb) => {
    await wb.addNames([{ name: 'Anything', formula: '=工单!$A$1' }]);
    wb.toBytes();
  });
  const reported = await medianMsAsync(open, async (wb) => {
    await wb.writeReport(sheet);
    wb.toBytes();
  });
  const rows = sheet.rows.length;
  return [
    { task: 'file: add a name and save (sheets copied raw)', rows: 1, ms: named },
    { task: `file: write the monthly report sheet and save (${rows} rows)`, rows, ms: reported },
  ].map((r) => ({ ...r, peakMiB: process.memoryUsage().rss / 1048576 }));
}

async function main() {
  const results = [];
  for (const w of WORKBOOKS) {
    if (ONLY && !ONLY.includes(w.name)) continue;
    const { file, generated } = ensureWorkbook(w);
    const sizeMiB = fs.statSync(file).size / 1048576;
    const tasks = [
      { task: 'bare SheetJS read (read + sheet_to_json)', run: () => timed(process.execPath, ['-e', BARE_READ, file]) },
      { task: 'file back end read, streaming reader', run: () => timed(process.execPath, ['-e', BACK_END_READ, file, 'stream']) },
      { task: "file back end read, reader: 'sheetjs'", run: () => timed(process.execPath, ['-e', BACK_END_READ, file, 'sheetjs']) },
      { task: 'deskbook status', run: () => timed(process.execPath, [cli, 'status', file, '--json']) },
      { task: 'deskbook validate', run: () => timed(process.execPath, [cli, 'validate', file, '--json', '--as-of', AS_OF]) },
      {
        task: 'deskbook report monthly (read, model, write the sheet)',
        run: () => {
          const copy = path.join(os.tmpdir(), `deskbook-bench-report-${process.pid}.xlsx`);
          fs.copyFileSync(file, copy);
          const r = timed(process.execPath, [cli, 'report', 'monthly', copy, '--as-of', AS_OF]);
          fs.rmSync(copy, { force: true });
          return r;
        },
      },
      {
        task: 'deskbook init (already set up: read, no write)',
        run: () => {
          const copy = path.join(os.tmpdir(), `deskbook-bench-${process.pid}.xlsx`);
          fs.copyFileSync(file, copy);
          const r = timed(process.execPath, [cli, 'init', copy, '--json']);
          fs.rmSync(copy, { force: true });
          return r;
        },
      },
    ];
    const bar = new cliProgress.SingleBar({ format: `${w.name} {bar} {value}/{total} {task}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(tasks.length * RUNS + 1, 0, { task: '' });
    const measured = [];
    for (const t of tasks) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        bar.increment(1, { task: t.task });
        const r = t.run();
        if (r.status > 1) throw new Error(`${t.task} failed (${r.status}): ${r.stderr}`);
        runs.push(r);
      }
      measured.push({ task: t.task, ms: median(runs.map((r) => r.ms)), peakMiB: Math.max(...runs.map((r) => r.peakMiB)) });
    }
    bar.increment(1, { task: 'domain alone' });
    const domain = [...(await domainAlone(file)), ...(await sampleAlone(w)), ...(await fileBackEnd(file))];
    bar.stop();
    const bare = measured[0].ms;
    if (generated) measured.push({ task: 'deskbook demo (generate + write, once)', ms: generated.ms, peakMiB: generated.peakMiB, once: true });
    measured.push(...domain);
    const rows = domain[0].rows;
    for (const m of measured) results.push({ workbook: w.name, fileMiB: +sizeMiB.toFixed(1), rows, ...m, ratioToBareRead: +(m.ms / bare).toFixed(2) });
  }
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`\n${pad('workbook', 12)}${pad('task', 54)}${lpad('rows', 9)}${lpad('ms', 10)}${lpad('× read', 8)}${lpad('peak MiB', 10)}`);
  for (const r of results) {
    console.log(`${pad(r.workbook, 12)}${pad(r.task, 54)}${lpad(r.rows, 9)}${lpad(r.ms.toFixed(0), 10)}${lpad(r.ratioToBareRead.toFixed(2), 8)}${lpad(r.peakMiB.toFixed(0), 10)}`);
  }
  const out = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, runs: RUNS, results };
  fs.writeFileSync(path.join(cache, 'results.json'), JSON.stringify(out, null, 2));
  console.log(`\n(median of ${RUNS} runs; results in .bench-cache/results.json)`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
