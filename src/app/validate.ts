// Validation, shared by every face: the whole workbook on demand, and live, the rows a clerk just
// changed. Validation marks; it never changes what a clerk typed.
import { Lang } from '../domain/enums';
import { describeProblem } from '../domain/messages';
import { FirstProblems, Problem, PROBLEM_LIST_CAP, ProblemCounts, sheetRank } from '../domain/problems';
import { unitsOf, validateAll, ValidationContext } from '../domain/rules';
import { ALL_SHEETS, SheetKey } from '../domain/schema';
import { settingsFromTable, SETTINGS_PROBLEM_CODES } from '../domain/settings';
import { readMoreRows, TableRead, TableRecord } from '../domain/table';
import { Cell } from '../domain/grid';
import { CellMark, MarkSet, Workbook } from '../workbook/types';
import { nowIso } from './clock';
import { LoadedWorkbook, loadWorkbook, requireSetUp } from './load';
import { parseAsOf } from './problem';

export interface LocatedProblem extends Problem {
  /** 0-based sheet column of the cell, or null for a problem of a whole sheet or a missing column */
  readonly col: number | null;
  /** the problem in words, in the report's language */
  readonly message: string;
}

export interface SheetProblems {
  readonly sheet: string;
  /** the sheet's problems listed (all of them, but past the report's cap) */
  readonly problems: ReadonlyArray<LocatedProblem>;
  /** the sheet's problems found, listed or not */
  readonly errors: number;
  readonly warnings: number;
}

export interface ValidationReport {
  readonly lang: Lang;
  /** wall-clock ISO time the checks were made against ("no time more than a day in the future") */
  readonly asOf: string;
  /** the problems listed (and marked): every one found, in reading order, up to `cap` */
  readonly problems: ReadonlyArray<LocatedProblem>;
  /** every problem found, listed or not */
  readonly errors: number;
  readonly warnings: number;
  /** problems found past the cap: counted in errors and warnings, not listed, not marked */
  readonly unlisted: number;
  /** how many problems a report lists at most (PROBLEM_LIST_CAP) */
  readonly cap: number;
  /** every sheet with a problem, in reading order */
  readonly bySheet: ReadonlyArray<SheetProblems>;
}

export interface ValidateOptions {
  readonly lang?: Lang;
  /** wall-clock ISO date-time; default now */
  readonly asOf?: string;
  /** mark the problems on the cells (the add-in's own marks; the clerk's formats untouched) */
  readonly mark?: boolean;
  /** how many problems to list and mark at most; default PROBLEM_LIST_CAP */
  readonly cap?: number;
}

type Reads = Partial<Record<SheetKey, TableRead>>;

function readsOf(loaded: LoadedWorkbook): Reads {
  const reads: Reads = {};
  for (const s of loaded.structured) reads[s.def.key] = s.read;
  return reads;
}

function locate(p: Problem, reads: Reads, lang: Lang): LocatedProblem {
  let col: number | null = null;
  if (p.column !== null) {
    const read = Object.values(reads).find((r) => r?.sheet === p.sheet);
    const m = read?.columns.find((c) => c.header === p.column);
    if (read && m) col = read.firstColumn + m.index;
  }
  return { ...p, col, message: describeProblem(p, lang) };
}

function report(
  listed: ReadonlyArray<LocatedProblem>,
  counts: ReadonlyMap<string, ProblemCounts>,
  sheetOrder: ReadonlyArray<string>,
  cap: number,
  lang: Lang,
  asOf: string,
): ValidationReport {
  const rank = sheetRank(sheetOrder);
  const sheets = [...counts.keys()].sort((a, b) => rank(a) - rank(b));
  const bySheet = sheets.map((sheet) => ({ sheet, problems: [] as LocatedProblem[], ...counts.get(sheet)! }));
  const at = new Map(bySheet.map((g) => [g.sheet, g]));
  for (const p of listed) at.get(p.sheet)!.problems.push(p);
  let errors = 0;
  let warnings = 0;
  for (const g of bySheet) {
    errors += g.errors;
    warnings += g.warnings;
  }
  return { lang, asOf, problems: listed, errors, warnings, unlisted: errors + warnings - listed.length, cap, bySheet };
}

