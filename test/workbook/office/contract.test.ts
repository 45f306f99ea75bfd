import { OfficeWorkbook } from '../../../src/workbook/office';
import { Workbook } from '../../../src/workbook/types';
import { describeWorkbookContract } from '../contract';
import { FakeContext, WorkbookState } from './fakeExcel';

function subject(nullObjectMethods: 'propagate' | 'fail') {
  return async () => {
    const state = new WorkbookState();
    state.addSheet('台账', [
      ['房号', '金额'],
      ['1-101', 12.5],
      ['1-102', null],
    ]);
    const open = () => new OfficeWorkbook(new FakeContext(state, { nullObjectMethods }).excel);
    return {
      wb: open(),
      reopen: async () => open(),
      marks: (wb: Workbook, sheet: string) => (wb as OfficeWorkbook).readMarks(sheet),
      selects: true,
    };
  };
}

describeWorkbookContract('Office.js over a fake Excel', subject('propagate'));
describeWorkbookContract('Office.js over a fake Excel whose null objects fail chained calls', subject('fail'));
