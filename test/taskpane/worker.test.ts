// The standalone pane reads the workbook file in a Web Worker (src/taskpane/worker/): the same
// numbers as the app in Node, a progress bar while a larger file is read (in both languages), the
// page's own thread free meanwhile, the same words for a damaged file, and the page's own thread
// again where there are no workers. Needs `npm run build` (dist/web; the demo runs in-process).
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { inspectWorkbook } from '../../src/app/setup';
import { fileErrorMessage, FileFailure } from '../../src/domain/failures';
import { ALL_SHEETS } from '../../src/domain/schema';
import { STRINGS } from '../../src/taskpane/i18n';
import { FileWorkbook } from '../../src/workbook/file';
import { WorkbookError } from '../../src/workbook/types';
import { cli } from '../support/cli';
import { publishScreenshot, screenshotPath } from '../support/screenshots';
import { CHROMIUM, hasChromium, serve, WEB } from '../support/web';

const AS_OF = '2026-11-25T17:30:00';
const KEYS = ALL_SHEETS.map((d) => d.key);
const ZH_NAMES = ALL_SHEETS.map((d) => d.zh);

if (!hasChromium && process.env.CI) {
  it('has Chromium on CI', () => {
    throw new Error(`Chromium is required on CI; none at ${CHROMIUM}`);
  });
}

/**
 * In the page, before the pane starts: every label the progress bar showed, how many animation
 * frames ran while it showed (none run while the page's thread is busy), and whether the pane's
 * language changed while it was still reading.
 */
