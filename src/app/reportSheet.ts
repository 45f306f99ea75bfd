// One renderer for every back end: a report's JSON model laid out as a printable sheet. It arranges
// numbers the domain computed; it computes none (the sheet and --json agree by construction). The
// rows of its two KPI tables, their names and formats are the KPI catalogue's (HEADLINE_KPIS).
import { Lang } from '../domain/enums';
import { centsToYuan } from '../domain/money';
import { changeOf, HEADLINE_KPIS, HeadlineRow, KpiFormat, kpiEntry, KpiKey, OnTimeBy, Rate, worstFirst } from '../domain/kpi';
import type { PeriodJson, ReportJson } from '../domain/report/model';
import { dayBefore, formatWall, parseWallIso, WallTime } from '../domain/time';
import { Box, Cell, ChartSpec, ReportSheet, ReportStyle } from '../workbook/types';
import { printLayout } from './reportPrint';
import { reportSheetName } from './reportNames';

export { isGeneratedSheetName, reportSheetName } from './reportNames';

const W = {
  zh: {
    period: '统计期间', to: '至', asOf: '截至', generated: '生成于',
    kpis: '一、工单指标', kpi: '指标', current: '本期', num: '分子', den: '分母', previous: '上期', changeRelative: '较上期 %', changePoints: '较上期 百分点',
    onTime: '二、及时率（按类别、按责任部门；差的在前）', byWeek: '责任部门 × 周：及时办结率', month: '本月', week: 'W{n} {days}日',
    breakdown: '三、分类统计（受理量）', type: '类型', total: '合计', department: '责任部门', channel: '渠道',
    charges: '四、收费与欠费',
    bucket: '账龄', amount: '金额（元）', units: '户数', feeItem: '费用项目', unit: '房号', periods: '欠费期数', since: '欠费起始', topUnits: '欠费最多的房号',
    lists: '五、期末未结工单（共 {open} 件，其中超时 {late} 件；超时的在前）', id: '工单号', receivedAt: '受理时间', category: '类别',
    progress: '期末进度', statusNow: '当前状态', deadline: '时限', hoursLate: '超时（小时）', none: '无',
    progressOf: { onHold: '挂起中', responded: '已响应', notResponded: '未响应' },
    repeats: '六、重复投诉', repeatCount: '重复次数',
    trend: '七、趋势', label: '期间',
    moreRows: '另有 {n} 条未列出',
    empty: '本期无工单',
    plan: '回访计划', planned: '计划户数', called: '已回访', planDone: '完成率',
  },
  en: {
    period: 'Period', to: 'to', asOf: 'as of', generated: 'generated',
    kpis: '1. Ticket KPIs', kpi: 'KPI', current: 'This period', num: 'Numerator', den: 'Denominator', previous: 'Previous', changeRelative: 'Change %', changePoints: 'Change (points)',
    onTime: '2. On time by category and by department (worst first)', byWeek: 'On-time resolution by department and week', month: 'Month', week: 'W{n} {days}',
    breakdown: '3. Breakdowns (received)', type: 'Type', total: 'Total', department: 'Department', channel: 'Channel',
    charges: '4. Collection and arrears',
    bucket: 'Days overdue', amount: 'Amount', units: 'Units', feeItem: 'Fee item', unit: 'Unit', periods: 'Unpaid periods', since: 'In arrears since', topUnits: 'Units owing most',
    lists: '5. Open at period end ({open}, of which {late} overdue; overdue first)', id: 'Ticket ID', receivedAt: 'Received', category: 'Category',
    progress: 'At period end', statusNow: 'Status now', deadline: 'Deadline', hoursLate: 'Hours late', none: 'None',
    progressOf: { onHold: 'On hold', responded: 'Responded', notResponded: 'Not responded' },
    repeats: '6. Repeat complaints', repeatCount: 'Repeats',
    trend: '7. Trend', label: 'Period',
    moreRows: '{n} more not listed',
    empty: 'No tickets in this period',
    plan: 'Callback plan', planned: 'Planned', called: 'Called back', planDone: 'Done',
  },
};

const COLS = 11;
const LIST_LIMIT = 200;
/** The trend chart: beside the trend table from column F, at least this many rows tall. */
const CHART_COL = 5;
const CHART_MIN_ROWS = 14;

/** Builds a generated sheet row by row, `cols` wide; every write names its style. */
export class Layout {
  readonly rows: Cell[][] = [];
  readonly styles: Array<Array<ReportStyle | null>> = [];
  readonly merges: Box[] = [];
  readonly charts: ChartSpec[] = [];
  /** row ranges (inclusive) to print on one page */
  readonly keeps: Array<{ first: number; last: number }> = [];

  constructor(readonly cols = COLS) {}

