// A worksheet part's cells, scanned from its bytes chunk by chunk straight into the grid: each row of
// plain values as SheetJS (the reference, read.ts) gives them, cached formula results and all, the
// formulas themselves ignored. The counting against the limits and the check that the part closes
// are scan.ts's, run beside this on the same chunks; this scan only reads values, and says when it
// meets what it does not read (the part then goes to SheetJS), or a cell it cannot read (a shared
// string that is not there: the sheet is unreadable, as SheetJS finds it).
import { wall, wallToSerial } from '../../domain/time';
import { Cell } from '../types';
import { DAYS_1904 } from './dates';
import { GridRows } from './grid';
import { NAMES, StringItem, TAG } from './stringItem';
import { indexAt, numberAt, TextBuffer } from './textBuffer';
import { attribute, attributes, isSpace, XmlHandler, XmlTokenizer } from './xmlTokens';

/** t= of a cell */
const enum Type {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

const ATTR_R = new Uint8Array([0x72]);
/** r, t and s: the attributes of a cell */
const CELL_ATTRS = new Uint8Array([0x72, 0x74, 0x73]);

/** Counts a sheet's rows and cells against the limits, as scan.ts's sheetScanner does. */
export interface TagCounter {
  row(bytes: Uint8Array, from: number, to: number): void;
  cell(bytes: Uint8Array, from: number, to: number): void;
  /** a cell whose reference is read already (row and column from 1; 0: the cell has no r=) */
  cellAt(row: number, col: number): void;
}

export interface CellScanOptions {
  /** told of every <row> and <c> (the limits); none: counted elsewhere */
  readonly counter?: TagCounter;
  /** the shared strings; null: they are not wanted, each reads as '' */
  readonly strings: ReadonlyArray<string> | null;
  /** the workbook counts dates from 1904: a number shown as a date moves by DAYS_1904 */
  readonly date1904: boolean;
  /** by cell format index, whether it shows a date (read only in a 1904 workbook) */
  readonly dateStyles: ReadonlyArray<boolean>;
  /** false: every cell read tag by tag, never by the fast path (tests hold the two together) */
  readonly fastCells?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?Z?$/;

/** A t="d" cell's ISO 8601 text as a serial, wall-clock (no zone); undefined when not one. */
export function isoDateSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v)));
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  return wallToSerial(wall(y, mo, d, h, mi, s) + ms);
}

export class CellScanner implements XmlHandler {
  readonly grid = new GridRows();
  /** markup this reader does not read: the sheet goes to SheetJS */
  unsupportedMarkup = false;
  /** a cell points at a shared string that is not there */
  missingString = false;

  private readonly tokens = new XmlTokenizer(NAMES, this);
  private readonly value = new TextBuffer();
  private readonly item = new StringItem();
  private readonly end1 = new Int32Array(1);
  private readonly found = new Int32Array(6);
  private inSheetData = false;
  /** SheetJS's numbering: the row (from 1) and the column (from 0) of the last ones seen */
  private row = 0;
  private col = -1;
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private type = Type.Number;
  private style = 0;
  private inV = false;
  private hasV = false;
  private inIs = false;
  private hasIs = false;
  private inlineText: string | undefined;

  constructor(private readonly options: CellScanOptions) {}

  get capturing(): boolean {
    return this.inV || (this.inIs && this.item.capturing);
  }

  /** the scan met what it does not read and stopped (a missing string does not stop the count) */
  get stopped(): boolean {
    return this.unsupportedMarkup;
  }

  push(chunk: Uint8Array): void {
    if (!this.stopped) this.tokens.push(chunk);
  }

  unsupported(): void {
    this.unsupportedMarkup = true;
  }

  text(bytes: Uint8Array, from: number, to: number): void {
    if (this.inV) this.value.add(bytes, from, to);
    else this.item.add(bytes, from, to);
  }

  start(which: number, bytes: Uint8Array, from: number, to: number, empty: boolean): void {
    const counter = this.options.counter;
    if (counter && (which === TAG.c || which === TAG.row)) {
      if (which === TAG.c) counter.cell(bytes, from, to);
      else counter.row(bytes, from, to);
    }
    if (!this.inSheetData) {
      if (which === TAG.sheetData && !empty) this.inSheetData = true;
      return;
    }
    if (this.inCell) {
      if (this.inIs) return this.item.start(which, empty);
      if (which === TAG.c || which === TAG.row) return this.unsupported(); // a cell left open
      if (which === TAG.v) {
        if (this.hasV) return; // SheetJS reads the first
        this.value.clear();
        this.hasV = true;
        if (!empty) this.inV = true;
      } else if (which === TAG.is) {
        if (this.hasIs) return;
        this.hasIs = true;
        this.item.begin();
        if (empty) this.inlineText = '';
        else this.inIs = true;
      }
      return;
    }
    if (which === TAG.row) return this.startRow(bytes, from, to);
    if (which === TAG.c) {
      this.startCell(bytes, from, to);
      if (empty) this.endCell();
    }
  }

