// The quarterly callback plan, shared by every face: read the workbook once (the customer register,
// the tickets, the plan sheets already there), choose the quarter's households in the domain
// (domain/callbackPlan.ts), write the plan as its sheet (replacing only that sheet) and hand the same
// plan to JSON.
//
// A plan on which clerks have started recording calls is not made again: the request is turned down
// (PLAN_STARTED), unless `force`, and then the rows with something recorded stay as they are (their
// cells as typed) and only the others are chosen again. A plan nobody has written on is the add-in's
// own output and is simply made again.
import { CallbackPlan, planCallbacks, planJson, PlanJson, planProgress, PlanRead, PlanRow, readPlanGrid } from '../domain/callbackPlan';
import { householdsOn } from '../domain/households';
import { Lang } from '../domain/enums';
import { asOfDay, parsePeriod, periodContaining } from '../domain/periods';
import { Problem } from '../domain/problems';
import { customerFacts, ticketFacts } from '../domain/records';
import { CUSTOMERS, header } from '../domain/schema';
import { ReportSheet, Workbook } from '../workbook/types';
import { planTitle, renderPlan } from './callbackPlanSheet';
import { sameTitle } from '../workbook/generated';
import { writeGenerated } from './generated';
import { headerExamples, loadWorkbook, LoadedSheet, LoadedWorkbook } from './load';
import { parseAsOf, UseCaseProblem } from './problem';
import { planSheetName, planSheetQuarter } from './reportNames';
import { HEADER_SEARCH_ROWS } from '../domain/table';

export interface CallbackPlanRequest {
  /** 2026-Q4; default: the quarter of the as-of */
  readonly quarter?: string;
  /** wall-clock ISO "now"; default the machine's */
  readonly asOf?: string;
  readonly lang?: Lang;
  /** write the plan sheet into the workbook */
  readonly write?: boolean;
  /** make a started plan again: rows with a call recorded are kept as they are, the others chosen again */
  readonly force?: boolean;
}

export interface CallbackPlanResult {
  readonly plan: CallbackPlan;
  readonly json: PlanJson & { readonly sheet: string };
  readonly sheetName: string;
  /** a clerk's sheet of the sheet's own name, left as it was (the sheet went to sheetName, `NAME (2)`…) */
  readonly keptSheet: string | null;
  /** the plan sheet as written (or as it would be, without `write`) */
  readonly sheet: ReportSheet;
  /** the language the plan sheet is written in */
  readonly lang: Lang;
  readonly written: boolean;
  /** rows kept as they were (force on a started plan) */
  readonly kept: number;
  /** cells of this year's plan sheets that could not be read (a 回访日期 that is no date, …) */
  readonly planProblems: ReadonlyArray<Problem>;
  /** cells of the data sheets that could not be read: those rows count without the unreadable values */
  readonly unreadableCells: number;
}

/**
 * The workbook's callback plan sheets, read back, in workbook order (no read at all when there are
 * none): the sheets named for a quarter's plan (`回访计划 2026-Q4`, or `回访计划 2026-Q4 (2)` where a
 * clerk's sheet held the name) that carry the add-in's marker. A sheet of such a name without it is
 * the clerk's and is not read as a plan — unless a version before the marker wrote it: a sheet
 * without a table whose A1 is the plan's own title (the centre and the sheet's name, planTitle), the
 * rule writeReport replaces such a sheet by (workbook/generated.ts, sameTitle).
 */
export async function readPlanSheets(wb: Workbook, loaded: LoadedWorkbook, lang: Lang): Promise<PlanRead[]> {
  const named = loaded.sheets.filter((s) => planSheetQuarter(s.name) !== undefined && (s.generated || s.tables.length === 0));
  if (named.length === 0) return [];
  const grids = await wb.readSheets(named.map((s) => s.name));
  return named.flatMap((s) => {
    const grid = grids.find((g) => g.name === s.name);
    if (!grid) return [];
    const title = grid.originRow === 0 && grid.originCol === 0 ? grid.rows[0]?.[0] : undefined;
    if (!s.generated && !sameTitle(title, planTitle(s.name, loaded.settings.centerName))) return [];
    const q = planSheetQuarter(s.name)!;
    return [readPlanGrid(grid, { year: q.year, quarter: q.quarter }, lang)];
  });
}

/** The customer sheet, ready for a plan: present, with its header row, 房号 and 状态; else turned down
 *  naming what is missing, as a report is without its ticket sheet. */
function readyCustomers(loaded: LoadedWorkbook): LoadedSheet<'customers'> {
  const s = loaded.structured.get('customers');
  if (!s) throw new UseCaseProblem('NO_CUSTOMERS', { sheets: loaded.sheets.map((x) => x.name) });
  if (s.read.columns.length === 0) throw new UseCaseProblem('NO_HEADER', { sheet: s.summary.name, rows: HEADER_SEARCH_ROWS, examples: headerExamples(s.def, s.lang) });
  // without 状态 nobody is a household: a plan of nobody would look like a finished year
  const occupancy = CUSTOMERS.columns.find((c) => c.key === 'occupancy')!;
  const missing = [...s.missingColumns, ...(s.read.columns.some((c) => c.def.key === 'occupancy') ? [] : [header(occupancy, s.lang)])];
  if (missing.length > 0) throw new UseCaseProblem('MISSING_COLUMNS', { sheet: s.summary.name, columns: missing });
  return s;
}

