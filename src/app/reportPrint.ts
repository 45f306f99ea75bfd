// A report laid out for print (issue 13: "no column cut off, no section heading stranded at the foot
// of a page, table headers repeated on continuation pages"). From the rows a renderer wrote:
// - column widths that fit the longest text of each column, as printed: datetimes such as
//   `2026-11-20 11:30`, numbers as their format shows them, English labels such as `Customer
//   service`, in digits of the sheet's font (charWidth), rounded up;
// - every row a set height, so that where a page ends is known here and not left to the host;
// - a print scale that fits the columns on one A4 landscape page wide (a fixed percentage: Excel
//   ignores manual page breaks on a sheet fitted to pages);
// - manual page breaks: a section heading and a table's header row keep with the first rows of their
//   table (a table of up to 8 rows is kept whole), a table's last two rows stay together, a block marked to keep (the trend and its chart)
//   moves whole; a table continued on the next page starts there with a copy of its header row.
//   Excel's print titles are one row range per sheet, and they repeat the title block; a report
//   holds several tables, so their headers are repeated as rows after each break instead.
// Computes no figure: it only arranges the cells it is given.
import { Cell, ChartSpec, ReportSheet, ReportStyle } from '../workbook/types';
import { REPORT_LOOKS, REPORT_MARGINS } from '../workbook/reportLooks';

/** A4 in points, and the part of a landscape page inside the report margins. */
const A4 = { long: 841.89, short: 595.28 } as const;
const PAGE_WIDTH = A4.long - (REPORT_MARGINS.left + REPORT_MARGINS.right) * 72;
const PAGE_HEIGHT = A4.short - (REPORT_MARGINS.top + REPORT_MARGINS.bottom) * 72;
/** what a page may hold, a little less than it measures: hosts round row heights their own way */
const PAGE_FILL = 0.96;

/** Row heights in points by what a row holds. */
const HEIGHT = { title: 26, subtitle: 16, section: 21, headerLine: 15, headerPad: 4, body: 16, blank: 10, note: 14 } as const;

/** Rows a section heading or a header row keeps with it: the first rows of its table, or the whole
 *  table when it is short. */
const KEEP_FIRST_ROWS = 3;
const KEEP_WHOLE_ROWS = 8;
const MIN_WIDTH = 6;
/** No column fits wider than this: a text longer (a clerk's 32,767 characters in one cell) keeps
 *  every character in its cell and shows its start (Excel allows 255; the page's scale would fall
 *  to nothing long before). */
const MAX_WIDTH = 80;
/** A header wider than this many characters wraps onto more lines rather than widen its column. */
const HEADER_ONE_LINE = 14;
/** characters added to a column's longest text: the cell's inner margins */
const PADDING = 1;

type Role = 'title' | 'section' | 'header' | 'body' | 'blank' | 'note';

/** What a renderer hands over: the grid, and what must not be split. */
export interface PrintInput {
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>;
  readonly styles: ReadonlyArray<ReadonlyArray<ReportStyle | null>>;
  readonly merges: ReadonlyArray<{ readonly row: number; readonly col: number; readonly rows: number; readonly cols: number }>;
  readonly charts: ReadonlyArray<ChartSpec>;
  /** row ranges printed on one page (a table and the chart beside it), inclusive */
  readonly keeps: ReadonlyArray<{ readonly first: number; readonly last: number }>;
  /** the title block, repeated at the top of every page as print titles */
  readonly titleRows: { readonly first: number; readonly last: number };
  readonly cols: number;
}

export type Printed = Required<Pick<ReportSheet, 'rows' | 'styles' | 'merges' | 'charts' | 'widths' | 'rowHeights' | 'printTitleRows' | 'pages'>>;

/**
 * Width of one character in Excel's unit, the digit width of the sheet's default font (Calibri 11,
 * or what stands in for it: LibreOffice sizes columns by the digit of its substitute, so the unit
 * holds there too). Latin letters by their Calibri widths, rounded up; CJK glyphs come from a
 * fallback font (Microsoft YaHei, DengXian, Noto Sans CJK), a full em: about 2.1 digits.
 */
function charWidth(code: number): number {
  if (code >= 0x2e80 || (code >= 0x1100 && code <= 0x11ff)) return 2.1; // CJK, full-width forms
  if (code >= 0x30 && code <= 0x39) return 1; // digits: the unit
  if (code === 0x20 || code === 0x2e || code === 0x2c || code === 0x3a || code === 0x3b || code === 0x27) return 0.5; // space . , : ; '
  if (code === 0x69 || code === 0x6c || code === 0x6a || code === 0x7c || code === 0x21) return 0.5; // i l j | !
  if (code === 0x66 || code === 0x74 || code === 0x72 || code === 0x2d || code === 0x28 || code === 0x29) return 0.65; // f t r - ( )
  if (code === 0x6d || code === 0x77 || code === 0x25) return 1.45; // m w %
  if (code === 0x4d || code === 0x57) return 1.7; // M W
  if (code >= 0x41 && code <= 0x5a) return 1.2; // capitals
  return 1; // other letters, signs, the en dash
}

