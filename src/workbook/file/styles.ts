// xl/styles.xml, append-only: a number format the workbook lacks becomes a new <numFmt> (id 164 and
// up, above every id in use) and a new <xf> at the end of <cellXfs>. Existing entries are never
// renumbered, reordered or changed, so every styled cell of the workbook keeps its look.
import { damaged, escapeAttr, findClose, findTag, findTags, setAttr, splice, STYLES_PART_NAME, Tag } from './xml';

/** Built-in formats whose id means the same in every locale (ECMA-376 18.8.30). */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const FIRST_CUSTOM_FORMAT = 164;

/**
 * The number formats of a styles part: built-in ids, the part's own custom <numFmt>s, and new ones
 * numbered above every id in use (never renumbering what is there).
 */
export class NumberFormats {
  private readonly ids = new Map<string, number>();
  private next: number;
  /** <numFmt> markup of the formats added, in order */
  readonly added: string[] = [];

  /** how many <numFmt> the <numFmts> list holds (formats inside a <dxf> are not in it) */
  private readonly declared: number;

  constructor(
    xml: string,
    private readonly prefix: string,
  ) {
    let maxId = FIRST_CUSTOM_FORMAT - 1;
    // Ids of every numFmt, differential formats' included, are taken; only those declared in
    // <numFmts> can be used by a cell format.
    for (const t of findTags(xml, 'numFmt')) {
      const id = Number(t.attrs.numFmtId);
      if (Number.isFinite(id)) maxId = Math.max(maxId, id);
    }
    const declared = declaredNumFmts(xml);
    for (const t of declared) {
      const id = Number(t.attrs.numFmtId);
      if (Number.isFinite(id) && t.attrs.formatCode !== undefined && !this.ids.has(t.attrs.formatCode)) this.ids.set(t.attrs.formatCode, id);
    }
    this.declared = declared.length;
    this.next = maxId + 1;
  }

  /** The id showing `format`, added as a new <numFmt> when the part lacks it. */
  idOf(format: string): number {
    let id = BUILTIN_FORMATS[format] ?? this.ids.get(format);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(format, id);
      this.added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(format)}"/>`);
    }
    return id;
  }

  /** The part with the added formats appended to <numFmts> (created when absent). */
  appendTo(xml: string): string {
    if (this.added.length === 0) return xml;
    return appendChildren(xml, 'numFmts', this.prefix, this.added, this.declared, 'styleSheet');
  }
}

/** The <numFmt> children of the stylesheet's <numFmts> list. */
function declaredNumFmts(xml: string): Tag[] {
  const list = findTag(xml, 'numFmts');
  if (!list || list.selfClosing) return [];
  const close = findClose(xml, 'numFmts', list.prefix, list.end);
  return close < 0 ? [] : findTags(xml, 'numFmt', list.end, close);
}

/**
 * A styles part with nothing in it (`<styleSheet/>` — some tools write that) gets the minimal
 * lists every stylesheet needs, as Excel would make them on opening: there is nothing of the
 * clerk's to keep. A part with some lists but no cell formats is left for the caller to refuse.
 */
export function withMinimalStyles(xml: string): string {
  const root = findTag(xml, 'styleSheet');
  if (!root) return xml;
  const inner = root.selfClosing ? '' : xml.slice(root.end, findClose(xml, 'styleSheet', root.prefix, root.end));
  if (inner.trim() !== '') return xml;
  const p = root.prefix;
  const lists =
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font></${p}fonts>` +
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs>` +
    `<${p}cellStyles count="1"><${p}cellStyle name="Normal" xfId="0" builtinId="0"/></${p}cellStyles>`;
  if (root.selfClosing) return splice(xml, root.start, root.end, `${root.raw.slice(0, -2).trimEnd()}>${lists}</${p}styleSheet>`);
  return splice(xml, root.end, root.end + inner.length, lists);
}

function xfMarkup(prefix: string, numFmtId: number): string {
  return `<${prefix}xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
}

export class StyleEditor {
  private readonly prefix: string;
  private readonly formats: NumberFormats;
  private readonly existingXfs: string[];
  private readonly newXfs: string[] = [];

  private readonly xml: string;

  constructor(xml: string) {
    xml = withMinimalStyles(xml);
    this.xml = xml;
    const root = findTag(xml, 'styleSheet');
    if (!root) throw damaged({ reason: 'XML_NO_ELEMENT', part: STYLES_PART_NAME, element: 'styleSheet' });
    this.prefix = root.prefix;
    this.formats = new NumberFormats(xml, this.prefix);
    const xfs = findTag(xml, 'cellXfs');
    if (!xfs || xfs.selfClosing) {
      this.existingXfs = [];
    } else {
      const close = findClose(xml, 'cellXfs', xfs.prefix, xfs.end);
      this.existingXfs = findTags(xml, 'xf', xfs.end, close).map((t) => t.raw);
    }
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  /** Index into cellXfs of a plain style showing `format`; 0 for General. */
  xfFor(format: string): number {
    const id = this.formats.idOf(format);
    if (id === 0) return 0;
    const markup = xfMarkup(this.prefix, id);
    const existing = this.existingXfs.indexOf(markup);
    if (existing >= 0) return existing;
    const added = this.newXfs.indexOf(markup);
    if (added >= 0) return this.existingXfs.length + added;
    if (this.existingXfs.length === 0) throw damaged({ reason: 'NO_CELL_FORMATS', part: STYLES_PART_NAME });
    this.newXfs.push(markup);
    return this.existingXfs.length + this.newXfs.length - 1;
  }

  /** The styles part with the additions. */
  text(): string {
    let xml = this.xml;
    if (this.newXfs.length > 0) xml = appendChildren(xml, 'cellXfs', this.prefix, this.newXfs, this.existingXfs.length, null);
    return this.formats.appendTo(xml);
  }
}

/** Append children to a list element and update its count; create the list (as the first child of
 *  `createIn`) if it does not exist. */
export function appendChildren(xml: string, list: string, prefix: string, children: string[], oldCount: number, createIn: string | null): string {
  const count = String(oldCount + children.length);
  const tag = findTag(xml, list);
  if (!tag) {
    if (!createIn) throw damaged({ reason: 'XML_NO_ELEMENT', part: STYLES_PART_NAME, element: list });
    const parent = findTag(xml, createIn);
    if (!parent || parent.selfClosing) throw damaged({ reason: 'XML_NO_ELEMENT', part: STYLES_PART_NAME, element: createIn });
    return splice(xml, parent.end, parent.end, `<${prefix}${list} count="${count}">${children.join('')}</${prefix}${list}>`);
  }
  if (tag.selfClosing) {
    const open = setAttr(tag.raw.slice(0, -2).trimEnd() + '>', 'count', count);
    return splice(xml, tag.start, tag.end, `${open}${children.join('')}</${tag.prefix}${list}>`);
  }
  const close = findClose(xml, list, tag.prefix, tag.end);
  xml = splice(xml, close, close, children.join(''));
  return tag.attrs.count === undefined ? xml : splice(xml, tag.start, tag.end, setAttr(tag.raw, 'count', count));
}
