// A small stateful fake of the parts of the Excel object model that src/workbook/office/ uses.
//
// office-addin-mock's OfficeMockObject is a static tree of values: it cannot create a worksheet,
// compute a used range, resize a table or make `getRangeByIndexes` return the right cells, and its
// `load('items/name')` fails on collections given as arrays. So this is hand-written, with the same
// contract Office.js has:
//   - every method and property assignment is queued and runs, in order, on `context.sync()`;
//   - a property read before it was loaded and synced throws PropertyNotLoaded (as Office.js does);
//     `isNullObject` is readable after a sync that touched the object;
//   - `values` assignment behaves like typing: `=x` becomes a formula, `0138` a number, `'text` text;
//   - each sync records the JSON bytes of the cell values it writes and reads, and a sync whose
//     request or response exceeds `payloadLimit` fails like Excel on the web;
//   - conditional formats (custom type), sheet visibility, activate/select and `onChanged` handlers
//     exist as far as the problem marks and live validation use them; `WorkbookState.fireChanged`
//     plays an edit event to the registered handlers;
//   - two contexts over one WorkbookState are two co-authors (or two panes): with `beforeSync`, each
//     sync waits for a scheduler the test controls before its batch runs, whole (test/app/coauthor.test.ts);
//   - generated sheets: range formats (font, fill, borders, alignment) recorded per box, merges,
//     charts, page layout (ExcelApi 1.9: refused unless the fake's `excelApi` is 9 or more), sheet
//     delete / rename / position, and PivotTables over tables whose size follows the source's distinct
//     values (they refuse to overlap, on add and on refresh).

export type Stored = string | number | boolean | { readonly error: string } | { readonly formula: string };
type Seed = Stored | null;

export const ERROR_LITERALS = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!',
  '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
]);

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly ok: boolean;
  readonly error?: string;
}

export interface FakeOptions {
  /** request/response limit in bytes (Excel on the web: 5 MB) */
  readonly payloadLimit?: number;
  /** what a method of a null object does: give a null object, or fail the batch */
  readonly nullObjectMethods?: 'propagate' | 'fail';
  /** the host's ExcelApi minor version: 8 (the manifest's 1.8, the default) or 9 and up */
  readonly excelApi?: number;
  /**
   * awaited at the start of every sync, before its batch reaches the workbook: a test that runs two
   * contexts over one WorkbookState (two co-authors) decides here whose batch goes next
   */
  readonly beforeSync?: () => Promise<void>;
  /**
   * whether the host loads each sheet's names with the sheet list (`worksheets.load('items/names/items/…')`):
   * true by default; false fails that sync with InvalidArgument, as a host that does not expand
   * Worksheet.names would (its load options in @types/office-js do not list `names`)
   */
  readonly sheetNamesExpand?: boolean;
}

export function richError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RichApi.Error', code });
}

