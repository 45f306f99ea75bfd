// A sheet's grid read as a structured table: find the header row, find each column by its header
// text (either language; clerks may reorder columns or add their own), convert every cell.
import type { Cell, SheetGrid } from './grid';
import { convertCell, Value } from './cells';
import { Lang } from './enums';
import { CellProblem, cellProblem } from './problems';
import { ColumnDef, ColumnKey, normalizeHeader, SheetDef, SheetKey } from './schema';

export interface ColumnMatch<K extends string = ColumnKey<SheetKey>> {
  readonly def: ColumnDef<K>;
  /** index of the column in the grid's rows */
  readonly index: number;
  /** the header as it stands in the file */
  readonly header: string;
}

/** A row's converted values by column key: null for an empty cell; undefined (or no key) for a
 *  missing column or a cell that did not convert (its problem is already in the read's `problems`). */
export type RowValues<K extends string = ColumnKey<SheetKey>> = Readonly<Partial<Record<K, Value | null>>>;

export interface TableRecord<K extends string = ColumnKey<SheetKey>> {
  /** 1-based Excel row number */
  readonly row: number;
  readonly values: RowValues<K>;
  /** the row's cell in the key column (TableRead.keyColumn) exactly as read: what ties a problem
   *  mark to this row wherever the row moves */
  readonly key: Cell;
}

/** A sheet read as a table; `TableRead<'tickets'>` is typed by the ticket columns' keys, a plain
 *  `TableRead` holds any one sheet. */
export interface TableRead<S extends SheetKey = SheetKey> {
  readonly sheet: string;
  readonly def: SheetDef<S>;
  /** the language the headers were written in (the majority of matched headers) */
  readonly lang: Lang;
  /** 1-based Excel row number of the header row */
  readonly headerRow: number;
  /** 0-based sheet column of the grid's first column (column indexes below are relative to it) */
  readonly firstColumn: number;
  readonly columns: ReadonlyArray<ColumnMatch<ColumnKey<S>>>;
  /** the column naming each row: the sheet's row key (SheetDef.rowKey) where found, else the first
   *  matched column; an index like ColumnMatch.index; null when no column matched */
  readonly keyColumn: number | null;
  readonly missing: ReadonlyArray<ColumnDef<ColumnKey<S>>>;
  /** the clerk's own columns, kept and ignored */
  readonly extra: ReadonlyArray<string>;
  readonly records: ReadonlyArray<TableRecord<ColumnKey<S>>>;
  readonly problems: ReadonlyArray<CellProblem>;
}

/** What reading a sheet's rows needs of a read: the language its headers are in and its records. */
export type SheetRows<S extends SheetKey> = Pick<TableRead<S>, 'lang' | 'records'>;

/** How many rows from the top the header row is looked for in: a title or a note may stand above
 *  it, so the first rows are searched for the one that names the most known columns. */
export const HEADER_SEARCH_ROWS = 10;

/** A sheet's columns by their normalized header text in either language. */
type HeaderIndex<K extends string> = ReadonlyMap<string, { def: ColumnDef<K>; lang: Lang }>;

function headerIndex<K extends string>(columns: ReadonlyArray<ColumnDef<K>>): HeaderIndex<K> {
  const byText = new Map<string, { def: ColumnDef<K>; lang: Lang }>();
  for (const c of columns) {
    byText.set(normalizeHeader(c.en), { def: c, lang: 'en' });
    byText.set(normalizeHeader(c.zh), { def: c, lang: 'zh' });
  }
  return byText;
}

