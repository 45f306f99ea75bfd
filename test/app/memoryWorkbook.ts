// A Workbook held in memory, for use-case tests that are about the use case, not a back end.
import { Cell, NewSheet, SheetGrid, SheetSummary, Workbook } from '../../src/workbook/types';

interface MemSheet {
  name: string;
  rows: Cell[][];
  tables: string[];
  spec?: NewSheet;
}

export class MemoryWorkbook implements Workbook {
  readonly sheets: MemSheet[] = [];
  readonly names = new Map<string, string>();
  writes = 0;

  constructor(sheets: Array<{ name: string; rows: Cell[][]; tables?: string[] }> = []) {
    for (const s of sheets) this.sheets.push({ name: s.name, rows: s.rows.map((r) => [...r]), tables: s.tables ?? [] });
  }

  async listSheets(): Promise<SheetSummary[]> {
    return this.sheets.map((s) => ({ name: s.name, tables: [...s.tables] }));
  }

  async readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]> {
    return this.sheets
      .filter((s) => names.includes(s.name))
      .map((s) => {
        const width = Math.max(0, ...s.rows.map((r) => r.length));
        return { name: s.name, originRow: 0, originCol: 0, rows: s.rows.map((r) => [...r, ...Array(width - r.length).fill(null)]) };
      });
  }

  async addSheets(sheets: ReadonlyArray<NewSheet>): Promise<void> {
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

  async listNames(): Promise<string[]> {
    return [...this.names.keys()];
  }

  async addNames(names: ReadonlyArray<{ name: string; formula: string }>): Promise<void> {
    this.writes++;
    for (const n of names) this.names.set(n.name, n.formula);
  }
}
