// A notice of a unit owing for years still prints on one page: its charges summed by fee item.
import { NoticeSet } from '../../src/domain/arrears/notices';
import { UnitArrears } from '../../src/domain/arrears/list';
import { defaultSettings } from '../../src/domain/settings';
import { MS_PER_DAY, wall } from '../../src/domain/time';
import { renderNotices } from '../../src/app/arrearsSheets';
import { AS_OF, years } from '../domain/arrears/longArrears';

describe('a notice of many charges', () => {
  it('prints a unit owing for years on one notice whose lines add up to its total', () => {
    const charges = years();
    const total = 704000 + 12650;
    const unit: UnitArrears = {
      unit: '3-0502',
      owner: '王芳',
      total,
      periods: 22,
      since: wall(2025, 1, 2),
      oldestDays: 693,
      charges,
      dunning: { level: 3, byAge: 3, sent: 2, lastReminder: null, promisedDate: null, held: false },
    } as UnitArrears;
    const set: NoticeSet = { day: AS_OF, center: '阳光物业客服中心', contact: '0571-88886666', notices: [{ arrears: unit, level: 3, kind: 'final', letter: '请缴费。', capitals: '柒仟壹佰陆拾陆元伍角整', payBy: AS_OF + 7 * MS_PER_DAY }], promised: [] };
    const sheet = renderNotices(set, defaultSettings('zh'), 'zh');
    const rows = sheet.rows.map((r) => r[0]);
    const header = rows.indexOf('费用项目');
    expect(sheet.rows[header + 1].slice(0, 2)).toEqual(['物业费', '2025-01 至 2026-10（22 笔）']);
    expect(sheet.rows[header + 2].slice(0, 2)).toEqual(['水费', '2026-08 至 2026-09（3 笔）']);
    // the totals row right below: 7,040.00 + 126.50 owed
    expect(sheet.rows[header + 3][0]).toBe('合计');
    expect(sheet.rows[header + 3][5]).toBe(7166.5);
    expect(sheet.rows[header + 4][0]).toBe('共 25 笔欠费，按费用项目合计；逐笔明细见“欠费明细”表。');
    expect(sheet.rows.length).toBeLessThan(25);
    const en = renderNotices(set, defaultSettings('en'), 'en');
    expect(en.rows[header + 1][1]).toBe('2025-01 to 2026-10 (22 charges)');
  });
});
