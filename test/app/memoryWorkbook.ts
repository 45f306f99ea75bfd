// A Workbook held in memory, for use-case tests that are about the use case, not a back end.
import { generatedTarget, sameTitle } from '../../src/workbook/generated';
import { Cell, CellMark, CellWrite, MarkSet, NewSheet, PivotSpec, ReportSheet, RowMark, RowMarkSet, sameCell, SheetGrid, SheetRows, SheetSummary, Workbook } from '../../src/workbook/types';

interface MemSheet {
  name: string;
  rows: Cell[][];
  tables: string[];
  spec?: NewSheet;
}

export class MemoryWorkbook implements Workbook {
  readonly sheets: MemSheet[] = [];
  readonly names = new Map<string, string>();
  /** the add-in's problem marks, by sheet name */
  readonly marks = new Map<string, CellMark[]>();
  /** the add-in's row colours, by sheet name, by 0-based row */
  readonly rowMarks = new Map<string, RowMark[]>();
  /** cells selected with selectCell, in order */
  readonly selections: Array<{ sheet: string; row: number; col: number }> = [];
  writes = 0;
  /** whether selectCell succeeds, as in Excel (true) or on a file (false) */
  canSelect = false;
  /** as a file by default; a test of the Excel path sets both true */
  capabilities = { charts: false, pivots: false };
  /** every report written, in order (a regenerated report appears again) */
  readonly reports: ReportSheet[] = [];
  /** the PivotTables written on each sheet */
  readonly pivots = new Map<string, PivotSpec[]>();

  /** `generated`: a sheet the add-in wrote (it carries the marker of the real back ends) */
  constructor(sheets: Array<{ name: string; rows: Cell[][]; tables?: string[]; generated?: boolean }> = []) {
    for (const s of sheets) {
      this.sheets.push({ name: s.name, rows: s.rows.map((r) => [...r]), tables: s.tables ?? [] });
      if (s.generated) this.generated.add(s.name.toLowerCase());
    }
  }

  async listSheets(): Promise<SheetSummary[]> {
    return this.sheets.map((s) => ({ name: s.name, tables: [...s.tables], generated: this.generated.has(s.name.toLowerCase()) }));
  }

