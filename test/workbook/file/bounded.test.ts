// Reading a hostile or damaged file: bounded while it is inflated and scanned, and every damaged part
// said, naming the part and the sheet, never read as an empty sheet. The bombs here are small: the
// limits are lowered (1 MB a part) so that a few MB of repeated bytes pass them; one test checks the
// defaults are the ones docs/limits.md gives. Each package is the small workbook below with one part
// replaced or one byte changed on purpose (so none of them is a workbook Excel would open: they are
// the point of the test, not the product's output).
import { readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { runReport } from '../../../src/app/report';
import { setUpWorkbook } from '../../../src/app/setup';
import { fileErrorMessage } from '../../../src/domain/failures';
import { FileWorkbook } from '../../../src/workbook/file';
import { DEFAULT_READ_LIMITS, MiB, ReadBudget, ReadLimits } from '../../../src/workbook/file/limits';
import { entryData, readZip } from '../../../src/workbook/file/zip';
import { WorkbookError } from '../../../src/workbook/types';
import { flipCrc, locateEntry } from '../../fixtures/hostile/make';

const SHEET1 = 'xl/worksheets/sheet1.xml';
const SHEET2 = 'xl/worksheets/sheet2.xml';
const STRINGS = 'xl/sharedStrings.xml';
const OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const CLOSE = '</sheetData></worksheet>';
const FIX = { zh: '；请用 Excel 打开并另存一份后重试', en: '; open it in Excel, save a fresh copy and try again' };

/** Two sheets: 工单 (a header and two tickets) and 客户 (a header and one unit); strings shared. */
async function parts(): Promise<Record<string, Uint8Array>> {
  const wb = FileWorkbook.create();
  await wb.addSheets([
    { name: '工单', columns: [{ header: '工单号' }, { header: '内容' }], rows: [['GD-1', '停水'], ['GD-2', '停电']] },
    { name: '客户', columns: [{ header: '房号' }], rows: [['1-101']] },
  ]);
  return unzipSync(wb.toBytes());
}

async function withParts(replaced: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const all = await parts();
  for (const [name, content] of Object.entries(replaced)) all[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(all, { level: 9 });
}

/** A sheet of one text cell: `text` inline in B2 (the rest of 工单's layout). */
const sheetWithText = (text: string) => `${OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>${text}</t></is></c></row>${CLOSE}`;

interface Said {
  readonly code: string;
  readonly reason: string | undefined;
  readonly params: object;
  readonly zh: string;
  readonly en: string;
}

async function failure(work: () => unknown): Promise<Said> {
  try {
    await work();
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    const w = e as WorkbookError;
    return { code: w.code, reason: w.reason, params: w.params, zh: fileErrorMessage(w, 'zh', '台账.xlsx'), en: fileErrorMessage(w, 'en', 'ledger.xlsx') };
  }
  throw new Error('expected a WorkbookError');
}

const open = (bytes: Uint8Array, limits: Partial<ReadLimits> = {}) => FileWorkbook.open(bytes, { limits });
const read = (bytes: Uint8Array, names: string[], limits: Partial<ReadLimits> = {}) => open(bytes, limits).readSheets(names);


describe('the default limits', () => {
  it('are the ones docs/limits.md gives', () => {
    expect(DEFAULT_READ_LIMITS).toEqual({ partBytes: 200 * MiB, totalBytes: 512 * MiB, rows: 1_048_576, columns: 16_384, cells: 10_000_000 });
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'limits.md'), 'utf8');
    for (const figure of ['| inflated bytes of one part | 200 MB |', '| inflated bytes of all the parts read | 512 MB |', '| rows of a sheet | 1,048,576 |', '| columns of a sheet | 16,384 |', '| cells of all the sheets read | 10,000,000 |']) {
      expect(doc).toContain(figure);
    }
  });

  it('read the small workbook whole', async () => {
    const [tickets, units] = await read(zipSync(await parts()), ['工单', '客户']);
    expect(tickets.rows).toEqual([['工单号', '内容'], ['GD-1', '停水'], ['GD-2', '停电']]);
    expect(units.rows).toEqual([['房号'], ['1-101']]);
  });
});

