// The quarterly callback plan (回访计划, docs/reports.md "Callback plan"): "each quarter, call back 25 %
// of households, never the same one twice". Which households a quarter's plan lists, and the plan
// sheets read back — the households already planned this year, and the calls the clerks recorded on
// them, which 回访覆盖率 counts (kpi/callbacks.ts).
//
// A plan picks, among this year's households not yet on a plan sheet of the year:
//   1. the quota: ceil(每季回访比例 × households), raised to ceil(remaining / quarters left) when that
//      is more, so that Q4 plans whoever is left and four quarters plan every household once;
//   2. first the units with a complaint or a repair received in the 90 days up to the as-of, the most
//      recent first;
//   3. then the rest spread over the buildings in proportion to what each has left (largest
//      remainders), in each building in an order fixed by the year and the unit (a hash: the same
//      workbook gives the same plan, and a household moving in does not reshuffle the others).
import { Value, convertCell } from './cells';
import { Lang } from './enums';
import type { Cell, SheetGrid } from './grid';
import { householdsOn } from './households';
import { CellProblem, cellProblem, Problem, sheetProblem } from './problems';
import { asOfDay } from './periods';
import { CustomerFacts, TicketFacts } from './records';
import { ColumnDef, normalizeHeader } from './schema';
import { HEADER_SEARCH_ROWS } from './table';
import { formatWallIso, MS_PER_DAY, WallTime } from './time';

/** Why a household is on the plan: a complaint or repair in the last 90 days, or spread over buildings. */
export type PlanReason = 'recent' | 'spread';

export const RECENT_DAYS = 90;

/** The reason as written in the plan sheet's 计划原因 column (and read back). */
export const PLAN_REASONS: Readonly<Record<PlanReason, Readonly<Record<Lang, string>>>> = {
  recent: { zh: `近 ${RECENT_DAYS} 天有投诉或报修`, en: `Complaint or repair in the last ${RECENT_DAYS} days` },
  spread: { zh: '按楼栋均衡抽取', en: 'Spread over buildings' },
};

export type PlanColumnKey = 'unit' | 'building' | 'name' | 'phone' | 'reason' | 'lastTicket' | 'calledAt' | 'calledBy' | 'satisfaction' | 'notes';

/** The columns of a plan sheet: who to call, then the four the clerk records the call in. Their
 *  headers are the ticket sheet's where the fact is the same (回访人, 满意度, 回访意见). */
export const PLAN_COLUMNS: ReadonlyArray<ColumnDef<PlanColumnKey>> = [
  { key: 'unit', zh: '房号', en: 'Unit', kind: { type: 'text' }, width: 10 },
  { key: 'building', zh: '楼栋', en: 'Building', kind: { type: 'text' }, width: 8 },
  { key: 'name', zh: '客户姓名', en: 'Name', kind: { type: 'text' }, width: 12 },
  { key: 'phone', zh: '电话', en: 'Phone', kind: { type: 'phone' }, width: 14 },
  { key: 'reason', zh: '计划原因', en: 'Why planned', kind: { type: 'text' }, width: 20 },
  { key: 'lastTicket', zh: '最近投诉或报修', en: 'Last complaint or repair', kind: { type: 'date' }, width: 13 },
  { key: 'calledAt', zh: '回访日期', en: 'Callback date', kind: { type: 'date' }, width: 12 },
  { key: 'calledBy', zh: '回访人', en: 'Callback by', kind: { type: 'text' }, width: 10 },
  { key: 'satisfaction', zh: '满意度', en: 'Satisfaction', kind: { type: 'enum', enum: 'satisfaction' }, width: 10 },
  { key: 'notes', zh: '回访意见', en: 'Callback notes', kind: { type: 'text' }, width: 30 },
];

/** The columns the clerk records a call in. */
export const RECORD_KEYS = ['calledAt', 'calledBy', 'satisfaction', 'notes'] as const satisfies ReadonlyArray<PlanColumnKey>;
export type RecordKey = (typeof RECORD_KEYS)[number];

/** What a clerk typed for one call, cell by cell as it stands (kept as typed when a plan is redone). */
export type PlanRecordCells = Readonly<Record<RecordKey, Cell>>;

export interface PlanQuarter {
  readonly year: number;
  /** 1 to 4 */
  readonly quarter: number;
}

