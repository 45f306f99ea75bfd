// The words of file failures and use-case refusals: every reason and every code worded whole in each
// language: no English prose inside a Chinese message, no Chinese inside an English one, no
// parameter left out. (Each reason is triggered for real in test/workbook/file/errors.test.ts,
// test/workbook/office/errors.test.ts and test/cli/errors.test.ts.)
import {
  FILE_ERROR_CODES,
  FILE_ERROR_REASONS,
  FileErrorCode,
  FileErrorDetail,
  FileErrorReason,
  fileErrorMessage,
  USE_CASE_CODES,
  UseCaseCode,
  useCaseMessage,
  UseCaseParams,
} from '../../src/domain/failures';

/** Sample parameters of every reason, named in the language of the message (sheet names and all). */
function sample(reason: FileErrorReason, sheet: string): FileErrorDetail {
  const samples: { [R in FileErrorReason]: Omit<Extract<FileErrorDetail, { reason: R }>, 'reason'> } = {
    NOT_ZIP: {},
    NO_CONTENT_TYPES: {},
    NO_WORKBOOK_PART: {},
    BINARY_WORKBOOK: {},
    STRICT_OOXML: {},
    OLE_FILE: {},
    ZIP_ENCRYPTED: { part: 'xl/workbook.xml' },
    ZIP_MULTI_VOLUME: {},
    ZIP_END_MISSING: {},
    ZIP_DIRECTORY_BAD: {},
    ZIP_COMPRESSION_UNSUPPORTED: { part: 'xl/styles.xml', method: 12 },
    PART_NAMES_CLASH: { part: 'xl/worksheets/Sheet1.xml', other: 'xl/worksheets/sheet1.xml' },
    ZIP_PART_BAD: { part: 'xl/styles.xml' },
    ZIP_PART_CUT_SHORT: { part: 'xl/styles.xml' },
    ZIP_PART_UNREADABLE: { part: 'xl/worksheets/sheet1.xml', sheet },
    ZIP_PART_CRC: { part: 'xl/worksheets/sheet1.xml', sheet },
    XML_NO_ELEMENT: { part: 'xl/workbook.xml', element: 'sheets' },
    XML_NOT_CLOSED: { sheet, element: 'extLst' },
    XML_MALFORMED_TAG: { sheet },
    NO_CELL_FORMATS: { part: 'xl/styles.xml' },
    NO_FONTS: { part: 'xl/styles.xml' },
    SHEET_NO_PART: { sheet },
    SHEET_NO_DATA: { sheet },
    SHEET_NAMES_CLASH: { part: 'xl/workbook.xml', sheet, other: sheet },
    PART_UNREADABLE: { part: 'xl/sharedStrings.xml' },
    UNREADABLE: {},
    FILE_TOO_LARGE: { size: 600, limit: 512 },
    ZIP_TOO_LARGE: {},
    PART_TOO_LARGE: { part: 'xl/worksheets/sheet1.xml', size: 2147483648 },
    SHEET_SPREAD: { sheet, range: 'A1:XFD1048576', limit: 30000000, cell: 'XFD1048576' },
    SHEET_ROW_LIMIT: { sheet, limit: 1048576 },
    PACKAGE_TOO_LARGE: {},
    PART_INFLATES_TOO_LARGE: { part: 'xl/worksheets/sheet1.xml', sheet, limit: 200 },
    INFLATED_TOTAL_TOO_LARGE: { part: 'xl/sharedStrings.xml', limit: 512 },
    SHEET_TOO_MANY_ROWS: { part: 'xl/worksheets/sheet1.xml', sheet, limit: 1048576 },
    SHEET_TOO_MANY_COLUMNS: { part: 'xl/worksheets/sheet1.xml', sheet, limit: 16384 },
    TOO_MANY_CELLS: { part: 'xl/worksheets/sheet1.xml', sheet, limit: 10000000 },
    TOO_MANY_STRINGS: { part: 'xl/sharedStrings.xml', limit: 10000000 },
    SHEET_MISSING: { sheet },
    FOLDER_MISSING: {},
    NOT_A_FOLDER: {},
    NO_PERMISSION: {},
    IS_A_FOLDER: {},
    DISK_FULL: {},
    READ_ONLY: {},
    FILE_BUSY: {},
    NAME_TOO_LONG: {},
    LINK_LOOP: {},
    OS_ERROR: { os: 'EIO' },
    EXCEL_ADD_SHEETS: { sheets: [sheet, `${sheet}2`], office: 'ItemAlreadyExists' },
    EXCEL_ADD_ROWS: { sheet, office: 'InvalidArgument' },
    EXCEL_WRITE_CELLS: { sheet, office: 'InvalidArgument' },
    COLUMNS_IN_THE_WAY: { sheet, cell: 'Y1' },
    EXCEL_ADD_COLUMNS: { sheet, office: 'InvalidArgument' },
    EXCEL_ADD_NAMES: { names: ['DeskbookCategory'], office: 'InvalidArgument' },
    EXCEL_MARKS: { sheet },
    EXCEL_WRITE_SHEET: { sheet, office: 'GeneralException' },
    REGENERATED_MEANWHILE: { sheet },
    EXCEL_PIVOTS: { sheet, office: 'InvalidArgument' },
  };
  return { reason, ...samples[reason] } as FileErrorDetail;
}

