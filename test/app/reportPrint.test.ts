// Reports laid out for print (issue 13): no column cut off, no heading stranded at the foot of a
// page, a table's header repeated on the page it continues on.
import { printLayout, shownText, textWidth } from '../../src/app/reportPrint';
import { runReport } from '../../src/app/report';
import { renderReport } from '../../src/app/reportSheet';
import { buildSampleWorkbook } from '../support/sample';
import type { Cell, ReportSheet, ReportStyle } from '../../src/workbook/types';

/** The pages of a printed sheet: each a list of its rows. */
function pagesOf(sheet: Pick<ReportSheet, 'rows' | 'pages'>): number[][] {
  const starts = [0, ...(sheet.pages?.breaks ?? [])];
  return starts.map((s, i) => Array.from({ length: (starts[i + 1] ?? sheet.rows.length) - s }, (_, k) => s + k));
}

const COLS = 4;
const pad = <T,>(xs: T[], fill: T): T[] => [...xs, ...Array<T>(COLS - xs.length).fill(fill)];

/** A title block, then `tables` tables of `rows` body rows, each under a section heading. */
function layout(tables: number, rows: number) {
  const cells: Cell[][] = [pad<Cell>(['报表'], null), pad<Cell>(['截至 2026-11-01 00:00'], null), pad<Cell>([], null)];
  const styles: Array<Array<ReportStyle | null>> = [pad<ReportStyle | null>(['title'], null), pad<ReportStyle | null>(['subtitle'], null), pad<ReportStyle | null>([], null)];
  for (let t = 0; t < tables; t++) {
    cells.push(pad<Cell>([`第 ${t + 1} 节`], null), ['工单号', '受理时间', '责任部门', '超时（小时）']);
    styles.push(pad<ReportStyle | null>(['section'], null), ['header', 'header', 'header', 'header']);
    for (let r = 0; r < rows; r++) {
      cells.push([`GD-20261026-R2D-${String(r).padStart(3, '0')}`, '2026-11-20 11:30', r % 2 ? 'Customer service' : '客服部', r * 1.5]);
      styles.push(['text', 'text', 'text', 'decimal']);
    }
    cells.push(pad<Cell>([], null));
    styles.push(pad<ReportStyle | null>([], null));
  }
  return { rows: cells, styles, merges: [{ row: 0, col: 0, rows: 1, cols: COLS }], charts: [], keeps: [], titleRows: { first: 0, last: 1 }, cols: COLS };
}

describe('a report laid out for print', () => {
  it('sizes each column to its longest text: a datetime, an English department, a ticket ID', () => {
    const p = printLayout(layout(1, 4));
    // in digits of Calibri: "2026-11-20 11:30" is 12 digits, 2 hyphens (0.65), a space and a colon (0.5) = 14.3, + 1 margin
    expect(p.widths[1]).toBe(15.5);
    for (const [r, row] of p.rows.entries()) {
      row.forEach((cell, c) => {
        const style = p.styles[r][c];
        if (cell === null || style === 'title' || style === 'subtitle' || style === 'section') return;
        const text = shownText(cell, style);
        if (style === 'header' && textWidth(text, true) > 14) return; // a long header wraps
        expect([text, p.widths[c] >= textWidth(text, style === 'header')]).toEqual([text, true]);
      });
    }
    expect(textWidth('Customer service')).toBeGreaterThan(textWidth('客服部'));
    // it fits one A4 landscape page wide at 100 %: nothing to shrink
    expect(p.pages.scale).toBe(100);
  });


  it('caps a column at 80 characters: a department of 32,767 characters keeps them all and shows its start', () => {
    // found by the soak (npm run soak): a fuzzed 责任部门 made the monthly report's column 32,768 wide,
    // past Excel's 255, and the report stopped with an internal error
    const input = layout(1, 4);
    const long = '客'.repeat(32_767);
    input.rows[5][2] = long;
    const p = printLayout(input);
    expect(p.widths[2]).toBe(80);
    expect(p.rows[5][2]).toBe(long);
    // the other columns as before: the datetime's 15.5
    expect(p.widths[1]).toBe(15.5);
  });
  it('breaks pages so that no heading or header ends a page, and repeats the header where a table continues', () => {
    // 3 tables of 30 rows (16 pt each) do not fit one page (about 490 pt)
    const p = printLayout(layout(3, 30));
    const pages = pagesOf(p);
    expect(pages.length).toBeGreaterThan(3);
    const role = (r: number) => p.styles[r][0];
    for (const page of pages) {
      const last = page.filter((r) => p.rows[r].some((c) => c !== null)).pop()!;
      expect(['section', 'header']).not.toContain(role(last));
      // a page after the first starts with a section heading or a repeated header, never a body row
      if (page[0] > 0) expect(['section', 'header']).toContain(role(page[0]));
      // what fits: the title block repeats on every page (print titles)
      const height = page.reduce((a, r) => a + p.rowHeights.find((h) => h.row === r)!.points, 0) + (page[0] > 0 ? 42 : 0);
      expect(height).toBeLessThanOrEqual(508.9);
    }
    // a header row starts each page a table runs onto, the same cells as the table's own
    const headers = p.rows.filter((row, r) => p.styles[r][0] === 'header');
    expect(headers.length).toBeGreaterThan(3);
    for (const h of headers) expect(h).toEqual(['工单号', '受理时间', '责任部门', '超时（小时）']);
    // every body row of the input is there once, in order
    const ids = p.rows.filter((row, r) => p.styles[r][0] === 'text').map((row) => row[0]);
    expect(ids).toHaveLength(90);
    expect(p.printTitleRows).toEqual({ first: 0, last: 1 });
  });

  it('keeps a heading with the first three rows of its table', () => {
    const p = printLayout(layout(3, 30));
    for (const page of pagesOf(p)) {
      page.forEach((r) => {
        if (p.styles[r][0] !== 'section') return;
        // heading, header, then 3 rows on the same page
        expect(page).toContain(r + 4);
      });
    }
  });
});

describe('the demo’s monthly report as printed', () => {
  let sheet: ReportSheet;
  beforeAll(async () => {
    const wb = await buildSampleWorkbook({ asOf: '2026-11-25T17:30:00', plant: false, lang: 'zh' });
    const r = await runReport(wb, { kind: 'monthly', period: '2026-10', asOf: '2026-11-25T17:30:00', generatedAt: '2026-11-25T18:00:00', lang: 'zh' });
    sheet = renderReport(r.json, 'zh');
  });

  it('fits one page wide, and no page ends with a section heading or a table header', () => {
    const { pages, widths } = sheet;
    const points = widths.reduce((a, w) => a + (w * 7.44 + 5) * 0.75, 0);
    expect((points * pages!.scale!) / 100).toBeLessThanOrEqual(841.89 - 0.8 * 72);
    for (const page of pagesOf(sheet)) {
      const last = page.filter((r) => sheet.rows[r].some((c) => c !== null)).pop()!;
      expect([last, sheet.styles[last].includes('section') || sheet.styles[last].includes('header')]).toEqual([last, false]);
    }
    // the trend and its chart on one page: no break between the trend heading and the chart's last row
    const chart = sheet.charts![0];
    const trendPage = pagesOf(sheet).find((p) => p.includes(chart.anchor.row))!;
    expect(trendPage).toContain(chart.anchor.row + chart.size!.rows - 1);
    expect(trendPage).toContain(chart.anchor.row - 1);
  });
});
