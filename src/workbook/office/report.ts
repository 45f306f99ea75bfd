// A generated sheet over Office.js: queued operations only, the caller syncs. No runtime reference to
// the global `Excel` (enum values are their string literals).
//
// Requirement sets: ExcelApi 1.1 Range.format (font, fill, borders, wrapText, alignment),
// Range.numberFormat, ChartCollection.add, Chart.title, Chart.setPosition, Worksheet.delete / name /
// position; 1.2 Range.merge, RangeFormat.columnWidth; 1.7 Worksheet.getRangeByIndexes;
// 1.8 PivotTableCollection.add, PivotTable hierarchies / layout.getRange, DataPivotHierarchy.summarizeBy;
// 1.2 RangeFormat.rowHeight;
// 1.9 Worksheet.pageLayout (orientation, paperSize, zoom, margins, setPrintTitleRows) and
// Worksheet.horizontalPageBreaks — used only when
// the host says it has 1.9, so the add-in keeps working on 1.8 (without the print set-up).
import { REPORT_BORDER, REPORT_LOOKS, REPORT_MARGINS, styleRuns } from '../reportLooks';
import { ChartSpec, ReportSheet } from '../types';

/** Column width in points for a width in characters (see columnWidthPoints in write.ts). */
function widthPoints(chars: number): number {
  return (Math.max(chars, 0) * 7 + 5) * 0.75;
}

const CHART_TYPE: Readonly<Record<ChartSpec['type'], string>> = { line: 'Line', column: 'ColumnClustered' };

/** Formats, merges and widths of a report on a fresh sheet; one call per style rectangle. */
export function queueReportLayout(sheet: Excel.Worksheet, report: ReportSheet): void {
  for (const run of styleRuns(report.styles)) {
    const look = REPORT_LOOKS[run.style];
    const range = sheet.getRangeByIndexes(run.row, run.col, run.rows, run.cols);
    if (look.format !== 'General') range.numberFormat = [[look.format]];
    const format = range.format;
    if (look.bold) format.font.bold = true;
    if (look.size !== undefined) format.font.size = look.size;
    if (look.color) format.font.color = `#${look.color}`;
    if (look.fill) format.fill.color = `#${look.fill}`;
    if (look.wrap) format.wrapText = true;
    if (look.horizontal) format.horizontalAlignment = look.horizontal === 'right' ? 'Right' : 'Center';
    if (look.vertical) format.verticalAlignment = look.vertical === 'top' ? 'Top' : 'Center';
    if (look.border) {
      const edges = look.border === 'top' ? ['EdgeTop'] : ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (look.border === 'all' && run.rows > 1) edges.push('InsideHorizontal');
      if (look.border === 'all' && run.cols > 1) edges.push('InsideVertical');
      for (const edge of edges) {
        const border = format.borders.getItem(edge as Excel.BorderIndex);
        border.style = 'Continuous';
        border.weight = 'Thin';
        border.color = `#${REPORT_BORDER}`;
      }
    }
  }
  for (const m of report.merges ?? []) sheet.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  report.widths.forEach((w, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = widthPoints(w);
  });
  // rows of one height in a run set at once: a printed report gives every row its height
  const heights = [...(report.rowHeights ?? [])].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length; ) {
    let j = i + 1;
    while (j < heights.length && heights[j].row === heights[j - 1].row + 1 && heights[j].points === heights[i].points) j++;
    sheet.getRangeByIndexes(heights[i].row, 0, j - i, 1).format.rowHeight = heights[i].points;
    i = j;
  }
}

/** A4 landscape, one page wide, print titles, margins (ExcelApi 1.9); or page by page, A4 in the
 *  report's orientation at 100 %, centred, with a page break above each row that starts a page. */
export function queuePageLayout(sheet: Excel.Worksheet, report: ReportSheet): void {
  const layout = sheet.pageLayout;
  const pages = report.pages;
  layout.orientation = pages?.orientation === 'portrait' ? 'Portrait' : 'Landscape';
  layout.paperSize = 'A4';
  // fit to one page wide; 0 pages tall is "automatic", as fitToHeight="0" in a file. Excel ignores
  // manual page breaks on a sheet fitted to pages: page by page prints at 100 %.
  layout.zoom = pages ? { scale: pages.scale ?? 100 } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (pages) layout.centerHorizontally = true;
  for (const row of pages?.breaks ?? []) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
  const points = (inches: number) => inches * 72;
  layout.leftMargin = points(REPORT_MARGINS.left);
  layout.rightMargin = points(REPORT_MARGINS.right);
  layout.topMargin = points(REPORT_MARGINS.top);
  layout.bottomMargin = points(REPORT_MARGINS.bottom);
  layout.headerMargin = points(REPORT_MARGINS.header);
  layout.footerMargin = points(REPORT_MARGINS.footer);
  const titles = report.printTitleRows;
  if (titles) layout.setPrintTitleRows(`$${titles.first + 1}:$${titles.last + 1}`);
}

export function queueCharts(sheet: Excel.Worksheet, charts: ReadonlyArray<ChartSpec>): void {
  for (const spec of charts) {
    const data = sheet.getRangeByIndexes(spec.data.row, spec.data.col, spec.data.rows, spec.data.cols);
    const chart = sheet.charts.add(CHART_TYPE[spec.type] as Excel.ChartType, data, 'Auto');
    chart.title.text = spec.title;
    const size = spec.size;
    const end = size ? sheet.getRangeByIndexes(spec.anchor.row + size.rows - 1, spec.anchor.col + size.cols - 1, 1, 1) : undefined;
    chart.setPosition(sheet.getRangeByIndexes(spec.anchor.row, spec.anchor.col, 1, 1), end);
  }
}
