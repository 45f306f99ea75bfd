import fc from 'fast-check';
import { fromExcel, needsTextPrefix, toExcel } from '../../../src/workbook/office/cells';
import { jsonRowsBytes, jsonStringBytes } from '../../../src/workbook/office/payload';

describe('cells from Excel', () => {
  it('reads "" as an empty cell and error codes as errors', () => {
    expect(fromExcel('')).toBeNull();
    expect(fromExcel('#N/A')).toEqual({ error: '#N/A' });
    expect(fromExcel('#BLOCKED!')).toEqual({ error: '#BLOCKED!' });
    expect(fromExcel('#n/a')).toBe('#n/a'); // Excel spells its errors in capitals
    expect(fromExcel('楼上漏水')).toBe('楼上漏水');
    expect(fromExcel(46350.5)).toBe(46350.5);
    expect(fromExcel(false)).toBe(false);
  });
});

describe('cells to Excel', () => {
  it('prefixes an apostrophe to text Excel would read as something else', () => {
    for (const text of ['=SUM(A1)', '+86', '-x', '@a', "'a", '#N/A', '0138', '3-8', '.5', '(1)', '$5', '¥5', '５', '＝x', 'TRUE', ' true ', 'Jan 5', 'sep-3', ' =x']) {
      expect([text, needsTextPrefix(text)]).toEqual([text, true]);
    }
    for (const text of ['楼上漏水', 'GD-1', 'Phone', 'January', 'truth', '', '   ']) {
      expect([text, needsTextPrefix(text)]).toEqual([text, false]);
    }
  });

  it('writes null as "", errors as their code, and a number Excel cannot hold as #NUM!', () => {
    expect(toExcel(null)).toBe('');
    expect(toExcel({ error: '#REF!' })).toBe('#REF!');
    expect(toExcel(Infinity)).toBe('#NUM!');
    expect(toExcel('=1')).toBe("'=1");
    expect(toExcel(true)).toBe(true);
  });
});

describe('payload sizes', () => {
  it('counts a string exactly as UTF-8 JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => jsonStringBytes(s) === Buffer.byteLength(JSON.stringify(s), 'utf8')),
      { numRuns: 2000 },
    );
    expect(jsonStringBytes('楼上漏水')).toBe(14);
  });

  it('counts rows exactly as UTF-8 JSON', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        return jsonRowsBytes(rows) === Buffer.byteLength(JSON.stringify(rows), 'utf8');
      }),
    );
  });
});
