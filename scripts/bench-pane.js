#!/usr/bin/env node
// The standalone pane in Chromium (playwright-core) on the 100,000-ticket workbook of `npm run bench`
// (.bench-cache/bench-100k.xlsx, generated the same way when absent): from the file chosen to the
// workbook's status shown (split where the progress bar is full: the parts inflated; then parsed,
// loaded as tables and inspected in the worker, the result sent and shown), then the monthly report from
// its button to its tiles. Median of BENCH_RUNS (3) runs; printed and written to .bench-cache/pane.json.
// Needs `npm run build` (dist/web and the CLI). Timings live here, never in a test.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { chromium } = require('playwright-core');

const root = path.join(__dirname, '..');
const cache = path.join(root, '.bench-cache');
const web = path.join(root, 'dist', 'web');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AS_OF = '2026-11-25T17:30';
// the same workbook as scripts/bench.js
const WORKBOOK = { name: 'bench-100k', args: ['--units', '5000', '--months', '10', '--tickets', '100000', '--seed', '7'] };

function ensureWorkbook() {
  const file = path.join(cache, `${WORKBOOK.name}.xlsx`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cache, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'deskbook.js'), 'demo', '--out', file, '--force', '--as-of', AS_OF, '--no-plant', ...WORKBOOK.args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  return file;
}

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png' };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${server.address().port}/`, server })));
}

// In the page: when the file was chosen, while the progress bar showed, when the status and the
// report's heading appeared, and how many animation frames ran while the file was read.
const PROBE = () => {
  const t = { chosen: 0, inflated: 0, status: 0, reportClick: 0, report: 0, framesWhileReading: 0 };
  window.__bench = t;
  document.addEventListener('change', (e) => { if (e.target instanceof HTMLInputElement && e.target.type === 'file') t.chosen = performance.now(); }, true);
  document.addEventListener('click', (e) => { if (e.target instanceof Element && e.target.closest('[data-testid=report-generate]')) t.reportClick = performance.now(); }, true);
  const look = () => {
    const now = performance.now();
    const bar = document.querySelector('[data-testid=read-progress]');
    if (bar) {
      const done = Number(bar.getAttribute('data-done'));
      if (!t.inflated && done > 0 && done === Number(bar.getAttribute('data-total'))) t.inflated = now;
    }
    if (!t.status && t.chosen && document.querySelector('[data-testid=pane][data-busy=""] [data-testid=status]')) t.status = now;
    if (!t.report && t.reportClick && document.querySelector('[data-testid=reports][data-busy=""] [data-testid=kpi-heading]')) t.report = now;
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => {
    if (document.querySelector('[data-testid=read-progress]')) t.framesWhileReading++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

async function once(browser, base, file) {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 }, locale: 'zh-CN' });
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await page.goto(`${base}taskpane.html?lang=zh&asOf=${AS_OF}:00`);
  await page.getByTestId('pane').waitFor();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.waitForFunction(() => window.__bench.status > 0, null, { timeout: 300000, polling: 200 });
  await page.getByTestId('tab-reports').click();
  await page.waitForSelector('[data-testid=reports][data-busy=""] [data-testid=report-period] option', { state: 'attached', timeout: 300000 });
  await page.getByTestId('report-kind').selectOption('monthly');
  await page.getByTestId('report-generate').click();
  await page.waitForFunction(() => window.__bench.report > 0, null, { timeout: 300000, polling: 200 });
  const t = await page.evaluate(() => window.__bench);
  await context.close();
  return {
    openMs: t.status - t.chosen,
    // the parts inflated (the progress bar full), then parsed, loaded as tables, inspected, shown
    inflateMs: t.inflated ? t.inflated - t.chosen : 0,
    afterInflateMs: t.inflated ? t.status - t.inflated : 0,
    reportMs: t.report - t.reportClick,
    totalMs: t.status - t.chosen + (t.report - t.reportClick),
    framesWhileReading: t.framesWhileReading,
  };
}

// the bare SheetJS read of the same file in Node, once, for scale (the machine's speed that day)
const BARE_READ = `
const XLSX = require('xlsx'); const fs = require('fs');
const t = Date.now();
const wb = XLSX.read(fs.readFileSync(process.argv[1]), { type: 'buffer', dense: true });
for (const n of wb.SheetNames) XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1, raw: true });
console.log(Date.now() - t);
`;

function bareReadMs(file) {
  const r = spawnSync(process.execPath, ['-e', BARE_READ, file], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the bare read failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  if (!fs.existsSync(path.join(web, 'taskpane.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const file = ensureWorkbook();
  const { base, server } = await serve(web);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, base, file));
  } finally {
    await browser.close();
    server.close();
  }
  const bare = bareReadMs(file);
  const keys = Object.keys(runs[0]);
  const result = Object.fromEntries(keys.map((k) => [k, Math.round(median(runs.map((r) => r[k])))]));
  const out = { workbook: path.basename(file), bytes: fs.statSync(file).size, runs: RUNS, median: result, bareSheetJsReadMs: bare, each: runs.map((r) => Object.fromEntries(keys.map((k) => [k, Math.round(r[k])]))) };
  console.log(`standalone pane in Chromium, ${out.workbook} (${(out.bytes / 1048576).toFixed(1)} MiB), median of ${RUNS}:`);
  console.log(`  file chosen → status shown   ${result.openMs} ms  (parts inflated, the progress bar full: ${result.inflateMs} ms; then parsed, inspected, shown: ${result.afterInflateMs} ms)`);
  console.log(`  monthly report → its tiles   ${result.reportMs} ms`);
  console.log(`  reading time in all          ${result.totalMs} ms  (animation frames on the page while reading: ${result.framesWhileReading})`);
  console.log(`  bare SheetJS read in Node     ${bare} ms  (same file, same run, for scale)`);
  fs.writeFileSync(path.join(cache, 'pane.json'), JSON.stringify(out, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
