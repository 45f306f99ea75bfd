// 100,000 tickets × 24 columns: written in chunks (no sheet is ever one string), and a later small
// write copies the big sheet without inflating or recompressing it.
import { FileWorkbook } from '../../../src/workbook/file';
import { fromUtf8 } from '../../../src/workbook/file/bytes';
import { entryData, readZip } from '../../../src/workbook/file/zip';
import { Cell, NewSheet } from '../../../src/workbook/types';

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
  it(`writes ${ROWS} rows × ${COLS} columns and copies them untouched on the next save`, async () => {
    const started = Date.now();
    const wb = FileWorkbook.create();
    await wb.addSheets([ticketSheet()]);
    const bytes = wb.toBytes();
    const written = Date.now() - started;

    const zip = readZip(bytes);
    const sheet = zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const xml = entryData(zip, sheet);
    const tail = fromUtf8(xml.subarray(xml.length - 4000));
    expect(tail).toContain(`<row r="${ROWS + 1}">`);
    expect(tail).toContain('</sheetData>');

    const reopened = FileWorkbook.open(bytes);
    const copyStarted = Date.now();
    await reopened.addNames([{ name: 'Anything', formula: '=工单!$A$1' }]);
    const again = reopened.toBytes();
    const copied = Date.now() - copyStarted;
    const after = readZip(again).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(after.compressedSize).toBe(sheet.compressedSize);
    expect(after.crc).toBe(sheet.crc);
    console.log(`${ROWS}×${COLS}: written in ${written} ms (${(bytes.length / 1e6).toFixed(1)} MB); names added and saved in ${copied} ms`);
    expect(copied).toBeLessThan(2000);
  });
});