/** the code each reason comes with */
function codeOf(reason: FileErrorReason): FileErrorCode {
  if (['NOT_ZIP', 'NO_CONTENT_TYPES', 'NO_WORKBOOK_PART', 'BINARY_WORKBOOK'].includes(reason)) return 'NOT_XLSX';
  if (['OLE_FILE', 'ZIP_ENCRYPTED'].includes(reason)) return 'ENCRYPTED';
  const limits = ['PART_INFLATES_TOO_LARGE', 'INFLATED_TOTAL_TOO_LARGE', 'SHEET_TOO_MANY_ROWS', 'SHEET_TOO_MANY_COLUMNS', 'TOO_MANY_CELLS', 'TOO_MANY_STRINGS'];
  if (['FILE_TOO_LARGE', 'ZIP_TOO_LARGE', 'PART_TOO_LARGE', 'SHEET_SPREAD', 'SHEET_ROW_LIMIT', 'PACKAGE_TOO_LARGE', ...limits].includes(reason)) return 'TOO_LARGE';
  if (reason === 'SHEET_MISSING') return 'NOT_FOUND';
  if (reason.startsWith('EXCEL_') || ['FOLDER_MISSING', 'NOT_A_FOLDER', 'NO_PERMISSION', 'IS_A_FOLDER', 'DISK_FULL', 'READ_ONLY', 'FILE_BUSY', 'NAME_TOO_LONG', 'LINK_LOOP', 'OS_ERROR'].includes(reason))
    return 'WRITE_FAILED';
  return 'CORRUPT';
}

function failureOf(reason: FileErrorReason, sheet: string) {
  const { reason: r, ...params } = sample(reason, sheet);
  return { code: codeOf(reason), reason: r, params };
}

// three English words in a row: prose (a part name, an element, an error code or "Excel" alone is not)
const ENGLISH_PROSE = /\b[A-Za-z]+(?:[\s,;:]+[A-Za-z]+){2,}\b/;
const CHINESE = /[\u3400-\u9fff]/;