/** Width of a text in characters of the default font, as printed. */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return bold ? w * 1.07 : w;
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A cell's text as its style's number format shows it. */
export function shownText(cell: Cell, style: ReportStyle | null): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell !== 'number') return cell.error;
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '-' : '');
  switch (style) {
    case 'percent':
      return `${(cell * 100).toFixed(1)}%`;
    case 'signedPercent':
      return `${sign(cell)}${Math.abs(cell * 100).toFixed(1)}%`;
    case 'signedDecimal':
      return `${sign(cell)}${Math.abs(cell).toFixed(1)}`;
    case 'decimal':
      return cell.toFixed(1);
    case 'money':
    case 'moneyTotal': {
      const [whole, cents] = Math.abs(cell).toFixed(2).split('.');
      return `${cell < 0 ? '-' : ''}${grouped(whole)}.${cents}`;
    }
    case 'date':
      return '2026-11-20';
    case 'datetime':
      return '2026-11-20 11:30';
    default:
      return Number.isInteger(cell) ? String(cell) : String(Math.round(cell * 10) / 10);
  }
}

function roleOf(styles: ReadonlyArray<ReportStyle | null>, cells: ReadonlyArray<Cell>): Role {
  const used = styles.filter((s, i) => s !== null && cells[i] !== null && cells[i] !== '');
  if (used.includes('title') || used.includes('subtitle')) return 'title';
  if (used.includes('section')) return 'section';
  if (styles.includes('header')) return 'header';
  if (used.length === 0) return cells.some((c) => c !== null && c !== '') ? 'body' : 'blank';
  return used.every((s) => s === 'note') ? 'note' : 'body';
}

/** The pieces of a text that a wrapping cell keeps on one line: words, or single CJK characters. */
function tokens(text: string): string[] {
  return text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+/g) ?? [];
}

/** Lines a header text takes in a column `width` characters wide (greedy wrapping, as hosts do). */
function linesIn(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const t of tokens(paragraph)) {
      const w = textWidth(t, true) + (line > 0 && /^[^\u2e80-\uffff]/.test(t) ? 0.7 : 0);
      if (line > 0 && line + w > width - PADDING) {
        lines++;
        line = textWidth(t, true);
      } else line += w;
    }
  }
  return lines;
}

/** Column widths that fit each column's longest text; a header wider than HEADER_ONE_LINE may wrap. */
function fitWidths(input: PrintInput, roles: ReadonlyArray<Role>): number[] {
  const merged = new Set<string>();
  for (const m of input.merges) for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) merged.add(`${r}:${c}`);
  const widths = Array<number>(input.cols).fill(MIN_WIDTH);
  const fit = (c: number, w: number) => (widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], Math.ceil(w * 2) / 2)));
  input.rows.forEach((cells, r) => {
    if (roles[r] === 'title' || roles[r] === 'section' || roles[r] === 'note') return; // these run across empty cells
    cells.forEach((cell, c) => {
      if (cell === null || cell === '' || merged.has(`${r}:${c}`) || c >= input.cols) return;
      const style = input.styles[r]?.[c] ?? null;
      const bold = style !== null && (REPORT_LOOKS[style].bold ?? false);
      const text = shownText(cell, style);
      if (style !== 'header') return void fit(c, textWidth(text, bold) + PADDING);
      const whole = Math.max(...text.split('\n').map((line) => textWidth(line, true)));
      const longestToken = Math.max(0, ...tokens(text).map((t) => textWidth(t, true)));
      fit(c, (whole <= HEADER_ONE_LINE ? whole : Math.max(HEADER_ONE_LINE, longestToken)) + PADDING);
    });
  });
  return widths;
}

/** A column of `chars` characters in points, the writer's padding included: Excel counts a digit of
 *  Calibri 11 as 7 pixels, LibreOffice as its true 7.44; the wider is taken, so both fit the page. */
function columnPoints(chars: number): number {
  return (chars * 7.44 + 5) * 0.75;
}

function rowHeight(role: Role, r: number, input: PrintInput, widths: ReadonlyArray<number>): number {
  if (role === 'title') return input.styles[r].includes('title') ? HEIGHT.title : HEIGHT.subtitle;
  if (role === 'header') {
    const lines = Math.max(1, ...input.rows[r].map((cell, c) => (input.styles[r][c] === 'header' && typeof cell === 'string' ? linesIn(cell, widths[c]) : 1)));
    return lines * HEIGHT.headerLine + HEIGHT.headerPad;
  }
  return HEIGHT[role];
}

