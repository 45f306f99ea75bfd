// The arrears list and the notices on the KPI tests' ledger (test/domain/kpi/fixture.ts, C01–C14,
// rows 2–15 of 应收) at the end of 2026-10-31, with the reminder log and owners below. Amounts in
// cents; every expected figure is worked out next to it.
import { arrearsList } from '../../../src/domain/arrears/list';
import { fillLetter, noticeKind, noticesOf } from '../../../src/domain/arrears/notices';
import { arrearsAt } from '../../../src/domain/kpi';
import { chargeFacts, customerFacts, reminderFacts } from '../../../src/domain/records';
import { CUSTOMERS, REMINDERS, SETTINGS } from '../../../src/domain/schema';
import { defaultSettings, settingsFromTable } from '../../../src/domain/settings';
import { readTable } from '../../../src/domain/table';
import { wall } from '../../../src/domain/time';
import { CHARGES_READ, table } from '../kpi/fixture';

const settings = defaultSettings('zh');
const OCT31 = wall(2026, 10, 31);

// prettier-ignore
const REMINDERS_READ = table(REMINDERS, ['房号', '日期', '方式', '经办人', '结果', '承诺缴费日'], [
  ['2-201', '2026-09-01', '电话', '张敏', '未接通',         null],          // R2: C05 17 days overdue → level 1
  ['2-201', '2026-10-05', '上门', '张敏', '答应月底前缴清', '2026-10-20'],  // R3: C05 51 days → level 2
  ['1-102', '2026-10-28', '短信', '李静', '答应11月10日前缴', '2026-11-10'], // R4: C04 13 days → level 0
  ['3-301', '2025-09-01', '电话', '张敏', '旧欠',           null],          // R5: before 3-301's debt began
  ['1-101', '2026-09-25', '电话', '张敏', '已缴',           null],          // R6: 1-101 owes nothing
]);
const CUSTOMERS_READ = table(CUSTOMERS, ['房号', '客户姓名'], [['1-102', '陈丽'], ['2-201', '王建国'], ['3-301', '周强']]);

const facts = { charges: chargeFacts(CHARGES_READ), reminders: reminderFacts(REMINDERS_READ), customers: customerFacts(CUSTOMERS_READ) };
const list = arrearsList(facts, OCT31, settings);
const byUnit = (unit: string) => list.units.find((u) => u.unit === unit)!;

describe('the arrears list at 10-31', () => {
  it('lists every unit in arrears, most owed first, with the report\'s 欠费期数 and 欠费起始', () => {
    expect(list.units.map((u) => [u.unit, u.owner, u.total, u.periods, u.since, u.oldestDays])).toEqual([
      ['2-201', '王建国', 135000, 3, wall(2026, 8, 16), 77], // C05–C07 400 × 3 + C08 150 (paid 11-03, after): 账期 08, 09, 10
      ['3-301', '周强', 35000, 1, wall(2025, 10, 16), 381], // C10; C09 falls due on 10-31 itself
      ['1-102', '陈丽', 15000, 1, wall(2026, 10, 16), 16], // C04: 250 − 100
      ['4-401', null, 3000, 1, wall(2026, 10, 21), 11], // C12: 50 − 20; no name on 客户
    ]);
    expect(list.total).toBe(188000);
  });

  it('lists each charge owed, oldest first, with its aging bucket', () => {
    const owed = byUnit('2-201').charges.map((c) => [c.row, c.feeItem, c.period, c.due, c.paid, c.outstanding, c.daysOverdue, list.buckets[c.bucket].label]);
    expect(owed).toEqual([
      [6, '物业费', '2026-08', 40000, 0, 40000, 77, '61–90'], // C05
      [7, '物业费', '2026-09', 40000, 0, 40000, 46, '31–60'], // C06
      [8, '物业费', '2026-10', 40000, 0, 40000, 16, '1–30'], // C07
      [9, '停车费', '2026-10', 15000, 0, 15000, 16, '1–30'], // C08: paid after the day, so unpaid at it
    ]);
    const c04 = byUnit('1-102').charges[0];
    expect([c04.row, c04.due, c04.paid, c04.outstanding]).toEqual([5, 25000, 10000, 15000]);
  });

  it('adds up to the report\'s arrears: total, and units and amount in each bucket', () => {
    const aging = arrearsAt(facts.charges, OCT31, settings.agingBuckets);
    expect(list.total).toBe(aging.total);
    aging.byBucket.forEach((b, k) => {
      const inBucket = list.units.filter((u) => u.charges.some((c) => c.bucket === k));
      expect([b.label, inBucket.length, inBucket.reduce((a, u) => a + u.charges.filter((c) => c.bucket === k).reduce((s, c) => s + c.outstanding, 0), 0)]).toEqual([b.label, b.units, b.amount]);
    });
  });

  it('gives each unit its dunning level and last reminder of the current debt', () => {
    // 2-201: 77 days (2 by age); sent 1 on 09-01 and 2 on 10-05, promised 10-20, passed
    expect(byUnit('2-201').dunning).toMatchObject({ level: 2, byAge: 2, sent: 2, held: false, promisedDate: wall(2026, 10, 20) });
    expect(byUnit('2-201').dunning.lastReminder).toMatchObject({ row: 3, date: wall(2026, 10, 5), method: 'visit', result: '答应月底前缴清' });
    // 3-301: 381 days, level 3 by age alone; the 2025-09-01 reminder was before this debt began (2025-10-16)
    expect(byUnit('3-301').dunning).toMatchObject({ level: 3, sent: 0, lastReminder: null });
    // 1-102: owing since 09-16 (C03 until it was paid 10-20, then C04); reminded 10-28 when C04 was 13
    // days overdue (level 0), promised 11-10: at 16 days the promise holds it at 0
    expect(byUnit('1-102').dunning).toMatchObject({ level: 0, byAge: 1, sent: 0, held: true, promisedDate: wall(2026, 11, 10) });
    expect(byUnit('4-401').dunning).toMatchObject({ level: 0, byAge: 0, lastReminder: null });
  });

  it('is empty when nothing is overdue', () => {
    expect(arrearsList(facts, wall(2025, 10, 15), settings)).toMatchObject({ units: [], total: 0 });
  });
});

