// A tokenizer of XML bytes that come in chunks cut anywhere: it hands on start tags (with the bytes
// of their attributes), end tags and, while its handler asks for it, the text between them. It reads
// bytes only: every name it compares is ASCII, which UTF-8 keeps as itself, so a character cut
// across chunks is never decoded half (text goes on as bytes; the handler decodes a whole value).
// Only a tag cut by a chunk's end is carried over, so memory stays a chunk and a tag.

import { BANG, COLON, GT, LT, QUESTION, SLASH } from './bytes';

const DASH = 0x2d;

/** a tag longer than this is not one this reader knows (a sheet's tags are a few dozen bytes) */
const MAX_TAG = 64 * 1024;

export const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** What a handler of the tokens does; `which` is the index of the tag's local name in the names the
 *  tokenizer was given, or -1. */
export interface XmlHandler {
  /** text is handed on only while this is true */
  readonly capturing: boolean;
  start(which: number, bytes: Uint8Array, attrsFrom: number, attrsTo: number, empty: boolean): void;
  end(which: number): void;
  text(bytes: Uint8Array, from: number, to: number): void;
  /** markup this reader does not read (a comment, CDATA, a tag past MAX_TAG): the part goes to the
   *  reader that does */
  unsupported(): void;
  /** A fast path, asked at each '<' (at `lt`, in bytes[0, n)): a whole element of a shape the
   *  handler knows, read at once, and the index after it; or -1, and the tokenizer reads it tag by
   *  tag as ever (the handler must then have changed nothing). */
  element?(bytes: Uint8Array, lt: number, n: number): number;
}

export class XmlTokenizer {
  private carry: Uint8Array | null = null;
  private readonly names: ReadonlyArray<Uint8Array>;
  private readonly fast: boolean;

  constructor(
    names: ReadonlyArray<string>,
    private readonly handler: XmlHandler,
  ) {
    this.names = names.map((n) => new TextEncoder().encode(n));
    this.fast = typeof handler.element === 'function';
  }

  push(input: Uint8Array): void {
    // a Buffer's indexOf is a JavaScript wrapper, a typed array's the engine's own: searched as one
    const chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let pos = 0;
    if (this.carry) {
      // the tag cut by the last chunk's end, made whole with the start of this one
      pos = this.complete(chunk);
      if (pos < 0) return;
    }
    this.scan(chunk, pos);
  }

  /** The carried tag completed from the start of `chunk` and read: the index after it, or -1 when
   *  the chunk does not complete it either (it is carried on). */
  private complete(chunk: Uint8Array): number {
    const carry = this.carry as Uint8Array;
    let from = 0;
    for (;;) {
      const gt = chunk.indexOf(GT, from);
      if (gt < 0) {
        if (carry.length + chunk.length > MAX_TAG) {
          this.giveUp();
          return -1;
        }
        this.carry = joined(carry, chunk);
        return -1;
      }
      const whole = joined(carry, chunk.subarray(0, gt + 1));
      // a comment goes on past a '>' until its '-->'
      if (whole.length >= 4 && whole[1] === BANG && whole[2] === DASH && whole[3] === DASH && commentEnd(whole, 4) < 0) {
        from = gt + 1;
        continue;
      }
      this.carry = null;
      this.scan(whole, 0);
      return gt + 1;
    }
  }

  private scan(chunk: Uint8Array, start: number): void {
    const n = chunk.length;
    const h = this.handler;
    let pos = start;
    while (pos < n) {
      // a plain loop, not indexOf: the next '<' is a few bytes on, and a call costs more than the bytes
      let lt = pos;
      while (lt < n && chunk[lt] !== LT) lt++;
      if (lt === n) {
        if (h.capturing) h.text(chunk, pos, n);
        return;
      }
      if (lt > pos && h.capturing) h.text(chunk, pos, lt);
      if (this.fast) {
        const after = (h.element as NonNullable<XmlHandler['element']>)(chunk, lt, n);
        if (after >= 0) {
          pos = after;
          continue;
        }
      }
      let gt: number;
      if (lt + 3 >= n && chunk[lt + 1] === BANG) gt = -1; // too little seen to tell a comment
      else if (chunk[lt + 1] === BANG && chunk[lt + 2] === DASH && chunk[lt + 3] === DASH) gt = commentEnd(chunk, lt + 4);
      else {
        gt = lt + 1;
        while (gt < n && chunk[gt] !== GT) gt++;
        if (gt === n) gt = -1;
      }
      if (gt < 0) {
        if (n - lt > MAX_TAG) return this.giveUp();
        this.carry = chunk.slice(lt);
        return;
      }
      if (chunk[lt + 1] !== BANG || chunk[lt + 2] !== DASH) this.tag(chunk, lt, gt);
      pos = gt + 1;
    }
  }

