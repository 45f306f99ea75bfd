// Docs stay true: every KPI of the catalogue has its own row in docs/kpis.md, named as the catalogue
// names it, and the docs define no KPI the catalogue does not have.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHARGE_KPIS, COVERAGE_KPIS, KPI_CATALOGUE, TICKET_KPIS } from '../../src/domain/kpi';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'kpis.md'), 'utf8');
/** the KPI rows of the docs' tables: | `key` | 名称 | definition | */
const rows = [...doc.matchAll(/^\| `(\w+)` \| ([^|]+?) \| .+ \|$/gm)].map((m) => ({ key: m[1], zh: m[2] }));

describe('docs/kpis.md', () => {
  it.each(KPI_CATALOGUE.map((k) => [k.key, k.zh]))('defines %s, named %s', (key, zh) => {
    expect(rows.filter((r) => r.key === key)).toEqual([{ key, zh }]);
  });

  it('defines no KPI the catalogue lacks', () => {
    expect(rows.map((r) => r.key).filter((key) => !KPI_CATALOGUE.some((k) => k.key === key))).toEqual([]);
  });

  it('lists each registry under its own heading', () => {
    const section = (name: string) => doc.slice(doc.indexOf(`(\`${name}\``), doc.indexOf('\n## ', doc.indexOf(`(\`${name}\``)));
    for (const [name, registry] of [['TICKET_KPIS', TICKET_KPIS], ['CHARGE_KPIS', CHARGE_KPIS], ['COVERAGE_KPIS', COVERAGE_KPIS]] as const) {
      const keys = [...section(name).matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
      expect([name, [...keys].sort()]).toEqual([name, Object.keys(registry).sort()]);
    }
  });
});
