// Problem marks in files: a very-hidden mark sheet we own, one conditional-format block spliced
// into the clerk's sheet part (every other byte kept), two dxfs appended to styles.xml.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { FileWorkbook } from '../../../src/workbook/file';
import { markSheetName } from '../../../src/workbook/marks';
import { fixture, hasOpenpyxl, hasSoffice, parts, python, sofficeConvert, tempDir } from '../../support/files';

const DATA = 'xl/worksheets/sheet1.xml'; // 投诉登记 in the clerk fixture
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function markedClerkWorkbook() {
  const original = fixture('clerk-workbook.xlsx');
  const wb = FileWorkbook.open(original);
  await wb.setMarks('投诉登记', [
    { row: 2, col: 1, severity: 'error' },
    { row: 3, col: 4, severity: 'warning' },
  ]);
  return { original, wb, bytes: wb.toBytes() };
}

describe('file marks', () => {
  it('changes the clerk sheet part only by the inserted conditional-format block, before pageMargins', async () => {
    const { original, bytes } = await markedClerkWorkbook();
    const before = decode(parts(original)[DATA]);
    const after = decode(parts(bytes)[DATA]);
    const block = /<conditionalFormatting sqref="A1:XFD1048576">.*?<\/conditionalFormatting>/.exec(after);
    expect(block).not.toBeNull();
    const at = (block as RegExpExecArray).index;
    expect(after.slice(0, at) + after.slice(at + (block as RegExpExecArray)[0].length)).toBe(before);
    // CT_Worksheet order: ... mergeCells, (phoneticPr), conditionalFormatting, ..., pageMargins
    expect(after.indexOf('</mergeCells>')).toBeLessThan(at);
    expect(after.indexOf('<pageMargins')).toBeGreaterThan(at);
    const name = markSheetName('投诉登记');
    expect(block?.[0]).toContain(`<formula>${name}!A1=2</formula>`);
    expect(block?.[0]).toContain(`<formula>${name}!A1=1</formula>`);
  });

  it('adds the mark sheet very hidden and two dxfs, and leaves every other part byte for byte', async () => {
    const { original, bytes } = await markedClerkWorkbook();
    const a = parts(original);
    const b = parts(bytes);
    const changed = Object.keys(b).filter((n) => !a[n] || decode(a[n]) !== decode(b[n])).sort();
    expect(changed).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', DATA, 'xl/worksheets/sheet3.xml'].sort());
    expect(decode(b['xl/workbook.xml'])).toContain(`<sheet name="${markSheetName('投诉登记')}" sheetId="3" state="veryHidden"`);
    const styles = decode(b['xl/styles.xml']);
    expect(styles).toMatch(/<dxfs count="2"><dxf><font><color rgb="FF9C0006"\/><\/font><fill><patternFill><bgColor rgb="FFFFC7CE"\/>/);
    expect(styles.indexOf('<dxfs')).toBeLessThan(styles.indexOf('<tableStyles'));
    expect(styles.indexOf('<dxfs')).toBeGreaterThan(styles.indexOf('</cellStyles>'));
  });

  it('adds the conditional formats once, however often marks are set, and reuses its dxfs', async () => {
    const { wb, bytes } = await markedClerkWorkbook();
    await wb.setMarks('投诉登记', [{ row: 5, col: 0, severity: 'error' }], { rows: [5] });
    const again = FileWorkbook.open(wb.toBytes());
    await again.setMarks('投诉登记', []);
    const final = parts(again.toBytes());
    expect(decode(final[DATA])).toBe(decode(parts(bytes)[DATA]));
    expect(decode(final['xl/styles.xml'])).toBe(decode(parts(bytes)['xl/styles.xml']));
    expect(await again.readMarks('投诉登记')).toEqual([]);
    expect(await FileWorkbook.open(wb.toBytes()).readMarks('投诉登记')).toEqual([
      { row: 2, col: 1, severity: 'error' },
      { row: 3, col: 4, severity: 'warning' },
      { row: 5, col: 0, severity: 'error' },
    ]);
  });

  it('creates nothing when there are no marks and no mark sheet', async () => {
    const original = fixture('clerk-workbook.xlsx');
    const wb = FileWorkbook.open(original);
    await wb.setMarks('投诉登记', []);
    await wb.setMarks('投诉登记', [], { rows: [1, 2, 3] });
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
    await expect(wb.setMarks('台账', [{ row: 1, col: 0, severity: 'error' }])).rejects.toThrow(/not a mark sheet/);
  });

  it('gives selectCell false: a file has no window', async () => {
    expect(await FileWorkbook.create().selectCell('x', 0, 0)).toBe(false);
  });

  it('shows openpyxl the conditional formats and the very-hidden mark sheet, and LibreOffice opens it', async () => {
    const { bytes } = await markedClerkWorkbook();
    const file = join(tempDir(), 'marked.xlsx');
    writeFileSync(file, bytes);
    const name = markSheetName('投诉登记');
    if (hasOpenpyxl()) {
      const seen = python(
        `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['投诉登记']
rules = []
for cf in ws.conditional_formatting:
    for rule in cf.rules:
        rules.append([str(cf.sqref), rule.type, rule.formula, rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None])
marks = wb['${name}']
print(json.dumps({'sheets': wb.sheetnames, 'state': marks.sheet_state, 'rules': sorted(rules),
  'marks': [[c.coordinate, c.value] for row in marks.iter_rows() for c in row if c.value is not None],
  'a3': ws['B3'].value}, ensure_ascii=False))
`,
        file,
      ) as { sheets: string[]; state: string; rules: unknown[][]; marks: unknown[][]; a3: unknown };
      expect(seen.sheets).toEqual(['投诉登记', '备注', name]);
      expect(seen.state).toBe('veryHidden');
      expect(seen.rules).toEqual([
        ['A1:XFD1048576', 'expression', [`${name}!A1=1`], 'FFFFEB9C'],
        ['A1:XFD1048576', 'expression', [`${name}!A1=2`], 'FFFFC7CE'],
      ]);
      expect(seen.marks).toEqual([
        ['B3', 2],
        ['E4', 1],
      ]);
    }
    if (hasSoffice()) {
      const out = tempDir();
      const run = sofficeConvert(file, 'csv', out);
      expect(run.status).toBe(0);
    }
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
