// Reading a workbook once, for every use case: which structured sheets it has (by name, in either
// language), each read as a table, the Settings, and every cell that did not convert.
import { Lang } from '../domain/enums';
import { Problem, sheetProblem } from '../domain/problems';
import { header, normalizeHeader, SHEET_DEFS, SheetDef, SheetKey, sheetDefByName } from '../domain/schema';
import { Settings, settingsFromTable } from '../domain/settings';
import { HEADER_SEARCH_ROWS, readTable, TableRead } from '../domain/table';
import { SheetGrid, SheetSummary, Workbook } from '../workbook/types';
import { UseCaseProblem } from './problem';

export interface LoadedSheet<S extends SheetKey = SheetKey> {
  readonly def: SheetDef<S>;
  readonly summary: SheetSummary;
  readonly read: TableRead<S>;
  /** the language of the sheet's headers; of its name when no header row was found */
  readonly lang: Lang;
  /** required columns the sheet lacks, as its header row would name them (all of them without a header row) */
  readonly missingColumns: ReadonlyArray<string>;
}

/** The structured sheets found, by key, each read typed by its sheet's columns; in workbook order. */
export interface StructuredSheets extends Iterable<LoadedSheet> {
  get<S extends SheetKey>(key: S): LoadedSheet<S> | undefined;
  has(key: SheetKey): boolean;
}

export interface LoadedWorkbook {
  /** the workbook's language: that of its structured sheets' names, else the one asked for, else zh */
  readonly lang: Lang;
  readonly sheets: ReadonlyArray<SheetSummary>;
  readonly structured: StructuredSheets;
  /** the clerk's own sheets, never touched: every sheet neither structured nor generated (a sheet
   *  named like a report but without the add-in's marker is the clerk's) */
  readonly otherSheets: ReadonlyArray<string>;
  /** sheets the add-in generated (reports, KPI, plans…), told by their marker (SheetSummary.generated),
   *  not by their name: regenerated on demand */
  readonly generatedSheets: ReadonlyArray<string>;
  readonly settings: Settings;
  /** cells that did not convert, missing required columns, invalid settings */
  readonly problems: ReadonlyArray<Problem>;
}

/** Which sheet stands for each structured sheet: its canonical name in either language. */
export function findStructuredSheets(sheets: ReadonlyArray<SheetSummary>): Map<SheetKey, SheetSummary> {
  const found = new Map<SheetKey, SheetSummary>();
  for (const s of sheets) {
    const def = sheetDefByName(s.name);
    if (def && !found.has(def.key)) found.set(def.key, s);
  }
  return found;
}

/** The language a sheet's name is in (a name matching both is Chinese). */
function langOfName(name: string, def: SheetDef): Lang {
  return normalizeHeader(name) === normalizeHeader(def.en) && normalizeHeader(name) !== normalizeHeader(def.zh) ? 'en' : 'zh';
}

/** The first headers of a sheet, as a hint of the header row it lacks. */
export function headerExamples(def: SheetDef, lang: Lang): string[] {
  return def.columns.slice(0, 2).map((c) => header(c, lang));
}

/**
 * The ticket sheet, ready for a report: present, with a header row and every required column; else
 * the request is turned down naming what is missing (NO_TICKETS, NO_HEADER, MISSING_COLUMNS), as the
 * task pane refuses the same file.
 */
export function readyTickets(loaded: LoadedWorkbook): LoadedSheet<'tickets'> {
  return readySheet(loaded, 'tickets', 'NO_TICKETS');
}

/** A structured sheet a request needs, ready as readyTickets says; `absent` is the refusal when it is not there. */
export function readySheet<S extends SheetKey>(loaded: LoadedWorkbook, key: S, absent: 'NO_TICKETS' | 'NO_CHARGES' | 'NO_REMINDERS'): LoadedSheet<S> {
  const s = loaded.structured.get(key);
  if (!s) throw new UseCaseProblem(absent, { sheets: loaded.sheets.map((x) => x.name) });
  if (s.read.columns.length === 0) throw new UseCaseProblem('NO_HEADER', { sheet: s.summary.name, rows: HEADER_SEARCH_ROWS, examples: headerExamples(s.def, s.lang) });
  if (s.missingColumns.length > 0) throw new UseCaseProblem('MISSING_COLUMNS', { sheet: s.summary.name, columns: s.missingColumns });
  return s;
}

/** A workbook with none of the structured sheets cannot be judged: NOT_SET_UP. */
export function requireSetUp(loaded: LoadedWorkbook): void {
  if ([...loaded.structured].length === 0) throw new UseCaseProblem('NOT_SET_UP', { sheets: loaded.sheets.map((s) => s.name) });
}

