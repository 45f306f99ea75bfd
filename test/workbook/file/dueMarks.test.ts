// The due colours of ticket rows in a file: a very-hidden mark sheet of their own, two x14 rules on
// the ticket sheet numbered after every other rule (a problem mark shows over them, whichever was
// written first), nothing else of the package changed, nothing at all when the colours are as they
// were; the file passes the Excel-strict check and LibreOffice paints the rows.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { markDue } from '../../../src/app/due';
import { validateWorkbook } from '../../../src/app/validate';
import { FileWorkbook } from '../../../src/workbook/file';
import { DUE_MARKS, markSheetName, PROBLEM_MARKS } from '../../../src/workbook/marks';
import { AS_OF, writeFixture } from '../../app/dueFixture';
import { checkXlsx, hasCheckXlsx, hasPdftoppm, hasSoffice, parts, pixelsNear, renderFirstPagePixels, tempDir } from '../../support/files';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function fixture(): Promise<FileWorkbook> {
  const wb = FileWorkbook.create();
  await writeFixture(wb);
  return FileWorkbook.open(wb.toBytes());
}

/** The ticket sheet's part: the one whose sheet is named 工单 in workbook.xml. */
function ticketPart(bytes: Uint8Array): string {
  const p = parts(bytes);
  const rid = /<sheet name="工单" sheetId="\d+" r:id="(rId\d+)"/.exec(decode(p['xl/workbook.xml']))![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(decode(p['xl/_rels/workbook.xml.rels']))![1];
  return decode(p[`xl/${target.replace(/^\/?xl\//, '')}`]);
}

/** Our rules in the ticket sheet's part: [priority, formula (as XML), dxf]. */
function rules(xml: string): string[][] {
  return [...xml.matchAll(/<x14:cfRule type="expression" priority="(\d+)" id="\{[0-9A-F-]+\}"><xm:f>([^<]*)<\/xm:f><x14:dxf>(.*?)<\/x14:dxf>/g)].map((m) => [m[1], m[2], m[3]]);
}

const due = markSheetName('工单', DUE_MARKS);
const problems = markSheetName('工单', PROBLEM_MARKS);
const fill = (hex: string) => `<fill><patternFill><bgColor rgb="FF${hex.slice(1)}"/></patternFill></fill>`;

describe('due colours in a file', () => {
  it('adds a very-hidden sheet of their own and two rules, changing nothing else', async () => {
    const wb = await fixture();
    const before = wb.toBytes();
    expect((await markDue(wb, { asOf: AS_OF })).changed).toBe(true);
    const after = wb.toBytes();
    expect(rules(ticketPart(after))).toEqual([
      ['1', `${due}!$A1="4|"&amp;$A1`, fill(DUE_MARKS.style.overdue.fill)],
      ['2', `${due}!$A1="3|"&amp;$A1`, fill(DUE_MARKS.style.dueSoon.fill)],
    ]);
    const a = parts(before);
    const b = parts(after);
    const changed = Object.keys(b).filter((n) => !a[n] || decode(a[n]) !== decode(b[n]));
    const ticketSheet = changed.find((n) => decode(b[n]).includes('<x14:cfRule'));
    const markSheet = changed.find((n) => decode(b[n]).includes('4|T01'));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', ticketSheet, markSheet].sort());
    expect(decode(b['xl/workbook.xml'])).toMatch(new RegExp(`<sheet name="${due}" sheetId="\\d+" state="veryHidden" r:id="rId\\d+"/>`));
    // every cell of the ticket sheet's data as it was: the part changed only from its extLst on
    const data = (xml: string) => xml.slice(0, xml.indexOf('</sheetData>'));
    expect(data(decode(b[ticketSheet!]))).toBe(data(decode(a[ticketSheet!])));
    // the marks: column A of the row they colour (T01 on row 2, T03 on 4, T05 on 6, T07 on 8, T14 on 15)
    expect([...decode(b[markSheet!]).matchAll(/<c r="(A\d+)"[^>]*><is><t>([^<]*)<\/t>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['A2', '4|T01'],
      ['A4', '3|T03'],
      ['A6', '3|T05'],
      ['A8', '4|T07'],
      ['A15', '4|T14'],
    ]);
    expect((await FileWorkbook.open(after).listSheets()).map((s) => s.name)).toEqual(['工单']);
  });

  it('leaves the file byte for byte when the colours are as they were, and clears them when none is due', async () => {
    const wb = await fixture();
    await markDue(wb, { asOf: AS_OF });
    const bytes = wb.toBytes();
    const again = FileWorkbook.open(bytes);
    expect((await markDue(again, { asOf: AS_OF })).changed).toBe(false);
    expect(Buffer.from(again.toBytes()).equals(Buffer.from(bytes))).toBe(true);
    // at 11-20 09:30 only T09 is there, its response due 11-21 09:00: no colours; the rules stay
    expect(await markDue(again, { asOf: '2026-11-20T09:30' })).toMatchObject({ overdue: 0, dueSoon: 0, changed: true });
    const cleared = again.toBytes();
    expect(await FileWorkbook.open(cleared).readRowMarks('工单')).toEqual([]);
    expect(rules(ticketPart(cleared))).toHaveLength(2);
  });

  it.each([
    ['validation first', ['validate', 'due']],
    ['colours first', ['due', 'validate']],
  ])('numbers the colours after the problem marks (%s)', async (_name, order) => {
    let wb = await fixture();
    for (const step of order) {
      if (step === 'due') await markDue(wb, { asOf: AS_OF });
      else await validateWorkbook(wb, { asOf: AS_OF, mark: true });
      wb = FileWorkbook.open(wb.toBytes());
    }
    const byFormula = new Map(rules(ticketPart(wb.toBytes())).map(([priority, formula]) => [formula, Number(priority)]));
    const problem = [...byFormula].filter(([f]) => f.startsWith(`${problems}!A1=`)).map(([, p]) => p);
    const colour = [...byFormula].filter(([f]) => f.startsWith(`${due}!$A1=`)).map(([, p]) => p);
    expect([problem.length, colour.length]).toEqual([2, 2]);
    expect(Math.max(...problem)).toBeLessThan(Math.min(...colour));
    expect(new Set(byFormula.values()).size).toBe(4); // no two rules share a priority
  });

  it('passes the Excel-strict check, and LibreOffice paints the rows and, over them, the problem marks', async () => {
    const wb = await fixture();
    await validateWorkbook(wb, { asOf: AS_OF, mark: true });
    await markDue(wb, { asOf: AS_OF });
    const file = join(tempDir(), 'due.xlsx');
    writeFileSync(file, wb.toBytes());
    if (hasCheckXlsx()) expect(checkXlsx(file)).toBe('');
    if (hasSoffice() && hasPdftoppm()) {
      const page = renderFirstPagePixels(file, tempDir(), 70);
      expect(pixelsNear(page.rgb, DUE_MARKS.style.overdue.fill)).toBeGreaterThan(50);
      expect(pixelsNear(page.rgb, DUE_MARKS.style.dueSoon.fill)).toBeGreaterThan(50);
      expect(pixelsNear(page.rgb, PROBLEM_MARKS.style.error.fill)).toBeGreaterThan(50);
    }
  });
});
