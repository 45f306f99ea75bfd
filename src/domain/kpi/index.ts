// The KPI registry: every KPI of PRODUCT.md "KPIs", defined once in its family's module and listed
// here with its name in both languages. Report models compute a block by running a registry over a
// period window; the sheets' KPI table and the tests read the same entries.
import { ChargeWindow, CoverageWindow, TicketWindow } from './book';
import { callbackCoverage, callbackRate, satisfaction } from './callbacks';
import { arrears, arrearsAtStart, collectionRate, collectionRateHouseholds, recovered } from './charges';
import { repeatComplaints, repeatComplaintUnits, validComplaintRate } from './complaints';
import { KpiDef } from './measures';
import { onTimeResolution, onTimeResponse, resolutionHours } from './timeliness';
import { backlog, backlogByType, byCategory, byChannel, byDepartment, byType, received, resolved, resolvedByType, typeByCategory } from './volume';

export * from './measures';
export * from './book';
export type { Counts } from './volume';
export type { RepeatComplaint } from './complaints';
export type { AgingBucket, Arrears, ArrearsUnit } from './charges';
export { agingBuckets, ageBucket, arrearsAt, daysOverdue, outstandingAt, paidBy } from './charges';
export type { TicketListEntry } from './lists';
export { openTickets, overdueTickets } from './lists';

function kpi<Ctx, V>(zh: string, en: string, unit: KpiDef<Ctx, V>['unit'], compute: (ctx: Ctx) => V): KpiDef<Ctx, V> {
  return { zh, en, unit, compute };
}

/** The ticket KPIs of a period, in the order of the `--json` tickets block. */
export const TICKET_KPIS = {
  received: kpi<TicketWindow, number>('受理量', 'Received', 'count', received),
  resolved: kpi<TicketWindow, number>('办结量', 'Resolved', 'count', resolved),
  backlog: kpi<TicketWindow, number>('未结', 'Backlog', 'count', backlog),
  onTimeResponse: kpi('及时响应率', 'On-time response', 'rate', onTimeResponse),
  onTimeResolution: kpi('及时办结率', 'On-time resolution', 'rate', onTimeResolution),
  callbackRate: kpi('回访率', 'Callback rate', 'rate', callbackRate),
  satisfaction: kpi('满意率', 'Satisfaction', 'rate', satisfaction),
  validComplaintRate: kpi('有效投诉率', 'Valid complaint rate', 'rate', validComplaintRate),
  resolutionHours: kpi('处理时长(小时)', 'Resolution time (hours)', 'hours', resolutionHours),
  byType: kpi('按类型', 'By type', 'table', byType),
  byCategory: kpi('按类别', 'By category', 'table', byCategory),
  byDepartment: kpi('按责任部门', 'By department', 'table', byDepartment),
  byChannel: kpi('按渠道', 'By channel', 'table', byChannel),
  repeatComplaints: kpi('重复投诉明细', 'Repeat complaints', 'list', repeatComplaints),
  repeatComplaintUnits: kpi<TicketWindow, number>('重复投诉(户)', 'Repeat complaints (units)', 'count', repeatComplaintUnits),
  typeByCategory: kpi('类型×类别', 'Type × category', 'table', typeByCategory),
  resolvedByType: kpi('办结量(按类型)', 'Resolved by type', 'table', resolvedByType),
  backlogByType: kpi('未结(按类型)', 'Backlog by type', 'table', backlogByType),
} as const;

/** The charges KPIs of a period (money in cents). */
export const CHARGE_KPIS = {
  collectionRate: kpi('收缴率', 'Collection rate', 'rate', collectionRate),
  collectionRateHouseholds: kpi('收缴率(户)', 'Collection rate (households)', 'rate', collectionRateHouseholds),
  arrears: kpi('欠费', 'Arrears', 'cents', arrears),
  arrearsAtStart: kpi('期初欠费', 'Arrears at period start', 'cents', arrearsAtStart),
  recovered: kpi('清欠率', 'Arrears recovered', 'rate', recovered),
} as const;

/** KPIs over the customer register. */
export const COVERAGE_KPIS = {
  callbackCoverage: kpi('回访覆盖率', 'Callback coverage', 'rate', callbackCoverage),
} as const satisfies Record<string, KpiDef<CoverageWindow, unknown>>;

export type TicketKpis = typeof TICKET_KPIS;
export type ChargeKpis = typeof CHARGE_KPIS;

/** A headline row of a report's KPI table: where its value sits in a report block, and its names. */
export interface HeadlineKpi {
  readonly block: 'tickets' | 'charges' | 'callbackCoverage';
  /** key in the block; for money amounts, the path inside the value ('total') */
  readonly key: string;
  readonly path?: ReadonlyArray<string>;
  readonly zh: string;
  readonly en: string;
  readonly unit: 'count' | 'rate' | 'hours' | 'cents';
}

const t = (key: keyof TicketKpis, unit: HeadlineKpi['unit'] = TICKET_KPIS[key].unit as HeadlineKpi['unit']): HeadlineKpi => ({
  block: 'tickets',
  key,
  zh: TICKET_KPIS[key].zh,
  en: TICKET_KPIS[key].en,
  unit,
});

/** The rows of a report's KPI table, current beside previous period, in reading order. */
export const HEADLINE_KPIS: ReadonlyArray<HeadlineKpi> = [
  t('received'),
  t('resolved'),
  t('backlog'),
  t('onTimeResponse'),
  t('onTimeResolution'),
  { block: 'tickets', key: 'resolutionHours', path: ['mean'], zh: '平均处理时长(小时)', en: 'Mean resolution time (hours)', unit: 'hours' },
  { block: 'tickets', key: 'resolutionHours', path: ['median'], zh: '处理时长中位数(小时)', en: 'Median resolution time (hours)', unit: 'hours' },
  { block: 'tickets', key: 'resolutionHours', path: ['p90'], zh: '处理时长90分位(小时)', en: '90th percentile resolution time (hours)', unit: 'hours' },
  t('callbackRate'),
  t('satisfaction'),
  t('validComplaintRate'),
  t('repeatComplaintUnits'),
  { block: 'callbackCoverage', key: 'callbackCoverage', zh: COVERAGE_KPIS.callbackCoverage.zh, en: COVERAGE_KPIS.callbackCoverage.en, unit: 'rate' },
  { block: 'charges', key: 'collectionRate', zh: CHARGE_KPIS.collectionRate.zh, en: CHARGE_KPIS.collectionRate.en, unit: 'rate' },
  { block: 'charges', key: 'collectionRateHouseholds', zh: CHARGE_KPIS.collectionRateHouseholds.zh, en: CHARGE_KPIS.collectionRateHouseholds.en, unit: 'rate' },
  { block: 'charges', key: 'arrearsAtStart', path: ['total'], zh: CHARGE_KPIS.arrearsAtStart.zh, en: CHARGE_KPIS.arrearsAtStart.en, unit: 'cents' },
  { block: 'charges', key: 'recovered', path: ['num'], zh: '清欠额', en: 'Arrears recovered (amount)', unit: 'cents' },
  { block: 'charges', key: 'recovered', zh: CHARGE_KPIS.recovered.zh, en: CHARGE_KPIS.recovered.en, unit: 'rate' },
  { block: 'charges', key: 'arrears', path: ['total'], zh: CHARGE_KPIS.arrears.zh, en: CHARGE_KPIS.arrears.en, unit: 'cents' },
];
