// The file back end of the Workbook interface: an .xlsx package held in memory. Reading streams the
// sheets asked for (streamRead.ts; SheetJS, read.ts, reads what that leaves, loaded only then);
// writing edits only the parts this back end owns and copies every other part of the package byte
// for byte, so charts, pivots, styles and validations of a clerk's workbook survive.
import { Cell, CellMark, isCellError, CellWrite, MarkSet, NamedFormula, NewSheet, PivotSpec, ReportSheet, RowMark, RowMarkSet, sameCell, SheetGrid, SheetRows, SheetSummary, Workbook, WorkbookError } from '../types';
import { isMarkSheetName } from '../marks';
import { readMarks, readRowMarks, setMarks, setRowMarks } from './marks';
import { addColumns } from './columns';
import { SharedStrings } from './cells';
import { addNames, addSheets, appendRows } from './edit';
import { fillCells } from './fill';
import { CONTENT_TYPES_PART, parseContentTypes } from './opc';
import { Package } from './package';
import { ReadLimits, ReadBudget, readLimits } from './limits';
import { readGrids } from './read';
import { ProgressListener, ProgressMeter } from './progress';
import { CellScanner } from './cellReader';
import { isDate1904 } from './dates';
import { GridRows } from './grid';
import { StreamReadOptions, streamedParts, streamGrids, streamPlan } from './streamRead';
import { PartScanner, sheetScanner, stringsScanner } from './scan';
import { isMarked, unmarkedCandidates, writeReport } from './report';
import { cellRef } from '../a1';
import { readStructure, SheetModel, Structure } from './structure';
import { TEMPLATE_PARTS, templateParts } from './template';
import { findTag } from './xml';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Parts SheetJS needs besides the sheets it reads (by content type). */
const READER_CONTENT = /sharedStrings|styles\+xml|sheetMetadata|person\+xml|properties\+xml|\.main\+xml/;
const SHARED_STRINGS = /sharedStrings/;
const STYLES = /styles\+xml/;

/** Any failure while interpreting the user's file is the file's fault, never a crash. */
function asFileError(e: unknown): unknown {
  if (e instanceof WorkbookError) return e;
  return new WorkbookError('CORRUPT', { reason: 'UNREADABLE' }, { cause: e });
}

/** Which reader reads the sheets, and how the streaming one inflates (for tests and the bench). */
export interface ReadOptions {
  readonly reader?: 'stream' | 'sheetjs';
  readonly stream?: StreamReadOptions;
  /** false: a sheet's grid is handed out and not kept (a command that reads each sheet once: its
   *  grids go as soon as they are tables, not at its end); a second read reads the sheet again */
  readonly keepGrids?: boolean;
}

export interface OpenOptions extends ReadOptions {
  readonly limits?: Partial<ReadLimits>;
  readonly onProgress?: ProgressListener;
}

export class FileWorkbook implements Workbook {
  private structureCache: Structure | null = null;
  private readonly grids = new Map<string, SheetGrid>();
  private stringsDirty: boolean;
  /** The progress of the read under way (read() sets it while it inflates). */
  private progress: ProgressMeter | null = null;
  /** Which reader read the sheets last (for the tests and the bench: did it stream?). */
  lastReader: 'stream' | 'sheetjs' | null = null;
  /** The cells of the sheets SheetJS read that hold errors it has no code for (see errorText). */
  private readonly errorCells = new Map<string, GridRows>();

  /** `strings` is set for a workbook this back end created: it owns the shared-strings part. */
  private constructor(
    private readonly pkg: Package,
    private readonly strings: SharedStrings | null,
    private readonly onProgress?: ProgressListener,
    private readonly reading: ReadOptions = {},
  ) {
    this.stringsDirty = strings !== null;
  }

