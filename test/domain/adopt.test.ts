// Adopting legacy registers, in the domain: each hand-made register of test/fixtures/legacy is
// detected as its kind, its columns mapped as written there, every row accounted for, and the values
// converted as worked out by hand below.
import { detectSheet } from '../../src/domain/adopt/detect';
import { adoptRows } from '../../src/domain/adopt/rows';
import { legacyDate, legacyEnum, legacyNumber, legacyPeriod } from '../../src/domain/adopt/values';
import { header, SHEET_DEFS } from '../../src/domain/schema';
import { wall, wallToSerial } from '../../src/domain/time';
import type { SheetGrid } from '../../src/domain/grid';
import * as R from '../fixtures/legacy/registers';

const grid = (r: R.LegacyRegister): SheetGrid => ({ name: r.name, originRow: 0, originCol: 0, rows: r.rows.map((row) => [...row]) });
const serial = (y: number, m: number, d: number, h = 0, mi = 0) => wallToSerial(wall(y, m, d, h, mi));

describe('legacy values', () => {
  it('reads dates in the shapes registers use', () => {
    expect(legacyDate('2026/11/3')).toBe(wall(2026, 11, 3));
    expect(legacyDate('2026-11-03 14:20')).toBe(wall(2026, 11, 3, 14, 20));
    expect(legacyDate('2026年11月3日')).toBe(wall(2026, 11, 3));
    expect(legacyDate('2026年11月3日 14时20分')).toBe(wall(2026, 11, 3, 14, 20));
    expect(legacyDate('11月3日', { year: 2026 })).toBe(wall(2026, 11, 3));
    expect(legacyDate('11月3日')).toBeUndefined(); // no year to be had: not guessed
    expect(legacyDate('20261103')).toBe(wall(2026, 11, 3));
    expect(legacyDate(20261103)).toBe(wall(2026, 11, 3));
    expect(legacyDate('2026.11.3')).toBe(wall(2026, 11, 3));
    expect(legacyDate('25/11/2026')).toBe(wall(2026, 11, 25));
    expect(legacyDate('3/11/2026')).toBeUndefined(); // 3 November or 11 March: the column must say
    expect(legacyDate('3/11/2026', { order: 'dmy' })).toBe(wall(2026, 11, 3));
    expect(legacyDate('3/11/2026', { order: 'mdy' })).toBe(wall(2026, 3, 11));
    expect(legacyDate(46329)).toBe(wall(2026, 11, 3));
    expect(legacyDate(12)).toBeUndefined(); // a count, not 1900-01-12
    expect(legacyDate('2026-02-30')).toBeUndefined();
    expect(legacyDate('明天下午')).toBeUndefined();
  });

  it('reads money, periods and enumeration words', () => {
    expect(legacyNumber('¥1,200.00')).toBe(1200);
    expect(legacyNumber('1200元')).toBe(1200);
    expect(legacyNumber('一千')).toBeUndefined();
    expect(legacyPeriod('2026年11月')).toBe('2026-11');
    expect(legacyPeriod(202611)).toBe('2026-11');
    expect(legacyPeriod(12)).toBeUndefined();
    expect(legacyEnum('status', '已办结')).toBe('resolved');
    expect(legacyEnum('status', 'completed')).toBe('resolved');
    expect(legacyEnum('status', '未处理')).toBe('new');
    expect(legacyEnum('satisfaction', '非常满意')).toBe('satisfied');
    expect(legacyEnum('channel', 'mobile_app')).toBe('online');
    expect(legacyEnum('reminderMethod', '催缴单')).toBe('written');
    expect(legacyEnum('status', '好的')).toBeUndefined();
  });
});

describe('detecting legacy registers', () => {
  it.each(R.REGISTERS.map((r) => [r.name, r] as const))('%s: its kind, header row and mapping', (_name, reg) => {
    const guess = detectSheet(grid(reg));
    expect(guess.kind).toBe(reg.kind);
    expect(guess.headerRow! + 1).toBe(reg.headerRow);
    const mapping: Record<string, string | null> = {};
    for (const c of guess.columns) {
      const col = c.target ? SHEET_DEFS[reg.kind].columns.find((d) => d.key === c.target) : undefined;
      mapping[c.header] = col ? header(col, 'zh') : null;
    }
    expect(mapping).toEqual(reg.mapping);
  });

  it.each(R.REGISTERS.map((r) => [r.name, r] as const))('%s: every row accounted for', (_name, reg) => {
    const g = grid(reg);
    const guess = detectSheet(g);
    const adopted = adoptRows(g, guess, { lang: 'zh' });
    const imported = adopted.accounts.filter((a) => a.outcome === 'imported').length;
    expect({ total: adopted.accounts.length, imported, skipped: adopted.accounts.length - imported }).toEqual(reg.rowsAccount);
    const skipped: Record<number, string> = {};
    for (const a of adopted.accounts) if (a.outcome === 'skipped') skipped[a.row] = a.reason as string;
    expect(skipped).toEqual(reg.skipped);
    // every row below the header is accounted for once
    expect(adopted.accounts.map((a) => a.row)).toEqual(Array.from({ length: reg.rows.length - reg.headerRow }, (_, i) => reg.headerRow + 1 + i));
  });
});

