// The streaming reader of the file back end: the workbook's shared strings and (in a 1904 workbook)
// its date formats, then each sheet asked for, streamed in chunks from the zip through a cell scanner
// straight into its grid; no part is ever whole in memory, no sheet one string. Everything the file
// back end checks on a read holds as on the SheetJS path (read.ts): the meters of limits.ts, the
// scans of scan.ts, the declared size and CRC of every part. What this reader does not read (strict
// OOXML, a part of a kind it does not know, markup it does not expect) it leaves to SheetJS: it says
// so by giving back null, never a guess.
import { SheetGrid, WorkbookError } from '../types';
import { CONTENT_TYPES_PART, parseContentTypes } from './opc';
import type { Package } from './package';
import type { ProgressMeter } from './progress';
import { closingScanner, PartScanner, sheetCounter } from './scan';
import type { Structure } from './structure';
import { CellScanner } from './cellReader';
import { dateStyles, isDate1904 } from './dates';
import type { InflaterKind } from './inflate';
import { StringsScanner } from './stringsReader';

/** The workbook parts this reader knows (content types); any other goes to SheetJS. */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const SHARED_STRINGS = /sharedStrings/;
const STYLES = /styles\+xml/;

export interface SheetToStream {
  readonly name: string;
  readonly part: string;
}

export interface StreamReadOptions {
  readonly inflater?: InflaterKind;
  /** stored parts are handed on this many bytes at a time (tests) */
  readonly chunkSize?: number;
}

/** What a read will inflate, to size its progress before it starts; null: this reader cannot. */
export function streamPlan(pkg: Package, st: Structure, sheets: ReadonlyArray<SheetToStream>): { strings?: string; styles?: string; date1904: boolean } | null {
  if (st.strict) return null;
  const types = parseContentTypes(pkg.text(CONTENT_TYPES_PART)).overrides;
  if (!WORKBOOK_TYPES.has(types.get(st.workbookPart.toLowerCase()) ?? '')) return null;
  if (sheets.some((s) => types.get(s.part.toLowerCase()) !== WORKSHEET_TYPE)) return null;
  const names = pkg.names();
  const strings = names.filter((n) => SHARED_STRINGS.test(types.get(n.toLowerCase()) ?? ''));
  const styles = names.filter((n) => STYLES.test(types.get(n.toLowerCase()) ?? ''));
  if (strings.length > 1 || styles.length > 1) return null;
  const date1904 = isDate1904(pkg.text(st.workbookPart));
  return { strings: strings[0], styles: styles[0], date1904 };
}

/** The parts a streamed read inflates: for the progress of the read. */
export function streamedParts(plan: NonNullable<ReturnType<typeof streamPlan>>, sheets: ReadonlyArray<SheetToStream>): string[] {
  return [...(plan.strings ? [plan.strings] : []), ...(plan.styles ? [plan.styles] : []), ...sheets.map((s) => s.part)];
}

/** The sheets' grids, or null when SheetJS must read them. */
export async function streamGrids(
  pkg: Package,
  plan: NonNullable<ReturnType<typeof streamPlan>>,
  sheets: ReadonlyArray<SheetToStream>,
  progress: ProgressMeter,
  options: StreamReadOptions = {},
): Promise<SheetGrid[] | null> {
  const budget = pkg.budget;
  const onRaw = (n: number) => progress.add(n);
  const common = { onRaw, inflater: options.inflater, chunkSize: options.chunkSize };
  // The strings and the styles are read first (the cells point into them) but what refuses them is
  // said where the part stands in the zip, after the sheets before it, as when every part is read in
  // the zip's order.
  let strings: ReadonlyArray<string> = [];
  let stringsRefused: unknown;
  if (plan.strings) {
    const part = plan.strings;
    const meter = budget.strings({ part });
    const scan = closingScanner({ part }, 'sst');
    const table = new StringsScanner(() => meter.entry());
    try {
      await pkg.stream(part, { ...common, onChunk: both(scan, table) });
      scan.end();
    } catch (e) {
      stringsRefused = e;
    }
    if (stringsRefused === undefined && table.unreadable) return null;
    strings = table.strings;
  }
  let dates: boolean[] = [];
  let stylesRefused: unknown;
  if (plan.styles) {
    try {
      dates = await readDateStyles(pkg, plan.styles, plan.date1904, common);
    } catch (e) {
      stylesRefused = e;
    }
  }
  const order = pkg.names().map((n) => n.toLowerCase());
  const at = (part: string | undefined) => (part === undefined ? -1 : order.indexOf(part.toLowerCase()));
  const steps = [
    ...(plan.strings ? [{ at: at(plan.strings), kind: 'strings' as const }] : []),
    ...(plan.styles ? [{ at: at(plan.styles), kind: 'styles' as const }] : []),
    ...sheets.map((sheet, index) => ({ at: at(sheet.part), kind: 'sheet' as const, index })),
  ].sort((a, b) => a.at - b.at);
  const grids: SheetGrid[] = new Array<SheetGrid>(sheets.length);
  let unreadable: WorkbookError | undefined;
  for (const step of steps) {
    if (step.kind === 'strings') {
      if (stringsRefused !== undefined) throw stringsRefused;
      continue;
    }
    if (step.kind === 'styles') {
      if (stylesRefused !== undefined) throw stylesRefused;
      continue;
    }
    const s = sheets[step.index];
    const place = { part: s.part, sheet: s.name };
    const meter = budget.sheet(place);
    const scan = closingScanner(place, 'worksheet');
    const cells = new CellScanner({ strings, date1904: plan.date1904, dateStyles: dates, counter: sheetCounter(meter) });
    await pkg.stream(s.part, { ...common, sheet: s.name, onChunk: both(scan, cells) });
    scan.end();
    if (cells.unsupportedMarkup) return null;
    meter.done();
    // a cell whose string is not there: the sheet cannot be read, said once every part has been
    if (cells.missingString) unreadable ??= new WorkbookError('CORRUPT', { reason: 'PART_UNREADABLE', part: s.part, sheet: s.name });
    else grids[step.index] = cells.grid.finish(s.name);
  }
  if (unreadable) throw unreadable;
  return grids;
}

/** The styles part, scanned; in a 1904 workbook, which of its cell formats show dates. */
async function readDateStyles(pkg: Package, part: string, date1904: boolean, common: { onRaw: (n: number) => void; inflater?: InflaterKind; chunkSize?: number }): Promise<boolean[]> {
  const scan = new PartScanner({ part }, 'styleSheet');
  const chunks: Uint8Array[] = [];
  await pkg.stream(part, {
    ...common,
    onChunk: (chunk) => {
      scan.push(chunk);
      if (date1904) chunks.push(chunk.slice());
    },
  });
  scan.end();
  return date1904 ? dateStyles(new TextDecoder().decode(concat(chunks))) : [];
}

/** The closing scan first (it keeps the part's end), then the reader's (which counts the limits). */
function both(scan: PartScanner, reader: { push(chunk: Uint8Array): void }): (chunk: Uint8Array) => void {
  return (chunk) => {
    scan.push(chunk);
    reader.push(chunk);
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
