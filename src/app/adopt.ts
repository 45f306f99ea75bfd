// Adopting the registers a center already keeps (docs/adopt.md): find them among the clerk's sheets,
// map their columns (domain/adopt), and import every row into the structured sheets, each with where
// it came from. The registers themselves are never changed. A dry run tells what an import would do.
import { detectSheet, SheetGuess, ColumnChoices, headerKey } from '../domain/adopt/detect';
import { adoptRows, AdoptedRows, RowAccount, SkipReason, SOURCE_COLUMN, ValueMaps } from '../domain/adopt/rows';
import { Lang } from '../domain/enums';
import type { Cell, SheetGrid } from '../domain/grid';
import { describeProblem } from '../domain/messages';
import { Problem } from '../domain/problems';
import { unitsOf, validateAll } from '../domain/rules';
import { ColumnDef, DATA_SHEETS, DataSheetKey, header, SHEET_DEFS, SheetKey, sheetName } from '../domain/schema';
import { defaultSettings } from '../domain/settings';
import { readTable, TableRead } from '../domain/table';
import { formatTicketId, parseTicketId } from '../domain/ticketId';
import { calendarDayOf, serialToWall } from '../domain/time';
import { Workbook } from '../workbook/types';
import { loadWorkbook } from './load';
import { parseAsOf, UseCaseProblem } from './problem';
import { setUpWorkbook } from './setup';
import { shownCell } from './shown';

/** The tag of IDs given to imported tickets that had none (docs/ticket-ids.md: two characters, so no
 *  drawn three-character tag is ever the same). */
export const IMPORT_TAG = 'AD';

/** How many converted rows of each sheet the result shows (the pane's preview). */
export const PREVIEW_ROWS = 5;

/** What the user decided for one sheet (the pane's Adopt tab): its kind, and its columns. */
export interface SheetChoices {
  /** take the sheet for this kind, whatever it was detected as */
  readonly as?: DataSheetKey;
  /** source header -> structured header (either language) or null, for this sheet only */
  readonly choices?: ColumnChoices;
}

export interface AdoptRequest {
  /** the sheets to adopt; default every sheet of the clerk's that looks like a register */
  readonly sheets?: ReadonlyArray<string>;
  /** take the sheets for this kind */
  readonly as?: DataSheetKey;
  /** the user's column choices: source header -> structured header (either language) or null */
  readonly choices?: ColumnChoices;
  /** the user's value maps: source header -> {code: word} ({"房屋状态": {"2001": "已入住"}}) */
  readonly values?: ValueMaps;
  /** tell what would happen; change nothing */
  readonly dryRun?: boolean;
  /** per sheet, by name: its kind and column choices, over `as` and `choices` */
  readonly bySheet?: Readonly<Record<string, SheetChoices>>;
  /** language of messages; and of the sheets created in a workbook that has none yet (default: the
   *  registers' language) */
  readonly lang?: Lang;
  /** language of messages only (the pane's): created sheets still follow the workbook or the registers */
  readonly messageLang?: Lang;
  /** wall-clock ISO time validation judges against (a received time in the future); default now */
  readonly asOf?: string;
}

export interface RowIssue {
  readonly row: number;
  readonly messages: ReadonlyArray<string>;
}

export interface SheetAdoption {
  readonly sheet: string;
  readonly kind: DataSheetKey | null;
  /** 1-based Excel row of the (last) header row, or null */
  readonly headerRow: number | null;
  /** source header -> structured header it was imported under, or null (kept under its own header) */
  readonly mapping: Readonly<Record<string, string | null>>;
  readonly confidence: Readonly<Record<string, number>>;
  /** total = imported + skipped; flagged (imported with problems) is part of imported */
  readonly rows: { readonly total: number; readonly imported: number; readonly flagged: number; readonly skipped: number };
  /** the structured rows the sheet gave (a wide ledger gives one per filled month) */
  readonly records: number;
  readonly skippedRows: ReadonlyArray<{ readonly row: number; readonly reason: SkipReason }>;
  readonly flaggedRows: ReadonlyArray<RowIssue>;
  /** the structured sheet the rows went (or would go) into */
  readonly into: string | null;
  /** the headers of the kind's structured sheet, in its language: what a column may be mapped to */
  readonly targets: ReadonlyArray<string>;
  /** the first rows as the structured sheet gets them (IDs given, values converted), shown as text */
  readonly preview: SheetPreview;
}

