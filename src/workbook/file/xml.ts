// XML text helpers: escaping as OOXML expects it, and a small tag scanner for the package parts this
import type { FileErrorDetail } from '../../domain/failures';
import { WorkbookError } from '../types';
// back end edits (workbook.xml, rels, content types, styles, tables), which are small. Sheet parts,
// which may be large, are spliced as bytes (see append.ts).

// Characters XML 1.0 cannot carry, lone surrogates, CR (a parser would turn CRLF into LF) and a
// literal `_xHHHH_` (it would be read back as an escape) are written as OOXML `_xHHHH_` escapes.
const TEXT_NEEDS_ESCAPE = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_[xX][0-9A-Fa-f]{4}_/;
const TEXT_ESCAPES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_(?=[xX][0-9A-Fa-f]{4}_)/g;
const ATTR_NEEDS_ESCAPE = /[&<>"\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_[xX][0-9A-Fa-f]{4}_/;
const ATTR_ESCAPES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>"\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_(?=[xX][0-9A-Fa-f]{4}_)/g;

function ooxmlEscape(ch: string): string {
  return '_x' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '_';
}

function escapeTextChar(m: string): string {
  if (m.length === 2) return m; // a valid surrogate pair
  switch (m) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '_':
      return '_x005F_';
    default:
      return ooxmlEscape(m);
  }
}

function escapeAttrChar(m: string): string {
  switch (m) {
    case '"':
      return '&quot;';
    case '\t':
      return '&#9;';
    case '\n':
      return '&#10;';
    case '\r':
      return '&#13;';
    default:
      return escapeTextChar(m);
  }
}

/** Escape text for element content (`<t>`, `<v>`, `<formula1>`). */
export function escapeText(text: string): string {
  return TEXT_NEEDS_ESCAPE.test(text) ? text.replace(TEXT_ESCAPES, escapeTextChar) : text;
}

/** Escape text for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return ATTR_NEEDS_ESCAPE.test(text) ? text.replace(ATTR_ESCAPES, escapeAttrChar) : text;
}

/** Escape for an attribute whose value Excel stores with `_xHHHH_` for line breaks (table column names). */
export function escapeAttrOoxml(text: string): string {
  return escapeAttr(text).replace(/&#(9|10|13);/g, (_m, code: string) => ooxmlEscape(String.fromCharCode(Number(code))));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode XML entities and character references. */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, body: string) => {
    if (body[0] !== '#') return ENTITIES[body];
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Decode OOXML `_xHHHH_` escapes (after unescapeXml). */
export function decodeOoxml(text: string): string {
  if (text.indexOf('_x') < 0 && text.indexOf('_X') < 0) return text;
  return text.replace(/_[xX]([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface Tag {
  /** index of '<' */
  readonly start: number;
  /** index just after '>' */
  readonly end: number;
  /** namespace prefix with its colon ('x:') or '' */
  readonly prefix: string;
  readonly selfClosing: boolean;
  readonly raw: string;
  /** attribute values, entities decoded */
  readonly attrs: Readonly<Record<string, string>>;
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  // skip the element name
  const body = raw.replace(/^<[\w:.-]+/, '');
  let m: RegExpExecArray | null;
  ATTR.lastIndex = 0;
  while ((m = ATTR.exec(body)) !== null) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

function tagRegex(localName: string): RegExp {
  return new RegExp(`<((?:[\\w.-]+:)?)${localName}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, 'g');
}

function toTag(m: RegExpExecArray): Tag {
  const raw = m[0];
  return {
    start: m.index,
    end: m.index + raw.length,
    prefix: m[1],
    selfClosing: raw.endsWith('/>'),
    raw,
    attrs: parseAttrs(raw),
  };
}

/** The first start tag (or empty tag) of an element named `localName` (any prefix) at or after `from`. */
export function findTag(xml: string, localName: string, from = 0): Tag | null {
  const re = tagRegex(localName);
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? toTag(m) : null;
}

/** Every start tag of `localName` in [from, to). */
export function findTags(xml: string, localName: string, from = 0, to = xml.length): Tag[] {
  const re = tagRegex(localName);
  re.lastIndex = from;
  const out: Tag[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < to) out.push(toTag(m));
  return out;
}

/** Index of the closing tag `</prefix:localName>` at or after `from`, or -1. */
export function findClose(xml: string, localName: string, prefix: string, from: number): number {
  return xml.indexOf(`</${prefix}${localName}>`, from);
}

/** Index just after the element that `tag` opens (its closing tag, or the tag itself if empty). */
export function elementEnd(xml: string, localName: string, tag: Tag): number {
  if (tag.selfClosing) return tag.end;
  const close = findClose(xml, localName, tag.prefix, tag.end);
  if (close < 0) return -1;
  return close + `</${tag.prefix}${localName}>`.length;
}

/** A start tag with one attribute set (replaced if present, else added). */
export function setAttr(rawTag: string, name: string, value: string): string {
  const escaped = escapeAttr(value);
  const re = new RegExp(`(\\s${name.replace('.', '\\.')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(rawTag)) return rawTag.replace(re, (_m, lead: string) => `${lead}"${escaped}"`);
  const close = rawTag.endsWith('/>') ? rawTag.length - 2 : rawTag.length - 1;
  return `${rawTag.slice(0, close)} ${name}="${escaped}"${rawTag.slice(close)}`;
}

/** Replace [from, to) of `text` with `insert`. */
export function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** The usual names of the shared parts, as a damaged one is named to a person (a package may keep
 *  them elsewhere; the names say which part is meant). */
export const WORKBOOK_PART_NAME = 'xl/workbook.xml';
export const STYLES_PART_NAME = 'xl/styles.xml';

/** A part of the user's file that lacks what the format requires. */
export function damaged(detail: FileErrorDetail): WorkbookError {
  return new WorkbookError('CORRUPT', detail);
}
