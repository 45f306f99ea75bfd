// Shared by the streaming reader's tests: a package made of hand-written parts, and the scanners of
// src/workbook/file/stream run over a part's bytes cut at given places (the chunk boundaries).
import { strToU8, unzipSync, zipSync } from 'fflate';
import { CellScanner } from '../../src/workbook/file/cellReader';
import { dateStyles, isDate1904 } from '../../src/workbook/file/dates';
import { StringsScanner } from '../../src/workbook/file/stringsReader';
import { FileWorkbook } from '../../src/workbook/file';
import { SheetGrid } from '../../src/workbook/types';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A package of one sheet "S" from its worksheet XML (and shared strings, styles, workbookPr). */
export function packageOf(sheetXml: string, options: { readonly strings?: string; readonly styles?: string; readonly workbookPr?: string } = {}): Uint8Array {
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    ...(options.strings ? ['<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'] : []),
    ...(options.styles ? ['<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'] : []),
  ];
  const rels = [
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
    ...(options.strings ? ['<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'] : []),
    ...(options.styles ? ['<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'] : []),
  ];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (options.strings) files['xl/sharedStrings.xml'] = strToU8(options.strings);
  if (options.styles) files['xl/styles.xml'] = strToU8(options.styles);
  return zipSync(files);
}

/** Every sheet of a workbook file, read by one reader; and which reader did read them. */
export async function readAll(bytes: Uint8Array, reader: 'stream' | 'sheetjs'): Promise<{ grids: SheetGrid[]; used: 'stream' | 'sheetjs' | null }> {
  const wb = FileWorkbook.open(bytes, { reader });
  const grids = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
  return { grids, used: wb.lastReader };
}

/** `bytes` cut before each of `cuts` (ascending, inside the bytes). */
export function cutAt(bytes: Uint8Array, cuts: ReadonlyArray<number>): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (const at of cuts) {
    if (at <= from || at >= bytes.length) continue;
    out.push(bytes.slice(from, at));
    from = at;
  }
  out.push(bytes.slice(from));
  return out;
}

/** A sheet part and its workbook's strings and styles, as a scan needs them. */
export interface ScanInput {
  readonly sheet: Uint8Array;
  readonly strings?: Uint8Array;
  readonly styles?: Uint8Array;
  readonly date1904: boolean;
}

/** The scan input of each worksheet of a package (parts found by their usual names). */
export function scanInputs(bytes: Uint8Array): Array<{ part: string; input: ScanInput }> {
  let all: Record<string, Uint8Array>;
  try {
    all = unzipSync(bytes);
  } catch {
    return []; // not a zip (an encrypted file): nothing to scan
  }
  const find = (re: RegExp) => Object.keys(all).find((n) => re.test(n));
  const strings = find(/^xl\/sharedStrings\.xml$/i);
  const styles = find(/^xl\/styles\.xml$/i);
  const workbook = find(/^xl\/workbook\.xml$/i);
  const date1904 = workbook ? isDate1904(new TextDecoder().decode(all[workbook])) : false;
  return Object.keys(all)
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))
    .sort()
    .map((part) => ({ part, input: { sheet: all[part], strings: strings ? all[strings] : undefined, styles: styles ? all[styles] : undefined, date1904 } }));
}

/** The grid the scanners make of the input, each part handed on in the pieces `cut` makes. */
export function scan(input: ScanInput, cut: (bytes: Uint8Array) => Uint8Array[], options: { readonly fastCells?: boolean } = {}): { grid: SheetGrid | null; strings: string[] } {
  const table = new StringsScanner();
  if (input.strings) for (const piece of cut(input.strings)) table.push(piece);
  if (table.unreadable) return { grid: null, strings: [] };
  const dates = input.date1904 && input.styles ? dateStyles(new TextDecoder().decode(input.styles)) : [];
  const cells = new CellScanner({ strings: table.strings, date1904: input.date1904, dateStyles: dates, fastCells: options.fastCells });
  for (const piece of cut(input.sheet)) cells.push(piece);
  if (cells.stopped) return { grid: null, strings: table.strings };
  return { grid: cells.grid.finish('S'), strings: table.strings };
}
