import { strToU8, unzipSync, zipSync } from 'fflate';
import { WorkbookError } from '../../../src/workbook/types';
import { crc32 } from '../../../src/workbook/file/crc32';
import { copiedEntry, deflatedEntry, entryData, rawData, readZip, storedEntry, writeZip } from '../../../src/workbook/file/zip';

describe('zip', () => {
  const source = zipSync({ 'a.xml': strToU8('<a>' + 'x'.repeat(5000) + '</a>'), 'dir/b.txt': [strToU8('中文'), { level: 0 }] });

  it('computes the zip CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('reads the central directory and inflates on demand', () => {
    const zip = readZip(source);
    expect(zip.entries.map((e) => e.name)).toEqual(['a.xml', 'dir/b.txt']);
    expect(new TextDecoder().decode(entryData(zip, zip.entries[1]))).toBe('中文');
    expect(entryData(zip, zip.entries[0]).length).toBe(5007);
  });

  it('copies entries as their compressed bytes and writes new ones that other readers open', () => {
    const zip = readZip(source);
    const out = writeZip([
      copiedEntry(zip, zip.entries[0]),
      deflatedEntry('new/中文.xml', [strToU8('<b>'), strToU8('hello</b>')]),
      storedEntry('stored.bin', [new Uint8Array([1, 2, 3])]),
    ]);
    const again = readZip(out);
    expect(Buffer.from(rawData(again, again.entries[0])).equals(Buffer.from(rawData(zip, zip.entries[0])))).toBe(true);
    const files = unzipSync(out);
    expect(Object.keys(files)).toEqual(['a.xml', 'new/中文.xml', 'stored.bin']);
    expect(new TextDecoder().decode(files['new/中文.xml'])).toBe('<b>hello</b>');
    expect([...files['stored.bin']]).toEqual([1, 2, 3]);
  });

  it('says what is wrong with a file that is not a zip, or a damaged one', () => {
    const code = (bytes: Uint8Array) => {
      try {
        readZip(bytes);
        return 'ok';
      } catch (e) {
        return (e as WorkbookError).code;
      }
    };
    expect(code(strToU8('hello, not a zip at all'))).toBe('NOT_XLSX');
    expect(code(source.slice(0, source.length - 30))).toBe('CORRUPT');
    const flipped = source.slice();
    flipped[40] ^= 0xff; // inside the first entry's compressed data
    const zip = readZip(flipped);
    expect(() => entryData(zip, zip.entries[0])).toThrow(WorkbookError);
  });
});
