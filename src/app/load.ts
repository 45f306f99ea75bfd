// Reading a workbook once, for every use case: which structured sheets it has (by name, in either
// language), each read as a table, the Settings, and every cell that did not convert.
import { Lang } from '../domain/enums';
import { Problem, sheetProblem } from '../domain/problems';
import { header, normalizeHeader, SHEET_DEFS, SheetDef, SheetKey, sheetDefByName } from '../domain/schema';
import { Settings, settingsFromTable } from '../domain/settings';
import { readTable, TableRead } from '../domain/table';
import { SheetSummary, Workbook } from '../workbook/types';
import { isGeneratedSheetName } from './reportNames';

export interface LoadedSheet<S extends SheetKey = SheetKey> {
  readonly def: SheetDef<S>;
  readonly summary: SheetSummary;
  readonly read: TableRead<S>;
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
  /** the clerk's own sheets, never touched */
  readonly otherSheets: ReadonlyArray<string>;
  /** sheets the add-in generated (reports, KPI): regenerated on demand */
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

export async function loadWorkbook(wb: Workbook, opts: { lang?: Lang } = {}): Promise<LoadedWorkbook> {
  const sheets = await wb.listSheets();
  const found = findStructuredSheets(sheets);
  // The workbook's own language (its sheet names) decides the Settings defaults it is judged by; a
  // different language asked for only changes the words of messages.
  const lang = langOfNames(found) ?? opts.lang ?? 'zh';
  const msgLang = opts.lang ?? lang;
  const grids = await wb.readSheets([...found.values()].map((s) => s.name));
  const load = <S extends SheetKey>(key: S): LoadedSheet<S> | undefined => {
    const summary = found.get(key);
    if (!summary) return undefined;
    const def = SHEET_DEFS[key];
    const grid = grids.find((g) => g.name === summary.name) ?? { name: summary.name, originRow: 0, originCol: 0, rows: [] };
    return { def, summary, read: readTable(def, grid, msgLang) };
  };
  const byKey: { readonly [S in SheetKey]?: LoadedSheet<S> } = {
    tickets: load('tickets'),
    customers: load('customers'),
    charges: load('charges'),
    reminders: load('reminders'),
    settings: load('settings'),
  };
  const structured: StructuredSheets = {
    get: (key) => byKey[key],
    has: (key) => byKey[key] !== undefined,
    *[Symbol.iterator]() {
      for (const key of found.keys()) yield byKey[key]!;
    },
  };
  const problems: Problem[] = [];
  for (const { summary, read } of structured) {
    const missingRequired = read.missing.filter((c) => c.required);
    if (read.columns.length === 0) {
      problems.push(sheetProblem(summary.name, 'SHEET_NO_HEADER', {}));
    } else if (missingRequired.length > 0) {
      problems.push(sheetProblem(summary.name, 'SHEET_MISSING_COLUMNS', { columns: missingRequired.map((c) => header(c, read.lang)) }));
    }
    problems.push(...read.problems);
  }
  const { settings, problems: settingProblems } = settingsFromTable(byKey.settings?.read, lang);
  problems.push(...settingProblems);
  const structuredNames = new Set([...found.values()].map((s) => s.name));
  return {
    lang,
    sheets,
    structured,
    otherSheets: sheets.map((s) => s.name).filter((n) => !structuredNames.has(n) && !isGeneratedSheetName(n)),
    generatedSheets: sheets.map((s) => s.name).filter((n) => !structuredNames.has(n) && isGeneratedSheetName(n)),
    settings,
    problems,
  };
}