describe('a zip bomb', () => {
  const oneMB = { partBytes: MiB };
  // 2 MB of one letter deflate to about 2 KB
  const bomb = 'a'.repeat(2 * MiB);

  it('in a sheet: refused once its inflated bytes pass the part limit, naming the part, the sheet and the limit', async () => {
    const bytes = await withParts({ [SHEET1]: sheetWithText(bomb) });
    expect(bytes.length).toBeLessThan(20_000);
    expect(await failure(() => read(bytes, ['工单'], oneMB))).toEqual({
      code: 'TOO_LARGE',
      reason: 'PART_INFLATES_TOO_LARGE',
      params: { part: SHEET1, sheet: '工单', limit: 1 },
      zh: '台账.xlsx 太大，无法处理：xl/worksheets/sheet1.xml（工作表“工单”）解压后超过上限 1 MB',
      en: 'ledger.xlsx is too large to process: xl/worksheets/sheet1.xml (the sheet "工单") inflates to more than the limit of 1 MB',
    });
    // the other sheet of the same file still reads
    expect((await read(bytes, ['客户'], oneMB))[0].rows).toEqual([['房号'], ['1-101']]);
  });

  it('in the shared strings: refused the same way, naming xl/sharedStrings.xml', async () => {
    const all = await parts();
    const sst = strFromU8(all[STRINGS]).replace('<si><t>工单号</t></si>', `<si><t>${bomb}</t></si>`);
    expect(await failure(() => read(zipSync({ ...all, [STRINGS]: strToU8(sst) }, { level: 9 }), ['工单'], oneMB))).toEqual({
      code: 'TOO_LARGE',
      reason: 'PART_INFLATES_TOO_LARGE',
      params: { part: STRINGS, limit: 1 },
      zh: '台账.xlsx 太大，无法处理：xl/sharedStrings.xml 解压后超过上限 1 MB',
      en: 'ledger.xlsx is too large to process: xl/sharedStrings.xml inflates to more than the limit of 1 MB',
    });
  });

  it('that declares a small size in its directory: never inflated past it, and said to be damaged', async () => {
    const bytes = await withParts({ [SHEET1]: sheetWithText(bomb) });
    const { view, local, central } = locateEntry(bytes, SHEET1);
    view.setUint32(local + 22, 1000, true); // uncompressed size, local header
    view.setUint32(central + 24, 1000, true); // and central directory
    const zip = readZip(bytes);
    const entry = zip.entries.find((e) => e.name === SHEET1)!;
    let seen = 0;
    expect(() => entryData(zip, entry, { onChunk: (c) => (seen += c.length) })).toThrow(WorkbookError);
    expect(seen).toBeLessThanOrEqual(1000); // the 2 MB behind it never came out
    expect(await failure(() => read(bytes, ['工单']))).toMatchObject({
      code: 'CORRUPT',
      reason: 'ZIP_PART_BAD',
      zh: `台账.xlsx 已损坏，无法读取：xl/worksheets/sheet1.xml（工作表“工单”）已损坏${FIX.zh}`,
    });
  });

  it('that declares its true size: refused before any of it is inflated', async () => {
    const bytes = await withParts({ [SHEET1]: sheetWithText(bomb) });
    const zip = readZip(bytes);
    const entry = zip.entries.find((e) => e.name === SHEET1)!;
    expect(entry.size).toBeGreaterThan(2 * MiB);
    let seen = 0;
    const meter = new ReadBudget({ ...DEFAULT_READ_LIMITS, partBytes: MiB }).inflating({ part: SHEET1 });
    expect(() => entryData(zip, entry, { meter, onChunk: (c) => (seen += c.length) })).toThrow('inflates to more than the limit of 1 MB');
    expect(seen).toBe(0);
  });

  it('spread over sheets: refused once all the parts read pass the total, naming the part that passed it', async () => {
    // each sheet inflates to about 0.6 MB, under the 1 MB of a part; the two pass 1 MB together
    const half = 'b'.repeat(600 * 1024);
    const bytes = await withParts({ [SHEET1]: sheetWithText(half), [SHEET2]: sheetWithText(half) });
    const limits = { partBytes: MiB, totalBytes: MiB };
    expect((await read(bytes, ['工单'], limits))[0].rows[1][1]).toHaveLength(600 * 1024);
    expect(await failure(() => read(bytes, ['工单', '客户'], limits))).toEqual({
      code: 'TOO_LARGE',
      reason: 'INFLATED_TOTAL_TOO_LARGE',
      params: { part: SHEET2, sheet: '客户', limit: 1 },
      zh: '台账.xlsx 太大，无法处理：读到 xl/worksheets/sheet2.xml（工作表“客户”）时，解压后的内容合计已超过上限 1 MB',
      en: 'ledger.xlsx is too large to process: its parts inflate to more than the limit of 1 MB in all (reached at xl/worksheets/sheet2.xml (the sheet "客户"))',
    });
  });

  it('of rows: refused past the row limit, counted as the rows are scanned', async () => {
    // 2,000 empty rows compress to almost nothing; the limit here is 1,000
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 4}"/>`).join('');
    const bytes = await withParts({ [SHEET1]: `${OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${rows}${CLOSE}` });
    expect(await failure(() => read(bytes, ['工单'], { rows: 1000 }))).toEqual({
      code: 'TOO_LARGE',
      reason: 'SHEET_TOO_MANY_ROWS',
      params: { part: SHEET1, sheet: '工单', limit: 1000 },
      zh: '台账.xlsx 太大，无法处理：工作表“工单”（xl/worksheets/sheet1.xml）超过上限 1,000 行',
      en: 'ledger.xlsx is too large to process: the sheet "工单" (xl/worksheets/sheet1.xml) has more than the limit of 1,000 rows',
    });
  });

  it('of a row number past Excel\'s grid (1,048,576 rows): refused with the default limits', async () => {
    const bytes = await withParts({ [SHEET1]: `${OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="8000000"><c r="A8000000"><v>1</v></c></row>${CLOSE}` });
    expect(await failure(() => read(bytes, ['工单']))).toMatchObject({ reason: 'SHEET_TOO_MANY_ROWS', params: { part: SHEET1, sheet: '工单', limit: 1_048_576 } });
  });

  it('of a column past XFD: refused; XFD itself, the last of Excel\'s 16,384 columns, reads', async () => {
    const at = (ref: string) => withParts({ [SHEET1]: `${OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="${ref}"><v>7</v></c></row>${CLOSE}` });
    expect(await failure(async () => read(await at('XFE1'), ['工单']))).toEqual({
      code: 'TOO_LARGE',
      reason: 'SHEET_TOO_MANY_COLUMNS',
      params: { part: SHEET1, sheet: '工单', limit: 16_384 },
      zh: '台账.xlsx 太大，无法处理：工作表“工单”（xl/worksheets/sheet1.xml）超过上限 16,384 列',
      en: 'ledger.xlsx is too large to process: the sheet "工单" (xl/worksheets/sheet1.xml) has more than the limit of 16,384 columns',
    });
    const [grid] = await read(await at('XFD1'), ['工单']);
    expect(grid.rows[0]).toHaveLength(16_384);
    expect(grid.rows[0][16_383]).toBe(7);
  });

  it('of cells: refused once the sheets read hold more than the cell limit together', async () => {
    // 工单 holds 6 cells; 客户 here 4 (inline text, so the 8 shared strings stay under the limits below)
    const units = `${OPEN}<row r="1"><c r="A1" t="s"><v>6</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>1-101</t></is></c><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c></row>${CLOSE}`;
    const bytes = await withParts({ [SHEET2]: units });
    expect(await failure(() => read(bytes, ['工单'], { cells: 5 }))).toEqual({
      code: 'TOO_LARGE',
      reason: 'TOO_MANY_CELLS',
      params: { part: SHEET1, sheet: '工单', limit: 5 },
      zh: '台账.xlsx 太大，无法处理：读到工作表“工单”（xl/worksheets/sheet1.xml）时，单元格合计已超过上限 5 个',
      en: 'ledger.xlsx is too large to process: its sheets hold more than the limit of 5 cells in all (reached in the sheet "工单", xl/worksheets/sheet1.xml)',
    });
    const wb = open(bytes, { cells: 9 });
    expect(await wb.readSheets(['工单'])).toHaveLength(1); // 6 cells
    expect(await failure(() => wb.readSheets(['客户']))).toMatchObject({ reason: 'TOO_MANY_CELLS', params: { sheet: '客户', limit: 9 } }); // 6 + 4
    expect(await open(bytes, { cells: 10 }).readSheets(['工单', '客户'])).toHaveLength(2);
  });

  it('of shared strings: refused past as many entries as the cell limit', async () => {
    // the table holds 8 strings
    expect(await failure(async () => read(zipSync(await parts()), ['客户'], { cells: 7 }))).toEqual({
      code: 'TOO_LARGE',
      reason: 'TOO_MANY_STRINGS',
      params: { part: STRINGS, limit: 7 },
      zh: '台账.xlsx 太大，无法处理：xl/sharedStrings.xml 中的共享字符串超过上限 7 个',
      en: 'ledger.xlsx is too large to process: xl/sharedStrings.xml holds more than the limit of 7 shared strings',
    });
  });
});

