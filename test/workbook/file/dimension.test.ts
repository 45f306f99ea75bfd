// A file whose <dimension> claims far more than its cells (some tools write A1:XFD1048576) reads as
// the cells it has: never a million empty rows.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
    await expect(FileWorkbook.open(zipSync(parts)).readSheets(['台账'])).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('"台账" has values spread over A1:XFD1048576'),
    });
  });
});
