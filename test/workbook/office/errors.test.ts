// What Excel refuses, as the Office.js back end reports it: a WorkbookError with the write that
// failed and the error code Excel gave (Excel's own message stays in the cause), worded whole in
// either language; a sheet that is not there is NOT_FOUND. The fake Excel refuses as Excel does: a
// taken name, an unknown field, a request over its payload limit.
import { fileErrorMessage } from '../../../src/domain/failures';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { WorkbookError } from '../../../src/workbook/types';
import { FakeContext, WorkbookState } from './fakeExcel';

/** A workbook whose Excel takes requests of at most `limit` bytes, while the back end thinks 5 MB. */
function open(state: WorkbookState, limit = 5_000_000) {
  const fake = new FakeContext(state, { payloadLimit: limit });
  return new OfficeWorkbook(fake.excel, { maxPayloadBytes: 5_000_000 });
}

function ledger(): WorkbookState {
  const state = new WorkbookState();
  state.addSheet('台账', [['房号', '备注'], ['1-101', '']]);
  return state;
}

async function said(work: Promise<unknown>) {
  const e = await work.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  const w = e as WorkbookError;
  expect(w.cause).toBeDefined();
  return { code: w.code, reason: w.reason, params: w.params, zh: fileErrorMessage(w, 'zh', '此工作簿'), en: fileErrorMessage(w, 'en', 'this workbook') };
}

const LONG = '卫生间天花板渗水，请尽快派人维修。'.repeat(200);

describe('a write Excel refuses', () => {
  it('adding a sheet whose name is taken', async () => {
    const state = ledger();
    expect(await said(open(state).addSheets([{ name: '台账', columns: [{ header: '房号' }], rows: [] }]))).toEqual({
      code: 'WRITE_FAILED',
      reason: 'EXCEL_ADD_SHEETS',
      params: { sheets: ['台账'], office: 'ItemAlreadyExists' },
      zh: '无法写入 此工作簿：Excel 未能添加工作表“台账”（Excel 错误 ItemAlreadyExists）',
      en: 'cannot write this workbook: Excel could not add the sheets "台账" (Excel error ItemAlreadyExists)',
    });
  });

  it('adding rows too large for one request', async () => {
    expect(await said(open(ledger(), 4000).appendRows('台账', [['1-102', LONG]]))).toEqual({
      code: 'WRITE_FAILED',
      reason: 'EXCEL_ADD_ROWS',
      params: { sheet: '台账', office: 'RequestPayloadSizeLimitExceeded' },
      zh: '无法写入 此工作簿：Excel 未能向工作表“台账”添加行（Excel 错误 RequestPayloadSizeLimitExceeded）',
      en: 'cannot write this workbook: Excel could not add rows to the sheet "台账" (Excel error RequestPayloadSizeLimitExceeded)',
    });
  });

  it('adding a name that exists', async () => {
    const state = ledger();
    state.names.push({ name: 'Taken', reference: '=1' });
    expect(await said(open(state).addNames([{ name: 'Taken', formula: '=2' }]))).toEqual({
      code: 'WRITE_FAILED',
      reason: 'EXCEL_ADD_NAMES',
      params: { names: ['Taken'], office: 'ItemAlreadyExists' },
      zh: '无法写入 此工作簿：Excel 未能添加名称“Taken”（Excel 错误 ItemAlreadyExists）',
      en: 'cannot write this workbook: Excel could not add the names "Taken" (Excel error ItemAlreadyExists)',
    });
  });

  it('marking more problems than one request carries', async () => {
    const marks = Array.from({ length: 3000 }, (_, i) => ({ row: 1 + i, col: i % 2, severity: 'error' as const, key: null }));
    expect(await said(open(ledger(), 4000).setMarks('台账', { keyCol: 0, marks: marks }))).toEqual({
      code: 'WRITE_FAILED',
      reason: 'EXCEL_MARKS',
      params: { sheet: '台账', office: 'RequestPayloadSizeLimitExceeded' },
      zh: '无法写入 此工作簿：Excel 未能在工作表“台账”上标记问题（Excel 错误 RequestPayloadSizeLimitExceeded）',
      en: 'cannot write this workbook: Excel could not mark the problems on the sheet "台账" (Excel error RequestPayloadSizeLimitExceeded)',
    });
  });

  it('writing a report sheet too large for one request', async () => {
    const report = { name: '周报', rows: [['周报'], [LONG]], styles: [['title' as const], ['text' as const]], widths: [40] };
    expect(await said(open(ledger(), 4000).writeReport(report))).toEqual({
      code: 'WRITE_FAILED',
      reason: 'EXCEL_WRITE_SHEET',
      params: { sheet: '周报', office: 'RequestPayloadSizeLimitExceeded' },
      zh: '无法写入 此工作簿：Excel 未能写入工作表“周报”（Excel 错误 RequestPayloadSizeLimitExceeded）',
      en: 'cannot write this workbook: Excel could not write the sheet "周报" (Excel error RequestPayloadSizeLimitExceeded)',
    });
  });

  it('a PivotTable over a field the table does not have', async () => {
    const state = new WorkbookState();
    state.addSheet('工单', [['工单号', '类别', '状态'], ['GD-1', '维修', '新建']]);
    state.addTable('工单', 'tblTickets', 0, 0, 1, 2);
    const pivot = { name: 'pvtCategory', sourceTable: 'tblTickets', rows: ['不存在'], columns: [], count: '工单号', title: '类别' };
    expect(await said(open(state).writePivots('KPI', [pivot]))).toMatchObject({
      code: 'WRITE_FAILED',
      reason: 'EXCEL_PIVOTS',
      zh: expect.stringMatching(/^无法写入 此工作簿：Excel 未能在工作表“KPI”上写入数据透视表（Excel 错误 \w+）$/),
      en: expect.stringMatching(/^cannot write this workbook: Excel could not write the PivotTables on the sheet "KPI" \(Excel error \w+\)$/),
    });
  });
});

describe('a sheet that is not there', () => {
  it('is NOT_FOUND, named', async () => {
    const e = await open(ledger())
      .readRows('工单', [0])
      .catch((error: unknown) => error);
    expect(e).toBeInstanceOf(WorkbookError);
    expect(fileErrorMessage(e as WorkbookError, 'zh', '此工作簿')).toBe('此工作簿 中没有名为“工单”的工作表');
    expect(fileErrorMessage(e as WorkbookError, 'en', 'this workbook')).toBe('this workbook has no sheet named "工单"');
  });
});
