// Single cells filled in place in a file (ticket IDs for rows typed into the sheet): the cells go
// where their columns stand in their rows, styled as the cell, row or column was, and every other
// byte of the package stays.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { zipSync } from 'fflate';
import { FileWorkbook } from '../../../src/workbook/file';
import { checkXlsx, fixture, hasCheckXlsx, parts, tempDir } from '../../support/files';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);
const SHEET = 'xl/worksheets/sheet1.xml';
const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A workbook whose sheet part is written as other tools write them: rows and cells without r, a row
 *  without a cell in column A, a styled empty cell, a row with its own style, a gap of rows. */
async function handWritten(): Promise<{ bytes: Uint8Array; colStyle: number; rowStyle: number }> {
  const wb = FileWorkbook.create();
  await wb.addSheets([{ name: '工单', columns: [{ header: '工单号', numberFormat: '@' }, { header: '内容', numberFormat: 'yyyy-mm-dd' }], rows: [] }]);
  const pkg = parts(wb.toBytes());
  const made = decode(pkg[SHEET]);
  const colStyle = Number(/<col min="1" max="1"[^>]*style="(\d+)"/.exec(made)![1]); // the '@' of 工单号
  const rowStyle = Number(/<col min="2" max="2"[^>]*style="(\d+)"/.exec(made)![1]); // another style there is
  const data =
    '<sheetData>' +
    `<row r="1">${t('A1', '工单号')}${t('B1', '内容')}</row>` +
    '<row><c t="inlineStr"><is><t>GD-1</t></is></c><c t="inlineStr"><is><t>漏水</t></is></c></row>' + // row 2, no r anywhere
    `<row r="3" spans="2:2">${t('B3', '停电')}</row>` + // A3 absent
    `<row r="4" s="${rowStyle}" customFormat="1"><c r="A4" s="${colStyle}"/>${t('B4', '噪音')}</row>` + // A4 styled, empty
    `<row r="6">${t('B6', '堵塞')}</row>` + // no row 5
    '</sheetData>';
  pkg[SHEET] = encode(made.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:B6"/>').replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, data));
  return { bytes: zipSync(pkg), colStyle, rowStyle };
}

describe('file writeCells', () => {
  it('puts each cell where its column stands in its row, adding the rows the sheet has no element for', async () => {
    const { bytes, colStyle } = await handWritten();
    const wb = FileWorkbook.open(bytes);
    const skipped = await wb.writeCells('工单', [
      { row: 2, col: 0, value: 'GD-3', was: null, guard: { col: 1, was: '停电' } }, // before B3
      { row: 3, col: 0, value: 'GD-4', was: null }, // the styled empty A4
      { row: 4, col: 0, value: 'GD-5', was: null }, // row 5: no element
      { row: 1, col: 2, value: '备注', was: null }, // after B2, in a row without r
      { row: 6, col: 0, value: 'GD-7', was: null }, // below the last row
    ]);
    expect(skipped).toEqual([]);
    const after = wb.toBytes();
    const [grid] = await FileWorkbook.open(after).readSheets(['工单']);
    expect(grid.rows).toEqual([
      ['工单号', '内容', null],
      ['GD-1', '漏水', '备注'],
      ['GD-3', '停电', null],
      ['GD-4', '噪音', null],
      ['GD-5', null, null],
      [null, '堵塞', null],
      ['GD-7', null, null],
    ]);
    const xml = decode(parts(after)[SHEET]);
    // A3 takes column A's style; A4 keeps its own; the row with its own style lends it to a new cell
    expect(xml).toContain(`<row r="3"><c r="A3" s="${colStyle}" t="inlineStr"><is><t>GD-3</t></is></c>${t('B3', '停电')}</row>`);
    expect(xml).toContain(`<c r="A4" s="${colStyle}" t="inlineStr"><is><t>GD-4</t></is></c>`);
    expect(xml).toMatch(/<row r="5"><c r="A5" s="\d+" t="inlineStr"><is><t>GD-5<\/t><\/is><\/c><\/row><row r="6">/);
    // the cells of a row it rewrites say where they stand (r), as Excel writes them
    expect(xml).toContain(`<row><c r="A2" t="inlineStr"><is><t>GD-1</t></is></c><c r="B2" t="inlineStr"><is><t>漏水</t></is></c>${t('C2', '备注')}</row>`);
    expect(xml).toContain('<dimension ref="A1:C7"/>');
    const file = join(tempDir(), 'filled.xlsx');
    writeFileSync(file, after);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
  });

  it('gives a new cell in a row of its own style that style', async () => {
    const { bytes, rowStyle } = await handWritten();
    const wb = FileWorkbook.open(bytes);
    await wb.writeCells('工单', [{ row: 3, col: 2, value: '加急', was: null }]);
    expect(decode(parts(wb.toBytes())[SHEET])).toContain(`<c r="C4" s="${rowStyle}" t="inlineStr"><is><t>加急</t></is></c></row>`);
  });

  it('changes no other part of a clerk workbook, and the sheet part only where it wrote', async () => {
    const before = fixture('ledger.xlsx');
    const wb = FileWorkbook.open(before);
    const sheet = Object.keys(parts(before)).find((n) => /worksheets\/sheet\d+\.xml$/.test(n))!;
    const skipped = await wb.writeCells('台账', [{ row: 2, col: 1, value: 7.5, was: null, guard: { col: 0, was: '1-102' } }]);
    expect(skipped).toEqual([]);
    const after = wb.toBytes();
    const a = parts(before);
    const b = parts(after);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) if (name !== sheet) expect([name, decode(b[name])]).toEqual([name, decode(a[name])]);
    // the part less the new cell is the part as it was, less the empty cell it replaced, if any
    const was = decode(a[sheet]);
    const now = decode(b[sheet]);
    const cell = /<c r="B3"[^>]*>(?:<v>7\.5<\/v>)<\/c>/.exec(now)![0];
    expect(now.replace(cell, '')).toBe(was.replace(/<c r="B3"[^>]*\/>/, ''));
    const file = join(tempDir(), 'ledger-filled.xlsx');
    writeFileSync(file, after);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
  });

  it('leaves the package untouched when every write is skipped', async () => {
    const before = fixture('ledger.xlsx');
    const wb = FileWorkbook.open(before);
    const writes = [{ row: 1, col: 1, value: 1, was: null }]; // B2 holds 12.5
    expect(await wb.writeCells('台账', writes)).toEqual(writes);
    const a = parts(before);
    const b = parts(wb.toBytes());
    for (const name of Object.keys(a)) expect([name, decode(b[name])]).toEqual([name, decode(a[name])]);
  });
});