  /**
   * A workbook from the bytes of an .xlsx file. `limits` bound what reading it may cost (see
   * limits.ts for the defaults): past one, a read stops with a TOO_LARGE WorkbookError. `onProgress`
   * hears how far each read of sheets has come (progress.ts). `reader: 'sheetjs'` reads every sheet
   * through SheetJS (the reference the streaming reader is tested and benched against).
   */
  static open(bytes: Uint8Array, options: OpenOptions = {}): FileWorkbook {
    if (bytes.length >= 8 && OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
      throw new WorkbookError('ENCRYPTED', { reason: 'OLE_FILE' });
    }
    const wb = new FileWorkbook(Package.fromZip(bytes, new ReadBudget(readLimits(options.limits))), null, options.onProgress, { reader: options.reader, stream: options.stream, keepGrids: options.keepGrids });
    try {
      wb.structure();
    } catch (e) {
      throw asFileError(e);
    }
    return wb;
  }

  static create(options: ReadOptions = {}): FileWorkbook {
    const pkg = Package.empty();
    for (const [name, text] of templateParts(new Date())) pkg.setText(name, text);
    return new FileWorkbook(pkg, new SharedStrings(), undefined, options);
  }

  /** The .xlsx package. */
  toBytes(): Uint8Array {
    if (this.structure().sheets.length === 0) throw new Error('a workbook needs at least one sheet before it is saved');
    this.flushStrings();
    return this.pkg.toZip();
  }

  /** The user's sheets: our very-hidden mark sheets are left out (see ../marks.ts). */
  async listSheets(): Promise<SheetSummary[]> {
    const st = this.structure();
    return this.userSheets().map((s) => ({ name: s.name, tables: s.tables.map((t) => t.info.displayName), generated: isMarked(st, st.sheets.indexOf(s)) }));
  }

