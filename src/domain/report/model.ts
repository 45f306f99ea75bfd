// Report models (issue 5): plain data for the daily tally, the weekly summary and the month-end and
// quarterly analysis, built by arranging the KPI registry over a period, its previous period (环比)
// and a trend — no formula lives here. The sheet renderer, the task pane and `--json` all read it.
import { Lang } from '../enums';
import { asOfDay, asOfFor, Period, PeriodKind, periodContaining, periodsEndingWith, previousPeriod } from '../periods';
import { Settings } from '../settings';
import { TableRead } from '../table';
import { formatWallIso, WallTime } from '../time';
import {
  CHARGE_KPIS,
  ChargeBook,
  chargeBook,
  ChargeKpis,
  computeAll,
  COVERAGE_KPIS,
  CoverageKpis,
  jsonOf,
  KpiValues,
  openTickets,
  overdueTickets,
  Rate,
  rateOf,
  TICKET_KPIS,
  TicketBook,
  ticketBook,
  TicketKpis,
  TicketListEntry,
} from '../kpi';
import { onTimeByDepartment, onTimeResolution } from '../kpi/timeliness';
import { received, resolved } from '../kpi/volume';
import { PlanCall, planCalls, planProgress, PlanRead } from '../callbackPlan';
import { chargeFacts, CustomerFacts, customerFacts, ticketFacts } from '../records';

export type TicketBlock = KpiValues<TicketKpis>;
export type ChargeBlock = KpiValues<ChargeKpis>;

/** One period as known at its as-of; the coverage KPIs sit on the block itself. */
export interface PeriodBlock extends KpiValues<CoverageKpis> {
  readonly period: Period;
  readonly asOf: WallTime;
  /** the calendar day of the last moment before as-of: charges are judged at its end */
  readonly asOfDay: WallTime;
  readonly tickets: TicketBlock;
  readonly charges: ChargeBlock;
}

export interface TrendPoint {
  readonly label: string;
  readonly period: Period;
  readonly received: number;
  readonly resolved: number;
  readonly onTimeResolution: Rate;
}

export interface ReportModel extends PeriodBlock {
  readonly kind: PeriodKind;
  readonly lang: Lang;
  readonly center: string;
  readonly generatedAt: WallTime;
  /** tickets open at as-of, most late first */
  readonly open: ReadonlyArray<TicketListEntry>;
  /** the open tickets past a deadline, most late first */
  readonly overdue: ReadonlyArray<TicketListEntry>;
  /** weekly: the last 8 weeks; monthly and quarterly: the last 12 months; daily: the last 7 days — oldest first, ending with this period */
  readonly trend: ReadonlyArray<TrendPoint>;
  /** the previous period (环比), as of its own end */
  readonly previous: PeriodBlock;
  /** no ticket at all in the period: none received or resolved in it, none open at its as-of (本期无工单) */
  readonly empty: boolean;
  /** a quarterly report whose quarter has a 回访计划 sheet: its progress at as-of; absent otherwise */
  readonly callbackPlan?: CallbackPlanProgress;
  /** a monthly report: on-time resolution by department and week of the month; absent otherwise */
  readonly onTimeResolutionByWeek?: DepartmentWeeks;
}

/**
 * On-time resolution by department and by week of a month (the weeks of the center's week start
 * that overlap the month, each cut to the month; weeks not begun by as-of left out), every cell as
 * of the report's as-of, over the tickets received in that part of the month. The weeks partition
 * the month, so a department's weeks add up to its figure in onTimeByDepartment, and a week's
 * departments to the week's `total`.
 */
export interface DepartmentWeeks {
  readonly weeks: ReadonlyArray<Period>;
  /** each department of onTimeByDepartment, one rate per week */
  readonly byDepartment: Readonly<Record<string, ReadonlyArray<Rate>>>;
  readonly total: ReadonlyArray<Rate>;
}

/** A quarter's callback plan at the report's as-of: households on it, those called back by then. */
export interface CallbackPlanProgress {
  readonly sheet: string;
  readonly planned: number;
  /** called back by the as-of day / planned */
  readonly called: Rate;
}

export interface ReportData {
  readonly tickets?: TableRead;
  readonly charges?: TableRead;
  readonly customers?: TableRead;
  readonly reminders?: TableRead;
  /** the workbook's 回访计划 sheets, read back (calls recorded on them count in 回访覆盖率) */
  readonly plans?: ReadonlyArray<PlanRead>;
}

export interface ReportOptions {
  /** now, or --as-of: the report's as-of is asOfFor(period, now) */
  readonly now: WallTime;
  readonly generatedAt: WallTime;
  readonly lang: Lang;
}

