// The layer check: src/domain runs anywhere, so it imports nothing of a host and never reads the
// clock. The faces (task pane, CLI) are only reached from above.
import * as fs from 'node:fs';
import * as path from 'node:path';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const root = path.join(__dirname, '..', '..', 'src');

describe('layers', () => {
  const domainFiles = sources(path.join(root, 'domain'));

  it('has domain sources to check', () => {
    expect(domainFiles.length).toBeGreaterThan(5);
  });

  it.each(domainFiles.map((f) => [path.relative(root, f), f]))('%s imports nothing of a host', (_name, file) => {
    const allowed = (spec: string) =>
      spec.startsWith('.') ? !/\/(app|cli|taskpane)\//.test(path.resolve(path.dirname(file), spec) + '/') && !/workbook\/(file|office)/.test(spec) : /^(dayjs|pure-rand)(\/|$)/.test(spec);
    expect(imports(file).filter((s) => !allowed(s))).toEqual([]);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(\)|\bwindow\.|\bdocument\.|\bExcel\.|\bOffice\./);
  });

  it.each(sources(path.join(root, 'workbook')).map((f) => [path.relative(root, f), f]))('%s holds no business logic of the app or faces', (_name, file) => {
    expect(imports(file).filter((s) => /\/(app|cli|taskpane)(\/|$)/.test(s))).toEqual([]);
  });
});