function langOfNames(found: Map<SheetKey, SheetSummary>): Lang | undefined {
  let zh = 0;
  let en = 0;
  for (const [key, s] of found) {
    if (normalizeHeader(s.name) === normalizeHeader(SHEET_DEFS[key].en)) en++;
    else zh++;
  }
  if (zh + en === 0) return undefined;
  return en > zh ? 'en' : 'zh';
}

/**
 * Tables read, by the grid each was read from and the words of its messages. A grid handed out again
 * is unchanged (SheetGrid is read-only; the file back end drops a sheet's grid when it writes to the
 * sheet, and Excel's and the tests' back ends hand out a new grid at every read), so the use cases
 * run one after another on an open file (the pane: its status, the report's periods, the report)
 * convert each sheet once. Held only as long as the grid is.
 */
const tableReads = new WeakMap<SheetGrid, Map<string, TableRead>>();

function tableOf<S extends SheetKey>(def: SheetDef<S>, grid: SheetGrid, msgLang: Lang): TableRead<S> {
  let byDef = tableReads.get(grid);
  if (!byDef) tableReads.set(grid, (byDef = new Map()));
  const key = `${def.key} ${msgLang}`;
  const had = byDef.get(key) as TableRead<S> | undefined;
  if (had) return had;
  const read = readTable(def, grid, msgLang);
  byDef.set(key, read as unknown as TableRead);
  return read;
}

/** Each structured sheet found, read as its table. On its own so that nothing the workbook keeps
 *  holds on to the grids once their rows are records (a closure beside them would: a million rows). */
function readStructured(found: ReadonlyMap<SheetKey, SheetSummary>, grids: Array<SheetGrid | undefined>, msgLang: Lang): { readonly [S in SheetKey]?: LoadedSheet<S> } {
  const load = <S extends SheetKey>(key: S): LoadedSheet<S> | undefined => {
    const summary = found.get(key);
    if (!summary) return undefined;
    const def = SHEET_DEFS[key];
    const at = grids.findIndex((g) => g?.name === summary.name);
    const grid = grids[at] ?? { name: summary.name, originRow: 0, originCol: 0, rows: [] };
    // let go as soon as it is a table: where the back end keeps no grid, it goes before the next is converted
    if (at >= 0) grids[at] = undefined;
    const read = tableOf(def, grid, msgLang);
    const sheetLang = read.columns.length > 0 ? read.lang : langOfName(summary.name, def);
    const missingColumns = read.missing.filter((c) => c.required).map((c) => header(c, sheetLang));
    return { def, summary, read, lang: sheetLang, missingColumns };
  };
  return { tickets: load('tickets'), customers: load('customers'), charges: load('charges'), reminders: load('reminders'), settings: load('settings') };
}

/**
 * Reads the workbook once. `only` reads just those structured sheets (a refresh of the due colours
 * needs the tickets and the Settings, not the charges): the others are neither read nor in
 * `structured`, and stay out of `otherSheets`.
 */
export async function loadWorkbook(wb: Workbook, opts: { lang?: Lang; only?: ReadonlyArray<SheetKey> } = {}): Promise<LoadedWorkbook> {
  const sheets = await wb.listSheets();
  const all = findStructuredSheets(sheets);
  const only = opts.only;
  const found = only ? new Map([...all].filter(([key]) => only.includes(key))) : all;
  // The workbook's own language (its sheet names) decides the Settings defaults it is judged by; a
  // different language asked for only changes the words of messages.
  const lang = langOfNames(all) ?? opts.lang ?? 'zh';
  const msgLang = opts.lang ?? lang;
  const byKey = readStructured(found, [...(await wb.readSheets([...found.values()].map((s) => s.name)))], msgLang);
  const structured: StructuredSheets = {
    get: (key) => byKey[key],
    has: (key) => byKey[key] !== undefined,
    *[Symbol.iterator]() {
      for (const key of found.keys()) yield byKey[key]!;
    },
  };
  const problems: Problem[] = [];
  for (const { def, summary, read, lang: sheetLang, missingColumns } of structured) {
    if (read.columns.length === 0) {
      problems.push(sheetProblem(summary.name, 'SHEET_NO_HEADER', { examples: headerExamples(def, sheetLang) }));
    } else if (missingColumns.length > 0) {
      problems.push(sheetProblem(summary.name, 'SHEET_MISSING_COLUMNS', { columns: missingColumns }));
    }
    problems.push(...read.problems);
  }
  const { settings, problems: settingProblems } = settingsFromTable(byKey.settings?.read, lang);
  problems.push(...settingProblems);
  const structuredNames = new Set([...all.values()].map((s) => s.name));
  return {
    lang,
    sheets,
    structured,
    otherSheets: sheets.filter((s) => !structuredNames.has(s.name) && !s.generated).map((s) => s.name),
    generatedSheets: sheets.filter((s) => !structuredNames.has(s.name) && s.generated).map((s) => s.name),
    settings,
    problems,
  };
}