  row(cells: ReadonlyArray<Cell>, styles: ReadonlyArray<ReportStyle | null> | ReportStyle | null): number {
    const r = this.rows.length;
    const line: Cell[] = Array(this.cols).fill(null);
    const look: Array<ReportStyle | null> = Array(this.cols).fill(null);
    cells.forEach((c, i) => {
      line[i] = c;
      look[i] = Array.isArray(styles) ? ((styles as ReadonlyArray<ReportStyle | null>)[i] ?? null) : (styles as ReportStyle | null);
    });
    this.rows.push(line);
    this.styles.push(look);
    return r;
  }

  /** A row of one text in cells merged across the sheet's width (the merged cell takes the first cell's style). */
  merged(text: string, style: ReportStyle): number {
    const r = this.row([text], style);
    this.merges.push({ row: r, col: 0, rows: 1, cols: this.cols });
    return r;
  }

  blank(): void {
    this.row([], null);
  }

  /** Rows `first` to the last row written so far go on one printed page. */
  keepFrom(first: number): void {
    this.keeps.push({ first, last: this.rows.length - 1 });
  }
}

/** A moment of the report JSON (zone-less ISO text, as the model wrote it). */
function wallOfJson(iso: string): WallTime {
  const t = parseWallIso(iso);
  if (t === undefined) throw new Error(`report JSON: "${iso}" is not a wall-clock time`);
  return t;
}

function isoDay(iso: string): string {
  return formatWall(wallOfJson(iso), false);
}

function isoMinute(iso: string): string {
  return formatWall(wallOfJson(iso), true);
}

/** The day before an exclusive end, for "2026-11-01 至 2026-11-30". */
function lastDay(endIso: string): string {
  return formatWall(dayBefore(wallOfJson(endIso)), false);
}

/** A headline figure: a count, hours or cents, or a rate; null when there is none (no hours without resolved tickets). */
type Figure = number | Rate | null;

function isRate(v: unknown): v is Rate {
  return typeof v === 'object' && v !== null && 'num' in v && 'den' in v && 'rate' in v;
}

/** The figure of a headline row in a period block of the JSON (the report's own, or its previous period's). */
function figureOf(block: PeriodJson, row: HeadlineRow): Figure {
  const values: Readonly<Record<string, unknown>> = row.block === 'coverage' ? block : block[row.block];
  const whole = values[row.key];
  const v = row.part === null ? whole : typeof whole === 'object' && whole !== null ? (whole as Readonly<Record<string, unknown>>)[row.part] : undefined;
  if (v === null || typeof v === 'number' || isRate(v)) return v;
  throw new Error(`headline row ${row.key}${row.part === null ? '' : `.${row.part}`}: not a number or a rate in the report JSON`);
}

/** How a format is written: the value's style, a rate's numerator and denominator, and which of them are cents (written as yuan). */
const LOOKS: Record<KpiFormat, { value: ReportStyle; parts: ReportStyle | null; cents: 'value' | 'parts' | null }> = {
  integer: { value: 'integer', parts: null, cents: null },
  hours: { value: 'decimal', parts: null, cents: null },
  money: { value: 'money', parts: null, cents: 'value' },
  percent: { value: 'percent', parts: 'integer', cents: null },
  moneyPercent: { value: 'percent', parts: 'money', cents: 'parts' },
};

/**
 * A row of a KPI table: name, value (a rate with its numerator and denominator), then as the row says
 * the previous period's value and the change (环比, changeOf): relative for a count, hours or money
 * under 较上期 %, in percentage points for a rate under 较上期 百分点, each with its sign.
 */
function headlineLine(row: HeadlineRow, now: Figure, before: Figure, lang: Lang): { cells: Cell[]; styles: Array<ReportStyle | null> } {
  const look = LOOKS[row.format];
  const shown = (n: number | null) => (n !== null && look.cents === 'value' ? centsToYuan(n) : n);
  const part = (n: number) => (look.cents === 'parts' ? centsToYuan(n) : n);
  const scalar = (f: Figure) => (f !== null && typeof f === 'object' ? f.rate : f);
  const rate = now !== null && typeof now === 'object' ? now : null;
  const cells: Cell[] = [row[lang], shown(scalar(now)), rate ? part(rate.num) : null, rate ? part(rate.den) : null];
  const styles: Array<ReportStyle | null> = ['label', look.value, look.parts, look.parts];
  if (row.beside !== 'nothing') {
    cells.push(shown(scalar(before)));
    styles.push(look.value);
  }
  if (row.beside === 'previousAndChange') {
    const change = changeOf(now, before);
    cells.push(change.unit === 'relative' ? change.value : null, change.unit === 'points' ? change.value : null);
    styles.push(change.unit === 'relative' ? 'signedPercent' : null, change.unit === 'points' ? 'signedDecimal' : null);
  }
  return { cells, styles };
}

