#!/usr/bin/env node
// npm run screenshots: regenerates docs/screenshots/ (after `npm run build`).
// - the task pane's, and the sample report sheet as LibreOffice prints it: their tests, run with
//   DESKBOOK_SCREENSHOTS=1, copy what they save in test-output/screenshots/ into docs/screenshots/;
// - the demo's daily, weekly and monthly reports as printed (page 1, the monthly every page;
//   LibreOffice at 70 dpi, with Carlito for Calibri as .ci/run installs it), its
//   Q4 callback plan after Q1 to Q3 were planned, and one page of its 催缴通知单: made here.
// Everything is as of 2026-11-25 17:30, so a run on another day makes the same pictures. CI=1 makes the
// tests fail, rather than skip, when Chromium, LibreOffice or pdftoppm is missing.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const docs = path.join(root, 'docs', 'screenshots');
const AS_OF = '2026-11-25T17:30:00';

function fromTests() {
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const tests = ['test/taskpane/browser.test.ts', 'test/taskpane/worker.test.ts', 'test/workbook/file/external.test.ts'];
  const run = spawnSync(process.execPath, [jest, '--ci', '--runTestsByPath', ...tests], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DESKBOOK_SCREENSHOTS: '1', CI: '1' },
  });
  if (run.status !== 0) throw new Error('the screenshot tests failed: docs/screenshots/ may be half updated');
}

/** Page 1 of `file` as LibreOffice prints it, as a PNG next to it (the method of test/support/files.ts). */
function printFirstPage(file, dir) {
  const profile = `file://${dir}/lo-profile`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
  const prefix = file.replace(/\.xlsx$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', `${prefix}.pdf`, prefix]);
  return `${prefix}.png`;
}

/** Every page of `file` as LibreOffice prints it (70 dpi): the PNGs, page 1 first. */
function printAllPages(file, dir) {
  const profile = `file://${dir}/lo-profile`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
  const prefix = file.replace(/\.xlsx$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '70', `${prefix}.pdf`, `${prefix}-page`]);
  return fs
    .readdirSync(dir)
    .filter((n) => n.startsWith(`${path.basename(prefix)}-page`) && n.endsWith('.png'))
    .sort((a, b) => Number(/(\d+)\.png$/.exec(a)[1]) - Number(/(\d+)\.png$/.exec(b)[1]))
    .map((n) => path.join(dir, n));
}

async function reports() {
  const { writeSample } = require(path.join(root, 'dist', 'app', 'sample'));
  const { runReport } = require(path.join(root, 'dist', 'app', 'report'));
  const { renderReport } = require(path.join(root, 'dist', 'app', 'reportSheet'));
  const { FileWorkbook } = require(path.join(root, 'dist', 'workbook', 'file'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-screenshots-'));
  try {
    // `deskbook demo --as-of 2026-11-25T17:30`, and its latest complete day, week and month (named:
    // the default daily report is today's, still in progress)
    const demo = FileWorkbook.create();
    await writeSample(demo, { lang: 'zh', asOf: AS_OF });
    const PERIODS = { daily: '2026-11-24', weekly: '2026-W47', monthly: '2026-10' };
    for (const [kind, period] of Object.entries(PERIODS)) {
      const { json } = await runReport(demo, { kind, period, asOf: AS_OF, generatedAt: AS_OF, lang: 'zh' });
      const wb = FileWorkbook.create();
      await wb.writeReport(renderReport(json, 'zh'));
      const file = path.join(dir, `report-${kind}-zh.xlsx`);
      fs.writeFileSync(file, wb.toBytes());
      if (kind !== 'monthly') {
        fs.copyFileSync(printFirstPage(file, dir), path.join(docs, `report-${kind}-zh.png`));
        console.log(`docs/screenshots/report-${kind}-zh.png`);
        continue;
      }
      // the monthly report page by page (docs/reports.md shows them all): report-monthly-zh.png is
      // page 1, report-monthly-zh-2.png page 2, …; pages left from a longer report before are removed
      for (const old of fs.readdirSync(docs).filter((n) => /^report-monthly-zh-\d+\.png$/.test(n))) fs.rmSync(path.join(docs, old));
      printAllPages(file, dir).forEach((png, i) => {
        const name = i === 0 ? 'report-monthly-zh.png' : `report-monthly-zh-${i + 1}.png`;
        fs.copyFileSync(png, path.join(docs, name));
        console.log(`docs/screenshots/${name}`);
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo's callback plan for 2026-Q4, Q1 to Q3 planned before it, as printed (page 1). */
async function callbackPlan() {
  const { writeSample } = require(path.join(root, 'dist', 'app', 'sample'));
  const { runCallbackPlan } = require(path.join(root, 'dist', 'app', 'callbackPlan'));
  const { FileWorkbook } = require(path.join(root, 'dist', 'workbook', 'file'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-screenshots-'));
  try {
    const demo = FileWorkbook.create();
    await writeSample(demo, { lang: 'zh', asOf: AS_OF });
    const days = ['2026-01-05T09:00', '2026-04-03T09:00', '2026-07-06T09:00', '2026-10-08T09:00'];
    let last;
    for (let q = 1; q <= 4; q++) last = await runCallbackPlan(demo, { quarter: `2026-Q${q}`, asOf: days[q - 1], write: true });
    const wb = FileWorkbook.create();
    await wb.writeReport(last.sheet);
    const file = path.join(dir, 'callback-plan-zh.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    fs.copyFileSync(printFirstPage(file, dir), path.join(docs, 'callback-plan-zh.png'));
    console.log('docs/screenshots/callback-plan-zh.png');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo's notices of 11-25 (`--no-plant`: 19 of them), the sheet alone as a clerk prints it: page 1. */
async function notices() {
  const { writeSample } = require(path.join(root, 'dist', 'app', 'sample'));
  const { runNotices } = require(path.join(root, 'dist', 'app', 'arrears'));
  const { FileWorkbook } = require(path.join(root, 'dist', 'workbook', 'file'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-screenshots-'));
  try {
    const demo = FileWorkbook.create();
    await writeSample(demo, { lang: 'zh', asOf: AS_OF, plant: false });
    const { sheet } = await runNotices(demo, { asOf: AS_OF });
    const wb = FileWorkbook.create();
    await wb.writeReport(sheet);
    const file = path.join(dir, 'notices-zh.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    fs.copyFileSync(printFirstPage(file, dir), path.join(docs, 'notices-zh.png'));
    console.log('docs/screenshots/notices-zh.png');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  fs.mkdirSync(docs, { recursive: true });
  // `node scripts/screenshots.js callback-plan` makes only that picture
  if (process.argv[2] === 'callback-plan') return callbackPlan();
  // `node scripts/screenshots.js notices` makes only that one
  if (process.argv[2] === 'notices') return notices();
  // `node scripts/screenshots.js reports`: only the demo's printed reports
  if (process.argv[2] === 'reports') return reports();
  fromTests();
  await reports();
  await callbackPlan();
  await notices();
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
