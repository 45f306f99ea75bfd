// What each ReportStyle looks like, once for both back ends (the file back end turns a look into
// styles.xml entries, Office.js into range formats). Host-free: no Office.js, no file format.
import { MAX_COLS, MAX_ROWS } from './a1';
import { DUE_MARKS } from './marks';
import { Box, ReportSheet, ReportStyle } from './types';

export interface ReportLook {
  readonly bold?: boolean;
  /** points; the workbook's default size when absent */
  readonly size?: number;
  /** font colour, RRGGBB */
  readonly color?: string;
  /** solid fill, RRGGBB */
  readonly fill?: string;
  /** thin borders round every cell, or only above */
  readonly border?: 'all' | 'top';
  readonly wrap?: boolean;
  readonly horizontal?: 'center' | 'right';
  readonly vertical?: 'center' | 'top';
  /** Excel number format */
  readonly format: string;
}

export const REPORT_GREY = '595959';
export const REPORT_HEADER_FILL = 'DDEBF7';
export const REPORT_BORDER = '8EA9C1';

export const REPORT_LOOKS: Readonly<Record<ReportStyle, ReportLook>> = {
  title: { bold: true, size: 16, vertical: 'center', format: 'General' },
  subtitle: { color: REPORT_GREY, format: 'General' },
  section: { bold: true, size: 12, vertical: 'center', format: 'General' },
  header: { bold: true, fill: REPORT_HEADER_FILL, border: 'all', wrap: true, horizontal: 'center', vertical: 'center', format: 'General' },
  label: { format: 'General' },
  text: { format: 'General' },
  integer: { format: '0' },
  decimal: { format: '0.0' },
  percent: { format: '0.0%' },
  money: { format: '#,##0.00' },
  date: { format: 'yyyy-mm-dd' },
  datetime: { format: 'yyyy-mm-dd hh:mm' },
  total: { bold: true, border: 'top', format: '0' },
  moneyTotal: { bold: true, border: 'top', format: '#,##0.00' },
  heading: { bold: true, size: 16, horizontal: 'center', vertical: 'center', format: 'General' },
  paragraph: { wrap: true, vertical: 'top', format: 'General' },
  signature: { horizontal: 'right', format: 'General' },
  signedPercent: { format: '+0.0%;-0.0%;0.0%' },
  signedDecimal: { format: '+0.0;-0.0;0.0' },
  note: { size: 9, color: REPORT_GREY, format: 'General' },
  // the row colours of marks.ts, so that a legend shows exactly what the ticket sheet shows
  overdueFill: { fill: DUE_MARKS.style.overdue.fill.replace('#', ''), border: 'all', horizontal: 'center', format: 'General' },
  dueSoonFill: { fill: DUE_MARKS.style.dueSoon.fill.replace('#', ''), border: 'all', horizontal: 'center', format: 'General' },
};

/** Page margins of a printed report, in inches: narrower than Excel's default so wide tables fit. */
export const REPORT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

function boxText(box: Box): string {
  return `rows ${box.row + 1}-${box.row + box.rows}, columns ${box.col + 1}-${box.col + box.cols}`;
}

