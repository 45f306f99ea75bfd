// A small, strict XML reader for checking manifest.xml offline. No XML parser is a direct dependency
// of the project, and the browser's DOMParser is not in Node. It rejects what makes a document not
// well-formed (unclosed or crossed tags, bad attributes, stray `<` or `&`, several roots, undeclared
// namespace prefixes); it does not read DTDs.

export interface XmlElement {
  /** qualified name as written, e.g. `bt:Image` */
  readonly name: string;
  /** local name, e.g. `Image` */
  readonly local: string;
  /** namespace URI resolved from the xmlns declarations in scope ('' when none) */
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** character data directly inside this element, entities decoded, trimmed */
  text: string;
  /** 1-based line of the start tag */
  readonly line: number;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
  }
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string, line: number): string {
  if (raw.includes('<')) throw new XmlSyntaxError('"<" in character data or an attribute value', line);
  return raw.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`bare "&" (write &amp;): ${whole}`, line);
    if (ref in ENTITIES) return ENTITIES[ref];
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!m) throw new XmlSyntaxError(`unknown entity &${ref};`, line);
    return String.fromCodePoint(m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10));
  });
}

function parseAttrs(src: string, line: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /\s*([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\S+)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null && m[0] !== '') {
    if (m[5] !== undefined) throw new XmlSyntaxError(`malformed attribute near "${m[5]}"`, line);
    const name = m[1];
    if (!NAME.test(name)) throw new XmlSyntaxError(`bad attribute name "${name}"`, line);
    if (name in attrs) throw new XmlSyntaxError(`duplicate attribute "${name}"`, line);
    attrs[name] = decode(m[3] ?? m[4], line);
  }
  return attrs;
}

interface Open {
  readonly el: XmlElement;
  readonly scope: Map<string, string>;
  readonly text: string[];
}

function resolve(qname: string, scope: Map<string, string>, line: number, isAttr: boolean): string {
  const colon = qname.indexOf(':');
  if (colon < 0) return isAttr ? '' : (scope.get('') ?? '');
  const prefix = qname.slice(0, colon);
  if (prefix === 'xml' || prefix === 'xmlns') return prefix;
  const uri = scope.get(prefix);
  if (uri === undefined) throw new XmlSyntaxError(`undeclared namespace prefix "${prefix}" in "${qname}"`, line);
  return uri;
}

/** Parses a whole document and returns its root element, or throws XmlSyntaxError. */
export function parseXml(source: string): XmlElement {
  const src = source.replace(/^\uFEFF/, '');
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (src.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const expectEnd = (marker: string, what: string) => {
    const end = src.indexOf(marker, pos);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, line);
    return end;
  };

  if (src.startsWith('<?xml')) advance(expectEnd('?>', 'XML declaration') + 2);

  while (pos < src.length) {
    const lt = src.indexOf('<', pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new XmlSyntaxError('text outside the root element', line);
      } else {
        if (raw.includes(']]>')) throw new XmlSyntaxError('"]]>" in character data', line);
        stack[stack.length - 1].text.push(decode(raw, line));
      }
      advance(textEnd);
    }
    if (lt < 0) break;

    if (src.startsWith('<!--', pos)) {
      const end = expectEnd('-->', 'comment');
      if (src.slice(pos + 4, end).includes('--')) throw new XmlSyntaxError('"--" inside a comment', line);
      advance(end + 3);
    } else if (src.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) throw new XmlSyntaxError('CDATA outside the root element', line);
      const end = expectEnd(']]>', 'CDATA section');
      stack[stack.length - 1].text.push(src.slice(pos + 9, end));
      advance(end + 3);
    } else if (src.startsWith('<?', pos)) {
      advance(expectEnd('?>', 'processing instruction') + 2);
    } else if (src.startsWith('<!', pos)) {
      throw new XmlSyntaxError('DOCTYPE and other declarations are not expected in a manifest', line);
    } else if (src.startsWith('</', pos)) {
      const end = expectEnd('>', 'end tag');
      const name = src.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`end tag </${name}> without a start tag`, line);
      if (open.el.name !== name) {
        throw new XmlSyntaxError(`end tag </${name}> does not match <${open.el.name}> (line ${open.el.line})`, line);
      }
      open.el.text = open.text.join('').trim();
      advance(end + 1);
    } else {
      // a start tag: find its '>' outside quoted attribute values
      let i = pos + 1;
      let quote = '';
      for (; i < src.length; i++) {
        const c = src[i];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        else if (c === '<') throw new XmlSyntaxError('"<" inside a tag', line);
      }
      if (i >= src.length) throw new XmlSyntaxError('unterminated start tag', line);
      const selfClosing = src[i - 1] === '/';
      const body = src.slice(pos + 1, selfClosing ? i - 1 : i);
      const nameMatch = /^[^\s/>]+/.exec(body);
      const qname = nameMatch ? nameMatch[0] : '';
      if (!NAME.test(qname)) throw new XmlSyntaxError(`bad element name "${qname}"`, line);
      if (stack.length === 0 && root) throw new XmlSyntaxError(`a second root element <${qname}>`, line);
      const attrs = parseAttrs(body.slice(qname.length), line);
      const scope = new Map(stack.length ? stack[stack.length - 1].scope : []);
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'xmlns') scope.set('', v);
        else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
      }
      for (const k of Object.keys(attrs)) if (k.includes(':') && !k.startsWith('xmlns:')) resolve(k, scope, line, true);
      const el: XmlElement = {
        name: qname,
        local: qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname,
        ns: resolve(qname, scope, line, false),
        attrs,
        children: [],
        text: '',
        line,
      };
      if (stack.length) stack[stack.length - 1].el.children.push(el);
      else root = el;
      if (!selfClosing) stack.push({ el, scope, text: [] });
      advance(i + 1);
    }
  }
  if (stack.length) throw new XmlSyntaxError(`<${stack[stack.length - 1].el.name}> is never closed`, line);
  if (!root) throw new XmlSyntaxError('no root element', line);
  return root;
}

/** Direct children with this local name. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** The first descendant along a path of local names, e.g. `child(root, 'DefaultSettings', 'SourceLocation')`. */
export function child(el: XmlElement, ...path: string[]): XmlElement | undefined {
  let at: XmlElement | undefined = el;
  for (const step of path) at = at && childrenNamed(at, step)[0];
  return at;
}

/** Every element of the tree, depth first. */
export function descendants(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(descendants)];
}
