// Set-up of a workbook: create every missing structured sheet as an Excel table, with dropdowns
// from Settings, formats, widths and a frozen header. Never touches a sheet it did not create;
// running it twice changes nothing the second time.
import { Lang, ListName } from '../domain/enums';
import { Problem } from '../domain/problems';
import { ALL_SHEETS, SETTINGS, SheetKey, sheetName } from '../domain/schema';
import { defaultSettings, Settings, SettingsList, SETTINGS_LISTS, settingsRows } from '../domain/settings';
import { Cell, NewSheet, Workbook } from '../workbook/types';
import { listNameFormula, sheetSpec } from './layout';
import { LoadedWorkbook, loadWorkbook } from './load';

export interface SheetStatus {
  readonly key: SheetKey;
  /** the sheet found or created, or null when missing */
  readonly name: string | null;
  readonly present: boolean;
  /** data rows (non-blank rows under the header) */
  readonly rows: number;
  /** required columns missing, in the sheet's header language */
  readonly missingColumns: ReadonlyArray<string>;
}

export interface WorkbookStatus {
  readonly lang: Lang;
  /** all five structured sheets present with their required columns */
  readonly ready: boolean;
  readonly sheets: ReadonlyArray<SheetStatus>;
  /** the clerk's own sheets */
  readonly otherSheets: ReadonlyArray<string>;
  /** the reports and KPI sheets the add-in generated */
  readonly generatedSheets: ReadonlyArray<string>;
  readonly problems: ReadonlyArray<Problem>;
}

export interface SetupResult {
  /** names of the sheets created by this run (empty when the workbook was already set up) */
  readonly created: ReadonlyArray<string>;
  /** workbook names added for the dropdown lists */
  readonly namesAdded: ReadonlyArray<string>;
  readonly status: WorkbookStatus;
}

export interface SetupOptions {
  /** language of created sheets; default: the language of the sheets already there, else Chinese */
  readonly lang?: Lang;
  /** rows for created sheets (the sample center); data sheets start empty otherwise */
  readonly rows?: Partial<Record<Exclude<SheetKey, 'settings'>, ReadonlyArray<ReadonlyArray<Cell>>>>;
  /** settings written into a created Settings sheet; default: the defaults in the workbook's language */
  readonly settings?: Settings;
  /** headers of columns a created sheet has after its own (adopting a register keeps its columns);
   *  `rows` then hold their cells after the sheet's own */
  readonly extraColumns?: Partial<Record<Exclude<SheetKey, 'settings'>, ReadonlyArray<string>>>;
}

function statusOf(loaded: LoadedWorkbook): WorkbookStatus {
  const sheets = ALL_SHEETS.map((def): SheetStatus => {
    const s = loaded.structured.get(def.key);
    if (!s) return { key: def.key, name: null, present: false, rows: 0, missingColumns: [] };
    return { key: def.key, name: s.summary.name, present: true, rows: s.read.records.length, missingColumns: s.missingColumns };
  });
  return {
    lang: loaded.lang,
    ready: sheets.every((s) => s.present && s.missingColumns.length === 0),
    sheets,
    otherSheets: loaded.otherSheets,
    generatedSheets: loaded.generatedSheets,
    problems: loaded.problems,
  };
}

export async function inspectWorkbook(wb: Workbook, opts: { lang?: Lang } = {}): Promise<WorkbookStatus> {
  return statusOf(await loadWorkbook(wb, opts));
}

function uniqueTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function setUpWorkbook(wb: Workbook, opts: SetupOptions = {}): Promise<SetupResult> {
  const loaded = await loadWorkbook(wb, { lang: opts.lang });
  const lang = opts.lang ?? loaded.lang;
  // A Settings sheet created now gets the defaults in the language of the sheets being created.
  const settings = opts.settings ?? (loaded.structured.has('settings') ? loaded.settings : defaultSettings(lang));

  // The dropdowns read the Settings lists through workbook names. They can point at a Settings
  // sheet we create now, or at one the workbook has, when it has the list's column.
  const existingNames = new Set((await wb.listNames()).map((n) => n.toLowerCase()));
  const settingsPresent = loaded.structured.get('settings');
  const settingsSheet = settingsPresent?.summary.name ?? sheetName(SETTINGS, lang);
  const namedLists = new Set<ListName>();
  const namesToAdd: Array<{ name: string; formula: string }> = [];
  for (const [list, { name, column: settingsColumn }] of Object.entries(SETTINGS_LISTS) as Array<[ListName, SettingsList]>) {
    let column: number | undefined;
    if (!settingsPresent) column = SETTINGS.columns.findIndex((c) => c.key === settingsColumn);
    else {
      const m = settingsPresent.read.columns.find((c) => c.def.key === settingsColumn);
      // A header row not at the top would shift the list: only the plain layout gets a name.
      if (m && settingsPresent.read.headerRow === 1) column = settingsPresent.read.firstColumn + m.index;
    }
    if (existingNames.has(name.toLowerCase())) namedLists.add(list);
    else if (column !== undefined && column >= 0) {
      namedLists.add(list);
      namesToAdd.push({ name, formula: listNameFormula(settingsSheet, column) });
    }
  }

  const takenTables = new Set(loaded.sheets.flatMap((s) => s.tables.map((t) => t.toLowerCase())));
  const toCreate: NewSheet[] = [];
  for (const def of ALL_SHEETS) {
    if (loaded.structured.has(def.key)) continue;
    const rows = def.key === 'settings' ? settingsRows(settings, lang) : (opts.rows?.[def.key] ?? []);
    const extra = def.key === 'settings' ? [] : (opts.extraColumns?.[def.key] ?? []);
    toCreate.push(sheetSpec(def, lang, settings, namedLists, rows, uniqueTableName(def.table, takenTables), extra));
  }
  // A sheet named like ours but in the other language counts as present; a clerk's sheet that
  // merely shares a name cannot exist here because names are unique per workbook.
  if (toCreate.length > 0) await wb.addSheets(toCreate, namesToAdd);
  else if (namesToAdd.length > 0) await wb.addNames(namesToAdd);

  const status = toCreate.length > 0 ? statusAfterCreate(statusOf(loaded), toCreate, lang) : statusOf(loaded);
  return { created: toCreate.map((s) => s.name), namesAdded: namesToAdd.map((n) => n.name), status };
}

// What we created we know without reading it back: a big sample need not be read twice.
function statusAfterCreate(before: WorkbookStatus, created: ReadonlyArray<NewSheet>, lang: Lang): WorkbookStatus {
  const sheets = before.sheets.map((s) => {
    const def = ALL_SHEETS.find((d) => d.key === s.key)!;
    const made = created.find((c) => c.name === sheetName(def, lang));
    if (s.present || !made) return s;
    const rows = made.rows.filter((r) => r.some((c) => c !== null && c !== '')).length;
    return { ...s, name: made.name, present: true, rows, missingColumns: [] };
  });
  return { ...before, ready: sheets.every((s) => s.present && s.missingColumns.length === 0), sheets };
}