/**
 * The marks of a sheet's problems, each tied to its row by the row's key cell (the ticket ID, the
 * unit) as read: a row without a record is blank (key empty) or the header row (its header).
 */
function marksOf(problems: ReadonlyArray<LocatedProblem>, read: TableRead): MarkSet {
  const keyIndex = read.keyColumn ?? 0;
  const keys = new Map<number, Cell>(read.records.map((r) => [r.row, r.key]));
  keys.set(read.headerRow, read.columns.find((c) => c.index === keyIndex)?.header ?? null);
  const byCell = new Map<string, CellMark>();
  for (const p of problems) {
    if (p.sheet !== read.sheet || p.row === null || p.col === null) continue;
    const at = `${p.row}:${p.col}`;
    // an error outranks a warning on the same cell
    if (!byCell.has(at) || p.severity === 'error') byCell.set(at, { row: p.row - 1, col: p.col, severity: p.severity, key: keys.get(p.row) ?? null });
  }
  return { keyCol: read.firstColumn + keyIndex, marks: [...byCell.values()] };
}

/** Everything one validation pass knows, kept by the live validator between edits. */
interface Pass {
  readonly lang: Lang;
  /** the workbook's own language, which its Settings are read in (load.ts) */
  readonly workbookLang: Lang;
  readonly asOf: string;
  readonly ctx: ValidationContext;
  readonly reads: Reads;
  readonly sheetOrder: ReadonlyArray<string>;
  /** problems of cells that did not convert, and of whole sheets, as found by reading */
  readonly readProblems: ReadonlyArray<Problem>;
  readonly cap: number;
  readonly report: ValidationReport;
}

function judge(base: Omit<Pass, 'report' | 'ctx'> & { ctx: Omit<ValidationContext, 'units'> }): Pass {
  const ctx: ValidationContext = { ...base.ctx, units: unitsOf(base.reads.customers) };
  // only the first `cap` are kept and put in words; the rest are counted
  const first = new FirstProblems<Problem>(base.sheetOrder, base.cap);
  for (const p of base.readProblems) first.add(p);
  validateAll(base.reads, ctx, (p) => first.add(p));
  const { problems, bySheet } = first.result();
  const located = problems.map((p) => locate(p, base.reads, base.lang));
  return { ...base, ctx, report: report(located, bySheet, base.sheetOrder, base.cap, base.lang, base.asOf) };
}

async function fullPass(wb: Workbook, opts: ValidateOptions): Promise<Pass> {
  const loaded = await loadWorkbook(wb, { lang: opts.lang });
  // "no problems" of a workbook with nothing to judge would mislead: it is not set up (NOT_SET_UP)
  requireSetUp(loaded);
  const lang = opts.lang ?? loaded.lang;
  const asOf = opts.asOf ?? nowIso();
  return judge({
    lang,
    workbookLang: loaded.lang,
    asOf,
    ctx: { settings: loaded.settings, asOf: parseAsOf(asOf), lang },
    reads: readsOf(loaded),
    sheetOrder: loaded.sheets.map((s) => s.name),
    readProblems: loaded.problems,
    cap: opts.cap ?? PROBLEM_LIST_CAP,
  });
}

/** Marks every structured sheet, Settings too (a parameter it does not know, a value that does not parse). */
async function markAll(wb: Workbook, pass: Pass): Promise<void> {
  for (const def of ALL_SHEETS) {
    const read = pass.reads[def.key];
    if (!read) continue;
    await wb.setMarks(read.sheet, marksOf(pass.report.problems, read));
  }
}

/** Validates the whole workbook: every cell that does not convert and every rule of the domain; a
 *  workbook without any structured sheet is turned down (NOT_SET_UP). */
export async function validateWorkbook(wb: Workbook, opts: ValidateOptions = {}): Promise<ValidationReport> {
  const pass = await fullPass(wb, opts);
  if (opts.mark) await markAll(wb, pass);
  return pass.report;
}

