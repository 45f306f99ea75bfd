// The KPI catalogue: every KPI of docs/kpis.md "KPIs", defined once in its family's module and listed
// here once with everything else about it: its names in both languages, unit, display format, which
// way is better, its rows in a report's KPI tables and whether the pane shows it as a tile. Report
// models compute a block by running a registry over a period window and write it to --json in the
// registry's order; the report sheet's KPI tables, the pane's tiles, docs/kpis.md and the tests all
// read these entries. Adding a KPI: its function in a family module, an entry here, a line in the docs.
import { ChargeWindow, CoverageWindow, TicketWindow } from './book';
import { callbackCoverage, callbackRate, satisfaction } from './callbacks';
import { arrears, arrearsAtStart, arrearsJson, collectionRate, collectionRateHouseholds, recovered } from './charges';
import { repeatComplaints, repeatComplaintUnits, validComplaintRate } from './complaints';
import { HeadlineBeside, HeadlineTable, HeadlineView, KpiDef, KpiFormat, KpiInfo } from './measures';
import { onTimeByCategory, onTimeByDepartment, onTimeResolution, onTimeResponse, resolutionHours } from './timeliness';
import { backlog, backlogByType, byCategory, byChannel, byDepartment, byType, received, resolved, resolvedByType, typeByCategory } from './volume';

export * from './measures';
export * from './book';
export type { Counts } from './volume';
export type { RepeatComplaint } from './complaints';
export type { AgingBucket, Arrears, ArrearsUnit } from './charges';
export { agingBuckets, ageBucket, arrearsAt, arrearsJson, arrearsSince, daysOverdue, outstandingAt, overdueAt, paidBy, unpaidPeriodKey } from './charges';
export type { TicketListEntry, ProgressAtAsOf } from './lists';
export type { OnTime, OnTimeBy } from './timeliness';
export { worstFirst } from './timeliness';
export { openTickets, overdueTickets } from './lists';

/** a part of a KPI's value a headline row can show: a key of an object value (typed, so that a row cannot name a part that is not there) */
type PartOf<J> = J extends object ? keyof J & string : never;

interface KpiSpec<V, J> extends Omit<KpiInfo, 'headline'> {
  readonly json?: (value: V) => J;
  readonly headline?: ReadonlyArray<HeadlineView & { readonly part?: PartOf<NoInfer<J>> }>;
}

function kpi<Ctx, V>(compute: (ctx: Ctx) => V, spec: KpiSpec<V, V> & { readonly json?: undefined }): KpiDef<Ctx, V>;
function kpi<Ctx, V, J>(compute: (ctx: Ctx) => V, spec: KpiSpec<V, J> & { readonly json: (value: V) => J }): KpiDef<Ctx, V, J>;
function kpi(compute: (ctx: never) => unknown, spec: KpiInfo & { readonly json?: (value: never) => unknown }): KpiDef<never, unknown, unknown> {
  const { json = (value: unknown) => value, ...info } = spec;
  return { ...info, compute, json };
}

// what most entries share: a count (neither way better), a table of counts, a rate (higher is
// better), an amount of money owed (lower is better)
const counted = { unit: 'count', format: 'integer', better: null } as const;
const breakdown = { unit: 'table', format: 'integer', better: null } as const;
const rateUp = { unit: 'rate', format: 'percent', better: 'up' } as const;
const money = { unit: 'cents', format: 'money', better: 'down' } as const;

