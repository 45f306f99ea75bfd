// Which cell formats show a number as a date or a time: what the 1904 date system needs to know to
// move such a number onto the 1900 system the domain reads (1904-01-01 is serial 0 there, 1462 here).
import { elementEnd, findTag, findTags } from './xml';

/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1904-01-01 (serial 0 of the 1904 system). */
export const DAYS_1904 = 1462;

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the East Asian and Thai
 *  ids Excel writes without a <numFmt>). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/**
 * Whether a format code shows a date or a time: a y, m, d, h or s outside quoted text, escaped
 * characters, padding (_x, *x) and brackets (colours, locales, conditions, elapsed [h]).
 */
export function isDateFormatCode(code: string): boolean {
  if (/^general$/i.test(code.trim())) return false;
  const bare = code.replace(/"[^"]*"|\\.|[_*].|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare);
}

/** For each cell format (index = a cell's `s`), whether it shows a date. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  const numFmts = findTag(stylesXml, 'numFmts');
  if (numFmts && !numFmts.selfClosing) {
    for (const f of findTags(stylesXml, 'numFmt', numFmts.end, elementEnd(stylesXml, 'numFmts', numFmts))) {
      custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
    }
  }
  const cellXfs = findTag(stylesXml, 'cellXfs');
  if (!cellXfs || cellXfs.selfClosing) return [];
  return findTags(stylesXml, 'xf', cellXfs.end, elementEnd(stylesXml, 'cellXfs', cellXfs)).map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id);
  });
}

/** Whether a workbook part says its dates count from 1904 (`<workbookPr date1904="1"/>`). */
export function isDate1904(workbookXml: string): boolean {
  const value = findTag(workbookXml, 'workbookPr')?.attrs.date1904;
  return value === '1' || value === 'true';
}
