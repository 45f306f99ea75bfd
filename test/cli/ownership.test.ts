// `deskbook report` and `deskbook kpi` on a workbook where a clerk's own sheet has a generated
// sheet's name: exit 0, their sheet kept, ours written to NAME (2), and the line (zh, en) and the
// JSON say so.
import * as fs from 'node:fs';
import { cli, tmpFile as tmp } from '../support/cli';
import { FileWorkbook } from '../../src/workbook/file';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T17:30';
const CLERKS = [['我的月报', '金额'], ['十月', 1200.5]];

/** The demo workbook with the clerk's own 月报 2026-10 (holding a table), KPI and Monthly 2026-10 sheets. */
async function clerkWorkbook(name: string): Promise<string> {
  const file = tmp(name);
  expect((await cli('demo', '--out', file, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
  const wb = FileWorkbook.open(fs.readFileSync(file));
  await wb.addSheets([
    { name: '月报 2026-10', tableName: 'tblMyMonth', columns: [{ header: '我的月报' }, { header: '金额' }], rows: [['十月', 1200.5]] },
    { name: 'KPI', columns: [{ header: '本月 KPI (手算)' }], rows: [] },
    { name: 'Monthly 2026-10', columns: [{ header: 'My own October' }], rows: [] },
  ]);
  fs.writeFileSync(file, wb.toBytes());
  return file;
}

describe('a clerk’s sheet named like a generated one', () => {
  it('report monthly: exit 0, written to 月报 2026-10 (2), said in Chinese; a second run replaces (2)', async () => {
    const file = await clerkWorkbook('own-zh.xlsx');
    for (let run = 0; run < 2; run++) {
      const r = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out.trim().split('\n')).toEqual([`已生成「月报 2026-10 (2)」并写入 ${file}`, '工作簿中已有您自己的工作表「月报 2026-10」，未作改动；本次写入了「月报 2026-10 (2)」']);
    }
    const wb = FileWorkbook.open(fs.readFileSync(file));
    expect((await wb.listSheets()).map((s) => s.name).filter((n) => n.startsWith('月报'))).toEqual(['月报 2026-10', '月报 2026-10 (2)']);
    expect((await wb.readSheets(['月报 2026-10']))[0].rows).toEqual(CLERKS);
  });

  it('report monthly --lang en and --json: the English line, and sheet and keptSheet in the JSON', async () => {
    const file = await clerkWorkbook('own-en.xlsx');
    const en = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF, '--lang', 'en');
    expect([en.code, en.err]).toEqual([0, '']);
    expect(en.out.trim().split('\n')).toEqual([`wrote the sheet "Monthly 2026-10 (2)" into ${file}`, 'a sheet of yours is named "Monthly 2026-10": it was left as it is, and this was written to "Monthly 2026-10 (2)"']);
    const zhFile = await clerkWorkbook('own-json.xlsx');
    const json = await cli('report', 'monthly', zhFile, '--period', '2026-10', '--as-of', AS_OF, '--json');
    expect([json.code, json.err]).toEqual([0, '']);
    expect(JSON.parse(json.out)).toMatchObject({ sheet: '月报 2026-10 (2)', keptSheet: '月报 2026-10' });
  });

  it('kpi: exit 0, the cross-tabs in KPI (2), said in English with --lang en', async () => {
    const file = await clerkWorkbook('own-kpi.xlsx');
    const r = await cli('kpi', file, '--lang', 'en');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.trim().split('\n')).toEqual([`wrote the sheet "KPI (2)" into ${file}`, 'a sheet of yours is named "KPI": it was left as it is, and this was written to "KPI (2)"']);
    const wb = FileWorkbook.open(fs.readFileSync(file));
    expect((await wb.readSheets(['KPI']))[0].rows).toEqual([['本月 KPI (手算)']]);
  });

  it('report --no-write names the sheet the write would use, in Chinese and in English, and changes no byte', async () => {
    const file = await clerkWorkbook('own-dry.xlsx');
    const bytes = fs.readFileSync(file);
    const zh = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF, '--no-write');
    expect([zh.code, zh.err]).toEqual([0, '']);
    expect(zh.out.trim().split('\n')).toEqual(['已生成「月报 2026-10 (2)」（未写入文件）', '工作簿中已有您自己的工作表「月报 2026-10」，写入时不会改动它，而是写入「月报 2026-10 (2)」']);
    const en = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF, '--no-write', '--lang', 'en');
    expect([en.code, en.err]).toEqual([0, '']);
    expect(en.out.trim().split('\n')).toEqual(['built "Monthly 2026-10 (2)" (not written)', 'a sheet of yours is named "Monthly 2026-10": a write would leave it as it is and write "Monthly 2026-10 (2)"']);
    const json = await cli('report', 'monthly', file, '--period', '2026-10', '--as-of', AS_OF, '--no-write', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ sheet: '月报 2026-10 (2)', keptSheet: '月报 2026-10' });
    // a free name: the name itself, nothing more said
    const free = await cli('report', 'monthly', file, '--period', '2026-09', '--as-of', AS_OF, '--no-write');
    expect(free.out.trim().split('\n')).toEqual(['已生成「月报 2026-09」（未写入文件）']);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a clerk’s 回访计划 2026-Q4 (no marker) is not read as the plan: listed as theirs, the plan made beside it at (2)', async () => {
    const file = tmp('own-plan.xlsx');
    expect((await cli('demo', '--out', file, '--as-of', AS_OF, '--no-plant')).code).toBe(0);
    const wb = FileWorkbook.open(fs.readFileSync(file));
    const mine = [['房号', '回访日期', '备注'], ['1-0101', '2026-10-09', '我自己记的']];
    await wb.addSheets([{ name: '回访计划 2026-Q4', columns: mine[0].map((header) => ({ header })), rows: mine.slice(1) }]);
    fs.writeFileSync(file, wb.toBytes());

    const status = JSON.parse((await cli('status', file, '--json')).out);
    expect(status.otherSheets).toContain('回访计划 2026-Q4');
    expect(status.generatedSheets).not.toContain('回访计划 2026-Q4');
    // not a plan: a dry run plans the quarter from scratch and says where it would go
    const dry = JSON.parse((await cli('callback-plan', file, '--as-of', AS_OF, '--no-write', '--json')).out);
    expect(dry).toMatchObject({ quarter: '2026-Q4', alreadyPlanned: 0, sheet: '回访计划 2026-Q4 (2)', keptSheet: '回访计划 2026-Q4', written: false });
    const made = await cli('callback-plan', file, '--as-of', AS_OF);
    expect([made.code, made.err]).toEqual([0, '']);
    expect(made.out.trim().split('\n').slice(-2)).toEqual([`已生成「回访计划 2026-Q4 (2)」并写入 ${file}`, '工作簿中已有您自己的工作表「回访计划 2026-Q4」，未作改动；本次写入了「回访计划 2026-Q4 (2)」']);
    const after = FileWorkbook.open(fs.readFileSync(file));
    expect((await after.readSheets(['回访计划 2026-Q4']))[0].rows).toEqual(mine);
    const listed = JSON.parse((await cli('status', file, '--json')).out);
    expect([listed.otherSheets, listed.generatedSheets]).toEqual([['回访计划 2026-Q4'], ['回访计划 2026-Q4 (2)']]);
    // the plan at (2) is the quarter's: made again there (nobody has called yet), no (3)
    const again = JSON.parse((await cli('callback-plan', file, '--as-of', AS_OF, '--json')).out);
    expect(again.sheet).toBe('回访计划 2026-Q4 (2)');
    expect((await FileWorkbook.open(fs.readFileSync(file)).listSheets()).map((s) => s.name).filter((n) => n.startsWith('回访计划'))).toEqual(['回访计划 2026-Q4', '回访计划 2026-Q4 (2)']);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
  });
});
