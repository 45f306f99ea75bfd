import fc from 'fast-check';
import {
  addressOrigin,
  boxRef,
  cellRef,
  columnIndex,
  columnLetter,
  MAX_COLS,
  MAX_ROWS,
  parseCell,
  parseRange,
  rangeRef,
  WHOLE_SHEET,
} from '../../src/workbook/a1';

describe('column letters', () => {
  it('names the first, the 26th, the 27th and the last column', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD');
  });

  it('reads letters back in either case: XFD is 16383, the last of Excel 16,384 columns', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('aa')).toBe(26);
    expect(columnIndex('XFD')).toBe(16383);
    expect(columnIndex('XFD')).toBe(MAX_COLS - 1);
  });

  it('round-trips every column of the grid', () => {
    for (let n = 0; n < MAX_COLS; n++) expect(columnIndex(columnLetter(n))).toBe(n);
  });
});

describe('cell and range references', () => {
  it('writes 0-based positions as 1-based A1 text', () => {
    expect(cellRef(0, 0)).toBe('A1');
    expect(cellRef(MAX_ROWS - 1, MAX_COLS - 1)).toBe('XFD1048576');
    expect(rangeRef({ start: { row: 1, col: 1 }, end: { row: 8, col: 2 } })).toBe('B2:C9');
    expect(rangeRef({ start: { row: 2, col: 1 }, end: { row: 2, col: 1 } })).toBe('B3');
  });

  it('reads cells with or without $, and refuses what is not one', () => {
    expect(parseCell('B3')).toEqual({ row: 2, col: 1 });
    expect(parseCell(' $b$3 ')).toEqual({ row: 2, col: 1 });
    expect(parseCell('XFD1048576')).toEqual({ row: MAX_ROWS - 1, col: MAX_COLS - 1 });
    expect(parseCell('B')).toBeNull();
    expect(parseCell('3')).toBeNull();
    expect(parseCell('ABCD1')).toBeNull();
  });

  it('reads a range, and a single cell as a range of one', () => {
    expect(parseRange('A1:C9')).toEqual({ start: { row: 0, col: 0 }, end: { row: 8, col: 2 } });
    expect(parseRange('B3')).toEqual({ start: { row: 2, col: 1 }, end: { row: 2, col: 1 } });
    expect(parseRange('A1:')).toBeNull();
  });

  it('round-trips any cell and range of the grid', () => {
    const pos = fc.record({ row: fc.integer({ min: 0, max: MAX_ROWS - 1 }), col: fc.integer({ min: 0, max: MAX_COLS - 1 }) });
    fc.assert(fc.property(pos, (p) => expect(parseCell(cellRef(p.row, p.col))).toEqual(p)));
    fc.assert(
      fc.property(pos, pos, (a, b) => {
        const range = { start: a, end: b };
        const back = parseRange(rangeRef(range));
        expect(back).toEqual(a.row === b.row && a.col === b.col ? { start: a, end: a } : range);
      }),
    );
  });

  it('writes a box as the range it covers, and the whole sheet as A1:XFD1048576', () => {
    expect(boxRef({ row: 1, col: 0, rows: 1, cols: 11 })).toBe('A2:K2');
    expect(boxRef({ row: 4, col: 3, rows: 1, cols: 1 })).toBe('D5');
    expect(WHOLE_SHEET).toBe('A1:XFD1048576');
  });
});

describe('Office.js addresses', () => {
  it('finds the top-left cell after the sheet name', () => {
    expect(addressOrigin('Sheet1!A1:X50001')).toEqual({ row: 0, col: 0 });
    expect(addressOrigin("'My Sheet'!D3:E4")).toEqual({ row: 2, col: 3 });
    expect(addressOrigin("'a!b'!AA10")).toEqual({ row: 9, col: 26 });
    expect(addressOrigin('工单!$B$2:$C$9')).toEqual({ row: 1, col: 1 });
  });

  it('says which address it could not read', () => {
    expect(() => addressOrigin('Sheet1!#REF!')).toThrow('Not an A1 address: Sheet1!#REF!');
  });
});
