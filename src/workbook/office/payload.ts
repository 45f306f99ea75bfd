// Sizing of the cell data one `context.sync()` carries.
//
// Excel on the web refuses a request or a response larger than 5 MB ("Resource limits and performance
// optimization for Office Add-ins"). Cell values travel as JSON, so we count what they weigh as JSON
// in UTF-8: exactly for what we write (we hold the rows), by estimate for what we read.

/** Excel on the web's limit for one request or one response. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** Share of the limit one sync may fill with cell data; the rest is room for the envelope and for
 * rows that turn out longer than estimated. */
export const PAYLOAD_FILL = 0.8;

/**
 * Before anything of a sheet has been read, a cell is assumed to weigh 128 bytes of JSON: about 40
 * Chinese characters in UTF-8 (3 bytes each) with quotes and comma, far above a typical ticket cell
 * (a 20-character description is ~63 bytes, a date serial ~10, an amount ~6). After each read the
 * estimate becomes what the rows actually weighed, times READ_MARGIN, so the first sync of a big sheet
 * is cautious and the next ones are full.
 */
export const PRIOR_BYTES_PER_CELL = 128;

/** Later rows may be heavier than the ones already read: leave a quarter spare. */
export const READ_MARGIN = 1.25;

/** Excel on the web also caps a read at 5 million cells; stay well under it in one range. */
export const MAX_CELLS_PER_RANGE = 1_000_000;

/** UTF-8 length of `JSON.stringify(text)`, without building the string. */
export function jsonStringBytes(text: string): number {
  let bytes = 2; // the quotes
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2; // \" \\
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4; // a surrogate pair is one 4-byte character
        i++;
      } else bytes += 6; // a lone surrogate is escaped as \udXXX
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/** UTF-8 length of `JSON.stringify(value)` for one cell value. */
export function jsonValueBytes(value: unknown): number {
  if (typeof value === 'string') return jsonStringBytes(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4; // null
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (value === null || value === undefined) return 4;
  return jsonStringBytes(JSON.stringify(value) ?? 'null');
}

/** Bytes a row adds to a JSON 2-D array: its brackets, cells, commas, and the comma after it. */
export function jsonRowBytes(row: ReadonlyArray<unknown>): number {
  let bytes = 3 + Math.max(row.length - 1, 0);
  for (let c = 0; c < row.length; c++) bytes += jsonValueBytes(row[c]);
  return bytes;
}

/** UTF-8 length of `JSON.stringify(rows)` (at most; exact for rows of strings, numbers, booleans). */
export function jsonRowsBytes(rows: ReadonlyArray<ReadonlyArray<unknown>>): number {
  let bytes = 2;
  for (const row of rows) bytes += jsonRowBytes(row);
  return rows.length > 0 ? bytes - 1 : bytes;
}

/** A first guess at the bytes per row of a sheet not yet read. */
export function priorRowBytes(columnCount: number): number {
  return 3 + columnCount * PRIOR_BYTES_PER_CELL;
}