/** The ticket KPIs of a period, in the order of the `--json` tickets block. */
export const TICKET_KPIS = {
  received: kpi(received, { zh: '受理量', en: 'Received', ...counted, headline: [{ table: 'tickets', at: 10 }], tile: 10 }),
  resolved: kpi(resolved, { zh: '办结量', en: 'Resolved', ...counted, better: 'up', headline: [{ table: 'tickets', at: 20 }], tile: 20 }),
  backlog: kpi(backlog, { zh: '未结', en: 'Backlog', ...counted, better: 'down', headline: [{ table: 'tickets', at: 30 }], tile: 30 }),
  onTimeResponse: kpi(onTimeResponse, { zh: '及时响应率', en: 'On-time response', ...rateUp, headline: [{ table: 'tickets', at: 40 }], tile: 40 }),
  onTimeResolution: kpi(onTimeResolution, { zh: '及时办结率', en: 'On-time resolution', ...rateUp, headline: [{ table: 'tickets', at: 50 }], tile: 50 }),
  // tables of rates: on-time response and resolution by group, each group's num and den adding up to the overall rate's
  onTimeByCategory: kpi(onTimeByCategory, { zh: '按类别及时率', en: 'On time by category', unit: 'table', format: 'percent', better: 'up' }),
  onTimeByDepartment: kpi(onTimeByDepartment, { zh: '按责任部门及时率', en: 'On time by department', unit: 'table', format: 'percent', better: 'up' }),
  callbackRate: kpi(callbackRate, { zh: '回访率', en: 'Callback rate', ...rateUp, headline: [{ table: 'tickets', at: 90 }], tile: 60 }),
  satisfaction: kpi(satisfaction, { zh: '满意率', en: 'Satisfaction', ...rateUp, headline: [{ table: 'tickets', at: 100 }], tile: 70 }),
  validComplaintRate: kpi(validComplaintRate, { zh: '有效投诉率', en: 'Valid complaint rate', ...rateUp, better: 'down', headline: [{ table: 'tickets', at: 110 }] }),
  resolutionHours: kpi(resolutionHours, {
    zh: '处理时长（小时）',
    en: 'Resolution time (hours)',
    unit: 'hours',
    format: 'hours',
    better: 'down',
    headline: [
      { table: 'tickets', at: 60, part: 'mean', zh: '平均处理时长（小时）', en: 'Resolution time, mean (h)' },
      { table: 'tickets', at: 70, part: 'median', zh: '处理时长中位数（小时）', en: 'Resolution time, median (h)' },
      { table: 'tickets', at: 80, part: 'p90', zh: '处理时长 P90（小时）', en: 'Resolution time, p90 (h)' },
    ],
  }),
  byType: kpi(byType, { zh: '按类型', en: 'By type', ...breakdown }),
  byCategory: kpi(byCategory, { zh: '按类别', en: 'By category', ...breakdown }),
  byDepartment: kpi(byDepartment, { zh: '按责任部门', en: 'By department', ...breakdown }),
  byChannel: kpi(byChannel, { zh: '按渠道', en: 'By channel', ...breakdown }),
  repeatComplaints: kpi(repeatComplaints, { zh: '重复投诉明细', en: 'Repeat complaints', unit: 'list', format: 'integer', better: null }),
  repeatComplaintUnits: kpi(repeatComplaintUnits, { zh: '重复投诉（户）', en: 'Repeat complaints (units)', ...counted, better: 'down', headline: [{ table: 'tickets', at: 120 }] }),
  typeByCategory: kpi(typeByCategory, { zh: '类型×类别', en: 'Type × category', ...breakdown }),
  resolvedByType: kpi(resolvedByType, { zh: '办结量（按类型）', en: 'Resolved by type', ...breakdown }),
  backlogByType: kpi(backlogByType, { zh: '未结（按类型）', en: 'Backlog by type', ...breakdown }),
} as const;

