// One renderer for every back end: a report's JSON model laid out as a printable sheet. It arranges
// numbers the domain computed; it computes none (the sheet and --json agree by construction).
import { Lang } from '../domain/enums';
import { Box, Cell, ChartSpec, ReportSheet, ReportStyle } from '../workbook/types';

/** A rate as the domain gives it. */
export interface Rate {
  readonly num: number;
  readonly den: number;
  readonly rate: number | null;
}

export interface TicketBlock {
  readonly received: number;
  readonly resolved: number;
  readonly backlog: number;
  readonly onTimeResponse: Rate;
  readonly onTimeResolution: Rate;
  readonly callbackRate: Rate;
  readonly satisfaction: Rate;
  readonly validComplaintRate: Rate;
  readonly resolutionHours: { readonly mean: number | null; readonly median: number | null; readonly p90: number | null };
  readonly byType: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byDepartment: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly repeatComplaints: ReadonlyArray<{ readonly unit: string; readonly category: string; readonly count: number }>;
  readonly repeatComplaintUnits?: number;
  readonly typeByCategory?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly resolvedByType?: Readonly<Record<string, number>>;
  readonly backlogByType?: Readonly<Record<string, number>>;
}

export interface TicketLine {
  readonly id: string;
  readonly received: string;
  readonly type: string;
  readonly category: string;
  readonly unit: string;
  readonly department: string;
  readonly status: string;
  readonly deadline: string | null;
  readonly hoursLate?: number | null;
}

export interface ChargeBlock {
  readonly collectionRate: Rate;
  readonly collectionRateHouseholds: Rate;
  readonly arrears: {
    readonly total: number;
    readonly byBucket: ReadonlyArray<{ readonly label: string; readonly amount: number }>;
    readonly byFeeItem: Readonly<Record<string, number>>;
    readonly topUnits: ReadonlyArray<{ readonly unit: string; readonly amount: number; readonly periods: number; readonly since: string | null }>;
  };
  readonly arrearsAtStart: { readonly total: number };
  readonly recovered: Rate;
}

export interface ReportJson {
  readonly kind?: string;
  readonly center?: string;
  readonly period: { readonly kind: string; readonly label: string; readonly start: string; readonly end: string };
  readonly asOf: string;
  readonly generatedAt?: string;
  readonly tickets: TicketBlock;
  readonly previous: { readonly period?: { readonly label: string }; readonly tickets: TicketBlock; readonly charges?: ChargeBlock };
  readonly charges?: ChargeBlock;
  readonly callbackCoverage?: Rate;
  readonly open?: ReadonlyArray<TicketLine>;
  readonly overdue?: ReadonlyArray<TicketLine>;
  readonly trend?: ReadonlyArray<{ readonly label: string; readonly received: number; readonly resolved: number; readonly onTimeResolution?: Rate | number | null }>;
}

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  daily: { zh: '日盘点', en: 'Daily' },
  weekly: { zh: '周报', en: 'Weekly' },
  monthly: { zh: '月报', en: 'Monthly' },
  quarterly: { zh: '季报', en: 'Quarterly' },
};

const GENERATED = new RegExp(
  `^(?:(?:${Object.values(KIND_NAMES).flatMap((k) => [k.zh, k.en]).join('|')}) \\d{4}-(?:\\d{2}-\\d{2}|W\\d{2}|\\d{2}|Q[1-4])|KPI(?: .+)?)$`,
);

/** Whether a sheet is one the add-in generates (reports, KPI pivots): regenerated, never hand-kept. */
export function isGeneratedSheetName(name: string): boolean {
  return GENERATED.test(name);
}

/** The sheet name of a report: 周报 2026-W48 / Weekly 2026-W48. */
export function reportSheetName(kind: string, label: string, lang: Lang): string {
  return `${KIND_NAMES[kind]?.[lang] ?? kind} ${label}`;
}

