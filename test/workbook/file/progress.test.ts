import { FileWorkbook } from '../../../src/workbook/file';
import { ProgressMeter, ReadProgress } from '../../../src/workbook/file/progress';
import { readZip } from '../../../src/workbook/file/zip';

describe('read progress', () => {
  it('throttles to steps of 1/200 of the total and always ends at the total', () => {
    const heard: ReadProgress[] = [];
    const meter = new ProgressMeter((p) => heard.push(p), 1000);
    for (let i = 0; i < 100; i++) meter.add(3); // 300 bytes in steps of 3: told at 0, then every 5 bytes or more
    meter.end();
    expect(heard[0]).toEqual({ done: 0, total: 1000 });
    expect(heard[heard.length - 1]).toEqual({ done: 1000, total: 1000 });
    // 3, 6 (≥5 after 0) → told at 6, 12, 18 … 300: 50 steps, plus the start and the end
    expect(heard.length).toBe(52);
    expect(heard[1].done).toBe(6);
    expect(heard.every((p, i) => i === 0 || p.done > heard[i - 1].done)).toBe(true);
  });

  it('counts the stored bytes of the parts a read inflates, from 0 to their sum', async () => {
    const made = FileWorkbook.create();
    const rows = Array.from({ length: 3000 }, (_, i) => [`T${i}`, i * 1.5, i % 2 === 0]);
    await made.addSheets([{ name: '工单', tableName: 'Tickets', columns: [{ header: '编号' }, { header: '金额' }, { header: '是' }], rows }]);
    const bytes = made.toBytes();
    const heard: ReadProgress[] = [];
    const wb = FileWorkbook.open(bytes, { onProgress: (p) => heard.push({ ...p }) });
    const [grid] = await wb.readSheets(['工单']);
    expect(grid.rows.length).toBe(3001);
    // what the streaming reader inflates: the sheet, the shared strings and the styles (the content
    // types, the relationships and the workbook were read when the file was opened); not the table
    // part, the sheet's relationships nor the document properties
    const entries = readZip(bytes).entries;
    expect(entries.map((e) => e.name)).toContain('xl/tables/table1.xml');
    const read = entries.filter((e) => ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'].includes(e.name));
    expect(read.length).toBe(3);
    const sum = read.reduce((n, e) => n + e.compressedSize, 0);
    expect(heard[0]).toEqual({ done: 0, total: sum });
    expect(heard[heard.length - 1]).toEqual({ done: sum, total: sum });
    expect(heard.length).toBeGreaterThan(2);
    // a second read of the same sheet is cached: nothing inflated, nothing told
    const before = heard.length;
    await wb.readSheets(['工单']);
    expect(heard.length).toBe(before);
  });
});
