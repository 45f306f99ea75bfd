// Every way the file back end refuses a clerk's file, each with its code, its reason, and the whole
// message a person reads in both languages (domain/failures.ts words them; no English prose in the
// Chinese). Each package is a small workbook with one thing broken on purpose.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fileErrorMessage } from '../../../src/domain/failures';
import { FileWorkbook } from '../../../src/workbook/file';
import { storedEntry, writeZip } from '../../../src/workbook/file/zip';
import { WorkbookError } from '../../../src/workbook/types';

interface Said {
  readonly code: string;
  readonly reason: string | undefined;
  readonly zh: string;
  readonly en: string;
}

function said(e: unknown): Said {
  expect(e).toBeInstanceOf(WorkbookError);
  const w = e as WorkbookError;
  // the Error's own message is the English words, for logs
  expect(w.message).toBe(fileErrorMessage(w, 'en', 'The workbook'));
  return { code: w.code, reason: w.reason, zh: fileErrorMessage(w, 'zh', '台账.xlsx'), en: fileErrorMessage(w, 'en', 'ledger.xlsx') };
}

async function failure(work: () => unknown): Promise<Said> {
  try {
    await work();
  } catch (e) {
    return said(e);
  }
  throw new Error('expected a WorkbookError');
}

/** The parts of a small set-up workbook: one sheet 台账 with a header and a row. */
async function parts(): Promise<Record<string, Uint8Array>> {
  const wb = FileWorkbook.create();
  await wb.addSheets([{ name: '台账', columns: [{ header: '房号' }], rows: [['1-101']] }]);
  return unzipSync(wb.toBytes());
}

async function withPart(name: string, xml: string): Promise<Uint8Array> {
  return zipSync({ ...(await parts()), [name]: strToU8(xml) });
}

const SHEET = 'xl/worksheets/sheet1.xml';
const WORKSHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A zip whose first entry is [Content_Types].xml, and the offsets of its headers. */
async function zipped() {
  const bytes = zipSync(await parts(), { level: 6 });
  const view = new DataView(bytes.buffer);
  const eocd = bytes.length - 22;
  const central = view.getUint32(eocd + 16, true);
  return { bytes, view, eocd, central };
}

describe('a file that is not an xlsx workbook', () => {
  it('is not a zip package', async () => {
    expect(await failure(() => FileWorkbook.open(strToU8('今天 3 号楼停水，已通知工程部。')))).toEqual({
      code: 'NOT_XLSX',
      reason: 'NOT_ZIP',
      zh: '台账.xlsx 不是 Excel 工作簿（.xlsx）：它不是 zip 压缩包',
      en: 'ledger.xlsx is not an Excel workbook (.xlsx): it is not a zip package',
    });
  });

  it('is a zip without [Content_Types].xml', async () => {
    expect(await failure(() => FileWorkbook.open(zipSync({ 'readme.txt': strToU8('hello') })))).toEqual({
      code: 'NOT_XLSX',
      reason: 'NO_CONTENT_TYPES',
      zh: '台账.xlsx 不是 Excel 工作簿（.xlsx）：其中没有 [Content_Types].xml',
      en: 'ledger.xlsx is not an Excel workbook (.xlsx): it has no [Content_Types].xml',
    });
  });

  it('is an Office package of another kind (a Word document)', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') });
    expect(await failure(() => FileWorkbook.open(docx))).toEqual({
      code: 'NOT_XLSX',
      reason: 'NO_WORKBOOK_PART',
      zh: '台账.xlsx 不是 Excel 工作簿（.xlsx）：其中没有 xl/workbook.xml',
      en: 'ledger.xlsx is not an Excel workbook (.xlsx): it has no xl/workbook.xml',
    });
  });

  it('is a binary workbook (.xlsb)', async () => {
    const xlsb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array([1, 2, 3]) });
    expect(await failure(() => FileWorkbook.open(xlsb))).toEqual({
      code: 'NOT_XLSX',
      reason: 'BINARY_WORKBOOK',
      zh: '台账.xlsx 不是 Excel 工作簿（.xlsx）：它是二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx',
      en: 'ledger.xlsx is not an Excel workbook (.xlsx): it is a binary workbook (.xlsb); save it as .xlsx in Excel',
    });
  });
});