const W = {
  zh: {
    period: '统计期间', to: '至', asOf: '截至', generated: '生成于',
    kpis: '一、工单指标', kpi: '指标', current: '本期', num: '分子', den: '分母', previous: '上期', change: '环比',
    received: '受理量', resolved: '办结量', backlog: '未结', onTimeResponse: '及时响应率', onTimeResolution: '及时办结率',
    meanHours: '平均处理时长（小时）', medianHours: '处理时长中位数（小时）', p90Hours: '处理时长 P90（小时）',
    callbackRate: '回访率', satisfaction: '满意率', validComplaintRate: '有效投诉率', repeatUnits: '重复投诉（户）', callbackCoverage: '年度回访覆盖率',
    breakdown: '二、分类统计（受理量）', type: '类型', total: '合计', department: '责任部门', channel: '渠道', count: '受理量',
    charges: '三、收费与欠费', collection: '收缴率（金额）', collectionHouseholds: '收缴率（户数）', arrears: '欠费总额（元）', arrearsStart: '期初欠费（元）', recovered: '清欠率（清欠额/期初欠费）',
    bucket: '账龄', amount: '金额（元）', feeItem: '费用项目', unit: '房号', periods: '欠费期数', since: '欠费起始', topUnits: '欠费最多的房号',
    lists: '四、未结工单（共 {open} 件，其中超时 {late} 件；超时的在前）', id: '工单号', receivedAt: '受理时间', category: '类别', status: '状态', deadline: '时限', hoursLate: '超时（小时）', none: '无',
    repeats: '五、重复投诉', repeatCount: '重复次数',
    trend: '六、趋势', label: '期间', rate: '及时办结率',
    daily: '今日盘点', open: '未结工单', moreRows: '另有 {n} 条未列出',
  },
  en: {
    period: 'Period', to: 'to', asOf: 'as of', generated: 'generated',
    kpis: '1. Ticket KPIs', kpi: 'KPI', current: 'This period', num: 'Numerator', den: 'Denominator', previous: 'Previous', change: 'Change',
    received: 'Received', resolved: 'Resolved', backlog: 'Backlog', onTimeResponse: 'On-time response', onTimeResolution: 'On-time resolution',
    meanHours: 'Resolution time, mean (h)', medianHours: 'Resolution time, median (h)', p90Hours: 'Resolution time, p90 (h)',
    callbackRate: 'Callback rate', satisfaction: 'Satisfaction', validComplaintRate: 'Valid complaint rate', repeatUnits: 'Repeat complaints (units)', callbackCoverage: 'Callback coverage this year',
    breakdown: '2. Breakdowns (received)', type: 'Type', total: 'Total', department: 'Department', channel: 'Channel', count: 'Received',
    charges: '3. Collection and arrears', collection: 'Collection rate (amount)', collectionHouseholds: 'Collection rate (households)', arrears: 'Arrears', arrearsStart: 'Arrears at period start', recovered: 'Arrears recovered',
    bucket: 'Days overdue', amount: 'Amount', feeItem: 'Fee item', unit: 'Unit', periods: 'Unpaid periods', since: 'In arrears since', topUnits: 'Units owing most',
    lists: '4. Open tickets ({open}, of which {late} overdue; overdue first)', id: 'Ticket ID', receivedAt: 'Received', category: 'Category', status: 'Status', deadline: 'Deadline', hoursLate: 'Hours late', none: 'None',
    repeats: '5. Repeat complaints', repeatCount: 'Repeats',
    trend: '6. Trend', label: 'Period', rate: 'On-time resolution',
    daily: 'Today', open: 'Open tickets', moreRows: '{n} more not listed',
  },
};

const COLS = 11;
const LIST_LIMIT = 200;

/** Builds the sheet row by row; every write names its style. */
class Layout {
  readonly rows: Cell[][] = [];
  readonly styles: Array<Array<ReportStyle | null>> = [];
  readonly merges: Box[] = [];
  readonly charts: ChartSpec[] = [];

  row(cells: ReadonlyArray<Cell>, styles: ReadonlyArray<ReportStyle | null> | ReportStyle | null): number {
    const r = this.rows.length;
    const line: Cell[] = Array(COLS).fill(null);
    const look: Array<ReportStyle | null> = Array(COLS).fill(null);
    cells.forEach((c, i) => {
      line[i] = c;
      look[i] = Array.isArray(styles) ? ((styles as ReadonlyArray<ReportStyle | null>)[i] ?? null) : (styles as ReportStyle | null);
    });
    this.rows.push(line);
    this.styles.push(look);
    return r;
  }

  merged(text: string, style: ReportStyle): void {
    const r = this.row([text], style);
    this.merges.push({ row: r, col: 0, rows: 1, cols: COLS });
  }

  blank(): void {
    this.row([], null);
  }
}

function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

function isoMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** The day before an exclusive end, for "2026-11-01 至 2026-11-30". */
function lastDay(endIso: string): string {
  const [y, m, d] = endIso.slice(0, 10).split('-').map(Number);
  const t = Date.UTC(y, m - 1, d) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function yuan(cents: number): number {
  return cents / 100;
}

function change(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

export function renderReport(json: ReportJson, lang: Lang): ReportSheet {
  const w = W[lang];
  const L = new Layout();
  const kind = json.period.kind;
  const name = reportSheetName(kind, json.period.label, lang);
  L.merged(`${json.center ? `${json.center} ` : ''}${name}`, 'title');
  const range = json.period.kind === 'daily' ? isoDay(json.period.start) : `${isoDay(json.period.start)} ${w.to} ${lastDay(json.period.end)}`;
  L.merged(
    `${w.period} ${range} · ${w.asOf} ${isoMinute(json.asOf)}${json.generatedAt ? ` · ${w.generated} ${isoMinute(json.generatedAt)}` : ''}`,
    'subtitle',
  );
  const titleRows = { first: 0, last: 1 };
  L.blank();

  const t = json.tickets;
  const p = json.previous.tickets;
  L.row([w.kpis], 'section');
  L.row([w.kpi, w.current, w.num, w.den, w.previous, w.change], 'header');
  const count = (label: string, now: number, before: number) => L.row([label, now, null, null, before, now - before], ['label', 'integer', null, null, 'integer', 'integer']);
  const rate = (label: string, now: Rate, before: Rate) =>
    L.row([label, now.rate, now.num, now.den, before.rate, change(now.rate, before.rate)], ['label', 'percent', 'integer', 'integer', 'percent', 'percent']);
  const hours = (label: string, now: number | null, before: number | null) =>
    L.row([label, now, null, null, before, change(now, before)], ['label', 'decimal', null, null, 'decimal', 'decimal']);
  count(w.received, t.received, p.received);
  count(w.resolved, t.resolved, p.resolved);
  count(w.backlog, t.backlog, p.backlog);
  rate(w.onTimeResponse, t.onTimeResponse, p.onTimeResponse);
  rate(w.onTimeResolution, t.onTimeResolution, p.onTimeResolution);
  hours(w.meanHours, t.resolutionHours.mean, p.resolutionHours.mean);
  hours(w.medianHours, t.resolutionHours.median, p.resolutionHours.median);
  hours(w.p90Hours, t.resolutionHours.p90, p.resolutionHours.p90);
  rate(w.callbackRate, t.callbackRate, p.callbackRate);
  rate(w.satisfaction, t.satisfaction, p.satisfaction);
  rate(w.validComplaintRate, t.validComplaintRate, p.validComplaintRate);
  if (t.repeatComplaintUnits !== undefined) count(w.repeatUnits, t.repeatComplaintUnits, p.repeatComplaintUnits ?? 0);
  if (json.callbackCoverage) L.row([w.callbackCoverage, json.callbackCoverage.rate, json.callbackCoverage.num, json.callbackCoverage.den], ['label', 'percent', 'integer', 'integer']);
  L.blank();

  // Breakdowns: type × category, then department and channel side by side.
  L.row([w.breakdown], 'section');
  const categories = Object.keys(t.byCategory);
  const cross = t.typeByCategory;
  if (cross && categories.length > 0 && categories.length <= COLS - 2) {
    L.row([`${w.type} \\ ${w.category}`, ...categories, w.total], 'header');
    for (const type of Object.keys(t.byType)) {
      const rowCounts = categories.map((c) => cross[type]?.[c] ?? 0);
      L.row([type, ...rowCounts, t.byType[type]], ['label', ...categories.map((): ReportStyle => 'integer'), 'integer']);
    }
    L.row([w.total, ...categories.map((c) => t.byCategory[c]), t.received], ['total', ...categories.map((): ReportStyle => 'total'), 'total']);
  } else {
    L.row([w.type, w.count], 'header');
    for (const [k, v] of Object.entries(t.byType)) L.row([k, v], ['label', 'integer']);
    L.row([w.category, w.count], 'header');
    for (const [k, v] of Object.entries(t.byCategory)) L.row([k, v], ['label', 'integer']);
  }
  L.blank();
  if (t.resolvedByType && t.backlogByType) {
    L.row([w.type, w.received, w.resolved, w.backlog], 'header');
    for (const type of Object.keys(t.byType)) {
      L.row([type, t.byType[type], t.resolvedByType[type] ?? 0, t.backlogByType[type] ?? 0], ['label', 'integer', 'integer', 'integer']);
    }
    L.row([w.total, t.received, t.resolved, t.backlog], 'total');
    L.blank();
  }
  L.row([w.department, w.count, null, w.channel, w.count], ['header', 'header', null, 'header', 'header']);
  const depts = Object.entries(t.byDepartment);
  const chans = Object.entries(t.byChannel);
  for (let i = 0; i < Math.max(depts.length, chans.length); i++) {
    const d = depts[i];
    const c = chans[i];
    L.row([d?.[0] ?? null, d?.[1] ?? null, null, c?.[0] ?? null, c?.[1] ?? null], ['label', 'integer', null, 'label', 'integer']);
  }
  L.blank();

  if (json.charges) {
    const c = json.charges;
    const pc = json.previous.charges;
    L.row([w.charges], 'section');
    L.row([w.kpi, w.current, w.num, w.den, w.previous, w.change], 'header');
    const moneyRate = (label: string, now: Rate, before: Rate | undefined) =>
      L.row([label, now.rate, yuan(now.num), yuan(now.den), before?.rate ?? null, change(now.rate, before?.rate ?? null)], ['label', 'percent', 'money', 'money', 'percent', 'percent']);
    moneyRate(w.collection, c.collectionRate, pc?.collectionRate);
    rate(w.collectionHouseholds, c.collectionRateHouseholds, pc?.collectionRateHouseholds ?? { num: 0, den: 0, rate: null });
    moneyRate(w.recovered, c.recovered, pc?.recovered);
    L.row([w.arrearsStart, yuan(c.arrearsAtStart.total)], ['label', 'money']);
    L.row([w.arrears, yuan(c.arrears.total), null, null, pc ? yuan(pc.arrears.total) : null], ['label', 'money', null, null, 'money']);
    L.blank();
    L.row([w.bucket, w.amount, null, w.feeItem, w.amount], ['header', 'header', null, 'header', 'header']);
    const fees = Object.entries(c.arrears.byFeeItem);
    for (let i = 0; i < Math.max(c.arrears.byBucket.length, fees.length); i++) {
      const b = c.arrears.byBucket[i];
      const f = fees[i];
      L.row([b?.label ?? null, b ? yuan(b.amount) : null, null, f?.[0] ?? null, f ? yuan(f[1]) : null], ['label', 'money', null, 'label', 'money']);
    }
    if (c.arrears.topUnits.length > 0) {
      L.blank();
      L.row([w.topUnits], 'section');
      L.row([w.unit, w.amount, w.periods, w.since], 'header');
      for (const u of c.arrears.topUnits) L.row([u.unit, yuan(u.amount), u.periods, u.since ? isoDay(u.since) : null], ['text', 'money', 'integer', 'text']);
    }
    L.blank();
  }

  const late = json.overdue ?? [];
  const lateIds = new Set(late.map((x) => x.id));
  const open = [...late, ...(json.open ?? []).filter((x) => !lateIds.has(x.id))];
  L.row([w.lists.replace('{open}', String(open.length)).replace('{late}', String(late.length))], 'section');
  if (open.length === 0) L.row([w.none], 'note');
  else {
    L.row([w.id, w.receivedAt, w.type, w.category, w.unit, w.department, w.status, w.deadline, w.hoursLate], 'header');
    for (const x of open.slice(0, LIST_LIMIT)) {
      L.row(
        [x.id, isoMinute(x.received), x.type, x.category, x.unit, x.department, x.status, x.deadline ? isoMinute(x.deadline) : null, lateIds.has(x.id) ? (x.hoursLate ?? null) : null],
        ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'decimal'],
      );
    }
    if (open.length > LIST_LIMIT) L.row([w.moreRows.replace('{n}', String(open.length - LIST_LIMIT))], 'note');
  }
  L.blank();

  L.row([w.repeats], 'section');
  if (t.repeatComplaints.length === 0) L.row([w.none], 'note');
  else {
    L.row([w.unit, w.category, w.repeatCount], 'header');
    for (const r of t.repeatComplaints) L.row([r.unit, r.category, r.count], ['text', 'text', 'integer']);
  }

  if (json.trend && json.trend.length > 0) {
    L.blank();
    L.row([w.trend], 'section');
    const head = L.row([w.label, w.received, w.resolved, w.rate], 'header');
    for (const x of json.trend) {
      const r = typeof x.onTimeResolution === 'object' && x.onTimeResolution !== null ? x.onTimeResolution.rate : (x.onTimeResolution ?? null);
      L.row([x.label, x.received, x.resolved, r], ['label', 'integer', 'integer', 'percent']);
    }
    L.charts.push({
      type: 'column',
      title: `${w.received} / ${w.resolved}`,
      data: { row: head, col: 0, rows: json.trend.length + 1, cols: 3 },
      anchor: { row: head, col: 5 },
    });
  }

  return {
    name,
    rows: L.rows,
    styles: L.styles,
    merges: L.merges,
    widths: [24, 13, 12, 12, 13, 12, 10, 17, 11, 10, 10],
    printTitleRows: titleRows,
    charts: L.charts,
  };
}