/**
 * Lays out `input` for print: widths, heights, scale, and the rows with page breaks placed and
 * header rows repeated (charts and merges moved with their rows).
 */
export function printLayout(input: PrintInput): Printed {
  const n = input.rows.length;
  const roles = input.rows.map((cells, r) => roleOf(input.styles[r] ?? [], cells));
  const widths = fitWidths(input, roles);
  const totalWidth = widths.reduce((a, w) => a + columnPoints(w), 0);
  const scale = Math.max(10, Math.min(100, Math.floor((PAGE_WIDTH / totalWidth) * 100)));
  const heights = roles.map((role, r) => rowHeight(role, r, input, widths));
  const capacity = ((PAGE_HEIGHT * 100) / scale) * PAGE_FILL;
  const titleHeight = heights.slice(input.titleRows.first, input.titleRows.last + 1).reduce((a, h) => a + h, 0);

  // each body row's header row (the last header above it with no blank or section between)
  const headerOf: Array<number | null> = [];
  let open: number | null = null;
  roles.forEach((role, r) => {
    if (role === 'header') open = r;
    else if (role !== 'body') open = null;
    headerOf.push(role === 'body' ? open : null);
  });
  const lastOfTable = (r: number) => {
    let e = r;
    while (e + 1 < n && roles[e + 1] === 'body' && headerOf[e + 1] === headerOf[r]) e++;
    return e;
  };
  // the last row each row must share a page with
  const firstRowsOf = (header: number) => {
    if (!(header + 1 < n && roles[header + 1] === 'body')) return header;
    const last = lastOfTable(header + 1);
    return last - header <= KEEP_WHOLE_ROWS ? last : header + KEEP_FIRST_ROWS;
  };
  const keepTo = roles.map((role, r) => {
    if (role === 'section') {
      // with what follows it: its table's header and first rows, or the note that stands for the table
      let next = r + 1;
      while (next < n && roles[next] === 'blank') next++;
      if (next >= n) return r;
      if (roles[next] === 'header') return firstRowsOf(next);
      return roles[next] === 'note' || roles[next] === 'body' ? next : r;
    }
    if (role === 'header') return firstRowsOf(r);
    // a table's last two rows together: no total alone at the top of a page
    if (role === 'body' && headerOf[r] !== null && lastOfTable(r) === r + 1) return r + 1;
    return r;
  });
  for (const k of input.keeps) keepTo[k.first] = Math.max(keepTo[k.first], k.last);
  // a row inside a kept block keeps to the end of it too, so no break falls inside
  for (const k of input.keeps) for (let r = k.first + 1; r <= k.last; r++) keepTo[r] = Math.max(keepTo[r], k.last);
  const span = (from: number, to: number) => heights.slice(from, to + 1).reduce((a, h) => a + h, 0);

  const rows: Cell[][] = [];
  const styles: Array<Array<ReportStyle | null>> = [];
  const rowHeights: Array<{ row: number; points: number }> = [];
  const breaks: number[] = [];
  const moved: number[] = Array<number>(n).fill(-1);
  const push = (r: number) => {
    rowHeights.push({ row: rows.length, points: heights[r] });
    rows.push([...input.rows[r]]);
    styles.push([...input.styles[r]]);
  };
  let used = 0;
  let onPage = 0; // rows placed on this page
  for (let r = 0; r < n; r++) {
    const need = span(r, keepTo[r]);
    // inside a kept block no break is placed (its first row made room for it)
    const inKept = input.keeps.some((k) => r > k.first && r <= k.last);
    if (!inKept && onPage > 0 && used + need > capacity) {
      breaks.push(rows.length);
      used = titleHeight;
      onPage = 0;
      if (roles[r] === 'blank') continue; // a page does not start with a gap
      const header = headerOf[r];
      if (header !== null) {
        push(header);
        used += heights[header];
        onPage++;
      }
    }
    moved[r] = rows.length;
    push(r);
    used += heights[r];
    onPage++;
  }

  const at = (row: number) => {
    for (let r = row; r < n; r++) if (moved[r] >= 0) return moved[r];
    return rows.length - 1;
  };
  const merges = input.merges.filter((m) => moved[m.row] >= 0).map((m) => ({ ...m, row: moved[m.row] }));
  const charts = input.charts.map((c) => ({ ...c, data: { ...c.data, row: at(c.data.row) }, anchor: { ...c.anchor, row: at(c.anchor.row) } }));
  return {
    rows,
    styles,
    merges,
    charts,
    widths,
    rowHeights,
    printTitleRows: { first: moved[input.titleRows.first], last: moved[input.titleRows.last] },
    pages: { orientation: 'landscape', breaks, scale },
  };
}