describe('a damaged part', () => {
  it('that fails its CRC: said, naming the part and the sheet', async () => {
    const bytes = flipCrc(zipSync(await parts(), { level: 6 }), SHEET1, 0x10);
    expect(await failure(() => read(bytes, ['工单']))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_PART_CRC',
      params: { part: SHEET1, sheet: '工单' },
      zh: `台账.xlsx 已损坏，无法读取：xl/worksheets/sheet1.xml（工作表“工单”）的校验和（CRC）不符，内容已损坏${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/worksheets/sheet1.xml (the sheet "工单") fails its checksum (CRC): its contents are damaged${FIX.en}`,
    });
  });

  it('whose deflate stream is corrupt: said, naming the part and the sheet', async () => {
    const bytes = zipSync(await parts(), { level: 6 });
    bytes[locateEntry(bytes, SHEET1).dataOffset] = 0x07; // a last block of type 3, which deflate does not have
    expect(await failure(() => read(bytes, ['工单']))).toEqual({
      code: 'CORRUPT',
      reason: 'ZIP_PART_UNREADABLE',
      params: { part: SHEET1, sheet: '工单' },
      zh: `台账.xlsx 已损坏，无法读取：xl/worksheets/sheet1.xml（工作表“工单”）无法解压${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/worksheets/sheet1.xml (the sheet "工单") cannot be decompressed${FIX.en}`,
    });
  });

  it('a sheet cut short inside a sound zip: said, never an empty sheet', async () => {
    const all = await parts();
    const whole = strFromU8(all[SHEET1]);
    const cut = whole.slice(0, whole.indexOf('<row r="2">') + 20);
    expect(await failure(() => read(zipSync({ ...all, [SHEET1]: strToU8(cut) }), ['工单']))).toEqual({
      code: 'CORRUPT',
      reason: 'XML_NOT_CLOSED',
      params: { part: SHEET1, sheet: '工单', element: 'worksheet' },
      zh: `台账.xlsx 已损坏，无法读取：xl/worksheets/sheet1.xml（工作表“工单”）中的 <worksheet> 没有结束标记${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/worksheets/sheet1.xml (the sheet "工单") does not close <worksheet>${FIX.en}`,
    });
  });

  it('the shared strings cut short: said, naming xl/sharedStrings.xml', async () => {
    const all = await parts();
    const sst = strFromU8(all[STRINGS]);
    expect(await failure(() => read(zipSync({ ...all, [STRINGS]: strToU8(sst.slice(0, sst.indexOf('停电'))) }), ['工单']))).toEqual({
      code: 'CORRUPT',
      reason: 'XML_NOT_CLOSED',
      params: { part: STRINGS, element: 'sst' },
      zh: `台账.xlsx 已损坏，无法读取：xl/sharedStrings.xml 中的 <sst> 没有结束标记${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/sharedStrings.xml does not close <sst>${FIX.en}`,
    });
  });

  it('shared strings that close but lack a string a cell refers to: the sheet said unreadable, not dropped', async () => {
    // 8 strings written; the table below keeps the first 3, and 工单's cells refer up to #5
    const all = await parts();
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>工单号</t></si><si><t>内容</t></si><si><t>GD-1</t></si></sst>';
    expect(await failure(() => read(zipSync({ ...all, [STRINGS]: strToU8(sst) }), ['工单']))).toEqual({
      code: 'CORRUPT',
      reason: 'PART_UNREADABLE',
      params: { part: SHEET1, sheet: '工单' },
      zh: `台账.xlsx 已损坏，无法读取：xl/worksheets/sheet1.xml（工作表“工单”）无法解析${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/worksheets/sheet1.xml (the sheet "工单") cannot be parsed${FIX.en}`,
    });
  });

  it('a workbook part that names two sheets alike: refused when the file is opened', async () => {
    const all = await parts();
    const twice = strFromU8(all['xl/workbook.xml']).replace('name="客户"', 'name="工单"');
    expect(await failure(() => FileWorkbook.open(zipSync({ ...all, 'xl/workbook.xml': strToU8(twice) })))).toEqual({
      code: 'CORRUPT',
      reason: 'SHEET_NAMES_CLASH',
      params: { part: 'xl/workbook.xml', sheet: '工单', other: '工单' },
      zh: `台账.xlsx 已损坏，无法读取：xl/workbook.xml 中有两个工作表都叫“工单”${FIX.zh}`,
      en: `ledger.xlsx is damaged and cannot be read: xl/workbook.xml names two sheets "工单"${FIX.en}`,
    });
    const cased = strFromU8(all['xl/workbook.xml']).replace('name="工单"', 'name="Tickets"').replace('name="客户"', 'name="TICKETS"');
    expect((await failure(() => FileWorkbook.open(zipSync({ ...all, 'xl/workbook.xml': strToU8(cased) })))).en).toBe(
      `ledger.xlsx is damaged and cannot be read: xl/workbook.xml names two sheets alike, "Tickets" and "TICKETS" (sheet names ignore case)${FIX.en}`,
    );
  });

  it('stops the report: a damaged ticket sheet is the error, never a report of 0 tickets', async () => {
    const wb = FileWorkbook.create();
    await setUpWorkbook(wb, { lang: 'zh' });
    const all = unzipSync(wb.toBytes());
    const tickets = Object.keys(all).find((n) => n.startsWith('xl/worksheets/sheet') && strFromU8(all[n]).includes('<tableParts'))!;
    const xml = strFromU8(all[tickets]);
    const damaged = FileWorkbook.open(zipSync({ ...all, [tickets]: strToU8(xml.slice(0, xml.length - 40)) }));
    const e = await failure(() => runReport(damaged, { kind: 'monthly', period: '2026-10', asOf: '2026-11-25T17:30', write: true }));
    expect([e.code, e.reason]).toEqual(['CORRUPT', 'XML_NOT_CLOSED']);
    expect(e.params).toEqual({ part: tickets, sheet: '工单', element: 'worksheet' });
  });
});

describe('the parts handed to SheetJS', () => {
  it('read the same where there is no Buffer (a browser: the standalone pane), Chinese text and all', async () => {
    const bytes = zipSync(await parts());
    const inNode = await FileWorkbook.open(bytes).readSheets(['工单', '客户']);
    const saved = globalThis.Buffer;
    let inBrowser: unknown;
    try {
      // SheetJS and read.ts look for Buffer when they load: both loaded afresh without one
      delete (globalThis as { Buffer?: unknown }).Buffer;
      await jest.isolateModulesAsync(async () => {
        const { FileWorkbook: Fresh } = await import('../../../src/workbook/file');
        inBrowser = await Fresh.open(bytes).readSheets(['工单', '客户']);
      });
    } finally {
      globalThis.Buffer = saved;
    }
    expect(inBrowser).toEqual(inNode);
    expect(inNode[0].rows[1]).toEqual(['GD-1', '停水']);
  });
});
