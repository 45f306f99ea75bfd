// The streaming reader on hand-written parts: every kind of cell a real file holds, each value worked
// out by hand; the same bytes cut into chunks anywhere give the same grid; the 1904 date system read
// onto the 1900 serials the domain counts in, by this reader and by SheetJS alike.
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { wall, wallToSerial } from '../../../src/domain/time';
import { FileWorkbook } from '../../../src/workbook/file';
import { isDateFormatCode } from '../../../src/workbook/file/dates';
import { availableInflaters } from '../../../src/workbook/file/inflate';
import { TextBuffer } from '../../../src/workbook/file/textBuffer';
import { CellScanner } from '../../../src/workbook/file/cellReader';
import { sheetCounter, sheetScanner } from '../../../src/workbook/file/scan';
import { readZip } from '../../../src/workbook/file/zip';
import { WorkbookError } from '../../../src/workbook/types';
import { cutAt, MAIN_NS, packageOf, readAll, scan } from '../../support/stream';

const OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><dimension ref="A1:F6"/><sheetData>`;
const CLOSE = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

const STRINGS = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="6" uniqueCount="6">
<si><t>工单号</t></si>
<si><r><rPr><b/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体 </t></r></si>
<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>A&amp;B &lt;c&gt; &#x4E2D;&#25991;</t></si>
<si><t>line_x000D__x000A_two</t></si>
<si><t>_x005F_x0041_</t></si>
</sst>`;

const SHEET =
  OPEN +
  '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
  // a row and cells without r=: the row after the one before, the cells from column A on
  '<row><c><v>42</v></c><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#SPILL!</v></c></row>' +
  // row 3 is not there (sparse); cached formula results, the formulas ignored; rich inline text
  '<row r="4"><c r="B4" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="D4"><f>1+1</f><v>2</v></c><c r="E4" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c></row>' +
  '<row r="5"><c r="A5"><v>1.5E-3</v></c><c r="B5"><v>-2.5e+10</v></c><c r="C5"><v>123456789012345678</v></c><c r="D5" t="d"><v>2026-11-25T17:30:00</v></c><c r="E5" t="inlineStr"><is><t>x_x0009_y</t></is></c></row>' +
  // a styled cell with no value and an empty <v> hold nothing: F is outside the used range
  '<row r="6"><c r="A6" t="s"><v>4</v></c><c r="B6" t="s"><v>5</v></c><c r="C6" s="1"/><c r="F6"><v></v></c></row>' +
  CLOSE;

// 2026-11-25 is serial 46351 (2026-01-01 is 46023, plus 328 days); 17:30 is 17.5/24 of a day
const D5 = wallToSerial(wall(2026, 11, 25, 17, 30));

const EXPECTED = [
  ['工单号', '粗 体 ', '東京', 'A&B <c> 中文', null],
  [42, true, false, { error: '#SPILL!' }, null],
  [null, null, null, null, null],
  [null, 'ab', null, 2, 'inline'],
  [0.0015, -25000000000, 123456789012345680, D5, 'x\ty'],
  ['line\ntwo', '_x0041_', null, null, null],
];

