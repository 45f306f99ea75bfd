// Open Packaging Conventions: part names, relationship parts and [Content_Types].xml.
import { damaged, escapeAttr, findTag, findTags, splice } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

export const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
  extendedProperties: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_PART = '[Content_Types].xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** the target part name (no leading slash), for internal targets */
  readonly part: string;
}

/** 'xl/workbook.xml' -> 'xl/_rels/workbook.xml.rels' */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** Resolve a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const decoded = safeDecode(target.replace(/\\/g, '/'));
  const base = decoded.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The relative target that leads from `fromPart` to `toPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  return findTags(xml, 'Relationship').map((t) => {
    const target = t.attrs.Target ?? '';
    const external = t.attrs.TargetMode === 'External';
    return {
      id: t.attrs.Id ?? '',
      type: t.attrs.Type ?? '',
      target,
      external,
      part: external ? '' : resolveTarget(sourcePart, target),
    };
  });
}

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
}

/** A relationship id not used in `rels`: rId1, rId2, ... */
export function nextRelId(rels: ReadonlyArray<Relationship>): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Insert child markup at the end of the root element named `root` (handles `<root/>`). */
export function appendToRoot(xml: string, root: string, markup: string): string {
  const tag = findTag(xml, root);
  // the part, named where its root says which it is ([Content_Types].xml; a rels part could be any)
  const part = root === 'Types' ? CONTENT_TYPES_PART : undefined;
  if (!tag) throw damaged({ reason: 'XML_NO_ELEMENT', part, element: root });
  if (tag.selfClosing) {
    const open = tag.raw.slice(0, -2).trimEnd() + '>';
    return splice(xml, tag.start, tag.end, `${open}${markup}</${tag.prefix}${root}>`);
  }
  const close = xml.lastIndexOf(`</${tag.prefix}${root}>`);
  if (close < 0) throw damaged({ reason: 'XML_NOT_CLOSED', part, element: root });
  return splice(xml, close, close, markup);
}

export function addRelationship(xml: string, id: string, type: string, target: string): string {
  const prefix = findTag(xml, 'Relationships')?.prefix ?? '';
  return appendToRoot(xml, 'Relationships', `<${prefix}Relationship Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`);
}

/** Content types by part name (lower case, no leading slash); Default entries by extension. */
export function parseContentTypes(xml: string): { overrides: Map<string, string>; defaults: Map<string, string> } {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const t of findTags(xml, 'Override')) {
    overrides.set((t.attrs.PartName ?? '').replace(/^\//, '').toLowerCase(), t.attrs.ContentType ?? '');
  }
  for (const t of findTags(xml, 'Default')) defaults.set((t.attrs.Extension ?? '').toLowerCase(), t.attrs.ContentType ?? '');
  return { overrides, defaults };
}

export function addOverride(xml: string, part: string, contentType: string): string {
  const prefix = findTag(xml, 'Types')?.prefix ?? '';
  return appendToRoot(xml, 'Types', `<${prefix}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`);
}

/**
 * [Content_Types].xml covering a new relationships part: most packages have
 * `<Default Extension="rels">`, but some list every .rels part by Override instead, and a part with
 * no content type makes Excel repair the file.
 */
export function withRelsDefault(xml: string): string {
  if (findTags(xml, 'Default').some((t) => (t.attrs.Extension ?? '').toLowerCase() === 'rels')) return xml;
  const root = findTag(xml, 'Types');
  if (!root || root.selfClosing) return xml;
  return splice(xml, root.end, root.end, `<${root.prefix}Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/>`);
}

/** Removes the relationship with this id (the element only; every other byte stays). */
export function removeRelationship(xml: string, id: string): string {
  const tag = findTags(xml, 'Relationship').find((t) => t.attrs.Id === id);
  if (!tag) return xml;
  const end = tag.selfClosing ? tag.end : xml.indexOf('>', xml.indexOf(`</${tag.prefix}Relationship`, tag.end)) + 1;
  return splice(xml, tag.start, end, '');
}

/** Removes the Override of a part from [Content_Types].xml. */
export function removeOverride(xml: string, part: string): string {
  const name = `/${part}`.toLowerCase();
  const tag = findTags(xml, 'Override').find((t) => (t.attrs.PartName ?? '').toLowerCase() === name);
  if (!tag) return xml;
  const end = tag.selfClosing ? tag.end : xml.indexOf('>', xml.indexOf(`</${tag.prefix}Override`, tag.end)) + 1;
  return splice(xml, tag.start, end, '');
}
