// The streaming reader against SheetJS, cell for cell, on workbooks other tools wrote: the demo
// workbook, SheetJS's own (shared and inline strings), openpyxl's (and in the 1904 date system),
// LibreOffice's, and every real workbook of ../shared/fixtures/real; each sheet also scanned with its
// parts cut into chunks of every size from 1 byte up and at arbitrary places. Any difference is a bug.
// And the use cases above the interface (the four reports, validation) come out the same either way.
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { runReport } from '../../../src/app/report';
import { validateWorkbook } from '../../../src/app/validate';
import { FileWorkbook } from '../../../src/workbook/file';
import { WorkbookError } from '../../../src/workbook/types';
import { hasOpenpyxl, hasSoffice, PYTHON, sofficeConvert, tempDir } from '../../support/files';
import { buildSampleWorkbook } from '../../support/sample';
import { cutAt, readAll, scan, scanInputs } from '../../support/stream';

const AS_OF = '2026-11-25T17:30';
const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real');
const realFiles = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.xlsx')).sort() : [];
if (realFiles.length === 0) console.warn(`${REAL} is absent: the real workbooks are not read against SheetJS`);

/** What a reader made of a file: its grids, or the error it gave. */
async function outcome(bytes: Uint8Array, reader: 'stream' | 'sheetjs') {
  try {
    return await readAll(bytes, reader);
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return { error: [e.code, e.reason, e.params] };
  }
}

/** Both readers give the same; the streaming one did stream (unless `fallback` says it may not). */
async function sameAsSheetJS(bytes: Uint8Array, fallback = false): Promise<void> {
  const streamed = await outcome(bytes, 'stream');
  const sheetjs = await outcome(bytes, 'sheetjs');
  expect(streamed).toEqual({ ...sheetjs, ...('used' in sheetjs ? { used: fallback && 'used' in streamed ? streamed.used : 'stream' } : {}) });
}

/** Each sheet scanned with its parts (sheet, strings) cut into every chunk size 1..`sizes`, and at
 *  `runs` arbitrary sets of places: always the grid the whole parts give. */
function chunkInvariant(bytes: Uint8Array, sizes: number, runs: number): void {
  for (const { part, input } of scanInputs(bytes)) {
    const whole = scan(input, (b) => [b]);
    // the fast path for whole cells reads what the tags read
    expect({ part, tagByTag: scan(input, (b) => [b], { fastCells: false }) }).toEqual({ part, tagByTag: whole });
    if (whole.grid === null) continue; // a sheet SheetJS reads instead
    const everySize = Math.min(sizes, input.sheet.length);
    for (let size = 1; size <= everySize; size++) {
      const bySize = (b: Uint8Array) => cutAt(b, Array.from({ length: Math.ceil(b.length / size) }, (_, i) => i * size));
      const got = scan(input, bySize);
      if (JSON.stringify(got) !== JSON.stringify(whole)) expect({ part, size, got }).toEqual({ part, size, got: whole });
    }
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: input.sheet.length }), { maxLength: 200 }), fc.uniqueArray(fc.nat({ max: input.strings?.length ?? 0 }), { maxLength: 100 }), (sheetCuts, stringCuts) => {
        const cut = (b: Uint8Array) => cutAt(b, [...(b === input.sheet ? sheetCuts : stringCuts)].sort((x, y) => x - y));
        expect(scan(input, cut)).toEqual(whole);
      }),
      { numRuns: runs },
    );
  }
}

/** A SheetJS workbook of every plain kind of value, strings shared or not. */
function sheetjsWorkbook(bookSST: boolean): Uint8Array {
  const rows: unknown[][] = [['编号', 'Name', 'amount', 'ok', 'when', 'note']];
  for (let i = 0; i < 400; i++) {
    rows.push([
      `GD-${String(i).padStart(5, '0')}`,
      i % 7 === 0 ? `A&B <${i}> "q" 'a'` : `客户${i}-${i % 13}号 😀`,
      i % 3 === 0 ? i * 1.25 : -i / 7,
      i % 2 === 0,
      46000 + i / 24,
      i % 5 === 0 ? null : i % 11 === 0 ? '  leading and trailing  ' : `line\nbreak ${i}`,
    ]);
  }
  rows.push([], [null, null, 1e21, 1e-7, 123456789.123456789, 'x_x000D_y']);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['G3'] = { t: 'e', v: 0x07 };
  ws['H5'] = { t: 'n', v: 3, f: 'SUM(1,2)' };
  ws['!ref'] = 'A1:H403';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '数据');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['only'], [1], [null], [true]]), 'Second');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST }));
}