describe('the streaming reader, on every kind of cell', () => {
  const bytes = packageOf(SHEET, { strings: STRINGS });

  it('reads each value as worked out by hand', async () => {
    const wb = FileWorkbook.open(bytes);
    const [grid] = await wb.readSheets(['S']);
    expect(wb.lastReader).toBe('stream');
    expect(D5).toBeCloseTo(46351 + 17.5 / 24, 9);
    expect(grid).toEqual({ name: 'S', originRow: 0, originCol: 0, rows: EXPECTED });
  });

  it('reads them as SheetJS does (the t="d" cell aside: SheetJS reads it in the machine\'s zone)', async () => {
    const noDate = packageOf(SHEET.replace('<c r="D5" t="d"><v>2026-11-25T17:30:00</v></c>', ''), { strings: STRINGS });
    const streamed = await readAll(noDate, 'stream');
    const sheetjs = await readAll(noDate, 'sheetjs');
    expect(streamed.used).toBe('stream');
    expect(sheetjs.used).toBe('sheetjs');
    expect(streamed.grids).toEqual(sheetjs.grids);
  });

  it('gives the same grid with the parts cut into chunks anywhere: every chunk size, and arbitrary cuts', () => {
    const input = { sheet: strToU8(SHEET), strings: strToU8(STRINGS), date1904: false };
    const whole = scan(input, (b) => [b]).grid;
    expect(whole?.rows).toEqual(EXPECTED);
    for (let size = 1; size <= 200; size++) {
      const bySize = (b: Uint8Array) => cutAt(b, Array.from({ length: Math.ceil(b.length / size) }, (_, i) => i * size));
      expect(scan(input, bySize).grid).toEqual(whole);
    }
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: input.sheet.length }), { maxLength: 60 }), fc.uniqueArray(fc.nat({ max: input.strings.length }), { maxLength: 30 }), (sheetCuts, stringCuts) => {
        const cut = (b: Uint8Array) => cutAt(b, [...(b === input.sheet ? sheetCuts : stringCuts)].sort((x, y) => x - y));
        expect(scan(input, cut).grid).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a character cut between two chunks whole: 东 (3 bytes) split after each of its bytes', () => {
    const sheet = `${OPEN}<row r="1"><c r="A1" t="inlineStr"><is><t>东</t></is></c></row>${CLOSE}`;
    const bytes8 = strToU8(sheet);
    const at = bytes8.indexOf(0xe4); // 东 is E4 B8 9C
    for (const cut of [at + 1, at + 2]) expect(scan({ sheet: bytes8, date1904: false }, (b) => cutAt(b, [cut])).grid?.rows).toEqual([['东']]);
  });

  it('inflates the same on every inflater this host has (zlib, DecompressionStream, fflate)', async () => {
    expect(availableInflaters()).toEqual(['zlib', 'web', 'fflate']);
    const noDate = packageOf(SHEET, { strings: STRINGS });
    for (const inflater of availableInflaters()) {
      const wb = FileWorkbook.open(noDate, { stream: { inflater } });
      expect((await wb.readSheets(['S']))[0].rows).toEqual(EXPECTED);
      expect(wb.lastReader).toBe('stream');
    }
  });

  it('says a part is damaged the same on every inflater: a wrong CRC, a deflate stream that does not inflate, a size it does not inflate to (the browser\'s own CRC check as well)', async () => {
    const sheet = strToU8(SHEET);
    const entry = readZip(bytes).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(entry.method).toBe(8);
    // the CRC in the central directory, changed by one bit
    const badCrc = bytes.slice();
    const view = new DataView(badCrc.buffer);
    let central = view.getUint32(badCrc.length - 22 + 16, true);
    while (view.getUint16(central + 28, true) !== 24 || new TextDecoder().decode(badCrc.subarray(central + 46, central + 70)) !== 'xl/worksheets/sheet1.xml') {
      central += 46 + view.getUint16(central + 28, true) + view.getUint16(central + 30, true) + view.getUint16(central + 32, true);
    }
    view.setUint32(central + 16, view.getUint32(central + 16, true) ^ 1, true);
    // the size it declares, one byte more than the part inflates to
    const badSize = bytes.slice();
    new DataView(badSize.buffer).setUint32(central + 24, view.getUint32(central + 24, true) + 1, true);
    // the stored bytes of the sheet as a deflate block of the reserved type (BTYPE 11): no inflater takes it
    const badDeflate = bytes.slice();
    badDeflate.fill(0xff, entry.dataOffset, entry.dataOffset + entry.compressedSize);
    for (const inflater of availableInflaters()) {
      for (const [damaged, reason] of [[badCrc, 'ZIP_PART_CRC'], [badDeflate, 'ZIP_PART_UNREADABLE'], [badSize, 'ZIP_PART_BAD']] as const) {
        const e = await FileWorkbook.open(damaged, { stream: { inflater } })
          .readSheets(['S'])
          .catch((error: unknown) => error);
        expect([inflater, (e as WorkbookError).reason, (e as WorkbookError).params]).toEqual([inflater, reason, { part: 'xl/worksheets/sheet1.xml', sheet: 'S' }]);
      }
    }
    expect(sheet.length).toBe(entry.size);
  });

  it('counts rows and cells against the limits exactly as the limits\' scan of the SheetJS path does', () => {
    const sheet = strToU8(`${OPEN.replace('<sheetData>', '<sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="1" max="2" width="9"/></cols><sheetData>')}<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>2</v></c></row><row><c><v>3</v></c><c><v>4</v></c></row><row r="7"><c r="B7"><v>5</v></c></row>${CLOSE}`);
    const calls = () => {
      const seen: string[] = [];
      return { seen, meter: { row: (r: number) => void seen.push(`row ${r}`), cell: (r: number, c: number) => void seen.push(`cell ${r},${c}`), done: () => undefined } };
    };
    const old = calls();
    const scanner = sheetScanner({ part: 'p', sheet: 'S' }, old.meter);
    scanner.push(sheet);
    scanner.end();
    const now = calls();
    new CellScanner({ strings: [], date1904: false, dateStyles: [], counter: sheetCounter(now.meter) }).push(sheet);
    // rows 1, 2 (no r: the one after), 7; cells A1, C1, then A2, B2 (no r), B7
    expect(old.seen).toEqual(['row 1', 'cell 1,1', 'cell 1,3', 'row 2', 'cell 2,1', 'cell 2,2', 'row 7', 'cell 7,2']);
    expect(now.seen).toEqual(old.seen);
  });

  it('reads a whole cell at once exactly as tag by tag: every shape the fast path takes or leaves', () => {
    const strings = strToU8(`<sst xmlns="${MAIN_NS}"><si><t>s0</t></si><si><t>s1</t></si></sst>`);
    const cells = [
      '<row r="1"><c r="A1" s="1" t="s"><v>1</v></c><c r=\'B1\' t=\'s\'><v>0</v></c><c  r="C1"   s="2" ><v>7.25</v></c><c r="D1" t="n"><v>-3</v></c></row>',
      // no r=: the cell after the one before; a prefixed attribute; a value of the wrong kind for s=
      '<row r="2"><c><v>1</v></c><c x14ac:foo="1" t="b"><v>1</v></c><c s="x"><v>2</v></c><c t="str"><v>a&amp;b_x000D_</v></c></row>',
      // empty and styled-only cells, an empty <v>, a duplicated attribute (the first counts)
      '<row r="3"><c r="A3"/><c r="B3" s="4"></c><c r="C3"><v></v></c><c r="D3" t="s" t="str"><v>1</v></c><c r="E3" t="d"><v>2026-11-25</v></c></row>',
      // shapes left to the tags: a formula, an inline string, an error, a space before =, a > in a value, a tab, a prefix
      '<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="inlineStr"><is><t>in</t></is></c><c r="C4" t="e"><v>#N/A</v></c><c r ="D4"><v>4</v></c><c r="E4" q="a>b"><v>5</v></c><c\tr="F4"><v>6</v></c><x:c r="G4"><v>7</v></x:c></row>',
      // whitespace between the tags of a cell, two <v>, <v/>
      '<row r="5"><c r="A5"> <v>1</v></c><c r="B5"><v>2</v> </c><c r="C5"><v>3</v><v>4</v></c><c r="D5" t="b"><v/></c></row>',
    ].join('');
    for (const sheet of [`${OPEN}${cells}${CLOSE}`, `${OPEN}<row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1"><v>1</v></c></row>${CLOSE}`, `${OPEN}<row r="1"><c r="A0"><v>1</v></c></row>${CLOSE}`, `${OPEN}<row r="1"><c r="a1"><v>1</v></c></row>${CLOSE}`]) {
      const input = { sheet: strToU8(sheet), strings, date1904: false };
      const read = (fastCells: boolean) => {
        const seen: string[] = [];
        const meter = { row: (r: number) => void seen.push(`row ${r}`), cell: (r: number, c: number) => void seen.push(`cell ${r},${c}`), done: () => undefined };
        const scanner = new CellScanner({ strings: ['s0', 's1'], date1904: false, dateStyles: [], counter: sheetCounter(meter), fastCells });
        scanner.push(input.sheet);
        return { seen, stopped: scanner.stopped, missing: scanner.missingString, grid: scanner.stopped || scanner.missingString ? null : scanner.grid.finish('S') };
      };
      expect(read(true)).toEqual(read(false));
      expect(scan(input, (b) => [b])).toEqual(scan(input, (b) => [b], { fastCells: false }));
    }
    const { grid } = scan({ sheet: strToU8(`${OPEN}${cells}${CLOSE}`), strings, date1904: false }, (b) => [b]);
    expect(grid?.rows).toEqual([
      ['s1', 's0', 7.25, -3, null, null, null],
      [1, true, 2, 'a&b\r', null, null, null],
      [null, null, null, 's1', wallToSerial(wall(2026, 11, 25)), null, null],
      [2, 'in', { error: '#N/A' }, 4, 5, 6, 7],
      [1, 2, 3, false, null, null, null],
    ]);
  });

  it('skips comments, wherever a chunk cuts them', async () => {
    const sheet = `${OPEN}<!-- a tool's note: <row r="9"> --><row r="1"><c r="A1"><v>1</v></c><!----><c r="B1"><v>2</v></c></row>${CLOSE}`;
    const wb = FileWorkbook.open(packageOf(sheet));
    expect((await wb.readSheets(['S']))[0].rows).toEqual([[1, 2]]);
    expect(wb.lastReader).toBe('stream');
    const input = { sheet: strToU8(sheet), date1904: false };
    for (let at = 1; at < input.sheet.length; at++) expect(scan(input, (b) => cutAt(b, [at])).grid?.rows).toEqual([[1, 2]]);
  });

  it('leaves what it does not read to SheetJS: CDATA, a cell type it does not know', async () => {
    for (const sheet of [`${OPEN}<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>${CLOSE}`, `${OPEN}<row r="1"><c r="A1" t="x"><v>1</v></c></row>${CLOSE}`]) {
      const wb = FileWorkbook.open(packageOf(sheet));
      const [grid] = await wb.readSheets(['S']);
      expect(wb.lastReader).toBe('sheetjs');
      expect(grid.name).toBe('S');
    }
  });

  it('reads numbers as parseFloat does, plain decimals without a string', () => {
    const buffer = new TextBuffer();
    for (const text of ['0', '-0', '12', '1.5', '-0.25', '46351.729166666664', '0.1', '123.45', '99999999999999.9', '1e3', '1.5E-3', '.5', '5.', '-', '', ' 7', '0000012.50', '3.14159265358979']) {
      buffer.clear();
      const b = strToU8(text);
      buffer.add(b, 0, b.length);
      expect(Object.is(buffer.number(), parseFloat(text))).toBe(true);
    }
  });
});

