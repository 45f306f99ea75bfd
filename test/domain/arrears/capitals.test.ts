// 大写金额 by the rules of 《支付结算办法》 (see src/domain/arrears/capitals.ts), each case worked by hand.
import { amountInCapitals } from '../../../src/domain/arrears/capitals';

describe('amount in Chinese capitals (大写金额)', () => {
  it.each([
    [123456, '壹仟贰佰叁拾肆元伍角陆分'], // 1,234.56
    [100, '壹元整'], // whole yuan: 整 after 元
    [1600, '壹拾陆元整'], // 16: 10–19 keep their 壹
    [12000, '壹佰贰拾元整'],
    [100500, '壹仟零伍元整'], // 1,005: zeros between two digits, one 零
    [105000, '壹仟零伍拾元整'], // 1,050: trailing zeros of the group say nothing
    [1000100, '壹万零壹元整'], // 10,001
    [1100000, '壹万壹仟元整'], // 11,000: no zero between 万 and 仟
    [10001000, '壹拾万零壹拾元整'], // 100,010: a group's leading zeros are one 零
    [1000000000, '壹仟万元整'], // 10,000,000
    [10000000000, '壹亿元整'], // 100,000,000: the empty groups below say nothing
    [10001000000, '壹亿零壹万元整'], // 100,010,000: the 万 group's leading zeros are one 零
    [230000000000000, '贰万叁仟亿元整'], // 2,300,000,000,000
  ])('%i cents: %s', (cents, text) => {
    expect(amountInCapitals(cents)).toBe(text);
  });

  it('writes 零 after 元 for a 角 of 0 before a 分, and for yuan ending in 0 before a 角 (the rules\' first form)', () => {
    expect(amountInCapitals(32504)).toBe('叁佰贰拾伍元零肆分'); // 325.04, the rules' own example
    expect(amountInCapitals(105)).toBe('壹元零伍分'); // 1.05
    expect(amountInCapitals(168032)).toBe('壹仟陆佰捌拾元零叁角贰分'); // 1,680.32, the rules' own example
    expect(amountInCapitals(10700053)).toBe('壹拾万柒仟元零伍角叁分'); // 107,000.53, the rules' own example
    expect(amountInCapitals(2550)).toBe('贰拾伍元伍角'); // 25.50: the yuan end in 5, no 零
  });

  it('writes no 整 after 角 or 分', () => {
    expect(amountInCapitals(1050)).toBe('壹拾元零伍角'); // 10.50 (the yuan end in 0: 零)
    expect(amountInCapitals(263436)).toBe('贰仟陆佰叁拾肆元叁角陆分'); // 2,634.36
  });

  it('writes an amount under one yuan as its 角 and 分 alone, and nothing as 零元整', () => {
    expect(amountInCapitals(50)).toBe('伍角');
    expect(amountInCapitals(5)).toBe('伍分');
    expect(amountInCapitals(38)).toBe('叁角捌分');
    expect(amountInCapitals(0)).toBe('零元整');
  });

  it('refuses what is not a whole number of cents from 0 (a bug above)', () => {
    expect(() => amountInCapitals(-1)).toThrow(RangeError);
    expect(() => amountInCapitals(12.5)).toThrow(RangeError);
  });
});
