// `deskbook ids` on a set-up workbook into which a clerk typed three tickets without IDs: it fills
// those three cells, only when asked, leaves the file's bytes alone when there is nothing to fill,
// and validation's "required" error for the rows is gone.
import * as fs from 'node:fs';
import { TICKETS } from '../../src/domain/schema';
import { wall, wallToSerial } from '../../src/domain/time';
import { FileWorkbook } from '../../src/workbook/file';
import { Cell } from '../../src/workbook/types';
import { cli, tmpFile as tmp } from '../support/cli';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T17:30';
const at = (d: number, h: number) => wallToSerial(wall(2026, 11, d, h, 0));

/** a ticket row in the set-up sheet's column order */
function ticket(values: Partial<Record<(typeof TICKETS.columns)[number]['key'], Cell>>): Cell[] {
  return TICKETS.columns.map((c) => values[c.key] ?? null);
}

// Excel rows: 2 was added by the form, 3 to 5 typed into the sheet (4 without its 受理时间)
const ROWS: Cell[][] = [
  ticket({ id: 'GD-20261125-K7M-001', receivedAt: at(25, 9), channel: '来电', type: '报修', category: '维修', description: '水管漏水', status: '待派单' }),
  ticket({ receivedAt: at(25, 10), channel: '来电', type: '咨询', category: '收费', description: '问物业费', status: '待派单' }),
  ticket({ channel: '来访', type: '投诉', category: '噪音', description: '楼上装修', status: '待派单' }),
  ticket({ receivedAt: at(24, 16), channel: '来电', type: '报修', category: '维修', description: '灯不亮', status: '待派单' }),
];

async function typedIn(): Promise<string> {
  const file = tmp('台账.xlsx');
  expect((await cli('init', file)).code).toBe(0);
  const wb = FileWorkbook.open(fs.readFileSync(file));
  await wb.appendRows('工单', ROWS);
  fs.writeFileSync(file, wb.toBytes());
  return file;
}

async function ids(file: string): Promise<Cell[]> {
  const [grid] = await FileWorkbook.open(fs.readFileSync(file)).readSheets(['工单']);
  return grid.rows.map((r) => r[0]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('deskbook ids', () => {
  it('with --no-write lists the IDs it would fill and leaves the file as it was', async () => {
    const file = await typedIn();
    const before = fs.readFileSync(file);
    const r = await cli('ids', file, '--as-of', AS_OF, '--tag', 'K7M', '--no-write', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    expect(json).toMatchObject({ sheet: '工单', column: '工单号', tag: 'K7M', written: false, skipped: [] });
    expect(json.filled).toEqual([
      { row: 3, id: 'GD-20261125-K7M-002', day: 'received' },
      { row: 4, id: 'GD-20261125-K7M-003', day: 'asOf' },
      { row: 5, id: 'GD-20261124-K7M-001', day: 'received' },
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('fills the three cells, says so, and validation no longer wants their IDs', async () => {
    const file = await typedIn();
    const before = await cli('validate', file, '--as-of', AS_OF, '--json');
    const idMissing = (out: string) => (JSON.parse(out) as Json[]).filter((p) => p.code === 'REQUIRED_MISSING' && p.column === '工单号').map((p) => p.row);
    expect(idMissing(before.out)).toEqual([3, 4, 5]);

    const r = await cli('ids', file, '--as-of', AS_OF, '--tag', 'k7m');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '已在「工单」填写 3 个工单号（本次编号 K7M）：',
      '  第 3 行：GD-20261125-K7M-002',
      '  第 4 行：GD-20261125-K7M-003（未填受理时间，按当天编号）',
      '  第 5 行：GD-20261124-K7M-001',
      `已写入 ${file}`,
    ]);
    expect(await ids(file)).toEqual(['工单号', 'GD-20261125-K7M-001', 'GD-20261125-K7M-002', 'GD-20261125-K7M-003', 'GD-20261124-K7M-001']);
    const after = await cli('validate', file, '--as-of', AS_OF, '--json');
    expect(idMissing(after.out)).toEqual([]);
    // row 4 still wants its 受理时间: the clerk's to type
    expect((JSON.parse(after.out) as Json[]).map((p) => [p.row, p.column, p.code])).toEqual([[4, '受理时间', 'REQUIRED_MISSING']]);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');

    // a second run finds nothing to fill and leaves the bytes and the time of the file alone
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    const again = await cli('ids', file, '--as-of', AS_OF, '--lang', 'en');
    expect(again).toEqual({ code: 0, out: 'no ticket on "工单" lacks its 工单号; the file is unchanged', err: '' });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('draws a tag no ID of the workbook uses when none is given', async () => {
    const file = await typedIn();
    const json = JSON.parse((await cli('ids', file, '--as-of', AS_OF, '--json')).out) as Json;
    expect(json.tag).toMatch(/^[A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z]{2}$/);
    expect(json.tag).not.toBe('K7M');
    expect(json.filled.map((f: Json) => f.id)).toEqual([`GD-20261125-${json.tag}-001`, `GD-20261125-${json.tag}-002`, `GD-20261124-${json.tag}-001`]);
    expect(json.written).toBe(true);
  });

  it('writes --out, FILE untouched, and keeps an existing --out unless --force', async () => {
    const file = await typedIn();
    const before = fs.readFileSync(file);
    const out = tmp('填好.xlsx');
    expect((await cli('ids', file, '--as-of', AS_OF, '--tag', 'K7M', '--out', out)).code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect((await ids(out))[2]).toBe('GD-20261125-K7M-002');
    const kept = await cli('ids', file, '--as-of', AS_OF, '--tag', 'K7M', '--out', out);
    expect(kept.code).toBe(2);
    expect(kept.err).toContain('已存在，未覆盖');
    expect((await cli('ids', file, '--as-of', AS_OF, '--tag', 'R2D', '--out', out, '--force')).code).toBe(0);
    expect((await ids(out))[2]).toBe('GD-20261125-R2D-001');
  });

  it('refuses a tag that cannot be one, and a workbook without a ticket sheet', async () => {
    const file = await typedIn();
    const bad = await cli('ids', file, '--tag', '7KM', '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected a tag of 2 or 3 characters starting with a letter (such as K7M)');
    const other = tmp('other.xlsx');
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '台账', columns: [{ header: '房号' }], rows: [['1-101']] }]);
    fs.writeFileSync(other, wb.toBytes());
    const none = await cli('ids', other);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/^deskbook: .*工单.*deskbook init/);
  });
});
