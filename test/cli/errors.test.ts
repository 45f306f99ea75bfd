// Failures as the command line prints them: one line, in the user's language, worded from the
// failure's code, reason and parameters (never the text of an exception), with exit code 2. The task
// pane words the same failure with the same words.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { runReport, writeKpiPivots } from '../../src/app/report';
import { setUpWorkbook } from '../../src/app/setup';
import { validateWorkbook } from '../../src/app/validate';
import { FileProblem, osReason, writeFileAtomic } from '../../src/cli/files';
import { Lang } from '../../src/domain/enums';
import { fileErrorMessage } from '../../src/domain/failures';
import { describeError } from '../../src/taskpane/errors';
import { STRINGS } from '../../src/taskpane/i18n';
import { FileWorkbook } from '../../src/workbook/file';
import { cli, tmpFile } from '../support/cli';

function writeFailure(target: string): FileProblem {
  try {
    writeFileAtomic(target, new Uint8Array([1, 2, 3]));
  } catch (e) {
    expect(e).toBeInstanceOf(FileProblem);
    return e as FileProblem;
  }
  throw new Error('expected the write to fail');
}

const words = (p: FileProblem) => ({ zh: fileErrorMessage(p, 'zh', p.file), en: fileErrorMessage(p, 'en', p.file) });

describe('what the operating system said, when a workbook cannot be written', () => {
  it('names a folder that does not exist, and leaves nothing behind', () => {
    const dir = path.dirname(tmpFile('x'));
    const target = path.join(dir, '没有的文件夹', '台账.xlsx');
    const p = writeFailure(target);
    expect([p.code, p.reason]).toEqual(['WRITE_FAILED', 'FOLDER_MISSING']);
    expect(words(p)).toEqual({
      zh: `无法写入 ${target}：文件夹不存在（原文件未改动）`,
      en: `cannot write ${target}: the folder does not exist (the original is unchanged)`,
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('names a path through a file, and a target that is a folder', () => {
    const file = tmpFile('notes.txt');
    fs.writeFileSync(file, '交接班记录');
    const through = path.join(file, '台账.xlsx');
    expect(words(writeFailure(through))).toEqual({
      zh: `无法写入 ${through}：路径中有一段不是文件夹（原文件未改动）`,
      en: `cannot write ${through}: part of the path is not a folder (the original is unchanged)`,
    });
    const folder = tmpFile('台账.xlsx');
    fs.mkdirSync(folder);
    expect(words(writeFailure(folder))).toEqual({
      zh: `无法写入 ${folder}：它是文件夹（原文件未改动）`,
      en: `cannot write ${folder}: it is a folder (the original is unchanged)`,
    });
    expect(fs.readdirSync(path.dirname(folder))).toEqual(['台账.xlsx']);
  });

  it.each([
    ['EACCES', '没有权限', 'permission denied'],
    ['EPERM', '没有权限', 'permission denied'],
    ['ENOSPC', '磁盘已满', 'the disk is full'],
    ['EDQUOT', '磁盘已满', 'the disk is full'],
    ['EROFS', '磁盘是只读的', 'the disk is read-only'],
    ['EBUSY', '文件正被其他程序使用（是否在 Excel 中打开着？）', 'the file is in use by another program (is it open in Excel?)'],
    ['ETXTBSY', '文件正被其他程序使用（是否在 Excel 中打开着？）', 'the file is in use by another program (is it open in Excel?)'],
    ['ENAMETOOLONG', '文件名或路径太长', 'the file name or path is too long'],
    ['ELOOP', '路径中的快捷方式（符号链接）绕成了圈', 'the path goes round a loop of symbolic links'],
    ['EIO', '系统错误 EIO', 'system error EIO'],
  ])('words %s for a write and for a read', (code, zh, en) => {
    const error = Object.assign(new Error(`${code}: something`), { code });
    const written = new FileProblem('WRITE_FAILED', '台账.xlsx', osReason(error), true);
    expect(words(written)).toEqual({ zh: `无法写入 台账.xlsx：${zh}（原文件未改动）`, en: `cannot write 台账.xlsx: ${en} (the original is unchanged)` });
    const read = new FileProblem('READ_FAILED', '台账.xlsx', osReason(error));
    expect(words(read)).toEqual({ zh: `无法读取 台账.xlsx：${zh}`, en: `cannot read 台账.xlsx: ${en}` });
  });
});

describe('a file that cannot be opened', () => {
  it('is a folder', async () => {
    const folder = tmpFile('台账.xlsx');
    fs.mkdirSync(folder);
    expect(await cli('status', folder)).toMatchObject({ code: 2, err: `deskbook: ${folder} 不是文件（是文件夹？）` });
    expect(await cli('status', folder, '--lang', 'en')).toMatchObject({ code: 2, err: `deskbook: ${folder} is not a file (a folder?)` });
  });

  it('is larger than the program reads (a sparse file of 600 MB)', async () => {
    const big = tmpFile('台账.xlsx');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 600 * 1024 * 1024);
    expect(await cli('status', big)).toMatchObject({ code: 2, err: `deskbook: ${big} 太大，无法处理：它有 600 MB，上限是 512 MB` });
    expect(await cli('status', big, '--lang', 'en')).toMatchObject({ code: 2, err: `deskbook: ${big} is too large to process: it is 600 MB, over the limit of 512 MB` });
  });

  it('is damaged in a way found only when writing (styles without cell formats)', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '我的台账', columns: [{ header: '日期' }], rows: [] }]);
    const parts = unzipSync(wb.toBytes());
    parts['xl/styles.xml'] = strToU8('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="0"/></styleSheet>');
    const file = tmpFile('台账.xlsx');
    fs.writeFileSync(file, zipSync(parts));
    expect(await cli('init', file)).toMatchObject({
      code: 2,
      err: `deskbook: ${file} 已损坏，无法读取：xl/styles.xml 中没有单元格格式（<cellXfs>）；请用 Excel 打开并另存一份后重试`,
    });
    expect(await cli('init', file, '--lang', 'en')).toMatchObject({
      code: 2,
      err: `deskbook: ${file} is damaged and cannot be read: xl/styles.xml has no cell formats (<cellXfs>); open it in Excel, save a fresh copy and try again`,
    });
  });
});

