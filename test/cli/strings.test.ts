// The CLI's lines in English count in the singular where the count is 1.
import { t } from '../../src/cli/strings';

describe('counted nouns', () => {
  it('says "1 row", "1 problem", and leaves 0, 11, 21 and Chinese as they are', () => {
    expect(t('en', 'sheetLine', { name: 'Tickets', rows: 1 })).toBe('  Tickets: 1 row');
    expect(t('en', 'sheetLine', { name: 'Tickets', rows: 11 })).toBe('  Tickets: 11 rows');
    expect(t('en', 'sheetLine', { name: 'Tickets', rows: 21 })).toBe('  Tickets: 21 rows');
    expect(t('en', 'problemsHeader', { n: 1 })).toBe('1 problem found:');
    expect(t('en', 'problemsHeader', { n: 0 })).toBe('0 problems found:');
    expect(t('en', 'sampleCounts', { tickets: 1, customers: 1, charges: 1, reminders: 2 })).toBe('sample center: 1 ticket, 1 customer, 1 charge, 2 reminders');
    expect(t('zh', 'sheetLine', { name: '工单', rows: 1 })).toBe('  工单：1 行');
  });
});
