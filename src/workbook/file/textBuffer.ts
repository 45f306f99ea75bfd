// The bytes of one value (a cell's <v>, a string's runs), gathered across chunks and decoded once,
// whole: a multi-byte character cut by a chunk's end is decoded with both its halves, and the string
// kept is a fresh one made from the bytes, never a slice of a chunk that would keep it in memory.
import { decodeOoxml, unescapeXml } from './xml';

const decoder = new TextDecoder('utf-8');

export class TextBuffer {
  private bytes = new Uint8Array(256);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  add(from: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const to = this.bytes;
    if (n < 32) {
      let at = this.length;
      for (let i = start; i < end; i++) to[at++] = from[i];
    } else {
      to.set(from.subarray(start, end), this.length);
    }
    this.length += n;
  }

  /** The text as an Excel reader gives it: XML entities and character references decoded, then
   *  OOXML's `_xHHHH_` escapes, then CR LF read as one line break. */
  text(): string {
    const raw = this.raw();
    if (!/[&_\r]/.test(raw)) return raw;
    return decodeOoxml(unescapeXml(raw)).replace(/\r\n/g, '\n');
  }

  /** The bytes as text, nothing decoded. */
  raw(): string {
    return textAt(this.bytes, 0, this.length);
  }

  /** The bytes read as a number as parseFloat reads the text (numberAt). */
  number(): number {
    return numberAt(this.bytes, 0, this.length);
  }

  /** The bytes as a non-negative integer (a shared string's index), as parseInt reads the text. */
  index(): number {
    return indexAt(this.bytes, 0, this.length);
  }
}

/** bytes[from, to) as text: short ASCII without a decoder call. */
export function textAt(b: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n <= 24) {
    // short ASCII (numbers, ids, codes) without a decoder call
    let ascii = true;
    for (let i = from; i < to; i++) if (b[i] >= 0x80) ascii = false;
    if (ascii) {
      let s = '';
      for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
      return s;
    }
  }
  return decoder.decode(b.subarray(from, to));
}

/** bytes[from, to) read as a number as parseFloat reads the text; most are plain decimals, read
 *  without making a string (exact: at most 15 digits and a power of ten below 10^23 are both exact
 *  doubles, and one division of them is correctly rounded, as parseFloat is). */
export function numberAt(b: Uint8Array, from: number, to: number): number {
  const n = to - from;
  let i = from;
  let negative = false;
  if (n > 0 && b[from] === 0x2d) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  for (; i < to; i++) {
    const c = b[i];
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      if (mantissa !== 0 || point) digits++;
      if (point) scale++;
    } else if (c === 0x2e && !point) {
      point = true;
    } else {
      return parseFloat(textAt(b, from, to));
    }
  }
  if (n === 0 || n === (negative ? 1 : 0) || digits > 15 || scale > 22 || (point && n === (negative ? 2 : 1))) return parseFloat(textAt(b, from, to));
  const value = scale === 0 ? mantissa : mantissa / POWERS[scale];
  return negative ? -value : value;
}

/** bytes[from, to) as a non-negative integer (a shared string's index), as parseInt reads the text. */
export function indexAt(b: Uint8Array, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i] - 0x30;
    if (c < 0 || c > 9 || i - from > 12) return parseInt(textAt(b, from, to), 10);
    v = v * 10 + c;
  }
  return to === from ? NaN : v;
}

const POWERS = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