describe('importing legacy rows', () => {
  const cell = (adopted: ReturnType<typeof adoptRows>, i: number, h: string) => adopted.rows[i][adopted.headers.indexOf(h)];

  it('converts a complaint register, keeps what does not convert as typed, and keeps its own columns', () => {
    const g = grid(R.COMPLAINTS);
    const adopted = adoptRows(g, detectSheet(g), { lang: 'zh' });
    expect(adopted.rows.map((_, i) => cell(adopted, i, '受理时间'))).toEqual([serial(2026, 11, 3), serial(2026, 11, 5), serial(2026, 11, 8), serial(2026, 11, 9), '明天下午']);
    expect(adopted.accounts.find((a) => a.row === 9)?.unconverted).toEqual(['登记日期']);
    expect(cell(adopted, 0, '完成时间')).toBe(serial(2026, 11, 4, 10));
    expect(cell(adopted, 3, '完成时间')).toBe(serial(2026, 11, 10, 14, 20));
    expect(cell(adopted, 1, '电话')).toBe('13900001111');
    expect(adopted.rows.map((_, i) => cell(adopted, i, '满意度'))).toEqual(['满意', '基本满意', null, '不满意', null]);
    // the title says complaints: the type comes from it
    expect(adopted.rows.every((_, i) => cell(adopted, i, '类型') === '投诉')).toBe(true);
    expect(adopted.extras).toEqual(['序号']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '序号'))).toEqual([1, 2, 3, 4, 5]);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '导入来源'))).toEqual(['投诉台账!4', '投诉台账!5', '投诉台账!6', '投诉台账!8', '投诉台账!9']);
  });

  it('composes a unit kept over 楼号 and 房间 under a two-row header', () => {
    const g = grid(R.REPAIRS_TWO_ROW_HEADER);
    const guess = detectSheet(g);
    expect(guess.headerRows).toBe(2);
    const adopted = adoptRows(g, guess, { lang: 'zh' });
    expect(adopted.rows.map((_, i) => cell(adopted, i, '房号'))).toEqual(['3-1502', '7-0203', '1-101']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '状态'))).toEqual(['已完成', '处理中', '待派单']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '类型'))).toEqual(['报修', '报修', '报修']);
    // the parts are kept too, under their own headers
    expect(adopted.extras).toEqual(['房屋/楼号', '房屋/房间']);
  });

  it('reads a customer list with the unit over three columns', () => {
    const g = grid(R.CUSTOMERS_SPLIT_UNIT);
    const adopted = adoptRows(g, detectSheet(g), { lang: 'zh' });
    expect(adopted.rows.map((_, i) => cell(adopted, i, '房号'))).toEqual(['1-1-1001', '1-2-1002', '2-1-301']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '面积'))).toEqual([94.56, 88.2, 120]);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '电话'))).toEqual(['18909711443', null, '13500001234']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '状态'))).toEqual(['已入住', '空置', '出租']);
  });

  it('derives a charge’s 账期 from its start date and reads money with ¥ and 元', () => {
    const g = grid(R.FEE_LEDGER_LONG);
    const adopted = adoptRows(g, detectSheet(g), { lang: 'zh' });
    expect(adopted.rows.map((_, i) => cell(adopted, i, '账期'))).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '应收金额'))).toEqual([1200, 1200, 300]);
    expect(adopted.rows.map((_, i) => cell(adopted, i, '收款日期'))).toEqual([serial(2026, 9, 5), null, serial(2026, 11, 3)]);
  });

  it('gives a charge without 到期日 the Settings day of its 账期 (the month’s last day when shorter)', () => {
    const g: SheetGrid = {
      name: '收费',
      originRow: 0,
      originCol: 0,
      rows: [
        ['房号', '费用项目', '所属期', '应缴金额'],
        ['3-1502', '物业费', '2026年11月', 356.4],
        ['3-1502', '物业费', '2026年2月', 356.4],
        ['3-1502', '物业费', '2026年12月', 356.4],
      ],
    };
    const guess = detectSheet(g);
    const due = (day?: number) => adoptRows(g, guess, { lang: 'zh', dueDay: day }).rows.map((r) => r[SHEET_DEFS.charges.columns.findIndex((c) => c.key === 'dueDate')]);
    expect(due(15)).toEqual([Math.floor(serial(2026, 11, 15)), Math.floor(serial(2026, 2, 15)), Math.floor(serial(2026, 12, 15))]);
    expect(due(31)).toEqual([Math.floor(serial(2026, 11, 30)), Math.floor(serial(2026, 2, 28)), Math.floor(serial(2026, 12, 31))]);
    expect(due(undefined)).toEqual([null, null, null]);
  });

  it('unpivots a wide ledger into one charge per filled month, the year from its title', () => {
    const g = grid(R.FEE_LEDGER_WIDE);
    const guess = detectSheet(g);
    expect(guess.months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    const adopted = adoptRows(g, guess, { lang: 'zh' });
    expect(adopted.rows.map((r) => [cell(adopted, adopted.rows.indexOf(r), '房号'), cell(adopted, adopted.rows.indexOf(r), '账期'), cell(adopted, adopted.rows.indexOf(r), '应收金额')])).toEqual([
      ['3-1502', '2026-01', 356.4],
      ['3-1502', '2026-02', 356.4],
      ['2-302', '2026-01', 288],
      ['2-302', '2026-03', 288],
      ['1-101', null, null],
    ]);
    expect(adopted.accounts.filter((a) => a.outcome === 'imported').map((a) => a.records)).toEqual([2, 2, 1]);
  });

  it('adds nothing twice: rows whose source reference is there already are skipped', () => {
    const g = grid(R.REMINDERS_LOG);
    const guess = detectSheet(g);
    const first = adoptRows(g, guess, { lang: 'zh' });
    const again = adoptRows(g, guess, { lang: 'zh', already: new Set(first.rows.map((r) => r[first.headers.indexOf('导入来源')] as string)) });
    expect(again.rows).toEqual([]);
    expect(again.accounts.map((a) => a.reason)).toEqual(['already', 'already', 'blank', 'already']);
  });

  it('reads an English export’s d/m/yyyy dates by the order its column shows', () => {
    const g = grid(R.ENGLISH_EXPORT);
    const adopted = adoptRows(g, detectSheet(g), { lang: 'en' });
    expect(adopted.rows.map((_, i) => cell(adopted, i, 'Received'))).toEqual([serial(2026, 11, 3, 9, 15), serial(2026, 11, 24, 22, 40)]);
    expect(adopted.rows.map((_, i) => cell(adopted, i, 'Channel'))).toEqual(['Phone', 'Online']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, 'Status'))).toEqual(['Resolved', 'In progress']);
    expect(adopted.rows.map((_, i) => cell(adopted, i, 'Ticket ID'))).toEqual(['1001', '1002']);
  });

  it('reads coded values through the user’s value map (房屋状态 2001), and keeps them aside without one', () => {
    const g: SheetGrid = {
      name: '房屋',
      originRow: 0,
      originCol: 0,
      rows: [
        ['房号', '业主名称', '房屋状态'],
        ['1-101', '吴先生', 2001],
        ['1-102', null, 2002],
        ['1-103', '周女士', 2009],
      ],
    };
    const plain = detectSheet(g);
    expect(plain.columns.find((c) => c.header === '房屋状态')?.target).toBeNull(); // codes are no occupancy words
    const values = { 房屋状态: { '2001': '已入住', '2002': '空置' } };
    const guess = detectSheet(g, { values });
    expect(guess.columns.find((c) => c.header === '房屋状态')?.target).toBe('occupancy');
    const adopted = adoptRows(g, guess, { lang: 'zh', values });
    // a code the map does not have is kept as it was, for validation to show
    expect(adopted.rows.map((r) => r[adopted.headers.indexOf('状态')])).toEqual(['已入住', '空置', 2009]);
    expect(adopted.accounts.map((a) => a.unconverted)).toEqual([[], [], ['房屋状态']]);
  });

  it('takes no sheet for a register that is none', () => {
    const guess = detectSheet({ name: '备注', originRow: 0, originCol: 0, rows: [['今天开会'], ['记得交报表']] });
    expect(guess.kind).toBeNull();
  });
});
