import { concatBytes, fromUtf8 } from '../../../src/workbook/file/bytes';
import { SharedStrings } from '../../../src/workbook/file/cells';
import { listFormula, sheetPartChunks } from '../../../src/workbook/file/sheetXml';
import { STYLES_XML } from '../../../src/workbook/file/template';
import { StyleEditor } from '../../../src/workbook/file/styles';
import { Cell, NewSheet } from '../../../src/workbook/types';

const SHEET: NewSheet = {
  name: '工单',
  tableName: 'tblTickets',
  freezeHeader: true,
  columns: [
    { header: '工单号', width: 16 },
    { header: '受理时间', numberFormat: 'yyyy-mm-dd hh:mm' },
    { header: '类型', list: { values: ['投诉', '报修'] } },
    { header: '类别', list: { formula: '=DeskbookCategory' } },
  ],
  rows: [
    ['=1+1', 46350.5, '投诉', null],
    ['+86 138', null, true, { error: '#DIV/0!' }],
    ['-5', 0, false, '@home'],
  ],
};

function write(sheet: NewSheet, strings: SharedStrings | null = null): string {
  return fromUtf8(concatBytes(sheetPartChunks({ sheet, columnStyles: [0, 7, 0, 0], strings, tableRelId: 'rId1' })));
}

describe('worksheet writer', () => {
  const xml = write(SHEET);

  it('keeps the element order of CT_Worksheet', () => {
    const order = ['<dimension', '<sheetViews', '<sheetFormatPr', '<cols', '<sheetData', '<dataValidations', '<pageMargins', '<tableParts'];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml).toContain('<dimension ref="A1:D4"/>');
  });

  it('writes text that looks like a formula as text, never as <f>', () => {
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t>=1+1</t></is></c>');
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t>+86 138</t></is></c>');
    expect(xml).toContain('<c r="D4" t="inlineStr"><is><t>@home</t></is></c>');
  });

  it('writes numbers with the column style, booleans and errors', () => {
    expect(xml).toContain('<c r="B2" s="7"><v>46350.5</v></c>');
    expect(xml).toContain('<c r="C3" t="b"><v>1</v></c>');
    expect(xml).toContain('<c r="D3" t="e"><v>#DIV/0!</v></c>');
    expect(xml).not.toContain('r="B3"'); // empty: the column style covers it
    expect(xml).toContain('<col min="2" max="2" style="7"/>');
    expect(xml).toContain('<col min="1" max="1" width="16.7109375" customWidth="1"/>');
  });

  it('freezes the header row', () => {
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(write({ ...SHEET, freezeHeader: false })).not.toContain('<pane');
  });

  it('puts list validations on the data rows of the column', () => {
    expect(xml).toContain('<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C2:C1048576"><formula1>"投诉,报修"</formula1></dataValidation>');
    expect(xml).toContain('sqref="D2:D1048576"><formula1>DeskbookCategory</formula1>');
  });

  it("refuses a typed list Excel cannot hold (over 255 characters, or a comma in a value)", () => {
    expect(listFormula({ values: ['a"b', 'c'] }, 'x')).toBe('"a""b,c"');
    expect(() => listFormula({ values: Array.from({ length: 60 }, (_, i) => `值${i}值值`) }, '类别')).toThrow(/255/);
    expect(() => listFormula({ values: ['a,b'] }, '类别')).toThrow(/comma/);
  });

  it('treats a non-finite number or a non-cell as a bug', () => {
    expect(() => write({ ...SHEET, rows: [['a', NaN, null, null]] })).toThrow(/finite/);
    expect(() => write({ ...SHEET, rows: [['a', Infinity, null, null]] })).toThrow(/finite/);
    expect(() => write({ ...SHEET, rows: [['a', 1, null, { error: 'oops' } as Cell]] })).toThrow(/cannot write/);
    expect(() => write({ ...SHEET, rows: [['a', 1, null, null, 'extra']] })).toThrow(/5 cells for 4 columns/);
  });

  it('uses the shared-strings table when it owns one', () => {
    const strings = new SharedStrings();
    const shared = write(SHEET, strings);
    expect(shared).toContain('<c r="A1" t="s"><v>0</v></c>');
    expect(shared).not.toContain('inlineStr');
    const sst = fromUtf8(concatBytes(strings.toChunks()));
    expect(sst).toContain('<si><t>工单号</t></si>');
    expect(sst).toMatch(/count="\d+" uniqueCount="\d+"/);
  });
});

describe('styles.xml editor', () => {
  it('appends number formats from 164 up and reuses what it added', () => {
    const styles = new StyleEditor(STYLES_XML);
    expect(styles.xfFor('General')).toBe(0);
    expect(styles.xfFor('yyyy-mm-dd')).toBe(1);
    expect(styles.xfFor('#,##0.00')).toBe(2);
    expect(styles.xfFor('yyyy-mm-dd')).toBe(1);
    const xml = styles.text();
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>');
    expect(xml).toContain('<cellXfs count="3">');
    expect(xml).toContain('<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    // a workbook this back end wrote gets its own styles back instead of new copies
    const again = new StyleEditor(xml);
    expect(again.xfFor('yyyy-mm-dd')).toBe(1);
    expect(again.changed).toBe(false);
  });

  it('numbers new formats above the highest id in use', () => {
    const xml = STYLES_XML.replace('<fonts', '<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0"/><numFmt numFmtId="165" formatCode="yyyy"/></numFmts><fonts');
    const styles = new StyleEditor(xml);
    expect(styles.xfFor('yyyy')).toBe(1); // reuses the clerk's format id 165
    styles.xfFor('mm-dd');
    const out = styles.text();
    expect(out).toContain('<numFmts count="3"><numFmt numFmtId="170" formatCode="0.0"/><numFmt numFmtId="165" formatCode="yyyy"/><numFmt numFmtId="171" formatCode="mm-dd"/></numFmts>');
    expect(out).toContain('<xf numFmtId="165"');
  });
});
