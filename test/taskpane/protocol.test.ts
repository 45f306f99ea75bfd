// A failure met in the pane's worker crosses to the page as data (structured clone keeps no class)
// and comes back as the same error: same class, code, reason and parameters, so the pane words it as
// it would have on its own thread (src/taskpane/worker/protocol.ts).
import { UseCaseProblem } from '../../src/app/problem';
import { describeError } from '../../src/taskpane/errors';
import { STRINGS } from '../../src/taskpane/i18n';
import { failureData, failureError, ownBuffer } from '../../src/taskpane/worker/protocol';
import { WorkbookError } from '../../src/workbook/types';

/** Through the worker's wall: to data, cloned, and back. */
const across = (err: unknown) => failureError(structuredClone(failureData(err)));

describe('failures across the worker', () => {
  it('brings a WorkbookError back with its code, reason and parameters, worded the same in both languages', () => {
    const original = new WorkbookError('CORRUPT', { reason: 'PART_NAMES_CLASH', part: 'xl/worksheets/sheet1.xml', other: 'xl/worksheets/Sheet1.xml' });
    const back = across(original);
    expect(back).toBeInstanceOf(WorkbookError);
    expect(back).toMatchObject({ name: 'WorkbookError', code: 'CORRUPT', reason: 'PART_NAMES_CLASH', params: { part: 'xl/worksheets/sheet1.xml', other: 'xl/worksheets/Sheet1.xml' } });
    expect(back.message).toBe(original.message);
    for (const lang of ['zh', 'en'] as const) {
      const ctx = { lang, strings: STRINGS[lang], fileName: '台账.xlsx' };
      expect(describeError(back, ctx)).toBe(describeError(original, ctx));
    }
  });

  it('brings a WorkbookError without a reason back as one', () => {
    const back = across(new WorkbookError('NOT_XLSX'));
    expect(back).toBeInstanceOf(WorkbookError);
    expect(back).toMatchObject({ code: 'NOT_XLSX', reason: undefined, params: {} });
  });

  it('brings a use case\'s refusal back as a UseCaseProblem with its parameters', () => {
    const original = new UseCaseProblem('NO_CUSTOMERS', { sheets: ['工单', '应收'] });
    const back = across(original);
    expect(back).toBeInstanceOf(UseCaseProblem);
    expect(back).toMatchObject({ name: 'UseCaseProblem', code: 'NO_CUSTOMERS', params: { sheets: ['工单', '应收'] } });
    const ctx = { lang: 'zh' as const, strings: STRINGS.zh };
    expect(describeError(back, ctx)).toBe(describeError(original, ctx));
  });

  it('keeps a bug a bug: its name and first line, never dressed as a file error', () => {
    const back = across(new TypeError('x is not a function'));
    expect(back).not.toBeInstanceOf(WorkbookError);
    expect([back.name, back.message]).toEqual(['TypeError', 'x is not a function']);
    expect(across('a thrown string')).toMatchObject({ name: 'Error', message: 'a thrown string' });
  });
});

describe('bytes across the worker', () => {
  it('hands over a whole array\'s own buffer, and copies out a view of part of one', () => {
    const whole = new Uint8Array([1, 2, 3]);
    expect(ownBuffer(whole)).toBe(whole.buffer);
    const view = new Uint8Array(new Uint8Array([9, 1, 2, 3, 9]).buffer, 1, 3);
    const copied = ownBuffer(view);
    expect(copied).not.toBe(view.buffer);
    expect([...new Uint8Array(copied)]).toEqual([1, 2, 3]);
  });
});
