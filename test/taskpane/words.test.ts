// The pane keeps each value in a message on one line: what it takes for a value.
import { segments } from '../../src/taskpane/words';

const values = (text: string) => segments(text).filter((s) => s.value).map((s) => s.text);

describe('values in a message', () => {
  it('keep a date with its time, a unit and a ticket ID whole', () => {
    expect(values('2026-09-01 15:16 早于「挂起开始」2026-09-01 16:18，挂起应先开始后结束')).toEqual(['2026-09-01 15:16', '2026-09-01 16:18']);
    expect(values('房号“3-730”不在客户档案中，请核对房号（如 3-1502）')).toEqual(['3-730', '3-1502']);
    expect(values('工单号“GD-20260724-0001”与第 278 行重复')).toEqual(['GD-20260724-0001', '278']);
    expect(values('Paid 384.00 is more than Amount due 192.00 (192.00 over)')).toEqual(['384.00', '192.00', '192.00']);
    expect(values('a landline with its area code (such as 021-58881234)')).toEqual(['021-58881234']);
  });

  it('leave words without digits, and the text as it was', () => {
    const text = 'Status is Resolved, so Resolved must be filled in; 第 885 行 · R 列「完成时间」';
    expect(values(text)).toEqual(['885']);
    expect(segments(text).map((s) => s.text).join('')).toBe(text);
    expect(segments('')).toEqual([]);
  });

  it('let a value too long for the pane break after all', () => {
    const long = 'x1'.repeat(20);
    expect(values(`see ${long} and 3-1502`)).toEqual(['3-1502']);
  });
});
