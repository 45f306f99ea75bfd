// The fake must catch what real Excel would: a property read without load + sync, an oversized sync.
import { FakeContext, WorkbookState, typed } from './fakeExcel';

describe('the fake Excel', () => {
  it('refuses a property that was not loaded, or loaded but not yet synced', async () => {
    const state = new WorkbookState();
    state.addSheet('台账', [['房号'], ['1-101']]);
    const ctx = new FakeContext(state);
    const used = ctx.workbook.worksheets.getItem('台账').getUsedRangeOrNullObject(true);
    expect(() => used.values).toThrow(/not available/);
    used.load('address');
    expect(() => used.address).toThrow(/not available/);
    await ctx.sync();
    expect(used.address).toBe("'台账'!A1:A2");
    expect(() => used.values).toThrow(/not available/);
    expect(used.isNullObject).toBe(false);
  });

  it('queues writes until sync, and counts the bytes each sync carries', async () => {
    const ctx = new FakeContext();
    const sheet = ctx.workbook.worksheets.add('新');
    sheet.getRangeByIndexes(0, 0, 1, 2).values = [['楼', 1]];
    expect(ctx.state.sheets).toHaveLength(0);
    await ctx.sync();
    expect(ctx.state.grid('新')).toEqual([['楼', 1]]);
    expect(ctx.log).toEqual([{ requestBytes: JSON.stringify([['楼', 1]]).length + 2, responseBytes: 0, ok: true }]);
  });

  it('fails a sync over the payload limit', async () => {
    const ctx = new FakeContext(new WorkbookState(), { payloadLimit: 10 });
    ctx.workbook.worksheets.add('x').getRangeByIndexes(0, 0, 1, 1).values = [['0123456789']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(ctx.state.sheets).toHaveLength(0);
  });

  it('reads typed text the way Excel does', () => {
    expect(typed('=A1', 'General')).toEqual({ formula: '=A1' });
    expect(typed('+86 138', 'General')).toEqual({ formula: '=+86 138' });
    expect(typed('013800138000', 'General')).toBe(13800138000);
    expect(typed('3-8', 'General')).toBe(46089);
    expect(typed('５０％', 'General')).toBe(0.5);
    expect(typed('#N/A', 'General')).toEqual({ error: '#N/A' });
    expect(typed("'=A1", 'General')).toBe('=A1');
    expect(typed('=A1', '@')).toBe('=A1');
    expect(typed('GD-1', 'General')).toBe('GD-1');
  });
});
