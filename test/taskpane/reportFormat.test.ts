// The Reports tab's tiles: which KPIs, in which order, named and formatted as the KPI catalogue says,
// each showing the report JSON's own figure.
import { KPI_CATALOGUE, runReport } from '../../src/app/report';
import { buildSampleWorkbook } from '../support/sample';
import { STRINGS } from '../../src/taskpane/i18n';
import { kpiName, tileDefs, tileFigure, tileRatio, tileValue } from '../../src/taskpane/reportFormat';

describe('the pane tiles', () => {
  const tiles = tileDefs(KPI_CATALOGUE);

  it("are the catalogue's tile KPIs in its tile order", () => {
    expect(tiles.map((t) => t.key)).toEqual([
      'received', 'resolved', 'backlog', 'onTimeResponse', 'onTimeResolution', 'callbackRate', 'satisfaction', 'collectionRate',
    ]);
  });

  it("carry the catalogue's names, better-way and format", () => {
    for (const t of tiles) {
      const k = KPI_CATALOGUE.find((e) => e.key === t.key)!;
      expect({ key: t.key, zh: t.zh, en: t.en, better: t.better, format: t.format }).toEqual({ key: k.key, zh: k.zh, en: k.en, better: k.better, format: k.format });
      expect([kpiName(KPI_CATALOGUE, t.key, 'zh'), kpiName(KPI_CATALOGUE, t.key, 'en')]).toEqual([k.zh, k.en]);
    }
    expect(tiles.find((t) => t.key === 'collectionRate')).toMatchObject({ zh: '收缴率（金额）', en: 'Collection rate (amount)', format: 'moneyPercent', better: 'up' });
    expect(tiles.find((t) => t.key === 'backlog')).toMatchObject({ zh: '未结', en: 'Backlog', better: 'down' });
    expect(tiles.find((t) => t.key === 'received')?.better).toBeNull();
  });

  it("take no KPI name from the pane's string tables", () => {
    const names = new Set(KPI_CATALOGUE.flatMap((k) => [k.zh, k.en]));
    for (const lang of ['zh', 'en'] as const) {
      expect(Object.keys(STRINGS[lang])).not.toContain('kpiLabel');
      const texts = Object.values(STRINGS[lang]).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'object' ? Object.values(v) : []));
      expect(texts.filter((v) => names.has(v as string))).toEqual([]);
    }
  });

  it("show the report JSON's figures, formatted by the catalogue's format", async () => {
    const wb = await buildSampleWorkbook({ asOf: '2026-11-25T17:30:00', plant: false });
    const { json } = await runReport(wb, { kind: 'monthly', period: '2026-10', asOf: '2026-11-25T17:30:00', lang: 'zh' });
    const figures = Object.fromEntries(tiles.map((t) => [t.key, [tileFigure(t, json), tileFigure(t, json.previous)]]));
    expect(figures).toEqual({
      received: [json.tickets.received, json.previous.tickets.received],
      resolved: [json.tickets.resolved, json.previous.tickets.resolved],
      backlog: [json.tickets.backlog, json.previous.tickets.backlog],
      onTimeResponse: [json.tickets.onTimeResponse, json.previous.tickets.onTimeResponse],
      onTimeResolution: [json.tickets.onTimeResolution, json.previous.tickets.onTimeResolution],
      callbackRate: [json.tickets.callbackRate, json.previous.tickets.callbackRate],
      satisfaction: [json.tickets.satisfaction, json.previous.tickets.satisfaction],
      collectionRate: [json.charges.collectionRate, json.previous.charges.collectionRate],
    });
    const byKey = (key: string) => tiles.find((t) => t.key === key)!;
    const c = json.charges.collectionRate;
    // money: integer cents as yuan with two decimals; counts with grouping
    const yuan = (cents: number) => (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(tileRatio(byKey('collectionRate'), c, 'zh')).toBe(`${yuan(c.num)} / ${yuan(c.den)}`);
    const r = json.tickets.onTimeResolution;
    expect(tileRatio(byKey('onTimeResolution'), r, 'zh')).toBe(`${r.num.toLocaleString('zh-CN')} / ${r.den.toLocaleString('zh-CN')}`);
    expect(tileValue(byKey('onTimeResolution'), r, 'en')).toBe(`${(r.rate! * 100).toFixed(1)}%`);
    expect(tileValue(byKey('received'), json.tickets.received, 'en')).toBe(json.tickets.received.toLocaleString('en-US'));
  });
});
