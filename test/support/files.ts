// Shared by the file back end's tests: fixtures, zip inspection and the external checkers.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync } from 'fflate';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** Every part of a package, decompressed, by name. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const p = parts(bytes)[name];
  if (!p) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(p);
}

const tempDirs: string[] = [];

/** A fresh temporary directory, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deskbook-file-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const PYTHON = '/usr/bin/python3';

function available(what: string, check: () => boolean): boolean {
  if (check()) return true;
  const message = `${what} is not installed: the checks that need it are skipped`;
  if (process.env.CI) throw new Error(`${what} is required on CI (${message})`);
  console.warn(message);
  return false;
}

export function hasOpenpyxl(): boolean {
  return available('python3-openpyxl', () => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0);
}

export function hasSoffice(): boolean {
  return available('LibreOffice (soffice)', () => spawnSync('soffice', ['--version']).status === 0);
}

/** Run python code with the file path as argv[1]; its stdout parsed as JSON. */
export function python(code: string, file: string): unknown {
  return JSON.parse(execFileSync(PYTHON, ['-c', code, file], { encoding: 'utf8' }));
}

let sofficeProfile: string | undefined;

/**
 * Convert with LibreOffice in a profile of this test file's own (made by the first conversion, reused
 * by the next ones: making one costs a second or so; never shared by two files, which may run at
 * once); `to` is an extension, optionally with `:filter`.
 */
export function sofficeConvert(file: string, to: string, outDir: string): { status: number | null; output: string } {
  const profile = (sofficeProfile ??= `file://${tempDir()}/lo-profile`);
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 120000 },
  );
  const base = file.split('/').pop()!.replace(/\.xlsx$/, `.${to.split(':')[0]}`);
  return { status: run.status, output: join(outDir, base) };
}

export interface OpenpyxlSheet {
  headers: Array<string | null>;
  rows: number;
  tables: Record<string, string>;
  freeze: string | null;
  /** [sqref, type, formula1] */
  validations: string[][];
  charts: number;
  comments: Record<string, string>;
}

/** What openpyxl sees in a workbook: sheets with headers, tables, validations, charts, comments; names. */
export function openpyxlSummary(file: string): { sheets: string[]; names: string[]; bySheet: Record<string, OpenpyxlSheet> } {
  return python(
    `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
dn = wb.defined_names
names = list(dn.keys()) if hasattr(dn, 'keys') else [d.name for d in dn.definedName]
by = {}
for ws in wb.worksheets:
    by[ws.title] = {
        'headers': [c.value for c in ws[1]] if ws.max_row >= 1 else [],
        'rows': ws.max_row,
        'tables': {t: ws.tables[t].ref for t in ws.tables.keys()},
        'freeze': ws.freeze_panes,
        'validations': sorted([str(dv.sqref), dv.type, dv.formula1] for dv in ws.data_validations.dataValidation),
        'charts': len(ws._charts),
        'comments': {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment},
    }
print(json.dumps({'sheets': wb.sheetnames, 'names': names, 'bySheet': by}, ensure_ascii=False))
`,
    file,
  ) as { sheets: string[]; names: string[]; bySheet: Record<string, OpenpyxlSheet> };
}

export function hasPdftoppm(): boolean {
  return available('poppler-utils (pdftoppm)', () => spawnSync('pdftoppm', ['-v']).status === 0);
}

/** First page of a workbook as LibreOffice prints it, as a PNG at `dpi` (soffice -> PDF -> pdftoppm). */
export function renderFirstPagePng(file: string, outDir: string, dpi = 70): string {
  const { status, output: pdf } = sofficeConvert(file, 'pdf', outDir);
  if (status !== 0 || !existsSync(pdf)) throw new Error(`LibreOffice could not convert ${file} to PDF`);
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

/** ../shared/ooxml/check-xlsx.sh: the workbook checked the way Excel would (see its README). */
export const CHECK_XLSX = join(__dirname, '..', '..', '..', 'shared', 'ooxml', 'check-xlsx.sh');

/** Whether the Excel-strict checker can run here: shared/ beside the project, xmllint and lxml. Absent
 *  shared/ is a warning (it is test data, not part of the product); on CI its tools must be there. */
export function hasCheckXlsx(): boolean {
  if (!existsSync(CHECK_XLSX)) {
    console.warn(`${CHECK_XLSX} is absent: the Excel-strict checks are skipped`);
    return false;
  }
  return available('libxml2-utils and python3-lxml (for check-xlsx.sh)', () => spawnSync('xmllint', ['--version']).status === 0 && spawnSync(PYTHON, ['-c', 'import lxml']).status === 0);
}

/** The checker's findings on a workbook file: '' when Excel would open it without a repair prompt. */
export function checkXlsx(file: string): string {
  const run = spawnSync('bash', [CHECK_XLSX, file], { encoding: 'utf8', timeout: 120000 });
  return run.status === 0 ? '' : `${run.stdout}${run.stderr}`.trim() || `check-xlsx exited ${run.status}`;
}

/** First page of a workbook as LibreOffice prints it, as RGB pixels (soffice -> PDF -> pdftoppm's PPM). */
export function renderFirstPagePixels(file: string, outDir: string, dpi = 70): { width: number; height: number; rgb: Uint8Array } {
  const { status, output: pdf } = sofficeConvert(file, 'pdf', outDir);
  if (status !== 0 || !existsSync(pdf)) throw new Error(`LibreOffice could not convert ${file} to PDF`);
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // P6 <width> <height> <max>\n then the pixels
  const head = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('pdftoppm wrote no PPM');
  return { width: Number(head[1]), height: Number(head[2]), rgb: new Uint8Array(ppm.subarray(head[0].length)) };
}

/** How many pixels are within a small distance of a colour (#RRGGBB). */
export function pixelsNear(rgb: Uint8Array, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < rgb.length; i += 3) if (Math.abs(rgb[i] - r) + Math.abs(rgb[i + 1] - g) + Math.abs(rgb[i + 2] - b) < 12) n++;
  return n;
}
