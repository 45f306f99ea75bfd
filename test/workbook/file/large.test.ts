// 100,000 tickets × 24 columns: written in chunks (no sheet is ever one string), and a later small
// write (a name, a report sheet) copies the big sheet without inflating or recompressing it. How long
// those saves take is measured by `npm run bench` (file: …), not asserted here.
import { FileWorkbook } from '../../../src/workbook/file';
import { fromUtf8 } from '../../../src/workbook/file/bytes';
import { entryData, rawData, readZip } from '../../../src/workbook/file/zip';
import { Cell, NewSheet } from '../../../src/workbook/types';
import { sampleReport } from '../reportSample';

const ROWS = 100000;
const COLS = 24;

function ticketSheet(): NewSheet {
  const rows: Cell[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const row: Cell[] = [`GD-${String(i).padStart(6, '0')}`, 46000 + i / 96];
    for (let c = 2; c < COLS; c++) row.push(c % 4 === 0 ? null : c % 3 === 0 ? i % 7 : `客户${i % 500}-${c}`);
    rows.push(row);
  }
  const columns = Array.from({ length: COLS }, (_, c) => ({ header: `列${c + 1}`, ...(c === 1 ? { numberFormat: 'yyyy-mm-dd hh:mm' } : {}) }));
  return { name: '工单', tableName: 'tblTickets', freezeHeader: true, columns, rows };
}

describe('a large sheet', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([ticketSheet()]);
    bytes = wb.toBytes();
  });

  it(`writes ${ROWS} rows × ${COLS} columns and copies them untouched on the next save`, async () => {
    const zip = readZip(bytes);
    const sheet = zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const xml = entryData(zip, sheet);
    const tail = fromUtf8(xml.subarray(xml.length - 4000));
    expect(tail).toContain(`<row r="${ROWS + 1}">`);
    expect(tail).toContain('</sheetData>');

    const reopened = FileWorkbook.open(bytes);
    await reopened.addNames([{ name: 'Anything', formula: '=工单!$A$1' }]);
    const again = reopened.toBytes();
    const after = readZip(again).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(after.compressedSize).toBe(sheet.compressedSize);
    expect(after.crc).toBe(sheet.crc);
  });

  it('takes a small report sheet, the data sheet, its strings and its table copied raw', async () => {
    const wb = FileWorkbook.open(bytes);
    await wb.writeReport(sampleReport());
    const after = wb.toBytes();

    const zipBefore = readZip(bytes);
    const zipAfter = readZip(after);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/tables/table1.xml']) {
      const x = zipBefore.entries.find((e) => e.name === name)!;
      const y = zipAfter.entries.find((e) => e.name === name)!;
      expect(Buffer.from(rawData(zipAfter, y)).equals(Buffer.from(rawData(zipBefore, x)))).toBe(true); // compressed bytes
      expect(y.crc).toBe(x.crc);
      expect(Buffer.from(entryData(zipAfter, y)).equals(Buffer.from(entryData(zipBefore, x)))).toBe(true);
    }
    expect((await FileWorkbook.open(after).listSheets()).map((s) => s.name)).toEqual(['工单', '月报 2026-11']);
  });
});