/** One row of a plan sheet as read back. */
export interface PlanRow {
  /** 1-based Excel row */
  readonly row: number;
  readonly unit: string;
  readonly building: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly reason: PlanReason;
  readonly lastTicket: WallTime | null;
  readonly record: PlanRecordCells;
  /** something is typed in one of the record columns: the clerks have started on this row */
  readonly recorded: boolean;
  /** 回访日期 as a day, when it reads as one: the household counts as called back from that day */
  readonly calledAt: WallTime | null;
}

/** A plan sheet read back. */
export interface PlanRead extends PlanQuarter {
  readonly sheet: string;
  readonly rows: ReadonlyArray<PlanRow>;
  /** cells that do not read (a 回访日期 that is no date, a rating not in the list), and a sheet
   *  without its header row */
  readonly problems: ReadonlyArray<Problem>;
}

/** A call recorded on a plan sheet, for 回访覆盖率. */
export interface PlanCall {
  readonly unit: string;
  /** 00:00 of 回访日期 */
  readonly calledAt: WallTime;
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

function reasonOf(v: Value | null | undefined): PlanReason {
  if (typeof v !== 'string') return 'spread';
  const n = normalizeHeader(v);
  const hit = (Object.keys(PLAN_REASONS) as PlanReason[]).find((r) => normalizeHeader(PLAN_REASONS[r].zh) === n || normalizeHeader(PLAN_REASONS[r].en) === n);
  // a household added by hand, or a reason reworded, is planned all the same
  return hit ?? 'spread';
}

const HEADERS = new Map<string, PlanColumnKey>(PLAN_COLUMNS.flatMap((c) => [[normalizeHeader(c.zh), c.key], [normalizeHeader(c.en), c.key]] as Array<[string, PlanColumnKey]>));

/**
 * A plan sheet read back: its header row (in either language, among the first rows; columns in any
 * order, the clerk's own columns ignored), then every row with a 房号.
 */
export function readPlanGrid(grid: SheetGrid, quarter: PlanQuarter, lang: Lang): PlanRead {
  const rows = grid.rows;
  let headerAt = -1;
  let columns = new Map<PlanColumnKey, number>();
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const found = new Map<PlanColumnKey, number>();
    rows[r].forEach((cell, i) => {
      const key = typeof cell === 'string' ? HEADERS.get(normalizeHeader(cell)) : undefined;
      if (key && !found.has(key)) found.set(key, i);
    });
    if (found.has('unit') && found.size > columns.size) {
      headerAt = r;
      columns = found;
    }
  }
  if (headerAt < 0) {
    const examples = PLAN_COLUMNS.slice(0, 2).map((c) => c[lang]);
    return { ...quarter, sheet: grid.name, rows: [], problems: [sheetProblem(grid.name, 'SHEET_NO_HEADER', { examples })] };
  }
  const headerCells = rows[headerAt];
  const kinds = new Map(PLAN_COLUMNS.map((c) => [c.key, c.kind]));
  // converted in the sheet's column order, so that problems read left to right
  const inOrder = [...columns].sort((a, b) => a[1] - b[1]);
  const problems: CellProblem[] = [];
  const out: PlanRow[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const cells = rows[r];
    const raw = (key: PlanColumnKey): Cell => {
      const i = columns.get(key);
      return i === undefined ? null : (cells[i] ?? null);
    };
    const unitCell = convertCell(kinds.get('unit')!, raw('unit'), lang);
    if (!unitCell.ok || typeof unitCell.value !== 'string' || unitCell.value === '') continue;
    const excelRow = grid.originRow + r + 1;
    const v: Partial<Record<PlanColumnKey, Value | null>> = {};
    for (const [key, i] of inOrder) {
      const res = convertCell(kinds.get(key)!, cells[i] ?? null, lang);
      if (res.ok) v[key] = res.value;
      else problems.push(cellProblem(grid.name, excelRow, String(headerCells[i]), res.problem));
    }
    const text = (key: PlanColumnKey) => {
      const x = v[key];
      return typeof x === 'string' ? x : null;
    };
    const day = (key: PlanColumnKey) => {
      const x = v[key];
      return typeof x === 'number' ? x : null;
    };
    const record = { calledAt: raw('calledAt'), calledBy: raw('calledBy'), satisfaction: raw('satisfaction'), notes: raw('notes') };
    out.push({
      row: excelRow,
      unit: unitCell.value,
      building: text('building'),
      name: text('name'),
      phone: text('phone'),
      reason: reasonOf(v.reason),
      lastTicket: day('lastTicket'),
      record,
      recorded: RECORD_KEYS.some((k) => !isBlank(record[k])),
      calledAt: day('calledAt'),
    });
  }
  return { ...quarter, sheet: grid.name, rows: out, problems };
}

