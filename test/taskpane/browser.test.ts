// The built task pane (dist/web) in headless Chromium, as a clerk uses it in a plain browser:
// load the sample, open a workbook file, set it up, download it, read the download back.
// `npm test` builds before jest; run `npm run build:web` first when running this file alone.
// Every page is opened with ?asOf= (the pane's now), so nothing here depends on today's date. The
// screenshots go to test-output/screenshots/; `npm run screenshots` also puts them in docs/screenshots/.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { adoptWorkbook, AdoptResult, SheetChoices } from '../../src/app/adopt';
import { runArrears, runNotices } from '../../src/app/arrears';
import { runCallbackPlan } from '../../src/app/callbackPlan';
import { runDue } from '../../src/app/due';
import { kpiSheetName } from '../../src/app/pivots';
import { KPI_CATALOGUE, reportPeriods, runReport, writeKpiPivots } from '../../src/app/report';
import { writeLegacySample, writeSample } from '../../src/app/sample';
import { inspectWorkbook, setUpWorkbook } from '../../src/app/setup';
import { validateWorkbook, ValidationReport } from '../../src/app/validate';
import { fileErrorMessage } from '../../src/domain/failures';
import { describeProblem } from '../../src/domain/messages';
import { ALL_SHEETS, TICKETS } from '../../src/domain/schema';
import { drawTag } from '../../src/domain/ticketId';
import type { PeriodKind } from '../../src/domain/periods';
import { formatWallIso, wall, wallToSerial } from '../../src/domain/time';
import { formatYuan } from '../../src/domain/money';
import { STRINGS } from '../../src/taskpane/i18n';
import { tooOldMessage } from '../../src/taskpane/support';
import { ReportJson, tileDefs } from '../../src/taskpane/reportFormat';
import { FileWorkbook } from '../../src/workbook/file';
import { CHROMIUM, hasChromium, ROOT, serve, WEB } from '../support/web';
import { checkXlsx } from '../support/files';
import { publishScreenshot, screenshotPath } from '../support/screenshots';

const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_TELEMETRY = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;
/** a task pane is 320-450 px wide */
const PANE = { width: 400, height: 700 };
/** the pane's now, given to every page as ?asOf=: a Wednesday, late in the afternoon */
const AS_OF = '2026-11-25T17:30:00';

const KEYS = ALL_SHEETS.map((d) => d.key);
const ZH_NAMES = ALL_SHEETS.map((d) => d.zh);
const EN_NAMES = ALL_SHEETS.map((d) => d.en);
const TILE_KEYS = tileDefs(KPI_CATALOGUE).map((t) => t.key);


