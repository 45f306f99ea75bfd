// Generated report sheets in files: the part is written whole, replaced in place on regeneration,
// styled for printing; every other part of the package is copied as it was.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FileWorkbook } from '../../../src/workbook/file';
import { entryData, rawData, readZip } from '../../../src/workbook/file/zip';
import { Cell, NewSheet, ReportSheet } from '../../../src/workbook/types';
import { fixture, hasOpenpyxl, hasPdftoppm, hasSoffice, parts, partText, python, renderFirstPagePng, sofficeConvert, tempDir } from '../../support/files';
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
    expect((err as Error).message).toMatch(/tblData/);
    expect((await wb.readSheets(['Data']))[0].rows).toEqual([['a'], [1]]);
  });

  it('refuses malformed reports (a bug above) and writePivots (files have no PivotTables)', async () => {
    const wb = FileWorkbook.create();
    await expect(wb.writeReport({ ...small, styles: [['title', 'title']] })).rejects.toThrow(/more styles than cells/);
    await expect(wb.writeReport({ ...small, merges: [{ row: 0, col: 0, rows: 1, cols: 2 }, { row: 0, col: 1, rows: 2, cols: 1 }] })).rejects.toThrow(/overlap/);
    expect(wb.capabilities).toEqual({ charts: false, pivots: false });
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

describe('writeReport cost: proportional to the report, not the workbook', () => {
  const ROWS = 100000;
  const COLS = 24;

  function bigSheet(): NewSheet {
    const rows: Cell[][] = [];
    for (let i = 0; i < ROWS; i++) {
      const row: Cell[] = [`GD-${String(i).padStart(6, '0')}`, 46000 + i / 96];
      for (let c = 2; c < COLS; c++) row.push(c % 4 === 0 ? null : c % 3 === 0 ? i % 7 : `客户${i % 500}-${c}`);
      rows.push(row);
    }
    return { name: '工单', tableName: 'tblTickets', columns: Array.from({ length: COLS }, (_, c) => ({ header: `列${c + 1}` })), rows };
  }

  it(`writes a small report into a workbook with a ${ROWS}-row sheet in milliseconds, the data sheet copied raw`, async () => {
    const created = FileWorkbook.create();
    await created.addSheets([bigSheet()]);
    const before = created.toBytes();
    const wb = FileWorkbook.open(before);

    const started = process.hrtime.bigint();
    await wb.writeReport(sampleReport());
    const after = wb.toBytes();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`writeReport + toBytes of a ${sampleReport().rows.length}-row report into a workbook of ${(before.length / 1e6).toFixed(1)} MB (${ROWS} rows × ${COLS}): ${ms.toFixed(1)} ms`);

    const zipBefore = readZip(before);
    const zipAfter = readZip(after);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/tables/table1.xml']) {
      const x = zipBefore.entries.find((e) => e.name === name)!;
      const y = zipAfter.entries.find((e) => e.name === name)!;
      expect(Buffer.from(rawData(zipAfter, y)).equals(Buffer.from(rawData(zipBefore, x)))).toBe(true); // compressed bytes
      expect(y.crc).toBe(x.crc);
      expect(Buffer.from(entryData(zipAfter, y)).equals(Buffer.from(entryData(zipBefore, x)))).toBe(true);
    }
    expect(ms).toBeLessThan(1000);
    const regenerated = process.hrtime.bigint();
    await wb.writeReport(sampleReport());
    wb.toBytes();
    console.log(`regenerated in ${(Number(process.hrtime.bigint() - regenerated) / 1e6).toFixed(1)} ms`);
  });
});

describe('a report file as other programs see it', () => {
  let file = '';
  beforeAll(async () => {
    const wb = FileWorkbook.open(fixture('ledger.xlsx'));
    await wb.writeReport(sampleReport('月报 2026-11', 40));
    file = join(tempDir(), 'report.xlsx');
    writeFileSync(file, wb.toBytes());
  });

  (hasOpenpyxl() ? it : it.skip)('openpyxl sees merges, widths, print titles, A4 landscape fit to width, fonts and number formats', () => {
    const seen = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['月报 2026-11']
print(json.dumps({
  'merges': sorted(str(r) for r in ws.merged_cells.ranges),
  'widths': {k: round(v.width, 2) for k, v in ws.column_dimensions.items() if v.customWidth},
  'titles': ws.print_title_rows,
  'paper': ws.page_setup.paperSize, 'orientation': ws.page_setup.orientation,
  'fitToPage': ws.sheet_properties.pageSetUpPr.fitToPage, 'fitToWidth': ws.page_setup.fitToWidth, 'fitToHeight': ws.page_setup.fitToHeight,
  'title': [ws['A1'].font.b, ws['A1'].font.sz], 'section': [ws['A4'].font.b, ws['A4'].font.sz],
  'header': [ws['A5'].font.b, ws['A5'].fill.fgColor.rgb, ws['A5'].border.top.style, ws['A5'].alignment.wrap_text],
  'percent': ws['B7'].number_format, 'money': ws['B11'].number_format, 'decimal': ws['B9'].number_format,
  'date': ws['F22'].number_format, 'datetime': ws['B22'].number_format, 'integer': ws['B6'].number_format,
  'total': [ws['A18'].font.b, ws['A18'].border.top.style, ws['B18'].number_format],
  'note': ws.cell(ws.max_row, 1).font.sz,
  'text': ws['D22'].value, 'type': ws['D22'].data_type,
}, ensure_ascii=False))
`,
      file,
    );
    expect(seen).toEqual({
      merges: ['A1:G1', 'A2:G2'],
      widths: { A: 20.71, B: 17.71, C: 11.71, D: 34.71, E: 11.71, F: 12.71, G: 24.71 },
      titles: '$21:$21',
      paper: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      title: [true, 16],
      section: [true, 12],
      header: [true, 'FFDDEBF7', 'thin', true],
      percent: '0.0%',
      money: '#,##0.00',
      decimal: '0.0',
      date: 'yyyy-mm-dd',
      datetime: 'yyyy-mm-dd hh:mm',
      integer: '0',
      total: [true, 'thin', '0'],
      note: 9,
      text: '=SUM(A1:A9) 楼上漏水',
      type: 's',
    });
  });

  (hasSoffice() ? it : it.skip)('LibreOffice converts it to PDF', () => {
    const out = tempDir();
    const { status, output } = sofficeConvert(file, 'pdf', out);
    expect(status).toBe(0);
    expect(existsSync(output)).toBe(true);
  });
});

describe('the sample report as printed', () => {
  // DESKBOOK_SCREENSHOTS=1 keeps the image as docs/screenshots/report-sheet-sample.png
  (hasSoffice() && hasPdftoppm() ? it : it.skip)('renders page 1 to a PNG through LibreOffice', async () => {
    const wb = FileWorkbook.create();
    await wb.writeReport(sampleReport('月报 2026-11', 12));
    const dir = tempDir();
    const file = join(dir, 'report-sheet-sample.xlsx');
    writeFileSync(file, wb.toBytes());
    const png = renderFirstPagePng(file, dir);
    expect(existsSync(png)).toBe(true);
    if (process.env.DESKBOOK_SCREENSHOTS) {
      const docs = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
      mkdirSync(docs, { recursive: true });
      copyFileSync(png, join(docs, 'report-sheet-sample.png'));
    }
  });
});
