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