/** The charges KPIs of a period (money in cents), in the order of the `--json` charges block. */
export const CHARGE_KPIS = {
  collectionRate: kpi(collectionRate, { zh: '收缴率（金额）', en: 'Collection rate (amount)', ...rateUp, format: 'moneyPercent', headline: [{ table: 'charges', at: 10 }], tile: 80 }),
  collectionRateHouseholds: kpi(collectionRateHouseholds, { zh: '收缴率（户数）', en: 'Collection rate (households)', ...rateUp, headline: [{ table: 'charges', at: 20 }] }),
  arrears: kpi(arrears, { zh: '欠费', en: 'Arrears', ...money, json: arrearsJson, headline: [{ table: 'charges', at: 50, part: 'total', zh: '欠费总额（元）', en: 'Arrears' }] }),
  // nothing beside: the arrears at this period's start are the previous period's closing arrears, shown beside the total
  arrearsAtStart: kpi(arrearsAtStart, { zh: '期初欠费（元）', en: 'Arrears at period start', ...money, headline: [{ table: 'charges', at: 40, part: 'total', beside: 'nothing' }] }),
  recovered: kpi(recovered, { zh: '清欠率（清欠额/期初欠费）', en: 'Arrears recovered', ...rateUp, format: 'moneyPercent', headline: [{ table: 'charges', at: 30 }] }),
} as const;

/** KPIs over the customer register; their values sit on a report's period block itself. */
export const COVERAGE_KPIS = {
  // a figure of the year so far: beside it, the year so far at the previous period's end (as --json has it)
  callbackCoverage: kpi(callbackCoverage, { zh: '年度回访覆盖率', en: 'Callback coverage this year', ...rateUp, headline: [{ table: 'tickets', at: 130 }] }),
} as const satisfies Record<string, KpiDef<CoverageWindow, unknown>>;

export type TicketKpis = typeof TICKET_KPIS;
export type ChargeKpis = typeof CHARGE_KPIS;
export type CoverageKpis = typeof COVERAGE_KPIS;

/** Where a period block (of the model or of --json) holds a registry's values: `tickets`, `charges`, or the block itself. */
export type KpiBlock = 'tickets' | 'charges' | 'coverage';

export type KpiKey = keyof TicketKpis | keyof ChargeKpis | keyof CoverageKpis;

/** A catalogue entry: a KPI's key, where its value sits, and what the catalogue says of it. */
export interface KpiEntry extends KpiInfo {
  readonly key: KpiKey;
  readonly block: KpiBlock;
}

function entries(block: KpiBlock, registry: Readonly<Record<string, KpiInfo>>): KpiEntry[] {
  return Object.entries(registry).map(([key, k]) => ({
    key: key as KpiKey,
    block,
    zh: k.zh,
    en: k.en,
    unit: k.unit,
    format: k.format,
    better: k.better,
    headline: k.headline,
    tile: k.tile,
  }));
}

/** Every KPI, block by block in registry order. */
export const KPI_CATALOGUE: ReadonlyArray<KpiEntry> = [
  ...entries('tickets', TICKET_KPIS),
  ...entries('charges', CHARGE_KPIS),
  ...entries('coverage', COVERAGE_KPIS),
];

export function kpiEntry(key: KpiKey): KpiEntry {
  return KPI_CATALOGUE.find((k) => k.key === key)!;
}

/** A row of a report's KPI table, as the catalogue has it: where its figure sits, its names, how it is shown. */
export interface HeadlineRow {
  readonly block: KpiBlock;
  readonly key: KpiKey;
  /** the part of the KPI's value (resolution hours' `mean`, arrears' `total`); null: the whole value */
  readonly part: string | null;
  readonly zh: string;
  readonly en: string;
  readonly format: KpiFormat;
  readonly beside: HeadlineBeside;
}

function headlineOf(table: HeadlineTable): HeadlineRow[] {
  return KPI_CATALOGUE.flatMap((k) =>
    (k.headline ?? [])
      .filter((h) => h.table === table)
      .map((h) => ({
        at: h.at,
        row: { block: k.block, key: k.key, part: h.part ?? null, zh: h.zh ?? k.zh, en: h.en ?? k.en, format: k.format, beside: h.beside ?? 'previousAndChange' },
      })),
  )
    .sort((a, b) => a.at - b.at)
    .map((h) => h.row);
}

/** The rows of a report's two KPI tables, current beside previous period, in reading order. */
export const HEADLINE_KPIS: Readonly<Record<HeadlineTable, ReadonlyArray<HeadlineRow>>> = {
  tickets: headlineOf('tickets'),
  charges: headlineOf('charges'),
};
