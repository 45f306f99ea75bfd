// Date text in a daylight-saving gap or fold of some time zone: a wall-clock reading (PRODUCT.md: no
// zones), the same on every machine. Run as part of the suite, and again under America/New_York and
// Europe/London by timeZones.test.ts, where these very readings fall in the machine's own gap.
import { convertCell } from '../../src/domain/cells';
import { formatWallIso, parseWallText, wall } from '../../src/domain/time';

const datetime = { type: 'datetime' } as const;

describe('date text in a daylight-saving gap or fold', () => {
  it.each([
    // the hour New York skips (2026-03-08 02:00 → 03:00) and the one it repeats (11-01 01:00 twice)
    ['2026-03-08 02:30', wall(2026, 3, 8, 2, 30)],
    ['2026-03-08 02:00:00', wall(2026, 3, 8, 2, 0)],
    ['2026/3/8 2:30', wall(2026, 3, 8, 2, 30)],
    ['2026年3月8日 2点', wall(2026, 3, 8, 2, 0)],
    ['2026-11-01 01:30', wall(2026, 11, 1, 1, 30)],
    // the hour London skips (2026-03-29 01:00 → 02:00) and the one it repeats (10-25 01:00 twice)
    ['2026-03-29 01:30', wall(2026, 3, 29, 1, 30)],
    ['2026-03-29T01:59:59', wall(2026, 3, 29, 1, 59, 59)],
    ['2026.3.29 1:15', wall(2026, 3, 29, 1, 15)],
    ['2026-10-25 01:30', wall(2026, 10, 25, 1, 30)],
    // a whole day whose midnight a zone skips or repeats is still that day
    ['2026-03-08', wall(2026, 3, 8)],
    ['2026-03-29', wall(2026, 3, 29)],
  ])('reads %s as the wall-clock time it says', (text, expected) => {
    expect(parseWallText(text)).toBe(expected);
    expect(convertCell(datetime, text)).toEqual({ ok: true, value: expected });
  });

  it('still refuses a day or a time that no calendar has, in any zone', () => {
    for (const text of ['2026-02-29 02:30', '2026-03-08 24:00', '2026-03-29 01:60', '2026-3-08 2:30']) expect([text, parseWallText(text)]).toEqual([text, undefined]);
  });

  it('writes back what it read', () => {
    expect(formatWallIso(parseWallText('2026-03-08 02:30')!)).toBe('2026-03-08T02:30:00');
  });

  it('runs in the zone it was asked to (when timeZones.test.ts sets one): a zone where 02:30 on 2026-03-08 or 01:30 on 2026-03-29 does not exist', () => {
    const zone = process.env.DESKBOOK_TEST_TZ;
    if (zone === undefined) return; // the ordinary run, in whatever zone the machine has
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    // the machine's own clock skips the hour: a local 02:30 (New York) or 01:30 (London) comes out an hour later
    const gap = zone === 'America/New_York' ? new Date(2026, 2, 8, 2, 30) : new Date(2026, 2, 29, 1, 30);
    expect(gap.getHours()).toBe(zone === 'America/New_York' ? 3 : 2);
  });
});
