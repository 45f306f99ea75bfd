// Reports, shared by every face: read the workbook once, build the report model in the domain,
// write it as a sheet (replacing only that sheet) and hand the same model to JSON and the pane.
import { Lang } from '../domain/enums';
import { defaultPeriod, parsePeriod, Period, periodContaining, PeriodKind, previousPeriod } from '../domain/periods';
import { buildReport, ReportJson, ReportModel, reportJson } from '../domain/report/model';
import { SheetKey } from '../domain/schema';
import { formatWall, WallTime } from '../domain/time';
import { Workbook } from '../workbook/types';
import { readPlanSheets } from './callbackPlan';
import { nowIso } from './clock';
import { writeGenerated } from './generated';
import { loadWorkbook, LoadedWorkbook, readyTickets } from './load';
import { crossTabSheet, KPI_PIVOTS, kpiSheetName } from './pivots';
import { parseAsOf, UseCaseProblem } from './problem';
import { renderReport, reportSheetName } from './reportSheet';

export interface ReportRequest {
  readonly kind: PeriodKind;
  /** a period label (2026-11-24, 2026-W48, 2026-11, 2026-Q4); default: defaultPeriod (domain/periods.ts),
   *  the same for every face: today; this week from its Friday, else last week; the month or quarter just ended */
  readonly period?: string;
  /** wall-clock ISO "now"; default the machine's */
  readonly asOf?: string;
  /** the report's language; default the Settings' 报表语言 (Report language), itself by default the workbook's */
  readonly lang?: Lang;
  /** write the report sheet into the workbook */
  readonly write?: boolean;
  /** wall-clock ISO time printed as "generated at"; default now (fixed, a regenerated report is identical) */
  readonly generatedAt?: string;
}

export interface ReportResult {
  readonly model: ReportModel;
  readonly json: ReportJson;
  readonly period: Period;
  readonly sheetName: string;
  /** a clerk's sheet of the sheet's own name, left as it was (the sheet went to sheetName, `NAME (2)`…) */
  readonly keptSheet: string | null;
  readonly written: boolean;
  /** cells that could not be read: those rows count without the unreadable values (see validate) */
  readonly unreadableCells: number;
}

/** A request that cannot be met: a bad period label or as-of, a period not begun, or a ticket sheet
 *  missing or not ready (the use cases' one shape of refusal, app/problem.ts). */
export class ReportProblem extends UseCaseProblem {}

function wallOf(iso: string): WallTime {
  return parseAsOf(iso);
}

function dataOf(loaded: LoadedWorkbook) {
  const read = (k: SheetKey) => loaded.structured.get(k)?.read;
  return { tickets: read('tickets'), charges: read('charges'), customers: read('customers'), reminders: read('reminders') };
}

function pickPeriod(req: ReportRequest, loaded: LoadedWorkbook, now: WallTime): Period {
  if (!req.period) return defaultPeriod(req.kind, now, loaded.settings);
  const p = parsePeriod(req.kind, req.period, loaded.settings);
  if (!p) throw new ReportProblem('BAD_PERIOD', { period: req.period });
  // a period not begun has nothing to count yet: an all-zero report would look like a quiet one
  if (p.start > now) throw new ReportProblem('FUTURE_PERIOD', { period: p.label, asOf: formatWall(now, true) });
  return p;
}

export async function runReport(wb: Workbook, req: ReportRequest): Promise<ReportResult> {
  const loaded = await loadWorkbook(wb, { lang: req.lang });
  // the language asked for, else the Settings' 报表语言 (which defaults to the workbook's language)
  const lang = req.lang ?? loaded.settings.reportLang;
  const now = wallOf(req.asOf ?? nowIso());
  const generatedAt = wallOf(req.generatedAt ?? nowIso());
  readyTickets(loaded);
  const period = pickPeriod(req, loaded, now);
  // the callback plans: calls recorded on them count in 回访覆盖率; a quarter's own shows its progress
  const data = { ...dataOf(loaded), plans: await readPlanSheets(wb, loaded, lang) };
  const model = buildReport(req.kind, period, data, loaded.settings, { now, generatedAt, lang });
  const json = reportJson(model);
  const sheet = renderReport(json, lang);
  const { sheetName, keptSheet } = await writeGenerated(wb, sheet, req.write, loaded.sheets);
  const unreadableCells = loaded.problems.filter((p) => p.row !== null).length;
  return { model, json, period, sheetName, keptSheet, written: !!req.write, unreadableCells };
}

/** The periods the pane offers: the default and recent ones, newest first. */
export async function reportPeriods(wb: Workbook, now?: string): Promise<Record<PeriodKind, { default: string; choices: string[] }>> {
  const loaded = await loadWorkbook(wb);
  const t = wallOf(now ?? nowIso());
  const counts: Record<PeriodKind, number> = { daily: 14, weekly: 12, monthly: 12, quarterly: 8 };
  const out = {} as Record<PeriodKind, { default: string; choices: string[] }>;
  for (const kind of Object.keys(counts) as PeriodKind[]) {
    const choices: string[] = [];
    for (let p = periodContaining(kind, t, loaded.settings), i = 0; i < counts[kind]; i++, p = previousPeriod(p, loaded.settings)) choices.push(p.label);
    const def = defaultPeriod(kind, t, loaded.settings).label;
    out[kind] = { default: def, choices: choices.includes(def) ? choices : [def, ...choices] };
  }
  return out;
}

/** KPI pivots: real PivotTables on the ticket table in Excel; the same cross-tabs as values in files. */
export async function writeKpiPivots(wb: Workbook, opts: { lang?: Lang } = {}): Promise<{ sheet: string; keptSheet: string | null; pivots: boolean; lang: Lang }> {
  const loaded = await loadWorkbook(wb, { lang: opts.lang });
  const lang = opts.lang ?? loaded.settings.reportLang;
  const tickets = readyTickets(loaded);
  const sheet = kpiSheetName(lang);
  const table = tickets.summary.tables[0];
  const lists = { category: loaded.settings.categories, department: loaded.settings.departments };
  if (wb.capabilities.pivots && table) {
    // Excel orders a PivotTable's items itself (Office.js cannot place them): only the values sheet follows the Settings
    // a clerk's sheet called KPI is kept: the pivots go to KPI (2), … (and say so)
    const written = await wb.writePivots(sheet, KPI_PIVOTS(tickets.read, table, lang));
    await wb.writeReport(crossTabSheet(tickets.read, lang, lists, 'valuesOnly'));
    return { sheet: written, keptSheet: written === sheet ? null : sheet, pivots: true, lang };
  }
  const values = await writeGenerated(wb, crossTabSheet(tickets.read, lang, lists), true);
  return { sheet: values.sheetName, keptSheet: values.keptSheet, pivots: false, lang };
}

export { reportSheetName };
/** The KPI catalogue, for the faces: names, formats, which KPIs are tiles (the pane loads it with this module). */
export { KPI_CATALOGUE } from '../domain/kpi';