/** A report whose shape is wrong is a bug in the renderer above: plain Errors. */
export function checkReportShape(sheet: ReportSheet): void {
  if (sheet.styles.length > sheet.rows.length) throw new Error(`report "${sheet.name}": styles has more rows than rows`);
  sheet.styles.forEach((row, r) => {
    if (row.length > (sheet.rows[r]?.length ?? 0)) throw new Error(`report "${sheet.name}": row ${r + 1} has more styles than cells`);
  });
  const merges = sheet.merges ?? [];
  merges.forEach((m, i) => {
    const ok = [m.row, m.col, m.rows, m.cols].every(Number.isInteger) && m.row >= 0 && m.col >= 0 && m.rows >= 1 && m.cols >= 1;
    if (!ok || m.row + m.rows > MAX_ROWS || m.col + m.cols > MAX_COLS) throw new Error(`report "${sheet.name}": merge ${JSON.stringify(m)} is not a box on a sheet`);
    if (m.rows * m.cols < 2) throw new Error(`report "${sheet.name}": merge at ${boxText(m)} is a single cell`);
    for (const other of merges.slice(0, i)) {
      const overlap = m.row < other.row + other.rows && other.row < m.row + m.rows && m.col < other.col + other.cols && other.col < m.col + m.cols;
      if (overlap) throw new Error(`report "${sheet.name}": merges at ${boxText(other)} and ${boxText(m)} overlap`);
    }
  });
  if (sheet.pages) {
    const rows = sheet.rows.length;
    const scale = sheet.pages.scale;
    if (scale !== undefined && !(Number.isInteger(scale) && scale >= 10 && scale <= 400)) throw new Error(`report "${sheet.name}": print scale ${scale} is not a whole percentage from 10 to 400`);
    sheet.pages.breaks.forEach((r, i) => {
      if (!Number.isInteger(r) || r < 1 || r >= rows || (i > 0 && r <= sheet.pages!.breaks[i - 1])) {
        throw new Error(`report "${sheet.name}": page break at row ${r} is not an increasing row after the first`);
      }
    });
  }
  for (const h of sheet.rowHeights ?? []) {
    if (!Number.isInteger(h.row) || h.row < 0 || h.row >= sheet.rows.length || !(h.points > 0 && h.points <= 409)) {
      throw new Error(`report "${sheet.name}": row height ${h.points} at row ${h.row} is not a row of 0 to 409 points`);
    }
  }
  if (sheet.printTitleRows) {
    const { first, last } = sheet.printTitleRows;
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first) {
      throw new Error(`report "${sheet.name}": print title rows ${first}..${last} are not rows`);
    }
  }
  for (const c of sheet.charts ?? []) {
    const boxes = [c.data, { ...c.anchor, rows: c.size?.rows ?? 1, cols: c.size?.cols ?? 1 }];
    if (!boxes.every((b) => [b.row, b.col, b.rows, b.cols].every(Number.isInteger) && b.row >= 0 && b.col >= 0 && b.rows >= 1 && b.cols >= 1 && b.row + b.rows <= MAX_ROWS && b.col + b.cols <= MAX_COLS)) {
      throw new Error(`report "${sheet.name}": chart "${c.title}" is not over boxes of the sheet`);
    }
    if (c.data.rows < 2 || c.data.cols < 2) throw new Error(`report "${sheet.name}": chart "${c.title}" needs a row of series names and a column of categories`);
  }
  sheet.widths.forEach((w) => {
    if (!(w >= 0 && w <= 255)) throw new Error(`report "${sheet.name}": column width ${w} is not 0 to 255 characters`);
  });
}

/** A rectangle of cells sharing one style. */
export interface StyleRun extends Box {
  readonly style: ReportStyle;
}

/**
 * The styled cells as rectangles: runs of one style along a row, merged with the same run in the
 * rows below. A host that formats ranges makes one call per rectangle, not per cell.
 */
export function styleRuns(styles: ReadonlyArray<ReadonlyArray<ReportStyle | null>>): StyleRun[] {
  const out: Array<{ row: number; col: number; rows: number; cols: number; style: ReportStyle }> = [];
  let open = new Map<string, (typeof out)[number]>();
  styles.forEach((line, row) => {
    const next = new Map<string, (typeof out)[number]>();
    for (let col = 0; col < line.length; ) {
      const style = line[col];
      let end = col + 1;
      while (end < line.length && line[end] === style) end++;
      if (style) {
        const key = `${col}:${end - col}:${style}`;
        const above = open.get(key);
        if (above && above.row + above.rows === row) {
          above.rows++;
          next.set(key, above);
        } else {
          const run = { row, col, rows: 1, cols: end - col, style };
          out.push(run);
          next.set(key, run);
        }
      }
      col = end;
    }
    open = next;
  });
  return out;
}