/** A column header of the department × week table: the ISO week, and its days in the month: `W40 1–4日`. */
function weekHeader(week: PeriodJson['period'], lang: Lang): string {
  const n = Number(/W(\d+)$/.exec(week.label)?.[1] ?? 0);
  const first = Number(isoDay(week.start).slice(8));
  const last = Number(lastDay(week.end).slice(8));
  const days = first === last ? String(first) : `${first}–${last}`;
  // one line: a line break in a cell is text the strict schema's <t> cannot carry (xml:space)
  return W[lang].week.replace('{n}', String(n)).replace('{days}', days);
}

export function renderReport(json: ReportJson, lang: Lang): ReportSheet {
  const w = W[lang];
  const kpiName = (key: KpiKey) => kpiEntry(key)[lang];
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
  // a period without any ticket says so before its zeros
  if (json.empty) {
    L.merged(w.empty, 'note');
    L.blank();
  }

  const t = json.tickets;
  const kpiTable = (rows: ReadonlyArray<HeadlineRow>) => {
    L.row([w.kpi, w.current, w.num, w.den, w.previous, w.changeRelative, w.changePoints], 'header');
    for (const row of rows) {
      const line = headlineLine(row, figureOf(json, row), figureOf(json.previous, row), lang);
      L.row(line.cells, line.styles);
    }
  };
  L.row([w.kpis], 'section');
  kpiTable(HEADLINE_KPIS.tickets);
  L.blank();
  // a quarter with a 回访计划 sheet: how far its calls have got (absent otherwise)
  const plan = json.callbackPlan;
  if (plan) {
    L.row([w.plan, w.planned, w.called, w.planDone], 'header');
    L.row([plan.sheet, plan.planned, plan.called.num, plan.called.rate], ['label', 'integer', 'integer', 'percent']);
    L.blank();
  }

  // SLA compliance by category and by department, worst first (worstFirst: the domain's order)
  L.row([w.onTime], 'section');
  const onTimeTable = (head: string, by: OnTimeBy) => {
    L.row([head, kpiName('onTimeResponse'), w.num, w.den, kpiName('onTimeResolution'), w.num, w.den], 'header');
    for (const key of worstFirst(by)) {
      const g = by[key];
      if (g.response.den === 0 && g.resolution.den === 0) continue; // nothing due: no row (the JSON keeps it)
      L.row([key, g.response.rate, g.response.num, g.response.den, g.resolution.rate, g.resolution.num, g.resolution.den], ['label', 'percent', 'integer', 'integer', 'percent', 'integer', 'integer']);
    }
    // the overall rates: what the rows above add up to
    const all = [t.onTimeResponse, t.onTimeResolution];
    L.row([w.total, ...all.flatMap((r) => [r.rate, r.num, r.den])], ['total', 'percent', 'total', 'total', 'percent', 'total', 'total']);
  };
  onTimeTable(w.category, t.onTimeByCategory);
  L.blank();
  onTimeTable(w.department, t.onTimeByDepartment);
  L.blank();
  // the monthly report: on-time resolution by department and week of the month
  const byWeek = json.onTimeResolutionByWeek;
  if (byWeek && byWeek.weeks.length > 0) {
    L.row([w.byWeek], 'section');
    const weeks = byWeek.weeks.map((x) => weekHeader(x, lang));
    L.row([w.department, ...weeks, w.month, w.num, w.den], 'header');
    const percents = (): ReportStyle[] => byWeek.weeks.map(() => 'percent');
    for (const dept of Object.keys(byWeek.byDepartment)) {
      const month = t.onTimeByDepartment[dept]?.resolution ?? { num: 0, den: 0, rate: null };
      L.row([dept, ...byWeek.byDepartment[dept].map((r) => r.rate), month.rate, month.num, month.den], ['label', ...percents(), 'percent', 'integer', 'integer']);
    }
    const all = t.onTimeResolution;
    L.row([w.total, ...byWeek.total.map((r) => r.rate), all.rate, all.num, all.den], ['total', ...percents(), 'percent', 'total', 'total']);
    L.blank();
  }

  // Breakdowns: type × category, then department and channel side by side.
  L.row([w.breakdown], 'section');
  const categories = Object.keys(t.byCategory);
  const cross = t.typeByCategory;
  if (categories.length > 0 && categories.length <= COLS - 2) {
    L.row([`${w.type} \\ ${w.category}`, ...categories, w.total], 'header');
    for (const type of Object.keys(t.byType)) {
      const rowCounts = categories.map((c) => cross[type]?.[c] ?? 0);
      L.row([type, ...rowCounts, t.byType[type]], ['label', ...categories.map((): ReportStyle => 'integer'), 'integer']);
    }
    L.row([w.total, ...categories.map((c) => t.byCategory[c]), t.received], ['total', ...categories.map((): ReportStyle => 'total'), 'total']);
  } else {
    L.row([w.type, kpiName('received')], 'header');
    for (const [k, v] of Object.entries(t.byType)) L.row([k, v], ['label', 'integer']);
    L.blank();
    L.row([w.category, kpiName('received')], 'header');
    for (const [k, v] of Object.entries(t.byCategory)) L.row([k, v], ['label', 'integer']);
  }
  L.blank();
  L.row([w.type, kpiName('received'), kpiName('resolved'), kpiName('backlog')], 'header');
  for (const type of Object.keys(t.byType)) {
    L.row([type, t.byType[type], t.resolvedByType[type] ?? 0, t.backlogByType[type] ?? 0], ['label', 'integer', 'integer', 'integer']);
  }
  L.row([w.total, t.received, t.resolved, t.backlog], 'total');
  L.blank();
  L.row([w.department, kpiName('received'), null, w.channel, kpiName('received')], ['header', 'header', null, 'header', 'header']);
  const depts = Object.entries(t.byDepartment);
  const chans = Object.entries(t.byChannel);
  for (let i = 0; i < Math.max(depts.length, chans.length); i++) {
    const d = depts[i];
    const c = chans[i];
    L.row([d?.[0] ?? null, d?.[1] ?? null, null, c?.[0] ?? null, c?.[1] ?? null], ['label', 'integer', null, 'label', 'integer']);
  }
  L.blank();

  const arrears = json.charges.arrears;
  L.row([w.charges], 'section');
  kpiTable(HEADLINE_KPIS.charges);
  L.blank();
  L.row([w.bucket, w.amount, w.units, w.feeItem, w.amount], ['header', 'header', 'header', 'header', 'header']);
  const fees = Object.entries(arrears.byFeeItem);
  for (let i = 0; i < Math.max(arrears.byBucket.length, fees.length); i++) {
    const b = arrears.byBucket[i];
    const f = fees[i];
    L.row([b?.label ?? null, b ? centsToYuan(b.amount) : null, b ? b.units : null, f?.[0] ?? null, f ? centsToYuan(f[1]) : null], ['label', 'money', b ? 'integer' : null, 'label', 'money']);
  }
  if (arrears.topUnits.length > 0) {
    L.blank();
    L.row([w.topUnits], 'section');
    L.row([w.unit, w.amount, w.periods, w.since], 'header');
    for (const u of arrears.topUnits) L.row([u.unit, centsToYuan(u.amount), u.periods, isoDay(u.since)], ['text', 'money', 'integer', 'text']);
  }
  L.blank();

  // the tickets open at as-of (the period's end): where each stood then, from its times, and its status now
  const late = json.overdue;
  const lateIds = new Set(late.map((x) => x.id));
  const open = [...late, ...json.open.filter((x) => !lateIds.has(x.id))];
  L.row([w.lists.replace('{open}', String(open.length)).replace('{late}', String(late.length))], 'section');
  if (open.length === 0) L.row([w.none], 'note');
  else {
    L.row([w.id, w.receivedAt, w.type, w.category, w.unit, w.department, w.progress, w.statusNow, w.deadline, w.hoursLate], 'header');
    for (const x of open.slice(0, LIST_LIMIT)) {
      L.row(
        [x.id, isoMinute(x.received), x.type, x.category, x.unit, x.department, w.progressOf[x.progress], x.status, x.deadline ? isoMinute(x.deadline) : null, lateIds.has(x.id) ? (x.hoursLate ?? null) : null],
        ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'decimal'],
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

  if (json.trend.length > 0) {
    L.blank();
    const section = L.row([w.trend], 'section');
    const head = L.row([w.label, kpiName('received'), kpiName('resolved'), kpiName('onTimeResolution')], 'header');
    for (const x of json.trend) L.row([x.label, x.received, x.resolved, x.onTimeResolution.rate], ['label', 'integer', 'integer', 'percent']);
    // the chart beside the table, the rows it covers kept on the table's page
    const rows = Math.max(json.trend.length + 1, CHART_MIN_ROWS);
    while (L.rows.length < head + rows) L.blank();
    L.charts.push({
      type: 'column',
      title: `${kpiName('received')} / ${kpiName('resolved')}`,
      data: { row: head, col: 0, rows: json.trend.length + 1, cols: 3 },
      anchor: { row: head, col: CHART_COL },
      size: { rows, cols: COLS - CHART_COL },
    });
    L.keepFrom(section);
  }

  const printed = printLayout({ rows: L.rows, styles: L.styles, merges: L.merges, charts: L.charts, keeps: L.keeps, titleRows, cols: COLS });
  return { name, ...printed };
}