// ---- prepared data, shared by every report built from the same reads ------------------------------
// The CLI and the task pane build several reports from one read of the workbook: the facts and the
// SLA clocks are worked out once per read and settings.

const ticketBooks = new WeakMap<TableRead, WeakMap<Settings, TicketBook>>();
const chargeBooks = new WeakMap<TableRead, ChargeBook>();
const customerLists = new WeakMap<TableRead, CustomerFacts[]>();
const emptyBooks = new WeakMap<Settings, TicketBook>();
const NO_CHARGES: ChargeBook = chargeBook([]);

function ticketsOf(read: TableRead | undefined, settings: Settings, lang: Lang): TicketBook {
  if (!read) {
    let b = emptyBooks.get(settings);
    if (!b) emptyBooks.set(settings, (b = ticketBook([], lang, settings)));
    return b;
  }
  let bySettings = ticketBooks.get(read);
  if (!bySettings) ticketBooks.set(read, (bySettings = new WeakMap()));
  let b = bySettings.get(settings);
  if (!b) bySettings.set(settings, (b = ticketBook(ticketFacts(read), read.lang, settings)));
  return b;
}

function chargesOf(read: TableRead | undefined): ChargeBook {
  if (!read) return NO_CHARGES;
  let b = chargeBooks.get(read);
  if (!b) chargeBooks.set(read, (b = chargeBook(chargeFacts(read))));
  return b;
}

function customersOf(read: TableRead | undefined): CustomerFacts[] {
  if (!read) return [];
  let c = customerLists.get(read);
  if (!c) customerLists.set(read, (c = customerFacts(read)));
  return c;
}

// ---- the model ------------------------------------------------------------------------------------

interface Books {
  readonly tickets: TicketBook;
  readonly charges: ChargeBook;
  readonly customers: ReadonlyArray<CustomerFacts>;
  readonly planCalls: ReadonlyArray<PlanCall>;
}

function periodBlock(period: Period, asOf: WallTime, books: Books, settings: Settings): PeriodBlock {
  const w = { period, asOf, settings };
  return {
    period,
    asOf,
    asOfDay: asOfDay(asOf),
    tickets: computeAll(TICKET_KPIS, { ...w, book: books.tickets }),
    charges: computeAll(CHARGE_KPIS, { ...w, charges: books.charges }),
    ...computeAll(COVERAGE_KPIS, { ...w, book: books.tickets, customers: books.customers, planCalls: books.planCalls }),
  };
}

/** The periods of a report's trend chart, oldest first, ending with the report's period. */
export function trendPeriods(period: Period, settings: Settings): Period[] {
  switch (period.kind) {
    case 'daily':
      return periodsEndingWith(period, 7, settings);
    case 'weekly':
      return periodsEndingWith(period, 8, settings);
    case 'monthly':
      return periodsEndingWith(period, 12, settings);
    case 'quarterly':
      return periodsEndingWith(periodContaining('monthly', period.end - 1, settings), 12, settings);
  }
}

/** A report of `kind` for `period`, as of asOfFor(period, opts.now); previous period as of its end. */
export function buildReport(kind: PeriodKind, period: Period, data: ReportData, settings: Settings, opts: ReportOptions): ReportModel {
  const books: Books = {
    tickets: ticketsOf(data.tickets, settings, opts.lang),
    charges: chargesOf(data.charges),
    customers: customersOf(data.customers),
    planCalls: planCalls(data.plans ?? []),
  };
  const asOf = asOfFor(period, opts.now);
  const current = periodBlock(period, asOf, books, settings);
  const before = previousPeriod(period, settings);
  const previous = periodBlock(before, asOfFor(before, opts.now), books, settings);
  const open = openTickets({ period, asOf, settings, book: books.tickets });
  const trend = trendPeriods(period, settings).map((p): TrendPoint => {
    const w = { period: p, asOf: asOfFor(p, asOf), settings, book: books.tickets };
    return { label: p.label, period: p, received: received(w), resolved: resolved(w), onTimeResolution: onTimeResolution(w) };
  });
  return {
    ...current,
    kind,
    lang: opts.lang,
    center: settings.centerName,
    generatedAt: opts.generatedAt,
    open,
    overdue: overdueTickets(open),
    trend,
    previous,
    empty: current.tickets.received === 0 && current.tickets.resolved === 0 && current.tickets.backlog === 0,
    ...planOf(kind, period, data.plans, current.asOfDay),
    ...(kind === 'monthly' ? { onTimeResolutionByWeek: departmentWeeks(period, asOf, settings, books.tickets, Object.keys(current.tickets.onTimeByDepartment)) } : {}),
  };
}

