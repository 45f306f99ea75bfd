// A scan of an XML part's bytes as they are inflated, chunk by chunk, before any reader parses them:
// it counts the start tags that cost memory (a sheet's rows and cells, the shared strings' entries)
// through the meters of limits.ts, so a bomb is refused after the limit's worth of bytes rather than
// after all of them; and at the end it checks that the part closes the element it opened (a part cut
// short in a well-formed zip is damage, not an empty sheet). It reads bytes only: every name and
// attribute it looks for is ASCII, which UTF-8 keeps as itself.
import type { FileErrorDetail } from '../../domain/failures';
import { WorkbookError } from '../types';
import { BANG, COLON, concatBytes, fromUtf8, GT, LT, QUESTION, SLASH } from './bytes';
import type { EntryMeter, PartPlace, SheetMeter } from './limits';

const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
/** a tag longer than this, cut by a chunk's end, is kept whole only this far: a tag of a sheet's
 *  rows and cells is a few dozen bytes */
const MAX_CARRIED_TAG = 64 * 1024;
/** what is kept of a part's end, to see its last tag */
const TAIL = 256;

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isNameEnd = (b: number) => isSpace(b) || b === GT || b === SLASH;

function corrupt(detail: FileErrorDetail): WorkbookError {
  return new WorkbookError('CORRUPT', detail);
}

/** Calls back for the start tags it is told to look for: which one, and the bytes of its attributes. */
export type TagHandler = (which: number, bytes: Uint8Array, from: number, to: number) => void;

export class PartScanner {
  private carry: Uint8Array | null = null;
  private root: string | undefined;
  private rootEmpty = false;
  private tail = new Uint8Array(0);
  private readonly names: ReadonlyArray<Uint8Array>;

  /**
   * `names`: local names of the start tags to report (`c`, `row`), with any namespace prefix;
   * `element`: the root element the part should have, for the words when it has none.
   */
  constructor(
    private readonly place: PartPlace,
    private readonly element: string,
    names: ReadonlyArray<string> = [],
    private readonly onTag: TagHandler = () => undefined,
    /** only the root and the part's end are looked at (a reader beside this counts the tags) */
    private readonly rootOnly = false,
  ) {
    this.names = names.map((n) => new TextEncoder().encode(n));
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.keepTail(chunk);
    if (this.rootOnly && this.root !== undefined) return;
    let bytes = chunk;
    if (this.carry) {
      bytes = concatBytes([this.carry, chunk]);
      this.carry = null;
    }
    let at = bytes.indexOf(LT);
    while (at >= 0) {
      const next = this.tag(bytes, at);
      if (next < 0) {
        if (bytes.length - at > MAX_CARRIED_TAG) throw corrupt({ reason: 'XML_MALFORMED_TAG', ...this.place });
        this.carry = bytes.slice(at);
        return;
      }
      at = bytes.indexOf(LT, next);
    }
  }

  /** The part ended: it must close its root element (or have opened it empty). */
  end(): void {
    if (this.root === undefined) throw corrupt({ reason: 'XML_NO_ELEMENT', ...this.place, element: this.element });
    if (this.rootEmpty) return;
    let end = this.tail.length;
    while (end > 0 && isSpace(this.tail[end - 1])) end--;
    const last = this.tail.lastIndexOf(LT, end - 1);
    const closing = last >= 0 ? fromUtf8(this.tail.subarray(last, end)) : '';
    if (!new RegExp(`^</${this.root.replace(/[.]/g, '\\.')}\\s*>$`).test(closing)) {
      throw corrupt({ reason: 'XML_NOT_CLOSED', ...this.place, element: this.root });
    }
  }

  private keepTail(chunk: Uint8Array): void {
    if (chunk.length >= TAIL) this.tail = chunk.slice(chunk.length - TAIL);
    else this.tail = concatBytes([this.tail, chunk]).slice(-TAIL);
  }

  /** Looks at the tag that starts at `at`; the index to search on from, or -1 when the chunk cuts it. */
  private tag(bytes: Uint8Array, at: number): number {
    const first = bytes[at + 1];
    if (first === undefined) return -1;
    if (first === SLASH || first === BANG || first === QUESTION) return at + 1;
    let nameEnd = at + 1;
    let local = at + 1;
    while (nameEnd < bytes.length && !isNameEnd(bytes[nameEnd])) {
      if (bytes[nameEnd] === COLON) local = nameEnd + 1;
      nameEnd++;
    }
    if (nameEnd >= bytes.length) return -1;
    if (this.root === undefined) {
      const close = bytes.indexOf(GT, nameEnd);
      if (close < 0) return -1;
      this.root = fromUtf8(bytes.subarray(at + 1, nameEnd));
      this.rootEmpty = bytes[close - 1] === SLASH;
      return close + 1;
    }
    const which = this.which(bytes, local, nameEnd);
    if (which < 0) return nameEnd;
    const close = bytes.indexOf(GT, nameEnd);
    if (close < 0) return -1;
    this.onTag(which, bytes, nameEnd, close);
    return close + 1;
  }

