// Loading a workbook for a use case: on an open file each sheet's table is converted once while the
// sheet is unchanged (the pane runs its status, the report's periods and the report one after
// another), and converted again, with what was written, as soon as the sheet is written to.
import { loadWorkbook } from '../../src/app/load';
import { buildSampleWorkbook } from '../support/sample';

describe('loadWorkbook on an open file', () => {
  it('converts an unchanged sheet once, and a sheet written to again, with the new value', async () => {
    const wb = await buildSampleWorkbook({ lang: 'zh', asOf: '2026-11-25T17:30' });
    const first = await loadWorkbook(wb);
    const again = await loadWorkbook(wb);
    const tickets = first.structured.get('tickets')!;
    const charges = first.structured.get('charges')!;
    expect(again.structured.get('tickets')!.read).toBe(tickets.read);
    expect(again.structured.get('charges')!.read).toBe(charges.read);
    // messages in another language are another conversion
    expect((await loadWorkbook(wb, { lang: 'en' })).structured.get('tickets')!.read).not.toBe(tickets.read);

    // the 内容 of the first ticket, rewritten
    const contentCol = tickets.read.columns.find((c) => c.def.key === 'description')!;
    const record = tickets.read.records[0];
    const was = record.values.description ?? null;
    const col = tickets.read.firstColumn + contentCol.index;
    expect(await wb.writeCells(tickets.summary.name, [{ row: record.row - 1, col, value: 'changed by the clerk', was }])).toEqual([]);

    const after = await loadWorkbook(wb);
    const rewritten = after.structured.get('tickets')!.read;
    expect(rewritten).not.toBe(tickets.read);
    expect(rewritten.records[0].values.description).toBe('changed by the clerk');
    expect(rewritten.records.length).toBe(tickets.read.records.length);
    // the sheet not written to is not converted again
    expect(after.structured.get('charges')!.read).toBe(charges.read);
  });
});

describe('a file opened to be read once (keepGrids: false, the CLI\'s report and validate)', () => {
  it('hands out each grid without keeping it: read again, the same cells in a new grid, the same tables', async () => {
    const bytes = (await buildSampleWorkbook({ lang: 'zh', asOf: '2026-11-25T17:30' })).toBytes();
    const { FileWorkbook } = await import('../../src/workbook/file');
    const kept = FileWorkbook.open(bytes);
    const once = FileWorkbook.open(bytes, { keepGrids: false });
    const [a1] = await kept.readSheets(['工单']);
    const [a2] = await kept.readSheets(['工单']);
    expect(a2).toBe(a1);
    const [b1] = await once.readSheets(['工单']);
    const [b2] = await once.readSheets(['工单']);
    expect(b2).not.toBe(b1);
    expect(b2).toEqual(b1);
    expect(b1).toEqual(a1);
    const fromKept = (await loadWorkbook(kept)).structured.get('tickets')!.read;
    const fromOnce = (await loadWorkbook(once)).structured.get('tickets')!.read;
    expect(fromOnce.records).toEqual(fromKept.records);
    expect(fromOnce.records.length).toBeGreaterThan(100);
  });
});
