// Rules Excel sets for sheet names, table names and defined names. Breaking one is a bug in the
// caller (it chose the name), so these throw plain Errors.

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31) throw new Error(`sheet name "${name}" must be 1 to 31 characters`);
  if (SHEET_NAME_FORBIDDEN.test(name)) throw new Error(`sheet name "${name}" contains one of [ ] : * ? / \\`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`sheet name "${name}" starts or ends with an apostrophe`);
  if (name.toLowerCase() === 'history') throw new Error('sheet name "History" is reserved by Excel');
}

const NAME_SYNTAX = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}[0-9]+$/;
const LOOKS_LIKE_R1C1 = /^[Rr]([0-9]*)([Cc][0-9]*)?$|^[Cc][0-9]*$/;

/** Table names and defined names: a letter, '_' or '\' first, no spaces, not a cell reference. */
export function checkName(name: string, what: string): void {
  if (!NAME_SYNTAX.test(name) || name.length > 255 || LOOKS_LIKE_A1.test(name) || LOOKS_LIKE_R1C1.test(name)) {
    throw new Error(`${what} "${name}" is not a valid Excel name (a letter or _ first, then letters, digits, _ or .; not a cell reference)`);
  }
}

/** True when a sheet name must be quoted in a formula ('My sheet'!A1). */
export function sheetNeedsQuotes(sheet: string): boolean {
  return !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) || LOOKS_LIKE_A1.test(sheet) || LOOKS_LIKE_R1C1.test(sheet);
}

export function quoteSheetName(sheet: string): string {
  return sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

const SHEET_REFERENCE = /^([^'!"=]+)!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]+:\$?[0-9]+)$/;

/**
 * A formula as stored in a file: no leading '='; a plain `Sheet!Range` whose sheet name needs quotes
 * gets them (`My sheet!$A$1` -> `'My sheet'!$A$1`). Other formulas are kept as written.
 */
export function storedFormula(formula: string): string {
  const f = formula.trim().replace(/^=/, '');
  const m = SHEET_REFERENCE.exec(f);
  return m ? `${quoteSheetName(m[1])}!${m[2]}` : f;
}
