// A damaged or oversized workbook on the command line: exit 2 and one line naming the part and the
// sheet, the file left as it was; never a report of 0 tickets with exit 0. (The reasons themselves are
// tested in test/workbook/file/bounded.test.ts; this is what a person at a terminal sees.)
import * as fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describeError } from '../../src/taskpane/errors';
import { STRINGS } from '../../src/taskpane/i18n';
import { FileWorkbook } from '../../src/workbook/file';
import { flipCrc, sheetPart } from '../fixtures/hostile/make';
import { cli, tmpFile } from '../support/cli';

const AS_OF = '2026-11-25T17:30';

/** The parts of a demo workbook, and the name of its ticket sheet's part. */
async function demoParts(): Promise<{ parts: Record<string, Uint8Array>; tickets: string }> {
  const demo = tmpFile('demo.xlsx');
  expect((await cli('demo', '--out', demo, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
  const parts = unzipSync(new Uint8Array(fs.readFileSync(demo)));
  // the relationship of 工单 in the workbook part says which part that is
  return { parts, tickets: sheetPart(parts, '工单') };
}

function written(bytes: Uint8Array): string {
  const file = tmpFile('台账.xlsx');
  fs.writeFileSync(file, bytes);
  return file;
}

describe('a damaged workbook on the command line', () => {
  let demo: { parts: Record<string, Uint8Array>; tickets: string };
  beforeAll(async () => {
    demo = await demoParts();
  });

  it('a ticket sheet cut short: report says so, exit 2, and writes nothing', async () => {
    const xml = strFromU8(demo.parts[demo.tickets]);
    const file = written(zipSync({ ...demo.parts, [demo.tickets]: strToU8(xml.slice(0, Math.floor(xml.length / 2))) }));
    const before = fs.readFileSync(file);
    const r = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`deskbook: ${file} 已损坏，无法读取：${demo.tickets}（工作表“工单”）中的 <worksheet> 没有结束标记；请用 Excel 打开并另存一份后重试`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a ticket sheet that fails its CRC: validate says so in English too, exit 2', async () => {
    // the CRC of the ticket part changed, in its local header and in the central directory
    const bytes = flipCrc(zipSync(demo.parts, { level: 6 }), demo.tickets, 1);
    const file = written(bytes);
    const r = await cli('validate', file, '--as-of', AS_OF, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`deskbook: ${file} is damaged and cannot be read: ${demo.tickets} (the sheet "工单") fails its checksum (CRC): its contents are damaged; open it in Excel, save a fresh copy and try again`);
    // the pane, opening the same bytes in its standalone mode (the same file back end), says the same
    const inPane = await FileWorkbook.open(bytes)
      .readSheets(['工单'])
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(`deskbook: ${describeError(inPane, { lang: 'en', strings: STRINGS.en, fileName: file })}`).toBe(r.err);
  });

  it('a sheet that declares a row past Excel\'s grid: too large, exit 2', async () => {
    const xml = strFromU8(demo.parts[demo.tickets]).replace('</sheetData>', '<row r="8000000"><c r="A8000000"><v>1</v></c></row></sheetData>');
    const file = written(zipSync({ ...demo.parts, [demo.tickets]: strToU8(xml) }));
    const r = await cli('status', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`deskbook: ${file} 太大，无法处理：工作表“工单”（${demo.tickets}）超过上限 1,048,576 行`);
  });

  it('two sheets of one name: refused on opening, exit 2', async () => {
    const twice = strFromU8(demo.parts['xl/workbook.xml']).replace('name="客户"', 'name="工单"');
    const file = written(zipSync({ ...demo.parts, 'xl/workbook.xml': strToU8(twice) }));
    const r = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF, '--no-write', '--json');
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`deskbook: ${file} 已损坏，无法读取：xl/workbook.xml 中有两个工作表都叫“工单”；请用 Excel 打开并另存一份后重试`);
  });
});