  end(which: number): void {
    if (!this.inSheetData) return;
    if (this.inIs) {
      if (which !== TAG.is) return this.item.end(which);
      this.inIs = false;
      this.inlineText = this.item.finish();
      if (this.inlineText === undefined) this.unsupported();
      return;
    }
    if (which === TAG.v) this.inV = false;
    else if (which === TAG.c && this.inCell) this.endCell();
    else if (which === TAG.sheetData) this.inSheetData = false;
  }

  /**
   * The tokenizer's fast path: a cell as Excel and most writers write it, whole in this chunk —
   * `<c` with plain attributes, then `/>`, `></c>` or `><v>…</v></c>` — read at once, with what
   * start, text and end would have done for its tags; the index after it. Any other shape (a formula,
   * an inline string, a prefix, a tag cut by the chunk's end, an attribute it would read otherwise):
   * -1, nothing changed, and the tags go the usual way.
   */
  element(b: Uint8Array, lt: number, n: number): number {
    if (!this.inSheetData || this.inCell || b[lt + 1] !== 0x63 || b[lt + 2] !== 0x20 || this.options.fastCells === false) return -1;
    let i = lt + 2;
    let rFrom = -1;
    let rTo = -1;
    let tFrom = -1;
    let tTo = -1;
    let sFrom = -1;
    let sTo = -1;
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return -1;
      const ch = b[i];
      if (ch === 0x3e || ch === 0x2f) break; // > or /
      const name = i;
      while (i < n && b[i] !== 0x3d && b[i] !== 0x3e && !isSpace(b[i])) i++;
      if (i >= n || b[i] !== 0x3d) return -1;
      const nameLength = i - name;
      const quote = b[++i];
      if (quote !== 0x22 && quote !== 0x27) return -1;
      const from = i + 1;
      let to = from;
      while (to < n && b[to] !== quote) {
        if (b[to] === 0x3e) return -1; // the tag would end here, read tag by tag
        to++;
      }
      if (to >= n) return -1;
      if (nameLength === 1) {
        const a = b[name];
        if (a === 0x72 && rFrom < 0) {
          rFrom = from;
          rTo = to;
        } else if (a === 0x74 && tFrom < 0) {
          tFrom = from;
          tTo = to;
        } else if (a === 0x73 && sFrom < 0) {
          sFrom = from;
          sTo = to;
        }
      }
      i = to + 1;
    }
    // the content: none, or one <v>
    let vFrom = -1;
    let vTo = -1;
    let after: number;
    if (b[i] === 0x2f) {
      if (b[i + 1] !== 0x3e) return -1;
      after = i + 2;
    } else {
      i++;
      if (i + 3 >= n || b[i] !== 0x3c) return -1;
      if (b[i + 1] === 0x2f) {
        if (b[i + 2] !== 0x63 || b[i + 3] !== 0x3e) return -1; // </c>
        after = i + 4;
      } else {
        if (b[i + 1] !== 0x76 || b[i + 2] !== 0x3e) return -1; // <v>
        vFrom = i + 3;
        vTo = vFrom;
        while (vTo < n && b[vTo] !== 0x3c) vTo++;
        if (vTo + 7 >= n) return -1;
        if (b[vTo + 1] !== 0x2f || b[vTo + 2] !== 0x76 || b[vTo + 3] !== 0x3e) return -1; // </v>
        if (b[vTo + 4] !== 0x3c || b[vTo + 5] !== 0x2f || b[vTo + 6] !== 0x63 || b[vTo + 7] !== 0x3e) return -1; // </c>
        after = vTo + 8;
      }
    }
    // the reference, the type and the format, as startCell reads them
    let row: number;
    let col: number;
    if (rFrom < 0) {
      row = this.row - 1;
      col = this.col + 1;
    } else {
      col = refColumn(b, rFrom, rTo);
      if (col < 0) return -1;
      row = REF_ROW[0];
    }
    if (row < 0) return -1;
    const type = tFrom < 0 ? Type.Number : cellType(b, tFrom, tTo);
    if (type < 0 || type === Type.Inline || type === Type.Error) return -1;
    // committed: what the tags would have done
    this.options.counter?.cellAt(rFrom < 0 ? 0 : row + 1, rFrom < 0 ? 0 : col + 1);
    this.col = col;
    if (this.stopped || this.missingString) return after;
    const hasV = vTo > vFrom;
    let value: Cell | undefined;
    if (type === Type.Number) {
      if (!hasV) return after;
      value = this.dated(numberAt(b, vFrom, vTo), sFrom < 0 ? 0 : digits(b, sFrom, sTo));
    } else if (type === Type.Shared) {
      if (!hasV) return after;
      value = this.sharedString(indexAt(b, vFrom, vTo));
    } else {
      // str, b, d: through the value's buffer, as the tags would
      this.type = type;
      this.hasV = hasV;
      this.value.clear();
      if (hasV) this.value.add(b, vFrom, vTo);
      value = this.cellValue();
      if (this.stopped) return after;
    }
    if (value !== undefined) this.grid.set(row, col, value);
    return after;
  }

  private startRow(bytes: Uint8Array, from: number, to: number): void {
    const at = attribute(bytes, from, to, ATTR_R, this.end1);
    if (at < 0) this.row++;
    else {
      const n = digits(bytes, at, this.end1[0]);
      if (n < 1) return this.unsupported();
      this.row = n;
    }
    this.col = -1;
  }

  private startCell(bytes: Uint8Array, from: number, to: number): void {
    const found = this.found;
    attributes(bytes, from, to, CELL_ATTRS, found);
    const at = found[0];
    if (at < 0) {
      this.col++;
      this.cellRow = this.row - 1;
      this.cellCol = this.col;
    } else {
      const c = refColumn(bytes, at, found[1]);
      if (c < 0) return this.unsupported();
      this.cellRow = REF_ROW[0];
      this.cellCol = this.col = c;
    }
    if (this.cellRow < 0) return this.unsupported();
    this.type = found[2] < 0 ? Type.Number : cellType(bytes, found[2], found[3]);
    if (this.type < 0) this.unsupported();
    this.style = found[4] < 0 ? 0 : digits(bytes, found[4], found[5]);
    this.inCell = true;
    this.hasV = false;
    this.inV = false;
    this.hasIs = false;
    this.inIs = false;
    this.inlineText = undefined;
  }

  private endCell(): void {
    this.inCell = false;
    this.inV = false;
    if (this.stopped || this.missingString) return;
    const value = this.cellValue();
    if (value !== undefined) this.grid.set(this.cellRow, this.cellCol, value);
  }

  /** A number in a cell of format `style`: in a 1904 workbook, a date moved onto the 1900 serials. */
  private dated(n: number, style: number): number {
    const o = this.options;
    return o.date1904 && o.dateStyles[style] ? n + DAYS_1904 : n;
  }

  /** The shared string at `index` ('' where the strings are not wanted); undefined, and the sheet
   *  unreadable, where there is none. */
  private sharedString(index: number): string | undefined {
    const strings = this.options.strings;
    if (strings === null) return '';
    const s = strings[index];
    if (s === undefined) this.missingString = true;
    return s;
  }

  /** The cell's value; undefined for a cell without one (SheetJS leaves it out). */
  private cellValue(): Cell | undefined {
    const hasV = this.hasV && this.value.length > 0;
    switch (this.type) {
      case Type.Number:
        return hasV ? this.dated(this.value.number(), this.style) : undefined;
      case Type.Shared:
        return hasV ? this.sharedString(this.value.index()) : undefined;
      case Type.Str:
        return hasV ? this.value.text() : '';
      case Type.Inline:
        return this.inlineText ?? '';
      case Type.Bool: {
        if (!hasV) return false;
        const t = this.value.text();
        return t === '1' || t === 'true';
      }
      case Type.Error:
        if (!hasV) return this.unsupported(), undefined;
        return { error: this.value.text() };
      case Type.Date: {
        const serial = hasV ? isoDateSerial(this.value.text()) : undefined;
        if (serial === undefined) this.unsupported();
        return serial;
      }
    }
  }
}

