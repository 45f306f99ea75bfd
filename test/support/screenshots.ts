// Screenshots the tests take: always into test-output/screenshots/ (ignored by git), so that `npx jest`
// leaves the tree as it was; `npm run screenshots` (DESKBOOK_SCREENSHOTS=1) also copies each into
// docs/screenshots/, where the README and the docs show them.
import { copyFileSync, mkdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS_OUT = join(ROOT, 'test-output', 'screenshots');
const DOCS = join(ROOT, 'docs', 'screenshots');

/** The path to save screenshot `name` (e.g. entry-zh.png) at. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS_OUT, { recursive: true });
  return join(SCREENSHOTS_OUT, name);
}

/** Publishes a screenshot saved at screenshotPath(name) to docs/screenshots/ when asked to. */
export function publishScreenshot(name: string): void {
  if (!process.env.DESKBOOK_SCREENSHOTS) return;
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(join(SCREENSHOTS_OUT, name), join(DOCS, name));
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (!b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