const OPENPYXL_WRITER = `
import sys, datetime, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
out, epoch = sys.argv[1], sys.argv[2]
wb = openpyxl.Workbook()
if epoch == '1904':
    wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = '工单'
ws.append(['工单号', '报修时间', '金额', '已回访', '备注', '时长'])
for i in range(300):
    ws.append([
        'GD-%05d' % i,
        datetime.datetime(2026, 1 + i % 12, 1 + i % 28, i % 24, (i * 7) % 60),
        round(i * 3.3, 2),
        i % 2 == 0,
        None if i % 4 == 0 else ('备注 %d & <b>' % i if i % 3 else '  spaced  '),
        datetime.time(i % 24, 30),
    ])
ws['H2'] = '普通 _x0041_ end'
ws['H3'] = '#N/A'
ws['H4'] = '=SUM(C2:C5)'
ws['J9'] = datetime.date(2026, 11, 25)
ws['Z400'] = 'far'
ws2 = wb.create_sheet('Second')
ws2['B2'] = 1.5
ws2['C3'] = 'x'
wb.save(out)
`;

describe('the streaming reader and SheetJS read the same', () => {
  it('the demo workbook', async () => {
    const bytes = (await buildSampleWorkbook({ asOf: AS_OF })).toBytes();
    await sameAsSheetJS(bytes);
    chunkInvariant(bytes, 3, 5);
  }, 300000);

  it('the demo workbook: the four reports and validation come out the same with either reader', async () => {
    const bytes = (await buildSampleWorkbook({ asOf: AS_OF })).toBytes();
    const results = async (reader: 'stream' | 'sheetjs') => {
      const out: unknown[] = [];
      for (const kind of ['daily', 'weekly', 'monthly', 'quarterly'] as const) {
        out.push((await runReport(FileWorkbook.open(bytes, { reader }), { kind, asOf: AS_OF, generatedAt: AS_OF })).json);
      }
      out.push(await validateWorkbook(FileWorkbook.open(bytes, { reader }), { asOf: AS_OF }));
      return out;
    };
    const streamed = await results('stream');
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(await results('sheetjs')));
    expect(streamed.length).toBe(5);
  }, 300000);

  it('the demo workbook with every string inline in its cell (t="inlineStr"), as some tools write them', async () => {
    const all = unzipSync((await buildSampleWorkbook({ asOf: AS_OF })).toBytes());
    const strings = [...strFromU8(all['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
    let inlined = 0;
    for (const name of Object.keys(all).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      all[name] = strToU8(
        strFromU8(all[name]).replace(/<c([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
          inlined++;
          return `<c${a} t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`;
        }),
      );
    }
    expect(inlined).toBeGreaterThan(10000);
    const bytes = zipSync(all);
    await sameAsSheetJS(bytes);
    chunkInvariant(bytes, 2, 3);
  }, 300000);

  it.each([true, false])('a SheetJS workbook (bookSST %s: shared strings or not)', async (bookSST) => {
    const bytes = sheetjsWorkbook(bookSST);
    await sameAsSheetJS(bytes);
    chunkInvariant(bytes, 64, 20);
  }, 300000);

  const openpyxl = hasOpenpyxl();
  (openpyxl ? it : it.skip).each(['1900', '1904'])('an openpyxl workbook (%s date system)', async (epoch) => {
    const file = join(tempDir(), `openpyxl-${epoch}.xlsx`);
    execFileSync(PYTHON, ['-c', OPENPYXL_WRITER, file, epoch]);
    const bytes = new Uint8Array(readFileSync(file));
    await sameAsSheetJS(bytes);
    chunkInvariant(bytes, 64, 20);
    if (epoch === '1904') {
      // J9 holds 2026-11-25: serial 46351 of the 1900 system, whatever the file counts from
      const { grids } = await readAll(bytes, 'stream');
      const g = grids[0];
      expect(g.rows[8 - g.originRow][9 - g.originCol]).toBe(46351);
    }
  }, 300000);

  (openpyxl && hasSoffice() ? it : it.skip)('a LibreOffice workbook (cached formula results, its shared strings)', async () => {
    const dir = tempDir();
    const source = join(dir, 'source.xlsx');
    execFileSync(PYTHON, ['-c', OPENPYXL_WRITER, source, '1900']);
    // LibreOffice will not write over its input: convert a copy from another folder
    const from = join(tempDir(), 'lo.xlsx');
    copyFileSync(source, from);
    const { status, output } = sofficeConvert(from, 'xlsx', dir);
    expect(status).toBe(0);
    const bytes = new Uint8Array(readFileSync(output));
    await sameAsSheetJS(bytes);
    chunkInvariant(bytes, 32, 10);
    // LibreOffice computed the formula: H4 = C2 + C3 + C4 + C5 = 0 + 3.3 + 6.6 + 9.9
    const { grids } = await readAll(bytes, 'stream');
    expect(grids[0].rows[3 - grids[0].originRow][7 - grids[0].originCol]).toBeCloseTo(19.8, 9);
    writeFileSync(join(dir, 'done'), '');
  }, 180000);

  (realFiles.length ? it : it.skip).each(realFiles)('the real workbook %s', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(REAL, file)));
    // strict Open XML and encrypted files are SheetJS's (or its error) by design
    await sameAsSheetJS(bytes, true);
    chunkInvariant(bytes, 16, 5);
  }, 300000);
});
