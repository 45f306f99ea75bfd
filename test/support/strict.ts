// Excel's strict checker (../shared/ooxml) run on a changed real workbook and on its original: what
// the change brought that was not there before. For workbooks nobody here made, which may carry
// findings of their own (a real file's shared strings, its own conditional formats).
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { CHECK_XLSX, parts, PYTHON, tempDir } from './files';

const OOXML = dirname(CHECK_XLSX);

/** Findings as comparable lines: no temporary paths, line numbers or entry counts. */
function lines(text: string, base: string): Set<string> {
  return new Set(
    text
      .split(/\n|; /)
      .map((l) => l.split(base).join('').replace(/\/tmp\/tmp\.\w+\/?/g, '').replace(/:\d+:/g, ':').replace(/ \(\d+ entries\)/, '').trim())
      .filter((l) => l !== '' && !/^\S+\.xlsx?$/.test(l)),
  );
}

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120000 });
  return `${r.stdout}${r.stderr}`;
}

/** The parts `names` of a package, unpacked into a new folder. */
function unpack(files: Record<string, Uint8Array>, names: ReadonlyArray<string>): string {
  const dir = tempDir();
  for (const name of names.filter((n) => !n.endsWith('/'))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), files[name]);
  }
  return dir;
}

/**
 * check-xlsx.sh's three checks, compared as Excel would meet the file before and after: the zip
 * container and the package-wide rules on the whole file; the schemas on the clerk's parts that
 * changed (a part copied byte for byte has the findings it had; the parts the commands create are
 * schema-checked whole in excelStrict.test.ts, and checking them again per file tripled the time).
 */
export function newFindings(file: string, original: Uint8Array, bytes: Uint8Array): string[] {
  const before = parts(original);
  const after = parts(bytes);
  const changed = Object.keys(after).filter((n) => before[n] && !Buffer.from(before[n]).equals(Buffer.from(after[n])));
  const dir = tempDir();
  const was = join(dir, `before-${file}`);
  const now = join(dir, file);
  writeFileSync(was, original);
  writeFileSync(now, bytes);
  const oldDir = unpack(before, Object.keys(before));
  const newDir = unpack(after, Object.keys(after));
  const schema = (d: string) => lines(run('bash', [join(OOXML, 'xsdcheck.sh'), d]).split('\n').filter((l) => !/\tvalid|not XML-schema checked/.test(l)).join('\n'), d);
  const old = new Set([
    ...lines(run(PYTHON, [join(OOXML, 'zipcheck.py'), was]), was),
    ...lines(run(PYTHON, [join(OOXML, 'semcheck.py'), oldDir]).split('\n').filter((l) => /^(ERROR|WARN)/.test(l)).join('\n'), oldDir),
    ...schema(unpack(before, changed)),
  ]);
  const found = [
    ...lines(run(PYTHON, [join(OOXML, 'zipcheck.py'), now]), now),
    ...lines(run(PYTHON, [join(OOXML, 'semcheck.py'), newDir]).split('\n').filter((l) => /^(ERROR|WARN)/.test(l)).join('\n'), newDir),
    ...schema(unpack(after, changed)),
  ];
  return found.filter((f) => !old.has(f) && f !== "OK");
}

