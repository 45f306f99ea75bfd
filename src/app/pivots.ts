// The KPI pivots: category × status, department × month, type × channel over the ticket table. In
// Excel, real PivotTables (refreshed on demand); in files, the same cross-tabs as values.
import { crossTab, CrossKey, CrossLists } from '../domain/crosstab';
import { Lang } from '../domain/enums';
import { TicketKey, TICKETS } from '../domain/schema';
import { TableRead } from '../domain/table';
import { Cell, PivotSpec, ReportSheet, ReportStyle } from '../workbook/types';

export function kpiSheetName(lang: Lang): string {
  return lang === 'zh' ? 'KPI' : 'KPI';
}

/** A cross-tab of tickets: a PivotTable in Excel when both its fields are columns of the sheet. */
type Tab = { row: TicketKey; zh: string; en: string } & ({ col: TicketKey; pivot: true } | { col: CrossKey; pivot: false });

const TABS: ReadonlyArray<Tab> = [
  { row: 'category', col: 'status', zh: '类别 × 状态（工单数）', en: 'Category × status (tickets)', pivot: true },
  // Office.js cannot group a date field by month, so this one is values in Excel too.
  { row: 'department', col: 'month', zh: '责任部门 × 受理月份（工单数）', en: 'Department × month received (tickets)', pivot: false },
  { row: 'type', col: 'channel', zh: '类型 × 渠道（工单数）', en: 'Type × channel (tickets)', pivot: true },
];

function headerOf(read: TableRead<'tickets'>, key: TicketKey): string {
  return read.columns.find((c) => c.def.key === key)?.header ?? TICKETS.columns.find((c) => c.key === key)![read.lang];
}

export function KPI_PIVOTS(read: TableRead<'tickets'>, sourceTable: string, lang: Lang): PivotSpec[] {
  return TABS.filter((t) => t.pivot === true).map((t, i) => ({
    name: `DeskbookPivot${i + 1}`,
    sourceTable,
    rows: [headerOf(read, t.row)],
    columns: [headerOf(read, t.col)],
    count: headerOf(read, 'id'),
    title: t[lang],
  }));
}

/** The cross-tabs as a values sheet (files; and the month cross-tab beside Excel's pivots), categories
 *  and departments in the Settings order (`lists`: the Settings' categories and departments). */
export function crossTabSheet(read: TableRead<'tickets'>, lang: Lang, lists: CrossLists, only?: 'valuesOnly'): ReportSheet {
  const rows: Cell[][] = [];
  const styles: Array<Array<ReportStyle | null>> = [];
  const total = lang === 'zh' ? '合计' : 'Total';
  let width = 2;
  const push = (cells: Cell[], look: Array<ReportStyle | null> | ReportStyle | null) => {
    rows.push(cells);
    styles.push(Array.isArray(look) ? look : cells.map(() => look));
    width = Math.max(width, cells.length);
  };
  push([lang === 'zh' ? 'KPI 交叉统计' : 'KPI cross-tabs'], 'title');
  for (const t of TABS.filter((x) => !only || !x.pivot)) {
    const x = crossTab(read, t.row, t.col, lang, lists);
    push([], null);
    push([t[lang]], 'section');
    push([`${headerOf(read, t.row)} \\ ${t.col === 'month' ? (lang === 'zh' ? '月份' : 'Month') : headerOf(read, t.col)}`, ...x.cols, total], 'header');
    x.rows.forEach((r, i) => push([r, ...x.counts[i], x.rowTotals[i]], ['label', ...x.cols.map((): ReportStyle => 'integer'), 'integer']));
    push([total, ...x.colTotals, x.total], 'total');
  }
  const padded = rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  const paddedStyles = styles.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return {
    name: only ? `${kpiSheetName(lang)} ${lang === 'zh' ? '部门月度' : 'by month'}` : kpiSheetName(lang),
    rows: padded,
    styles: paddedStyles,
    widths: [18, ...Array(width - 1).fill(10)],
    printTitleRows: { first: 0, last: 0 },
  };
}