/** refColumn's row. */
const REF_ROW = new Int32Array(1);

/** A reference as Excel writes it (capital letters, then the row) in bytes[from, to): its column
 *  from 0, with its row from 0 in REF_ROW[0]; -1 when it is not one. */
function refColumn(bytes: Uint8Array, from: number, to: number): number {
  let c = 0;
  let at = from;
  while (at < to && bytes[at] >= 0x41 && bytes[at] <= 0x5a) c = c * 26 + (bytes[at++] - 0x40);
  const r = digits(bytes, at, to);
  if (c < 1 || r < 1) return -1;
  REF_ROW[0] = r - 1;
  return c - 1;
}

/** A run of ASCII digits as a number; -1 when there is anything else (or nothing). */
function digits(bytes: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = bytes[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const INLINE_STR = new TextEncoder().encode('inlineStr');

function matches(bytes: Uint8Array, from: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[from + i] !== word[i]) return false;
  return true;
}

/** t= as a Type; -1 for a type SheetJS reads some other way (the sheet goes to SheetJS). */
function cellType(bytes: Uint8Array, from: number, to: number): Type {
  const n = to - from;
  const a = bytes[from];
  if (n === 1) {
    if (a === 0x73) return Type.Shared; // s
    if (a === 0x6e) return Type.Number; // n
    if (a === 0x62) return Type.Bool; // b
    if (a === 0x65) return Type.Error; // e
    if (a === 0x64) return Type.Date; // d
  } else if (n === 3 && a === 0x73 && bytes[from + 1] === 0x74 && bytes[from + 2] === 0x72) return Type.Str;
  else if (n === 9 && a === 0x69 && matches(bytes, from, INLINE_STR)) return Type.Inline;
  return -1 as Type;
}
