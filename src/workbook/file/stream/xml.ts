// A tokenizer of XML bytes that come in chunks cut anywhere: it hands on start tags (with the bytes
// of their attributes), end tags and, while its handler asks for it, the text between them. It reads
// bytes only: every name it compares is ASCII, which UTF-8 keeps as itself, so a character cut
// across chunks is never decoded half (text goes on as bytes; the handler decodes a whole value).
// Only a tag cut by a chunk's end is carried over, so memory stays a chunk and a tag.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;

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
}

export class XmlTokenizer {
  private carry: Uint8Array | null = null;
  private readonly names: ReadonlyArray<Uint8Array>;

  constructor(
    names: ReadonlyArray<string>,
    private readonly handler: XmlHandler,
  ) {
    this.names = names.map((n) => new TextEncoder().encode(n));
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    if (this.carry) {
      // the tag cut by the last chunk's end, made whole with the start of this one
      const gt = chunk.indexOf(GT);
      if (gt < 0) {
        if (this.carry.length + chunk.length > MAX_TAG) return this.giveUp();
        const grown = new Uint8Array(this.carry.length + chunk.length);
        grown.set(this.carry);
        grown.set(chunk, this.carry.length);
        this.carry = grown;
        return;
      }
      const tag = new Uint8Array(this.carry.length + gt + 1);
      tag.set(this.carry);
      tag.set(chunk.subarray(0, gt + 1), this.carry.length);
      this.carry = null;
      this.tag(tag, 0, tag.length - 1);
      pos = gt + 1;
    }
    const n = chunk.length;
    const h = this.handler;
    while (pos < n) {
      const lt = chunk.indexOf(LT, pos);
      if (lt < 0) {
        if (h.capturing) h.text(chunk, pos, n);
        return;
      }
      if (lt > pos && h.capturing) h.text(chunk, pos, lt);
      const gt = chunk.indexOf(GT, lt + 1);
      if (gt < 0) {
        if (n - lt > MAX_TAG) return this.giveUp();
        this.carry = chunk.slice(lt);
        return;
      }
      this.tag(chunk, lt, gt);
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

/**
 * Where the value of attribute `name` (one ASCII byte, or a few) sits in the attribute bytes
 * [from, to): the index of its first byte, with its end in `end[0]`; -1 when absent. An attribute
 * with a namespace prefix (x14ac:dyDescent) is another attribute.
 */
export function attribute(bytes: Uint8Array, from: number, to: number, name: Uint8Array, end: Int32Array): number {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(bytes[i])) i++;
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
    if (nameLength === name.length) {
      let j = 0;
      while (j < nameLength && bytes[nameStart + j] === name[j]) j++;
      if (j === nameLength) {
        end[0] = close;
        return valueStart;
      }
    }
    i = close + 1;
  }
  return -1;
}