describe('the 1904 date system', () => {
  // cell formats: 0 General, 1 built-in 14 (m/d/yy), 2 a custom date-time, 3 a number whose "d" is
  // quoted text, 4 a colour in brackets and a number
  const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="0.00&quot;d&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const SHEET1904 = `${OPEN}<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="2"><v>44000.5</v></c><c r="C1" s="3"><v>5</v></c><c r="D1" s="4"><v>7</v></c><c r="E1"><v>10</v></c></row>${CLOSE}`;

  it('moves a number shown as a date by 1,462 days onto the 1900 serials; other numbers stay', async () => {
    // 1904-01-01 (serial 0 in 1904) is serial 1462 in 1900: 1900-01-01 is serial 2, and 1900..1903
    // are 4 × 365 days (1900 was no leap year)
    expect(wallToSerial(wall(1904, 1, 1))).toBe(1462);
    const bytes = packageOf(SHEET1904, { styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' });
    const expected = [[1462, 45462.5, 5, 7, 10]];
    for (const reader of ['stream', 'sheetjs'] as const) {
      const { grids, used } = await readAll(bytes, reader);
      expect(used).toBe(reader);
      expect(grids[0].rows).toEqual(expected);
    }
    // the same sheet in a 1900 workbook is read as it stands
    const in1900 = packageOf(SHEET1904, { styles: STYLES });
    for (const reader of ['stream', 'sheetjs'] as const) expect((await readAll(in1900, reader)).grids[0].rows).toEqual([[0, 44000.5, 5, 7, 10]]);
  });

  it('tells date formats by their tokens outside quotes, escapes and brackets', () => {
    const dates = ['m/d/yy', 'yyyy-mm-dd hh:mm', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss.0', 'dd\\.mm'];
    const numbers = ['General', '0.00', '#,##0.00', '0.00"d"', '[Red]0.00', '0.00E+00', '\\d0', '@', '_(* #,##0_)', '"days: "0'];
    for (const code of dates) expect([code, isDateFormatCode(code)]).toEqual([code, true]);
    for (const code of numbers) expect([code, isDateFormatCode(code)]).toEqual([code, false]);
  });
});
