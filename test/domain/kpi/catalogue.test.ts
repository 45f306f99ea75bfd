// The KPI catalogue: one entry per KPI, everything else (the report's KPI tables, the pane's tiles,
// the docs) derived from it.
import { HEADLINE_KPIS, KPI_CATALOGUE, kpiEntry } from '../../../src/domain/kpi';

describe('the KPI catalogue', () => {
  it('has each key once, named in both languages, Chinese brackets full-width as on the sheets', () => {
    const keys = KPI_CATALOGUE.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of KPI_CATALOGUE) {
      expect([k.key, /\S/.test(k.zh), /\S/.test(k.en), /[()]/.test(k.zh)]).toEqual([k.key, true, true, false]);
    }
    for (const row of [...HEADLINE_KPIS.tickets, ...HEADLINE_KPIS.charges]) expect([row.zh, /[()]/.test(row.zh)]).toEqual([row.zh, false]);
  });

  it('shows a rate as a percentage, money as money, hours as hours', () => {
    const formats = { count: ['integer'], rate: ['percent', 'moneyPercent'], cents: ['money'], hours: ['hours'], table: ['integer', 'percent'], list: ['integer'] };
    for (const k of KPI_CATALOGUE) expect([k.key, formats[k.unit]]).toEqual([k.key, expect.arrayContaining([k.format])]);
  });

  it('lays out the ticket KPI table in reading order, the hours as three rows', () => {
    expect(HEADLINE_KPIS.tickets.map((r) => [r.key, r.part])).toEqual([
      ['received', null],
      ['resolved', null],
      ['backlog', null],
      ['onTimeResponse', null],
      ['onTimeResolution', null],
      ['resolutionHours', 'mean'],
      ['resolutionHours', 'median'],
      ['resolutionHours', 'p90'],
      ['callbackRate', null],
      ['satisfaction', null],
      ['validComplaintRate', null],
      ['repeatComplaintUnits', null],
      ['callbackCoverage', null],
    ]);
    expect(HEADLINE_KPIS.charges.map((r) => [r.key, r.part])).toEqual([
      ['collectionRate', null],
      ['collectionRateHouseholds', null],
      ['recovered', null],
      ['arrearsAtStart', 'total'],
      ['arrears', 'total'],
    ]);
  });

  it('names a row that shows a whole KPI as the KPI is named', () => {
    for (const row of [...HEADLINE_KPIS.tickets, ...HEADLINE_KPIS.charges]) {
      if (row.part === null) expect([row.zh, row.en]).toEqual([kpiEntry(row.key).zh, kpiEntry(row.key).en]);
    }
  });

  it('gives every headline row and every tile its own position', () => {
    for (const table of ['tickets', 'charges'] as const) {
      const at = KPI_CATALOGUE.flatMap((k) => (k.headline ?? []).filter((h) => h.table === table).map((h) => h.at));
      expect(new Set(at).size).toBe(at.length);
    }
    const tiles = KPI_CATALOGUE.filter((k) => k.tile !== undefined);
    expect(new Set(tiles.map((k) => k.tile)).size).toBe(tiles.length);
    // a tile shows one count or one rate
    for (const k of tiles) expect([k.key, ['count', 'rate'].includes(k.unit)]).toEqual([k.key, true]);
  });
});
