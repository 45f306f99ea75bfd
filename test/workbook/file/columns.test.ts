// Columns added to a sheet's table in a file (adopting a register keeps its own columns): the header
// cells in the header row, the table's range, autoFilter and column list widened, every other byte
// kept; refused, with nothing changed, when a cell of the clerk's stands where a column would go.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { zipSync } from 'fflate';
import { FileWorkbook } from '../../../src/workbook/file';
import { WorkbookError } from '../../../src/workbook/types';
import { checkXlsx, hasCheckXlsx, parts, tempDir } from '../../support/files';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const SHEET = 'xl/worksheets/sheet1.xml';
const TABLE = 'xl/tables/table1.xml';

async function ledger(table = true): Promise<Uint8Array> {
  const wb = FileWorkbook.create();
  await wb.addSheets([
    { name: '台账', ...(table ? { tableName: 'tblLedger' } : {}), columns: [{ header: '房号' }, { header: '金额' }], rows: [['1-101', 12.5], ['1-102', null]] },
  ]);
  return wb.toBytes();
}

describe('file addColumns', () => {
  it('widens the table by its new columns, header cells in the header row, and changes nothing else', async () => {
    const before = await ledger();
    const wb = FileWorkbook.open(before);
    await wb.addColumns('台账', 0, ['导入来源', '序号']);
    const after = wb.toBytes();
    const [grid] = await FileWorkbook.open(after).readSheets(['台账']);
    expect(grid.rows).toEqual([
      ['房号', '金额', '导入来源', '序号'],
      ['1-101', 12.5, null, null],
      ['1-102', null, null, null],
    ]);
    const table = decode(parts(after)[TABLE]);
    expect(table).toContain('ref="A1:D3"');
    expect(table).toContain('<autoFilter ref="A1:D3"/>');
    expect(table).toMatch(/<tableColumns count="4">.*<tableColumn id="3" name="导入来源"\/><tableColumn id="4" name="序号"\/><\/tableColumns>/);
    const a = parts(before);
    const b = parts(after);
    for (const name of Object.keys(a)) if (name !== SHEET && name !== TABLE) expect([name, decode(b[name])]).toEqual([name, decode(a[name])]);
    const file = join(tempDir(), 'columns.xlsx');
    writeFileSync(file, after);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    // rows appended afterwards fill the new columns too
    const more = FileWorkbook.open(after);
    await more.appendRows('台账', [['1-103', 3, '台账!9', 7]]);
    expect(decode(parts(more.toBytes())[TABLE])).toContain('ref="A1:D4"');
  });

  it('writes the header cells right of the header row on a sheet without a table', async () => {
    const wb = FileWorkbook.open(await ledger(false));
    await wb.addColumns('台账', 0, ['备注']);
    const [grid] = await FileWorkbook.open(wb.toBytes()).readSheets(['台账']);
    expect(grid.rows[0]).toEqual(['房号', '金额', '备注']);
  });

  it('refuses, naming the cell and changing nothing, when the clerk has something where a column goes', async () => {
    const pkg = parts(await ledger());
    // the clerk's note right of the table, on its second data row
    pkg[SHEET] = new TextEncoder().encode(decode(pkg[SHEET]).replace(/(<row r="3"[^>]*>.*?)(<\/row>)/, '$1<c r="D3" t="inlineStr"><is><t>已催缴</t></is></c>$2'));
    const bytes = zipSync(pkg);
    const wb = FileWorkbook.open(bytes);
    const copy = wb.toBytes();
    let error: unknown;
    try {
      await wb.addColumns('台账', 0, ['导入来源', '序号']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).reason).toBe('COLUMNS_IN_THE_WAY');
    expect((error as WorkbookError).params).toEqual({ sheet: '台账', cell: 'D3' });
    expect(Buffer.from(wb.toBytes()).equals(Buffer.from(copy))).toBe(true);
  });
});