describe('a locked file', () => {
  it('is an OLE file: password-protected, or an old .xls', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await failure(() => FileWorkbook.open(ole))).toEqual({
      code: 'ENCRYPTED',
      reason: 'OLE_FILE',
      zh: '台账.xlsx 受密码保护或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx',
      en: 'ledger.xlsx is password-protected or an old .xls file: remove the password or save it as .xlsx in Excel',
    });
  });

  it('has an encrypted part in its zip', async () => {
    const { bytes, view, central } = await zipped();
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'ENCRYPTED',
      reason: 'ZIP_ENCRYPTED',
      zh: '台账.xlsx 中的 [Content_Types].xml 已加密：请在 Excel 中取消密码后重试',
      en: 'ledger.xlsx is encrypted ([Content_Types].xml): remove the password in Excel and try again',
    });
  });
});

describe('a damaged zip package', () => {
  const FIX = { zh: '；请用 Excel 打开并另存一份后重试', en: '; open it in Excel, save a fresh copy and try again' };

  it('is cut short: the end of the archive is missing', async () => {
    const { bytes } = await zipped();
    expect(await failure(() => FileWorkbook.open(bytes.slice(0, Math.floor(bytes.length / 2))))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_END_MISSING',
      zh: `台账.xlsx 已损坏，无法读取：压缩包的结尾缺失（文件不完整？）${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: the end of the zip archive is missing (was the file cut short?)${FIX.en}`,
    });
  });

  it('is one volume of several', async () => {
    const { bytes, view, eocd } = await zipped();
    view.setUint16(eocd + 4, 1, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_MULTI_VOLUME',
      zh: `台账.xlsx 已损坏，无法读取：它是分卷压缩包${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: it is a multi-volume zip archive${FIX.en}`,
    });
  });

  it('has a broken directory', async () => {
    const { bytes, view, central } = await zipped();
    view.setUint32(central, 0, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_DIRECTORY_BAD',
      zh: `台账.xlsx 已损坏，无法读取：压缩包的目录已损坏${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: the zip archive's directory is broken${FIX.en}`,
    });
  });

  it('compresses a part with a method other than store or deflate', async () => {
    const { bytes, view, central } = await zipped();
    view.setUint16(central + 10, 12, true); // bzip2
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_COMPRESSION_UNSUPPORTED',
      zh: `台账.xlsx 已损坏，无法读取：[Content_Types].xml 使用了不支持的压缩方式（12）${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: [Content_Types].xml uses an unsupported compression method (12)${FIX.en}`,
    });
  });

  it("has a part whose own header is broken", async () => {
    const { bytes, view } = await zipped();
    view.setUint32(0, 0, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_PART_BAD',
      zh: `台账.xlsx 已损坏，无法读取：[Content_Types].xml 已损坏${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: [Content_Types].xml is broken${FIX.en}`,
    });
  });

  it('has a part that claims more bytes than the file holds', async () => {
    const { bytes, view, central } = await zipped();
    view.setUint32(central + 20, 0x7ffffff0, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_PART_CUT_SHORT',
      zh: `台账.xlsx 已损坏，无法读取：[Content_Types].xml 不完整（文件被截断？）${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: [Content_Types].xml is cut short${FIX.en}`,
    });
  });

  it('has a part whose compressed bytes do not inflate', async () => {
    const { bytes, view } = await zipped();
    const data = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    for (let i = 0; i < 8; i++) bytes[data + i] ^= 0xff;
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_PART_UNREADABLE',
      zh: `台账.xlsx 已损坏，无法读取：[Content_Types].xml 无法解压${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: [Content_Types].xml cannot be decompressed${FIX.en}`,
    });
  });
});

