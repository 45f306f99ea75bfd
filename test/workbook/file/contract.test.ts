import { FileWorkbook } from '../../../src/workbook/file';
import { describeWorkbookContract } from '../contract';
import { fixture } from '../../support/files';
import { Workbook } from '../../../src/workbook/types';

const marks = (wb: Workbook, sheet: string) => (wb as FileWorkbook).readMarks(sheet);

// test/fixtures/ledger.xlsx is the contract's clerk sheet, written by openpyxl (make_clerk_workbook.py)
describeWorkbookContract('file back end on a workbook from openpyxl', async () => {
  const wb = FileWorkbook.open(fixture('ledger.xlsx'));
  return { wb, reopen: async () => FileWorkbook.open(wb.toBytes()), marks, selects: false };
});

describeWorkbookContract('file back end on a workbook it created', async () => {
  const wb = FileWorkbook.create();
  await wb.addSheets([{ name: '台账', columns: [{ header: '房号' }, { header: '金额' }], rows: [['1-101', 12.5], ['1-102', null]] }]);
  return { wb, reopen: async () => FileWorkbook.open(wb.toBytes()), marks, selects: false };
});
