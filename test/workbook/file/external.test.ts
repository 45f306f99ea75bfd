// What this back end writes opens in other programs: a workbook created from nothing, and a report
// sheet, which LibreOffice also prints.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FileWorkbook } from '../../../src/workbook/file';
import { fixture, hasOpenpyxl, hasPdftoppm, hasSoffice, python, renderFirstPagePng, sofficeConvert, tempDir } from '../../support/files';
import { pngSize, publishScreenshot, screenshotPath } from '../../support/screenshots';
import { sampleReport } from '../reportSample';

async function newWorkbookFile(): Promise<string> {
  const wb = FileWorkbook.create();
  await wb.addSheets([
    {
      name: '工单',
      tableName: 'tblTickets',
      freezeHeader: true,
      columns: [
        { header: '工单号', width: 16 },
        { header: '受理时间', width: 17, numberFormat: 'yyyy-mm-dd hh:mm' },
        { header: '类型', list: { values: ['投诉', '报修'] } },
        { header: '金额', numberFormat: '#,##0.00' },
      ],
      rows: [
        ['GD-1', 46350.5, '投诉', 12.5],
        ['=1+1', null, '报修', { error: '#N/A' }],
      ],
    },
    { name: '设置', tableName: 'tblSettings', columns: [{ header: '参数' }, { header: '值' }], rows: [] },
  ]);
  const file = join(tempDir(), 'new.xlsx');
  writeFileSync(file, wb.toBytes());
  return file;
}

describe('a new workbook in other programs', () => {
  it('loads in openpyxl with its tables, validation, formats and frozen header', async () => {
    if (!hasOpenpyxl()) return;
    const report = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['工单']
print(json.dumps({
  'sheets': wb.sheetnames,
  'tables': {t: ws.tables[t].ref for t in ws.tables.keys()},
  'settings': {t: wb['设置'].tables[t].ref for t in wb['设置'].tables.keys()},
  'freeze': ws.freeze_panes,
  'format': ws['B2'].number_format,
  'text': ws['A3'].value,
  'type': ws['A3'].data_type,
  'validations': [[str(d.sqref), d.formula1] for d in ws.data_validations.dataValidation],
}, ensure_ascii=False))
`,
      await newWorkbookFile(),
    );
    expect(report).toEqual({
      sheets: ['工单', '设置'],
      tables: { tblTickets: 'A1:D3' },
      settings: { tblSettings: 'A1:B2' },
      freeze: 'A2',
      format: 'yyyy-mm-dd hh:mm',
      text: '=1+1',
      type: 's',
      validations: [['C2:C1048576', '"投诉,报修"']],
    });
  });

  it('opens in LibreOffice and shows the values', async () => {
    if (!hasSoffice()) return;
    const file = await newWorkbookFile();
    const dir = tempDir();
    // 44,34,76: comma, double quote, UTF-8
    const { status, output } = sofficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
    expect(status).toBe(0);
    expect(existsSync(output)).toBe(true);
    const csv = readFileSync(output, 'utf8');
    expect(csv).toContain('工单号,受理时间,类型,金额');
    expect(csv).toContain('GD-1,2026-11-24 12:00,投诉,12.50');
    expect(csv).toContain('=1+1');
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
  // `npm run screenshots` publishes the image as docs/screenshots/report-sheet-sample.png
  (hasSoffice() && hasPdftoppm() ? it : it.skip)('renders page 1 to a PNG through LibreOffice, A4 landscape', async () => {
    const wb = FileWorkbook.create();
    await wb.writeReport(sampleReport('月报 2026-11', 12));
    const dir = tempDir();
    const file = join(dir, 'report-sheet-sample.xlsx');
    writeFileSync(file, wb.toBytes());
    const png = renderFirstPagePng(file, dir);
    // A4 landscape at 70 dpi: 297 mm × 210 mm is 818.5 × 578.7 px
    expect(pngSize(png)).toEqual({ width: 819, height: 579 });
    copyFileSync(png, screenshotPath('report-sheet-sample.png'));
    publishScreenshot('report-sheet-sample.png');
  });
});
