import { strToU8, zipSync } from 'fflate';
import { FileWorkbook } from '../../../src/workbook/file';
import { NewSheet, WorkbookError } from '../../../src/workbook/types';
import { fixture, partText } from '../../support/files';

const MIXED: NewSheet = {
  name: '客户&供应商 <1>',
  tableName: 'tblMixed',
  freezeHeader: true,
  columns: [
    { header: '房号', width: 10, numberFormat: '@' },
    { header: '入住日期', numberFormat: 'yyyy-mm-dd' },
    { header: '应收金额', numberFormat: '#,##0.00' },
    { header: '已缴', list: { values: ['是', '否'] } },
    { header: '备注 "说明"', width: 30 },
  ],
  rows: [
    ['1-101', 46023, 1234.56, true, '=SUM(A1:A9)'],
    ['2-302', 46023.75, 0, false, '+86 138 0000 0000'],
    ['-3', null, -0.01, null, '@所有人 请注意'],
    ['客户36-801', 1, 1e-7, { error: '#N/A' }, 'tab\there, newline\nthere, bell\u0007, nul\u0000, esc\u001B'],
    ['_x0041_ stays literal', 2958465.99998843, 123456789012.34, { error: '#DIV/0!' }, '  leading and trailing spaces  '],
    [null, null, null, null, null],
    ['😀 emoji & <tags>', 45000, 99.9, true, '\uFFFE\uD800 lone surrogate'],
  ],
};

async function reopened(build: (wb: FileWorkbook) => Promise<void>): Promise<FileWorkbook> {
  const wb = FileWorkbook.create();
  await build(wb);
  return FileWorkbook.open(wb.toBytes());
}

describe('round trip through a new workbook', () => {
  it('reads back exactly the values it wrote', async () => {
    const wb = await reopened((w) => w.addSheets([MIXED, { name: '空表', tableName: 'tblEmpty', columns: [{ header: 'A' }], rows: [] }]));
    expect(await wb.listSheets()).toEqual([
      { name: '客户&供应商 <1>', tables: ['tblMixed'], generated: false },
      { name: '空表', tables: ['tblEmpty'], generated: false },
    ]);
    const [grid, empty] = await wb.readSheets(['客户&供应商 <1>', '空表']);
    expect(grid.rows[0]).toEqual(MIXED.columns.map((c) => c.header));
    // the all-empty row is inside the table and the used range, the trailing rows after it too
    expect(grid.rows.slice(1)).toEqual(MIXED.rows);
    expect(empty.rows).toEqual([['A']]);
  });

  it('reads sheet names case-insensitively and leaves out missing ones', async () => {
    const wb = await reopened((w) => w.addSheets([{ name: 'Tickets', columns: [{ header: 'a' }], rows: [[1]] }]));
    const grids = await wb.readSheets(['tickets', 'nope']);
    expect(grids.map((g) => g.name)).toEqual(['Tickets']);
  });

  it('turns CRLF into LF on reading (SheetJS normalises it; Excel itself keeps the CR)', async () => {
    const wb = await reopened((w) => w.addSheets([{ name: 'S', columns: [{ header: 'a' }], rows: [['one\r\ntwo'], ['lone\rCR']] }]));
    const [grid] = await wb.readSheets(['S']);
    expect(grid.rows.slice(1)).toEqual([['one\ntwo'], ['lone\rCR']]);
  });

  it('appends to a created sheet before and after saving, extending its table', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: 'T', tableName: 'tblT', columns: [{ header: 'a' }, { header: 'b', numberFormat: 'yyyy-mm-dd' }], rows: [] }]);
    await wb.appendRows('T', [['x', 46000]]);
    const again = FileWorkbook.open(wb.toBytes());
    await again.appendRows('t', [['y', 46001], ['z', null]]);
    const bytes = again.toBytes();
    expect(partText(bytes, 'xl/tables/table1.xml')).toContain('ref="A1:B4"');
    expect(partText(bytes, 'xl/worksheets/sheet1.xml')).toContain('<c r="B3" s="1"><v>46001</v></c>');
    const [grid] = await FileWorkbook.open(bytes).readSheets(['T']);
    expect(grid.rows).toEqual([['a', 'b'], ['x', 46000], ['y', 46001], ['z', null]]);
  });

  it('adds defined names, quoting sheet names that need it', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: 'My List', columns: [{ header: 'a' }], rows: [] }, { name: '设置', columns: [{ header: 'a' }], rows: [] }]);
    await wb.addNames([
      { name: 'ListA', formula: '=My List!$A$2:$A$9' },
      { name: 'ListB', formula: '=设置!$A$2:$A$9' },
    ]);
    const bytes = wb.toBytes();
    const workbook = partText(bytes, 'xl/workbook.xml');
    expect(workbook).toContain(`<definedName name="ListA">'My List'!$A$2:$A$9</definedName>`);
    expect(workbook).toContain('<definedName name="ListB">设置!$A$2:$A$9</definedName>');
    expect(await FileWorkbook.open(bytes).listNames()).toEqual(['ListA', 'ListB']);
  });

  it('treats a clash of names as a bug and changes nothing', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '工单', tableName: 'tblT', columns: [{ header: 'a' }], rows: [] }]);
    await expect(wb.addSheets([{ name: '工单', columns: [{ header: 'a' }], rows: [] }])).rejects.toThrow(/already exists/);
    await expect(wb.addSheets([{ name: 'X', tableName: 'TBLT', columns: [{ header: 'a' }], rows: [] }])).rejects.toThrow(/already used/);
    await expect(wb.addSheets([{ name: 'Y', tableName: 'A1', columns: [{ header: 'a' }], rows: [] }])).rejects.toThrow(/not a valid/);
    await expect(wb.addSheets([{ name: 'Z', tableName: 'tblZ', columns: [{ header: 'a' }, { header: 'A' }], rows: [] }])).rejects.toThrow(/two columns/);
    await expect(wb.addSheets([{ name: 'bad/name', columns: [], rows: [] }])).rejects.toThrow(/contains/);
    await expect(wb.addSheets([{ name: 'N', columns: [{ header: 'a' }], rows: [[NaN]] }])).rejects.toThrow(/finite/);
    await expect(wb.addNames([{ name: 'tblT', formula: '=1' }])).rejects.toThrow(/already exists/);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['工单']);
    await expect(wb.appendRows('nope', [[1]])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to save a workbook without sheets', () => {
    expect(() => FileWorkbook.create().toBytes()).toThrow(/at least one sheet/);
  });

  it('writes a package with everything Excel expects', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([MIXED]);
    const bytes = wb.toBytes();
    const types = partText(bytes, '[Content_Types].xml');
    for (const part of ['/xl/workbook.xml', '/xl/styles.xml', '/xl/sharedStrings.xml', '/xl/worksheets/sheet1.xml', '/xl/tables/table1.xml', '/docProps/core.xml', '/docProps/app.xml']) {
      expect(types).toContain(`PartName="${part}"`);
    }
    expect(partText(bytes, 'xl/workbook.xml')).toContain('<bookViews>');
    const table = partText(bytes, 'xl/tables/table1.xml');
    expect(table).toContain('<tableColumn id="5" name="备注 &quot;说明&quot;"/>');
    expect(table).toContain('name="TableStyleMedium2"');
    expect(partText(bytes, 'xl/worksheets/sheet1.xml')).not.toContain('inlineStr');
  });
});

