// The built task pane (dist/web) in headless Chromium, as a clerk uses it in a plain browser:
// load the sample, open a workbook file, set it up, download it, read the download back.
// `npm test` builds before jest; run `npm run build:web` first when running this file alone.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { AddressInfo } from 'net';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { inspectWorkbook } from '../../src/app/setup';
import { describeProblem, fileErrorMessage } from '../../src/domain/messages';
import { ALL_SHEETS, TICKETS } from '../../src/domain/schema';
import { FileWorkbook } from '../../src/workbook/file';

const ROOT = path.resolve(__dirname, '../..');
const WEB = path.join(ROOT, 'dist/web');
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** a task pane is 320-450 px wide */
const PANE = { width: 400, height: 700 };

const KEYS = ALL_SHEETS.map((d) => d.key);
const ZH_NAMES = ALL_SHEETS.map((d) => d.zh);
const EN_NAMES = ALL_SHEETS.map((d) => d.en);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static file server over dist/web on 127.0.0.1, on a free port. */
function serve(dir: string): Promise<{ base: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ base: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

const hasChromium = fs.existsSync(CHROMIUM);
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
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await serve(WEB);
    browser = await chromium.launch({ executablePath: CHROMIUM });
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
  }

  /**
   * Opens the pane. The Office.js CDN is served from node_modules (it is unreachable here); every
   * other outside request is refused. `office` replaces office.js with a script of the test's own.
   */
  async function openPane(query: string, opts: { locale?: string; office?: string } = {}): Promise<Pane> {
    const context = await browser.newContext({ viewport: PANE, locale: opts.locale ?? 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    const blocked: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(server.base)) return route.continue();
      if (url.startsWith(OFFICE_CDN)) {
        if (opts.office !== undefined) return route.fulfill({ body: opts.office, contentType: 'text/javascript' });
        const file = path.join(OFFICE_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file)) {
          return route.fulfill({ path: file, contentType: 'text/javascript' });
        }
        return route.fulfill({ status: 404 });
      }
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.base}taskpane.html${query}`);
    await page.getByTestId('pane').waitFor();
    return { page, blocked, errors };
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
    // every data sheet of the sample center has rows
    for (const key of ['tickets', 'customers', 'charges', 'reminders']) expect(shown[key]).toBeGreaterThan(0);
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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-zh.png'), fullPage: true });

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
    expect(text).toContain(fileErrorMessage('NOT_XLSX', 'zh', '交接班记录.txt'));
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
    expect(expected.problems.length).toBeGreaterThan(0);
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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-en.png'), fullPage: true });
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
});

(hasChromium ? describe : describe.skip)('task pane in a browser (inside Excel, with a stand-in Office host)', () => {
  // office.js replaced by a stand-in that reports an Excel host whose workbook is in cell-edit mode,
  // the commonest reason an Excel.run fails: the pane must say what to do, in Office's language.
  const FAKE_OFFICE = `
    window.Office = {
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US' },
      onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
    };
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

  it('reads the workbook through Excel.run, in English, and explains a workbook busy editing a cell', async () => {
    const context = await browser.newContext({ viewport: PANE, locale: 'zh-CN' });
    await context.route('**/*', (route) =>
      route.request().url().startsWith(OFFICE_CDN)
        ? route.fulfill({ body: FAKE_OFFICE, contentType: 'text/javascript' })
        : route.request().url().startsWith(server.base)
          ? route.continue()
          : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(`${server.base}taskpane.html`);
    await page.waitForSelector('[data-testid=message][data-intent=error]');
    expect(await page.getByTestId('pane').getAttribute('data-mode')).toBe('excel');
    expect(await page.getByTestId('pane').getAttribute('data-lang')).toBe('en');
    expect(await page.getByTestId('file-panel').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { excelRuns: number }).excelRuns)).toBe(1);
    expect(await page.getByTestId('message').textContent()).toContain('Press Enter or Esc');
    await context.close();
  });
});
