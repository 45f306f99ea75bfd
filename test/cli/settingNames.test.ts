// A misspelt parameter on the Settings sheet (issue 13) is reported by `validate` and `status` on its
// row and 参数 column, and `validate --mark` marks its cell like any other problem.
import * as fs from 'node:fs';
import { FileWorkbook } from '../../src/workbook/file';
import { cli, tmpFile as tmp } from '../support/cli';
import { checkXlsx, hasCheckXlsx } from '../support/files';

const AS_OF = '2026-11-25T17:30';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('a parameter name the add-in does not know', () => {
  it('is a problem on its cell of the Settings sheet in validate and status, and is marked there', async () => {
    const file = tmp('台账.xlsx');
    expect((await cli('init', file)).code).toBe(0);
    const wb = FileWorkbook.open(fs.readFileSync(file));
    const [settings] = await wb.readSheets(['设置']);
    const row = settings.rows.findIndex((r) => r[0] === '临期提醒(小时)');
    expect(row).toBeGreaterThan(0);
    // the clerk retypes the name with a full-width closing bracket
    expect(await wb.writeCells('设置', [{ row, col: 0, value: '临期提醒(小时）', was: '临期提醒(小时)' }])).toEqual([]);
    fs.writeFileSync(file, wb.toBytes());
    const excelRow = row + 1;

    const v = await cli('validate', file, '--as-of', AS_OF, '--json', '--mark');
    expect(v.code).toBe(1);
    expect((JSON.parse(v.out) as Json[]).map((p) => [p.sheet, p.row, p.column, p.code, p.severity, p.message])).toEqual([
      ['设置', excelRow, '参数', 'SETTING_UNKNOWN', 'error', `设置 第 ${excelRow} 行「参数」：无法识别的参数“临期提醒(小时）”，本行不起作用；应为“临期提醒(小时)”（只差在全角、半角符号或空格）`],
    ]);
    expect(await FileWorkbook.open(fs.readFileSync(file)).readMarks('设置')).toEqual([{ row, col: 0, severity: 'error', key: '临期提醒(小时）' }]);
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');

    const s = await cli('status', file, '--lang', 'en');
    expect(s.code).toBe(1);
    expect(s.out).toContain(`设置 row ${excelRow}, 参数: unknown setting "临期提醒(小时）", so this row has no effect; did you mean "临期提醒(小时)"? (it differs only in full-width characters or spaces)`);
  });
});