  private which(bytes: Uint8Array, from: number, to: number): number {
    const length = to - from;
    for (let i = 0; i < this.names.length; i++) {
      const name = this.names[i];
      if (name.length !== length) continue;
      let j = 0;
      while (j < length && bytes[from + j] === name[j]) j++;
      if (j === length) return i;
    }
    return -1;
  }
}

/** Where the value of the attribute `r` ends (R_END[0]) when attributeR finds it. */
const R_END = new Int32Array(1);

/** Where the value of the attribute `r` sits in bytes[from, to): its start (its end in R_END[0]),
 *  or -1. */
function attributeR(bytes: Uint8Array, from: number, to: number): number {
  for (let k = from + 1; k < to; k++) {
    if (bytes[k] !== 0x72 || !isSpace(bytes[k - 1])) continue;
    let m = k + 1;
    while (m < to && isSpace(bytes[m])) m++;
    if (bytes[m] !== EQUALS) continue;
    m++;
    while (m < to && isSpace(bytes[m])) m++;
    const quote = bytes[m];
    if (quote !== DQUOTE && quote !== SQUOTE) continue;
    const close = bytes.indexOf(quote, m + 1);
    if (close < 0 || close > to) return -1;
    R_END[0] = close;
    return m + 1;
  }
  return -1;
}

const ROW = 0;

/**
 * A worksheet part's scan: every `<row>` and `<c>` through the sheet's meter, numbered as a reader
 * numbers them (by `r`, else one after the one before).
 */
export function sheetScanner(place: PartPlace, meter: SheetMeter): PartScanner {
  const state = { row: 0, col: 0 };
  return new PartScanner(place, 'worksheet', ['row', 'c'], (which, bytes, from, to) => {
    const r = attributeR(bytes, from, to);
    if (which === ROW) countRow(state, meter, r, bytes);
    else countCell(state, meter, r, bytes);
  });
}

/** A part's scan for its root and its closing only: for a reader that counts the tags itself (the
 *  streaming reader counts a sheet's rows and cells and the strings' entries as sheetScanner and
 *  stringsScanner do, through sheetCounter and the entry meter). */
export function closingScanner(place: PartPlace, element: 'worksheet' | 'sst'): PartScanner {
  return new PartScanner(place, element, [], undefined, true);
}

/** A sheet's rows and cells counted as sheetScanner counts them, for a reader that walks the tags:
 *  told of each `<row>` and `<c>` start tag with the bytes of its attributes. */
export function sheetCounter(meter: SheetMeter): {
  row: (bytes: Uint8Array, from: number, to: number) => void;
  cell: (bytes: Uint8Array, from: number, to: number) => void;
  cellAt: (row: number, col: number) => void;
} {
  const state = { row: 0, col: 0 };
  return {
    row: (bytes, from, to) => countRow(state, meter, attributeR(bytes, from, to), bytes),
    cell: (bytes, from, to) => countCell(state, meter, attributeR(bytes, from, to), bytes),
    cellAt: (row, col) => countCellAt(state, meter, row, col),
  };
}

function countRow(state: { row: number; col: number }, meter: SheetMeter, r: number, bytes: Uint8Array): void {
  let n = 0;
  if (r >= 0) for (let i = r, end = R_END[0]; i < end; i++) n = n * 10 + bytes[i] - 0x30;
  state.row = r >= 0 && n > 0 ? n : state.row + 1;
  state.col = 0;
  meter.row(state.row);
}

function countCell(state: { row: number; col: number }, meter: SheetMeter, r: number, bytes: Uint8Array): void {
  let c = 0;
  let n = 0;
  if (r >= 0) {
    for (let i = r, end = R_END[0]; i < end; i++) {
      const b = bytes[i] | 0x20; // letters in either case
      if (b >= 0x61 && b <= 0x7a) c = c * 26 + (b - 0x60);
      else n = n * 10 + bytes[i] - 0x30;
    }
  }
  countCellAt(state, meter, n, c);
}

/** A cell counted from its reference already read (row from 1, column from 1; 0: not given). */
function countCellAt(state: { row: number; col: number }, meter: SheetMeter, n: number, c: number): void {
  state.col = c > 0 ? c : state.col + 1;
  meter.cell(n > 0 ? n : Math.max(state.row, 1), state.col);
}

/** The shared-strings part's scan: every `<si>` through the meter. */
export function stringsScanner(place: PartPlace, meter: EntryMeter): PartScanner {
  return new PartScanner(place, 'sst', ['si'], () => meter.entry());
}
