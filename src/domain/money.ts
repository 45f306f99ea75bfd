// Money. The domain counts integer cents (分); yuan (元) appear only in a cell and in text for people.
// The one place where cents and yuan turn into each other (as Actual Budget's amountToInteger /
// integerToAmount).

/**
 * Yuan as a cell holds them to integer cents, rounded half away from zero on the decimal the number
 * is written as: 1.005 is 101 cents, although 1.005 × 100 is 100.49999… in binary. The number is
 * shifted by two decimal places as text, so no binary product is rounded. `yuan` must be finite.
 */
export function yuanToCents(yuan: number): number {
  const [digits, exponent = '0'] = String(Math.abs(yuan)).split('e');
  const cents = Math.round(Number(`${digits}e${Number(exponent) + 2}`));
  return yuan < 0 && cents !== 0 ? -cents : cents;
}

/**
 * The most cents one amount may hold, either way: 2^33 − 1 (85,899,345.91 yuan), far above any
 * charge a center bills. A sheet holds at most Excel's 1,048,576 rows, so a sum of a whole column of
 * such amounts stays below 2^53, up to which every whole number of cents is exact: no total, rate
 * or bucket of a report can round or overflow, whatever the amounts. A larger one is refused where
 * the cell is converted (cells.ts), as a problem of that cell.
 */
export const MAX_CENTS = 2 ** 33 - 1;

/** Whether integer cents are within MAX_CENTS (and a whole number at all: not NaN, not Infinity). */
export function centsInRange(cents: number): boolean {
  return Number.isSafeInteger(cents) && Math.abs(cents) <= MAX_CENTS;
}

/** Integer cents as yuan, the number a cell holds. */
export function centsToYuan(cents: number): number {
  return cents / 100;
}

/**
 * Integer cents as yuan with two decimals: `1234.50`. With a locale (`zh-CN`, `en-US`), grouped as
 * that locale writes numbers: `1,234.50`.
 */
export function formatYuan(cents: number, locale?: string): string {
  const yuan = centsToYuan(cents);
  return locale === undefined ? yuan.toFixed(2) : yuan.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