export interface SheetPreview {
  readonly headers: ReadonlyArray<string>;
  /** up to PREVIEW_ROWS rows, each as long as `headers` */
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  /** 1-based source row of each of `rows` */
  readonly sourceRows: ReadonlyArray<number>;
}

export interface AdoptResult {
  readonly sheets: ReadonlyArray<SheetAdoption>;
  /** sheets created, and structured sheets rows were appended to */
  readonly created: ReadonlyArray<string>;
  readonly appended: ReadonlyArray<string>;
  /** whether the workbook was changed (false on a dry run or when there was nothing new) */
  readonly changed: boolean;
}

/** The rows of a kind from every adopted sheet, in one set of columns. */
interface KindBatch {
  readonly headers: string[];
  readonly rows: Cell[][];
  /** per row: the adoption it came from and its source row */
  readonly from: Array<{ readonly sheet: number; readonly row: number }>;
}

function mergeBatch(batch: KindBatch | undefined, adopted: AdoptedRows, sheetIndex: number): KindBatch {
  const headers = batch ? [...batch.headers] : [...adopted.headers];
  for (const h of adopted.headers) if (!headers.includes(h)) headers.push(h);
  const place = adopted.headers.map((h) => headers.indexOf(h));
  const rows = (batch?.rows ?? []).map((r) => [...r, ...new Array<Cell>(headers.length - r.length).fill(null)]);
  const from = [...(batch?.from ?? [])];
  adopted.rows.forEach((r, i) => {
    const row = new Array<Cell>(headers.length).fill(null);
    r.forEach((v, j) => (row[place[j]] = v));
    rows.push(row);
    from.push({ sheet: sheetIndex, row: adopted.sourceRows[i] });
  });
  return { headers, rows, from };
}

/** IDs for imported tickets without one: GD-<received day>-AD-<n>, n going on from the IDs there. */
function giveTicketIds(batch: KindBatch, existing: ReadonlyArray<string>, lang: Lang): void {
  const idCol = batch.headers.indexOf(header(SHEET_DEFS.tickets.columns.find((c) => c.key === 'id')!, lang));
  const atCol = batch.headers.indexOf(header(SHEET_DEFS.tickets.columns.find((c) => c.key === 'receivedAt')!, lang));
  const last = new Map<string, number>();
  for (const id of [...existing, ...batch.rows.map((r) => r[idCol])]) {
    const p = typeof id === 'string' ? parseTicketId(id) : undefined;
    if (p && p.tag === IMPORT_TAG) last.set(p.day, Math.max(last.get(p.day) ?? 0, p.sequence));
  }
  for (const row of batch.rows) {
    if (row[idCol] !== null || typeof row[atCol] !== 'number') continue;
    const d = calendarDayOf(serialToWall(row[atCol] as number));
    const day = `${d.y}${String(d.m).padStart(2, '0')}${String(d.d).padStart(2, '0')}`;
    const n = (last.get(day) ?? 0) + 1;
    last.set(day, n);
    row[idCol] = formatTicketId(day, IMPORT_TAG, n);
  }
}

/** The first rows a sheet gave, as its kind's batch holds them (ticket IDs given), shown as text. */
function previewOf(adopted: AdoptedRows, batch: KindBatch, sheetIndex: number): SheetPreview {
  const cols = SHEET_DEFS[adopted.kind].columns as ReadonlyArray<ColumnDef>;
  const at = adopted.headers.map((h) => batch.headers.indexOf(h));
  const rows: string[][] = [];
  const sourceRows: number[] = [];
  batch.from.forEach((f, r) => {
    if (f.sheet !== sheetIndex || rows.length >= PREVIEW_ROWS) return;
    rows.push(at.map((j, c) => shownCell(batch.rows[r][j] ?? null, cols[c])));
    sourceRows.push(f.row);
  });
  return { headers: adopted.headers, rows, sourceRows };
}

