import { defaultSettings, settingsFromTable, settingsRows } from '../../src/domain/settings';
import { SETTINGS } from '../../src/domain/schema';
import { readTable } from '../../src/domain/table';
import { wall, wallToSerial } from '../../src/domain/time';
import type { Cell } from '../../src/workbook/types';

function sheet(rows: Cell[][]) {
  return readTable(SETTINGS, { name: '设置', originRow: 0, originCol: 0, rows: [SETTINGS.columns.map((c) => c.zh), ...rows] });
}

describe('settings', () => {
  it('round-trips the defaults through the sheet layout', () => {
    const rows = settingsRows(defaultSettings('zh'), 'zh');
    expect(rows[0].slice(0, 2)).toEqual(['中心名称', '客户服务中心']);
    expect(rows.every((r) => r.length === SETTINGS.columns.length)).toBe(true);
    const { settings, problems } = settingsFromTable(sheet(rows), 'zh');
    expect(problems).toEqual([]);
    expect(settings).toEqual(defaultSettings('zh'));
  });

  it('reads the center’s own values and lists', () => {
    const rows: Cell[][] = [
      ['中心名称', '阳光花园客服中心', null, '维修', '工程部', '物业费', '张敏', wallToSerial(wall(2026, 10, 1)), wallToSerial(wall(2026, 9, 28))],
      ['办结时限-投诉(小时)', 48, null, '噪音', null, null, '李静', null, null],
      ['月度起始日', 26, null, null, null, null, null, null, null],
      ['计时方式', '工作时间', null, null, null, null, null, null, null],
      ['周起始日', '星期日', null, null, null, null, null, null, null],
    ];
    const { settings, problems } = settingsFromTable(sheet(rows), 'zh');
    expect(problems).toEqual([]);
    expect(settings.centerName).toBe('阳光花园客服中心');
    expect(settings.resolutionSlaHours.complaint).toBe(48);
    expect(settings.resolutionSlaHours.repairUrgent).toBe(24);
    expect(settings.monthStartDay).toBe(26);
    expect(settings.calendar).toBe('working');
    expect(settings.weekStart).toBe(7);
    expect(settings.categories).toEqual(['维修', '噪音']);
    expect(settings.departments).toEqual(['工程部']);
    expect(settings.clerks).toEqual(['张敏', '李静']);
    expect(settings.holidays).toEqual([wall(2026, 10, 1)]);
    expect(settings.workdays).toEqual([wall(2026, 9, 28)]);
  });

  it('keeps the default and reports a setting that does not parse', () => {
    const { settings, problems } = settingsFromTable(sheet([['月度起始日', 31, null, null, null, null, null, null, null]]), 'zh');
    expect(settings.monthStartDay).toBe(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: '设置', row: 2, column: '值', code: 'SETTING_INVALID' });
  });
});