describe('the notices at 10-31', () => {
  it('goes to the units at a dunning level, with the letter of their level; a promise not passed keeps one back', () => {
    const set = noticesOf(list, {}, settings, 'zh');
    expect(set.notices.map((n) => [n.arrears.unit, n.level, n.kind, n.capitals, n.payBy])).toEqual([
      ['2-201', 2, 'second', '壹仟叁佰伍拾元整', wall(2026, 11, 10)], // pay within 10 days
      ['3-301', 3, 'final', '叁佰伍拾元整', wall(2026, 11, 10)],
    ]);
    // 1-102 promised 11-10; 4-401 is at level 0 (11 days)
    expect(set.promised.map((u) => u.unit)).toEqual(['1-102']);
    expect(set.notices[0].letter).toBe('尊敬的王建国：我中心此前已提醒您缴纳 2-201 房屋的逾期费用，截至目前仍未收到，合计 1,350.00 元。请于 2026年11月10日 前缴清。如有困难或疑问，请及时与我们联系：服务中心前台。');
    expect(set.notices[1].letter).toContain('合计 350.00 元。现发出最后通知：请务必于 2026年11月10日 前缴清；逾期未缴的，客户服务中心将依照');
  });

  it('keeps to the threshold: an amount, days overdue of the oldest charge, or both', () => {
    const units = (t: { minAmount?: number; minDays?: number }) => noticesOf(list, t, settings, 'zh').notices.map((n) => n.arrears.unit);
    expect(units({ minAmount: 50000 })).toEqual(['2-201']); // ¥1,350 ≥ ¥500; 3-301 owes ¥350
    expect(units({ minAmount: 35000 })).toEqual(['2-201', '3-301']); // at least: ¥350 itself counts
    expect(units({ minDays: 100 })).toEqual(['3-301']); // 381 days; 2-201's oldest is 77
    expect(units({ minAmount: 40000, minDays: 100 })).toEqual([]); // each holds for one of them only
  });

  it('writes the English letter for an English workbook, and addresses a unit without a name', () => {
    const noNames = arrearsList({ ...facts, customers: [] }, OCT31, settings);
    const [first] = noticesOf(noNames, {}, defaultSettings('en'), 'en').notices;
    expect(first.letter).toBe(
      'Dear resident of unit 2-201, we reminded you earlier of the overdue charges for unit 2-201, and we have not yet received them: CNY 1,350.00 in all. Please pay by 2026-11-10. If anything makes paying difficult, please talk to us: the service desk.',
    );
  });

  it('reads the letters, the pay-by days and the contact a manager wrote in Settings', () => {
    const rows = [
      ['催缴函-第二次(中文)', '{owner}您好，{unit} 欠费 {total}，请于 {payBy} 前缴纳。{center} {contact}'],
      ['缴费期限(天)', '7'],
      ['联系方式', '前台 0571-8000 1234'],
      ['中心名称', '阳光花园客服中心'],
    ];
    const read = readTable(SETTINGS, { name: '设置', originRow: 0, originCol: 0, rows: [['参数', '值'], ...rows] });
    const { settings: own, problems } = settingsFromTable(read, 'zh');
    expect(problems).toEqual([]);
    const [first] = noticesOf(list, {}, own, 'zh').notices;
    expect(first.letter).toBe('王建国您好，2-201 欠费 1,350.00 元，请于 2026年11月7日 前缴纳。阳光花园客服中心 前台 0571-8000 1234');
  });

  it('refuses a letter with a placeholder it does not know, naming the cell, and keeps the default', () => {
    const read = readTable(SETTINGS, { name: '设置', originRow: 0, originCol: 0, rows: [['参数', '值'], ['催缴函-第一次(中文)', '尊敬的{onwer}：请缴费']] });
    const { settings: own, problems } = settingsFromTable(read, 'zh');
    expect(problems).toMatchObject([{ sheet: '设置', row: 2, column: '值', code: 'SETTING_INVALID' }]);
    expect(own.noticeLetters.zh.first).toBe(defaultSettings('zh').noticeLetters.zh.first);
  });
});

describe('letters', () => {
  it('prints the first level the first notice, the last the final one, any between the second', () => {
    expect([1, 2, 3].map((l) => noticeKind(l, 3))).toEqual(['first', 'second', 'final']);
    expect([1, 2, 3, 4].map((l) => noticeKind(l, 4))).toEqual(['first', 'second', 'second', 'final']);
    expect([1, 2].map((l) => noticeKind(l, 2))).toEqual(['first', 'final']);
    expect(noticeKind(1, 1)).toBe('first');
  });

  it('fills every placeholder it is given and leaves other braces as written', () => {
    expect(fillLetter('{owner}：{unit} 欠 {total}，{payBy} 前缴；{center}，{contact}。{x}', { owner: '张三', unit: '1-101', total: '1.00 元', payBy: '12月1日', center: '中心', contact: '前台' })).toBe(
      '张三：1-101 欠 1.00 元，12月1日 前缴；中心，前台。{x}',
    );
  });
});