  async readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]> {
    return this.sheets
      .filter((s) => names.includes(s.name))
      .map((s) => {
        const width = Math.max(0, ...s.rows.map((r) => r.length));
        return { name: s.name, originRow: 0, originCol: 0, rows: s.rows.map((r) => [...r, ...Array(width - r.length).fill(null)]) };
      });
  }

  async addSheets(sheets: ReadonlyArray<NewSheet>, names: ReadonlyArray<{ name: string; formula: string }> = []): Promise<void> {
    if (names.length > 0) await this.addNames(names);
    this.writes++;
    for (const s of sheets) {
      if (this.sheets.some((x) => x.name === s.name)) throw new Error(`sheet exists: ${s.name}`);
      this.sheets.push({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows.map((r) => [...r])], tables: s.tableName ? [s.tableName] : [], spec: s });
    }
  }

  async appendRows(sheet: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
    this.writes++;
    const s = this.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    s.rows.push(...rows.map((r) => [...r]));
  }

  async addColumns(sheet: string, headerRow: number, headers: ReadonlyArray<string>): Promise<void> {
    this.writes++;
    const s = this.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const header = s.rows[headerRow] ?? [];
    const width = header.length;
    s.rows = s.rows.map((r, i) => (i === headerRow ? [...r, ...headers] : i > headerRow ? [...r, ...new Array<Cell>(Math.max(0, width + headers.length - r.length)).fill(null)] : r));
  }

  async writeCells(sheet: string, writes: ReadonlyArray<CellWrite>): Promise<CellWrite[]> {
    const s = this.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const at = (row: number, col: number): Cell => s.rows[row]?.[col] ?? null;
    const skipped = writes.filter((w) => !sameCell(at(w.row, w.col), w.was) || (w.guard !== undefined && !sameCell(at(w.row, w.guard.col), w.guard.was)));
    const done = writes.filter((w) => !skipped.includes(w));
    if (done.length > 0) this.writes++;
    for (const w of done) {
      while (s.rows.length <= w.row) s.rows.push([]);
      const row = s.rows[w.row];
      while (row.length <= w.col) row.push(null);
      row[w.col] = w.value;
    }
    return skipped;
  }

  async readRows(sheet: string, rows: ReadonlyArray<number>): Promise<SheetRows> {
    const [grid] = await this.readSheets([sheet]);
    if (!grid) throw new Error(`no sheet ${sheet}`);
    const width = grid.rows[0]?.length ?? 0;
    return { name: grid.name, originCol: 0, rows: rows.map((r) => grid.rows[r]?.slice() ?? new Array<Cell>(width).fill(null)) };
  }

  async setMarks(sheet: string, { marks }: MarkSet, scope?: { readonly rows: ReadonlyArray<number> }): Promise<void> {
    if (!this.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
    const rows = scope ? new Set(scope.rows) : null;
    const kept = rows ? (this.marks.get(sheet) ?? []).filter((m) => !rows.has(m.row)) : [];
    const added = marks.filter((m) => !rows || rows.has(m.row)).map((m) => ({ ...m }));
    if (kept.length + added.length === 0 && !this.marks.has(sheet)) return;
    this.marks.set(sheet, [...kept, ...added].sort((a, b) => a.row - b.row || a.col - b.col));
  }

  async setRowMarks(sheet: string, { marks }: RowMarkSet): Promise<boolean> {
    if (!this.sheets.some((s) => s.name === sheet)) throw new Error(`no sheet ${sheet}`);
    const next = [...marks].map((m) => ({ ...m })).sort((a, b) => a.row - b.row);
    const before = this.rowMarks.get(sheet) ?? [];
    if (JSON.stringify(before) === JSON.stringify(next)) return false;
    this.rowMarks.set(sheet, next);
    return true;
  }

  async selectCell(sheet: string, row: number, col: number): Promise<boolean> {
    if (!this.canSelect) return false;
    this.selections.push({ sheet, row, col });
    return true;
  }

  /** lower-case names of the sheets this workbook's writeReport / writePivots wrote: ours (the marker of the real back ends) */
  readonly generated = new Set<string>();

  /** Where a generated sheet goes, as in the real back ends: its name if free or ours (written here, or
   *  no table and the same first cell), else `NAME (2)`, … */
  private target(name: string, title: Cell | undefined): string {
    const find = (n: string) => this.sheets.find((x) => x.name.toLowerCase() === n.toLowerCase());
    return generatedTarget(name, (n) => find(n) !== undefined, (n) => {
      const s = find(n)!;
      return s.tables.length === 0 && (this.generated.has(n.toLowerCase()) || sameTitle(s.rows[0]?.[0], title));
    });
  }

  /** Replaces the sheet of that name where it stands (its values become the report's) if ours, or adds it. */
  async writeReport(report: ReportSheet): Promise<string> {
    this.writes++;
    const name = this.target(report.name, report.rows[0]?.[0]);
    const sheet = { ...report, name };
    const existing = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    this.reports.push(sheet);
    this.generated.add(name.toLowerCase());
    const rows = sheet.rows.map((r) => [...r]);
    if (existing) existing.rows = rows;
    else this.sheets.push({ name, rows, tables: [] });
    return name;
  }

  async writePivots(asked: string, pivots: ReadonlyArray<PivotSpec>): Promise<string> {
    if (!this.capabilities.pivots) throw new Error('writePivots without capabilities.pivots');
    this.writes++;
    const sheet = this.target(asked, pivots[0]?.title);
    this.pivots.set(sheet, pivots.map((p) => ({ ...p })));
    this.generated.add(sheet.toLowerCase());
    const existing = this.sheets.find((x) => x.name.toLowerCase() === sheet.toLowerCase());
    const rows = pivots.map((p) => [p.title]);
    if (existing) existing.rows = rows;
    else this.sheets.push({ name: sheet, rows, tables: [] });
    return sheet;
  }

  async listNames(): Promise<string[]> {
    return [...this.names.keys()];
  }

  async addNames(names: ReadonlyArray<{ name: string; formula: string }>): Promise<void> {
    this.writes++;
    for (const n of names) this.names.set(n.name, n.formula);
  }
}