/** Every call recorded on these plan sheets (a 回访日期 that reads as a day). */
export function planCalls(plans: ReadonlyArray<PlanRead>): PlanCall[] {
  return plans.flatMap((p) => p.rows.flatMap((r) => (r.calledAt === null ? [] : [{ unit: r.unit, calledAt: r.calledAt }])));
}

/** A plan's progress at the end of `day`: households on it, and those with a call recorded by then. */
export function planProgress(plan: PlanRead, day: WallTime): { planned: number; called: number } {
  const planned = new Set(plan.rows.map((r) => r.unit));
  const called = new Set(plan.rows.filter((r) => r.calledAt !== null && r.calledAt <= day).map((r) => r.unit));
  return { planned: planned.size, called: called.size };
}

// ---- planning -------------------------------------------------------------------------------------

export interface PlanInput extends PlanQuarter {
  /** the moment the plan is made: who lives there on its day, which tickets are recent */
  readonly asOf: WallTime;
  /** 每季回访比例 */
  readonly share: number;
  readonly customers: ReadonlyArray<CustomerFacts>;
  readonly tickets: ReadonlyArray<TicketFacts>;
  /** the plan sheets of the other quarters of the same year: their households are not planned again */
  readonly otherPlans: ReadonlyArray<PlanRead>;
  /** rows of this quarter's own sheet to keep as they are (the calls already recorded, when a started
   *  plan is redone): they count towards the quota */
  readonly kept: ReadonlyArray<PlanRow>;
}

export interface PlannedHousehold {
  readonly unit: string;
  readonly building: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly reason: PlanReason;
  /** the latest complaint or repair received in the last 90 days (recent households) */
  readonly lastTicket: WallTime | null;
  /** the call as the clerk recorded it (kept rows); null for a household newly planned */
  readonly record: PlanRecordCells | null;
  readonly calledAt: WallTime | null;
}

export interface CallbackPlan extends PlanQuarter {
  /** 2026-Q4 */
  readonly label: string;
  readonly asOf: WallTime;
  readonly share: number;
  /** households on the as-of day */
  readonly occupied: number;
  /** of them, already on another plan sheet of the year */
  readonly alreadyPlanned: number;
  /** households the plan had to choose from: occupied − alreadyPlanned */
  readonly remaining: number;
  /** how many this quarter plans (kept rows included) */
  readonly quota: number;
  /** kept rows first (as they stood), then the recent households (most recent first), then the rest
   *  by building and unit */
  readonly households: ReadonlyArray<PlannedHousehold>;
}

/** Compares unit and building labels as people count: 1-902 before 1-1001, 2栋 before 10栋. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    // split() puts the digit runs at odd positions
    if (i % 2 === 1) {
      const d = Number(pa[i]) - Number(pb[i]);
      if (d !== 0) return d;
      return pa[i].length - pb[i].length;
    }
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** FNV-1a of the text: a fixed, well-mixed order of units for a year (no randomness). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** ceil(share × n), read as a person would: 10 % of 30 is 3, not 4 (0.1 × 30 = 3.0000000000000004). */
function shareOf(share: number, n: number): number {
  return Math.ceil(Math.round(share * n * 1e6) / 1e6);
}

/** How many households a quarter plans: the share of all households, or more when that is what it
 *  takes for the year's remaining households to be planned by Q4; never more than remain. */
export function planQuota(share: number, occupied: number, remaining: number, quarter: number): number {
  const quartersLeft = 5 - quarter;
  return Math.min(remaining, Math.max(shareOf(share, occupied), Math.ceil(remaining / quartersLeft)));
}

/**
 * `total` seats shared among groups of these sizes in proportion (largest remainders; ties to the
 * larger group, then the earlier one). No group gets more than its size when total <= the sum.
 */
export function apportion(total: number, sizes: ReadonlyArray<number>): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return sizes.map(() => 0);
  const seats = sizes.map((s) => Math.floor((total * s) / sum));
  let left = total - seats.reduce((a, b) => a + b, 0);
  const order = sizes
    .map((s, i) => ({ i, s, rest: total * s - seats[i] * sum }))
    .sort((a, b) => b.rest - a.rest || b.s - a.s || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (seats[i] < sizes[i]) {
      seats[i]++;
      left--;
    }
  }
  return seats;
}

