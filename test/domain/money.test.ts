import { centsToYuan, formatYuan, yuanToCents } from '../../src/domain/money';

describe('yuan to cents', () => {
  it('rounds away the binary noise of a sum: 0.1 + 0.2 yuan is 30 cents', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(yuanToCents(0.1 + 0.2)).toBe(30);
    expect(yuanToCents(4.35)).toBe(435); // 4.35 × 100 is 434.99999999999994
    expect(yuanToCents(1234.5)).toBe(123450);
  });

  it('rounds a half cent away from zero, on the decimal as written', () => {
    // 1.005 × 100 is 100.49999999999999 in binary; the clerk typed 1.005
    expect(yuanToCents(1.005)).toBe(101);
    expect(yuanToCents(0.145)).toBe(15);
    expect(yuanToCents(1.004)).toBe(100);
    expect(yuanToCents(-1.005)).toBe(-101);
    expect(yuanToCents(-0.025)).toBe(-3);
  });

  it('keeps the sign of a negative amount, and never gives -0', () => {
    expect(yuanToCents(-12.34)).toBe(-1234);
    expect(yuanToCents(-0.5)).toBe(-50);
    expect(Object.is(yuanToCents(-0.001), 0)).toBe(true);
    expect(Object.is(yuanToCents(-0), 0)).toBe(true);
  });

  it('holds amounts up to 10^15 yuan exactly, and tiny ones as zero', () => {
    expect(yuanToCents(1e15)).toBe(1e17);
    expect(yuanToCents(123456789012.34)).toBe(12345678901234);
    expect(yuanToCents(1e21)).toBe(1e23); // written 1e+21: the exponent is shifted, not the digits
    expect(yuanToCents(1e-7)).toBe(0);
  });

  it('round-trips every cent amount through yuan', () => {
    for (const cents of [0, 1, 5, 99, 100, 12345, -1, -12345, 999999999, 2 ** 52]) expect(yuanToCents(centsToYuan(cents))).toBe(cents);
  });
});

describe('cents to yuan', () => {
  it('is the number a cell holds', () => {
    expect(centsToYuan(35640)).toBe(356.4);
    expect(centsToYuan(-1234)).toBe(-12.34);
    expect(centsToYuan(1e17)).toBe(1e15);
  });
});

describe('formatYuan', () => {
  it('writes two decimals, for a message', () => {
    expect(formatYuan(35640)).toBe('356.40');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-1234)).toBe('-12.34');
    expect(formatYuan(1e17)).toBe('1000000000000000.00');
  });

  it('groups digits as the locale does, for the pane', () => {
    expect(formatYuan(123456789, 'en-US')).toBe('1,234,567.89');
    expect(formatYuan(123456789, 'zh-CN')).toBe('1,234,567.89');
    expect(formatYuan(-50, 'en-US')).toBe('-0.50');
    expect(formatYuan(100, 'en-US')).toBe('1.00');
  });
});