const PROBE = () => {
  const seen = { bar: false, labels: [] as string[], framesWhileReading: 0, langWhileReading: [] as string[] };
  (window as unknown as { __seen: typeof seen }).__seen = seen;
  const look = () => {
    const label = document.querySelector('[data-testid=read-progress-label]')?.textContent;
    if (label) {
      seen.bar = true;
      if (!seen.labels.includes(label)) seen.labels.push(label);
    }
    const pane = document.querySelector('[data-testid=pane]');
    if (pane?.getAttribute('data-busy') === 'reading') {
      const lang = pane.getAttribute('data-lang') ?? '';
      if (!seen.langWhileReading.includes(lang)) seen.langWhileReading.push(lang);
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = () => {
    if (document.querySelector('[data-testid=read-progress]')) seen.framesWhileReading++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

type Seen = { bar: boolean; labels: string[]; framesWhileReading: number; langWhileReading: string[] };

(hasChromium ? describe : describe.skip)('the standalone pane reads its file in a Web Worker', () => {
  let browser: Browser;
  let server: { base: string; close(): Promise<void> };
  let tmp: string;
  /** a center of 20,000 tickets: large enough that reading it takes many frames */
  let large: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web/taskpane.html is missing: run `npm run build:web` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deskbook-worker-'));
    large = path.join(tmp, '大型服务中心.xlsx');
    const made = await cli('demo', '--out', large, '--units', '1000', '--months', '10', '--tickets', '20000', '--seed', '7', '--as-of', '2026-11-25T17:30', '--no-plant');
    expect(made.code).toBe(0);
    server = await serve(WEB);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--num-raster-threads=1', '--disable-partial-raster'] });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  /** The pane in Chinese, offline (office.js refused: it runs standalone), its workers counted. */
  async function openPane(opts: { noWorkers?: boolean } = {}): Promise<{ page: Page; workers: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 400, height: 700 }, locale: 'zh-CN' });
    contexts.push(context);
    await context.route('**/*', (route) => (route.request().url().startsWith(server.base) ? route.continue() : route.abort()));
    // an old webview: no Web Workers at all
    if (opts.noWorkers) await context.addInitScript('delete window.Worker;');
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.base}taskpane.html?lang=zh&asOf=${AS_OF}`);
    await page.getByTestId('pane').waitFor();
    return { page, workers, errors };
  }

  const settled = (page: Page) => page.waitForSelector('[data-testid=pane][data-busy=""]', { timeout: 240000 });
  const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

  /** The data rows each sheet card shows. */
  async function shownRows(page: Page): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const key of KEYS) out[key] = Number(await page.getByTestId(`sheet-rows-${key}`).getAttribute('data-rows'));
    return out;
  }

  async function expectedRows(file: string): Promise<Record<string, number>> {
    const status = await inspectWorkbook(FileWorkbook.open(new Uint8Array(fs.readFileSync(file))));
    return Object.fromEntries(status.sheets.map((s) => [s.key, s.rows]));
  }

  it('reads a 20,000-ticket workbook in the worker: a progress bar naming the sheets, the page free to answer a click, the counts of the app', async () => {
    const { page, workers, errors } = await openPane();
    await page.getByTestId('file-input').setInputFiles(large);
    await page.getByTestId('read-progress').waitFor({ timeout: 120000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath('taskpane-reading-zh.png') });
    publishScreenshot('taskpane-reading-zh.png');
    // while it reads, the pane takes a click: the language switch
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('status').waitFor({ timeout: 240000 });
    await settled(page);

    // the file went to a worker, and the bar is gone once the workbook is open
    expect(workers.filter((u) => /deskbook-workbook/.test(u))).toHaveLength(1);
    expect(await page.getByTestId('read-progress').count()).toBe(0);
    const s = await seen(page);
    expect(s.bar).toBe(true);
    // the switch was handled while the file was still being read: the pane was reading in both languages
    expect(s.langWhileReading).toEqual(['zh', 'en']);
    // the bar names the five sheets it reads, in each language in turn
    const zhLabel = s.labels.find((l) => l.startsWith('正在读取：'));
    const enLabel = s.labels.find((l) => l.startsWith('Reading '));
    for (const name of ZH_NAMES) {
      expect(zhLabel).toContain(name);
      expect(enLabel).toContain(name);
    }
    expect(zhLabel).toBe(STRINGS.zh.readingSheets(zhLabel!.slice('正在读取：'.length, -1).split('、')));
    // frames kept coming while it read: the page's thread was not the one reading
    expect(s.framesWhileReading).toBeGreaterThanOrEqual(10);

    // the numbers of the app in Node on the same file
    const rows = await shownRows(page);
    expect(rows).toEqual(await expectedRows(large));
    expect(rows.tickets).toBe(20000);
    expect(await page.getByTestId('status').getAttribute('data-ready')).toBe('true');
    expect(errors).toEqual([]);
  }, 300000);

  it('downloads the file from the worker: the bytes of the workbook with the sheet the pane added', async () => {
    const { page, workers } = await openPane();
    const clerk = FileWorkbook.create();
    await clerk.addSheets([{ name: '我的台账', columns: [{ header: '日期' }, { header: '房号' }], rows: [['2026-11-02', '3-1102']] }]);
    const input = path.join(tmp, '前台台账.xlsx');
    fs.writeFileSync(input, clerk.toBytes());
    await page.getByTestId('file-input').setInputFiles(input);
    await page.getByTestId('status').waitFor();
    await settled(page);
    await page.getByTestId('set-up').click();
    await page.waitForSelector('[data-testid=message][data-intent=success]');
    await settled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(tmp, 'from-worker.xlsx');
    await download.saveAs(saved);
    expect(workers.filter((u) => /deskbook-workbook/.test(u))).toHaveLength(1);
    const back = FileWorkbook.open(new Uint8Array(fs.readFileSync(saved)));
    expect((await back.listSheets()).map((s) => s.name)).toEqual(['我的台账', ...ZH_NAMES]);
    expect((await inspectWorkbook(back)).ready).toBe(true);
    const [ledger] = await back.readSheets(['我的台账']);
    expect(ledger.rows).toEqual([
      ['日期', '房号'],
      ['2026-11-02', '3-1102'],
    ]);
  }, 120000);

  it('says of a damaged file, read in the worker, what the app says of it on its own', async () => {
    const wb = FileWorkbook.create();
    // a ticket sheet (the pane reads it on opening), its rows long enough to be stored deflated
    await wb.addSheets([{ name: '工单', columns: [{ header: '受理时间' }, { header: '内容' }], rows: Array.from({ length: 200 }, (_, i) => [`2026-11-${String((i % 28) + 1).padStart(2, '0')} 09:30`, `第 ${i} 件事`]) }]);
    const bytes = wb.toBytes();
    // one byte of the sheet's compressed data changed: the part no longer inflates to what its CRC says
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = Buffer.from(bytes).indexOf(name);
    expect(at).toBeGreaterThan(30);
    const header = at - 30;
    const data = header + 30 + bytes[header + 26] + (bytes[header + 27] << 8) + bytes[header + 28] + (bytes[header + 29] << 8);
    bytes[data + 20] ^= 0x55;
    const file = path.join(tmp, '坏了的台账.xlsx');
    fs.writeFileSync(file, bytes);

    // the app in Node: a WorkbookError when the sheet is read, worded by the app's own words
    let thrown: unknown;
    try {
      await inspectWorkbook(FileWorkbook.open(bytes));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(WorkbookError);
    const expected = fileErrorMessage(thrown as FileFailure, 'zh', '坏了的台账.xlsx');

    const { page, workers, errors } = await openPane();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.waitForSelector('[data-testid=message][data-intent=error]');
    const text = (await page.getByTestId('message').textContent()) ?? '';
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\bat \S+:\d+|Error:|WorkbookError/);
    expect(workers.filter((u) => /deskbook-workbook/.test(u))).toHaveLength(1);
    // nothing was opened
    expect(await page.getByTestId('status').count()).toBe(0);
    expect(await page.getByTestId('file-name').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120000);

  it('reads on the page itself where there are no Web Workers (an old webview): the same counts', async () => {
    const small = path.join(tmp, '服务中心.xlsx');
    const made = await cli('demo', '--out', small, '--as-of', '2026-11-25T17:30', '--no-plant');
    expect(made.code).toBe(0);
    const { page, workers, errors } = await openPane({ noWorkers: true });
    expect(await page.evaluate(() => typeof (window as { Worker?: unknown }).Worker)).toBe('undefined');
    await page.getByTestId('file-input').setInputFiles(small);
    await page.getByTestId('status').waitFor({ timeout: 120000 });
    await settled(page);
    expect(workers).toEqual([]);
    expect(await shownRows(page)).toEqual(await expectedRows(small));
    // the built-in sample is made on the page too
    await page.getByTestId('load-sample').click();
    await page.waitForSelector('[data-testid=file-name]:has-text("服务台示例.xlsx")');
    await settled(page);
    expect(workers).toEqual([]);
    expect(Number(await page.getByTestId('sheet-rows-tickets').getAttribute('data-rows'))).toBe(900);
    expect(errors).toEqual([]);
  }, 180000);
});