/** A minimal package written by hand: a sheet whose used range starts at B3, error cells (one SheetJS
 *  has no code for), an empty sheet, no styles part. */
function handMadePackage(): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(`<workbook ${ns}><sheets><sheet name="Errors" sheetId="1" r:id="rId1"/><sheet name="Empty" sheetId="2" r:id="rId2"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet ${ns}><dimension ref="B3:C4"/><sheetData>` +
        '<row r="3"><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
        '<row r="4"><c r="B4" t="e"><f>SEQUENCE(2)</f><v>#SPILL!</v></c><c r="C4"><v>7</v></c></row>' +
        '</sheetData></worksheet>',
    ),
    'xl/worksheets/sheet2.xml': strToU8(`<worksheet ${ns}><sheetData/></worksheet>`),
  });
}

describe('a workbook from another program', () => {
  it('reads error cells as {error} and keeps the origin of the used range', async () => {
    const [grid] = await FileWorkbook.open(handMadePackage()).readSheets(['Errors']);
    expect(grid.originRow).toBe(2);
    expect(grid.originCol).toBe(1);
    expect(grid.rows).toEqual([
      [{ error: '#N/A' }, { error: '#DIV/0!' }],
      [{ error: '#SPILL!' }, 7],
    ]);
  });

  it('appends to an empty sheet and adds a styles part when it needs one', async () => {
    const wb = FileWorkbook.open(handMadePackage());
    await wb.appendRows('Empty', [['a', 1], ['b', 2]]);
    await wb.addSheets([{ name: 'New', columns: [{ header: 'd', numberFormat: 'yyyy-mm-dd' }], rows: [[46000]] }]);
    const bytes = wb.toBytes();
    expect(partText(bytes, 'xl/styles.xml')).toContain('formatCode="yyyy-mm-dd"');
    const again = FileWorkbook.open(bytes);
    const [empty, added] = await again.readSheets(['Empty', 'New']);
    expect(empty.rows).toEqual([['a', 1], ['b', 2]]);
    expect(added.rows).toEqual([['d'], [46000]]);
  });
});

describe('bad input', () => {
  function openCode(bytes: Uint8Array): string {
    try {
      FileWorkbook.open(bytes);
      return 'opened';
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as Error).message).toMatch(/^[A-Z]/);
      return (e as WorkbookError).code;
    }
  }

  it('names what is wrong with a file that is not a workbook', () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(openCode(random)).toBe('NOT_XLSX');
    expect(openCode(new Uint8Array(0))).toBe('NOT_XLSX');
    expect(openCode(zipSync({ 'readme.txt': strToU8('hello') }))).toBe('NOT_XLSX');
    expect(openCode(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') }))).toBe('NOT_XLSX');
  });

  it('recognises an encrypted workbook or an old .xls by its OLE header', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(openCode(ole)).toBe('ENCRYPTED');
  });

  it('calls a cut-short or damaged package CORRUPT', () => {
    const clerk = fixture('clerk-workbook.xlsx');
    expect(openCode(clerk.slice(0, Math.floor(clerk.length / 2)))).toBe('CORRUPT');
    const noSheets = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><garbage'),
    });
    expect(openCode(noSheets)).toBe('CORRUPT');
  });
});