describe('a damaged part inside', () => {
  const FIX = { zh: '；请用 Excel 打开并另存一份后重试', en: '; open it in Excel, save a fresh copy and try again' };

  it('a workbook part without its sheet list', async () => {
    const bytes = await withPart('xl/workbook.xml', '<workbook><garbage');
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'CORRUPT',
      reason: 'XML_NO_ELEMENT',
      zh: `台账.xlsx 已损坏，无法读取：xl/workbook.xml 中缺少 <sheets>${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/workbook.xml has no <sheets>${FIX.en}`,
    });
  });

  it('a worksheet part that does not close <worksheet> (found when marking it)', async () => {
    const wb = FileWorkbook.open(await withPart(SHEET, `${WORKSHEET}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>房号</t></is></c></row></sheetData>`));
    expect(await failure(() => wb.setMarks('台账', { keyCol: 0, marks: [{ row: 0, col: 0, severity: 'error', key: null }] }))).toEqual({
      code: 'CORRUPT',
      reason: 'XML_NOT_CLOSED',
      zh: `台账.xlsx 已损坏，无法读取：工作表“台账”中的 <worksheet> 没有结束标记${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: the part of the sheet "台账" does not close <worksheet>${FIX.en}`,
    });
  });

  it('a worksheet part with a tag cut in half', async () => {
    const wb = FileWorkbook.open(await withPart(SHEET, `${WORKSHEET}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7"`));
    expect(await failure(() => wb.setMarks('台账', { keyCol: 0, marks: [{ row: 0, col: 0, severity: 'error', key: null }] }))).toEqual({
      code: 'CORRUPT',
      reason: 'XML_MALFORMED_TAG',
      zh: `台账.xlsx 已损坏，无法读取：工作表“台账”中有残缺的标记${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: the part of the sheet "台账" has a malformed tag${FIX.en}`,
    });
  });

  it('a styles part without cell formats, when a new column needs one', async () => {
    const wb = FileWorkbook.open(await withPart('xl/styles.xml', '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="0"/></styleSheet>'));
    const sheet = { name: '工单', columns: [{ header: '受理时间', numberFormat: 'yyyy-mm-dd hh:mm' }], rows: [] };
    expect(await failure(() => wb.addSheets([sheet]))).toEqual({
      code: 'CORRUPT',
      reason: 'NO_CELL_FORMATS',
      zh: `台账.xlsx 已损坏，无法读取：xl/styles.xml 中没有单元格格式（<cellXfs>）${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/styles.xml has no cell formats (<cellXfs>)${FIX.en}`,
    });
  });

  it('a styles part without fonts, when a report is written', async () => {
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="0"/><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>';
    const wb = FileWorkbook.open(await withPart('xl/styles.xml', styles));
    const report = { name: '周报', rows: [['周报']], styles: [['title' as const]], widths: [10] };
    expect(await failure(() => wb.writeReport(report))).toEqual({
      code: 'CORRUPT',
      reason: 'NO_FONTS',
      zh: `台账.xlsx 已损坏，无法读取：xl/styles.xml 中没有字体（<fonts>）${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/styles.xml has no fonts (<fonts>)${FIX.en}`,
    });
  });

  it('a sheet whose part is missing, when rows are added', async () => {
    const all = await parts();
    delete all[SHEET];
    const wb = FileWorkbook.open(zipSync(all));
    expect(await failure(() => wb.appendRows('台账', [['1-102']]))).toEqual({
      code: 'CORRUPT',
      reason: 'SHEET_NO_PART',
      zh: `台账.xlsx 已损坏，无法读取：工作表“台账”没有工作表部件${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: the sheet "台账" has no worksheet part${FIX.en}`,
    });
  });

  it('a sheet part without cell data, when rows are added', async () => {
    const wb = FileWorkbook.open(await withPart(SHEET, `${WORKSHEET}</worksheet>`));
    expect(await failure(() => wb.appendRows('台账', [['1-102']]))).toEqual({
      code: 'CORRUPT',
      reason: 'SHEET_NO_DATA',
      zh: `台账.xlsx 已损坏，无法读取：工作表“台账”中没有单元格数据（<sheetData>）${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: the sheet "台账" has no cell data (<sheetData>)${FIX.en}`,
    });
  });

  it('a package the reader cannot make sense of (no content type says which part is the workbook)', async () => {
    const all = await parts();
    const moved: Record<string, Uint8Array> = {
      ...all,
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8(strFromU8(all['_rels/.rels']).replace('xl/workbook.xml', 'xl/book.xml')),
      'xl/book.xml': all['xl/workbook.xml'],
      'xl/_rels/book.xml.rels': all['xl/_rels/workbook.xml.rels'],
    };
    delete moved['xl/workbook.xml'];
    delete moved['xl/_rels/workbook.xml.rels'];
    const wb = FileWorkbook.open(zipSync(moved));
    const e = await wb.readSheets(['台账']).catch((error: unknown) => error);
    // the reader's own words stay in the cause, for a bug report
    expect((e as Error).cause).toMatchObject({ message: 'Could not find workbook' });
    expect(said(e)).toEqual({
      code: 'CORRUPT',
      reason: 'UNREADABLE',
      zh: `台账.xlsx 已损坏，无法读取：无法解析其内容${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: its contents cannot be made sense of${FIX.en}`,
    });
  });
});

