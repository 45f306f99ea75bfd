// The 待办 sheet (To-do in an English workbook), laid out from the domain's lists (it computes
// nothing): a legend of the ticket sheet's row colours, then overdue, due soon, awaiting a callback
// and not yet dispatched, each a table with its count, most urgent first. A4 landscape, one page wide.
import { CallbackEntry, DueEntry, DueLists, TodoTicket, UndispatchedEntry } from '../domain/due';
import { enumLabel, Lang, STATUSES } from '../domain/enums';
import { Settings } from '../domain/settings';
import { formatWall, wallToSerial } from '../domain/time';
import { Cell, ReportSheet, ReportStyle } from '../workbook/types';
import { Layout } from './reportSheet';
import { todoSheetName } from './reportNames';

const W = {
  zh: {
    asOf: '截至 {time} · 临期提醒 {hours} 小时 · 计时：{clock}',
    calendar: '日历时间', working: '工作时间',
    legend: '工单表中的颜色：', overdue: '超时', dueSoon: '临期',
    legendNote: '整行着色，由插件自己的条件格式显示，不改动单元格；单元格上的校验标记（红、黄）优先显示。',
    overdueSection: '一、超时（{n} 件，超时最久的在前）',
    dueSoonSection: '二、临期：{hours} 小时内到期（{n} 件，剩余时间最短的在前）',
    callbackSection: '三、已完成待回访（{n} 件，等待最久的在前）',
    undispatchedSection: '四、待派单（{n} 件，等待最久的在前）',
    row: '行号', id: '工单号', unit: '房号', type: '类型', category: '类别', department: '责任部门', status: '状态',
    due: '时限', deadline: '到期时间', hoursLate: '超时（小时）', hoursLeft: '剩余（小时）',
    resolved: '完成时间', received: '受理时间', waiting: '已等待', hoursText: '{n} 小时', daysText: '{n} 天',
    response: '首次响应', resolution: '办结',
    none: '无', noId: '（无工单号）',
    hoursNote: '超时、剩余的小时按中心的计时方式（设置“计时方式”）计算，挂起期间不计，约定完成时间优先于办结时限；已等待为实际经过的时间。',
  },
  en: {
    asOf: 'as of {time} · due-soon warning {hours} h · clock: {clock}',
    calendar: 'calendar hours', working: 'working hours',
    legend: 'Colours on the ticket sheet:', overdue: 'Overdue', dueSoon: 'Due soon',
    legendNote: "Whole rows, shown by the add-in's own conditional formats; no cell is changed. A validation mark on a cell (red, yellow) shows over the row's colour.",
    overdueSection: '1. Overdue ({n}, most late first)',
    dueSoonSection: '2. Due soon: due within {hours} h ({n}, least time left first)',
    callbackSection: '3. Resolved, awaiting a callback ({n}, longest waiting first)',
    undispatchedSection: '4. New, not yet dispatched ({n}, longest waiting first)',
    row: 'Row', id: 'Ticket ID', unit: 'Unit', type: 'Type', category: 'Category', department: 'Department', status: 'Status',
    due: 'Due for', deadline: 'Deadline', hoursLate: 'Hours late', hoursLeft: 'Hours left',
    resolved: 'Resolved', received: 'Received', waiting: 'Waiting', hoursText: '{n} h', daysText: '{n} days',
    response: 'First response', resolution: 'Resolution',
    none: 'None', noId: '(no ticket ID)',
    hoursNote: "Hours late and left on the center's clock (Settings: Clock), time on hold not counted, an agreed due time before the resolution SLA; waiting is the time elapsed.",
  },
};

function say(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}

const COLS = 10;
const WIDTHS = [6, 20, 10, 8, 11, 12, 9, 10, 17, 12];

/** One decimal, as the sheet shows it: what a clerk reads, not what the JSON carries. */
const tenth = (hours: number) => Math.round(hours * 10) / 10;

/** How long a customer has waited, as a clerk says it: hours within the first two days, then whole days. */
export function waitedText(hours: number, lang: Lang): string {
  return hours < 48 ? say(W[lang].hoursText, { n: tenth(hours).toFixed(1) }) : say(W[lang].daysText, { n: Math.floor(hours / 24) });
}

/** The 待办 sheet of the lists. */
export function renderDue(lists: DueLists, settings: Settings, lang: Lang): ReportSheet {
  const w = W[lang];
  const L = new Layout(COLS);
  const heights: Array<{ row: number; points: number }> = [];
  const name = todoSheetName(formatWall(lists.asOf, false), lang);
  const hours = lists.dueSoonHours;
  L.merged(`${settings.centerName} ${name}`, 'title');
  L.merged(say(w.asOf, { time: formatWall(lists.asOf, true), hours, clock: settings.calendar === 'working' ? w.working : w.calendar }), 'subtitle');
  L.row([w.legend, null, w.overdue, w.dueSoon], ['text', null, 'overdueFill', 'dueSoonFill']);
  L.merges.push({ row: L.rows.length - 1, col: 0, rows: 1, cols: 2 });
  L.row([w.legendNote], 'note');
  L.blank();

  const ticket = (t: TodoTicket): Cell[] => [t.row, t.id === '' ? w.noId : t.id, t.unit, t.type, t.category, t.department, t.status === null ? null : enumLabel(STATUSES, t.status, lang)];
  const ticketStyles: ReportStyle[] = ['integer', 'text', 'text', 'text', 'text', 'text', 'text'];
  const table = <E,>(heading: string, head: Cell[], entries: ReadonlyArray<E>, cells: (e: E) => Cell[], styles: Array<ReportStyle | null>) => {
    L.row([heading], 'section');
    heights.push({ row: L.row(head, 'header'), points: 30 });
    if (entries.length === 0) L.row([w.none], 'note');
    for (const e of entries) L.row(cells(e), styles);
    L.blank();
  };
  const dueHead = (last: string) => [w.row, w.id, w.unit, w.type, w.category, w.department, w.status, w.due, w.deadline, last];
  const dueCells = (e: DueEntry): Cell[] => [...ticket(e), e.deadlineFor === 'response' ? w.response : w.resolution, wallToSerial(e.deadline), tenth(e.hours)];
  const dueStyles: Array<ReportStyle | null> = [...ticketStyles, 'text', 'datetime', 'decimal'];
  table(say(w.overdueSection, { n: lists.overdue.length }), dueHead(w.hoursLate), lists.overdue, dueCells, dueStyles);
  table(say(w.dueSoonSection, { n: lists.dueSoon.length, hours }), dueHead(w.hoursLeft), lists.dueSoon, dueCells, dueStyles);
  const waitHead = (at: string): Cell[] => [w.row, w.id, w.unit, w.type, w.category, w.department, w.status, null, at, w.waiting];
  const waitStyles: Array<ReportStyle | null> = [...ticketStyles, null, 'datetime', 'signature'];
  table(say(w.callbackSection, { n: lists.awaitingCallback.length }), waitHead(w.resolved), lists.awaitingCallback, (e: CallbackEntry) => [...ticket(e), null, wallToSerial(e.resolvedAt), waitedText(e.hours, lang)], waitStyles);
  table(say(w.undispatchedSection, { n: lists.undispatched.length }), waitHead(w.received), lists.undispatched, (e: UndispatchedEntry) => [...ticket(e), null, wallToSerial(e.receivedAt), waitedText(e.hours, lang)], waitStyles);
  L.row([w.hoursNote], 'note');
  return { name, rows: L.rows, styles: L.styles, merges: L.merges, widths: WIDTHS, rowHeights: heights };
}
