// Problem marks in files: a very-hidden mark sheet we own, and our two rules added once to the x14
// extension of the clerk's sheet part, as Excel stores rules that read another sheet (every other
// byte kept; styles.xml untouched).
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FileWorkbook } from '../../../src/workbook/file';
import { markSheetName } from '../../../src/workbook/marks';
import { checkXlsx, fixture, hasCheckXlsx, hasOpenpyxl, hasPdftoppm, hasSoffice, parts, pixelsNear, python, renderFirstPagePixels, tempDir } from '../../support/files';

const DATA = 'xl/worksheets/sheet1.xml'; // 投诉登记 in the clerk fixture
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function markedClerkWorkbook() {
  const original = fixture('clerk-workbook.xlsx');
  const wb = FileWorkbook.open(original);
  // keyed by 房号 (column B): the header row's key is its header
  await wb.setMarks('投诉登记', { keyCol: 1, marks: [
    { row: 2, col: 1, severity: 'error', key: '房号' },
    { row: 3, col: 4, severity: 'warning', key: '1-101' },
  ] });
  return { original, wb, bytes: wb.toBytes() };
}

describe('file marks', () => {
  it('changes the clerk sheet part only by our x14 rules, added at the end of the part', async () => {
    const { original, bytes } = await markedClerkWorkbook();
    const before = decode(parts(original)[DATA]);
    const after = decode(parts(bytes)[DATA]);
    const name = markSheetName('投诉登记');
    const ns = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"';
    const ext = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${ns}><x14:conditionalFormattings>`;
    // the clerk's part had no extLst: ours is the last child of the worksheet, nothing before it changed
    expect(before).not.toContain('<extLst');
    const at = after.indexOf(ext);
    expect(at).toBe(before.indexOf('</worksheet>'));
    expect(after.slice(0, at)).toBe(before.slice(0, at));
    expect(after.slice(after.indexOf('</extLst>'))).toBe('</extLst></worksheet>');
    // no rule reading the mark sheet in the main block (MS-OI29500 3.2.3.1.2)
    expect(after).not.toMatch(/<conditionalFormatting\b/);
    const rules = [...after.matchAll(/<x14:cfRule type="expression" priority="(\d+)" id="\{[0-9A-F-]+\}"><xm:f>([^<]*)<\/xm:f><x14:dxf>(.*?)<\/x14:dxf>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rules).toEqual([
      ['1', `${name}!A1="2|"&amp;$B1`, '<font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill>'],
      ['2', `${name}!A1="1|"&amp;$B1`, '<font><color rgb="FF9C5700"/></font><fill><patternFill><bgColor rgb="FFFFEB9C"/></patternFill></fill>'],
    ]);
    expect(after).toContain('<xm:sqref>A1:XFD1048576</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>');
  });

  it('adds the mark sheet very hidden, and leaves every other part byte for byte (styles too)', async () => {
    const { original, bytes } = await markedClerkWorkbook();
    const a = parts(original);
    const b = parts(bytes);
    const changed = Object.keys(b).filter((n) => !a[n] || decode(a[n]) !== decode(b[n])).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', DATA, 'xl/worksheets/sheet3.xml'].sort());
    expect(decode(b['xl/workbook.xml'])).toContain(`<sheet name="${markSheetName('投诉登记')}" sheetId="3" state="veryHidden"`);
  });

  it('moves rules an earlier version wrote in the main block into the x14 extension, keeping the clerk’s own', async () => {
    const name = markSheetName('投诉登记');
    const { wb } = await markedClerkWorkbook();
    const marked = decode(parts(wb.toBytes())[DATA]);
    // the part as version 0.1 wrote it: our rules in the main block, plus a clerk's own rule
    const legacy =
      `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>${name}!A1=2</formula></cfRule>` +
      `<cfRule type="expression" dxfId="1" priority="2"><formula>${name}!A1=1</formula></cfRule></conditionalFormatting>`;
    const clerks = '<conditionalFormatting sqref="B2:B9"><cfRule type="cellIs" dxfId="0" priority="3" operator="equal"><formula>"1-101"</formula></cfRule></conditionalFormatting>';
    const old = marked.slice(0, marked.indexOf('<extLst>')).replace('<pageMargins', `${legacy}${clerks}<pageMargins`) + '</worksheet>';
    const pkg = parts(wb.toBytes());
    pkg[DATA] = new TextEncoder().encode(old);
    const { zipSync } = await import('fflate');
    const again = FileWorkbook.open(zipSync(pkg));
    await again.setMarks('投诉登记', { keyCol: 1, marks: [{ row: 2, col: 1, severity: 'error', key: '房号' }] });
    const now = decode(parts(again.toBytes())[DATA]);
    expect(now).not.toContain(legacy);
    expect(now).toContain(clerks);
    expect([...now.matchAll(/<xm:f>([^<]*)<\/xm:f>/g)].map((m) => m[1])).toEqual([`${name}!A1="2|"&amp;$B1`, `${name}!A1="1|"&amp;$B1`]);
    expect(now).toContain('priority="4"');
  });

  it('adds the conditional formats once, however often marks are set', async () => {
    const { wb, bytes } = await markedClerkWorkbook();
    await wb.setMarks('投诉登记', { keyCol: 1, marks: [{ row: 5, col: 0, severity: 'error', key: '客户36-801' }] }, { rows: [5] });
    const again = FileWorkbook.open(wb.toBytes());
    await again.setMarks('投诉登记', { keyCol: 1, marks: [] });
    const final = parts(again.toBytes());
    expect(decode(final[DATA])).toBe(decode(parts(bytes)[DATA]));
    expect(decode(final['xl/styles.xml'])).toBe(decode(parts(fixture('clerk-workbook.xlsx'))['xl/styles.xml']));
    expect(await again.readMarks('投诉登记')).toEqual([]);
    expect(await FileWorkbook.open(wb.toBytes()).readMarks('投诉登记')).toEqual([
      { row: 2, col: 1, severity: 'error', key: '房号' },
      { row: 3, col: 4, severity: 'warning', key: '1-101' },
      { row: 5, col: 0, severity: 'error', key: '客户36-801' },
    ]);
  });

  it('creates nothing when there are no marks and no mark sheet', async () => {
    const original = fixture('clerk-workbook.xlsx');
    const wb = FileWorkbook.open(original);
    await wb.setMarks('投诉登记', { keyCol: 0, marks: [] });
    await wb.setMarks('投诉登记', { keyCol: 0, marks: [] }, { rows: [1, 2, 3] });
    const a = parts(original);
    const b = parts(wb.toBytes());
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(decode(b[name])).toBe(decode(a[name]));
  });

  it('never takes a clerk sheet that happens to have a mark sheet name for its own', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([
      { name: '台账', columns: [{ header: '房号' }], rows: [['1-101']] },
      { name: markSheetName('台账'), columns: [{ header: '备注' }], rows: [] },
    ]);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['台账', markSheetName('台账')]);
    await expect(wb.setMarks('台账', { keyCol: 0, marks: [{ row: 1, col: 0, severity: 'error', key: null }] })).rejects.toThrow(/not a mark sheet/);
  });

  it('gives selectCell false: a file has no window', async () => {
    expect(await FileWorkbook.create().selectCell('x', 0, 0)).toBe(false);
  });

  it('passes the Excel-strict check, and LibreOffice paints the marked cells', async () => {
    const { bytes } = await markedClerkWorkbook();
    const file = join(tempDir(), 'marked.xlsx');
    writeFileSync(file, bytes);
    const name = markSheetName('投诉登记');
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    if (hasOpenpyxl()) {
      // openpyxl drops x14 extensions, but still opens the workbook and sees the mark sheet
      const seen = python(
        `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
marks = wb['${name}']
print(json.dumps({'sheets': wb.sheetnames, 'state': marks.sheet_state,
  'marks': [[c.coordinate, c.value] for row in marks.iter_rows() for c in row if c.value is not None]}, ensure_ascii=False))
`,
        file,
      ) as { sheets: string[]; state: string; marks: unknown[][] };
      expect(seen).toEqual({ sheets: ['投诉登记', '备注', name], state: 'veryHidden', marks: [['B3', '2|房号'], ['E4', '1|1-101']] });
    }
    if (hasSoffice() && hasPdftoppm()) {
      const page = renderFirstPagePixels(file, tempDir(), 70);
      // the error fill (#FFC7CE) on B3 and the warning fill (#FFEB9C) on E4 are painted
      expect(pixelsNear(page.rgb, '#FFC7CE')).toBeGreaterThan(50);
      expect(pixelsNear(page.rgb, '#FFEB9C')).toBeGreaterThan(50);
    }
  });
  it('shows no mark on a neighbour when a row was inserted above without the add-in (LibreOffice paints it)', async () => {
    const { bytes } = await markedClerkWorkbook();
    // what Excel does when someone without the add-in inserts a row above row 4: the clerk's rows
    // from 4 on move down one, the mark sheet stays where it was
    const pkg = parts(bytes);
    const xml = decode(pkg[DATA]);
    const shift = (ref: string) => ref.replace(/(\d+)$/, (n) => String(Number(n) >= 4 ? Number(n) + 1 : Number(n)));
    const body = xml.slice(xml.indexOf('<sheetData>'), xml.indexOf('</sheetData>'));
    const moved = body.replace(/<row r="(\d+)"/g, (m, n: string) => `<row r="${Number(n) >= 4 ? Number(n) + 1 : n}"`).replace(/ r="([A-Z]+\d+)"/g, (m, ref: string) => ` r="${shift(ref)}"`);
    pkg[DATA] = new TextEncoder().encode(xml.replace(body, moved));
    const { zipSync } = await import('fflate');
    const file = join(tempDir(), 'inserted.xlsx');
    writeFileSync(file, zipSync(pkg));
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    // the warning on E4 belonged to 1-101, now on row 5: it shows neither on row 4 (empty now) nor on
    // row 5; the header row's error did not move and still shows
    const wb = FileWorkbook.open(new Uint8Array(readFileSync(file)));
    const [grid] = await wb.readSheets(['投诉登记']);
    expect(grid.rows[4 - grid.originRow][1]).toBe('1-101');
    if (hasSoffice() && hasPdftoppm()) {
      const page = renderFirstPagePixels(file, tempDir(), 70);
      expect(pixelsNear(page.rgb, '#FFC7CE')).toBeGreaterThan(50);
      expect(pixelsNear(page.rgb, '#FFEB9C')).toBeLessThan(5);
    }
  });

  it('reads marks back after Excel moved them into shared strings, and keeps them through a scoped update', async () => {
    const { bytes } = await markedClerkWorkbook();
    const pkg = parts(bytes);
    const markPart = 'xl/worksheets/sheet3.xml';
    const sst = decode(pkg['xl/sharedStrings.xml']);
    const count = [...sst.matchAll(/<si>/g)].length;
    // Excel, saving, turns our inline strings into shared ones
    const marks = decode(pkg[markPart])
      .replace(/<c r="B3" t="inlineStr"><is><t>2\|房号<\/t><\/is><\/c>/, `<c r="B3" t="s"><v>${count}</v></c>`)
      .replace(/<c r="E4" t="inlineStr"><is><t>1\|1-101<\/t><\/is><\/c>/, `<c r="E4" t="s"><v>${count + 1}</v></c>`);
    expect(marks).not.toContain('inlineStr');
    pkg[markPart] = new TextEncoder().encode(marks);
    pkg['xl/sharedStrings.xml'] = new TextEncoder().encode(sst.replace('</sst>', '<si><t>2|房号</t></si><si><r><t>1|</t></r><r><t>1-101</t></r></si></sst>'));
    const { zipSync } = await import('fflate');
    const wb = FileWorkbook.open(zipSync(pkg));
    expect(await wb.readMarks('投诉登记')).toEqual([
      { row: 2, col: 1, severity: 'error', key: '房号' },
      { row: 3, col: 4, severity: 'warning', key: '1-101' },
    ]);
    await wb.setMarks('投诉登记', { keyCol: 1, marks: [] }, { rows: [2] });
    expect(await FileWorkbook.open(wb.toBytes()).readMarks('投诉登记')).toEqual([{ row: 3, col: 4, severity: 'warning', key: '1-101' }]);
  });
});

describe('file readRows', () => {
  it('reads the asked rows of a clerk sheet through the cached grid', async () => {
    const wb = FileWorkbook.open(fixture('clerk-workbook.xlsx'));
    const [grid] = await wb.readSheets(['投诉登记']);
    const read = await wb.readRows('投诉登记', [3, grid.originRow, 500]);
    expect(read.originCol).toBe(grid.originCol);
    expect(read.rows[0]).toEqual(grid.rows[3 - grid.originRow]);
    expect(read.rows[1]).toEqual(grid.rows[0]);
    expect(read.rows[2]).toEqual(new Array(grid.rows[0].length).fill(null));
  });
});