function rowsOfProblems(problems: ReadonlyArray<LocatedProblem>, sheet: string): Map<number, string> {
  // a row's problems as one comparable string, to see which rows' marks changed
  const rows = new Map<number, string>();
  for (const p of problems) {
    if (p.sheet !== sheet || p.row === null) continue;
    rows.set(p.row, `${rows.get(p.row) ?? ''}|${p.code}@${p.col}:${p.severity}`);
  }
  return rows;
}

/**
 * Live validation: starts from a full pass, then re-judges after each change from the changed rows
 * alone. Sheet-wide rules (duplicate IDs, units in the register) see the whole workbook as it is
 * known in memory, so a change is judged exactly as a full pass would judge it.
 */
export class LiveValidator {
  private constructor(private pass: Pass) {}

  static async start(wb: Workbook, opts: Omit<ValidateOptions, 'mark'> = {}): Promise<{ validator: LiveValidator; report: ValidationReport }> {
    const pass = await fullPass(wb, opts);
    await markAll(wb, pass);
    return { validator: new LiveValidator(pass), report: pass.report };
  }

  get report(): ValidationReport {
    return this.pass.report;
  }

  /**
   * Re-judges after a clerk changed `rows` (0-based sheet rows) of `sheet`: reads only those rows
   * (one read), updates the marks of the rows whose problems changed (one write per sheet whose
   * marks changed; normally only the edited one).
   */
  async onRowsChanged(wb: Workbook, sheet: string, rows: ReadonlyArray<number>, asOf?: string): Promise<ValidationReport> {
    const entry = (Object.entries(this.pass.reads) as Array<[SheetKey, TableRead]>).find(([, r]) => r.sheet === sheet);
    if (!entry) return this.pass.report;
    const [key, read] = entry;
    const dataRows = [...new Set(rows)].filter((r) => r >= read.headerRow).sort((a, b) => a - b);
    if (dataRows.length === 0) return this.pass.report;
    const got = await wb.readRows(sheet, dataRows);
    const fresh = readMoreRows(
      read,
      got.originCol,
      dataRows.map((r, i) => ({ row: r + 1, cells: got.rows[i] ?? [] })),
      this.pass.lang,
    );
    const changedRows = new Set(dataRows.map((r) => r + 1));
    const kept: TableRecord[] = read.records.filter((r) => !changedRows.has(r.row));
    const records = [...kept, ...fresh.records].sort((a, b) => a.row - b.row);
    const reads: Reads = { ...this.pass.reads, [key]: { ...read, records } };
    let readProblems = [
      ...this.pass.readProblems.filter((p) => p.sheet !== sheet || p.row === null || !changedRows.has(p.row)),
      ...fresh.problems,
    ];
    let settings = this.pass.ctx.settings;
    if (key === 'settings') {
      // a Settings edit is read as loading reads it: its problems (unknown names, bad values) again,
      // and the settings every sheet is judged by (a list the clerk extended, an SLA changed)
      const read = settingsFromTable(reads.settings as TableRead<'settings'>, this.pass.workbookLang);
      settings = read.settings;
      readProblems = [...readProblems.filter((p) => p.sheet !== sheet || !SETTINGS_PROBLEM_CODES.includes(p.code)), ...read.problems];
    }
    const before = this.pass.report;
    const asOfText = asOf ?? this.pass.asOf;
    this.pass = judge({ ...this.pass, asOf: asOfText, ctx: { ...this.pass.ctx, settings, asOf: parseAsOf(asOfText) }, reads, readProblems });
    const after = this.pass.report;

    for (const r of Object.values(reads)) {
      if (!r) continue;
      const old = rowsOfProblems(before.problems, r.sheet);
      const now = rowsOfProblems(after.problems, r.sheet);
      const scope = new Set<number>(r.sheet === sheet ? [...changedRows] : []);
      for (const row of new Set([...old.keys(), ...now.keys()])) if (old.get(row) !== now.get(row)) scope.add(row);
      if (scope.size === 0) continue;
      const inScope = after.problems.filter((p) => p.row !== null && scope.has(p.row));
      await wb.setMarks(r.sheet, marksOf(inScope, r), { rows: [...scope].map((row) => row - 1) });
    }
    return after;
  }
}
