// What listSheets and the writers need to know about a package, parsed from its small parts only:
// the workbook part, its relationships, the sheets in order with their parts and tables, the
// defined names, and every table id and name in use.
import { WorkbookError } from '../types';
import { CONTENT_TYPE, CONTENT_TYPES_PART, parseContentTypes, parseRels, REL, Relationship, relsPartOf } from './opc';
import { Package } from './package';
import { parseTable, TableInfo } from './tableXml';
import { DefinedName, parseWorkbook } from './workbookXml';
import { findTag } from './xml';

export interface TablePart {
  readonly part: string;
  readonly info: TableInfo;
}

export interface SheetModel {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** 'visible', 'hidden' or 'veryHidden' */
  readonly state: string;
  /** the worksheet part, or null if the workbook points at nothing */
  readonly part: string | null;
  readonly tables: ReadonlyArray<TablePart>;
}

export interface Structure {
  readonly workbookPart: string;
  readonly workbookRelsPart: string;
  readonly workbookRels: ReadonlyArray<Relationship>;
  readonly sheets: ReadonlyArray<SheetModel>;
  readonly names: ReadonlyArray<DefinedName>;
  /** every table in the package, on a sheet or not */
  readonly tables: ReadonlyArray<TablePart>;
  /** saved as Strict Open XML (ISO/IEC 29500 strict): other namespaces and relationship types */
  readonly strict: boolean;
}

const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

function notXlsx(reason: 'NO_CONTENT_TYPES' | 'NO_WORKBOOK_PART' | 'BINARY_WORKBOOK'): WorkbookError {
  return new WorkbookError('NOT_XLSX', { reason });
}

/** The workbook part, from the package relationships (xl/workbook.xml in practice). */
export function findWorkbookPart(pkg: Package): string {
  if (!pkg.has(CONTENT_TYPES_PART)) throw notXlsx('NO_CONTENT_TYPES');
  let part = 'xl/workbook.xml';
  if (pkg.has('_rels/.rels')) {
    const office = parseRels(pkg.text('_rels/.rels'), '').find((r) => r.type.endsWith('/officeDocument') && !r.external);
    if (office && pkg.has(office.part)) part = office.part;
  }
  if (!pkg.has(part)) {
    if (pkg.has('xl/workbook.bin')) throw notXlsx('BINARY_WORKBOOK');
    throw notXlsx('NO_WORKBOOK_PART');
  }
  if (part.toLowerCase().endsWith('.bin')) throw notXlsx('BINARY_WORKBOOK');
  return pkg.nameOf(part) ?? part;
}

function readTable(pkg: Package, part: string): TablePart | null {
  if (!pkg.has(part)) return null;
  const info = parseTable(pkg.text(part));
  return info ? { part: pkg.nameOf(part) ?? part, info } : null;
}

export function readStructure(pkg: Package): Structure {
  const workbookPart = findWorkbookPart(pkg);
  const xml = pkg.text(workbookPart);
  for (const element of ['workbook', 'sheets']) {
    if (!findTag(xml, element)) throw new WorkbookError('CORRUPT', { reason: 'XML_NO_ELEMENT', part: workbookPart, element });
  }
  const info = parseWorkbook(xml);
  const workbookRelsPart = relsPartOf(workbookPart);
  const workbookRels = pkg.has(workbookRelsPart) ? parseRels(pkg.text(workbookRelsPart), workbookPart) : [];

  // Excel refuses a workbook with two sheets of one name (ignoring case); a reader would see only one
  const seen = new Map<string, string>();
  for (const s of info.sheets) {
    const other = seen.get(s.name.toLowerCase());
    if (other !== undefined) throw new WorkbookError('CORRUPT', { reason: 'SHEET_NAMES_CLASH', part: workbookPart, sheet: s.name, other });
    seen.set(s.name.toLowerCase(), s.name);
  }

  const tables = new Map<string, TablePart>();
  const sheets = info.sheets.map((s) => {
    const rel = workbookRels.find((r) => r.id === s.relId);
    const part = rel && !rel.external && pkg.has(rel.part) ? (pkg.nameOf(rel.part) ?? rel.part) : null;
    const sheetTables: TablePart[] = [];
    if (part && pkg.has(relsPartOf(part))) {
      for (const r of parseRels(pkg.text(relsPartOf(part)), part)) {
        if (r.type !== REL.table || r.external) continue;
        const t = readTable(pkg, r.part);
        if (t) {
          sheetTables.push(t);
          tables.set(t.part.toLowerCase(), t);
        }
      }
    }
    return { name: s.name, sheetId: s.sheetId, relId: s.relId, state: s.state ?? 'visible', part, tables: sheetTables };
  });
  // tables no sheet points at still hold their ids and names
  for (const [name, type] of parseContentTypes(pkg.text(CONTENT_TYPES_PART)).overrides) {
    if (type !== CONTENT_TYPE.table || tables.has(name)) continue;
    const t = readTable(pkg, name);
    if (t) tables.set(name, t);
  }
  const strict = (findTag(xml, 'workbook')?.raw ?? '').includes(STRICT_MAIN_NS);
  return { workbookPart, workbookRelsPart, workbookRels, sheets, names: info.names, tables: [...tables.values()], strict };
}
