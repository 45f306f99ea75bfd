import {
  drawTag,
  formatTicketId,
  isTag,
  nextTicketId,
  normalizeTag,
  parseTicketId,
  TAG_DIGITS,
  TAG_SPACE,
  tagClashProbability,
  tagsInUse,
} from '../../src/domain/ticketId';
import { wall } from '../../src/domain/time';

/** a seeded uniform source, so every draw in these tests is the same on every run */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NOV25 = wall(2026, 11, 25, 9, 41);

describe('ticket IDs', () => {
  it('read as date, installation tag and that tag\'s sequence of the day', () => {
    expect(nextTicketId({ receivedAt: NOV25, tag: 'K7M', existingIds: [] })).toBe('GD-20261125-K7M-001');
    expect(parseTicketId('GD-20261125-K7M-003')).toEqual({ day: '20261125', tag: 'K7M', sequence: 3 });
  });

  it('count on from the highest ID the same tag has that day, whatever the order of the rows', () => {
    const existing = ['GD-20261125-K7M-002', 'GD-20261125-K7M-007', 'GD-20261125-K7M-003'];
    expect(nextTicketId({ receivedAt: NOV25, tag: 'K7M', existingIds: existing })).toBe('GD-20261125-K7M-008');
  });

  it('ignore other tags, other days and IDs of other schemes', () => {
    const existing = [
      'GD-20261125-R2D-015', // another clerk, same day
      'GD-20261124-K7M-040', // this clerk, the day before
      'GD-20261125-0003', // the older scheme of the sample workbook
      '2026-11-25 投诉 1',
      '',
    ];
    expect(nextTicketId({ receivedAt: NOV25, tag: 'K7M', existingIds: existing })).toBe('GD-20261125-K7M-001');
  });

  it('take the day from the received time, so a ticket logged after midnight for yesterday files under yesterday', () => {
    const lateCall = wall(2026, 11, 24, 23, 58);
    expect(nextTicketId({ receivedAt: lateCall, tag: 'K7M', existingIds: [] })).toBe('GD-20261124-K7M-001');
  });

  it('grow past 999 instead of wrapping', () => {
    expect(nextTicketId({ receivedAt: NOV25, tag: 'K7M', existingIds: ['GD-20261125-K7M-999'] })).toBe('GD-20261125-K7M-1000');
    expect(parseTicketId('GD-20261125-K7M-1000')?.sequence).toBe(1000);
  });

  it('never repeat for one installation, even when the rows it added have not come back yet', () => {
    // the pane remembers what it issued; together with the workbook's IDs that is what it sees
    const issued: string[] = [];
    for (let i = 0; i < 5; i++) issued.push(nextTicketId({ receivedAt: NOV25, tag: 'K7M', existingIds: issued }));
    expect(new Set(issued).size).toBe(5);
    expect(issued[4]).toBe('GD-20261125-K7M-005');
  });

  it('cannot collide between two clerks adding at the same moment on copies that have not synced', () => {
    // both start from the same workbook; neither sees the other's new row
    const shared = ['GD-20261125-K7M-001', 'GD-20261125-R2D-001'];
    const a = nextTicketId({ receivedAt: NOV25, tag: 'K7M', existingIds: shared });
    const b = nextTicketId({ receivedAt: NOV25, tag: 'R2D', existingIds: shared });
    expect(a).toBe('GD-20261125-K7M-002');
    expect(b).toBe('GD-20261125-R2D-002');
    expect(a).not.toBe(b);
  });

  it('sort by day when sorted as text', () => {
    const ids = ['GD-20261201-A22-001', 'GD-20261125-Z9Z-004', 'GD-20261125-B3C-001', 'GD-20261130-K7M-002'];
    expect([...ids].sort().map((id) => parseTicketId(id)!.day)).toEqual(['20261125', '20261125', '20261130', '20261201']);
  });

  it('refuse to count for something that is not a tag', () => {
    expect(() => nextTicketId({ receivedAt: NOV25, tag: 'k7m', existingIds: [] })).toThrow(new Error('not an installation tag: "k7m"'));
    expect(() => nextTicketId({ receivedAt: NOV25, tag: '', existingIds: [] })).toThrow(new Error('not an installation tag: ""'));
  });

  it('parse only well-formed IDs', () => {
    expect(parseTicketId(formatTicketId('20261125', 'K7', 12))).toEqual({ day: '20261125', tag: 'K7', sequence: 12 });
    for (const bad of ['GD-20261325-K7M-001', 'GD-20261125-7KM-001', 'GD-20261125-KIM-001', 'GD-20261125-K7M-01', 'XX-20261125-K7M-001']) {
      expect([bad, parseTicketId(bad)]).toEqual([bad, undefined]);
    }
    expect(tagsInUse(['GD-20261125-K7M-001', 'GD-20261126-K7M-001', 'GD-20261125-R2D-004', 'GD-20261125-0003'])).toEqual(new Set(['K7M', 'R2D']));
  });
});

describe('installation tags', () => {
  it('are drawn as a letter and two Crockford digits, never with I, L, O or U', () => {
    const random = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const tag = drawTag(random);
      expect(tag).toMatch(/^[A-HJKMNP-TV-Z][0-9A-HJKMNP-TV-Z]{2}$/);
      expect(isTag(tag)).toBe(true);
    }
    expect(TAG_DIGITS).toHaveLength(32);
    expect(TAG_SPACE).toBe(22 * 32 * 32);
  });

  it('cover the whole tag space, evenly enough', () => {
    const random = seeded(42);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 22_000; i++) {
      const c = drawTag(random)[0];
      firsts.set(c, (firsts.get(c) ?? 0) + 1);
    }
    expect(firsts.size).toBe(22);
    // 1000 expected per letter
    for (const n of firsts.values()) expect(n).toBeGreaterThan(850);
  });

  it('avoid the tags already in use in the workbook', () => {
    // a source that would draw A00 first, then something else
    const values = [0, 0, 0, 0.5, 0.5, 0.5];
    let i = 0;
    const tag = drawTag(() => values[i++ % values.length], new Set(['A00']));
    expect(tag).not.toBe('A00');
    expect(tag).toBe('NGG');
  });

  it('are read back as a person types them', () => {
    expect(normalizeTag(' k7m ')).toBe('K7M');
    expect(normalizeTag('ko1')).toBe('K01');
    expect(normalizeTag('kil')).toBe('K11');
    expect(normalizeTag('7KM')).toBeUndefined();
    expect(normalizeTag('K7MX')).toBeUndefined();
    expect(normalizeTag('K')).toBeUndefined();
  });

  it('clash between installations with the probability docs/ticket-ids.md states', () => {
    // birthday problem over 22,528 tags: 1 − Π (1 − i/N)
    expect(tagClashProbability(2)).toBeCloseTo(1 / 22_528, 8);
    expect(tagClashProbability(10)).toBeCloseTo(0.002, 3); // 45 pairs / 22,528 ≈ 0.20%
    expect(tagClashProbability(30)).toBeCloseTo(0.0191, 3); // 435 pairs ≈ 1.9%
    expect(tagClashProbability(1)).toBe(0);
  });
});