/** The latest complaint or repair of each unit received in the 90 days up to `asOf`. */
function recentTickets(tickets: ReadonlyArray<TicketFacts>, asOf: WallTime): Map<string, WallTime> {
  const from = asOf - RECENT_DAYS * MS_PER_DAY;
  const latest = new Map<string, WallTime>();
  for (const t of tickets) {
    if (t.unit === null || (t.type !== 'complaint' && t.type !== 'repair')) continue;
    if (t.receivedAt <= from || t.receivedAt > asOf) continue;
    if (t.receivedAt > (latest.get(t.unit) ?? -Infinity)) latest.set(t.unit, t.receivedAt);
  }
  return latest;
}

export function planCallbacks(input: PlanInput): CallbackPlan {
  const label = `${input.year}-Q${input.quarter}`;
  const households = householdsOn(input.customers, asOfDay(input.asOf));
  const elsewhere = new Set(input.otherPlans.flatMap((p) => p.rows.map((r) => r.unit)));
  const keptUnits = new Set(input.kept.map((r) => r.unit));
  const open = households.filter((h) => !elsewhere.has(h.unit));
  const quota = planQuota(input.share, households.length, open.length, input.quarter);
  const candidates = open.filter((h) => !keptUnits.has(h.unit));
  let toPick = Math.max(0, quota - (open.length - candidates.length));

  const recent = recentTickets(input.tickets, input.asOf);
  const planned = (c: CustomerFacts, reason: PlanReason): PlannedHousehold => ({
    unit: c.unit,
    building: c.building,
    name: c.name,
    phone: c.phone,
    reason,
    lastTicket: recent.get(c.unit) ?? null,
    record: null,
    calledAt: null,
  });

  const first = candidates
    .filter((c) => recent.has(c.unit))
    .sort((a, b) => recent.get(b.unit)! - recent.get(a.unit)! || naturalCompare(a.unit, b.unit))
    .slice(0, toPick)
    .map((c) => planned(c, 'recent'));
  toPick -= first.length;

  const byBuilding = new Map<string, CustomerFacts[]>();
  for (const c of candidates) {
    if (recent.has(c.unit)) continue;
    const key = c.building ?? '';
    let list = byBuilding.get(key);
    if (!list) byBuilding.set(key, (list = []));
    list.push(c);
  }
  const buildings = [...byBuilding.keys()].sort(naturalCompare);
  const seats = apportion(
    toPick,
    buildings.map((b) => byBuilding.get(b)!.length),
  );
  const spread = buildings.flatMap((b, i) => {
    const order = byBuilding
      .get(b)!
      .map((c) => ({ c, h: hash(`${input.year}:${c.unit}`) }))
      .sort((x, y) => x.h - y.h || naturalCompare(x.c.unit, y.c.unit))
      .slice(0, seats[i])
      .map((x) => x.c)
      .sort((x, y) => naturalCompare(x.unit, y.unit));
    return order.map((c) => planned(c, 'spread'));
  });

  const kept = input.kept.map(
    (r): PlannedHousehold => ({ unit: r.unit, building: r.building, name: r.name, phone: r.phone, reason: r.reason, lastTicket: r.lastTicket, record: r.record, calledAt: r.calledAt }),
  );
  return {
    year: input.year,
    quarter: input.quarter,
    label,
    asOf: input.asOf,
    share: input.share,
    occupied: households.length,
    alreadyPlanned: households.length - open.length,
    remaining: open.length,
    quota,
    households: [...kept, ...first, ...spread],
  };
}

/** The `deskbook callback-plan --json` shape (wall times as zone-less ISO text). */
export function planJson(plan: CallbackPlan) {
  return {
    quarter: plan.label,
    asOf: formatWallIso(plan.asOf),
    share: plan.share,
    occupied: plan.occupied,
    alreadyPlanned: plan.alreadyPlanned,
    quota: plan.quota,
    planned: plan.households.length,
    called: plan.households.filter((h) => h.calledAt !== null && h.calledAt <= asOfDay(plan.asOf)).length,
    households: plan.households.map((h) => ({ unit: h.unit, building: h.building, reason: h.reason })),
  };
}

export type PlanJson = ReturnType<typeof planJson>;
