// SLA deadlines and the due state clerks see (PRODUCT.md "Precisely").
import { dueState, resolutionDeadline, resolutionMs, responseDeadline } from '../../src/domain/sla';
import { TicketFacts } from '../../src/domain/records';
import { defaultSettings } from '../../src/domain/settings';
import { formatWallIso, MS_PER_HOUR, wall } from '../../src/domain/time';

const settings = defaultSettings('zh');
const working = { ...settings, calendar: 'working' as const, holidays: [1, 2, 3, 4, 5, 6, 7].map((d) => wall(2026, 10, d)), workdays: [wall(2026, 10, 10)] };

function ticket(t: Partial<TicketFacts>): TicketFacts {
  return {
    row: 2, id: 'T', receivedAt: wall(2026, 10, 12, 9), channel: 'phone', type: 'complaint', typeLabel: '投诉', channelLabel: '来电',
    category: '噪音', department: '环境部', unit: '1-101', priority: null, status: 'inProgress', firstResponseAt: null, agreedDueAt: null,
    holdStartAt: null, holdEndAt: null, resolvedAt: null, callbackAt: null, satisfaction: null, complaintValid: null, ...t,
  };
}

const iso = (t: number | null) => (t === null ? null : formatWallIso(t));
const later = wall(2026, 12, 1);

describe('deadlines', () => {
  it('gives a complaint 24 h to respond and 72 h to resolve', () => {
    const t = ticket({});
    expect(iso(responseDeadline(t, settings, later))).toBe('2026-10-13T09:00:00');
    expect(iso(resolutionDeadline(t, settings, later))).toBe('2026-10-15T09:00:00');
  });

  it('takes a repair\'s resolution SLA from its priority (no priority: normal)', () => {
    const at = (priority: TicketFacts['priority']) => iso(resolutionDeadline(ticket({ type: 'repair', priority }), settings, later));
    expect([at('urgent'), at('high'), at('normal'), at('low'), at(null)]).toEqual([
      '2026-10-13T09:00:00', '2026-10-14T09:00:00', '2026-10-15T09:00:00', '2026-10-19T09:00:00', '2026-10-15T09:00:00',
    ]);
  });

  it('has no SLA for praise', () => {
    const praise = ticket({ type: 'praise' });
    expect(responseDeadline(praise, settings, later)).toBeNull();
    expect(resolutionDeadline(praise, settings, later)).toBeNull();
    expect(dueState(praise, settings, later)).toBe('none');
  });

  it('moves a deadline later by a hold that starts before it', () => {
    // due 10-15 09:00; on hold 10-14 09:00 → 10-16 09:00 (48 h) → due 10-17 09:00
    const t = ticket({ holdStartAt: wall(2026, 10, 14, 9), holdEndAt: wall(2026, 10, 16, 9) });
    expect(iso(resolutionDeadline(t, settings, later))).toBe('2026-10-17T09:00:00');
    // the response deadline (10-13 09:00) passed before the hold: it stays
    expect(iso(responseDeadline(t, settings, later))).toBe('2026-10-13T09:00:00');
  });

  it('ends a hold with no end when the ticket is resolved', () => {
    // hold 10-14 09:00 → resolved 10-16 21:00 (60 h): due 10-15 09:00 + 60 h = 10-17 21:00
    const t = ticket({ holdStartAt: wall(2026, 10, 14, 9), resolvedAt: wall(2026, 10, 16, 21) });
    expect(iso(resolutionDeadline(t, settings, later))).toBe('2026-10-17T21:00:00');
  });

  it('leaves a ticket not yet due while a hold is open at as-of', () => {
    const t = ticket({ holdStartAt: wall(2026, 10, 14, 9), firstResponseAt: wall(2026, 10, 12, 10), status: 'onHold' });
    const asOf = wall(2026, 10, 20); // past the unmoved deadline 10-15 09:00
    expect(resolutionDeadline(t, settings, asOf)).toBeNull();
    expect(dueState(t, settings, asOf)).toBe('onHold');
  });

  it('does not move an agreed due time for a hold', () => {
    const t = ticket({ agreedDueAt: wall(2026, 10, 20, 12), holdStartAt: wall(2026, 10, 14, 9), holdEndAt: wall(2026, 10, 16, 9) });
    expect(iso(resolutionDeadline(t, settings, later))).toBe('2026-10-20T12:00:00');
  });

  it('counts hold on the center\'s clock in working hours', () => {
    // received Mon 10-12 09:00, complaint 72 working hours (8 days of 9 h): 10-12 8.5 h, 10-13…10-16 36 h (44.5),
    // 10-19…10-21 27 h (71.5), 10-22 0.5 h → Thu 10-22 09:00
    const t = ticket({});
    expect(iso(resolutionDeadline(t, working, later))).toBe('2026-10-22T09:00:00');
    // on hold Fri 10-16 16:30 → Mon 10-19 09:30: 2 working hours → Thu 10-22 11:00
    const held = ticket({ holdStartAt: wall(2026, 10, 16, 16, 30), holdEndAt: wall(2026, 10, 19, 9, 30) });
    expect(iso(resolutionDeadline(held, working, later))).toBe('2026-10-22T11:00:00');
  });
});

describe('resolution time', () => {
  it('counts received to resolved minus hold', () => {
    const t = ticket({ holdStartAt: wall(2026, 10, 13, 9), holdEndAt: wall(2026, 10, 14, 9), resolvedAt: wall(2026, 10, 15, 9) });
    expect(resolutionMs(t, settings)! / MS_PER_HOUR).toBe(48); // 72 − 24
  });
});

describe('due state', () => {
  const t = ticket({ firstResponseAt: wall(2026, 10, 12, 10) }); // resolution due 10-15 09:00
  it.each([
    [wall(2026, 10, 14, 9), 'ok'],
    [wall(2026, 10, 15, 5), 'dueSoon'], // exactly 4 h before
    [wall(2026, 10, 15, 9), 'dueSoon'], // exactly on the deadline: not yet late
    [wall(2026, 10, 15, 9, 1), 'overdue'],
  ])('at %p is %s', (asOf, state) => {
    expect(dueState(t, settings, asOf)).toBe(state);
  });

  it('looks at the response deadline first while there is no response', () => {
    expect(dueState(ticket({}), settings, wall(2026, 10, 13, 10))).toBe('overdue');
  });

  it('is none once resolved or rejected', () => {
    expect(dueState(ticket({ resolvedAt: wall(2026, 10, 13) }), settings, later)).toBe('none');
    expect(dueState(ticket({ status: 'rejected' }), settings, later)).toBe('none');
  });
});
