// A report's charts in a file (ReportSheet.charts): a drawing part anchoring each chart over cells of
// the sheet, and a DrawingML chart part per chart — a clustered column (or line) chart whose series
// are the columns of its data table, their names the table's first row and the categories its first
// column, each read from the sheet by reference and cached (so a reader that does not recalculate,
// LibreOffice or a viewer, draws the same numbers). As in Excel, where the Office.js back end adds
// a chart over the same range. The XML follows the element order of the ECMA-376 schemas
// (dml-chart.xsd, dml-spreadsheetDrawing.xsd), which Excel insists on.
import { boxRef } from '../a1';
import { Cell, ChartSpec } from '../types';
import { quoteSheetName } from './names';
import { escapeAttr, escapeText } from './xml';

export const CHART_REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const CHART_CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
/** Office's first accent colours, one per series. */
const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
const GRID_COLOUR = 'D9D9D9';

/** The drawing part: each chart over the cells its spec covers (its default size 8 × 15 cells). */
export function drawingXml(charts: ReadonlyArray<ChartSpec>, relIds: ReadonlyArray<string>): string {
  const anchors = charts.map((c, i) => {
    const rows = c.size?.rows ?? 15;
    const cols = c.size?.cols ?? 8;
    const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from>${at(c.anchor.col, c.anchor.row)}</xdr:from><xdr:to>${at(c.anchor.col + cols, c.anchor.row + rows)}</xdr:to>` +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Chart ${i + 1}`)}" descr="${escapeAttr(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : typeof cell === 'object' ? cell.error : String(cell);
}

function strCache(values: ReadonlyArray<string>): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: ReadonlyArray<Cell | undefined>): string {
  // a cell that holds no number is a gap: no point for it
  const points = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** The chart part of one chart over `rows` (the sheet's cells) on the sheet `sheet`. */
export function chartXml(spec: ChartSpec, sheet: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  const d = spec.data;
  const q = quoteSheetName(sheet);
  const ref = (row: number, col: number, count = 1) => `${q}!${boxRef({ row, col, rows: count, cols: 1 }).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  const categories = Array.from({ length: d.rows - 1 }, (_, k) => text(rows[d.row + 1 + k]?.[d.col]));
  const series = Array.from({ length: d.cols - 1 }, (_, s) => {
    const col = d.col + 1 + s;
    const name = text(rows[d.row]?.[col]);
    const values = Array.from({ length: d.rows - 1 }, (_, k) => rows[d.row + 1 + k]?.[col]);
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length];
    const look = spec.type === 'line' ? `<c:spPr><a:ln w="28575">${solid(colour)}</a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` : `<c:spPr>${solid(colour)}</c:spPr><c:invertIfNegative val="0"/>`;
    return (
      `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>` +
      `<c:tx><c:strRef><c:f>${escapeText(ref(d.row, col))}</c:f>${strCache([name])}</c:strRef></c:tx>` +
      look +
      `<c:cat><c:strRef><c:f>${escapeText(ref(d.row + 1, d.col, d.rows - 1))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(ref(d.row + 1, col, d.rows - 1))}</c:f>${numCache(values)}</c:numRef></c:val>` +
      (spec.type === 'line' ? '<c:smooth val="0"/>' : '') +
      '</c:ser>'
    );
  });
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    spec.type === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>' +
    `<a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>';
  const tick = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  const catAx =
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${tick}<c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    `<c:majorGridlines><c:spPr><a:ln w="9525">${solid(GRID_COLOUR)}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${tick}<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:spPr>${solid('FFFFFF')}<a:ln w="9525">${solid(GRID_COLOUR)}</a:ln></c:spPr>` +
    '</c:chartSpace>'
  );
}