function notLoaded(property: string): Error {
  return richError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface Box {
  readonly sheet: SheetState;
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

function boxAddress(box: Box): string {
  const a = `${columnLetters(box.c0)}${box.r0 + 1}`;
  const b = `${columnLetters(box.c1)}${box.r1 + 1}`;
  return `${quoteSheet(box.sheet.name)}!${a === b ? a : `${a}:${b}`}`;
}

function parseCells(cells: string): { r0: number; c0: number; r1: number; c1: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(cells);
  if (!m) throw richError('InvalidArgument', `Bad address ${cells}`);
  const r0 = Number(m[2]) - 1;
  const c0 = columnNumber(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? columnNumber(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

// ---------------------------------------------------------------------------------------------
// State

export class SheetState {
  readonly cells: (Stored | undefined)[][] = [];
  readonly numberFormats: { box: Omit<Box, 'sheet'>; format: string }[] = [];
  readonly columnWidths = new Map<number, number>();
  /** row heights in points as set (RangeFormat.rowHeight) */
  readonly rowHeights = new Map<number, number>();
  /** 0-based rows with a manual page break above them (ExcelApi 1.9 horizontalPageBreaks) */
  readonly pageBreaks: number[] = [];
  readonly validations: { box: Omit<Box, 'sheet'>; rule: unknown }[] = [];
  frozenRows = 0;
  /** range formats as set, in order: later entries win */
  readonly formats: { box: Omit<Box, 'sheet'>; key: string; value: unknown }[] = [];
  readonly merges: Omit<Box, 'sheet'>[] = [];
  readonly charts: ChartState[] = [];
  /** page layout properties as set (ExcelApi 1.9) */
  readonly pageLayout: Record<string, unknown> = {};
  /** names scoped to this sheet (Worksheet.names, ExcelApi 1.4): they go with the sheet when it is deleted */
  readonly names: NamedState[] = [];

  /** the last value of a format property set on a box holding the cell */
  formatOf(r: number, c: number, key: string): unknown {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const { box, key: k, value } = this.formats[i];
      if (k === key && r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1) return value;
    }
    return undefined;
  }
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly changeHandlers: Array<(event: ChangeEvent) => Promise<unknown>> = [];

  constructor(public name: string) {}

  /** Insert (count > 0) or delete (count < 0) whole rows at `at`: the rows below move. */
  shiftRows(at: number, count: number): void {
    if (at >= this.cells.length) return;
    if (count > 0) this.cells.splice(at, 0, ...new Array<(Stored | undefined)[]>(count));
    else this.cells.splice(at, -count);
  }

  /** bounding box of the values inside a box */
  usedBoxWithin(box: Omit<Box, 'sheet'>): Box | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (let r = box.r0; r <= Math.min(box.r1, this.cells.length - 1); r++) {
      const row = this.cells[r];
      if (!row) continue;
      for (let c = box.c0; c <= Math.min(box.c1, row.length - 1); c++) {
        if (row[c] === undefined) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { sheet: this, r0, c0, r1, c1 };
  }

  get(r: number, c: number): Stored | undefined {
    return this.cells[r]?.[c];
  }

  set(r: number, c: number, value: Stored | undefined): void {
    if (value === undefined) {
      const row = this.cells[r];
      if (row) row[c] = undefined;
      return;
    }
    (this.cells[r] ??= [])[c] = value;
  }

  formatAt(r: number, c: number): string {
    for (let i = this.numberFormats.length - 1; i >= 0; i--) {
      const { box, format } = this.numberFormats[i];
      if (r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1) return format;
    }
    return 'General';
  }

  validationAt(r: number, c: number): unknown {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const { box, rule } = this.validations[i];
      if (r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1) return rule;
    }
    return undefined;
  }

  /** bounding box of the cells holding a value (Excel's used range with valuesOnly) */
  usedBox(): Box | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (let r = 0; r < this.cells.length; r++) {
      const row = this.cells[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === undefined) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r1 < 0 ? null : { sheet: this, r0, c0, r1, c1 };
  }

  /** what `Range.values` would give for a box */
  read(box: Omit<Box, 'sheet'>): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = box.r0; r <= box.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = box.c0; c <= box.c1; c++) row.push(readValue(this.get(r, c)));
      out.push(row);
    }
    return out;
  }
}

function readValue(stored: Stored | undefined): string | number | boolean {
  if (stored === undefined) return '';
  if (typeof stored !== 'object') return stored;
  if ('error' in stored) return stored.error;
  return '#NAME?'; // the fake does not calculate; no formula should exist anyway
}

export interface ChangeEvent {
  readonly address: string;
  readonly changeType: string;
  readonly source: 'Local' | 'Remote';
  readonly type: 'WorksheetChanged';
  readonly worksheetId: string;
}

export class ConditionalFormatState {
  formula: string | undefined;
  fill: string | undefined;
  font: string | undefined;
  constructor(
    readonly type: string,
    readonly box: Omit<Box, 'sheet'>,
  ) {}
}

/** The add-in's whole-row rule: column A of the row on its mark sheet holds the state and the key. */
const ROW_RULE = /^=([^!]+)!\$A1="(\d)\|"&\$([A-Z]+)1$/;

export class TableState {
  style = 'TableStyleMedium2';
  constructor(
    public name: string,
    readonly sheet: SheetState,
    public r0: number,
    public c0: number,
    public r1: number,
    public c1: number,
  ) {}
}

export class ChartState {
  title: string | undefined;
  position: string | undefined;
  constructor(
    readonly type: string,
    readonly source: string,
    readonly seriesBy: string,
  ) {}
}

export class PivotState {
  readonly rows: string[] = [];
  readonly columns: string[] = [];
  readonly data: { field: string; summarizeBy: string }[] = [];
  refreshes = 0;
  constructor(
    public name: string,
    readonly sheet: SheetState,
    readonly source: TableState,
    readonly r0: number,
    readonly c0: number,
  ) {}

  /** the column of a field (a header of the source table), or -1 */
  column(field: string): number {
    const t = this.source;
    for (let c = t.c0; c <= t.c1; c++) if (String(t.sheet.get(t.r0, c) ?? '') === field) return c;
    return -1;
  }

  private distinct(fields: string[]): number {
    if (fields.length === 0) return 0;
    const t = this.source;
    const seen = new Set<string>();
    for (let r = t.r0 + 1; r <= t.r1; r++) seen.add(JSON.stringify(fields.map((f) => t.sheet.get(r, this.column(f)) ?? '')));
    return seen.size;
  }

  /** Excel's compact layout: a header line or two, a line per row item, a grand total. */
  extent(): { r0: number; c0: number; r1: number; c1: number } {
    const rows = (this.columns.length ? 2 : 1) + Math.max(this.distinct(this.rows), this.rows.length ? 0 : 1) + (this.rows.length ? 1 : 0);
    const cols = 1 + (this.columns.length ? this.distinct(this.columns) + 1 : Math.max(this.data.length, 1));
    return { r0: this.r0, c0: this.c0, r1: this.r0 + rows - 1, c1: this.c0 + cols - 1 };
  }
}

/** A defined name: its formula as Excel's name manager shows it, and whether it is shown there. */
export interface NamedState {
  name: string;
  reference: string;
  visible?: boolean;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly pivots: PivotState[] = [];
  readonly names: NamedState[] = [];
  activeSheet: SheetState | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** calls of TableRowCollection.add that reached the workbook (co-authoring merge conflicts) */
  tableRowAdds = 0;

  /** Play an onChanged event (as Excel raises it after an edit) to the sheet's handlers. */
  async fireChanged(sheetName: string, address: string, changeType = 'RangeEdited', source: 'Local' | 'Remote' = 'Local'): Promise<void> {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const event: ChangeEvent = { address, changeType, source, type: 'WorksheetChanged', worksheetId: `{${sheet.name}}` };
    await Promise.all(sheet.changeHandlers.map((handler) => handler(event)));
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Seed a sheet directly (no typing rules): rows of stored values, null for an empty cell. */
  addSheet(name: string, rows: ReadonlyArray<ReadonlyArray<Seed>> = [], origin = { row: 0, col: 0 }): SheetState {
    const sheet = new SheetState(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.set(origin.row + r, origin.col + c, value);
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  /** Seed a table over rows r0..r1 (0-based, header at r0) and columns c0..c1 of a sheet. */
  addTable(sheetName: string, name: string, r0: number, c0: number, r1: number, c1: number): TableState {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const table = new TableState(name, sheet, r0, c0, r1, c1);
    this.tables.push(table);
    return table;
  }

  /**
   * The cells of a sheet Excel would paint with one of the add-in's marks: its custom conditional
   * formats evaluated, for exactly the two shapes of formula the add-in writes (`=M!A1="2|"&$C1`,
   * and the keyless `=M!A1=2` of earlier versions), over the whole sheet, A1 relative to each cell.
   * Text compares as Excel's `=` does, ignoring case; a number key as `&""` turns it into text.
   * Any other formula that names a sheet is refused, so a new shape cannot pass untested.
   */
  shownMarks(name: string): { row: number; col: number; fill: string }[] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const shown = new Map<string, { row: number; col: number; fill: string }>();
    const asText = (v: Stored | undefined): string =>
      v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : typeof v === 'object' ? '\u0000error' : String(v);
    // Excel applies the first rule (top priority) that is true; the list is in priority order
    for (const cf of [...sheet.conditionalFormats].reverse()) {
      const f = cf.formula ?? '';
      if (!f.includes('!') || ROW_RULE.test(f)) continue; // row colours: shownRows

      const keyed = /^=([^!]+)!A1="([12])\|"&\$([A-Z]+)1$/.exec(f);
      const keyless = /^=([^!]+)!A1=([12])$/.exec(f);
      const m = keyed ?? keyless;
      if (!m) throw new Error(`fake: cannot evaluate ${f}`);
      const marks = this.sheet(m[1]);
      if (!marks) continue;
      const keyCol = keyed ? [...keyed[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : -1;
      marks.cells.forEach((row, r) =>
        row?.forEach((value, c) => {
          if (value === undefined) return;
          const want = keyed ? `${m[2]}|${asText(sheet.get(r, keyCol))}` : Number(m[2]);
          const hit = keyed ? typeof value === 'string' && value.toLowerCase() === (want as string).toLowerCase() : value === want;
          if (hit) shown.set(`${r}:${c}`, { row: r, col: c, fill: cf.fill ?? '' });
        }),
      );
    }
    return [...shown.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /**
   * The rows of a sheet Excel would colour whole with the add-in's row colours: its custom
   * conditional formats of the one whole-row shape the add-in writes (`=M!$A1="4|"&$C1`: column A of
   * the row on the mark sheet), each row taking the fill of the first true rule in priority order.
   */
  shownRows(name: string): { row: number; fill: string }[] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows = new Set<number>();
    for (const cf of sheet.conditionalFormats) {
      const m = ROW_RULE.exec(cf.formula ?? '');
      this.sheet(m?.[1] ?? '')?.cells.forEach((row, r) => row?.[0] !== undefined && rows.add(r));
    }
    return [...rows].sort((a, b) => a - b).flatMap((row) => {
      const fill = this.fillAt(name, row, -1);
      return fill === undefined ? [] : [{ row, fill }];
    });
  }

  /**
   * The fill Excel shows on one cell from the conditional formats: the first rule, in priority order,
   * of the two shapes the add-in writes (a cell's mark, a row's colour) that is true there. `col` -1:
   * a cell of the row no problem mark reaches. Any other rule naming a sheet is refused.
   */
  fillAt(name: string, row: number, col: number): string | undefined {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const asText = (v: Stored | undefined): string =>
      v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : typeof v === 'object' ? '\u0000error' : String(v);
    const keyColOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    for (const cf of sheet.conditionalFormats) {
      const f = cf.formula ?? '';
      if (!f.includes('!')) continue;
      const whole = ROW_RULE.exec(f);
      const cell = /^=([^!]+)!A1="(\d)\|"&\$([A-Z]+)1$/.exec(f);
      const m = whole ?? cell;
      if (!m) throw new Error(`fake: cannot evaluate ${f}`);
      const marks = this.sheet(m[1]);
      if (!marks || (!whole && col < 0)) continue;
      const value = marks.get(row, whole ? 0 : col);
      const want = `${m[2]}|${asText(sheet.get(row, keyColOf(m[3])))}`;
      if (typeof value === 'string' && value.toLowerCase() === want.toLowerCase()) return cf.fill;
    }
    return undefined;
  }

  /** The sheet as `Range.values` of its used range would show it, or [] when empty. */
  grid(name: string): (string | number | boolean)[][] {
    const sheet = this.sheet(name);
    const box = sheet?.usedBox();
    return sheet && box ? sheet.read(box) : [];
  }
}

// ---------------------------------------------------------------------------------------------
// Typing rules: what Excel stores when a value is assigned to `Range.values`

function excelSerial(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return undefined;
  return (t - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Excel's reading of a typed string (en-US-like rules, a subset). */
export function typed(text: string, cellFormat: string): Stored | undefined {
  if (text === '') return undefined;
  if (text.startsWith("'")) return text.slice(1);
  if (cellFormat === '@') return text;
  const t = text.normalize('NFKC').trim(); // full-width digits and signs are read as ASCII ones
  if (t.startsWith('=') || t.startsWith('@')) return { formula: t };
  if (ERROR_LITERALS.has(t.toUpperCase())) return { error: t.toUpperCase() };
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(e[+-]?\d+)?(%?)$/i.exec(t);
  if (num && (num[2] !== '' || num[3])) {
    const n = Number(`${num[1]}${num[2].replace(/,/g, '')}${num[3] ?? ''}${num[4] ?? ''}`);
    return num[5] ? n / 100 : n;
  }
  if (t.startsWith('+') || t.startsWith('-')) return { formula: `=${t}` };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return excelSerial(+m[1], +m[2], +m[3]) ?? text;
  m = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?$/.exec(t);
  if (m) {
    const year = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : 2026;
    return excelSerial(year, +m[1], +m[2]) ?? text;
  }
  m = /^([a-z]{3})[a-z]*\.?[\s\-/]+(\d{1,2})$/i.exec(t);
  if (m && MONTHS.includes(m[1].toLowerCase())) return excelSerial(2026, MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2]) ?? text;
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && +m[1] < 24 && +m[2] < 60) return (+m[1] * 3600 + +m[2] * 60 + +(m[3] ?? 0)) / 86_400;
  return text;
}

function storeTyped(sheet: SheetState, r: number, c: number, value: unknown): void {
  if (value === null || value === undefined) return; // null leaves the cell unchanged
  if (typeof value === 'string') sheet.set(r, c, typed(value, sheet.formatAt(r, c)));
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw richError('InvalidArgument', 'not a finite number');
    sheet.set(r, c, value);
  } else if (typeof value === 'boolean') sheet.set(r, c, value);
  else throw richError('InvalidArgument', `cannot store ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------
// The request context and its queue

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly log: SyncRecord[] = [];
  private queue: Array<() => void> = [];
  private requestBytes = 0;
  private responseBytes = 0;
  private commits: Array<() => void> = [];
  private touched = new Set<{ _nullKnown: boolean }>();
  readonly payloadLimit: number;
  readonly excelApi: number;
  readonly nullObjectMethods: 'propagate' | 'fail';
  readonly sheetNamesExpand: boolean;
  private readonly beforeSync: (() => Promise<void>) | undefined;

  constructor(
    readonly state: WorkbookState = new WorkbookState(),
    options: FakeOptions = {},
  ) {
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
    this.nullObjectMethods = options.nullObjectMethods ?? 'propagate';
    this.excelApi = options.excelApi ?? 8;
    this.beforeSync = options.beforeSync;
    this.sheetNamesExpand = options.sheetNamesExpand ?? true;
    this.workbook = new FakeWorkbook(this);
  }

  /** this context as Office.js's type, for code under test */
  get excel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }

  get syncs(): number {
    return this.log.length;
  }

  _enqueue(action: () => void, requestBytes = 0): void {
    this.queue.push(action);
    this.requestBytes += requestBytes;
  }

  /** Called while a load runs: deliver the loaded values if the whole sync succeeds. */
  _deliver(commit: () => void, responseBytes = 0): void {
    this.commits.push(commit);
    this.responseBytes += responseBytes;
  }

  _touch(object: { _nullKnown: boolean }): void {
    this.touched.add(object);
  }

  async sync(): Promise<void> {
    // the batch is what was queued before this call; it runs, whole, once the scheduler lets it
    const queue = this.queue;
    const requestBytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.commits = [];
    this.touched = new Set();
    if (this.beforeSync) await this.beforeSync();
    const fail = (error: Error): never => {
      this.log.push({ requestBytes, responseBytes: this.responseBytes, ok: false, error: (error as Error & { code?: string }).code });
      throw error;
    };
    if (requestBytes > this.payloadLimit) fail(richError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
    for (const action of queue) {
      try {
        action();
      } catch (error) {
        fail(error as Error);
      }
    }
    if (this.responseBytes > this.payloadLimit) fail(richError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'));
    for (const commit of this.commits) commit();
    for (const object of this.touched) object._nullKnown = true;
    this.log.push({ requestBytes, responseBytes: this.responseBytes, ok: true });
  }
}

type Getters<T> = Record<string, (target: T) => unknown>;

/** A proxy: resolved to its target when the first queued action that needs it runs. */
abstract class FakeObject<T> {
  private resolved = false;
  private target: T | null = null;
  _nullKnown = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
  ) {}

  /** scalar properties `load` accepts, computed from the target */
  protected abstract readonly getters: Getters<T>;

  _resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    this.ctx._touch(this);
    return this.target;
  }

  _settle(target: T): void {
    this.target = target;
    this.resolved = true;
    this.ctx._touch(this);
  }

  /** the target, for an action that cannot run on a null object */
  _target(): T {
    const target = this._resolve();
    if (target === null) throw richError('ItemNotFound', 'The requested resource does not exist.');
    return target;
  }

  /** a child's resolver: the parent's target, or null (or a failure) when the parent is null */
  protected child<U>(make: (target: T) => U | null): () => U | null {
    return () => {
      const target = this._resolve();
      if (target === null) {
        if (this.ctx.nullObjectMethods === 'fail') throw richError('ItemNotFound', 'The requested resource does not exist.');
        return null;
      }
      return make(target);
    };
  }

  get isNullObject(): boolean {
    if (!this._nullKnown) throw notLoaded('isNullObject');
    return this.target === null;
  }

  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  load(spec?: string | string[]): this {
    const names = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) throw new Error('fake: load() without property names is not supported (load only what you need)');
    for (const name of names) if (!(name in this.getters)) throw new Error(`fake: cannot load '${name}' on ${this.constructor.name}`);
    this.ctx._enqueue(() => {
      const target = this._resolve();
      if (target === null) return;
      const values = names.map((name) => this.getters[name](target));
      const bytes = names.reduce((sum, name, i) => sum + (name === 'values' ? jsonBytes(values[i]) : 0), 0);
      this.ctx._deliver(() => names.forEach((name, i) => this.loaded.set(name, values[i])), bytes);
    });
    return this;
  }
}

/** A collection proxy: `load('items/a,items/b/c')` loads items with those paths. */
abstract class FakeCollection<T, I> extends FakeObject<T> {
  protected readonly getters: Getters<T> = {};
  protected abstract readonly itemPaths: ReadonlySet<string>;
  protected abstract list(target: T): unknown[];
  /** a settled item proxy for an element, with the given item paths loaded */
  protected abstract item(element: unknown, paths: string[]): I;
  private loadedItems: I[] | undefined;

  override load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    for (const path of paths) {
      if (!path.startsWith('items/') || !this.itemPaths.has(path.slice(6))) {
        throw new Error(`fake: cannot load '${path}' on ${this.constructor.name}`);
      }
    }
    const itemPaths = paths.map((p) => p.slice(6));
    this.ctx._enqueue(() => {
      const target = this._resolve();
      if (target === null) return;
      const items = this.list(target).map((element) => this.item(element, itemPaths));
      this.ctx._deliver(() => {
        this.loadedItems = items;
      });
    });
    return this;
  }

  get items(): I[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  /** loaded along with a parent collection's items (`items/names/items/name`): its items with those paths */
  _loadWith(target: T, paths: string[]): void {
    this.loadedItems = this.list(target).map((element) => this.item(element, paths));
  }
}

/** Sets loaded scalar properties of a freshly made item proxy (used by collections). */
function preload(object: object, values: Record<string, unknown>): void {
  const loaded = (object as unknown as { loaded: Map<string, unknown> }).loaded;
  for (const [k, v] of Object.entries(values)) loaded.set(k, v);
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly pivotTables: FakePivotTableCollection;

  constructor(ctx: FakeContext) {
    this.pivotTables = new FakePivotTableCollection(ctx, () => ({ state: ctx.state }));
    this.worksheets = new FakeWorksheetCollection(ctx, () => ctx.state);
    this.tables = new FakeTableCollection(ctx, () => ({ state: ctx.state }));
    this.names = new FakeNamedItemCollection(ctx, () => ctx.state);
  }
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookState, FakeWorksheet> {
  protected readonly itemPaths = new Set(['name', 'visibility', 'names/items/name', 'names/items/formula']);

  override load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((s) => s.trim());
    if (!this.ctx.sheetNamesExpand && paths.some((p) => p.startsWith('items/names/'))) {
      this.ctx._enqueue(() => {
        throw richError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      });
      return this;
    }
    return super.load(spec);
  }

  protected list(state: WorkbookState): unknown[] {
    return state.sheets;
  }

  protected item(element: unknown, paths: string[]): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, () => element as SheetState);
    sheet._settle(element as SheetState);
    if (paths.includes('name')) preload(sheet, { name: (element as SheetState).name });
    if (paths.includes('visibility')) preload(sheet, { visibility: (element as SheetState).visibility });
    const names = paths.filter((p) => p.startsWith('names/items/')).map((p) => p.slice('names/items/'.length));
    if (names.length > 0) sheet.names._loadWith(element as SheetState, names);
    return sheet;
  }

  add(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.ctx, () => {
      throw new Error('fake: sheet used before it was added');
    });
    this.ctx._enqueue(() => {
      const state = this._target();
      if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw richError('InvalidArgument', `Bad sheet name ${name}`);
      if (state.sheet(name)) throw richError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      const created = new SheetState(name);
      state.sheets.push(created);
      sheet._settle(created);
    });
    return sheet;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const found = this._target().sheet(name);
      if (!found) throw richError('ItemNotFound', `No sheet ${name}`);
      return found;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this._target().sheet(name) ?? null);
  }
}

export interface FakeEventHandlerResult {
  readonly context: FakeContext;
  remove(): void;
}

export class FakeWorksheet extends FakeObject<SheetState> {
  protected readonly getters: Getters<SheetState> = { name: (s) => s.name, visibility: (s) => s.visibility };
  readonly tables: FakeTableCollection;
  /** ExcelApi 1.4: names scoped to this sheet */
  readonly names: FakeSheetNamedItemCollection;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly charts: { add(type: string, source: FakeRange, seriesBy?: string): FakeChart };
  readonly pivotTables: FakePivotTableCollection;
  readonly onChanged: { add(handler: (event: ChangeEvent) => Promise<unknown>): FakeEventHandlerResult };

  /** ExcelApi 1.9: a page break above the top-left cell of a range; refused on an older host. */
  get horizontalPageBreaks(): { add(range: FakeRange | string): void } {
    if (this.ctx.excelApi < 9) throw richError('ApiNotFound', 'Worksheet.horizontalPageBreaks needs ExcelApi 1.9.');
    return {
      add: (range) => {
        if (typeof range === 'string') throw new Error('fake: page breaks are added with a Range here');
        this.ctx._enqueue(() => {
          const box = range._target();
          if (box.sheet !== this._target()) throw richError('InvalidArgument', 'the page break range is on another sheet');
          if (box.r0 === 0) throw richError('InvalidArgument', 'no page break can go above the first row');
          if (!box.sheet.pageBreaks.includes(box.r0)) box.sheet.pageBreaks.push(box.r0);
        });
      },
    };
  }

  constructor(ctx: FakeContext, resolver: () => SheetState | null) {
    super(ctx, resolver);
    this.onChanged = {
      add: (handler) => {
        ctx._enqueue(() => {
          this._target().changeHandlers.push(handler);
        });
        return {
          context: ctx,
          remove: () =>
            ctx._enqueue(() => {
              const handlers = this._target().changeHandlers;
              const at = handlers.indexOf(handler);
              if (at >= 0) handlers.splice(at, 1);
            }),
        };
      },
    };
    this.tables = new FakeTableCollection(ctx, this.child((sheet) => ({ state: ctx.state, sheet })));
    this.names = new FakeSheetNamedItemCollection(ctx, this.child((sheet) => sheet));
    this.pivotTables = new FakePivotTableCollection(ctx, this.child((sheet) => ({ state: ctx.state, sheet })));
    this.charts = {
      add: (type, source, seriesBy = 'Auto') => {
        const chart = new FakeChart(ctx, () => {
          throw new Error('fake: chart used before it was added');
        });
        ctx._enqueue(() => {
          const box = source._target();
          if (box.sheet !== this._target()) throw richError('InvalidArgument', 'the chart source is on another sheet');
          if (!['Line', 'ColumnClustered'].includes(type)) throw new Error(`fake: chart type ${type} is not supported`);
          const created = new ChartState(type, boxAddress(box), seriesBy);
          box.sheet.charts.push(created);
          chart._settle(created);
        });
        return chart;
      },
    };
    this.freezePanes = {
      freezeRows: (count = 1) => ctx._enqueue(() => {
        this._target().frozenRows = count;
      }),
    };
  }

  get name(): string {
    return this.prop('name');
  }
  set name(name: string) {
    this.ctx._enqueue(() => {
      const sheet = this._target();
      if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw richError('InvalidArgument', `Bad sheet name ${name}`);
      const other = this.ctx.state.sheet(name);
      if (other && other !== sheet) throw richError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      sheet.name = name;
    });
  }

  set position(position: number) {
    this.ctx._enqueue(() => {
      const sheet = this._target();
      const sheets = this.ctx.state.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length) throw richError('InvalidArgument', `Bad position ${position}`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
    });
  }

  /** Excel refuses to delete the last visible sheet; the sheet's PivotTables and tables go with it. */
  delete(): void {
    this.ctx._enqueue(() => {
      const sheet = this._target();
      const state = this.ctx.state;
      if (sheet.visibility === 'Visible' && state.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
        throw richError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      for (const list of [state.pivots, state.tables] as Array<Array<{ sheet: SheetState }>>) {
        for (let i = list.length - 1; i >= 0; i--) if (list[i].sheet === sheet) list.splice(i, 1);
      }
      if (state.activeSheet === sheet) state.activeSheet = undefined;
    });
  }

  /** ExcelApi 1.9: refused on an older host, as Office.js has no such property there. */
  get pageLayout(): Record<string, unknown> & { setPrintTitleRows(rows: string): void } {
    if (this.ctx.excelApi < 9) throw richError('ApiNotFound', 'Worksheet.pageLayout needs ExcelApi 1.9.');
    const ctx = this.ctx;
    const sheet = () => this._target();
    const layout: Record<string, unknown> = {};
    for (const key of ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']) {
      Object.defineProperty(layout, key, {
        get: () => {
          throw notLoaded(key);
        },
        set: (value: unknown) => ctx._enqueue(() => (sheet().pageLayout[key] = JSON.parse(JSON.stringify(value)))),
      });
    }
    return Object.assign(layout, {
      setPrintTitleRows: (rows: string) => {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw new Error(`fake: print title rows as $n:$m, not ${rows}`);
        ctx._enqueue(() => (sheet().pageLayout.printTitleRows = rows));
      },
    });
  }

  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(visibility: string) {
    this.ctx._enqueue(() => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) throw richError('InvalidArgument', `Bad visibility ${visibility}`);
      this._target().visibility = visibility as SheetState['visibility'];
    });
  }

  activate(): void {
    this.ctx._enqueue(() => {
      const sheet = this._target();
      if (sheet.visibility !== 'Visible') throw richError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.ctx.state.activeSheet = sheet;
    });
  }

  /** the given cells, or the whole sheet */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.child((sheet) => (address === undefined ? { sheet, r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL } : { sheet, ...parseCells(address) })));
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    return new FakeRange(this.ctx, this.child((sheet) => {
      if (row < 0 || col < 0 || rowCount < 1 || colCount < 1 || row + rowCount - 1 > MAX_ROW || col + colCount - 1 > MAX_COL) {
        throw richError('InvalidArgument', `Bad range ${row},${col},${rowCount},${colCount}`);
      }
      return { sheet, r0: row, c0: col, r1: row + rowCount - 1, c1: col + colCount - 1 };
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly; // the fake keeps values only, so both kinds are the same
    return new FakeRange(this.ctx, this.child((sheet) => sheet.usedBox()));
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

function checkShape(box: Box, values: unknown): unknown[][] {
  if (!Array.isArray(values) || !values.every(Array.isArray)) throw richError('InvalidArgument', 'values must be a 2-D array');
  const rows = box.r1 - box.r0 + 1;
  const cols = box.c1 - box.c0 + 1;
  const grid = values as unknown[][];
  const single = grid.length === 1 && grid[0].length === 1;
  if (!single && (grid.length !== rows || grid.some((row) => row.length !== cols))) {
    throw richError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
  }
  return grid;
}

export class FakeRange extends FakeObject<Box> {
  protected readonly getters: Getters<Box> = {
    address: (b) => boxAddress(b),
    rowIndex: (b) => b.r0,
    columnIndex: (b) => b.c0,
    rowCount: (b) => b.r1 - b.r0 + 1,
    columnCount: (b) => b.c1 - b.c0 + 1,
    values: (b) => b.sheet.read(b),
  };
  readonly format: {
    columnWidth: number;
    rowHeight: number;
    wrapText: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    readonly font: { bold: boolean; size: number; color: string };
    readonly fill: { color: string };
    readonly borders: { getItem(edge: string): { style: string; weight: string; color: string } };
  };
  readonly dataValidation: { rule: unknown };
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeContext, resolver: () => Box | null) {
    super(ctx, resolver);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this.child((box) => box));
    const range = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const setters = (prefix: string, keys: string[]) => {
      const object: Record<string, unknown> = {};
      for (const key of keys) {
        Object.defineProperty(object, key, {
          get: () => {
            throw notLoaded(`${prefix}${key}`);
          },
          set: (value: unknown) =>
            ctx._enqueue(() => {
              const { sheet, ...box } = range._target();
              sheet.formats.push({ box, key: `${prefix}${key}`, value });
            }),
        });
      }
      return object;
    };
    const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
    const alignment = setters('', ['wrapText', 'horizontalAlignment', 'verticalAlignment']);
    this.format = {
      font: setters('font.', ['bold', 'size', 'color']) as { bold: boolean; size: number; color: string },
      fill: setters('fill.', ['color']) as { color: string },
      borders: {
        getItem: (edge: string) => {
          if (!EDGES.includes(edge)) throw new Error(`fake: no border ${edge}`);
          return setters(`border.${edge}.`, ['style', 'weight', 'color']) as { style: string; weight: string; color: string };
        },
      },
      get wrapText(): boolean {
        return alignment.wrapText as boolean;
      },
      set wrapText(value: boolean) {
        alignment.wrapText = value;
      },
      get horizontalAlignment(): string {
        return alignment.horizontalAlignment as string;
      },
      set horizontalAlignment(value: string) {
        alignment.horizontalAlignment = value;
      },
      get verticalAlignment(): string {
        return alignment.verticalAlignment as string;
      },
      set verticalAlignment(value: string) {
        alignment.verticalAlignment = value;
      },
      get rowHeight(): number {
        throw notLoaded('rowHeight');
      },
      set rowHeight(points: number) {
        ctx._enqueue(() => {
          const box = range._target();
          if (!(points >= 0 && points <= 409)) throw richError('InvalidArgument', `Bad row height ${points}`);
          for (let r = box.r0; r <= box.r1; r++) box.sheet.rowHeights.set(r, points);
        });
      },
      get columnWidth(): number {
        throw notLoaded('columnWidth');
      },
      set columnWidth(points: number) {
        ctx._enqueue(() => {
          const box = range._target();
          for (let c = box.c0; c <= box.c1; c++) box.sheet.columnWidths.set(c, points);
        });
      },
    };
    this.dataValidation = {
      get rule(): unknown {
        throw notLoaded('rule');
      },
      set rule(rule: unknown) {
        ctx._enqueue(() => {
          const { sheet, ...box } = range._target();
          // Strict where Excel may be: a list source naming a name that does not exist yet is refused.
          const source = (rule as { list?: { source?: unknown } }).list?.source;
          const named = typeof source === 'string' ? /^=([A-Za-z_\\][\w.]*)$/.exec(source) : null;
          if (named && !ctx.state.names.some((n) => n.name.toLowerCase() === named[1].toLowerCase())) {
            throw richError('InvalidArgument', `The list source ${source} does not evaluate: no name ${named[1]}.`);
          }
          sheet.validations.push({ box, rule: JSON.parse(JSON.stringify(rule)) });
        });
      },
    };
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): (string | number | boolean)[][] {
    return this.prop('values');
  }
  /** Writes the cells. Like Excel, a table absorbs rows written directly below it, from its first
   *  column and within its columns (Microsoft's co-authoring advice for adding table rows). */
  set values(values: unknown[][]) {
    this.ctx._enqueue(() => {
      const box = this._target();
      const grid = checkShape(box, values);
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          const value = grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[r - box.r0][c - box.c0];
          storeTyped(box.sheet, r, c, value);
        }
      }
      for (const table of this.ctx.state.tables) {
        if (table.sheet === box.sheet && box.r0 === table.r1 + 1 && box.c0 === table.c0 && box.c1 <= table.c1) table.r1 = box.r1;
      }
    }, jsonBytes(values));
  }

  getColumnsAfter(count = 1): FakeRange {
    return new FakeRange(this.ctx, this.child((b) => ({ ...b, c0: b.c1 + 1, c1: b.c1 + count })));
  }

  getRowsBelow(count = 1): FakeRange {
    return new FakeRange(this.ctx, this.child((b) => ({ ...b, r0: b.r1 + 1, r1: b.r1 + count })));
  }

  /** one cell, counted from the range's top left; it may lie outside the range (as in Office.js) */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, this.child((b) => ({ ...b, r0: b.r0 + row, c0: b.c0 + column, r1: b.r0 + row, c1: b.c0 + column })));
  }

  /** the range grown (or shrunk) at its bottom and right */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(
      this.ctx,
      this.child((b) => {
        if (b.r1 + deltaRows < b.r0 || b.c1 + deltaColumns < b.c0) throw richError('InvalidArgument', 'The range cannot be resized below one cell.');
        return { ...b, r1: b.r1 + deltaRows, c1: b.c1 + deltaColumns };
      }),
    );
  }

  get numberFormat(): unknown[][] {
    throw notLoaded('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.ctx._enqueue(() => {
      const { sheet, ...box } = this._target();
      const grid = checkShape({ sheet, ...box }, formats);
      if (grid.length === 1 && grid[0].length === 1) {
        sheet.numberFormats.push({ box, format: String(grid[0][0]) });
        return;
      }
      grid.forEach((row, i) =>
        row.forEach((format, j) => {
          if (format !== null) sheet.numberFormats.push({ box: { r0: box.r0 + i, c0: box.c0 + j, r1: box.r0 + i, c1: box.c0 + j }, format: String(format) });
        }),
      );
    }, jsonBytes(formats));
  }

  clear(applyTo?: string): void {
    if (applyTo !== 'Contents') throw new Error(`fake: only clear('Contents') is supported, not ${applyTo}`);
    this.ctx._enqueue(() => {
      const box = this._target();
      for (let r = box.r0; r <= Math.min(box.r1, box.sheet.cells.length - 1); r++) {
        const row = box.sheet.cells[r];
        if (!row) continue;
        for (let c = box.c0; c <= Math.min(box.c1, row.length - 1); c++) row[c] = undefined;
      }
    });
  }

  select(): void {
    this.ctx._enqueue(() => {
      const box = this._target();
      if (this.ctx.state.activeSheet !== box.sheet) throw richError('InvalidOperation', 'The range is not on the active sheet.');
      this.ctx.state.selection = { sheet: box.sheet.name, address: boxAddress(box).split('!').pop() as string };
    });
  }

  /** Excel's Range.insert / delete, for whole rows only (what the marks use). */
  insert(shift: string): void {
    this.shiftRows(shift, 'Down', 1);
  }

  delete(shift: string): void {
    this.shiftRows(shift, 'Up', -1);
  }

  private shiftRows(shift: string, expected: string, sign: number): void {
    if (shift !== expected) throw new Error(`fake: only ${expected} is supported for whole rows`);
    this.ctx._enqueue(() => {
      const box = this._target();
      if (box.c0 !== 0 || box.c1 !== MAX_COL) throw new Error('fake: only whole rows can be inserted or deleted');
      box.sheet.shiftRows(box.r0, sign * (box.r1 - box.r0 + 1));
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(this.ctx, this.child((b) => b.sheet.usedBoxWithin(b)));
  }

  /** the used part of the range, resolved when the batch runs; ItemNotFound when nothing in it is used */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.ctx,
      this.child((b) => {
        const used = b.sheet.usedBoxWithin(b);
        if (used === null) throw richError('ItemNotFound', 'The range has no used cells.');
        return used;
      }),
    );
  }

  merge(across?: boolean): void {
    if (across) throw new Error('fake: only merge(false) is supported');
    this.ctx._enqueue(() => {
      const { sheet, ...box } = this._target();
      if (box.r0 === box.r1 && box.c0 === box.c1) return;
      if (sheet.merges.some((m) => intersects(m, box))) throw richError('InvalidOperation', 'Cannot merge cells that overlap a merged area.');
      sheet.merges.push(box);
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.child((b) => ({ ...b, r0: 0, r1: MAX_ROW })));
  }

  getLastRow(): FakeRange {
    return new FakeRange(this.ctx, this.child((b) => ({ ...b, r0: b.r1 })));
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (custom type only, as the marks use them)

function intersects(a: Omit<Box, 'sheet'>, b: Omit<Box, 'sheet'>): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export class FakeConditionalFormatCollection extends FakeCollection<Box, FakeConditionalFormat> {
  protected readonly itemPaths = new Set(['type', 'customOrNullObject/rule/formula']);

  protected list(box: Box): unknown[] {
    return box.sheet.conditionalFormats.filter((cf) => intersects(cf.box, box));
  }

  protected item(element: unknown, paths: string[]): FakeConditionalFormat {
    const state = element as ConditionalFormatState;
    const format = new FakeConditionalFormat(this.ctx, () => state);
    format._settle(state);
    if (paths.includes('type')) preload(format, { type: state.type });
    if (paths.includes('customOrNullObject/rule/formula')) {
      const custom = state.type === 'Custom' ? { formula: state.formula ?? '' } : null;
      format._customLoaded = custom;
    }
    return format;
  }

  add(type: string): FakeConditionalFormat {
    const format = new FakeConditionalFormat(this.ctx, () => {
      throw new Error('fake: conditional format used before it was added');
    });
    this.ctx._enqueue(() => {
      if (type !== 'Custom') throw new Error(`fake: only Custom conditional formats are supported, not ${type}`);
      const { sheet, ...box } = this._target();
      const created = new ConditionalFormatState(type, box);
      sheet.conditionalFormats.unshift(created); // Excel adds at the top priority
      format._settle(created);
    });
    return format;
  }
}

export class FakeConditionalFormat extends FakeObject<ConditionalFormatState> {
  protected readonly getters: Getters<ConditionalFormatState> = { type: (f) => f.type };
  /** what a load of items/customOrNullObject/rule/formula delivered: null for a non-custom format */
  _customLoaded: { formula: string } | null | undefined = undefined;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };

  constructor(ctx: FakeContext, resolver: () => ConditionalFormatState | null) {
    super(ctx, resolver);
    const setter = (apply: (state: ConditionalFormatState, value: string) => void, what: string) => ({
      get color(): string {
        throw notLoaded(what);
      },
      set color(value: string) {
        ctx._enqueue(() => apply(format._target(), value));
      },
    });
    const format = this; // eslint-disable-line @typescript-eslint/no-this-alias
    this.custom = {
      rule: {
        get formula(): string {
          throw notLoaded('formula');
        },
        set formula(value: string) {
          ctx._enqueue(() => {
            const state = format._target();
            if (state.type !== 'Custom') throw richError('InvalidOperation', 'not a custom conditional format');
            if (!value.startsWith('=')) throw richError('InvalidArgument', 'a conditional format formula starts with =');
            state.formula = value;
          }, jsonBytes(value));
        },
      },
      format: {
        fill: setter((state, value) => (state.fill = value), 'fill.color'),
        font: setter((state, value) => (state.font = value), 'font.color'),
      },
    };
  }

  get type(): string {
    return this.prop('type');
  }

  /** ConditionalFormat.priority (ExcelApi 1.6): its index in the sheet's list, 0 the top; beyond the
   *  bounds, the bottom (a negative one counts from the back). Reading it is not needed. */
  set priority(value: number) {
    this.ctx._enqueue(() => {
      const state = this._target();
      for (const sheet of this.ctx.state.sheets) {
        const list = sheet.conditionalFormats;
        const at = list.indexOf(state);
        if (at < 0) continue;
        list.splice(at, 1);
        const to = value < 0 ? Math.max(0, list.length + 1 + value) : Math.min(value, list.length);
        list.splice(to, 0, state);
      }
    });
  }

  /** ConditionalFormat.delete (ExcelApi 1.6) */
  delete(): void {
    this.ctx._enqueue(() => {
      const state = this._target();
      for (const sheet of this.ctx.state.sheets) {
        const at = sheet.conditionalFormats.indexOf(state);
        if (at >= 0) sheet.conditionalFormats.splice(at, 1);
      }
    });
  }

  get customOrNullObject(): { readonly isNullObject: boolean; readonly rule: { readonly formula: string } } {
    const loaded = this._customLoaded;
    if (loaded === undefined) throw notLoaded('customOrNullObject');
    return {
      isNullObject: loaded === null,
      rule: {
        get formula(): string {
          if (loaded === null) throw richError('InvalidOperation', 'null object');
          return loaded.formula;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TableScope {
  readonly state: WorkbookState;
  readonly sheet?: SheetState;
}

export class FakeTableCollection extends FakeCollection<TableScope, FakeTable> {
  protected readonly itemPaths = new Set(['name', 'worksheet/name', 'style']);

  protected list(scope: TableScope): unknown[] {
    return scope.state.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }

  protected item(element: unknown, paths: string[]): FakeTable {
    const state = element as TableState;
    const table = new FakeTable(this.ctx, () => state);
    table._settle(state);
    if (paths.includes('name')) preload(table, { name: state.name });
    if (paths.includes('style')) preload(table, { style: state.style });
    if (paths.includes('worksheet/name')) preload(table.worksheet, { name: state.sheet.name });
    return table;
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, () => {
      const found = this._target().state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (!found) throw richError('ItemNotFound', `No table ${name}`);
      return found;
    });
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const table = new FakeTable(this.ctx, () => {
      throw new Error('fake: table used before it was added');
    });
    this.ctx._enqueue(() => {
      const scope = this._target();
      let box: Box;
      if (typeof address === 'string') {
        const bang = address.lastIndexOf('!');
        const sheetName = bang < 0 ? undefined : address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
        const sheet = sheetName !== undefined ? scope.state.sheet(sheetName) : scope.sheet;
        if (!sheet) throw richError('InvalidArgument', `No sheet for ${address}`);
        box = { sheet, ...parseCells(address.slice(bang + 1)) };
      } else {
        box = address._target();
      }
      if (scope.sheet && box.sheet !== scope.sheet) throw richError('InvalidArgument', 'range on another sheet');
      if (!hasHeaders) throw new Error('fake: tables without headers are not supported');
      const overlaps = scope.state.tables.some(
        (t) => t.sheet === box.sheet && t.r0 <= box.r1 && box.r0 <= t.r1 && t.c0 <= box.c1 && box.c0 <= t.c1,
      );
      if (overlaps) throw richError('InvalidOperation', 'A table cannot overlap another table.');
      for (let c = box.c0; c <= box.c1; c++) {
        if (box.sheet.get(box.r0, c) === undefined) box.sheet.set(box.r0, c, `Column${c - box.c0 + 1}`);
      }
      const name = `Table${scope.state.tables.length + 1}`;
      // A table keeps at least one data row.
      const created = new TableState(name, box.sheet, box.r0, box.c0, Math.max(box.r1, box.r0 + 1), box.c1);
      scope.state.tables.push(created);
      table._settle(created);
    });
    return table;
  }
}

export class FakeTable extends FakeObject<TableState> {
  protected readonly getters: Getters<TableState> = { name: (t) => t.name, style: (t) => t.style };
  readonly worksheet: FakeWorksheet;
  readonly rows: { add(index?: number | null, values?: unknown[][]): void };
  /** TableColumnCollection.add, at the end only, with a name (ExcelApi 1.4); the column's cells must
   *  be empty, as the add-in checks first (Excel would shift them right) */
  readonly columns: { add(index?: number | null, values?: unknown[][], name?: string): void };

  constructor(ctx: FakeContext, resolver: () => TableState | null) {
    super(ctx, resolver);
    this.worksheet = new FakeWorksheet(ctx, this.child((t) => t.sheet));
    this.columns = {
      add: (index, values, name) => {
        if (index !== undefined && index !== null) throw new Error('fake: only adding columns at the end is supported');
        if (values !== undefined) throw new Error('fake: columns.add with values is not supported');
        ctx._enqueue(() => {
          const table = this._target();
          const c = table.c1 + 1;
          for (let r = table.r0; r <= table.r1; r++) if (table.sheet.get(r, c) !== undefined) throw new Error('fake: a column added over cells that hold something');
          const taken = new Set<string>();
          for (let col = table.c0; col <= table.c1; col++) taken.add(String(table.sheet.get(table.r0, col) ?? '').toLowerCase());
          const header = name ?? `Column${table.c1 - table.c0 + 2}`;
          if (taken.has(header.toLowerCase())) throw richError('InvalidArgument', `The table already has a column ${header}.`);
          table.sheet.set(table.r0, c, header);
          table.c1 = c;
        }, jsonBytes(name ?? ''));
      },
    };
    this.rows = {
      add: (index, values) => {
        if (index !== undefined && index !== null && index !== -1) throw new Error('fake: only appending rows is supported');
        if (!values) throw new Error('fake: rows.add without values is not supported');
        ctx._enqueue(() => {
          ctx.state.tableRowAdds++;
          this.appendRows(values);
        }, jsonBytes(values));
      },
    };
  }

  private appendRows(values: unknown[][]): void {
    const table = this._target();
    const width = table.c1 - table.c0 + 1;
    if (values.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw richError('InvalidArgument', `rows must have ${width} values`);
    }
    const sheet = table.sheet;
    const n = values.length;
    // Insert: cells below the table, in its columns, move down.
    for (let r = sheet.cells.length - 1; r > table.r1; r--) {
      for (let c = table.c0; c <= table.c1; c++) {
        sheet.set(r + n, c, sheet.get(r, c));
        sheet.set(r, c, undefined);
      }
    }
    values.forEach((row, i) => row.forEach((value, j) => storeTyped(sheet, table.r1 + 1 + i, table.c0 + j, value)));
    table.r1 += n;
  }

  get name(): string {
    return this.prop('name');
  }
  set name(name: string) {
    this.ctx._enqueue(() => {
      const table = this._target();
      const clash = this.ctx.state.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase());
      if (clash || this.ctx.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw richError('InvalidArgument', `The name ${name} is already in use.`);
      }
      table.name = name;
    });
  }

  get style(): string {
    return this.prop('style');
  }
  set style(style: string) {
    this.ctx._enqueue(() => {
      this._target().style = style;
    });
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => ({ sheet: t.sheet, r0: t.r0 + 1, c0: t.c0, r1: t.r1, c1: t.c1 })));
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => ({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 })));
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

export class FakeChart extends FakeObject<ChartState> {
  protected readonly getters: Getters<ChartState> = {};
  readonly title: { text: string };

  constructor(ctx: FakeContext, resolver: () => ChartState | null) {
    super(ctx, resolver);
    const chart = this; // eslint-disable-line @typescript-eslint/no-this-alias
    this.title = {
      get text(): string {
        throw notLoaded('title.text');
      },
      set text(value: string) {
        ctx._enqueue(() => (chart._target().title = value));
      },
    };
  }

  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    this.ctx._enqueue(() => {
      const chart = this._target();
      const cell = (at: FakeRange | string) => (typeof at === 'string' ? at : boxAddress(at._target()).split('!').pop());
      // with an end cell, the chart spans start to end: recorded as `A1:H10`
      chart.position = end === undefined ? cell(start) : `${cell(start)}:${cell(end)}`;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// PivotTables (ExcelApi 1.8): created over a table, sized by its distinct values; no cells written

function overlapsPivot(state: WorkbookState, pivot: PivotState): boolean {
  const a = pivot.extent();
  return state.pivots.some((other) => other !== pivot && other.sheet === pivot.sheet && intersects(a, other.extent()));
}

export class FakePivotTableCollection extends FakeCollection<TableScope, FakePivotTable> {
  protected readonly itemPaths = new Set(['name', 'worksheet/name']);

  protected list(scope: TableScope): unknown[] {
    return scope.state.pivots.filter((p) => !scope.sheet || p.sheet === scope.sheet);
  }

  protected item(element: unknown, paths: string[]): FakePivotTable {
    const state = element as PivotState;
    const pivot = new FakePivotTable(this.ctx, () => state);
    pivot._settle(state);
    if (paths.includes('name')) preload(pivot, { name: state.name });
    if (paths.includes('worksheet/name')) preload(pivot.worksheet, { name: state.sheet.name });
    return pivot;
  }

  add(name: string, source: FakeTable, destination: FakeRange): FakePivotTable {
    if (!(source instanceof FakeTable) || !(destination instanceof FakeRange)) throw new Error('fake: pivotTables.add takes a Table and a Range');
    const pivot = new FakePivotTable(this.ctx, () => {
      throw new Error('fake: PivotTable used before it was added');
    });
    this.ctx._enqueue(() => {
      const scope = this._target();
      if (!scope.sheet) throw new Error('fake: add PivotTables through a worksheet');
      if (scope.state.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw richError('InvalidArgument', `The PivotTable name ${name} is in use.`);
      const table = source._target();
      const at = destination._target();
      if (at.sheet !== scope.sheet) throw richError('InvalidArgument', 'destination on another sheet');
      const created = new PivotState(name, at.sheet, table, at.r0, at.c0);
      if (overlapsPivot(scope.state, created)) throw richError('InvalidOperation', 'A PivotTable report cannot overlap another PivotTable report.');
      scope.state.pivots.push(created);
      pivot._settle(created);
    });
    return pivot;
  }
}

type HierarchyKind = 'rows' | 'columns';
interface FakeHierarchy {
  readonly pivotField: string;
  readonly pivot: FakePivotTable;
}

export class FakePivotTable extends FakeObject<PivotState> {
  protected readonly getters: Getters<PivotState> = { name: (p) => p.name };
  readonly worksheet: FakeWorksheet;
  readonly hierarchies: { getItem(name: string): FakeHierarchy };
  readonly rowHierarchies: { add(h: FakeHierarchy): void };
  readonly columnHierarchies: { add(h: FakeHierarchy): void };
  readonly dataHierarchies: { add(h: FakeHierarchy): { summarizeBy: string } };
  readonly layout: { getRange(): FakeRange };

  constructor(ctx: FakeContext, resolver: () => PivotState | null) {
    super(ctx, resolver);
    this.worksheet = new FakeWorksheet(ctx, this.child((p) => p.sheet));
    const checkField = (pivot: PivotState, field: string) => {
      if (pivot.column(field) < 0) throw richError('ItemNotFound', `The source has no field ${field}.`);
    };
    this.hierarchies = { getItem: (name) => ({ pivotField: name, pivot: this }) };
    const placer = (kind: HierarchyKind) => ({
      add: (h: FakeHierarchy) => {
        if (h.pivot !== this) throw new Error('fake: a hierarchy of another PivotTable');
        ctx._enqueue(() => {
          const pivot = this._target();
          checkField(pivot, h.pivotField);
          pivot[kind].push(h.pivotField);
          if (overlapsPivot(ctx.state, pivot)) throw richError('InvalidOperation', 'A PivotTable report cannot overlap another PivotTable report.');
        });
      },
    });
    this.rowHierarchies = placer('rows');
    this.columnHierarchies = placer('columns');
    this.dataHierarchies = {
      add: (h) => {
        if (h.pivot !== this) throw new Error('fake: a hierarchy of another PivotTable');
        const entry = { field: h.pivotField, summarizeBy: 'Sum' };
        ctx._enqueue(() => {
          const pivot = this._target();
          checkField(pivot, h.pivotField);
          pivot.data.push(entry);
        });
        return {
          get summarizeBy(): string {
            throw notLoaded('summarizeBy');
          },
          set summarizeBy(value: string) {
            ctx._enqueue(() => {
              if (!['Sum', 'Count', 'Average', 'Max', 'Min'].includes(value)) throw richError('InvalidArgument', `Bad summarizeBy ${value}`);
              entry.summarizeBy = value;
            });
          },
        };
      },
    };
    this.layout = {
      getRange: () => new FakeRange(ctx, this.child((p) => ({ sheet: p.sheet, ...p.extent() }))),
    };
  }

  get name(): string {
    return this.prop('name');
  }

  /** Recomputes the size from the source; fails when it would then overlap another PivotTable. */
  refresh(): void {
    this.ctx._enqueue(() => {
      const pivot = this._target();
      if (overlapsPivot(this.ctx.state, pivot)) throw richError('InvalidOperation', 'A PivotTable report cannot overlap another PivotTable report.');
      pivot.refreshes++;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Names

export class FakeNamedItemCollection extends FakeCollection<WorkbookState, FakeNamedItem> {
  protected readonly itemPaths = new Set(['name']);

  protected list(state: WorkbookState): unknown[] {
    return state.names;
  }

  protected item(element: unknown, paths: string[]): FakeNamedItem {
    const named = element as { name: string; reference: string };
    const item = new FakeNamedItem(this.ctx, () => named);
    item._settle(named);
    if (paths.includes('name')) preload(item, { name: named.name });
    return item;
  }

  add(name: string, reference: FakeRange | string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, () => null);
    this.ctx._enqueue(() => {
      const state = this._target();
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw richError('InvalidArgument', `Bad name ${name}`);
      const taken = [...state.names.map((n) => n.name), ...state.tables.map((t) => t.name)];
      if (taken.some((n) => n.toLowerCase() === name.toLowerCase())) throw richError('ItemAlreadyExists', `The name ${name} already exists.`);
      const ref = typeof reference === 'string' ? reference : `=${boxAddress(reference._target())}`;
      const named = { name, reference: ref };
      state.names.push(named);
      item._settle(named);
    });
    return item;
  }
}

/** The names scoped to one sheet: add (a formula or a range) and getItemOrNullObject, as far as generated sheets use them. */
export class FakeSheetNamedItemCollection extends FakeCollection<SheetState, FakeNamedItem> {
  protected readonly itemPaths = new Set(['name', 'formula', 'visible']);

  protected list(sheet: SheetState): unknown[] {
    return sheet.names;
  }

  protected item(element: unknown, paths: string[]): FakeNamedItem {
    const named = element as NamedState;
    const item = new FakeNamedItem(this.ctx, () => named);
    item._settle(named);
    for (const path of paths) preload(item, { [path]: path === 'formula' ? named.reference : path === 'visible' ? named.visible !== false : named.name });
    return item;
  }

  add(name: string, reference: FakeRange | string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, () => {
      throw new Error('fake: name used before it was added');
    });
    this.ctx._enqueue(() => {
      const sheet = this._target();
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw richError('InvalidArgument', `Bad name ${name}`);
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw richError('ItemAlreadyExists', `The name ${name} already exists on ${sheet.name}.`);
      const ref = typeof reference === 'string' ? reference : `=${boxAddress(reference._target())}`;
      const named: NamedState = { name, reference: ref };
      sheet.names.push(named);
      item._settle(named);
    });
    return item;
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => this._target().names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
}

export class FakeNamedItem extends FakeObject<NamedState> {
  protected readonly getters: Getters<NamedState> = { name: (n) => n.name, formula: (n) => n.reference, visible: (n) => n.visible !== false };
  get name(): string {
    return this.prop('name');
  }
  /** ExcelApi 1.7 */
  get formula(): string {
    return this.prop('formula');
  }
  get visible(): boolean {
    return this.prop('visible');
  }
  set visible(visible: boolean) {
    this.ctx._enqueue(() => {
      this._target().visible = visible;
    });
  }
}