function matchHeaders<K extends string>(byText: HeaderIndex<K>, row: ReadonlyArray<Cell>): { columns: ColumnMatch<K>[]; zh: number; en: number } {
  const columns: ColumnMatch<K>[] = [];
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

/** The columns a table's rows are converted by, and how a record's values are made of them. */
interface RowShape<K extends string> {
  readonly columns: ReadonlyArray<ColumnMatch<K>>;
  /** the values of a row from its converted cells, in the order of `columns` */
  readonly make: (converted: ReadonlyArray<Value | null | undefined>) => Partial<Record<K, Value | null>>;
  readonly keyColumn: number | null;
}

/**
 * An object literal of the matched keys, compiled once per table: every record is built at once in
 * its final shape, all records of a table share it, and the keys are stored by name, not looked up
 * (100,000 rows of 24 columns read in a third of the time of copying a template and storing each
 * key). The keys are the schema's own identifiers, quoted as JSON. Where a host forbids compiling
 * code (a page whose Content-Security-Policy has no 'unsafe-eval'), a template is copied instead.
 */
function valuesMaker<K extends string>(columns: ReadonlyArray<ColumnMatch<K>>): RowShape<K>['make'] {
  try {
    const fields = columns.map((m, i) => `${JSON.stringify(m.def.key)}: v[${i}]`).join(', ');
    return new Function('v', `return { ${fields} };`) as RowShape<K>['make'];
  } catch {
    const template: Partial<Record<K, null>> = {};
    for (const m of columns) template[m.def.key] = null;
    return (v) => {
      const values: Partial<Record<K, Value | null>> = { ...template };
      columns.forEach((m, i) => (values[m.def.key] = v[i]));
      return values;
    };
  }
}

function rowShape<K extends string>(columns: ReadonlyArray<ColumnMatch<K>>, keyColumn: number | null): RowShape<K> {
  return { columns, make: valuesMaker(columns), keyColumn };
}

/** The key column of matched columns: the sheet's row key, else the first column matched. */
function keyColumnOf<K extends string>(columns: ReadonlyArray<ColumnMatch<K>>, rowKey: K): number | null {
  return (columns.find((m) => m.def.key === rowKey) ?? columns[0])?.index ?? null;
}

/** One row's cells converted by the matched columns; `shift` moves column indexes (a row read on its
 *  own may start at another column than the grid the columns were matched on). */
function convertRow<K extends string>(
  sheet: string,
  { columns, make, keyColumn }: RowShape<K>,
  cells: ReadonlyArray<Cell>,
  excelRow: number,
  lang: Lang,
  problems: CellProblem[],
  shift: number,
): TableRecord<K> {
  const converted = new Array<Value | null | undefined>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const m = columns[i];
    const res = convertCell(m.def.kind, cells[m.index + shift] ?? null, lang);
    if (res.ok) converted[i] = res.value;
    else {
      converted[i] = undefined;
      problems.push(cellProblem(sheet, excelRow, m.header, res.problem));
    }
  }
  return { row: excelRow, values: make(converted), key: keyColumn === null ? null : (cells[keyColumn + shift] ?? null) };
}

/**
 * Rows read on their own (live validation: the rows a clerk just changed), converted with the
 * columns of an earlier read of the whole table. A blank row gives no record.
 */
export function readMoreRows<S extends SheetKey>(
  read: TableRead<S>,
  originCol: number,
  rows: ReadonlyArray<{ readonly row: number; readonly cells: ReadonlyArray<Cell> }>,
  lang: Lang = read.lang,
): { records: TableRecord<ColumnKey<S>>[]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const records: TableRecord<ColumnKey<S>>[] = [];
  const shift = read.firstColumn - originCol;
  const shape = rowShape(read.columns, read.keyColumn);
  for (const { row, cells } of rows) {
    if (!isBlank(cells)) records.push(convertRow(read.sheet, shape, cells, row, lang, problems, shift));
  }
  return { records, problems };
}

/** Reads a grid as the table `def`; never throws on cell content. */
export function readTable<S extends SheetKey>(def: SheetDef<S>, grid: SheetGrid, lang?: Lang): TableRead<S> {
  const rows = grid.rows;
  const byText = headerIndex(def.columns);
  let headerAt = 0;
  let best: { columns: ColumnMatch<ColumnKey<S>>[]; zh: number; en: number } = { columns: [], zh: 0, en: 0 };
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const m = matchHeaders(byText, rows[r]);
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

  const records: TableRecord<ColumnKey<S>>[] = [];
  const problems: CellProblem[] = [];
  const columns = best.columns;
  const keyColumn = keyColumnOf(columns, def.rowKey);
  if (columns.length > 0) {
    const shape = rowShape(columns, keyColumn);
    for (let r = headerAt + 1; r < rows.length; r++) {
      const cells = rows[r];
      if (isBlank(cells)) continue;
      records.push(convertRow(grid.name, shape, cells, grid.originRow + r + 1, msgLang, problems, 0));
    }
  }
  return {
    sheet: grid.name,
    def,
    lang: headerLang,
    headerRow: grid.originRow + headerAt + 1,
    firstColumn: grid.originCol,
    columns,
    keyColumn,
    missing,
    extra,
    records,
    problems,
  };
}
