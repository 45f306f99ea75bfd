// Generated report sheets in files: the part is written whole, replaced in place on regeneration,
// styled for printing; every other part of the package is copied as it was.
import { FileWorkbook } from '../../../src/workbook/file';
import { ReportSheet } from '../../../src/workbook/types';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkXlsx, fixture, hasCheckXlsx, parts, partText, tempDir } from '../../support/files';
import { sampleReport } from '../reportSample';

const small: ReportSheet = {
  name: '周报 2026-W48',
  rows: [['周报'], ['指标', '本期'], ['受理量', 12]],
  styles: [['title'], ['header', 'header'], ['label', 'integer']],
  widths: [12, 10],
  printTitleRows: { first: 1, last: 1 },
};

function sheetOrder(bytes: Uint8Array): Array<{ name: string; rId: string }> {
  return [...partText(bytes, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].map((m) => ({ name: m[1], rId: m[2] }));
}

describe('writeReport in a file', () => {
  it('writes the sheet at the end and reads back its values, formula-like text as text', async () => {
    const wb = FileWorkbook.open(fixture('ledger.xlsx'));
    await wb.writeReport(sampleReport());
    const again = FileWorkbook.open(wb.toBytes());
    expect((await again.listSheets()).map((s) => s.name)).toEqual(['台账', '月报 2026-11']);
    const [grid] = await again.readSheets(['月报 2026-11']);
    expect(grid.rows[0][0]).toBe('客服月报 2026年11月');
    expect(grid.rows[21].slice(0, 4)).toEqual(['GD-2026-01001', 46325, '1-101', '=SUM(A1:A9) 楼上漏水']);
    expect(grid.rows[22][3]).toBe('+86 138 0013 8000 来电');
    expect(grid.rows[24][3]).toBe('@前台 电梯停在三层');
    // no cell of the part is a formula
    expect(partText(wb.toBytes(), 'xl/worksheets/sheet2.xml')).not.toMatch(/<f[ >]/);
  });

  it('regenerating with the same input gives byte-identical parts, and replaces the sheet in place', async () => {
    const wb = FileWorkbook.open(fixture('ledger.xlsx'));
    await wb.writeReport(small);
    await wb.addSheets([{ name: 'After', columns: [{ header: 'x' }], rows: [[1]] }]);
    const first = wb.toBytes();
    await wb.writeReport(small);
    const second = wb.toBytes();
    const a = parts(first);
    const b = parts(second);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);

    // a different report of the same name: same entry, rId, part and position; one print-titles name
    await wb.writeReport({ ...small, rows: [['周报 (新)'], ['指标', '本期', '上期'], ['受理量', 13, 12]], styles: [['title'], ['header', 'header', 'header'], ['label', 'integer', 'integer']], printTitleRows: { first: 2, last: 2 } });
    const third = wb.toBytes();
    expect(sheetOrder(third)).toEqual(sheetOrder(first));
    expect(Object.keys(parts(third)).sort()).toEqual(Object.keys(a).sort());
    const names = [...partText(third, 'xl/workbook.xml').matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    expect(names).toEqual([`<definedName name="_xlnm.Print_Titles" localSheetId="1">'周报 2026-W48'!$3:$3</definedName>`]);
    const [grid] = await FileWorkbook.open(third).readSheets(['周报 2026-W48']);
    expect(grid.rows).toEqual([
      ['周报 (新)', null, null],
      ['指标', '本期', '上期'],
      ['受理量', 13, 12],
    ]);
    // the styles were appended once: the later writes reuse them
    expect(partText(third, 'xl/styles.xml')).toBe(partText(first, 'xl/styles.xml'));
  });

  it('refuses to replace a sheet that holds an Excel table (a data sheet): a bug above', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: 'Data', tableName: 'tblData', columns: [{ header: 'a' }], rows: [[1]] }]);
    const err = await wb.writeReport({ ...small, name: 'Data' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('The sheet "Data" holds the table tblData: it is a data sheet, not a report, and is not replaced.');
    expect((await wb.readSheets(['Data']))[0].rows).toEqual([['a'], [1]]);
  });

  it('refuses malformed reports (a bug above) and writePivots (files have no PivotTables)', async () => {
    const wb = FileWorkbook.create();
    await expect(wb.writeReport({ ...small, styles: [['title', 'title']] })).rejects.toThrow(/more styles than cells/);
    await expect(wb.writeReport({ ...small, merges: [{ row: 0, col: 0, rows: 1, cols: 2 }, { row: 0, col: 1, rows: 2, cols: 1 }] })).rejects.toThrow(/overlap/);
    expect(wb.capabilities).toEqual({ charts: true, pivots: false });
    await expect(wb.writePivots('KPI', [])).rejects.toThrow(/capabilities\.pivots/);
  });

  it('drops a calculation chain that could point at formulas of the replaced sheet', async () => {
    // a report someone typed a formula into, in a workbook Excel saved with a calcChain part
    const wb = FileWorkbook.open(fixture('ledger.xlsx'));
    await wb.writeReport(small);
    const zip = parts(wb.toBytes());
    const text = (name: string) => new TextDecoder().decode(zip[name]);
    const sheetPart = 'xl/worksheets/sheet2.xml';
    zip[sheetPart] = new TextEncoder().encode(text(sheetPart).replace('<c r="B3" s', '<c r="C3"><f>B3*2</f><v>24</v></c><c r="B3" s'));
    zip['xl/calcChain.xml'] = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C3" i="2"/></calcChain>');
    zip['[Content_Types].xml'] = new TextEncoder().encode(text('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    zip['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(
      text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId100" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    );
    const { zipSync } = await import('fflate');
    const edited = FileWorkbook.open(zipSync(zip));
    await edited.writeReport(small);
    const out = edited.toBytes();
    expect(parts(out)['xl/calcChain.xml']).toBeUndefined();
    expect(partText(out, '[Content_Types].xml')).not.toContain('calcChain');
    expect(partText(out, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(partText(out, 'xl/_rels/workbook.xml.rels')).toContain('sharedStrings');
    expect((await edited.readSheets(['周报 2026-W48']))[0].rows[2]).toEqual(['受理量', 12]);
  });
});

describe('a report printed page by page (notices)', () => {
  // two one-page documents: rows 0–3 and 4–7, a page break above row 4
  const pages: ReportSheet = {
    name: '催缴通知单 2026-11-25',
    rows: [['催缴通知单'], ['尊敬的业主：请于 12 月 5 日前缴清。'], ['合计', 12.5], ['客服中心'], ['催缴通知单'], ['尊敬的业主：请缴清。'], ['合计', 7], ['客服中心']],
    styles: [['heading'], ['paragraph'], ['total', 'moneyTotal'], ['signature'], ['heading'], ['paragraph'], ['total', 'moneyTotal'], ['signature']],
    merges: [{ row: 1, col: 0, rows: 1, cols: 2 }, { row: 5, col: 0, rows: 1, cols: 2 }],
    widths: [30, 12],
    pages: { orientation: 'portrait', breaks: [4] },
    rowHeights: [{ row: 1, points: 46 }, { row: 5, points: 31 }],
  };

  it('is A4 portrait at 100 % (not fitted: Excel would ignore the breaks), centred, with a break above each page', async () => {
    const wb = FileWorkbook.create();
    await wb.writeReport(pages);
    const xml = partText(wb.toBytes(), 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('fitToPage');
    expect(xml).toContain('<printOptions horizontalCentered="1"/><pageMargins ');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait"/>');
    // <brk id> is the 0-based row the page starts at: the break falls above Excel's row 5
    expect(xml).toMatch(/<\/headerFooter><rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"\/><\/rowBreaks><\/worksheet>$/);
    expect(xml).toContain('<row r="2" ht="46" customHeight="1">');
    expect(xml).toContain('<row r="6" ht="31" customHeight="1">');
  });

  it('styles a heading centred, a paragraph wrapped from the top, a signature to the right, money totals in money', async () => {
    const wb = FileWorkbook.create();
    await wb.writeReport(pages);
    const styles = partText(wb.toBytes(), 'xl/styles.xml');
    expect(styles).toMatch(/<alignment horizontal="center" vertical="center"\/>/);
    expect(styles).toMatch(/<alignment vertical="top" wrapText="1"\/>/);
    expect(styles).toMatch(/<alignment horizontal="right"\/>/);
    // #,##0.00 is Excel's built-in format 4, bold (the total's font) with the top border
    expect(styles).toMatch(/<xf numFmtId="4" fontId="\d+" fillId="0" borderId="[1-9]\d*" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"\/>/);
  });

  it('refuses breaks and heights that are not rows of the sheet (a bug above)', async () => {
    const wb = FileWorkbook.create();
    await expect(wb.writeReport({ ...pages, pages: { orientation: 'portrait', breaks: [0] } })).rejects.toThrow(/page break at row 0/);
    await expect(wb.writeReport({ ...pages, pages: { orientation: 'portrait', breaks: [4, 2] } })).rejects.toThrow(/page break at row 2/);
    await expect(wb.writeReport({ ...pages, pages: { orientation: 'portrait', breaks: [8] } })).rejects.toThrow(/page break at row 8/);
    await expect(wb.writeReport({ ...pages, rowHeights: [{ row: 9, points: 20 }] })).rejects.toThrow(/row height 20 at row 9/);
    await expect(wb.writeReport({ ...pages, rowHeights: [{ row: 1, points: 500 }] })).rejects.toThrow(/row height 500 at row 1/);
  });
});

describe('a report with a trend chart (files draw it as Excel does)', () => {
  // a trend table of three months and a column chart over it, beside it from column E
  const charted: ReportSheet = {
    name: '月报 2026-10',
    rows: [
      ['月报'],
      ['期间', '受理量', '办结量'],
      ['2026-08', 159, 163],
      ['2026-09', 133, 137],
      ['2026-10', 151, null],
    ],
    styles: [['title'], ['header', 'header', 'header'], ['label', 'integer', 'integer'], ['label', 'integer', 'integer'], ['label', 'integer', null]],
    widths: [12, 10, 10],
    charts: [{ type: 'column', title: '受理量 / 办结量', data: { row: 1, col: 0, rows: 4, cols: 3 }, anchor: { row: 1, col: 4 }, size: { rows: 14, cols: 6 } }],
  };

  it('adds a drawing part anchoring a column chart over the cells, its series read from the sheet and cached', async () => {
    const wb = FileWorkbook.open(fixture('ledger.xlsx'));
    await wb.writeReport(charted);
    const bytes = wb.toBytes();
    const sheet = partText(bytes, 'xl/worksheets/sheet2.xml');
    expect(sheet).toMatch(/<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(partText(bytes, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"');
    expect(partText(bytes, 'xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    const drawing = partText(bytes, 'xl/drawings/drawing1.xml');
    // from E2 to K16: 6 columns and 14 rows from its anchor
    expect(drawing).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>');
    expect(drawing).toContain('<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>');
    const chart = partText(bytes, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    // two series, named by the header row; categories the first column; 办结量 has no October point
    expect([...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1])).toEqual([
      "'月报 2026-10'!$B$2", "'月报 2026-10'!$A$3:$A$5", "'月报 2026-10'!$B$3:$B$5",
      "'月报 2026-10'!$C$2", "'月报 2026-10'!$A$3:$A$5", "'月报 2026-10'!$C$3:$C$5",
    ]);
    expect(chart).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>159</c:v></c:pt><c:pt idx="1"><c:v>133</c:v></c:pt><c:pt idx="2"><c:v>151</c:v></c:pt></c:numCache>');
    expect(chart).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>163</c:v></c:pt><c:pt idx="1"><c:v>137</c:v></c:pt></c:numCache>');
    expect(chart).toContain('<a:t>受理量 / 办结量</a:t>');
    const types = partText(bytes, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    if (hasCheckXlsx()) {
      const file = join(tempDir(), 'charted.xlsx');
      writeFileSync(file, bytes);
      expect(checkXlsx(file)).toBe('');
    }
  });

  it('regenerates to the same parts, and a report without a chart takes the old drawing and chart with it', async () => {
    const wb = FileWorkbook.open(fixture('ledger.xlsx'));
    await wb.writeReport(charted);
    const first = parts(wb.toBytes());
    await wb.writeReport(charted);
    const second = parts(wb.toBytes());
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    for (const name of Object.keys(first)) expect([name, Buffer.from(second[name]).equals(Buffer.from(first[name]))]).toEqual([name, true]);
    await wb.writeReport({ ...charted, charts: [] });
    const bare = wb.toBytes();
    expect(Object.keys(parts(bare)).filter((n) => /drawing|chart|sheet2\.xml\.rels/.test(n))).toEqual([]);
    expect(partText(bare, '[Content_Types].xml')).not.toMatch(/drawing|chart/);
    expect(partText(bare, 'xl/worksheets/sheet2.xml')).not.toContain('<drawing');
    if (hasCheckXlsx()) {
      const file = join(tempDir(), 'bare.xlsx');
      writeFileSync(file, bare);
      expect(checkXlsx(file)).toBe('');
    }
  });

  it('prints at the scale it is given, page by page', async () => {
    const wb = FileWorkbook.create();
    await wb.writeReport({ ...charted, pages: { orientation: 'landscape', breaks: [2], scale: 85 } });
    expect(partText(wb.toBytes(), 'xl/worksheets/sheet1.xml')).toContain('<pageSetup paperSize="9" scale="85" orientation="landscape"/>');
    await expect(wb.writeReport({ ...charted, pages: { orientation: 'landscape', breaks: [], scale: 5 } })).rejects.toThrow(/print scale 5/);
  });
});
