// Real workbooks written by Excel and other tools (../shared/fixtures/real, see its README) kept whole
// by every command that writes: set-up, validation marks, the four reports and the KPI sheet. Every
// part the commands do not own stays byte for byte; in the parts they change (workbook, content
// types, relationships, styles, the clerk's sheet with marks) every element of the clerk's is still
// there; Excel's strict checker finds nothing it did not find in the original; and the files that
// cannot be read are refused with a WorkbookError, the bytes untouched.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { runReport, writeKpiPivots } from '../../../src/app/report';
import { setUpWorkbook } from '../../../src/app/setup';
import { validateWorkbook } from '../../../src/app/validate';
import { FileWorkbook } from '../../../src/workbook/file';
import { WorkbookError } from '../../../src/workbook/types';
import { hasCheckXlsx, parts, tempDir } from '../../support/files';
import { newFindings } from '../../support/strict';

const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'real');
const files = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.xlsx')).sort() : [];
if (files.length === 0) console.warn(`${REAL} is absent: the real-workbook checks are skipped`);

/** The files no command can read, and why. */
const REFUSED: Record<string, WorkbookError['code']> = {
  'cal_pass_protected.xlsx': 'ENCRYPTED',
  'poi_duplicate-filename-case-insensitive.xlsx': 'CORRUPT',
  // Strict Open XML: read, never changed (the first write refuses)
  'cal_strict_iso_paths.xlsx': 'NOT_XLSX',
};

const AS_OF = '2026-11-25T17:30:00';
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Every start or empty tag of a part, as written (the multiset a changed part must still hold). */
function tags(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<(?![?!/])(?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
    // a list's count may grow; an element that became non-empty keeps its name and attributes
    const tag = m[0].replace(/\s+count="\d+"/, '').replace(/\s*\/>$/, '>');
    out.set(tag, (out.get(tag) ?? 0) + 1);
  }
  return out;
}

function lostTags(before: string, after: string): string[] {
  const now = tags(after);
  const lost: string[] = [];
  for (const [tag, n] of tags(before)) if ((now.get(tag) ?? 0) < n) lost.push(tag);
  return lost;
}

async function everyCommand(wb: FileWorkbook): Promise<void> {
  await setUpWorkbook(wb);
  await validateWorkbook(wb, { asOf: AS_OF, mark: true });
  for (const kind of ['daily', 'weekly', 'monthly', 'quarterly'] as const) await runReport(wb, { kind, asOf: AS_OF, generatedAt: AS_OF, write: true });
  await writeKpiPivots(wb);
}

(files.length ? describe : describe.skip)('real workbooks, after set-up, marks, every report and the KPI sheet', () => {
  const checker = files.length > 0 && hasCheckXlsx();

  it.each(files.filter((f) => f in REFUSED))('%s is refused with a clear reason, the file untouched', async (file) => {
    const original = new Uint8Array(readFileSync(join(REAL, file)));
    const copy = original.slice();
    let error: unknown;
    try {
      await everyCommand(FileWorkbook.open(copy));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe(REFUSED[file]);
    expect(Buffer.from(copy).equals(Buffer.from(original))).toBe(true);
  });

  it.each(files.filter((f) => !(f in REFUSED)))('%s keeps every part it does not own, and all of the clerk’s in those it does', async (file) => {
    const original = new Uint8Array(readFileSync(join(REAL, file)));
    const wb = FileWorkbook.open(original);
    await everyCommand(wb);
    const bytes = wb.toBytes();
    const before = parts(original);
    const after = parts(bytes);
    for (const name of Object.keys(before)) {
      expect([name, after[name] !== undefined]).toEqual([name, true]);
      if (Buffer.from(before[name]).equals(Buffer.from(after[name]))) continue;
      // a changed part is one of those the commands own a share of, and keeps every element it had
      expect([name, /^\[Content_Types\]\.xml$|(^|\/)_rels\/.*\.rels$|workbook\.xml$|styles\.xml$|worksheets\/sheet\d+\.xml$/.test(name)]).toEqual([name, true]);
      expect([name, lostTags(decode(before[name]), decode(after[name]))]).toEqual([name, []]);
    }
    if (checker) expect(newFindings(file, original, bytes)).toEqual([]);
  });
});
