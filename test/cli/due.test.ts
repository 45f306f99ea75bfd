// `deskbook due` on the hand-made ticket sheet of test/app/dueFixture.ts (its lists are worked out in
// test/app/due.test.ts): the JSON, the lines printed in both languages, the file written only with
// --sheet or --mark and only when its bytes change, --no-write, --out and --force, and the refusals.
import * as fs from 'node:fs';
import { FileWorkbook } from '../../src/workbook/file';
import { writeFixture } from '../app/dueFixture';
import { cli, tmpFile } from '../support/cli';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T14:00';

async function fixtureFile(): Promise<string> {
  const wb = FileWorkbook.create();
  await writeFixture(wb);
  const file = tmpFile('desk.xlsx');
  fs.writeFileSync(file, wb.toBytes());
  return file;
}

/** The file's bytes and modification time: what "left alone" means. */
const snapshot = (file: string) => ({ bytes: fs.readFileSync(file).toString('base64'), mtime: fs.statSync(file).mtimeMs });

describe('deskbook due', () => {
  it('prints the lists as JSON, and writes nothing without --sheet or --mark', async () => {
    const file = await fixtureFile();
    const before = snapshot(file);
    const r = await cli('due', file, '--as-of', AS_OF, '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out);
    // as worked out in test/app/due.test.ts
    expect(json.overdue.map((e: { id: string; hours: number }) => [e.id, e.hours])).toEqual([['T01', 4], ['T14', 1.5], ['T07', 1]]);
    expect(json.dueSoon.map((e: { id: string }) => e.id)).toEqual(['T03', 'T05']);
    expect(json.awaitingCallback.map((e: { id: string }) => e.id)).toEqual(['T09', 'T18']);
    expect(json.undispatched.map((e: { id: string }) => e.id)).toEqual(['T14', 'T13']);
    expect(snapshot(file)).toEqual(before);
  });

  it('says the lists in Chinese, and in English with --lang en', async () => {
    const file = await fixtureFile();
    const zh = await cli('due', file, '--as-of', AS_OF);
    expect(zh.code).toBe(0);
    expect(zh.out.split('\n')).toEqual([
      '截至 2026-11-25 14:00（临期提醒 4 小时）：超时 3 件，临期 2 件，待回访 2 件，待派单 2 件',
      '超时（3 件，超时最久的在前）：',
      '  第 2 行 T01（1-0101）：首次响应时限 2026-11-25 10:00，已超时 4.0 小时',
      '  第 15 行 T14（1-1401）：首次响应时限 2026-11-25 12:30，已超时 1.5 小时',
      '  第 8 行 T07（1-0701）：办结时限 2026-11-25 13:00，已超时 1.0 小时',
      '临期（2 件，剩余时间最短的在前）：',
      '  第 4 行 T03（1-0301）：办结时限 2026-11-25 16:00，剩余 2.0 小时',
      '  第 6 行 T05（1-0501）：办结时限 2026-11-25 18:00，剩余 4.0 小时',
      '已完成待回访（2 件，等待最久的在前）：',
      '  第 10 行 T09（1-0901）：完成于 2026-11-22 10:00，已等待 3 天',
      '  第 19 行 T18（1-1801）：完成于 2026-11-25 13:00，已等待 1.0 小时',
      '待派单（2 件，等待最久的在前）：',
      '  第 15 行 T14（1-1401）：受理于 2026-11-24 12:30，已等待 25.5 小时',
      '  第 14 行 T13（1-1301）：受理于 2026-11-25 11:30，已等待 2.5 小时',
    ]);
    const en = await cli('due', file, '--as-of', AS_OF, '--lang', 'en');
    expect(en.out.split('\n').slice(0, 3)).toEqual([
      'as of 2026-11-25 14:00 (due-soon warning 4 h): 3 overdue, 2 due soon, 2 awaiting a callback, 2 not yet dispatched',
      'overdue (3, most late first):',
      '  row 2 T01 (1-0101): first response due 2026-11-25 10:00, 4.0 h late',
    ]);
  });

  it('colours the rows with --mark, and leaves the file alone the second time', async () => {
    const file = await fixtureFile();
    const first = await cli('due', file, '--as-of', AS_OF, '--mark');
    expect(first.out.split('\n').pop()).toBe(`已在 ${file} 中为「工单」着色：超时 3 行，临期 2 行`);
    expect((await FileWorkbook.open(fs.readFileSync(file)).readRowMarks('工单')).map((m) => [m.row, m.state])).toEqual([
      [1, 'overdue'],
      [3, 'dueSoon'],
      [5, 'dueSoon'],
      [7, 'overdue'],
      [14, 'overdue'],
    ]);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    const marked = snapshot(file);
    const again = await cli('due', file, '--as-of', AS_OF, '--mark');
    expect(again.out.split('\n').pop()).toBe('「工单」的行颜色已是最新（超时 3 行，临期 2 行），无需改动');
    expect(snapshot(file)).toEqual(marked);
    // later the same day the colours move, and --no-write only says so
    const later = await cli('due', file, '--as-of', '2026-11-25T18:30', '--mark', '--no-write');
    expect(later.out.split('\n').pop()).toBe('「工单」的行颜色需更新：超时 5 行，临期 1 行（未写入文件）');
    expect(snapshot(file)).toEqual(marked);
  });

  it('writes the sheet 待办 with --sheet, into --out when given (an existing one only with --force)', async () => {
    const file = await fixtureFile();
    const before = snapshot(file);
    const built = await cli('due', file, '--as-of', AS_OF, '--sheet', '--no-write');
    expect(built.out.split('\n').pop()).toBe('已生成「待办 2026-11-25」（未写入文件）');
    expect(snapshot(file)).toEqual(before);

    const out = tmpFile('todo.xlsx');
    fs.writeFileSync(out, 'a file the clerk keeps');
    const refused = await cli('due', file, '--as-of', AS_OF, '--sheet', '--out', out);
    expect([refused.code, refused.err]).toEqual([2, `deskbook: ${out} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖它`]);
    expect(fs.readFileSync(out, 'utf8')).toBe('a file the clerk keeps');
    const written = await cli('due', file, '--as-of', AS_OF, '--sheet', '--out', out, '--force');
    expect([written.code, written.out.split('\n').pop()]).toEqual([0, `已生成「待办 2026-11-25」并写入 ${out}`]);
    expect((await FileWorkbook.open(fs.readFileSync(out)).listSheets()).map((s) => s.name)).toEqual(['工单', '待办 2026-11-25']);
    expect(snapshot(file)).toEqual(before);
    if (hasCheckXlsx()) expect(checkXlsx(out)).toBe('');
  });

  it('turns down a bad as-of (exit 2) and a workbook without tickets (exit 1, with what to run)', async () => {
    const file = await fixtureFile();
    const bad = await cli('due', file, '--as-of', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('soon');
    const empty = tmpFile('empty.xlsx');
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '备注', columns: [{ header: '说明' }], rows: [['—']] }]);
    fs.writeFileSync(empty, wb.toBytes());
    const none = await cli('due', empty, '--as-of', AS_OF);
    expect(none.code).toBe(1);
    expect(none.err).toContain(`deskbook init ${empty}`);
  });

  it('is listed in the help, in both languages', async () => {
    expect((await cli('--help')).out).toMatch(/due .*今日待办/);
    expect((await cli('--help', '--lang', 'en')).out).toMatch(/due .*overdue, due soon, to call back, to dispatch/);
  });
});
