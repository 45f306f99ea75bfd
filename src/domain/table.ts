// A sheet's grid read as a structured table: find the header row, find each column by its header
// text (either language; clerks may reorder columns or add their own), convert every cell.
import type { Cell, SheetGrid } from './grid';
import { convertCell, Value } from './cells';
import { Lang } from './enums';
import { CellProblem, cellProblem } from './problems';
import { ColumnDef, normalizeHeader, SheetDef } from './schema';

export interface ColumnMatch {
  readonly def: ColumnDef;
  /** index of the column in the grid's rows */
  readonly index: number;
  /** the header as it stands in the file */
  readonly header: string;
}

export interface TableRecord {
  /** 1-based Excel row number */
  readonly row: number;
  /** converted values by column key: null for an empty cell; undefined for a missing column (no
   *  key) or a cell that did not convert (its problem is already in `problems`) */
  readonly values: Readonly<Record<string, Value | null | undefined>>;
}

export interface TableRead {
  readonly sheet: string;
  readonly def: SheetDef;
  /** the language the headers were written in (the majority of matched headers) */
  readonly lang: Lang;
  /** 1-based Excel row number of the header row */
  readonly headerRow: number;
  /** 0-based sheet column of the grid's first column (column indexes below are relative to it) */
  readonly firstColumn: number;
  readonly columns: ReadonlyArray<ColumnMatch>;
  readonly missing: ReadonlyArray<ColumnDef>;
  /** the clerk's own columns, kept and ignored */
  readonly extra: ReadonlyArray<string>;
  readonly records: ReadonlyArray<TableRecord>;
  readonly problems: ReadonlyArray<CellProblem>;
}

// A title or a note may stand above the header: look at the first rows for the one that names the
// most known columns.
const HEADER_SEARCH_ROWS = 10;

interface HeaderIndex {
  readonly byText: Map<string, { def: ColumnDef; lang: Lang }>;
}

const headerIndexes = new WeakMap<SheetDef, HeaderIndex>();

function headerIndex(def: SheetDef): HeaderIndex {
  let idx = headerIndexes.get(def);
  if (!idx) {
    const byText = new Map<string, { def: ColumnDef; lang: Lang }>();
    for (const c of def.columns) {
      byText.set(normalizeHeader(c.en), { def: c, lang: 'en' });
      byText.set(normalizeHeader(c.zh), { def: c, lang: 'zh' });
    }
    idx = { byText };
    headerIndexes.set(def, idx);
  }
  return idx;
}

function matchHeaders(def: SheetDef, row: ReadonlyArray<Cell>): { columns: ColumnMatch[]; zh: number; en: number } {
  const { byText } = headerIndex(def);
  const columns: ColumnMatch[] = [];
  const seen = new Set<string>();
  let zh = 0;
  let en = 0;
  row.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const hit = byText.get(normalizeHeader(cell));
    // The first column with a header wins; a second copy is the clerk's own column.
    if (!hit || seen.has(hit.def.key)) return;
    seen.add(hit.def.key);
    columns.push({ def: hit.def, index, header: cell });
    if (hit.lang === 'zh') zh++;
    else en++;
  });
  return { columns, zh, en };
}

function isBlank(row: ReadonlyArray<Cell>): boolean {
  for (const c of row) {
    if (c !== null && !(typeof c === 'string' && c.trim() === '')) return false;
  }
  return true;
}

const rowTemplates = new WeakMap<ReadonlyArray<ColumnMatch>, Readonly<Record<string, null>>>();

function rowTemplate(columns: ReadonlyArray<ColumnMatch>): Readonly<Record<string, null>> {
  let t = rowTemplates.get(columns);
  if (!t) {
    const keys: Record<string, null> = {};
    for (const m of columns) keys[m.def.key] = null;
    t = keys;
    rowTemplates.set(columns, t);
  }
  return t;
}

/** One row's cells converted by the matched columns; `shift` moves column indexes (a row read on its
 *  own may start at another column than the grid the columns were matched on). */
function convertRow(
  sheet: string,
  columns: ReadonlyArray<ColumnMatch>,
  cells: ReadonlyArray<Cell>,
  excelRow: number,
  lang: Lang,
  problems: CellProblem[],
  shift: number,
): TableRecord {
  // Every record of a table starts as a copy of one object with all its keys: built at once in its
  // final shape, rows cost a third of the time to read and to judge (tens of thousands of rows).
  const values: Record<string, Value | null | undefined> = { ...rowTemplate(columns) };
  for (const m of columns) {
    const res = convertCell(m.def.kind, cells[m.index + shift] ?? null, lang);
    if (res.ok) values[m.def.key] = res.value;
    else {
      values[m.def.key] = undefined;
      problems.push(cellProblem(sheet, excelRow, m.header, res.problem));
    }
  }
  return { row: excelRow, values };
}

/**
 * Rows read on their own (live validation: the rows a clerk just changed), converted with the
 * columns of an earlier read of the whole table. A blank row gives no record.
 */
export function readMoreRows(
  read: TableRead,
  originCol: number,
  rows: ReadonlyArray<{ readonly row: number; readonly cells: ReadonlyArray<Cell> }>,
  lang: Lang = read.lang,
): { records: TableRecord[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const records: TableRecord[] = [];
  const shift = read.firstColumn - originCol;
  for (const { row, cells } of rows) {
    if (!isBlank(cells)) records.push(convertRow(read.sheet, read.columns, cells, row, lang, problems, shift));
  }
  return { records, problems };
}

/** Reads a grid as the table `def`; never throws on cell content. */
export function readTable(def: SheetDef, grid: SheetGrid, lang?: Lang): TableRead {
  const rows = grid.rows;
  let headerAt = 0;
  let best = { columns: [] as ColumnMatch[], zh: 0, en: 0 };
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const m = matchHeaders(def, rows[r]);
    if (m.columns.length > best.columns.length) {
      best = m;
      headerAt = r;
    }
  }
  const headerLang: Lang = best.en > best.zh ? 'en' : 'zh';
  const msgLang = lang ?? headerLang;
  const matched = new Set(best.columns.map((c) => c.def.key));
  const missing = def.columns.filter((c) => !matched.has(c.key));
  const headerRowCells = rows[headerAt] ?? [];
  const matchedIdx = new Set(best.columns.map((c) => c.index));
  const extra: string[] = [];
  headerRowCells.forEach((cell, i) => {
    if (!matchedIdx.has(i) && cell !== null && String(typeof cell === 'object' ? cell.error : cell).trim() !== '') {
      extra.push(typeof cell === 'object' ? cell.error : String(cell));
    }
  });

  const records: TableRecord[] = [];
  const problems: CellProblem[] = [];
  const columns = best.columns;
  if (columns.length > 0) {
    for (let r = headerAt + 1; r < rows.length; r++) {
      const cells = rows[r];
      if (isBlank(cells)) continue;
      records.push(convertRow(grid.name, columns, cells, grid.originRow + r + 1, msgLang, problems, 0));
    }
  }
  return {
    sheet: grid.name,
    def,
    lang: headerLang,
    headerRow: grid.originRow + headerAt + 1,
    firstColumn: grid.originCol,
    columns,
    missing,
    extra,
    records,
    problems,
  };
}