describe('a file too large', () => {
  it('has a zip64 directory past what a typed array can address', async () => {
    const { bytes, view, eocd } = await zipped();
    view.setUint16(eocd + 10, 0xffff, true);
    view.setUint32(eocd - 20, 0x07064b50, true);
    view.setUint32(eocd - 12, 0, true);
    view.setUint32(eocd - 8, 0xffffffff, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'TOO_LARGE',
      reason: 'ZIP_TOO_LARGE',
      zh: '台账.xlsx 太大，无法处理：超出本程序能处理的大小',
      en: 'ledger.xlsx is too large to process: it is larger than this program can handle',
    });
  });

  it('has a part bigger than 2 GB', async () => {
    const { bytes, view, central } = await zipped();
    view.setUint32(central + 24, 0x80000000, true);
    expect(await failure(() => FileWorkbook.open(bytes))).toEqual({
      code: 'TOO_LARGE',
      reason: 'PART_TOO_LARGE',
      zh: '台账.xlsx 太大，无法处理：[Content_Types].xml 有 2,147,483,648 字节，超出能处理的大小',
      en: 'ledger.xlsx is too large to process: [Content_Types].xml is 2,147,483,648 bytes, more than can be handled',
    });
  });

  it('would pass the last row of a sheet', async () => {
    const full = `${WORKSHEET}<sheetData><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>末行</t></is></c></row></sheetData></worksheet>`;
    const wb = FileWorkbook.open(await withPart(SHEET, full));
    expect(await failure(() => wb.appendRows('台账', [['1-102']]))).toEqual({
      code: 'TOO_LARGE',
      reason: 'SHEET_ROW_LIMIT',
      zh: '台账.xlsx 太大，无法处理：工作表“台账”将超过 Excel 的上限 1,048,576 行',
      en: 'ledger.xlsx is too large to process: the sheet "台账" would pass Excel\'s limit of 1,048,576 rows',
    });
  });

  it('would be a package of more parts than a zip without zip64 holds', async () => {
    const entries = Array.from({ length: 0x10000 }, (_, i) => storedEntry(`p${i}`, []));
    expect(await failure(() => writeZip(entries))).toEqual({
      code: 'TOO_LARGE',
      reason: 'PACKAGE_TOO_LARGE',
      zh: '台账.xlsx 太大，无法处理：工作簿将超过 4 GB 或 65,535 个部件，无法保存',
      en: 'ledger.xlsx is too large to process: the workbook would be larger than 4 GB or have more than 65,535 parts, and cannot be saved',
    });
  });
});

describe('a sheet asked for by name', () => {
  it('is not in the workbook', async () => {
    const wb = FileWorkbook.open(zipSync(await parts()));
    const expected = { code: 'NOT_FOUND', reason: 'SHEET_MISSING', zh: '台账.xlsx 中没有名为“工单”的工作表', en: 'ledger.xlsx has no sheet named "工单"' };
    expect(await failure(() => wb.appendRows('工单', [['x']]))).toEqual(expected);
    expect(await failure(() => wb.readRows('工单', [0]))).toEqual(expected);
  });
});
