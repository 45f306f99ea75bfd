// The looks of a generated report (ReportStyle) as cell formats of styles.xml. Append-only, like
// styles.ts: each font, fill, border, number format and <xf> a report needs is looked up by its exact
// markup first and appended only when the part lacks it, so the first report adds them once and every
// later report (and every regeneration) reuses them: styles.xml and the report part come out
// byte-identical for identical input. Existing entries are never renumbered or changed.
import { REPORT_BORDER, REPORT_LOOKS, ReportLook } from '../reportLooks';
import { ReportStyle } from '../types';
import { appendChildren, NumberFormats, withMinimalStyles } from './styles';
import { damaged, escapeAttr, findClose, findTag, findTags, STYLES_PART_NAME } from './xml';


/** The full markup of each child element `name` of the list element `list` (none if absent). */
function listItems(xml: string, list: string, name: string): string[] {
  const tag = findTag(xml, list);
  if (!tag || tag.selfClosing) return [];
  const close = findClose(xml, list, tag.prefix, tag.end);
  if (close < 0) throw damaged({ reason: 'XML_NOT_CLOSED', part: STYLES_PART_NAME, element: list });
  return findTags(xml, name, tag.end, close).map((t) => {
    if (t.selfClosing) return t.raw;
    const end = findClose(xml, name, t.prefix, t.end);
    return xml.slice(t.start, end + `</${t.prefix}${name}>`.length);
  });
}

/** One list of styles.xml: existing entries by markup, and the ones this edit appends. */
class StyleList {
  readonly added: string[] = [];
  constructor(
    readonly list: string,
    private readonly existing: string[],
  ) {}

  indexOf(markup: string): number {
    const at = this.existing.indexOf(markup);
    if (at >= 0) return at;
    const added = this.added.indexOf(markup);
    if (added >= 0) return this.existing.length + added;
    this.added.push(markup);
    return this.existing.length + this.added.length - 1;
  }

  get count(): number {
    return this.existing.length;
  }
}

export class ReportStyles {
  private readonly p: string;
  private readonly fonts: StyleList;
  private readonly fills: StyleList;
  private readonly borders: StyleList;
  private readonly xfs: StyleList;
  private readonly formats: NumberFormats;
  /** the default font's name and size: report fonts only change weight, size and colour */
  private readonly baseName: string;
  private readonly baseSize: number;
  private readonly cache = new Map<ReportStyle, number>();

  private readonly xml: string;

  constructor(xml: string) {
    xml = withMinimalStyles(xml);
    this.xml = xml;
    const root = findTag(xml, 'styleSheet');
    if (!root) throw damaged({ reason: 'XML_NO_ELEMENT', part: STYLES_PART_NAME, element: 'styleSheet' });
    this.p = root.prefix;
    const fonts = listItems(xml, 'fonts', 'font');
    if (fonts.length === 0) throw damaged({ reason: 'NO_FONTS', part: STYLES_PART_NAME });
    if (listItems(xml, 'cellXfs', 'xf').length === 0) throw damaged({ reason: 'NO_CELL_FORMATS', part: STYLES_PART_NAME });
    const first = fonts[0];
    this.baseName = findTag(first, 'name')?.attrs.val ?? 'Calibri';
    this.baseSize = Number(findTag(first, 'sz')?.attrs.val ?? 11) || 11;
    this.fonts = new StyleList('fonts', fonts);
    this.fills = new StyleList('fills', listItems(xml, 'fills', 'fill'));
    this.borders = new StyleList('borders', listItems(xml, 'borders', 'border'));
    this.xfs = new StyleList('cellXfs', listItems(xml, 'cellXfs', 'xf'));
    this.formats = new NumberFormats(xml, this.p);
  }

  /** True when styles.xml needs new entries. */
  get changed(): boolean {
    return this.xfs.added.length > 0 || this.formats.added.length > 0;
  }

  /** Index into cellXfs of a report style. */
  xfOf(style: ReportStyle): number {
    const cached = this.cache.get(style);
    if (cached !== undefined) return cached;
    const look = REPORT_LOOKS[style];
    const p = this.p;
    const fontId = this.fonts.indexOf(this.fontMarkup(look));
    const fillId = look.fill
      ? this.fills.indexOf(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${look.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
      : 0;
    const borderId = look.border ? this.borders.indexOf(this.borderMarkup(look.border)) : 0;
    const numFmtId = this.formatId(look.format);
    const align = [
      look.horizontal ? ` horizontal="${look.horizontal}"` : '',
      look.vertical ? ` vertical="${look.vertical}"` : '',
      look.wrap ? ' wrapText="1"' : '',
    ].join('');
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : '') + ' applyFont="1"' + (fillId ? ' applyFill="1"' : '') + (borderId ? ' applyBorder="1"' : '') + (align ? ' applyAlignment="1"' : '');
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xf = align ? `${open}><${p}alignment${align}/></${p}xf>` : `${open}/>`;
    const id = this.xfs.indexOf(xf);
    this.cache.set(style, id);
    return id;
  }

  /** The styles part with the additions (the part itself when nothing was added). */
  text(): string {
    let xml = this.xml;
    for (const list of [this.fonts, this.fills, this.borders, this.xfs]) {
      if (list.added.length > 0) xml = appendChildren(xml, list.list, this.p, list.added, list.count, null);
    }
    xml = this.formats.appendTo(xml);
    return xml;
  }

  private fontMarkup(font: ReportLook): string {
    const p = this.p;
    const size = font.size ?? this.baseSize;
    return (
      `<${p}font>` +
      (font.bold ? `<${p}b/>` : '') +
      `<${p}sz val="${size}"/>` +
      (font.color ? `<${p}color rgb="FF${font.color}"/>` : `<${p}color theme="1"/>`) +
      `<${p}name val="${escapeAttr(this.baseName)}"/><${p}family val="2"/>` +
      `</${p}font>`
    );
  }

  private borderMarkup(kind: 'all' | 'top'): string {
    const p = this.p;
    const side = (name: string, on: boolean) => (on ? `<${p}${name} style="thin"><${p}color rgb="FF${REPORT_BORDER}"/></${p}${name}>` : `<${p}${name}/>`);
    const all = kind === 'all';
    return `<${p}border>${side('left', all)}${side('right', all)}${side('top', true)}${side('bottom', all)}<${p}diagonal/></${p}border>`;
  }

  private formatId(format: string): number {
    return this.formats.idOf(format);
  }

}