describe('a request turned down', () => {
  async function ledger(): Promise<string> {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '我的台账', columns: [{ header: '日期' }, { header: '事项' }], rows: [] }]);
    const file = tmpFile('台账.xlsx');
    fs.writeFileSync(file, wb.toBytes());
    return file;
  }

  it('a report of a workbook without a ticket sheet: the workbook is not ready, exit 1, and init is what to run', async () => {
    const file = await ledger();
    expect(await cli('report', 'weekly', file)).toMatchObject({ code: 1, err: `deskbook: 工作簿中没有工单表（现有工作表：我的台账），请先设置工作簿（运行 deskbook init ${file}）` });
    expect(await cli('kpi', file, '--lang', 'en')).toMatchObject({
      code: 1,
      err: `deskbook: the workbook has no ticket sheet (sheets: 我的台账); set the workbook up first (run deskbook init ${file})`,
    });
  });

  it('an as-of that is not a date-time, the same in every command', async () => {
    const file = await ledger();
    await cli('init', file);
    for (const argv of [['validate', file], ['report', 'weekly', file], ['demo', '--out', tmpFile('demo.xlsx')]]) {
      expect([argv[0], await cli(...argv, '--as-of', '昨天下午')]).toEqual([argv[0], { code: 2, out: '', err: 'deskbook: 时间“昨天下午”无效，应如 2026-11-25T17:30' }]);
      expect((await cli(...argv, '--as-of', '2026-13-01', '--lang', 'en')).err).toBe('deskbook: the time "2026-13-01" is not valid; expected such as 2026-11-25T17:30');
    }
  });
});

describe('the command line and the task pane', () => {
  /** What the CLI printed for argv, and what the pane's describeError says of `failure` for the same file. */
  async function both(lang: Lang, file: string, argv: string[], failure: () => Promise<unknown>) {
    const printed = await cli(...argv, '--lang', lang);
    const error = await failure().then(
      () => undefined,
      (e: unknown) => e,
    );
    return { cli: printed.err, pane: `deskbook: ${describeError(error, { lang, strings: STRINGS[lang], fileName: file })}` };
  }

  it.each(['zh', 'en'] as const)('say the same of the same failure (%s)', async (lang) => {
    const notes = tmpFile('交接班记录.xlsx');
    fs.writeFileSync(notes, '今天 3 号楼停水，已通知工程部。');
    const open = async () => FileWorkbook.open(fs.readFileSync(notes));
    const notXlsx = await both(lang, notes, ['status', notes], open);
    expect(notXlsx.pane).toBe(notXlsx.cli);
    expect(notXlsx.cli).toContain(lang === 'zh' ? '不是 Excel 工作簿' : 'is not an Excel workbook');

    const ledger = FileWorkbook.create();
    await ledger.addSheets([{ name: '我的台账', columns: [{ header: '日期' }], rows: [] }]);
    const file = tmpFile('台账.xlsx');
    fs.writeFileSync(file, ledger.toBytes());
    const wb = () => FileWorkbook.open(fs.readFileSync(file));
    const noTickets = await both(lang, file, ['report', 'monthly', file], () => runReport(wb(), { kind: 'monthly' }));
    // the command line adds the command that sets the workbook up
    expect(noTickets.cli).toBe(noTickets.pane + (lang === 'zh' ? `（运行 deskbook init ${file}）` : ` (run deskbook init ${file})`));
    const notSetUp = await both(lang, file, ['validate', file], () => validateWorkbook(wb()));
    expect(notSetUp.cli.startsWith(notSetUp.pane)).toBe(true);
    expect(notSetUp.pane).toBe(lang === 'zh' ? 'deskbook: 工作簿中没有任何结构化工作表（现有工作表：我的台账），请先设置工作簿' : 'deskbook: the workbook has no structured sheet (sheets: 我的台账); set the workbook up first');

    const partial = FileWorkbook.create();
    await partial.addSheets([{ name: '工单', columns: [{ header: '工单号' }, { header: '受理时间' }, { header: '渠道' }], rows: [] }]);
    const partialFile = tmpFile('台账.xlsx');
    fs.writeFileSync(partialFile, partial.toBytes());
    const missing = await both(lang, partialFile, ['kpi', partialFile], () => writeKpiPivots(FileWorkbook.open(fs.readFileSync(partialFile))));
    expect(missing.pane).toBe(missing.cli);
    expect(missing.cli).toContain(lang === 'zh' ? '类型、类别、内容、状态' : '类型, 类别, 内容, 状态');

    await setUpWorkbook(ledger, {});
    fs.writeFileSync(file, ledger.toBytes());
    const badPeriod = await both(lang, file, ['report', 'monthly', file, '--period', '2026-13'], () => runReport(wb(), { kind: 'monthly', period: '2026-13' }));
    expect(badPeriod.pane).toBe(badPeriod.cli);
    expect(badPeriod.cli).toContain('2026-13');
    const badAsOf = await both(lang, file, ['validate', file, '--as-of', '昨天'], () => validateWorkbook(wb(), { asOf: '昨天' }));
    expect(badAsOf.pane).toBe(badAsOf.cli);
    expect(badAsOf.cli).toContain('昨天');
  });
});
