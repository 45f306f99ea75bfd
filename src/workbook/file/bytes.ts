// Byte helpers shared by the zip and XML splicing code. UTF-8 keeps every ASCII byte as itself, so
// ASCII markup such as `</sheetData>` can be searched in the raw bytes without decoding a large part.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function concatBytes(chunks: ReadonlyArray<Uint8Array>): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function matchesAt(hay: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let j = 1; j < needle.length; j++) if (hay[at + j] !== needle[j]) return false;
  return true;
}

/** First index of `needle` in `hay` at or after `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (hay[i] === first && matchesAt(hay, i, needle)) return i;
  }
  return -1;
}

/** Last index of `needle` in `hay` that starts at or before `from`, or -1. */
export function lastIndexOfBytes(hay: Uint8Array, needle: Uint8Array, from = hay.length): number {
  const first = needle[0];
  for (let i = Math.min(from, hay.length - needle.length); i >= 0; i--) {
    if (hay[i] === first && matchesAt(hay, i, needle)) return i;
  }
  return -1;
}

/** The bytes of XML's markup, which UTF-8 keeps as themselves (for the scanners of parts as bytes). */
export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f; // /
export const BANG = 0x21; // !
export const QUESTION = 0x3f; // ?
export const COLON = 0x3a; // :
