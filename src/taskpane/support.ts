// Hosts that cannot run the pane get a message, not a blank pane. The bundle needs ExcelApi 1.8
// (Excel 2019 volume-licensed stops at 1.7) and a modern webview (ES2022: Microsoft 365 with
// WebView2, Excel 2021 or later, Excel on the web); taskpane.html carries a tiny ES5 check for the
// webview, and this module the requirement-set check once Office is ready. Both say the same words
// (i18n: tooOld; taskpane.html holds an ES5 copy, checked by test/taskpane/oldWebview.test.ts).
import { STRINGS } from './i18n';

/** The lowest ExcelApi requirement set the add-in runs on (the manifest says the same). */
export const MIN_EXCEL_API = '1.8';

/** The highest ExcelApi set the host supports, probing 1.1 … 1.30; null when none. */
export function highestExcelApi(isSetSupported: (name: string, version: string) => boolean): string | null {
  let found: string | null = null;
  for (let minor = 1; minor <= 30; minor++) {
    if (!isSetSupported('ExcelApi', `1.${minor}`)) break;
    found = `1.${minor}`;
  }
  return found;
}

/** The bilingual message for a host that is too old, naming what was found. */
export function tooOldMessage(found: string): { zh: string; en: string } {
  return { zh: STRINGS.zh.tooOld(found), en: STRINGS.en.tooOld(found) };
}

/** The message when the host lacks the requirement set, else null. */
export function unsupportedExcel(isSetSupported: (name: string, version: string) => boolean): { zh: string; en: string } | null {
  if (isSetSupported('ExcelApi', MIN_EXCEL_API)) return null;
  const highest = highestExcelApi(isSetSupported);
  return tooOldMessage(highest ? `ExcelApi ${highest}` : 'ExcelApi —');
}

/** Shows the message in place of the pane, both languages, as plain text. */
export function showUnsupported(container: HTMLElement, message: { zh: string; en: string }): void {
  container.textContent = '';
  for (const [lang, text] of [['zh-CN', message.zh], ['en', message.en]] as const) {
    const p = document.createElement('p');
    p.lang = lang;
    p.setAttribute('data-testid', 'unsupported');
    p.style.cssText = 'margin:16px;font:14px/1.5 "Segoe UI","Microsoft YaHei",sans-serif;color:#a4262c';
    p.textContent = text;
    container.appendChild(p);
  }
}
