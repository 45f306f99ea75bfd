// A quarter's callback plan laid out as a printable sheet for either back end: a title block, what the
// plan is made of, then one row per household with four empty columns for the clerk to record the
// call (回访日期, 回访人, 满意度, 回访意见), which the next plan and 回访覆盖率 read back
// (domain/callbackPlan.ts readPlanGrid finds the columns by their headers).
import { CallbackPlan, PLAN_COLUMNS, PLAN_REASONS, PlanColumnKey, RECENT_DAYS } from '../domain/callbackPlan';
import { label, Lang, SATISFACTION } from '../domain/enums';
import { Period } from '../domain/periods';
import { dayBefore, formatWall, wallToSerial } from '../domain/time';
import { Cell, ReportSheet, ReportStyle } from '../workbook/types';

const W = {
  zh: {
    quarter: '季度',
    to: '至',
    asOf: '截至',
    summary: '住户 {occupied} 户（已入住和出租），本年其他季度已计划 {already} 户；本季计划 {planned} 户（每季回访比例 {share}，且不少于剩余住户 ÷ 剩余季度数）',
    note: '近 {days} 天有投诉或报修的住户排在前面。请在右侧四列登记回访：回访日期、回访人、满意度（{ratings}）、回访意见；登记了回访的住户计入回访覆盖率。',
    none: '本年的住户都已列入计划，本季没有要新增的住户',
  },
  en: {
    quarter: 'Quarter',
    to: 'to',
    asOf: 'as of',
    summary: '{occupied} households (occupied and let), {already} already planned in other quarters this year; {planned} planned this quarter ({share} a quarter, and no fewer than the households left ÷ the quarters left)',
    note: 'Households with a complaint or repair in the last {days} days come first. Record each call in the four columns on the right: callback date, by whom, satisfaction ({ratings}), notes; a household recorded as called back counts in the callback coverage.',
    none: 'Every household of the year is already planned: none to add this quarter',
  },
};

const STYLE: Readonly<Record<PlanColumnKey, ReportStyle>> = {
  unit: 'text',
  building: 'text',
  name: 'text',
  phone: 'text',
  reason: 'text',
  lastTicket: 'date',
  calledAt: 'date',
  calledBy: 'text',
  satisfaction: 'text',
  notes: 'text',
};

/** The header row's 0-based index: under the title, the period, the summary, the note and a blank row. */
export const PLAN_HEADER_ROW = 5;

function fill(text: string, vars: Readonly<Record<string, string | number>>): string {
  return Object.entries(vars).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), text);
}

/** A plan sheet's title, its A1: the centre and the sheet's name. A plan written before the marker is
 *  told by it (readPlanSheets), as writeReport tells such a sheet by the new sheet's first cell. */
export function planTitle(name: string, center: string): string {
  return `${center ? `${center} ` : ''}${name}`;
}

export function renderPlan(plan: CallbackPlan, opts: { name: string; lang: Lang; center: string; period: Period }): ReportSheet {
  const { lang } = opts;
  const w = W[lang];
  const cols = PLAN_COLUMNS.length;
  const rows: Cell[][] = [];
  const styles: Array<Array<ReportStyle | null>> = [];
  const line = (cells: ReadonlyArray<Cell>, look: ReadonlyArray<ReportStyle | null>) => {
    rows.push([...cells, ...Array<Cell>(cols - cells.length).fill(null)]);
    styles.push([...look, ...Array<ReportStyle | null>(cols - look.length).fill(null)]);
  };
  const merged = (text: string, style: ReportStyle) => line([text], [style]);

  merged(planTitle(opts.name, opts.center), 'title');
  merged(`${w.quarter} ${formatWall(opts.period.start, false)} ${w.to} ${formatWall(dayBefore(opts.period.end), false)} · ${w.asOf} ${formatWall(plan.asOf, true)}`, 'subtitle');
  merged(
    fill(w.summary, { occupied: plan.occupied, already: plan.alreadyPlanned, planned: plan.households.length, share: `${Math.round(plan.share * 1000) / 10}%` }),
    'subtitle',
  );
  // above the header, never under it: a row under the header with text under 房号 is a household read back
  const ratings = SATISFACTION.map((s) => label(s, lang)).join(lang === 'zh' ? '、' : ', ');
  merged(plan.households.length === 0 ? w.none : fill(w.note, { days: RECENT_DAYS, ratings }), 'note');
  line([], []);
  line(
    PLAN_COLUMNS.map((c) => c[lang]),
    PLAN_COLUMNS.map((): ReportStyle => 'header'),
  );
  for (const h of plan.households) {
    const values: Readonly<Record<PlanColumnKey, Cell>> = {
      unit: h.unit,
      building: h.building,
      name: h.name,
      phone: h.phone,
      reason: PLAN_REASONS[h.reason][lang],
      lastTicket: h.lastTicket === null ? null : wallToSerial(h.lastTicket),
      calledAt: h.record?.calledAt ?? null,
      calledBy: h.record?.calledBy ?? null,
      satisfaction: h.record?.satisfaction ?? null,
      notes: h.record?.notes ?? null,
    };
    line(
      PLAN_COLUMNS.map((c) => values[c.key]),
      PLAN_COLUMNS.map((c) => STYLE[c.key]),
    );
  }

  return {
    name: opts.name,
    rows,
    styles,
    merges: Array.from({ length: PLAN_HEADER_ROW - 1 }, (_, row) => ({ row, col: 0, rows: 1, cols })),
    widths: PLAN_COLUMNS.map((c) => c.width),
    printTitleRows: { first: PLAN_HEADER_ROW, last: PLAN_HEADER_ROW },
  };
}
