// A file whose <dimension> claims far more than its cells (some tools write A1:XFD1048576) reads as
// the cells it has: never a million empty rows.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { WorkbookError } from '../../../src/workbook/types';
import { fileErrorMessage } from '../../../src/domain/failures';
import { FileWorkbook } from '../../../src/workbook/file';

describe('a sheet whose dimension overstates its used range', () => {
  it('reads only the rows and columns that hold values', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '台账', columns: [{ header: '房号' }, { header: '金额' }], rows: [['1-101', 12.5]] }]);
    const parts = unzipSync(wb.toBytes());
    const sheetPart = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = strFromU8(parts[sheetPart]);
    expect(xml).toMatch(/<dimension ref="[^"]+"\/>/);
    parts[sheetPart] = strToU8(xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const [grid] = await FileWorkbook.open(zipSync(parts)).readSheets(['台账']);
    expect(grid.rows).toEqual([
      ['房号', '金额'],
      ['1-101', 12.5],
    ]);
  });

  it('refuses, with the sheet and the far cell named, a stray value that would make the grid enormous', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '台账', columns: [{ header: '房号' }], rows: [['1-101']] }]);
    const parts = unzipSync(wb.toBytes());
    const sheetPart = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = strFromU8(parts[sheetPart]);
    parts[sheetPart] = strToU8(xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const e = await FileWorkbook.open(zipSync(parts))
      .readSheets(['台账'])
      .catch((error: unknown) => error);
    expect(e).toMatchObject({ code: 'TOO_LARGE', reason: 'SHEET_SPREAD', params: { sheet: '台账', range: 'A1:XFD1048576', limit: 30_000_000, cell: 'XFD1048576' } });
    expect(fileErrorMessage(e as WorkbookError, 'zh', '台账.xlsx')).toBe(
      '台账.xlsx 太大，无法处理：工作表“台账”的值分布在 A1:XFD1048576，超过 30,000,000 个单元格；表格之外（XFD1048576 附近）是否有零散的值？',
    );
    expect(fileErrorMessage(e as WorkbookError, 'en', 'ledger.xlsx')).toBe(
      'ledger.xlsx is too large to process: the sheet "台账" has values spread over A1:XFD1048576, more than 30,000,000 cells; is there a stray value far from the table (near XFD1048576)?',
    );
  });
});