export async function runCallbackPlan(wb: Workbook, req: CallbackPlanRequest): Promise<CallbackPlanResult> {
  const loaded = await loadWorkbook(wb, { lang: req.lang });
  const msgLang = req.lang ?? loaded.lang;
  const asOf = parseAsOf(req.asOf);
  const period = req.quarter === undefined ? periodContaining('quarterly', asOf, loaded.settings) : parsePeriod('quarterly', req.quarter, loaded.settings);
  if (!period) throw new UseCaseProblem('BAD_PERIOD', { period: req.quarter ?? '' });
  const [year, quarter] = period.label.split('-Q').map(Number);
  const customers = readyCustomers(loaded);

  const plans = (await readPlanSheets(wb, loaded, msgLang)).filter((p) => p.year === year);
  const own = plans.filter((p) => p.quarter === quarter);
  const existing = own[0] as PlanRead | undefined;
  const recorded = existing ? existing.rows.filter((r) => r.recorded) : [];
  if (existing && recorded.length > 0 && !req.force) {
    throw new UseCaseProblem('PLAN_STARTED', { sheet: existing.sheet, recorded: recorded.length, planned: existing.rows.length });
  }
  const plan = planCallbacks({
    year,
    quarter,
    asOf,
    share: loaded.settings.callbackShare,
    customers: customerFacts(customers.read),
    tickets: ticketFacts(loaded.structured.get('tickets')?.read),
    // a second sheet for the same quarter (one in each language) counts as planned elsewhere
    otherPlans: plans.filter((p) => p !== existing),
    kept: recorded,
  });
  const lang = existing ? planSheetQuarter(existing.sheet)!.lang : (req.lang ?? loaded.lang);
  // titled with the plan's own name, written where the plan stands (`(2)` when a clerk's sheet holds the name)
  const rendered = renderPlan(plan, { name: planSheetName(period.label, lang), lang, center: loaded.settings.centerName, period });
  const sheet = existing ? { ...rendered, name: existing.sheet } : rendered;
  const { sheetName, keptSheet } = await writeGenerated(wb, sheet, req.write, loaded.sheets);
  return {
    plan,
    json: { ...planJson(plan), sheet: sheetName, ...(keptSheet ? { keptSheet } : {}) },
    sheetName,
    keptSheet,
    sheet,
    lang,
    written: !!req.write,
    kept: recorded.length,
    planProblems: plans.flatMap((p) => p.problems),
    unreadableCells: loaded.problems.filter((p) => p.row !== null).length,
  };
}

/** One quarter's plan sheet as it stands: households on it, and those with a call recorded by the as-of day. */
export interface QuarterProgress {
  /** 2026-Q4 */
  readonly quarter: string;
  readonly sheet: string;
  readonly planned: number;
  readonly called: number;
}

/** A household on the current quarter's plan with no call recorded yet, for the clerk to call next. */
export interface UncalledHousehold {
  readonly row: number;
  readonly unit: string;
  readonly building: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly reason: PlanRow['reason'];
}

export interface CallbackPlanStatus {
  /** the quarter of the as-of */
  readonly quarter: string;
  /** households on the as-of day (the customer register; 0 without one) */
  readonly occupied: number;
  /** of them, on one of this year's plan sheets */
  readonly plannedThisYear: number;
  /** 每季回访比例 */
  readonly share: number;
  /** this year's plan sheets, by quarter */
  readonly quarters: ReadonlyArray<QuarterProgress>;
  /** the as-of quarter's own plan; null when it has none yet */
  readonly current: (QuarterProgress & { readonly uncalled: ReadonlyArray<UncalledHousehold> }) | null;
  /** cells of the plan sheets that could not be read */
  readonly planProblems: ReadonlyArray<Problem>;
}

/**
 * Where the callback plans of the as-of's year stand, without planning anything: each quarter's plan
 * sheet with its calls recorded by the as-of day, and who on the current quarter's plan is still to
 * be called. Reads the workbook once; writes nothing.
 */
export async function callbackPlanStatus(wb: Workbook, req: { asOf?: string; lang?: Lang } = {}): Promise<CallbackPlanStatus> {
  const loaded = await loadWorkbook(wb, { lang: req.lang });
  const asOf = parseAsOf(req.asOf);
  const period = periodContaining('quarterly', asOf, loaded.settings);
  const [year, quarter] = period.label.split('-Q').map(Number);
  const day = asOfDay(asOf);
  const plans = (await readPlanSheets(wb, loaded, req.lang ?? loaded.lang)).filter((p) => p.year === year).sort((a, b) => a.quarter - b.quarter);
  const progressOf = (p: PlanRead): QuarterProgress => ({ quarter: `${p.year}-Q${p.quarter}`, sheet: p.sheet, ...planProgress(p, day) });
  const own = plans.find((p) => p.quarter === quarter);
  const customers = loaded.structured.get('customers');
  const households = customers ? householdsOn(customerFacts(customers.read), day) : [];
  const onPlans = new Set(plans.flatMap((p) => p.rows.map((r) => r.unit)));
  const uncalled = own
    ? own.rows.filter((r) => r.calledAt === null || r.calledAt > day).map((r) => ({ row: r.row, unit: r.unit, building: r.building, name: r.name, phone: r.phone, reason: r.reason }))
    : [];
  return {
    quarter: period.label,
    occupied: households.length,
    plannedThisYear: households.filter((h) => onPlans.has(h.unit)).length,
    share: loaded.settings.callbackShare,
    quarters: plans.map(progressOf),
    current: own ? { ...progressOf(own), uncalled } : null,
    planProblems: plans.flatMap((p) => p.problems),
  };
}
