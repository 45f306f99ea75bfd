// Docs stay true: every registered KPI is defined in docs/kpis.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHARGE_KPIS, COVERAGE_KPIS, TICKET_KPIS } from '../../src/domain/kpi';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'kpis.md'), 'utf8');
const documented = [...doc.matchAll(/`(\w+)`/g)].map((m) => m[1]);

describe('docs/kpis.md', () => {
  it.each(Object.keys({ ...TICKET_KPIS, ...CHARGE_KPIS, ...COVERAGE_KPIS }))('defines %s', (key) => {
    expect(documented).toContain(key);
  });
});
