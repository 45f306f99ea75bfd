// A webview that cannot run the bundle (IE11, EdgeHTML: no ES2022) gets the bilingual "too old"
// message from taskpane.html's ES5 check, not a blank pane. Chromium stands in for the old webview
// with the features the check looks for taken away before the page runs.
import fs from 'fs';
import path from 'path';
import { Browser, chromium } from 'playwright-core';
import { tooOldMessage } from '../../src/taskpane/support';
import { CHROMIUM, hasChromium, serve, WEB } from '../support/web';

if (!hasChromium && process.env.CI) {
  it('has Chromium on CI', () => {
    throw new Error(`Chromium is required on CI; none at ${CHROMIUM}`);
  });
}

(hasChromium ? describe : describe.skip)('the pane in a webview too old for it', () => {
  let browser: Browser;
  let server: { base: string; close(): Promise<void> };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web/taskpane.html is missing: run `npm run build:web` first');
    server = await serve(WEB);
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(takeAway: string | null) {
    const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(server.base) ? route.continue() : route.abort()));
    if (takeAway) await page.addInitScript(takeAway);
    await page.goto(`${server.base}taskpane.html`);
    return { context, page };
  }

  it('shows both languages’ message, naming the webview, when ES2022 features are missing', async () => {
    const { context, page } = await open('delete Array.prototype.at; delete Object.hasOwn;');
    const texts = await page.getByTestId('unsupported').allTextContents();
    const ua = await page.evaluate(() => navigator.userAgent);
    const found = /Chrome\/[\d.]+/.exec(ua)?.[0] ?? '';
    expect(found).not.toBe('');
    expect(texts).toEqual([tooOldMessage(found).zh, tooOldMessage(found).en]);
    // the bundle did not start over it
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('unsupported').count()).toBe(2);
    expect(await page.getByRole('tab').count()).toBe(0);
    await context.close();
  });

  it('leaves a modern webview alone: the pane starts', async () => {
    const { context, page } = await open(null);
    await page.getByRole('tab').first().waitFor({ timeout: 20000 });
    expect(await page.getByTestId('unsupported').count()).toBe(0);
    await context.close();
  });
});