/**
 * Whatever runs past the right edge or overlaps, as "what: detail" lines (none when the pane fits):
 * the page and the pane scrolling sideways, any scroll container wider than its box (but one marked
 * data-scroll=x, meant to scroll sideways within the pane: the adopt preview), any visible control
 * outside the viewport, any two form controls over each other.
 */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const width = document.documentElement.clientWidth;
    const label = (el: Element) => el.getAttribute('data-testid') ?? (el.id || `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 60));
    if (document.documentElement.scrollWidth > width) faults.push(`page: scrolls to ${document.documentElement.scrollWidth} of ${width}`);
    const pane = document.querySelector('[data-testid=pane]')!;
    if (pane.scrollWidth > pane.clientWidth) faults.push(`pane: ${pane.scrollWidth} wide in ${pane.clientWidth}`);
    const shown = [...document.querySelectorAll('body *')].filter((el) => el.checkVisibility());
    for (const el of shown) {
      const { overflowX } = getComputedStyle(el);
      if (el.getAttribute('data-scroll') === 'x') {
        // it may scroll, but its own box stays inside the pane
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5) faults.push(`sideways scroller ${label(el)}: runs to ${r.right} of ${width}`);
        continue;
      }
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth) faults.push(`scroll container ${label(el)}: ${el.scrollWidth} in ${el.clientWidth}`);
    }
    const controls = shown.filter((el) => el.matches('input, select, textarea, button') && !el.matches('[type=hidden], [type=file]'));
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) faults.push(`${label(el)}: from ${r.left} to ${r.right} of ${width}`);
    }
    const fields = controls.filter((el) => el.matches('input, select, textarea')).map((el) => [el, el.getBoundingClientRect()] as const);
    for (let i = 0; i < fields.length; i++) {
      for (let j = i + 1; j < fields.length; j++) {
        const [a, ra] = fields[i];
        const [b, rb] = fields[j];
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 0.5 && h > 0.5) faults.push(`${label(a)} overlaps ${label(b)}`);
      }
    }
    return faults;
  });
}

/** The tabs' tops: one value when the strip is one row (the tabs under "more" are not on it). */
const tabRows = (page: Page) =>
  page.getByRole('tab').evaluateAll((tabs) => [...new Set(tabs.filter((t) => t.checkVisibility()).map((t) => Math.round(t.getBoundingClientRect().top)))]);

/** Opens a tab as a clerk does: on the strip, or under "more" when the pane is too narrow for it. */
async function openTab(page: Page, key: string): Promise<void> {
  const tab = page.getByTestId(`tab-${key}`);
  // the strip measures itself after a resize: a tab seen on it may go under "more" a moment later
  for (let attempt = 0; ; attempt++) {
    try {
      if (await tab.isVisible()) await tab.click({ timeout: 2000 });
      else {
        await page.getByTestId('tabs-more').click({ timeout: 2000 });
        await page.getByTestId(`more-tab-${key}`).click({ timeout: 2000 });
      }
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.getByTestId(`panel-${key}`).waitFor();
  // the tab chosen is on the strip now, and selected
  await page.waitForSelector(`[data-testid=tab-${key}][aria-selected=true]`);
}

if (!hasChromium && !process.env.CI) {
  console.warn(`Chromium not found at ${CHROMIUM}: the task pane browser tests are skipped (apt-get install chromium fonts-noto-cjk).`);
}

if (!hasChromium && process.env.CI) {
  it('has Chromium on CI', () => {
    throw new Error(`Chromium is required on CI for the task pane tests; none at ${CHROMIUM} (set CHROMIUM_PATH).`);
  });
}

(hasChromium ? describe : describe.skip)('task pane in a browser (standalone)', () => {
  let browser: Browser;
  let server: { base: string; close(): Promise<void> };
  let tmp: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB, 'taskpane.html'))) {
      throw new Error('dist/web/taskpane.html is missing: run `npm run build:web` first (`npm test` builds before jest).');
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-pane-'));
    server = await serve(WEB);
    // one raster thread, whole tiles: otherwise a few edge pixels differ by one level from run to run,
    // and `npm run screenshots` would change docs/screenshots/ without a visible change
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--num-raster-threads=1', '--disable-partial-raster'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  interface Pane {
    page: Page;
    /** requests to anywhere but the local server and the Office CDN: there should be none */
    blocked: string[];
    /** uncaught errors in the page */
    errors: string[];
    /** requests for office.js and its files */
    officeRequests: string[];
  }

  /**
   * Opens the pane, with `query` and ?asOf=AS_OF. The Office.js CDN is served from node_modules (it is
   * unreachable here); every other outside request is refused. `office` replaces office.js with a
   * script of the test's own; `hangOffice` leaves the request for it unanswered, as an unreachable CDN
   * does (the page is then awaited only until its DOM is parsed: its load event waits for every script). `random` makes crypto.getRandomValues give that fraction of 2^32 every
   * time (so that the tag a new installation draws, and the screenshots, are the same on every run).
   */
  async function openPane(
    query: string,
    opts: { locale?: string; office?: string; hangOffice?: boolean; random?: number; viewport?: { width: number; height: number }; asOf?: string } = {},
  ): Promise<Pane> {
    const context = await browser.newContext({ viewport: opts.viewport ?? PANE, locale: opts.locale ?? 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    if (opts.random !== undefined) {
      await context.addInitScript((unit: number) => {
        crypto.getRandomValues = (<T extends ArrayBufferView | null>(buf: T): T => {
          if (buf instanceof Uint32Array) buf.fill(unit * 2 ** 32);
          return buf;
        }) as Crypto['getRandomValues'];
      }, opts.random);
    }
    const blocked: string[] = [];
    const officeRequests: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.base)) return route.continue();
      if (url.startsWith(OFFICE_CDN)) {
        officeRequests.push(url);
        // never answered: the request stays open until the context closes
        if (opts.hangOffice) return;
        if (opts.office !== undefined) return route.fulfill({ body: opts.office, contentType: 'text/javascript' });
        const file = path.join(OFFICE_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file)) {
          return route.fulfill({ path: file, contentType: 'text/javascript' });
        }
        return route.fulfill({ status: 404 });
      }
      // office.js, outside Office, may ping its own telemetry after a while: refused, not ours
      if (!OFFICE_TELEMETRY.test(url)) blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = new URL(`${server.base}taskpane.html${query}`);
    url.searchParams.set('asOf', opts.asOf ?? AS_OF);
    await page.goto(url.href, { waitUntil: opts.hangOffice ? 'domcontentloaded' : 'load' });
    await page.getByTestId('pane').waitFor();
    return { page, blocked, errors, officeRequests };
  }

  /**
   * A full-page screenshot into test-output/screenshots/ (and docs/screenshots/ for `npm run
   * screenshots`), still: the pointer off the buttons and their hover transitions over.
   */
  async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath(name), fullPage });
    publishScreenshot(name);
  }

  /** Waits until no action is running (the pane marks it on its root). */
  async function settled(page: Page): Promise<void> {
    await page.waitForSelector('[data-testid=pane][data-busy=""]');
  }

  /** A workbook a clerk made on their own: one sheet, none of ours. */
  async function clerkWorkbookFile(name: string): Promise<string> {
    const wb = FileWorkbook.create();
    await wb.addSheets([
      {
        name: '我的台账',
        columns: [{ header: '日期' }, { header: '房号' }, { header: '事项' }],
        rows: [
          ['2026-11-02', '3-1102', '楼道灯不亮'],
          ['2026-11-03', '5-0201', '快递柜故障'],
        ],
      },
    ]);
    const file = path.join(tmp, name);
    fs.writeFileSync(file, wb.toBytes());
    return file;
  }

  async function cardState(page: Page, key: string) {
    const card = page.getByTestId(`sheet-card-${key}`);
    return {
      present: await card.getAttribute('data-present'),
      ready: await card.getAttribute('data-ready'),
      name: await page.getByTestId(`sheet-name-${key}`).textContent(),
      badge: await page.getByTestId(`sheet-badge-${key}`).textContent(),
    };
  }

  it('loads the built-in sample and shows every structured sheet with its data rows', async () => {
    const { page, blocked, errors } = await openPane('?lang=zh');
    expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('standalone');
    await page.getByTestId('load-sample').click();
    await page.getByTestId('status').waitFor();
    await settled(page);

    expect(await page.getByTestId('status').getAttribute('data-ready')).toBe('true');
    expect(await page.getByTestId('status-summary').getAttribute('data-intent')).toBe('success');
    expect(await page.getByTestId('file-name').textContent()).toContain('服务台示例.xlsx');
    const shown: Record<string, number> = {};
    for (const key of KEYS) {
      const state = await cardState(page, key);
      expect(state).toMatchObject({ present: 'true', ready: 'true', badge: '已就绪' });
      shown[key] = Number(await page.getByTestId(`sheet-rows-${key}`).getAttribute('data-rows'));
      expect(await page.getByTestId(`sheet-rows-${key}`).textContent()).toBe(`${shown[key].toLocaleString('zh-CN')} 行数据`);
    }
    // the rows the app counts in the same sample: 300 units, 900 tickets, their charges and reminders
    const { wb } = await sampleExpected('zh');
    expect(shown).toEqual(Object.fromEntries((await inspectWorkbook(wb)).sheets.map((s) => [s.key, s.rows])));
    expect([shown.tickets, shown.customers]).toEqual([900, 300]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens a clerk\'s workbook from a file, sets it up, and downloads it with the five sheets added', async () => {
    const input = await clerkWorkbookFile('前台台账.xlsx');
    const { page, blocked, errors } = await openPane('?lang=zh');
    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('status').waitFor();
    await settled(page);

    expect(await page.getByTestId('file-name').textContent()).toBe('当前文件：前台台账.xlsx');
    expect(await page.getByTestId('status').getAttribute('data-ready')).toBe('false');
    expect(await page.getByTestId('other-sheets').textContent()).toContain('我的台账');
    for (const key of KEYS) expect(await cardState(page, key)).toMatchObject({ present: 'false', badge: '缺失' });

    await page.getByTestId('set-up').click();
    await page.waitForSelector('[data-testid=message][data-intent=success]');
    await settled(page);
    expect(await page.getByTestId('message').textContent()).toContain(ZH_NAMES.join('、'));
    expect(await page.getByTestId('status').getAttribute('data-ready')).toBe('true');
    expect(await page.getByTestId('ready-count').textContent()).toBe('已就绪 5 / 5');
    for (const [i, key] of KEYS.entries()) {
      expect(await cardState(page, key)).toEqual({ present: 'true', ready: 'true', name: ZH_NAMES[i], badge: '已就绪' });
    }
    expect(await page.getByTestId('set-up').count()).toBe(0);
    await screenshot(page, 'taskpane-zh.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('前台台账.xlsx');
    const saved = path.join(tmp, 'downloaded.xlsx');
    await download.saveAs(saved);

    const reopened = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    expect((await reopened.listSheets()).map((s) => s.name)).toEqual(['我的台账', ...ZH_NAMES]);
    const status = await inspectWorkbook(reopened);
    expect(status.ready).toBe(true);
    // the clerk's own sheet comes back exactly as it went in
    const [ledger] = await reopened.readSheets(['我的台账']);
    expect(ledger.rows).toEqual([
      ['日期', '房号', '事项'],
      ['2026-11-02', '3-1102', '楼道灯不亮'],
      ['2026-11-03', '5-0201', '快递柜故障'],
    ]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says plainly, in the pane\'s language, that a file which is not an .xlsx cannot be opened', async () => {
    const notes = path.join(tmp, '交接班记录.txt');
    fs.writeFileSync(notes, '今天 3 号楼停水，已通知工程部。\n');
    const { page, errors } = await openPane('?lang=zh');
    await page.getByTestId('file-input').setInputFiles(notes);
    await page.waitForSelector('[data-testid=message][data-intent=error]');
    const text = (await page.getByTestId('message').textContent()) ?? '';
    expect(text).toContain(fileErrorMessage({ code: 'NOT_XLSX', reason: 'NOT_ZIP' }, 'zh', '交接班记录.txt'));
    expect(text).toContain('交接班记录.txt 不是 Excel 工作簿（.xlsx）：它不是 zip 压缩包');
    expect(text).not.toMatch(/\bat \S+:\d+|Error:|WorkbookError/);
    // nothing was opened
    expect(await page.getByTestId('status').count()).toBe(0);
    expect(await page.getByTestId('file-name').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a sheet that lacks columns, and the problems the app found, in the words of the app', async () => {
    // a 工单 sheet typed by hand: no 状态 column, and a 受理时间 that is not a time
    const wb = FileWorkbook.create();
    const columns = TICKETS.columns.filter((c) => c.key !== 'status');
    const row = columns.map((c) => (c.key === 'id' ? 'GD-001' : c.key === 'receivedAt' ? '明天上午' : c.key === 'description' ? '电梯异响' : null));
    await wb.addSheets([{ name: '工单', columns: columns.map((c) => ({ header: c.zh })), rows: [row] }]);
    const expected = await inspectWorkbook(wb);
    expect(expected.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [null, null, 'SHEET_MISSING_COLUMNS'],
      [2, '受理时间', 'CELL_WRONG_TYPE'],
    ]);
    const file = path.join(tmp, '手工工单.xlsx');
    fs.writeFileSync(file, wb.toBytes());

    const { page, errors } = await openPane('?lang=zh');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('status').waitFor();
    await settled(page);
    expect(await cardState(page, 'tickets')).toEqual({ present: 'true', ready: 'false', name: '工单', badge: '缺少列' });
    expect(await page.getByTestId('sheet-missing-columns-tickets').textContent()).toBe('缺少列：状态');
    expect(await page.getByTestId('sheet-rows-tickets').textContent()).toBe('1 行数据');
    expect(await page.getByTestId('problems').getAttribute('data-count')).toBe(String(expected.problems.length));
    const listed = await page.getByTestId('problems').locator('li').allTextContents();
    expect(listed).toEqual(expected.problems.slice(0, 5).map((p) => describeProblem(p, 'zh')));
    // the header language is the workbook's own once one of our sheets is there: no choice offered
    expect(await page.getByTestId('header-lang').count()).toBe(0);

    // set-up adds the four missing sheets; the clerk must still add the column by hand
    await page.getByTestId('set-up').click();
    await page.waitForSelector('[data-testid=message][data-intent=warning]');
    expect(await page.getByTestId('message').textContent()).toContain('表头行');
    expect(await page.getByTestId('ready-count').textContent()).toBe('已就绪 4 / 5');
    expect(errors).toEqual([]);
  });

  it('shows English labels with ?lang=en and sets up a workbook with English sheets', async () => {
    const input = await clerkWorkbookFile('front-desk.xlsx');
    const { page, errors } = await openPane('?lang=en');
    expect(await page.getByTestId('pane').getAttribute('data-lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deskbook');
    expect(await page.getByTestId('load-sample').textContent()).toBe('Load the built-in sample');
    expect(await page.getByTestId('open-file').textContent()).toBe('Open an .xlsx file');

    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('status').waitFor();
    await settled(page);
    // a workbook without our sheets gets headers in the pane's language unless the clerk picks another
    expect(await page.getByTestId('header-lang').locator('input[value=en]').isChecked()).toBe(true);
    expect(await page.getByTestId('set-up').textContent()).toBe('Set up this workbook');
    expect(await cardState(page, 'tickets')).toMatchObject({ present: 'false', name: 'Tickets', badge: 'Missing' });

    await page.getByTestId('set-up').click();
    await page.waitForSelector('[data-testid=message][data-intent=success]');
    await settled(page);
    expect(await page.getByTestId('ready-count').textContent()).toBe('5 of 5 ready');
    for (const [i, key] of KEYS.entries()) {
      expect(await cardState(page, key)).toEqual({ present: 'true', ready: 'true', name: EN_NAMES[i], badge: 'Ready' });
      expect(await page.getByTestId(`sheet-rows-${key}`).textContent()).toMatch(/^\d+ data rows?$/);
    }
    await screenshot(page, 'taskpane-en.png');
    expect(errors).toEqual([]);
  });

  const samples = new Map<'zh' | 'en', Promise<{ report: ValidationReport; planted: string[]; wb: FileWorkbook }>>();

  /**
   * The sample the pane builds (same seed, same as-of), validated here: what the pane must list. Built
   * once per language; the tests only read it.
   */
  function sampleExpected(lang: 'zh' | 'en'): Promise<{ report: ValidationReport; planted: string[]; wb: FileWorkbook }> {
    const built = samples.get(lang) ?? (async () => {
      const wb = FileWorkbook.create();
      const { planted } = await writeSample(wb, { lang, asOf: AS_OF });
      const report = await validateWorkbook(wb, { lang, asOf: AS_OF });
      return { report, planted: planted.map((p) => p.code).sort(), wb };
    })();
    samples.set(lang, built);
    return built;
  }

  async function loadSample(page: Page): Promise<void> {
    await page.getByTestId('load-sample').click();
    await page.getByTestId('status').waitFor();
    await settled(page);
  }

  async function validateInPane(page: Page): Promise<void> {
    await openTab(page, 'validation');
    await page.getByTestId('validate').click();
    await page.waitForSelector('[data-testid=validation][data-busy=""] [data-testid=validation-summary]');
  }

  async function listed(page: Page) {
    const items = page.getByTestId('problem-item');
    const out: Array<{ sheet: string | null; row: string | null; code: string | null; severity: string | null }> = [];
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      out.push({
        sheet: await item.getAttribute('data-sheet'),
        row: await item.getAttribute('data-row'),
        code: await item.getAttribute('data-code'),
        severity: await item.getAttribute('data-severity'),
      });
    }
    return out;
  }

  it('validates the sample: its planted problems, grouped by sheet, and the row of one on a click', async () => {
    const { page, blocked, errors } = await openPane('?lang=zh');
    await loadSample(page);
    const expected = await sampleExpected('zh');
    // the demo plants one slip per rule it shows off, and validation finds exactly those
    expect(expected.report.problems.map((p) => p.code).sort()).toEqual(expected.planted);
    expect(expected.planted).toHaveLength(8);

    await validateInPane(page);
    const summary = page.getByTestId('validation-summary');
    expect(await summary.getAttribute('data-errors')).toBe(String(expected.report.errors));
    expect(await summary.getAttribute('data-warnings')).toBe(String(expected.report.warnings));
    expect(await page.getByTestId('error-count').textContent()).toBe(`错误 ${expected.report.errors}`);
    expect(await page.getByTestId('warning-count').textContent()).toBe(`警告 ${expected.report.warnings}`);
    expect(await page.getByTestId('last-checked').textContent()).toBe('上次校验：2026-11-25 17:30');

    // one group per sheet with problems, in workbook order, each with its counts
    const groups = page.getByTestId('problem-group');
    expect(await groups.count()).toBe(expected.report.bySheet.length);
    for (const [i, g] of expected.report.bySheet.entries()) {
      const group = groups.nth(i);
      const errorsIn = g.problems.filter((p) => p.severity === 'error').length;
      expect([await group.getAttribute('data-sheet'), await group.getAttribute('data-errors'), await group.getAttribute('data-warnings')]).toEqual([
        g.sheet,
        String(errorsIn),
        String(g.problems.length - errorsIn),
      ]);
    }
    expect(expected.report.bySheet.map((g) => g.sheet)).toEqual(['工单', '客户', '应收']);
    expect(await listed(page)).toEqual(
      expected.report.problems.map((p) => ({ sheet: p.sheet, row: String(p.row), code: p.code, severity: p.severity })),
    );
    // each item names its row and column and says what is wrong, without repeating the sheet
    const first = expected.report.problems[0];
    const firstText = (await page.getByTestId('problem-item').first().textContent()) ?? '';
    expect(firstText).toContain(`第 ${first.row} 行`);
    expect(firstText).toContain(`「${first.column}」`);
    expect(firstText).not.toContain(`${first.sheet} 第`);

    // a group folds away and opens again
    const header = page.getByTestId('problem-group-header').first();
    await header.click();
    expect(await groups.first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByTestId('problem-item').first().isVisible()).toBe(false);
    await header.click();
    expect(await page.getByTestId('problem-item').first().isVisible()).toBe(true);

    // no Excel to select the cell in: the row is shown under the item instead
    await page.getByTestId('problem-item').first().click();
    const detail = page.getByTestId('row-detail');
    await detail.waitFor();
    expect([await detail.getAttribute('data-sheet'), await detail.getAttribute('data-row')]).toEqual([first.sheet, String(first.row)]);
    const [grid] = await expected.wb.readSheets([first.sheet]);
    const sheetRow = grid.rows[first.row! - 1 - grid.originRow];
    const cells = detail.getByTestId('row-detail-cell');
    expect(await cells.count()).toBe(grid.rows[0].length);
    // the ticket ID of that row, under its header, and the problem's cell flagged
    expect(await cells.first().textContent()).toBe(`${grid.rows[0][0]}${sheetRow[0]}`);
    const flagged = detail.locator('[data-flagged=true]');
    expect(await flagged.getAttribute('data-col')).toBe(String(first.col));
    expect(await flagged.locator('th').textContent()).toBe(first.column);
    await screenshot(page, 'validation-zh.png');
    await page.getByTestId('row-detail-close').click();
    expect(await detail.count()).toBe(0);

    // the marks travel with the downloaded workbook
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(tmp, 'validated.xlsx');
    await download.saveAs(saved);
    const reopened = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    for (const g of expected.report.bySheet) {
      const marks = await reopened.readMarks(g.sheet);
      expect([g.sheet, marks.map((m) => `${m.row + 1}:${m.col}:${m.severity}`).sort()]).toEqual([
        g.sheet,
        g.problems.map((p) => `${p.row}:${p.col}:${p.severity}`).sort(),
      ]);
    }
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('validates in English, with English counts and messages', async () => {
    const { page, errors } = await openPane('?lang=en');
    await loadSample(page);
    const expected = await sampleExpected('en');
    await validateInPane(page);
    expect(await page.getByTestId('tab-validation').textContent()).toBe('Validation');
    expect(await page.getByTestId('error-count').textContent()).toBe(`${expected.report.errors} errors`);
    expect(await page.getByTestId('warning-count').textContent()).toBe(`${expected.report.warnings} warning${expected.report.warnings === 1 ? '' : 's'}`);
    expect(await listed(page)).toEqual(
      expected.report.problems.map((p) => ({ sheet: p.sheet, row: String(p.row), code: p.code, severity: p.severity })),
    );
    expect(await page.getByTestId('problem-item').first().textContent()).toContain(`Row ${expected.report.problems[0].row} · column`);
    await page.getByTestId('problem-item').nth(1).click();
    await page.getByTestId('row-detail').waitFor();
    await screenshot(page, 'validation-en.png');
    expect(errors).toEqual([]);
  });

  it('says how many problems it found past the 100,000 it lists and marks, and how many a sheet has beyond those shown', async () => {
    // 17,000 tickets that hold only their ID, each missing six required cells: 102,000 errors
    const wb = FileWorkbook.create();
    await setUpWorkbook(wb);
    await wb.appendRows('工单', Array.from({ length: 17_000 }, (_, i) => [`GD-${i + 1}`]));
    const file = path.join(tmp, '只有工单号.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    const { page, errors } = await openPane('?lang=zh');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await validateInPane(page);
    expect(await page.getByTestId('validation-summary').getAttribute('data-errors')).toBe('102000');
    expect(await page.getByTestId('validation-unlisted').textContent()).toBe('共发现 102,000 个问题，只列出并标记按顺序的前 100,000 个；其余 2,000 个只计数。改正后再次校验。');
    const group = page.getByTestId('problem-group');
    expect(await group.count()).toBe(1);
    expect(await group.getAttribute('data-errors')).toBe('102000');
    const shown = await page.getByTestId('problem-item').count();
    expect(await group.locator('text=未列出').textContent()).toBe(`另有 ${102_000 - shown} 个问题未列出，请先改正上面的问题。`);
    expect(errors).toEqual([]);
  });

  it('logs a new ticket: a bad phone is named on its field and nothing is added; fixed, the row is added with a new ID', async () => {
    // a browser the pane has not run in before: it draws its tag (with the random source pinned)
    const { page, blocked, errors } = await openPane('?lang=zh', { random: 0.5 });
    await loadSample(page);
    const ticketsBefore = Number(await page.getByTestId('sheet-rows-tickets').getAttribute('data-rows'));
    const { wb: sample } = await sampleExpected('zh');
    const [customers] = await sample.readSheets(['客户']);
    const unit = String(customers.rows[1][0]);

    await openTab(page, 'entry');
    await page.waitForSelector('[data-testid=entry-form]');
    const form = page.getByTestId('entry-form');
    // the received time starts at now (the page's as-of); status and priority at their intake defaults
    expect(await page.getByTestId('entry-receivedAt').inputValue()).toBe('2026-11-25 17:30');
    expect(await page.getByTestId('entry-status').inputValue()).toBe('new');
    expect(await page.getByTestId('entry-status').locator('option:checked').textContent()).toBe('待派单');
    // categories and departments come from the workbook's Settings sheet
    expect(await page.getByTestId('entry-category').locator('option').allTextContents()).toEqual(['请选择', '维修', '保洁', '安保', '绿化', '停车', '收费', '噪音', '服务态度', '其他']);
    const tag = ((await page.getByTestId('entry-tag').textContent()) ?? '').match(/本机编号 ([0-9A-Z]{3})/)?.[1];
    expect(tag).toBe(drawTag(() => 0.5));
    expect(tag).toMatch(/^[A-Z][0-9A-Z]{2}$/);

    await page.getByTestId('entry-channel').selectOption('visit');
    await page.getByTestId('entry-type').selectOption('complaint');
    await page.getByTestId('entry-category').selectOption('噪音');
    await page.getByTestId('entry-unit').fill(unit);
    await page.getByTestId('entry-contact').fill('周女士');
    await page.getByTestId('entry-phone').fill('1381234567');
    await page.getByTestId('entry-description').fill('楼上夜间装修噪音，晚上十点后仍在施工');
    await page.getByTestId('entry-department').selectOption('客服部');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-outcome][data-intent=error]');
    const phoneField = page.getByTestId('entry-field-phone');
    expect(await phoneField.getAttribute('data-problem')).toBe('error');
    expect(await phoneField.textContent()).toContain('“1381234567”不是有效的电话号码');
    // only the phone is wrong
    expect(await form.locator('[data-problem=error], [data-problem=warning]').count()).toBe(1);
    expect(await page.getByTestId('entry-added').count()).toBe(0);
    expect(Number(await page.getByTestId('sheet-rows-tickets').getAttribute('data-rows'))).toBe(ticketsBefore);
    await screenshot(page, 'entry-zh.png');

    await page.getByTestId('entry-phone').fill('13812345678');
    expect(await phoneField.getAttribute('data-problem')).toBe('');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-added]');
    await page.waitForSelector('[data-testid=entry][data-busy=""]');
    const addedText = (await page.getByTestId('entry-added').textContent()) ?? '';
    const id = addedText.match(/GD-\d{8}-[0-9A-Z]{3}-\d{3}/)?.[0];
    // the day it was received (now), this browser's tag, its first ticket of the day
    expect(id).toBe(`GD-20261125-${tag}-001`);
    expect(addedText).toContain(`已写入“工单”第 ${ticketsBefore + 2} 行`);
    // the form starts again for the next call
    expect(await page.getByTestId('entry-description').inputValue()).toBe('');
    await screenshot(page, 'entry-added-zh.png');

    // the Workbook tab counts the new ticket
    await openTab(page, 'workbook');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=sheet-rows-tickets]')?.getAttribute('data-rows') === String(n),
      ticketsBefore + 1,
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(tmp, 'with-ticket.xlsx');
    await download.saveAs(saved);
    const reopened = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    const [tickets] = await reopened.readSheets(['工单']);
    expect(tickets.rows).toHaveLength(ticketsBefore + 2);
    const headers = tickets.rows[0];
    const row = tickets.rows[tickets.rows.length - 1];
    const under = (h: string) => row[headers.indexOf(h)];
    expect([under('工单号'), under('渠道'), under('类型'), under('类别'), under('房号'), under('联系人'), under('电话'), under('状态'), under('紧急程度'), under('责任部门')]).toEqual([
      id,
      '来访',
      '投诉',
      '噪音',
      unit,
      '周女士',
      '13812345678',
      '待派单',
      '普通',
      '客服部',
    ]);
    expect(under('内容')).toBe('楼上夜间装修噪音，晚上十点后仍在施工');
    // received now: 2026-11-25 17:30 as an Excel serial
    expect(under('受理时间')).toBe(wallToSerial(wall(2026, 11, 25, 17, 30)));
    // the new row passes the same validation the pane runs
    const report = await validateWorkbook(reopened, { lang: 'zh' });
    expect(report.problems.filter((p) => p.row === ticketsBefore + 2 && p.sheet === '工单')).toEqual([]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  // ---- Reports tab ----

  /** What the pane must show for a report: the same use case, run here on the same sample. */
  async function reportExpected(lang: 'zh' | 'en', kind: PeriodKind, period?: string) {
    const { wb } = await sampleExpected(lang);
    const periods = await reportPeriods(wb, AS_OF);
    const result = await runReport(wb, { kind, period: period ?? periods[kind].default, lang, asOf: AS_OF, generatedAt: AS_OF });
    return { periods, result, json: result.json };
  }

  // Written out here rather than borrowed from the pane: a count with grouping, a rate as a
  // percentage with one decimal, money (integer cents) as yuan with two decimals.
  const LOCALES = { zh: 'zh-CN', en: 'en-US' } as const;
  const count = (n: number, lang: 'zh' | 'en') => n.toLocaleString(LOCALES[lang]);
  const percent = (r: { rate: number | null } | null | undefined, na: string) => (r && r.rate !== null ? `${(r.rate * 100).toFixed(1)}%` : na);
  const yuan = (cents: number, lang: 'zh' | 'en') => (cents / 100).toLocaleString(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  /** Each tile's texts as the pane must render them from the model. */
  function expectedTiles(json: ReportJson, lang: 'zh' | 'en') {
    // a figure with nothing to show is a dash, in either language
    const na = '—';
    const prev = (v: string) => (lang === 'zh' ? `上期 ${v}` : `Previous ${v}`);
    const t = json.tickets;
    const p = json.previous?.tickets;
    const rate = (key: 'onTimeResponse' | 'onTimeResolution' | 'callbackRate' | 'satisfaction') => ({
      value: percent(t[key], na),
      ratio: t[key].den === 0 ? null : `${count(t[key].num, lang)} / ${count(t[key].den, lang)}`,
      previous: prev(percent(p?.[key], na)),
    });
    const c = json.charges?.collectionRate ?? null;
    return {
      received: { value: count(t.received, lang), ratio: null, previous: prev(p ? count(p.received, lang) : na) },
      resolved: { value: count(t.resolved, lang), ratio: null, previous: prev(p ? count(p.resolved, lang) : na) },
      backlog: { value: count(t.backlog, lang), ratio: null, previous: prev(p ? count(p.backlog, lang) : na) },
      onTimeResponse: rate('onTimeResponse'),
      onTimeResolution: rate('onTimeResolution'),
      callbackRate: rate('callbackRate'),
      satisfaction: rate('satisfaction'),
      collectionRate: {
        value: percent(c, na),
        ratio: c && c.den !== 0 ? `${yuan(c.num, lang)} / ${yuan(c.den, lang)}` : null,
        previous: prev(percent(json.previous?.charges?.collectionRate, na)),
      },
    };
  }

  async function renderedTiles(page: Page) {
    const out: Record<string, { value: string | null; ratio: string | null; previous: string | null }> = {};
    for (const key of TILE_KEYS) {
      const ratio = page.getByTestId(`kpi-ratio-${key}`);
      out[key] = {
        value: await page.getByTestId(`kpi-value-${key}`).textContent(),
        ratio: (await ratio.count()) > 0 ? await ratio.textContent() : null,
        previous: await page.getByTestId(`kpi-previous-${key}`).textContent(),
      };
    }
    return out;
  }

  async function openReports(page: Page): Promise<void> {
    await openTab(page, 'reports');
    await page.waitForSelector('[data-testid=reports][data-busy=""] [data-testid=report-period] option', { state: 'attached' });
  }

  async function generate(page: Page, kind: PeriodKind, period: string): Promise<void> {
    await page.getByTestId('report-kind').selectOption(kind);
    await page.getByTestId('report-period').selectOption(period);
    await page.getByTestId('report-generate').click();
    await page.waitForFunction(
      ([k, p]) =>
        document.querySelector('[data-testid=reports]')?.getAttribute('data-busy') === '' &&
        document.querySelector(`[data-testid=kpi-heading][data-kind="${k}"][data-period="${p}"]`) !== null,
      [kind, period] as const,
    );
  }

  it('generates the monthly report of the last complete month: the tiles show the numbers runReport computes, and the sheet is in the download', async () => {
    const { page, blocked, errors } = await openPane('?lang=zh');
    await loadSample(page);
    await openReports(page);
    const monthly = await reportExpected('zh', 'monthly');
    const label = monthly.result.period.label;
    // now is 2026-11-25 17:30: the last complete month is October
    expect(label).toBe('2026-10');

    // the kinds, in Chinese; the period list is the app's, newest first, the default marked
    expect(await page.getByTestId('report-kind').locator('option').allTextContents()).toEqual(['日盘点', '周报', '月报', '季报']);
    await page.getByTestId('report-kind').selectOption('monthly');
    expect(await page.getByTestId('report-period').inputValue()).toBe(label);
    expect(await page.getByTestId('report-period').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(
      monthly.periods.monthly.choices,
    );
    expect(await page.getByTestId('report-period').locator('option:checked').textContent()).toBe(`${label}（默认）`);

    await generate(page, 'monthly', label);
    expect(monthly.result.sheetName).toBe(`月报 ${label}`);
    expect(await page.getByTestId('report-message').getAttribute('data-intent')).toBe('success');
    expect(await page.getByTestId('report-message').textContent()).toContain(`“月报 ${label}”已加入工作簿`);
    // no Excel to jump to: the sheet is in the workbook to download
    expect(await page.getByTestId('report-jump').count()).toBe(0);
    expect(await page.getByTestId('kpi-heading').textContent()).toBe(`月报 ${label}`);
    expect(await page.getByTestId('kpi-as-of').textContent()).toBe(`截至 ${String(monthly.json.asOf).replace('T', ' ').replace(/:00$/, '')}`);

    // every tile: value, numerator / denominator, previous period — as the model has them
    expect(await renderedTiles(page)).toEqual(expectedTiles(monthly.json, 'zh'));
    // the sample has tickets and charges in that month: real numbers, not placeholders
    expect(monthly.json.tickets.received).toBe(151);
    expect(await page.getByTestId('kpi-value-collectionRate').textContent()).toMatch(/^\d+\.\d%$/);
    // the trend: the model's points, in order
    const points = page.getByTestId('trend-point');
    expect(await points.count()).toBe(monthly.json.trend.length);
    expect(monthly.json.trend).toHaveLength(12);
    expect(
      await points.evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-received')), Number(g.getAttribute('data-resolved'))])),
    ).toEqual(monthly.json.trend.map((p) => [p.label, p.received, p.resolved]));
    await screenshot(page, 'reports-zh.png');

    // the weekly report of the default week
    const weekly = await reportExpected('zh', 'weekly');
    const week = weekly.result.period.label;
    await page.getByTestId('report-kind').selectOption('weekly');
    expect(await page.getByTestId('report-period').inputValue()).toBe(week);
    await generate(page, 'weekly', week);
    expect(await page.getByTestId('kpi-heading').textContent()).toBe(`周报 ${week}`);
    expect(await page.getByTestId('report-message').textContent()).toContain(`“周报 ${week}”已加入工作簿`);
    // received and resolved are fixed once the week is over or by the sample's last entry
    expect(await page.getByTestId('kpi-value-received').textContent()).toBe(count(weekly.json.tickets.received, 'zh'));
    expect(await page.getByTestId('kpi-value-resolved').textContent()).toBe(count(weekly.json.tickets.resolved, 'zh'));
    expect(await page.getByTestId('kpi-value-collectionRate').textContent()).toBe(percent(weekly.json.charges?.collectionRate, '—'));
    // nothing fell due that week: no rate, and the dash says so when read out
    expect(weekly.json.charges?.collectionRate.rate).toBeNull();
    expect(await page.getByTestId('kpi-value-collectionRate').getAttribute('aria-label')).toBe('无数据');

    // the KPI pivots: in a file, the cross-tabs as values
    await page.getByTestId('kpi-pivots').click();
    await page.waitForSelector('[data-testid=pivots-message][data-intent=success]');
    const kpiSheet = kpiSheetName('zh');
    expect(await page.getByTestId('pivots-message').textContent()).toBe(`交叉表已以数值写入“${kpiSheet}”，下载工作簿即可查看。`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    const saved = path.join(tmp, 'reports.xlsx');
    await download.saveAs(saved);
    const reopened = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    const names = (await reopened.listSheets()).map((s) => s.name);
    expect(names).toEqual([...ZH_NAMES, `月报 ${label}`, `周报 ${week}`, kpiSheet]);
    // the report sheet holds the figures the tiles show
    const [sheet] = await reopened.readSheets([`月报 ${label}`]);
    const flat = sheet.rows.flat();
    expect(flat).toContain(monthly.json.tickets.received);
    expect(flat).toContain(monthly.json.tickets.onTimeResolution.rate);
    const [kpi] = await reopened.readSheets([kpiSheet]);
    // the cross-tabs the app writes on the same sample, row for row; the order of the categories is
    // left aside: src/domain/crosstab.ts sorts them with localeCompare, whose order for Chinese
    // differs between Chromium (pinyin) and Node here
    const withPivots = FileWorkbook.open((await sampleExpected('zh')).wb.toBytes());
    await writeKpiPivots(withPivots, { lang: 'zh' });
    const rowSet = (rows: ReadonlyArray<ReadonlyArray<unknown>>) => rows.map((r) => JSON.stringify(r)).sort();
    expect(rowSet(kpi.rows)).toEqual(rowSet((await withPivots.readSheets([kpiSheet]))[0].rows));
    // the Workbook tab still lists the five data sheets as ready
    expect(await page.getByTestId('status').getAttribute('data-ready')).toBe('true');
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the report figures in English', async () => {
    const { page, errors } = await openPane('?lang=en');
    await loadSample(page);
    await openReports(page);
    expect(await page.getByTestId('tab-reports').textContent()).toBe('Reports');
    const monthly = await reportExpected('en', 'monthly');
    const label = monthly.result.period.label;
    await generate(page, 'monthly', label);
    expect(await page.getByTestId('kpi-heading').textContent()).toBe(`Monthly ${label}`);
    expect(await page.getByTestId('report-message').textContent()).toContain(`"${monthly.result.sheetName}" is now in the workbook`);
    expect(await renderedTiles(page)).toEqual(expectedTiles(monthly.json, 'en'));
    await screenshot(page, 'reports-en.png');
    expect(errors).toEqual([]);
  });

  it('names the missing sheet when the workbook is not set up, and offers the Workbook tab', async () => {
    const input = await clerkWorkbookFile('只有台账.xlsx');
    const { page, errors } = await openPane('?lang=zh');
    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await openTab(page, 'reports');
    await page.getByTestId('report-not-ready').waitFor();
    expect(await page.getByTestId('report-not-ready').textContent()).toContain('工作簿中没有“工单”工作表');
    expect(await page.getByTestId('report-generate').count()).toBe(0);
    await page.getByTestId('go-workbook').click();
    expect(await page.getByTestId('panel-workbook').isVisible()).toBe(true);
    expect(await page.getByTestId('set-up').isVisible()).toBe(true);

    // once set up, the Reports tab offers the reports
    await page.getByTestId('set-up').click();
    await page.waitForSelector('[data-testid=message][data-intent=success]');
    await settled(page);
    await openReports(page);
    expect(await page.getByTestId('report-not-ready').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  // ---- the pane at Excel's widths (issue 10) ----

  /** Excel's task pane opens 320 px wide; clerks widen it to 450 or so. */
  const WIDTHS = [320, 360, 450] as const;
  const TABS = ['workbook', 'today', 'adopt', 'validation', 'entry', 'reports', 'arrears', 'callbacks'] as const;

  it.each(['zh', 'en'] as const)('fits 320, 360 and 450 px in %s: every tab, nothing past the edge, no control over another', async (lang) => {
    const { page, errors } = await openPane(`?lang=${lang}`, { viewport: { width: 320, height: 700 }, random: 0.5 });
    // before a file is open, the Workbook tab says what to do
    const empty = page.getByTestId('workbook-empty');
    expect(await empty.textContent()).toBe(lang === 'zh' ? `${STRINGS.zh.noWorkbookTitle}${STRINGS.zh.noWorkbookHint}` : `${STRINGS.en.noWorkbookTitle}${STRINGS.en.noWorkbookHint}`);
    expect(await layoutFaults(page)).toEqual([]);
    await screenshot(page, `pane-320-start-${lang}.png`);

    // every tab with something in it: the sample, its validation, the form refused, a report
    await loadSample(page);
    expect(await empty.count()).toBe(0);
    await validateInPane(page);
    await openTab(page, 'entry');
    await page.waitForSelector('[data-testid=entry-form]');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-outcome][data-intent=error]');
    await openReports(page);
    const monthly = await reportExpected(lang, 'monthly');
    await page.getByTestId('report-kind').selectOption('monthly');
    await generate(page, 'monthly', monthly.result.period.label);

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      for (const tab of TABS) {
        await openTab(page, tab);
        await page.getByTestId(`panel-${tab}`).waitFor();
        if (tab === 'today') await page.waitForSelector('[data-testid=today][data-busy=""] [data-testid=today-overdue]');
        if (tab === 'arrears') await page.waitForSelector('[data-testid=arrears][data-busy=""] [data-testid=arrears-summary]');
        if (tab === 'callbacks') await page.waitForSelector('[data-testid=callbacks][data-busy=""] [data-testid=callbacks-year]');
        expect([width, tab, await layoutFaults(page)]).toEqual([width, tab, []]);
        // the strip is one line in either language: what does not fit is under "more"
        expect([width, tab, (await tabRows(page)).length]).toEqual([width, tab, 1]);
        if (width === 320) await screenshot(page, `pane-320-${tab}-${lang}.png`);
      }
    }

    // under 400 px the form is one column: every field starts at the same left edge
    await page.setViewportSize({ width: 320, height: 700 });
    await openTab(page, 'entry');
    const lefts = await page.locator('[data-testid^=entry-field-]').evaluateAll((fs) => [...new Set(fs.map((f) => Math.round(f.getBoundingClientRect().left)))]);
    expect(lefts).toHaveLength(1);
    await page.setViewportSize({ width: 450, height: 700 });
    const wideLefts = await page.locator('[data-testid^=entry-field-]').evaluateAll((fs) => [...new Set(fs.map((f) => Math.round(f.getBoundingClientRect().left)))]);
    expect(wideLefts).toHaveLength(2);

    // at 320 px no value in the validation list breaks across lines (2026-09- / 01 15:16, 3- / 1502)
    await page.setViewportSize({ width: 320, height: 700 });
    await openTab(page, 'validation');
    const spans = await page.locator('[data-testid=problem-item] [data-value]').evaluateAll((vs) =>
      vs.map((v) => ({ text: v.textContent ?? '', lines: v.getClientRects().length, height: v.getBoundingClientRect().height, line: parseFloat(getComputedStyle(v).lineHeight) })),
    );
    expect(spans.filter((v) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v.text)).length).toBeGreaterThan(0);
    expect(spans.filter((v) => /^\d+-\d+$/.test(v.text)).length).toBeGreaterThan(0);
    expect(spans.filter((v) => v.lines !== 1 || v.height > v.line * 1.2)).toEqual([]);
    expect(errors).toEqual([]);
  });

  // ---- adopting the registers a center keeps (issue 11) ----

  /** The demo's center as kept by hand (six month sheets of tickets, owners, a fee ledger, a reminder log). */
  const LEGACY = { asOf: AS_OF, units: 60, months: 6, seed: 7 } as const;

  /**
   * The legacy workbook as a file (with `notes`, a sheet of notes that is no register), and what a dry
   * run of the app finds in it (`bySheet`: the clerk's choices).
   */
  async function legacyFile(lang: 'zh' | 'en', name: string, notes?: string) {
    const wb = FileWorkbook.create();
    const { sheets } = await writeLegacySample(wb, { ...LEGACY, lang });
    if (notes) await wb.addSheets([{ name: notes, columns: [{ header: 'Handover' }], rows: [['Lift 2 serviced on Monday'], ['Call the water company about the meter']] }]);
    const bytes = wb.toBytes();
    const file = path.join(tmp, name);
    fs.writeFileSync(file, bytes);
    const dryRun = (bySheet: Record<string, SheetChoices> = {}) => adoptWorkbook(FileWorkbook.open(bytes), { dryRun: true, bySheet, messageLang: lang, asOf: AS_OF });
    return { file, sheets, dryRun };
  }

  async function openAdopt(page: Page): Promise<void> {
    await openTab(page, 'adopt');
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-sheets]');
  }

  /** Each sheet as the tab lists it: name, kind, chosen, and its row accounting. */
  const sheetsListed = (page: Page) =>
    page.getByTestId('adopt-sheet').evaluateAll((items) =>
      items.map((li) => ({
        sheet: li.getAttribute('data-sheet'),
        kind: li.getAttribute('data-kind'),
        chosen: li.getAttribute('data-chosen'),
        rows: ['total', 'imported', 'flagged', 'skipped'].map((k) => Number(li.getAttribute(`data-${k}`))),
      })),
    );
  const expectedListing = (result: AdoptResult) =>
    result.sheets.map((s) => ({ sheet: s.sheet, kind: s.kind ?? '', chosen: String(s.kind !== null), rows: [s.rows.total, s.rows.imported, s.rows.flagged, s.rows.skipped] }));

  /** The preview of a sheet as drawn: its column headers and its rows' cells. */
  const previewShown = (item: ReturnType<Page['getByTestId']>) =>
    item.getByTestId('adopt-preview').evaluate((box) => ({
      headers: [...box.querySelectorAll('th')].map((th) => th.textContent),
      rows: [...box.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    }));
  /** The app's preview with the columns empty in every row left out, as the tab draws it. */
  const previewExpected = (s: AdoptResult['sheets'][number]) => {
    const keep = s.preview.headers.map((_, c) => s.preview.rows.some((r) => r[c] !== ''));
    return { headers: s.preview.headers.filter((_, c) => keep[c]), rows: s.preview.rows.map((r) => r.filter((_, c) => keep[c])) };
  };

  async function pickOption(page: Page, dropdown: ReturnType<Page['getByTestId']>, option: string): Promise<void> {
    await dropdown.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('adopts a hand-kept workbook: the nine registers with their kinds, a column kept as is, the import, and nothing twice', async () => {
    const legacy = await legacyFile('zh', '翠湖苑台账.xlsx');
    const expected = await legacy.dryRun();
    expect(expected.sheets.map((s) => s.kind)).toEqual([...new Array(6).fill('tickets'), 'customers', 'charges', 'reminders']);
    const { page, blocked, errors } = await openPane('?lang=zh', { viewport: { width: 320, height: 700 } });
    await page.getByTestId('file-input').setInputFiles(legacy.file);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await openAdopt(page);

    // every sheet, its kind and its rows as the app counts them; every register chosen
    expect(await sheetsListed(page)).toEqual(expectedListing(expected));
    expect(legacy.sheets).toEqual(['2026年6月', '2026年7月', '2026年8月', '2026年9月', '2026年10月', '2026年11月', '业主信息', '收费台账', '催缴登记']);
    const kinds = await page.getByTestId('adopt-kind').allTextContents();
    expect(kinds).toEqual([...new Array(6).fill('工单'), '客户', '应收', '催缴记录']);
    const june = page.getByTestId('adopt-sheet').first();
    const [j] = expected.sheets;
    expect(await june.getByTestId('adopt-rows').textContent()).toBe(`共 ${j.rows.total}\u00a0行，将导入 ${j.rows.imported}\u00a0行，跳过 ${j.rows.skipped}\u00a0行`);
    expect([j.rows.total, j.rows.imported, j.rows.skipped]).toEqual([31, 28, 3]);
    const august = expected.sheets[2];
    expect(await page.getByTestId('adopt-sheet').nth(2).getByTestId('adopt-rows').textContent()).toBe(
      `共 ${august.rows.total}\u00a0行，将导入 ${august.rows.imported}\u00a0行（${august.rows.flagged}\u00a0行有问题），跳过 ${august.rows.skipped}\u00a0行`,
    );
    expect(await page.getByTestId('adopt-import').textContent()).toBe('导入选中的 9 张表');
    expect(await layoutFaults(page)).toEqual([]);
    expect(await tabRows(page)).toHaveLength(1);
    await screenshot(page, 'adopt-zh.png');

    // the first sheet's columns, the rows converted, the rows skipped with their reasons
    await june.getByTestId('adopt-details-summary').click();
    await june.getByTestId('adopt-mapping').waitFor();
    const columns = await june.getByTestId('adopt-column').evaluateAll((dts) => dts.map((d) => [d.getAttribute('data-source'), d.getAttribute('data-target')]));
    expect(columns).toEqual(Object.entries(j.mapping));
    expect(await june.getByTestId('adopt-column-choice').evaluateAll((bs) => bs.map((b) => b.textContent))).toEqual(Object.values(j.mapping));
    expect(await previewShown(june)).toEqual(previewExpected(j));
    expect(j.preview.rows[0][j.preview.headers.indexOf('内容')]).toBe('空调外机噪音大，影响休息');
    expect(await june.getByTestId('adopt-skipped').allTextContents()).toEqual(['空行：第 32 行', '合计行：第 33 行', '说明：第 34 行']);
    expect(await layoutFaults(page)).toEqual([]);

    // 投诉内容 kept as is: 内容 is empty, the register's column comes last, as the app says
    await pickOption(page, june.locator('[data-testid=adopt-column-choice][data-source=投诉内容]'), '保留原列（不对应）');
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-column][data-source=投诉内容][data-target=""]');
    const keptRun = await legacy.dryRun({ '2026年6月': { choices: { 投诉内容: null } } });
    const kept = keptRun.sheets[0];
    const shown = await previewShown(june);
    expect(shown).toEqual(previewExpected(kept));
    expect(shown.headers.slice(-2)).toEqual(['导入来源', '投诉内容']);
    expect(shown.headers).not.toContain('内容');
    expect(shown.rows[0].at(-1)).toBe('空调外机噪音大，影响休息');
    expect(await june.getByTestId('adopt-preview-empty').textContent()).toContain('内容');
    // every June row now lacks its 内容 (flagged, still imported); only that sheet: the others as before
    expect(await sheetsListed(page)).toEqual(expectedListing(keptRun));
    expect(kept.rows).toEqual({ total: 31, imported: 28, flagged: 28, skipped: 3 });
    expect(expectedListing(keptRun).slice(1)).toEqual(expectedListing(expected).slice(1));
    expect(await layoutFaults(page)).toEqual([]);
    await screenshot(page, 'adopt-columns-zh.png');

    // …and back, by the dropdown
    await pickOption(page, june.locator('[data-testid=adopt-column-choice][data-source=投诉内容]'), '内容');
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-column][data-source=投诉内容][data-target=内容]');
    expect(await previewShown(june)).toEqual(previewExpected(j));

    // the import: the four structured sheets made, with as many rows as the dry run said
    expect(await page.getByTestId('unsaved-mark').count()).toBe(0);
    await page.getByTestId('adopt-import').click();
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-message][data-intent=success]');
    const rows = expected.sheets.reduce((n, s) => n + s.rows.imported, 0);
    const records = expected.sheets.reduce((n, s) => n + s.records, 0);
    expect(await page.getByTestId('adopt-message').textContent()).toBe(
      `导入完成已导入 ${rows} 行。新建：工单、客户、应收、催缴记录、设置。原台账未做任何改动。下载工作簿即可保存导入的结果。`,
    );
    expect(rows).toBe(records);
    await page.getByTestId('unsaved-mark').waitFor();
    // the dry run made again: every row is there already
    expect(await sheetsListed(page)).toEqual(
      expected.sheets.map((s) => ({ sheet: s.sheet, kind: s.kind, chosen: 'true', rows: [s.rows.total, 0, 0, s.rows.total] })),
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('adopt-download').click()]);
    expect(download.suggestedFilename()).toBe('翠湖苑台账.xlsx');
    const saved = path.join(tmp, 'adopted.xlsx');
    await download.saveAs(saved);
    expect(checkXlsx(saved)).toBe('');
    await page.getByTestId('unsaved-mark').waitFor({ state: 'detached' });
    const adopted = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    expect((await adopted.listSheets()).map((s) => s.name)).toEqual([...legacy.sheets, ...ZH_NAMES]);
    const byKind = (kind: string) => expected.sheets.filter((s) => s.kind === kind).reduce((n, s) => n + s.records, 0);
    const grids = await adopted.readSheets(['工单', '客户', '应收', '催缴记录']);
    expect(grids.map((g) => g.rows.length - 1)).toEqual([byKind('tickets'), byKind('customers'), byKind('charges'), byKind('reminders')]);
    expect(grids.map((g) => g.rows.length - 1)).toEqual([180, 60, 786, 21]);

    // a second import adds nothing, and leaves the workbook as downloaded
    await page.getByTestId('adopt-import').click();
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-message][data-intent=info]');
    expect(await page.getByTestId('adopt-message').textContent()).toBe('没有新的行这些台账的行都已导入过，工作簿未改动。');
    expect(await page.getByTestId('unsaved-mark').count()).toBe(0);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('adopts in English: the kinds, a sheet taken for another kind, and the tab at 320 px', async () => {
    const legacy = await legacyFile('en', 'center.xlsx', 'Notes');
    const expected = await legacy.dryRun();
    expect(expected.sheets.at(-1)).toMatchObject({ sheet: 'Notes', kind: null });
    const { page, errors } = await openPane('?lang=en', { viewport: { width: 320, height: 700 } });
    await page.getByTestId('file-input').setInputFiles(legacy.file);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await openAdopt(page);
    expect(await page.getByTestId('tab-adopt').textContent()).toBe('Adopt');
    expect(await tabRows(page)).toHaveLength(1);
    expect(await sheetsListed(page)).toEqual(expectedListing(expected));
    expect(await page.getByTestId('adopt-kind').allTextContents()).toEqual([...new Array(6).fill('Tickets'), 'Customers', 'Charges', 'Reminders', 'Not a register']);
    // the notes: no register, not chosen, and said so
    const notes = page.locator('[data-testid=adopt-sheet][data-sheet=Notes]');
    expect(await notes.getByTestId('adopt-sheet-chosen').isDisabled()).toBe(true);
    expect(await notes.getByTestId('adopt-not-register').textContent()).toBe('Not recognised as any kind of register. If it is one, choose its kind on the right.');
    expect(await page.getByTestId('adopt-import').textContent()).toBe('Import the 9 sheets chosen');
    const [first] = expected.sheets;
    expect(await page.getByTestId('adopt-rows').first().textContent()).toBe(`${first.rows.total} rows: ${first.rows.imported} to import, ${first.rows.skipped} skipped`);
    expect(await layoutFaults(page)).toEqual([]);
    await screenshot(page, 'adopt-en.png');

    const owners = page.locator('[data-testid=adopt-sheet][data-sheet=Owners]');
    await owners.getByTestId('adopt-details-summary').click();
    await owners.getByTestId('adopt-mapping').waitFor();
    expect(await layoutFaults(page)).toEqual([]);
    await screenshot(page, 'adopt-columns-en.png');

    // the owners' list taken for reminders: its columns judged for that kind, as the app does
    await pickOption(page, owners.getByTestId('adopt-kind'), 'Reminders');
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-sheet][data-sheet=Owners][data-kind=reminders]');
    const asReminders = (await legacy.dryRun({ Owners: { as: 'reminders' } })).sheets.find((s) => s.sheet === 'Owners')!;
    const columns = await owners.getByTestId('adopt-column').evaluateAll((dts) => dts.map((d) => [d.getAttribute('data-source'), d.getAttribute('data-target')]));
    expect(columns).toEqual(Object.entries(asReminders.mapping).map(([k, v]) => [k, v ?? '']));
    expect(await owners.getAttribute('data-imported')).toBe(String(asReminders.rows.imported));
    expect(await layoutFaults(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  // ---- work not yet downloaded (standalone) ----

  /** A ticket with only what is required, logged through the form. */
  async function logTicket(page: Page, description: string): Promise<void> {
    await openTab(page, 'entry');
    await page.waitForSelector('[data-testid=entry-form]');
    await page.getByTestId('entry-type').selectOption('repair');
    // the first category of the Settings list, in either language
    await page.getByTestId('entry-category').selectOption({ index: 1 });
    await page.getByTestId('entry-description').fill(description);
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-added]');
    await page.waitForSelector('[data-testid=entry][data-busy=""]');
  }

  /** How many beforeunload listeners the page's window has (through the DevTools protocol). */
  async function beforeUnloadListeners(page: Page): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    await cdp.detach();
    return listeners.filter((l) => l.type === 'beforeunload').length;
  }

  const rowsShown = async (page: Page) => Number(await page.getByTestId('sheet-rows-tickets').getAttribute('data-rows'));

  it('asks before dropping a ticket not yet downloaded: cancel keeps it, download saves it, and the browser asks before the tab closes', async () => {
    const { page, errors } = await openPane('?lang=zh', { random: 0.5 });
    await loadSample(page);
    const before = await rowsShown(page);
    const quiet = await beforeUnloadListeners(page);
    expect(await page.getByTestId('unsaved-mark').count()).toBe(0);

    await logTicket(page, '地下车库积水');
    await openTab(page, 'workbook');
    await page.waitForFunction((n) => document.querySelector('[data-testid=sheet-rows-tickets]')?.getAttribute('data-rows') === String(n), before + 1);
    expect(await page.getByTestId('unsaved-mark').textContent()).toContain('有未下载的更改');
    expect(await beforeUnloadListeners(page)).toBe(quiet + 1);

    // closing the tab: the browser asks, and staying keeps everything
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);

    // another file: asked first, nothing replaced meanwhile; cancel keeps the sample and its ticket
    const other = await clerkWorkbookFile('另一个台账.xlsx');
    await page.getByTestId('file-input').setInputFiles(other);
    const ask = page.getByTestId('unsaved-dialog');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('有未下载的更改');
    expect(await ask.textContent()).toContain('打开“另一个台账.xlsx”会丢弃这些更改');
    expect(await page.getByTestId('file-name').textContent()).toBe('当前文件：服务台示例.xlsx');
    // the dialog over what the clerk sees, not over the whole long page
    await screenshot(page, 'unsaved-zh.png', false);
    await page.getByTestId('unsaved-cancel').click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByTestId('file-name').textContent()).toBe('当前文件：服务台示例.xlsx');
    expect(await rowsShown(page)).toBe(before + 1);

    // asked again: download first, then the other file opens
    await page.getByTestId('file-input').setInputFiles(other);
    await ask.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('unsaved-download').click()]);
    expect(download.suggestedFilename()).toBe('服务台示例.xlsx');
    const saved = path.join(tmp, 'kept-before-switch.xlsx');
    await download.saveAs(saved);
    expect(checkXlsx(saved)).toBe('');
    const [tickets] = await FileWorkbook.open(new Uint8Array(fs.readFileSync(saved))).readSheets(['工单']);
    expect(tickets.rows.at(-1)).toContain('地下车库积水');
    await page.waitForFunction(() => document.querySelector('[data-testid=file-name]')?.textContent === '当前文件：另一个台账.xlsx');
    await settled(page);
    expect(await page.getByTestId('unsaved-mark').count()).toBe(0);
    expect(await beforeUnloadListeners(page)).toBe(quiet);
    expect(errors).toEqual([]);
  });

  it('drops unsaved changes only when told to, and lets the tab close without asking once they are downloaded', async () => {
    const { page, errors } = await openPane('?lang=en', { random: 0.5 });
    await loadSample(page);
    const before = await rowsShown(page);
    await logTicket(page, 'Water in the car park');
    await openTab(page, 'workbook');
    await page.waitForFunction((n) => document.querySelector('[data-testid=sheet-rows-tickets]')?.getAttribute('data-rows') === String(n), before + 1);

    // the sample again, over the changes: asked in English, and discarding starts afresh
    await page.getByTestId('load-sample').click();
    const ask = page.getByTestId('unsaved-dialog');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Changes not downloaded');
    await page.getByTestId('unsaved-discard').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=sheet-rows-tickets]')?.getAttribute('data-rows') === String(n), before);
    await settled(page);
    expect(await page.getByTestId('unsaved-mark').count()).toBe(0);

    // a change downloaded is safe: no question when the tab closes
    await logTicket(page, 'Lift stuck on floor 3');
    await openTab(page, 'workbook');
    await page.getByTestId('unsaved-mark').waitFor();
    await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    // the mark goes in the render after the download starts, not before it: waited for, never assumed
    await page.getByTestId('unsaved-mark').waitFor({ state: 'detached' });
    let asked = false;
    page.on('dialog', (d) => {
      asked = true;
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await page.waitForEvent('close');
    expect(asked).toBe(false);
    expect(errors).toEqual([]);
  });

  // ---- the new-ticket form answers in its own words ----

  it('names every missing required field at once, in the pane\'s language, and focuses the first', async () => {
    const { page, errors } = await openPane('?lang=zh', { random: 0.5 });
    await loadSample(page);
    await openTab(page, 'entry');
    await page.waitForSelector('[data-testid=entry-form]');
    // the form leaves checking to the app: no browser bubble, one field at a time
    expect(await page.getByTestId('entry-form').evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true);
    await page.getByTestId('entry-receivedAt').fill('');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-outcome][data-intent=error]');
    const flagged = await page.locator('[data-testid^=entry-field-][data-problem=error]').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-testid')));
    expect(flagged).toEqual(['entry-field-receivedAt', 'entry-field-type', 'entry-field-category', 'entry-field-description']);
    const message = (key: string) => page.getByTestId(`entry-field-${key}`).locator('[id$=__validationMessage]').textContent();
    for (const key of ['receivedAt', 'type', 'category', 'description']) expect([key, await message(key)]).toEqual([key, '必填，请填写']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('entry-receivedAt');
    expect(await page.getByTestId('entry-added').count()).toBe(0);

    // in English, the same fields in English
    await page.getByTestId('lang-switch').click();
    await page.waitForSelector('[data-testid=pane][data-lang=en]');
    await page.waitForSelector('[data-testid=entry][data-busy=""] [data-testid=entry-form]');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-outcome][data-intent=error]');
    expect(await message('type')).toBe('Required: fill this in');
    expect(await message('description')).toBe('Required: fill this in');
    expect(await page.locator('[data-testid^=entry-field-][data-problem=error]').count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it('takes times as the workbook writes them (yyyy-mm-dd hh:mm), says when one is not a time, and warns of an agreed time before the call', async () => {
    const { page, errors } = await openPane('?lang=zh', { random: 0.5 });
    await loadSample(page);
    const before = await rowsShown(page);
    await openTab(page, 'entry');
    await page.waitForSelector('[data-testid=entry-form]');
    const received = page.getByTestId('entry-receivedAt');
    // a text field, not the browser's date picker (mm/dd/yyyy in en-US)
    expect(await received.getAttribute('type')).toBe('text');
    expect(await page.getByTestId('entry-agreedDueAt').getAttribute('placeholder')).toBe('yyyy-mm-dd hh:mm');

    // another way of typing it is shown the workbook's way once the field is left
    await received.fill('2026/11/20 9:30');
    await received.blur();
    expect(await received.inputValue()).toBe('2026-11-20 09:30');

    // not a time: said on the field, with what is expected
    await page.getByTestId('entry-type').selectOption('repair');
    await page.getByTestId('entry-category').selectOption('维修');
    await page.getByTestId('entry-description').fill('消防通道堆放杂物');
    await page.getByTestId('entry-agreedDueAt').fill('2026-11-31 18:00');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-outcome][data-intent=error]');
    expect(await page.getByTestId('entry-field-agreedDueAt').getAttribute('data-problem')).toBe('error');
    expect(await page.getByTestId('entry-field-agreedDueAt').textContent()).toContain('“2026-11-31 18:00”不是有效值，应为日期时间，如 2026-11-25 14:30');

    // agreed for the evening before the call: a warning, and the clerk may still add it
    await received.fill('2026-11-20 09:30');
    await page.getByTestId('entry-agreedDueAt').fill('2026-11-19 18:00');
    await page.getByTestId('entry-submit').click();
    await page.waitForSelector('[data-testid=entry-outcome][data-intent=warning]');
    const agreed = page.getByTestId('entry-field-agreedDueAt');
    expect(await agreed.getAttribute('data-problem')).toBe('warning');
    expect(await agreed.textContent()).toContain('2026-11-19 18:00 早于「受理时间」2026-11-20 09:30');
    expect(await page.getByTestId('entry-added').count()).toBe(0);
    await page.getByTestId('entry-confirm').click();
    await page.waitForSelector('[data-testid=entry-added]');
    const id = ((await page.getByTestId('entry-added').textContent()) ?? '').match(/GD-\d{8}-[0-9A-Z]{3}-\d{3}/)?.[0];
    // the ID carries the day it was received, as typed
    expect(id).toBe(`GD-20261120-${drawTag(() => 0.5)}-001`);

    // the workbook holds the times typed, as Excel date-times
    await openTab(page, 'workbook');
    await page.waitForFunction((n) => document.querySelector('[data-testid=sheet-rows-tickets]')?.getAttribute('data-rows') === String(n), before + 1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(tmp, 'typed-times.xlsx');
    await download.saveAs(saved);
    expect(checkXlsx(saved)).toBe('');
    const [tickets] = await FileWorkbook.open(new Uint8Array(fs.readFileSync(saved))).readSheets(['工单']);
    const headers = tickets.rows[0];
    const row = tickets.rows.find((r) => r[0] === id)!;
    expect(row[headers.indexOf('受理时间')]).toBe(wallToSerial(wall(2026, 11, 20, 9, 30)));
    expect(row[headers.indexOf('约定完成时间')]).toBe(wallToSerial(wall(2026, 11, 19, 18, 0)));
    expect(errors).toEqual([]);
  });

  // ---- language, and what the Workbook tab lists ----

  it('switches language from its header, remembers the choice, and lists the sheets it generated', async () => {
    const { page, errors } = await openPane('', { locale: 'zh-CN' });
    expect(await page.getByTestId('pane').getAttribute('data-lang')).toBe('zh');
    const toggle = page.getByTestId('lang-switch');
    expect(await toggle.textContent()).toBe('English');
    await toggle.click();
    await page.waitForSelector('[data-testid=pane][data-lang=en]');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deskbook');
    expect(await page.evaluate(() => [document.documentElement.lang, document.title, localStorage.getItem('deskbook.lang')])).toEqual(['en', 'Deskbook', 'en']);
    expect(await toggle.textContent()).toBe('中文');
    // remembered in this browser
    await page.reload();
    await page.waitForSelector('[data-testid=pane][data-lang=en]');
    // …and back
    await page.getByTestId('lang-switch').click();
    await page.waitForSelector('[data-testid=pane][data-lang=zh]');

    // the Workbook tab lists the reports and the KPI sheet written, as `deskbook status` does
    await loadSample(page);
    expect(await page.getByTestId('generated-sheets').count()).toBe(0);
    await openReports(page);
    const monthly = await reportExpected('zh', 'monthly');
    await page.getByTestId('report-kind').selectOption('monthly');
    await generate(page, 'monthly', monthly.result.period.label);
    await page.getByTestId('kpi-pivots').click();
    await page.waitForSelector('[data-testid=pivots-message][data-intent=success]');
    await openTab(page, 'workbook');
    await page.waitForFunction(() => document.querySelector('[data-testid=generated-sheets]')?.textContent?.includes('KPI'));
    expect(await page.getByTestId('generated-sheets').textContent()).toBe(`生成的报表：${monthly.result.sheetName}、${kpiSheetName('zh')}`);
    expect(errors).toEqual([]);
  });

  it('runs at once when office.js never arrives (its CDN unreachable): the pane does not wait for it', async () => {
    const { page, errors, officeRequests } = await openPane('?lang=zh', { hangOffice: true });
    expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('standalone');
    // office.js was asked for and is still on its way
    expect(officeRequests).toEqual([`${OFFICE_CDN}office.js`]);
    expect(await page.evaluate(() => (window as unknown as { DESKBOOK_OFFICE_JS: string }).DESKBOOK_OFFICE_JS)).toBe('loading');
    await loadSample(page);
    expect(await page.getByTestId('status').getAttribute('data-ready')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('follows the browser\'s language when the URL does not name one', async () => {
    const en = await openPane('', { locale: 'en-GB' });
    expect(await en.page.getByRole('heading', { level: 1 }).textContent()).toBe('Deskbook');
    const zh = await openPane('', { locale: 'zh-CN' });
    expect(await zh.page.getByRole('heading', { level: 1 }).textContent()).toBe('服务台工作簿');
    const fr = await openPane('', { locale: 'fr-FR' });
    expect(await fr.page.getByRole('heading', { level: 1 }).textContent()).toBe('服务台工作簿');
  });

  it('still works when office.js cannot be loaded at all', async () => {
    const { page, errors } = await openPane('?lang=zh', { office: 'throw new Error("offline")' });
    expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('standalone');
    await page.getByTestId('load-sample').click();
    await page.getByTestId('status').waitFor();
    expect(errors).toEqual(['offline']);
  });

  /** The fees and callbacks tests build the sample in Node too: room for a loaded machine. */
  const HEAVY = 180_000;

  /** The sample as the pane builds it (same language, same as-of), in Node. */
  async function sampleFile(lang: 'zh' | 'en'): Promise<FileWorkbook> {
    const wb = FileWorkbook.create();
    await writeSample(wb, { lang, asOf: AS_OF });
    return wb;
  }

  async function openArrears(page: Page): Promise<void> {
    await openTab(page, 'arrears');
    await page.waitForSelector('[data-testid=arrears][data-busy=""] [data-testid=arrears-summary]');
  }

  it('shows the arrears the app computes: the aging table with units, the levels, every unit most owed first', async () => {
    const { page, errors } = await openPane('?lang=zh', { viewport: { width: 320, height: 700 } });
    await loadSample(page);
    await openArrears(page);
    const expected = await runArrears(await sampleFile('zh'), { asOf: AS_OF });
    const list = expected.list;
    expect(list.units.length).toBeGreaterThan(10);
    const summary = page.getByTestId('arrears-summary');
    expect([await summary.getAttribute('data-units'), await summary.getAttribute('data-total')]).toEqual([String(list.units.length), String(list.total)]);
    expect(await summary.textContent()).toBe(`欠费 ${list.units.length}\u00a0户，合计 ${formatYuan(list.total, 'zh-CN')}`);
    expect(await page.getByTestId('arrears-as-of').textContent()).toBe('截至 2026-11-25');
    // the aging table, bucket for bucket, is the report's (户数 and amount), and adds up to the list
    const rows = await page.getByTestId('aging-row').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, Number(tr.getAttribute('data-units')), Number(tr.getAttribute('data-amount'))]));
    expect(rows).toEqual(expected.json.byBucket.map((b) => [b.label, b.units, b.amount]));
    expect(rows.reduce((a, r) => a + (r[2] as number), 0)).toBe(list.total);
    expect(await page.getByTestId('aging-total').textContent()).toBe(formatYuan(list.total, 'zh-CN'));
    // the levels: units at each, highest first, all units counted once
    const levels = await page.locator('[data-testid=arrears-levels] [data-level]').evaluateAll((bs) => bs.map((b) => [Number(b.getAttribute('data-level')), Number(b.getAttribute('data-units'))]));
    const byLevel = new Map<number, number>();
    for (const u of list.units) byLevel.set(u.dunning.level, (byLevel.get(u.dunning.level) ?? 0) + 1);
    expect(levels).toEqual([...byLevel].sort((a, b) => b[0] - a[0]));
    // the first ten units, then all of them
    const units = () => page.getByTestId('arrears-unit').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-unit'), Number(li.getAttribute('data-total')), Number(li.getAttribute('data-level'))]));
    const want = list.units.map((u) => [u.unit, u.total, u.dunning.level]);
    expect(await units()).toEqual(want.slice(0, 10));
    await page.getByTestId('arrears-show-all').click();
    expect(await units()).toEqual(want);
    // the first unit's line: owner, total, level, since when, its last reminder
    const first = list.units[0];
    const item = page.getByTestId('arrears-unit').first();
    expect(await item.textContent()).toContain(`${first.unit} · ${first.owner}${formatYuan(first.total, 'zh-CN')}`);
    expect(await item.textContent()).toContain(`欠 ${first.periods}\u00a0期，自 ${formatWallIso(first.since).slice(0, 10)} 起，最久逾期 ${first.oldestDays}\u00a0天`);
    expect(await layoutFaults(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, HEAVY);

  it('previews the notices at a threshold, generates them with the reminders logged, and the download holds both', async () => {
    const { page, errors } = await openPane('?lang=zh');
    await loadSample(page);
    await openArrears(page);
    const file = await sampleFile('zh');
    const all = await runNotices(file, { asOf: AS_OF });
    const preview = page.getByTestId('notices-preview');
    const total = (n: typeof all) => n.notices.notices.reduce((a, x) => a + x.arrears.total, 0);
    expect([await preview.getAttribute('data-count'), await preview.getAttribute('data-total')]).toEqual([String(all.notices.notices.length), String(total(all))]);
    // at least 1,000.00 yuan and 60 days overdue: fewer notices, the same as the app's
    await page.getByTestId('notices-min-amount').fill('1000');
    await page.getByTestId('notices-min-days').fill('60');
    const some = await runNotices(file, { asOf: AS_OF, minAmount: 100000, minDays: 60 });
    const n = some.notices.notices.length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all.notices.notices.length);
    await page.waitForSelector(`[data-testid=notices-preview][data-count="${n}"]`);
    expect(await preview.textContent()).toBe(STRINGS.zh.noticesPreview(n, formatYuan(total(some), 'zh-CN'), some.notices.promised.length));
    expect(await page.getByTestId('notices-generate').textContent()).toBe(`生成 ${n}\u00a0份通知单`);
    // a threshold that is no number is said on its field, and nothing can be generated
    await page.getByTestId('notices-min-days').fill('六十');
    await page.waitForSelector('[data-testid=notices-generate][disabled]');
    expect(await page.getByText(STRINGS.zh.badNumber).count()).toBe(1);
    await page.getByTestId('notices-min-days').fill('60');

    const before = (await (await sampleFile('zh')).readSheets(['催缴记录']))[0].rows.length;
    await page.getByTestId('notices-log').click();
    await page.getByTestId('notices-generate').click();
    await page.waitForSelector('[data-testid=notices-message][data-intent=success]');
    await settled(page);
    const sheet = '催缴通知单 2026-11-25';
    expect(await page.getByTestId('notices-message').textContent()).toBe(
      `${STRINGS.zh.noticesWrittenTitle}${STRINGS.zh.noticesWritten(sheet, n, formatYuan(total(some), 'zh-CN'), false)}${STRINGS.zh.noticesLogged('催缴记录', n, 0)}`,
    );
    await screenshot(page, 'arrears-notices-zh.png');
    // the list is read again: the units just noticed were reminded today, in writing
    await page.waitForSelector('[data-testid=arrears][data-busy=""] [data-testid=arrears-summary]');
    const noticed = some.notices.notices[0].arrears.unit;
    await page.getByTestId('arrears-show-all').click();
    expect(await page.locator(`[data-testid=arrears-unit][data-unit="${noticed}"]`).textContent()).toContain('上次催缴 2026-11-25（书面通知）');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notices-download').click()]);
    const saved = path.join(tmp, 'notices.xlsx');
    await download.saveAs(saved);
    expect(checkXlsx(saved)).toBe('');
    const reopened = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    const [notices] = await reopened.readSheets([sheet]);
    // one 催缴通知单 heading per notice, and the units noticed in the order the app gives
    expect(notices.rows.filter((r) => r[0] === '催缴通知单')).toHaveLength(n);
    const [log] = await reopened.readSheets(['催缴记录']);
    expect(log.rows.length).toBe(before + n);
    expect(log.rows.slice(before).map((r) => r[0])).toEqual(some.notices.notices.map((x) => x.arrears.unit));
    // a second run the same day logs nothing twice: the app says so
    const again = await runNotices(reopened, { asOf: AS_OF, minAmount: 100000, minDays: 60, logReminders: true });
    expect([again.logged, again.alreadyLogged]).toEqual([0, n]);
    expect(errors).toEqual([]);
  }, HEAVY);

  it('plans the quarter\'s callbacks, shows the progress recorded, and makes a started plan again only when asked', async () => {
    // the sample with its Q4 plan made and two calls typed on it, as a clerk would
    const wb = await sampleFile('zh');
    const plan = await runCallbackPlan(wb, { asOf: AS_OF, write: true });
    const sheet = '回访计划 2026-Q4';
    const [grid] = await wb.readSheets([sheet]);
    const rows = grid.rows.map((r) => [...r]);
    const header = rows.findIndex((r) => r[0] === '房号');
    const called = [rows[header + 1][0], rows[header + 2][0]];
    for (const r of [header + 1, header + 2]) {
      rows[r][6] = wallToSerial(wall(2026, 11, 20));
      rows[r][7] = '小王';
      rows[r][8] = '满意';
    }
    await wb.writeReport({ name: sheet, rows, styles: rows.map((r) => r.map(() => null)), widths: [] });
    const input = path.join(tmp, '回访.xlsx');
    fs.writeFileSync(input, wb.toBytes());

    const { page, errors } = await openPane('?lang=zh', { viewport: { width: 320, height: 700 } });
    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await openTab(page, 'callbacks');
    await page.waitForSelector('[data-testid=callbacks][data-busy=""] [data-testid=callbacks-year]');
    const planned = plan.json.planned;
    const progress = page.getByTestId('callbacks-progress');
    expect([await progress.getAttribute('data-planned'), await progress.getAttribute('data-called')]).toEqual([String(planned), '2']);
    expect(await page.getByText(STRINGS.zh.callbacksCurrent(sheet, planned, 2)).count()).toBe(1);
    expect(await page.getByTestId('callbacks-year').textContent()).toBe(`今年已列入计划 ${plan.json.occupied}\u00a0/\u00a0${plan.json.occupied}\u00a0户`);
    // still to call: the plan's households but the two called, in the plan's order
    await page.getByTestId('callbacks-show-all').click();
    const uncalled = await page.getByTestId('callbacks-household').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
    expect(uncalled).toEqual(plan.json.households.map((h) => h.unit).filter((u) => !called.includes(u)));
    await page.getByTestId('callbacks-show-all').click();
    expect(await page.getByTestId('callbacks-household').count()).toBe(10);

    // generating again is turned down: calls are recorded on it
    await page.getByTestId('callbacks-generate').click();
    await page.waitForSelector('[data-testid=callbacks-plan-message][data-intent=error]');
    expect(await page.getByTestId('callbacks-plan-message').textContent()).toContain(sheet);
    await screenshot(page, 'callbacks-started-zh.png');
    // asked to, it keeps the two rows as typed
    await page.getByTestId('callbacks-redo').click();
    await page.waitForSelector('[data-testid=callbacks-plan-message][data-intent=success]');
    await settled(page);
    expect(await page.getByTestId('callbacks-plan-message').textContent()).toContain('已登记的 2\u00a0行原样保留');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('callbacks-download').click()]);
    const saved = path.join(tmp, 'callbacks.xlsx');
    await download.saveAs(saved);
    expect(checkXlsx(saved)).toBe('');
    const [kept] = await FileWorkbook.open(new Uint8Array(fs.readFileSync(saved))).readSheets([sheet]);
    expect(kept.rows.slice(header + 1, header + 3).map((r) => [r[0], r[6], r[7], r[8]])).toEqual(called.map((u) => [u, wallToSerial(wall(2026, 11, 20)), '小王', '满意']));
    expect(await layoutFaults(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, HEAVY);

  it('lists the desk of the next afternoon as the app does, colours the ticket sheet, and fills the IDs of rows typed in', async () => {
    // the sample as of 11-25, two rows typed into 工单 without an ID, opened the next afternoon
    const wb = await sampleFile('zh');
    const [tickets] = await wb.readSheets(['工单']);
    const header = tickets.rows[0] as string[];
    const typed = (received: number, unit: string) => header.map((h) => (h === '受理时间' ? received : h === '房号' ? unit : h === '类型' ? '报修' : h === '内容' ? '水管漏水' : null));
    await wb.appendRows('工单', [typed(wallToSerial(wall(2026, 11, 26, 9, 10)), '3-1102'), typed(wallToSerial(wall(2026, 11, 26, 10, 40)), '5-0201')]);
    const input = path.join(tmp, '今日.xlsx');
    fs.writeFileSync(input, wb.toBytes());
    const NEXT = '2026-11-26T14:00:00';
    const expected = await runDue(FileWorkbook.open(new Uint8Array(fs.readFileSync(input))), { asOf: NEXT });

    const { page, errors } = await openPane('?lang=zh', { viewport: { width: 320, height: 700 }, asOf: NEXT });
    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await openTab(page, 'today');
    await page.waitForSelector('[data-testid=today][data-busy=""] [data-testid=today-overdue]');
    expect(await layoutFaults(page)).toEqual([]);
    await screenshot(page, 'pane-320-today-zh.png');
    // each list: its count, and its tickets in the app's order
    for (const key of ['overdue', 'dueSoon', 'awaitingCallback', 'undispatched'] as const) {
      const group = page.getByTestId(`today-${key}`);
      expect([key, await group.getAttribute('data-count')]).toEqual([key, String(expected.lists[key].length)]);
      if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
      if ((await page.getByTestId(`today-${key}-all`).count()) > 0) await page.getByTestId(`today-${key}-all`).click();
      const rows = await group.getByTestId('today-ticket').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-row')), e.getAttribute('data-id')]));
      expect([key, rows]).toEqual([key, expected.lists[key].map((t) => [t.row, t.id])]);
    }
    expect(expected.lists.overdue.length + expected.lists.dueSoon.length).toBeGreaterThan(0);
    // the first overdue ticket says how late, on the center's clock
    const late = expected.lists.overdue[0];
    expect(await page.getByTestId('today-overdue').getByTestId('today-ticket').first().textContent()).toContain(STRINGS.zh.dueOverdueBy(late.hours, late.deadlineFor));
    expect(await layoutFaults(page)).toEqual([]);

    // the two rows typed in: their IDs filled, and nothing else
    const ids = page.getByTestId('today-ids');
    expect(await ids.getAttribute('data-missing')).toBe('2');
    await page.getByTestId('today-fill-ids').click();
    await page.waitForSelector('[data-testid=today-ids-message][data-intent=success]');
    // the colours written into the file on request
    await settled(page);
    await page.getByTestId('today-mark').click();
    await page.waitForSelector('[data-testid=today-message][data-intent=success]');
    expect(await page.getByTestId('today-message').textContent()).toBe(STRINGS.zh.dueColoured('工单', expected.lists.overdue.length, expected.lists.dueSoon.length));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(tmp, 'today.xlsx');
    await download.saveAs(saved);
    expect(checkXlsx(saved)).toBe('');
    const back = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    const [after] = await back.readSheets(['工单']);
    const idCol = header.indexOf('工单号');
    const filled = after.rows.slice(-2).map((r) => r[idCol]);
    expect(filled.every((id) => typeof id === 'string' && /^GD-20261126-[A-Z0-9]{2,3}-\d{3}$/.test(id))).toBe(true);
    // every other cell as it was
    expect(after.rows.map((r) => r.filter((_, i) => i !== idCol))).toEqual(
      [...tickets.rows, typed(wallToSerial(wall(2026, 11, 26, 9, 10)), '3-1102'), typed(wallToSerial(wall(2026, 11, 26, 10, 40)), '5-0201')].map((r) => r.filter((_, i) => i !== idCol)),
    );
    expect(after.rows.slice(0, -2).map((r) => r[idCol])).toEqual(tickets.rows.map((r) => r[idCol]));
    // the colours are the app's: the same lists, now the file is read again (the new IDs change no deadline)
    const again = await runDue(back, { asOf: NEXT, mark: true });
    expect(again.marked).toBe(false);
    expect(errors).toEqual([]);
  }, HEAVY);

  it('plans the next quarter in English, with the progress of the year', async () => {
    const { page, errors } = await openPane('?lang=en');
    await loadSample(page);
    await openTab(page, 'callbacks');
    await page.waitForSelector('[data-testid=callbacks][data-busy=""] [data-testid=callbacks-year]');
    expect(await page.getByTestId('callbacks-no-plan').textContent()).toBe('2026-Q4 has no callback plan yet.');
    await page.getByTestId('callbacks-quarter').selectOption('2027-Q1');
    await page.getByTestId('callbacks-generate').click();
    await page.waitForSelector('[data-testid=callbacks-plan-message][data-intent=success]');
    const expected = await runCallbackPlan(await sampleFile('en'), { quarter: '2027-Q1', asOf: AS_OF });
    const recent = expected.json.households.filter((h) => h.reason === 'recent').length;
    expect(await page.getByTestId('callbacks-plan-message').textContent()).toBe(
      `${STRINGS.en.callbacksWrittenTitle}${STRINGS.en.callbacksWritten('Callback plan 2027-Q1', expected.json.planned, recent, 0, false)}`,
    );
    // another year's plan: this year's progress is unchanged
    await settled(page);
    expect(await page.getByTestId('callbacks-no-plan').count()).toBe(1);
    expect(errors).toEqual([]);
  }, HEAVY);
});

(hasChromium ? describe : describe.skip)('task pane in a browser (inside Excel, with a stand-in Office host)', () => {
  // office.js replaced by a stand-in that reports an Excel host whose workbook is in cell-edit mode,
  // the commonest reason an Excel.run fails: the pane must say what to do, in Office's language.
  const FAKE_OFFICE = `
    window.Office = {
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US', requirements: { isSetSupported: function (name, version) { return name === 'ExcelApi' && Number(version.split('.')[1]) <= window.excelApiMinor; } } },
      // the highest ExcelApi 1.x the stand-in supports (set before the page loads)
      onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
    };
    window.excelApiMinor = window.excelApiMinor || 17;
    window.excelRuns = 0;
    window.Excel = {
      run: function () {
        window.excelRuns++;
        var e = new Error('The operation cannot be done while a cell is being edited.');
        e.name = 'RichApi.Error';
        e.code = 'InvalidOperationInCellEditMode';
        return Promise.reject(e);
      },
    };`;

  let browser: Browser;
  let server: { base: string; close(): Promise<void> };

  beforeAll(async () => {
    server = await serve(WEB);
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The pane in the stand-in Excel host that supports ExcelApi up to 1.`minor`. */
  async function openInStandIn(minor: number) {
    const context = await browser.newContext({ viewport: PANE, locale: 'zh-CN' });
    await context.addInitScript(`window.excelApiMinor = ${minor};`);
    await context.route('**/*', (route) =>
      route.request().url().startsWith(OFFICE_CDN)
        ? route.fulfill({ body: FAKE_OFFICE, contentType: 'text/javascript' })
        : route.request().url().startsWith(server.base)
          ? route.continue()
          : route.abort(),
    );
    const page = await context.newPage();
    // Office adds where it runs to the add-in's URL: the pane then waits for office.js
    await page.goto(`${server.base}taskpane.html?_host_Info=Excel$Web$16.01$en-US$$$$0`);
    return { context, page };
  }

  it('moves into Excel when a host that gave no sign of itself brings office.js late', async () => {
    // no _host_Info: the pane starts standalone at once; office.js, held back until then, reports Excel
    const context = await browser.newContext({ viewport: PANE, locale: 'zh-CN' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.base)) return route.continue();
      if (!url.startsWith(OFFICE_CDN)) return route.abort();
      await held;
      return route.fulfill({ body: FAKE_OFFICE, contentType: 'text/javascript' });
    });
    const page = await context.newPage();
    await page.goto(`${server.base}taskpane.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid=pane][data-mode=standalone]');
    release();
    await page.waitForSelector('[data-testid=pane][data-mode=excel]');
    expect(await page.getByTestId('file-panel').count()).toBe(0);
    expect(await page.getByTestId('pane').getAttribute('data-lang')).toBe('en');
    await context.close();
  });

  it('tells Excel with ExcelApi 1.7 (volume-licensed Office 2019) it is too old, in both languages, and starts nothing', async () => {
    const { context, page } = await openInStandIn(7);
    await page.getByTestId('unsupported').first().waitFor();
    expect(await page.getByTestId('unsupported').allTextContents()).toEqual([tooOldMessage('ExcelApi 1.7').zh, tooOldMessage('ExcelApi 1.7').en]);
    expect(await page.evaluate(() => (window as unknown as { excelRuns: number }).excelRuns)).toBe(0);
    expect(await page.getByTestId('pane').count()).toBe(0);
    await context.close();
  });

  it('reads the workbook through Excel.run, in English, and explains a workbook busy editing a cell', async () => {
    const { context, page } = await openInStandIn(17);
    await page.waitForSelector('[data-testid=message][data-intent=error]');
    expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('excel');
    expect(await page.getByTestId('pane').getAttribute('data-lang')).toBe('en');
    expect(await page.getByTestId('file-panel').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { excelRuns: number }).excelRuns)).toBe(1);
    expect(await page.getByTestId('message').textContent()).toContain('Press Enter or Esc');
    // Excel's header (refresh and the language switch beside the title) fits its default 320 px too
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await layoutFaults(page)).toEqual([]);
    expect(await tabRows(page)).toHaveLength(1);
    await page.setViewportSize(PANE);

    // the Validation tab inside Excel: live validation is offered, and a refused run is explained
    await openTab(page, 'validation');
    await page.getByTestId('validate').waitFor();
    expect(await page.getByTestId('live-toggle').count()).toBe(1);
    await page.getByTestId('validate').click();
    await page.waitForSelector('[data-testid=validation-message][data-intent=error]');
    expect(await page.getByTestId('validation-message').textContent()).toContain('Press Enter or Esc');
    expect(await page.evaluate(() => (window as unknown as { excelRuns: number }).excelRuns)).toBe(2);

    // the Reports tab asks Excel for the periods on opening: the same refusal, the same words
    await openTab(page, 'reports');
    await page.waitForSelector('[data-testid=report-message][data-intent=error]');
    expect(await page.getByTestId('report-message').textContent()).toContain('Press Enter or Esc');
    expect(await page.getByTestId('tab-reports').textContent()).toBe('Reports');

    // the Adopt tab makes its dry run through Excel.run on opening: the same words again
    const runs = await page.evaluate(() => (window as unknown as { excelRuns: number }).excelRuns);
    await openTab(page, 'adopt');
    await page.waitForSelector('[data-testid=adopt][data-busy=""] [data-testid=adopt-error][data-intent=error]');
    expect(await page.getByTestId('adopt-error').textContent()).toContain('Press Enter or Esc');
    expect(await page.evaluate(() => (window as unknown as { excelRuns: number }).excelRuns)).toBe(runs + 1);
    await context.close();
  });
});