/** The weeks of a month as DepartmentWeeks has them: each cut to the month, those begun by as-of. */
export function weeksOfMonth(month: Period, asOf: WallTime, settings: Settings): Period[] {
  const weeks: Period[] = [];
  for (let p = periodContaining('weekly', month.start, settings); p.start < month.end && Math.max(p.start, month.start) < asOf; p = periodContaining('weekly', p.end, settings)) {
    weeks.push({ ...p, start: Math.max(p.start, month.start), end: Math.min(p.end, month.end) });
  }
  return weeks;
}

function departmentWeeks(month: Period, asOf: WallTime, settings: Settings, book: TicketBook, departments: ReadonlyArray<string>): DepartmentWeeks {
  const weeks = weeksOfMonth(month, asOf, settings);
  const windows = weeks.map((period) => ({ period, asOf, settings, book }));
  const perWeek = windows.map((w) => onTimeByDepartment(w));
  const byDepartment: Record<string, Rate[]> = {};
  for (const d of departments) byDepartment[d] = perWeek.map((x) => x[d]?.resolution ?? rateOf(0, 0));
  return { weeks, byDepartment, total: windows.map((w) => onTimeResolution(w)) };
}

/** The progress of the quarter's own plan sheet, for a quarterly report (the first, should a quarter
 *  have one in each language). */
function planOf(kind: PeriodKind, period: Period, plans: ReadonlyArray<PlanRead> | undefined, day: WallTime): { callbackPlan?: CallbackPlanProgress } {
  const plan = kind === 'quarterly' ? plans?.find((p) => `${p.year}-Q${p.quarter}` === period.label) : undefined;
  if (!plan) return {};
  const { planned, called } = planProgress(plan, day);
  return { callbackPlan: { sheet: plan.sheet, planned, called: rateOf(called, planned) } };
}

// ---- --json ---------------------------------------------------------------------------------------

function iso(t: WallTime): string;
function iso(t: WallTime | null): string | null;
function iso(t: WallTime | null): string | null {
  return t === null ? null : formatWallIso(t);
}

function periodJson(p: Period) {
  return { kind: p.kind, label: p.label, start: iso(p.start), end: iso(p.end) };
}

// every KPI block is written key by key in its registry's order (the catalogue's keys are the JSON's)
function blockJson(b: PeriodBlock) {
  return {
    period: periodJson(b.period),
    asOf: iso(b.asOf),
    asOfDay: iso(b.asOfDay),
    tickets: jsonOf(TICKET_KPIS, b.tickets),
    charges: jsonOf(CHARGE_KPIS, b.charges),
    ...jsonOf(COVERAGE_KPIS, b),
  };
}

function entryJson(e: TicketListEntry) {
  return {
    id: e.id,
    row: e.row,
    received: iso(e.receivedAt),
    type: e.type,
    category: e.category,
    unit: e.unit,
    department: e.department,
    status: e.status,
    progress: e.progress,
    deadline: iso(e.deadline),
    deadlineFor: e.deadlineFor,
    onHold: e.onHold,
    hoursLate: e.hoursLate,
  };
}

/** The `--json` shape: wall times as zone-less ISO text, money in integer cents, rates unrounded.
 *  `empty: true` only for a period without any ticket (ReportModel.empty); absent otherwise. */
export function reportJson(model: ReportModel) {
  const { period, asOf, asOfDay: day, tickets, charges, ...coverage } = blockJson(model);
  const empty: { empty?: true } = model.empty ? { empty: true } : {};
  const plan: { callbackPlan?: CallbackPlanProgress } = model.callbackPlan ? { callbackPlan: model.callbackPlan } : {};
  const weeks = model.onTimeResolutionByWeek;
  const byWeek: { onTimeResolutionByWeek?: { weeks: ReturnType<typeof periodJson>[]; byDepartment: DepartmentWeeks['byDepartment']; total: DepartmentWeeks['total'] } } = weeks ? { onTimeResolutionByWeek: { weeks: weeks.weeks.map(periodJson), byDepartment: weeks.byDepartment, total: weeks.total } } : {};
  return {
    center: model.center,
    lang: model.lang,
    period,
    ...empty,
    asOf,
    asOfDay: day,
    generatedAt: iso(model.generatedAt),
    tickets,
    open: model.open.map(entryJson),
    overdue: model.overdue.map(entryJson),
    charges,
    ...coverage,
    ...plan,
    ...byWeek,
    trend: model.trend.map((p) => ({ label: p.label, received: p.received, resolved: p.resolved, onTimeResolution: p.onTimeResolution })),
    previous: blockJson(model.previous),
  };
}

/** The `--json` shape, as the model writes it: the one type the sheet renderer and the pane read. */
export type ReportJson = ReturnType<typeof reportJson>;
/** A period block of it: the report's previous period (the report itself has the same KPI blocks). */
export type PeriodJson = ReportJson['previous'];
