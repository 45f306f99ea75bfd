import { asOfFromSearch, nowIso, pinClock, pinnedAsOf } from '../../src/taskpane/clock';

describe("the pane's now", () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    // the machine's clock reads 2027-01-02 08:15 local time
    jest.useFakeTimers({ now: new Date(2027, 0, 2, 8, 15) });
  });
  afterEach(() => {
    jest.useRealTimers();
    warn.mockRestore();
    pinClock('');
  });

  it('is the moment ?asOf= names, with seconds', () => {
    expect(asOfFromSearch('?asOf=2026-11-25T17:30:00')).toBe('2026-11-25T17:30:00');
    expect(asOfFromSearch('?lang=zh&asOf=2026-11-25T17:30')).toBe('2026-11-25T17:30:00');
    expect(warn).not.toHaveBeenCalled();
  });

  it('is the machine clock when the page names no moment', () => {
    expect(asOfFromSearch('?lang=zh')).toBeNull();
    pinClock('?lang=zh');
    expect(pinnedAsOf()).toBeUndefined();
    expect(nowIso()).toBe('2027-01-02T08:15:00');
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores a malformed ?asOf=, or one naming no real day or time, with a warning', () => {
    for (const bad of ['2026-11-25', '2026-11-25 17:30', '25.11.2026 17:30', '2026-02-30T10:00', '2026-11-25T24:00', 'tomorrow', '']) {
      expect([bad, asOfFromSearch(`?asOf=${encodeURIComponent(bad)}`)]).toEqual([bad, null]);
    }
    expect(warn).toHaveBeenCalledTimes(7);
    expect(warn).toHaveBeenLastCalledWith("Deskbook: ignoring ?asOf=: expected a date-time such as 2026-11-25T17:30:00; the pane uses this machine's clock.");
  });

  it('stays at the pinned moment for everything the pane does', () => {
    pinClock('?asOf=2026-11-25T17:30');
    expect(nowIso()).toBe('2026-11-25T17:30:00');
    expect(pinnedAsOf()).toBe('2026-11-25T17:30:00');
    pinClock('?asOf=2026-13-01T00:00');
    expect(nowIso()).toBe('2027-01-02T08:15:00');
    expect(pinnedAsOf()).toBeUndefined();
  });
});