  /** Our mark sheets are not the user's: a read leaves them out as if they did not exist. */
  async readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]> {
    const st = this.structure();
    const sheets = this.userSheets();
    const wanted = [...new Set(names.map((n) => sheets.find((s) => s.name.toLowerCase() === n.toLowerCase())).filter((s) => s !== undefined))];
    const missing = wanted.filter((s) => !this.grids.has(s.name.toLowerCase()));
    const fresh = new Map<string, SheetGrid>();
    if (missing.length > 0) {
      for (const grid of await this.read(st, missing.map((s) => s.name))) (this.reading.keepGrids === false ? fresh : this.grids).set(grid.name.toLowerCase(), grid);
    }
    return wanted.flatMap((s) => {
      const g = this.grids.get(s.name.toLowerCase()) ?? fresh.get(s.name.toLowerCase());
      // the grid read, not a copy: its rows are read-only (SheetGrid), and a million rows twice is a gigabyte
      return g ? [g] : [];
    });
  }

  async addSheets(sheets: ReadonlyArray<NewSheet>, names: ReadonlyArray<NamedFormula> = []): Promise<void> {
    addSheets(this.pkg, this.writable(), sheets, this.strings);
    this.changed();
    if (names.length > 0) await this.addNames(names);
  }

  async addColumns(sheet: string, headerRow: number, headers: ReadonlyArray<string>): Promise<void> {
    const model = this.userSheet(sheet);
    if (headers.length === 0) return;
    this.writable();
    addColumns(this.pkg, model, headerRow, headers, this.strings);
    this.changed([model.name]);
  }

  async appendRows(sheet: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
    const model = this.userSheet(sheet);
    if (rows.length === 0) return;
    this.writable();
    appendRows(this.pkg, model, rows, this.strings);
    this.changed([model.name]);
  }

  /**
   * Fills the cells in the sheet's part, each only where it (and its guard) still holds what it held
   * when read: in a file nobody else writes between, so only a caller's stale read is refused.
   */
  async writeCells(sheet: string, writes: ReadonlyArray<CellWrite>): Promise<CellWrite[]> {
    const model = this.userSheet(sheet);
    const [grid] = await this.readSheets([model.name]);
    const at = (row: number, col: number): Cell => grid?.rows[row - grid.originRow]?.[col - grid.originCol] ?? null;
    const skipped: CellWrite[] = [];
    const fills: CellWrite[] = [];
    for (const w of writes) {
      const holds = sameCell(at(w.row, w.col), w.was) && (!w.guard || sameCell(at(w.row, w.guard.col), w.guard.was));
      (holds ? fills : skipped).push(w);
    }
    if (fills.length === 0) return skipped;
    this.writable();
    const mark = this.strings?.mark();
    try {
      fillCells(this.pkg, model, fills, this.strings);
    } catch (e) {
      if (this.strings && mark) this.strings.rollback(mark);
      throw e;
    }
    this.changed([model.name]);
    return skipped;
  }

  /** The rows, from the sheet as read once and cached (a file has no cheaper way to a row). */
  async readRows(sheet: string, rows: ReadonlyArray<number>): Promise<SheetRows> {
    const [grid] = await this.readSheets([sheet]);
    if (!grid) throw new WorkbookError('NOT_FOUND', { reason: 'SHEET_MISSING', sheet });
    const width = grid.rows[0]?.length ?? 0;
    return {
      name: grid.name,
      originCol: grid.originCol,
      rows: rows.map((r) => grid.rows[r - grid.originRow]?.slice() ?? new Array<Cell>(width).fill(null)),
    };
  }

  async setMarks(sheet: string, marks: MarkSet, scope?: { readonly rows: ReadonlyArray<number> }): Promise<void> {
    const model = this.userSheet(sheet);
    setMarks(this.pkg, this.writable(), model, marks, scope ? scope.rows : null);
    this.changed([]);
  }

  /** The marks on a sheet, read back from its mark sheet (for tests and diagnostics). */
  async readMarks(sheet: string): Promise<CellMark[]> {
    return readMarks(this.pkg, this.structure(), this.userSheet(sheet).name);
  }

  /** The due colours of the rows, in their own mark sheet; the package is left alone when they are already so. */
  async setRowMarks(sheet: string, marks: RowMarkSet): Promise<boolean> {
    const model = this.userSheet(sheet);
    const changed = setRowMarks(this.pkg, this.writable(), model, marks);
    if (changed) this.changed([]);
    return changed;
  }

  /** The row colours on a sheet, read back from its due mark sheet (for tests and diagnostics). */
  async readRowMarks(sheet: string): Promise<RowMark[]> {
    return readRowMarks(this.pkg, this.structure(), this.userSheet(sheet).name);
  }

  /** A file has no window to select in. */
  async selectCell(sheet: string, row: number, col: number): Promise<boolean> {
    void sheet, void row, void col;
    return false;
  }

  /** Charts are written as chart parts (DrawingML); PivotTables exist only inside Excel: a file keeps their data as values. */
  readonly capabilities = { charts: true, pivots: false } as const;

  /**
   * Writes the report's worksheet part (replacing the sheet of that name in place, or adding it at
   * the end) and touches only workbook.xml, its relationships, the content types and styles.xml;
   * every other part, the data sheets first, is copied as its compressed bytes; `sheet.charts` become
   * a drawing part and chart parts of that sheet. Replacing a sheet that holds an Excel table (a data
   * sheet) is refused with an Error.
   */
  async writeReport(sheet: ReportSheet): Promise<string> {
    const st = this.writable();
    // a sheet without our marker is ours only if it opens with the report's title (an earlier version's)
    const firstCells = new Map<string, Cell>();
    const unmarked = unmarkedCandidates(st, sheet.name);
    for (const name of unmarked) {
      // a sheet that cannot be read is not taken for ours: it is kept, and the report goes elsewhere
      const [g] = await this.readSheets([name]).catch(() => []);
      if (g) firstCells.set(name.toLowerCase(), g.originRow === 0 && g.originCol === 0 ? (g.rows[0]?.[0] ?? null) : null);
    }
    const written = writeReport(this.pkg, st, sheet, firstCells);
    this.changed([written]);
    return written;
  }

  /** A bug above: callers check `capabilities.pivots` and write the cross-tabs as values. */
  async writePivots(sheet: string, pivots: ReadonlyArray<PivotSpec>): Promise<string> {
    void pivots;
    throw new Error(`PivotTables cannot be written into a file (sheet "${sheet}"): check capabilities.pivots and write the cross-tabs with writeReport.`);
  }

  async listNames(): Promise<string[]> {
    return this.structure()
      .names.filter((n) => n.localSheetId === undefined)
      .map((n) => n.name);
  }

  async addNames(names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): Promise<void> {
    if (names.length === 0) return;
    addNames(this.pkg, this.writable(), names);
    this.changed([]);
  }

  private userSheets(): SheetModel[] {
    return this.structure().sheets.filter((s) => !(isMarkSheetName(s.name) && s.state === 'veryHidden'));
  }

  private userSheet(name: string): SheetModel {
    const model = this.userSheets().find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!model) throw new WorkbookError('NOT_FOUND', { reason: 'SHEET_MISSING', sheet: name });
    return model;
  }

  /**
   * The structure, when this back end may change the package. A Strict Open XML package uses other
   * namespaces and relationship types than the parts we write: mixing them could break the file,
   * so it is read but never changed.
   */
  private writable(): Structure {
    const st = this.structure();
    if (st.strict) {
      throw new WorkbookError('NOT_XLSX', { reason: 'STRICT_OOXML' });
    }
    return st;
  }

  private structure(): Structure {
    if (!this.structureCache) this.structureCache = readStructure(this.pkg);
    return this.structureCache;
  }

  /** After a write: the structure is parsed again; grids of the changed sheets are dropped. */
  private changed(sheets?: ReadonlyArray<string>): void {
    this.structureCache = null;
    if (this.strings) this.stringsDirty = true;
    if (sheets) for (const s of sheets) this.grids.delete(s.toLowerCase());
  }

  private flushStrings(): void {
    if (this.strings && this.stringsDirty) {
      this.pkg.setChunks(TEMPLATE_PARTS.sharedStrings, this.strings.toChunks());
      this.stringsDirty = false;
    }
  }

  /**
   * Values of the named sheets: streamed (streamRead.ts), or through SheetJS where the streaming reader
   * does not read the file (it says so before it guesses).
   */
  private async read(st: Structure, names: string[]): Promise<SheetGrid[]> {
    this.flushStrings();
    const sheets = st.sheets.filter((s) => names.includes(s.name));
    for (const s of sheets) {
      if (!s.part) throw new WorkbookError('CORRUPT', { reason: 'SHEET_NO_PART', sheet: s.name });
    }
    const toRead = sheets.map((s) => ({ name: s.name, part: s.part as string }));
    if (this.reading.reader !== 'sheetjs') {
      const plan = streamPlan(this.pkg, st, toRead);
      if (plan) {
        const progress = new ProgressMeter(this.onProgress, streamedParts(plan, toRead).reduce((n, name) => n + this.pkg.storedSize(name), 0));
        const grids = await streamGrids(this.pkg, plan, toRead, progress, this.reading.stream);
        progress.end();
        if (grids) {
          this.lastReader = 'stream';
          return grids;
        }
      }
    }
    this.lastReader = 'sheetjs';
    return this.readSheetJS(st, names);
  }

  /**
   * Values of the named sheets through SheetJS. Each part SheetJS needs (the sheets asked for, the
   * workbook, its strings and styles) is inflated here under the workbook's budget and scanned as it
   * comes: the sheets' rows and cells and the strings' entries are counted against the limits, and
   * every one of them must close what it opens. Only then does SheetJS parse them.
   */
  private async readSheetJS(st: Structure, names: string[]): Promise<SheetGrid[]> {
    const sheets = st.sheets.filter((s) => names.includes(s.name));
    const sheetOfPart = new Map<string, string>();
    for (const s of sheets) sheetOfPart.set((s.part as string).toLowerCase(), s.name);
    const types = parseContentTypes(this.pkg.text(CONTENT_TYPES_PART)).overrides;
    const always = new Set([CONTENT_TYPES_PART, '_rels/.rels', st.workbookPart, st.workbookRelsPart].map((n) => n.toLowerCase()));
    const budget = this.pkg.budget;
    const workbookKey = st.workbookPart.toLowerCase();
    const parts: { name: string; bytes: Uint8Array }[] = [];
    let strings: { part: string; entries: number } | undefined;
    const wanted = this.pkg.names().filter((name) => {
      const key = name.toLowerCase();
      return sheetOfPart.has(key) || key === workbookKey || always.has(key) || READER_CONTENT.test(types.get(key) ?? '');
    });
    const progress = new ProgressMeter(this.onProgress, wanted.reduce((n, name) => n + this.pkg.storedSize(name), 0));
    this.progress = progress;
    for (const name of wanted) {
      const key = name.toLowerCase();
      const type = types.get(key) ?? '';
      const sheet = sheetOfPart.get(key);
      if (sheet !== undefined) {
        const meter = budget.sheet({ part: name, sheet });
        parts.push({ name, bytes: this.scanned(name, sheetScanner({ part: name, sheet }, meter), sheet) });
        meter.done();
      } else if (SHARED_STRINGS.test(type)) {
        const counted = { part: name, entries: 0 };
        const meter = budget.strings({ part: name });
        const entry = () => {
          meter.entry();
          counted.entries++;
        };
        parts.push({ name, bytes: this.scanned(name, stringsScanner({ part: name }, { entry })) });
        strings = counted;
      } else if (key === workbookKey) {
        parts.push({ name, bytes: this.scanned(name, new PartScanner({ part: name }, 'workbook')) });
      } else if (STYLES.test(type)) {
        parts.push({ name, bytes: this.scanned(name, new PartScanner({ part: name }, 'styleSheet')) });
      } else {
        parts.push({ name, bytes: this.pkg.bytes(name, { onRaw: (n) => progress.add(n) }) });
      }
    }
    this.progress = null;
    const errorText = (sheet: string, row: number, col: number) => this.errorText(st, sheet, row, col);
    const grids = await readGrids(
      parts,
      sheets.map((s) => ({ name: s.name, part: s.part as string })),
      errorText,
      strings,
      isDate1904(this.pkg.text(st.workbookPart)),
    );
    progress.end();
    return grids;
  }

  /** A part's bytes, scanned as they are inflated. */
  private scanned(name: string, scanner: PartScanner, sheet?: string): Uint8Array {
    const progress = this.progress;
    const bytes = this.pkg.bytes(name, { sheet, onChunk: (chunk) => scanner.push(chunk), onRaw: progress ? (n) => progress.add(n) : undefined });
    scanner.end();
    return bytes;
  }

  /** The text of an error cell, from the sheet part (for errors SheetJS has no code for): the part
   *  scanned once by the streaming reader's cell scanner, which numbers cells as SheetJS does, those
   *  without r= too. */
  private errorText(st: Structure, sheet: string, row: number, col: number): string | undefined {
    const part = st.sheets.find((s) => s.name === sheet)?.part;
    if (!part) return undefined;
    let cells = this.errorCells.get(part);
    if (!cells) {
      const scanner = new CellScanner({ strings: null, date1904: false, dateStyles: [] });
      scanner.push(this.pkg.bytes(part, { sheet }));
      cells = scanner.grid;
      this.errorCells.set(part, cells);
    }
    const cell = cells.get(row, col);
    return isCellError(cell) ? cell.error : undefined;
  }
}