describe('the words of a file failure', () => {
  it('cover every reason of the table', () => {
    expect(FILE_ERROR_REASONS.length).toBe(59); // EXCEL_WRITE_CELLS (issue 13) the 50th; the read limits and damage (issue 14) 9 more
    // the check below would have caught the message this table replaced
    expect('台账.xlsx 已损坏，无法读取：The file is damaged or was cut short').toMatch(ENGLISH_PROSE);
  });

  it.each([...FILE_ERROR_REASONS])('%s: Chinese without English prose, English without Chinese, every parameter named', (reason) => {
    const zh = fileErrorMessage(failureOf(reason, '工单'), 'zh', '台账.xlsx');
    expect([reason, zh.match(ENGLISH_PROSE)?.[0] ?? null]).toEqual([reason, null]);
    expect(zh).toMatch(CHINESE);
    expect(zh).toContain('台账.xlsx');
    const en = fileErrorMessage(failureOf(reason, 'Tickets'), 'en', 'ledger.xlsx');
    expect([reason, en.match(CHINESE)?.[0] ?? null]).toEqual([reason, null]);
    expect(en).toContain('ledger.xlsx');
    for (const text of [zh, en]) expect(text).not.toMatch(/undefined|null|NaN|\[object|\{\w+\}/);
    // every parameter shows, except the Excel error code where there is none
    const { params } = failureOf(reason, '工单');
    for (const value of Object.values(params).flat()) {
      const shown = typeof value === 'number' && value >= 1000 ? value.toLocaleString('en-US') : String(value);
      expect([reason, zh.includes(shown)]).toEqual([reason, true]);
    }
  });

  it.each([...FILE_ERROR_CODES] as FileErrorCode[])('%s without a reason is worded too', (code) => {
    const zh = fileErrorMessage({ code }, 'zh', '台账.xlsx');
    expect(zh).not.toMatch(ENGLISH_PROSE);
    expect(zh).toMatch(CHINESE);
    expect(fileErrorMessage({ code }, 'en', 'ledger.xlsx')).not.toMatch(CHINESE);
  });

  it('says, after a failed atomic write, that the original is unchanged', () => {
    const failure = { code: 'WRITE_FAILED' as const, reason: 'DISK_FULL' as const, unchanged: true };
    expect(fileErrorMessage(failure, 'zh', '台账.xlsx')).toBe('无法写入 台账.xlsx：磁盘已满（原文件未改动）');
    expect(fileErrorMessage(failure, 'en', 'ledger.xlsx')).toBe('cannot write ledger.xlsx: the disk is full (the original is unchanged)');
  });

  it('names the file as given, even one with characters a replacement pattern would read', () => {
    expect(fileErrorMessage({ code: 'NOT_FOUND' }, 'zh', "$&$'.xlsx")).toBe("找不到文件 $&$'.xlsx");
  });
});

describe('the words of a use case refusal', () => {
  const samples: { [C in UseCaseCode]: UseCaseParams[C] } = {
    BAD_AS_OF: { asOf: '昨天下午' },
    BAD_PERIOD: { period: '2026-13' },
    NO_TICKETS: { sheets: ['我的台账'] },
    NO_CHARGES: { sheets: ['工单', '客户'] },
    NO_REMINDERS: { sheets: ['工单', '应收'] },
    ADOPT_NO_SHEET: { sheet: '投诉台账', sheets: ['Sheet1', '备注'] },
    ADOPT_NOT_A_REGISTER: { sheet: '备注' },
    BAD_MAP: { file: 'map.json', entry: '序号' },
    NOT_SET_UP: { sheets: ['我的台账'] },
    MISSING_COLUMNS: { sheet: '工单', columns: ['渠道', '类型'] },
    NO_HEADER: { sheet: '应收', rows: 10, examples: ['房号', '费用项目'] },
    FUTURE_PERIOD: { period: '2027-01', asOf: '2026-11-25 17:30' },
    NO_CUSTOMERS: { sheets: ['工单', '设置'] },
    PLAN_STARTED: { sheet: '回访计划 2026-Q4', recorded: 3, planned: 57 },
  };

  it.each([...USE_CASE_CODES] as UseCaseCode[])('%s: Chinese without English prose', (code) => {
    const zh = useCaseMessage({ code, params: samples[code] }, 'zh');
    expect(zh).not.toMatch(ENGLISH_PROSE);
    expect(zh).toMatch(CHINESE);
    const en = useCaseMessage({ code, params: samples[code] }, 'en');
    expect(en.replace(/“[^”]*”|"[^"]*"|\([^)]*\)/g, '')).not.toMatch(CHINESE);
  });
});
