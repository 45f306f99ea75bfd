import { describeProblem } from '../../src/domain/messages';
import { nearestName } from '../../src/domain/nearest';
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

  it('reports a parameter name it does not know on its 参数 cell, with the name meant when one is close', () => {
    const rows: Cell[][] = [
      /* 2 */ ['临期提醒(小时）', 6, null, null, null, null, null, null, null], // a full-width closing bracket
      /* 3 */ ['响应时线(小时)', 12, null, null, null, null, null, null, null], // 线 typed for 限
      /* 4 */ ['响应时限', 12, null, null, null, null, null, null, null], // the unit left out
      /* 5 */ ['办结时限-报修(小时)', 36, null, null, null, null, null, null, null], // which repair level? 高 and 低 are as near
      /* 6 */ ['备注', null, null, null, null, null, null, null, null], // the clerk's own note, no value
      /* 7 */ ['Responce SLA (hours)', 8, null, null, null, null, null, null, null],
    ];
    const { settings, problems } = settingsFromTable(sheet(rows), 'zh');
    // none of them takes effect: the defaults stand
    expect(settings.dueSoonHours).toBe(4);
    expect(settings.responseSlaHours).toBe(24);
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.code, p.severity, p.params.suggestion ?? p.params.sameAs ?? null])).toEqual([
      ['设置', 2, '参数', 'SETTING_UNKNOWN', 'error', '临期提醒(小时)'],
      ['设置', 3, '参数', 'SETTING_UNKNOWN', 'error', '响应时限(小时)'],
      ['设置', 4, '参数', 'SETTING_UNKNOWN', 'error', '响应时限(小时)'],
      ['设置', 5, '参数', 'SETTING_UNKNOWN', 'error', null],
      ['设置', 6, '参数', 'SETTING_UNKNOWN', 'warning', null],
      ['设置', 7, '参数', 'SETTING_UNKNOWN', 'error', 'Response SLA (hours)'],
    ]);
    const say = (row: number, lang: 'zh' | 'en') => describeProblem(problems.find((p) => p.row === row)!, lang);
    expect(say(2, 'zh')).toBe('设置 第 2 行「参数」：无法识别的参数“临期提醒(小时）”，本行不起作用；应为“临期提醒(小时)”（只差在全角、半角符号或空格）');
    expect(say(2, 'en')).toBe('设置 row 2, 参数: unknown setting "临期提醒(小时）", so this row has no effect; did you mean "临期提醒(小时)"? (it differs only in full-width characters or spaces)');
    expect(say(3, 'zh')).toBe('设置 第 3 行「参数」：无法识别的参数“响应时线(小时)”，本行不起作用；是否应为“响应时限(小时)”？');
    expect(say(7, 'en')).toBe('设置 row 7, 参数: unknown setting "Responce SLA (hours)", so this row has no effect; did you mean "Response SLA (hours)"?');
    expect(say(5, 'zh')).toBe('设置 第 5 行「参数」：无法识别的参数“办结时限-报修(小时)”，本行不起作用；请对照设置表的参数名称检查拼写');
    expect(say(6, 'en')).toBe('设置 row 6, 参数: unknown setting "备注", so this row has no effect; check its spelling against the parameter names of the Settings sheet');
  });

  it('knows every parameter it writes, in both languages, and an English name in any case', () => {
    for (const lang of ['zh', 'en'] as const) {
      const rows = settingsRows(defaultSettings(lang), lang);
      expect(settingsFromTable(sheet(rows), lang).problems).toEqual([]);
    }
    expect(settingsFromTable(sheet([['due-soon WARNING (hours)', 6, null, null, null, null, null, null, null]]), 'en')).toMatchObject({ problems: [], settings: { dueSoonHours: 6 } });
  });
});

describe('the name meant', () => {
  const groups = [
    ['临期提醒(小时)', 'Due-soon warning (hours)'],
    ['办结时限-报修高(小时)', 'Resolution SLA - high repair (hours)'],
    ['办结时限-报修低(小时)', 'Resolution SLA - low repair (hours)'],
    ['周起始日', 'Week starts on'],
  ];
  it('allows one edit in four characters of the known name, none more', () => {
    // 周起始日: 4 characters, one edit allowed
    expect(nearestName('周起使日', groups)).toEqual({ name: '周起始日', looseEqual: false });
    expect(nearestName('周起日', groups)).toEqual({ name: '周起始日', looseEqual: false });
    expect(nearestName('周开始', groups)).toBeUndefined(); // two edits
    // "Week starts on": 14 characters, three edits allowed
    expect(nearestName('Weak start on', groups)).toEqual({ name: 'Week starts on', looseEqual: false });
    expect(nearestName('Month starts on', groups)).toBeUndefined();
  });
  it('takes full-width forms, case and spaces as the same name, and a name without its unit as close', () => {
    expect(nearestName('临期提醒（小时）', groups)).toEqual({ name: '临期提醒(小时)', looseEqual: true });
    expect(nearestName('DUE-SOON WARNING(HOURS)', groups)).toEqual({ name: 'Due-soon warning (hours)', looseEqual: true });
    expect(nearestName('临期提醒', groups)).toEqual({ name: '临期提醒(小时)', looseEqual: false });
  });
  it('guesses nothing between two things equally near', () => {
    expect(nearestName('办结时限-报修(小时)', groups)).toBeUndefined();
    expect(nearestName('办结时限-报修低(小时', groups)).toEqual({ name: '办结时限-报修低(小时)', looseEqual: false });
  });
});