/** The source references a structured sheet holds (its 导入来源 / Imported from column). */
function sourceRefs(grid: SheetGrid | undefined): Set<string> {
  const refs = new Set<string>();
  if (!grid) return refs;
  const names = new Set([headerKey(SOURCE_COLUMN.zh), headerKey(SOURCE_COLUMN.en)]);
  for (let r = 0; r < Math.min(grid.rows.length, 15); r++) {
    const c = grid.rows[r].findIndex((v) => typeof v === 'string' && names.has(headerKey(v)));
    if (c < 0) continue;
    for (let i = r + 1; i < grid.rows.length; i++) {
      const v = grid.rows[i][c];
      if (typeof v === 'string' && v !== '') refs.add(v);
    }
    break;
  }
  return refs;
}

/** The language the registers' headers are written in: Chinese if most have a CJK character. */
function registersLanguage(guesses: ReadonlyArray<SheetGuess>): Lang | undefined {
  const headers = guesses.filter((g) => g.kind).flatMap((g) => g.columns.map((c) => c.header));
  if (headers.length === 0) return undefined;
  const zh = headers.filter((h) => /[\u3400-\u9fff]/.test(h)).length;
  return zh * 2 >= headers.length ? 'zh' : 'en';
}

/** What adopting the workbook's registers does (or, on a dry run, would do). */
export async function adoptWorkbook(wb: Workbook, req: AdoptRequest = {}): Promise<AdoptResult> {
  const asOf = parseAsOf(req.asOf);
  const loaded = await loadWorkbook(wb, { lang: req.lang });
  let lang = loaded.lang;
  for (const s of req.sheets ?? []) {
    if (!loaded.otherSheets.some((n) => n.toLowerCase() === s.toLowerCase())) throw new UseCaseProblem('ADOPT_NO_SHEET', { sheet: s, sheets: loaded.otherSheets });
  }
  const names = req.sheets ? req.sheets.map((s) => loaded.otherSheets.find((n) => n.toLowerCase() === s.toLowerCase()) as string) : loaded.otherSheets;
  // the registers and what each structured sheet already holds (its source references: rows imported
  // before), in one read
  const structuredNames = DATA_SHEETS.map((d) => loaded.structured.get(d.key)?.summary.name).filter((n): n is string => !!n);
  const read = await wb.readSheets([...names, ...structuredNames]);
  const grids = read.filter((g) => names.includes(g.name));
  const structuredGrids = read.filter((g) => structuredNames.includes(g.name));
  const chosen = (name: string): SheetChoices | undefined =>
    req.bySheet?.[name] ?? Object.entries(req.bySheet ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const guesses: SheetGuess[] = names.map((name) => {
    const grid = grids.find((g) => g.name === name) ?? { name, originRow: 0, originCol: 0, rows: [] };
    const own = chosen(name);
    const choices = req.choices || own?.choices ? { ...req.choices, ...own?.choices } : undefined;
    const guess = detectSheet(grid, { as: own?.as ?? req.as, choices, values: req.values });
    if (req.sheets && guess.kind === null) throw new UseCaseProblem('ADOPT_NOT_A_REGISTER', { sheet: name });
    return guess;
  });
  // A workbook with no structured sheet yet gets them in its registers' language (set-up's default
  // otherwise: the language asked for, else Chinese).
  if ([...loaded.structured].length === 0 && !req.lang) lang = registersLanguage(guesses) ?? lang;
  const msgLang = req.lang ?? req.messageLang ?? lang;

  const gridOf = (key: DataSheetKey) => structuredGrids.find((g) => g.name === loaded.structured.get(key)?.summary.name);

  // the Settings the rows are judged (and charges given a due day) by: the workbook's, or the defaults
  // set-up will write in the new sheets' language
  const settings = loaded.structured.has('settings') ? loaded.settings : defaultSettings(lang);
  const adopted: Array<AdoptedRows | null> = guesses.map((g, i) => {
    if (!g.kind) return null;
    const grid = grids.find((x) => x.name === names[i]) as SheetGrid;
    return adoptRows(grid, g, { lang, already: sourceRefs(gridOf(g.kind)), values: req.values, dueDay: settings.chargeDueDay });
  });
  const batches = new Map<DataSheetKey, KindBatch>();
  adopted.forEach((a, i) => {
    if (a) batches.set(a.kind, mergeBatch(batches.get(a.kind), a, i));
  });
  const existingTicketIds = loaded.structured.get('tickets')?.read.records.map((r) => r.values.id).filter((v): v is string => typeof v === 'string') ?? [];
  const tickets = batches.get('tickets');
  if (tickets) giveTicketIds(tickets, existingTicketIds, lang);

  // Judge the imported rows as validation would, with the rows already there (duplicate IDs, units
  // missing from the register): a structured grid of each kind, old rows then new.
  const reads: Partial<Record<SheetKey, TableRead>> = {};
  const firstNewRow = new Map<DataSheetKey, number>();
  for (const def of DATA_SHEETS) {
    const present = loaded.structured.get(def.key);
    const batch = batches.get(def.key);
    if (!batch) {
      if (present) reads[def.key] = present.read;
      continue;
    }
    const old = present ? (gridOf(def.key)?.rows ?? []) : [];
    const oldHeader = present ? (old[present.read.headerRow - 1 - (gridOf(def.key)?.originRow ?? 0)] ?? []) : [];
    const headers = present ? oldHeader.map((c) => (typeof c === 'string' ? c : '')) : batch.headers;
    const aligned = batch.rows.map((r) => {
      const row = new Array<Cell>(headers.length).fill(null);
      batch.headers.forEach((h, j) => {
        const at = headers.findIndex((x) => headerKey(x) === headerKey(h));
        if (at >= 0) row[at] = r[j];
      });
      return row;
    });
    const gridRows: Cell[][] = present ? [...old.map((r) => [...r]), ...aligned] : [headers, ...aligned];
    firstNewRow.set(def.key, (present ? (gridOf(def.key)?.originRow ?? 0) + old.length : 1) + 1);
    reads[def.key] = readTable(def, { name: present?.summary.name ?? sheetName(def, lang), originRow: present ? (gridOf(def.key)?.originRow ?? 0) : 0, originCol: 0, rows: gridRows }, msgLang);
  }
  // without a Settings sheet the rows are judged by the defaults set-up will write: in the language of
  // the sheets it creates, which may be the registers' rather than the one the workbook was loaded in
  const ctx = { settings, asOf, lang, units: unitsOf(reads.customers) };
  const problems: Problem[] = [...validateAll(reads, ctx), ...Object.values(reads).flatMap((r) => (r ? r.problems : []))];
  const issuesBySource = new Map<string, string[]>(); // "sheetIndex:row" -> messages
  for (const def of DATA_SHEETS) {
    const batch = batches.get(def.key);
    const read = reads[def.key];
    if (!batch || !read) continue;
    const start = firstNewRow.get(def.key) as number;
    for (const p of problems) {
      if (p.sheet !== read.sheet || p.row === null || p.row < start) continue;
      const from = batch.from[p.row - start];
      if (!from) continue;
      // said where the clerk will look: the register's sheet, row and column
      const guess = guesses[from.sheet];
      const key = def.columns.find((c) => header(c, lang) === p.column)?.key;
      const source = guess.columns.find((c) => c.target !== null && c.target === key)?.header ?? p.column;
      const k = `${from.sheet}:${from.row}`;
      issuesBySource.set(k, [...(issuesBySource.get(k) ?? []), describeProblem({ ...p, sheet: guess.sheet, row: from.row, column: source }, msgLang)]);
    }
  }

  const sheets: SheetAdoption[] = guesses.map((g, i) => {
    const a = adopted[i];
    const accounts: ReadonlyArray<RowAccount> = a?.accounts ?? [];
    const mapping: Record<string, string | null> = {};
    const confidence: Record<string, number> = {};
    for (const c of g.columns) {
      const col = g.kind && c.target ? SHEET_DEFS[g.kind].columns.find((d) => d.key === c.target) : undefined;
      mapping[c.header] = col ? header(col, lang) : null;
      confidence[c.header] = c.confidence;
    }
    if (g.kind && g.unitParts) {
      const unit = header(SHEET_DEFS[g.kind].columns.find((c) => c.key === 'unit')!, lang);
      for (const idx of [g.unitParts.building, g.unitParts.entrance, g.unitParts.room]) {
        const h = g.columns.find((c) => c.index === idx)?.header;
        if (h && mapping[h] === null) mapping[h] = `${unit}*`;
      }
    }
    const flaggedRows: RowIssue[] = [];
    for (const acc of accounts) {
      if (acc.outcome !== 'imported') continue;
      const msgs = issuesBySource.get(`${i}:${acc.row}`) ?? [];
      if (msgs.length > 0) flaggedRows.push({ row: acc.row, messages: [...new Set(msgs)] });
    }
    const imported = accounts.filter((x) => x.outcome === 'imported').length;
    const skipped = accounts.length - imported;
    return {
      sheet: g.sheet,
      kind: g.kind,
      headerRow: g.headerRow === null ? null : (grids.find((x) => x.name === g.sheet)?.originRow ?? 0) + g.headerRow + 1,
      mapping,
      confidence,
      rows: { total: accounts.length, imported, flagged: flaggedRows.length, skipped },
      records: a?.rows.length ?? 0,
      skippedRows: accounts.filter((x) => x.outcome === 'skipped').map((x) => ({ row: x.row, reason: x.reason as SkipReason })),
      flaggedRows,
      into: g.kind ? (loaded.structured.get(g.kind)?.summary.name ?? sheetName(SHEET_DEFS[g.kind], lang)) : null,
      targets: g.kind ? SHEET_DEFS[g.kind].columns.map((c) => header(c, lang)) : [],
      preview: a ? previewOf(a, batches.get(a.kind) as KindBatch, i) : { headers: [], rows: [], sourceRows: [] },
    };
  });

  const anything = [...batches.values()].some((b) => b.rows.length > 0);
  if (req.dryRun || !anything) return { sheets, created: [], appended: [], changed: false };

  // Appending to a structured sheet there already: the columns the rows fill that it lacks (导入来源,
  // the register's own) are added to the right of its table first, then each value goes under its header.
  const appendTo: Array<{ key: DataSheetKey; sheet: string; headerRow: number; batch: KindBatch; needed: string[] }> = [];
  for (const [key, batch] of batches) {
    const present = loaded.structured.get(key);
    if (!present || batch.rows.length === 0) continue;
    const grid = gridOf(key) as SheetGrid;
    const headerRow = present.read.headerRow - 1;
    const headerCells = grid.rows[headerRow - grid.originRow] ?? [];
    const has = (h: string) => headerCells.some((c) => typeof c === 'string' && headerKey(c) === headerKey(h));
    const needed = batch.headers.filter((h, j) => !has(h) && batch.rows.some((r) => r[j] !== null));
    appendTo.push({ key, sheet: present.summary.name, headerRow, batch, needed });
  }
  // Sheets not there yet are created by set-up, with every column the rows need and the rest of a
  // structured workbook (Settings, the other sheets, the dropdown names).
  const rows: Partial<Record<DataSheetKey, Cell[][]>> = {};
  const extraColumns: Partial<Record<DataSheetKey, string[]>> = {};
  for (const [key, batch] of batches) {
    if (loaded.structured.has(key)) continue;
    const own = SHEET_DEFS[key].columns.length;
    rows[key] = batch.rows;
    extraColumns[key] = batch.headers.slice(own);
  }
  const setup = await setUpWorkbook(wb, { lang, rows, extraColumns });
  for (const a of appendTo) {
    if (a.needed.length > 0) await wb.addColumns(a.sheet, a.headerRow, a.needed);
    const header = (await wb.readRows(a.sheet, [a.headerRow])).rows[0] ?? [];
    const at = a.batch.headers.map((h) => header.findIndex((c) => typeof c === 'string' && headerKey(c) === headerKey(h)));
    const width = Math.max(header.length, ...at.map((x) => x + 1));
    const aligned = a.batch.rows.map((r) => {
      const row = new Array<Cell>(width).fill(null);
      r.forEach((v, j) => {
        if (at[j] >= 0) row[at[j]] = v;
      });
      return row;
    });
    await wb.appendRows(a.sheet, aligned);
  }
  return { sheets, created: setup.created, appended: appendTo.map((a) => a.sheet), changed: setup.created.length > 0 || setup.namesAdded.length > 0 || appendTo.length > 0 };
}
