// The pane waits for office.js only where Office may be its host; a browser tab runs standalone at once.
import { HostHints, officeHostHinted } from '../../src/taskpane/host';

const tab: HostHints = { search: '', hash: '', windowName: '', storedHostInfo: null, framed: false, hostInfoApi: false };

describe('signs of an Office host before office.js has arrived', () => {
  it('finds none in a plain browser tab, whatever else the URL says', () => {
    expect(officeHostHinted(tab)).toBe(false);
    expect(officeHostHinted({ ...tab, search: '?lang=en&asOf=2026-11-25T17:30:00', windowName: 'not json' })).toBe(false);
    expect(officeHostHinted({ ...tab, windowName: '{"other":1}' })).toBe(false);
  });

  it("finds the _host_Info Office adds to the page's URL (desktop, web, Mac)", () => {
    expect(officeHostHinted({ ...tab, search: '?_host_Info=Excel$Win32$16.01$en-US$$$$0' })).toBe(true);
    expect(officeHostHinted({ ...tab, search: '?lang=zh&_host_Info=Excel$Mac$16.01$zh-CN$$$$0' })).toBe(true);
    expect(officeHostHinted({ ...tab, hash: '#_host_Info=Excel$Web$16.00$en-US$$$$0' })).toBe(true);
  });

  it('finds the frame of Office on the web, its window name, what office.js kept, and older webviews', () => {
    expect(officeHostHinted({ ...tab, framed: true })).toBe(true);
    expect(officeHostHinted({ ...tab, windowName: '{"hostInfo":"Excel|Web|16.00|en-US"}' })).toBe(true);
    expect(officeHostHinted({ ...tab, storedHostInfo: 'Excel$Web$16.00$en-US$$$$0' })).toBe(true);
    expect(officeHostHinted({ ...tab, hostInfoApi: true })).toBe(true);
  });
});
