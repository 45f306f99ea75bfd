import { convertCell } from '../../src/domain/cells';
import { formatWallIso, parseWallText, serialToWall, wall, wallToSerial } from '../../src/domain/time';

const datetime = { type: 'datetime' } as const;
const date = { type: 'date' } as const;
const money = { type: 'money' } as const;
const period = { type: 'period' } as const;
const status = { type: 'enum', enum: 'status' } as const;
const phone = { type: 'phone' } as const;

function value(kind: Parameters<typeof convertCell>[0], cell: Parameters<typeof convertCell>[1]) {
  const r = convertCell(kind, cell);
  if (!r.ok) throw new Error(`expected ok for ${String(cell)}`);
  return r.value;
}

describe('cells to values', () => {
  it('reads an Excel serial as the wall-clock time it shows', () => {
    // 46351 is 2026-11-25 in Excel's 1900 system; .6041666 of a day is 14:30
    expect(formatWallIso(value(datetime, 46351 + 14.5 / 24) as number)).toBe('2026-11-25T14:30:00');
    expect(wallToSerial(wall(2026, 11, 25))).toBe(46351);
    expect(serialToWall(46351)).toBe(wall(2026, 11, 25));
  });

  it('reads the text dates clerks type, with or without a clock time', () => {
    expect(value(datetime, '2026-11-25 14:30')).toBe(wall(2026, 11, 25, 14, 30));
    expect(value(datetime, '2026/1/5 9:05')).toBe(wall(2026, 1, 5, 9, 5));
    expect(value(datetime, '2026年11月25日')).toBe(wall(2026, 11, 25));
    expect(value(datetime, '2026-11-25')).toBe(wall(2026, 11, 25));
    expect(parseWallText('2026-02-30')).toBeUndefined();
    expect(parseWallText('明天上午')).toBeUndefined();
  });

  it('drops the time part of a whole-day column', () => {
    expect(value(date, 46351.75)).toBe(wall(2026, 11, 25));
  });

  it('keeps money in integer cents, from numbers or typed text', () => {
    expect(value(money, 356.4)).toBe(35640);
    expect(value(money, 0.1 + 0.2)).toBe(30);
    expect(value(money, '¥1,234.50')).toBe(123450);
    expect(value(money, '1234元')).toBe(123400);
  });

  it('takes a period as YYYY-MM, also when Excel turned it into a date', () => {
    expect(value(period, '2026-11')).toBe('2026-11');
    expect(value(period, '2026年3月')).toBe('2026-03');
    expect(value(period, 46327)).toBe('2026-11'); // 2026-11-01 as a serial
    expect(convertCell(period, '2026-13').ok).toBe(false);
  });

  it('maps enum labels of either language to one key', () => {
    expect(value(status, '已完成')).toBe('resolved');
    expect(value(status, 'resolved')).toBe('resolved');
    expect(value(status, ' Called back ')).toBe('calledBack');
  });

  it('keeps a phone typed as a number as its digits', () => {
    expect(value(phone, 13812345678)).toBe('13812345678');
  });

  it('treats empty and blank cells as empty, not as problems', () => {
    expect(convertCell(datetime, null)).toEqual({ ok: true, value: null });
    expect(convertCell(money, '   ')).toEqual({ ok: true, value: null });
  });

  it('returns a problem, never throws, for error values and wrong types', () => {
    expect(convertCell(datetime, { error: '#N/A' })).toEqual({ ok: false, problem: { kind: 'errorValue', found: '#N/A', expected: 'datetime' } });
    expect(convertCell(datetime, '明天上午')).toEqual({ ok: false, problem: { kind: 'wrongType', found: '明天上午', expected: 'datetime' } });
    expect(convertCell(datetime, true).ok).toBe(false);
    expect(convertCell(datetime, 12).ok).toBe(false); // 1900-01-12 is no ticket time
    expect(convertCell(money, 'abc').ok).toBe(false);
    const bad = convertCell(status, '完成了', 'zh');
    expect(bad.ok).toBe(false);
    if (!bad.ok && bad.problem.kind === 'wrongType') expect(bad.problem.allowed).toContain('已完成');
  });
});
