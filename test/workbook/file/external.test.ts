// A workbook this back end creates from nothing opens in other programs.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FileWorkbook } from '../../../src/workbook/file';
import { hasOpenpyxl, hasSoffice, python, sofficeConvert, tempDir } from '../../support/files';

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
