// Column widths of the sheets the add-in creates: the schema's width, grown to fit the header and the
// text the sheet is created with (an English name is longer than a Chinese one), never past 30.
import { defaultSettings } from '../../src/domain/settings';
import { TICKETS } from '../../src/domain/schema';
import { displayWidth, sheetSpec } from '../../src/app/layout';
import type { Cell } from '../../src/domain/grid';

const CONTACT = TICKETS.columns.findIndex((c) => c.key === 'contact');
const DESCRIPTION = TICKETS.columns.findIndex((c) => c.key === 'description');

function rowWith(values: Record<number, Cell>): Cell[] {
  const row = new Array<Cell>(TICKETS.columns.length).fill(null);
  for (const [i, v] of Object.entries(values)) row[Number(i)] = v;
  return row;
}

function widths(lang: 'zh' | 'en', rows: Cell[][]) {
  const spec = sheetSpec(TICKETS, lang, defaultSettings(lang), new Set(), rows, 'tblTickets');
  return spec.columns.map((c) => c.width);
}

describe('created column widths', () => {
  it('counts a CJK character as two digits wide', () => {
    expect(displayWidth('Michael Nelson')).toBe(14);
    expect(displayWidth('王先生')).toBe(6);
    expect(displayWidth('3-1502 王')).toBe(9);
  });

  it('widens the contact column for English names and keeps the schema width for Chinese ones', () => {
    expect(TICKETS.columns[CONTACT].width).toBe(10);
    expect(widths('en', [rowWith({ [CONTACT]: 'Michael Nelson' }), rowWith({ [CONTACT]: 'Ann Lee' })])[CONTACT]).toBe(15);
    expect(widths('zh', [rowWith({ [CONTACT]: '王先生' })])[CONTACT]).toBe(10);
  });

  it('grows no column past 30 for long text, and never shrinks one below its schema width', () => {
    const long = 'x'.repeat(200);
    const w = widths('en', [rowWith({ [CONTACT]: long, [DESCRIPTION]: long })]);
    expect(w[CONTACT]).toBe(30);
    expect(w[DESCRIPTION]).toBe(36); // the schema's, already wider
  });

  it('fits an English header longer than the schema width', () => {
    const w = widths('en', []);
    TICKETS.columns.forEach((c, i) => expect(w[i]).toBeGreaterThanOrEqual(Math.max(c.width, Math.min(c.en.length + 1, 30))));
  });
});