  /** Whether a tag was left cut at the end (the part ended inside it). */
  get cut(): boolean {
    return this.carry !== null;
  }

  private giveUp(): void {
    this.carry = null;
    this.handler.unsupported();
  }

  /** The tag in bytes[lt, gt] ('<' .. '>'). */
  private tag(bytes: Uint8Array, lt: number, gt: number): void {
    const first = bytes[lt + 1];
    if (first === QUESTION) return; // the XML declaration, a processing instruction
    if (first === BANG) return this.handler.unsupported();
    const closing = first === SLASH;
    const from = closing ? lt + 2 : lt + 1;
    let local = from;
    let nameEnd = from;
    while (nameEnd < gt) {
      const b = bytes[nameEnd];
      if (isSpace(b) || b === SLASH) break;
      if (b === COLON) local = nameEnd + 1;
      nameEnd++;
    }
    const which = this.which(bytes, local, nameEnd);
    if (closing) return this.handler.end(which);
    const empty = bytes[gt - 1] === SLASH;
    this.handler.start(which, bytes, nameEnd, empty ? gt - 1 : gt, empty);
  }

  private which(bytes: Uint8Array, from: number, to: number): number {
    const length = to - from;
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name.length !== length || name[0] !== bytes[from]) continue;
      let j = 1;
      while (j < length && bytes[from + j] === name[j]) j++;
      if (j === length) return i;
    }
    return -1;
  }
}

function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The index of the '>' that ends a comment whose text starts at `from`; -1 when not in the bytes. */
function commentEnd(bytes: Uint8Array, from: number): number {
  let at = bytes.indexOf(GT, from);
  while (at >= 0 && !(bytes[at - 1] === DASH && bytes[at - 2] === DASH && at - 2 >= from)) at = bytes.indexOf(GT, at + 1);
  return at;
}

/**
 * The attributes of a start tag that a cell's reader needs, found in one pass over bytes[from, to):
 * for each name of `names` (one ASCII byte each), its value's start and end in out[2i], out[2i+1]
 * (-1, -1 when absent). An attribute with a namespace prefix is another attribute.
 */
export function attributes(bytes: Uint8Array, from: number, to: number, names: Uint8Array, out: Int32Array): void {
  out.fill(-1);
  const at = SCRATCH;
  for (let i = nextAttribute(bytes, from, to, at); i >= 0; i = nextAttribute(bytes, i, to, at)) {
    if (at[1] !== 1) continue;
    const k = names.indexOf(bytes[at[0]]);
    if (k >= 0 && out[2 * k] < 0) {
      out[2 * k] = at[2];
      out[2 * k + 1] = at[3];
    }
  }
}

/**
 * Where the value of attribute `name` (one ASCII byte, or a few) sits in the attribute bytes
 * [from, to): the index of its first byte, with its end in `end[0]`; -1 when absent. An attribute
 * with a namespace prefix (x14ac:dyDescent) is another attribute.
 */
export function attribute(bytes: Uint8Array, from: number, to: number, name: Uint8Array, end: Int32Array): number {
  const at = SCRATCH;
  for (let i = nextAttribute(bytes, from, to, at); i >= 0; i = nextAttribute(bytes, i, to, at)) {
    if (at[1] !== name.length) continue;
    let j = 0;
    while (j < name.length && bytes[at[0] + j] === name[j]) j++;
    if (j === name.length) {
      end[0] = at[3];
      return at[2];
    }
  }
  return -1;
}

/** nextAttribute's answer, reused (a cell's attributes are read once a cell: no allocation each). */
const SCRATCH = new Int32Array(4);

/**
 * The next attribute of the attribute bytes [i, to): its name's start and length and its value's
 * start and end (the closing quote) in `at`; returns where the one after it begins, or -1 when there
 * is none (the end, or bytes that are no attribute).
 */
function nextAttribute(bytes: Uint8Array, i: number, to: number, at: Int32Array): number {
  while (i < to && isSpace(bytes[i])) i++;
  if (i >= to) return -1;
  const nameStart = i;
  while (i < to && bytes[i] !== 0x3d && !isSpace(bytes[i])) i++;
  const nameLength = i - nameStart;
  while (i < to && bytes[i] !== 0x3d) i++;
  i++;
  while (i < to && isSpace(bytes[i])) i++;
  const quote = bytes[i];
  if (quote !== 0x22 && quote !== 0x27) return -1;
  const valueStart = i + 1;
  let close = valueStart;
  while (close < to && bytes[close] !== quote) close++;
  if (close >= to) return -1;
  at[0] = nameStart;
  at[1] = nameLength;
  at[2] = valueStart;
  at[3] = close;
  return close + 1;
}
