// The layer check: every import of every file under src/ (static, dynamic and type-only) goes the
// way the layer table (scripts/layers.js) allows, no imports go round in a circle, and src/domain runs
// anywhere: it imports nothing of a host and never reads the clock. The lint (eslint.config.js) reads
// the same table; this test also sees dynamic imports and resolves every specifier to its file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

interface Layer {
  readonly name: string;
  readonly paths: ReadonlyArray<string>;
  readonly may: ReadonlyArray<string>;
  readonly packages: ReadonlyArray<string>;
}

// eslint.config.js reads it too, so it stays plain JavaScript
const table: {
  LAYERS: ReadonlyArray<Layer>;
  layerOf(module: string): Layer | undefined;
  packageOf(specifier: string): string;
  mayImport(layer: Layer, target: Layer): boolean;
} = require('../scripts/layers.js');
const { LAYERS, layerOf, packageOf, mayImport } = table;

const root = path.join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier of a file: import, export … from, import(), require(), import('…') types. */
function specifiers(file: string): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, kind);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      out.push(ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : '<computed>');
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const [arg] = node.arguments;
      out.push(arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed>');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      out.push(ts.isStringLiteral(e) ? e.text : '<computed>');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** src-relative posix path without extension: src/workbook/file/index.ts → workbook/file/index */
const moduleOf = (file: string) => path.relative(root, file).split(path.sep).join('/').replace(/\.tsx?$/, '');

/** The file a relative specifier names, as TypeScript resolves it (x.ts, x.tsx, x/index.ts). */
function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base + '.ts', base + '.tsx', path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => fs.existsSync(f));
}

/** What a module may not import under the table: "spec (why)" for each breach. */
function breaches(module: string, specs: ReadonlyArray<string>): string[] {
  const layer = layerOf(module);
  if (!layer) return [`${module} is in no layer`];
  return specs.flatMap((spec) => {
    if (spec.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(module), spec));
      const to = target.startsWith('..') ? undefined : layerOf(target);
      if (!to) return [`${spec} (outside every layer)`];
      return mayImport(layer, to) ? [] : [`${spec} (${layer.name} may not import ${to.name})`];
    }
    return layer.packages.includes(packageOf(spec)) ? [] : [`${spec} (not a package of ${layer.name})`];
  });
}

/** Every import circle of a graph, each as its files from one back to itself. */
function cycles(graph: ReadonlyMap<string, ReadonlyArray<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

const files = sources(root);
const modules = files.map(moduleOf);
const imports = new Map(files.map((f) => [moduleOf(f), specifiers(f)]));

/** module → the modules it imports (relative specifiers resolved to their files) */
const graph = new Map<string, string[]>();
const unresolved: string[] = [];
for (const file of files) {
  const targets: string[] = [];
  for (const spec of imports.get(moduleOf(file)) ?? []) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(file, spec);
    if (target) targets.push(moduleOf(target));
    else unresolved.push(`${moduleOf(file)}: ${spec}`);
  }
  graph.set(moduleOf(file), [...new Set(targets)]);
}

/** The same graph with a folder below the top ones (domain/kpi, workbook/file, …) as one node. */
function folderGraph(): Map<string, string[]> {
  const node = (m: string) => (m.split('/').length > 2 ? path.posix.dirname(m) : m);
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const edges = out.get(node(from)) ?? new Set<string>();
    for (const t of targets) if (node(t) !== node(from)) edges.add(node(t));
    out.set(node(from), edges);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

const show = (circles: string[][]) => circles.map((c) => c.join(' → '));

describe('the layer table', () => {
  it('names only layers it defines', () => {
    const names = LAYERS.map((l) => l.name);
    expect(LAYERS.flatMap((l) => l.may).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('refuses what the drawing forbids', () => {
    expect(breaches('app/sample', ['../workbook/file', '../workbook/types'])).toEqual(['../workbook/file (app may not import workbook/file)']);
    expect(breaches('app/report', ['../taskpane/reportFormat', '../cli/strings', './load'])).toEqual([
      '../taskpane/reportFormat (app may not import taskpane)',
      '../cli/strings (app may not import cli)',
    ]);
    expect(breaches('domain/kpi/book', ['../../workbook/types', '../records', 'xlsx'])).toEqual([
      '../../workbook/types (domain may not import workbook)',
      'xlsx (not a package of domain)',
    ]);
    expect(breaches('workbook/file/read', ['../office/cells', '../types'])).toEqual(['../office/cells (workbook/file may not import workbook/office)']);
    expect(breaches('workbook/office', ['./file', './office/cells', './types'])).toEqual(['./file (workbook/office may not import workbook/file)']);
    expect(breaches('workbook/types', ['./office', '../domain/grid'])).toEqual(['./office (workbook may not import workbook/office)']);
    expect(breaches('taskpane/App', ['../cli/main', '../workbook/office', '../app/report'])).toEqual(['../cli/main (taskpane may not import cli)']);
    expect(breaches('cli/main', ['../taskpane/i18n', '../workbook/file'])).toEqual(['../taskpane/i18n (cli may not import taskpane)']);
  });

  it('finds a circle and names its files', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(show(cycles(g))).toEqual(['a → b → c → a']);
  });
});

describe('layers', () => {
  it('reads the whole of src', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
    expect(unresolved).toEqual([]);
    expect(modules.filter((m) => !layerOf(m))).toEqual([]);
  });

  it.each(modules)('%s imports only what its layer may', (module) => {
    expect(breaches(module, imports.get(module) ?? [])).toEqual([]);
  });

  it('has no import circle between files', () => {
    expect(show(cycles(graph))).toEqual([]);
  });

  it('has no import circle between folders', () => {
    expect(show(cycles(folderGraph()))).toEqual([]);
  });

  it.each(files.filter((f) => moduleOf(f).startsWith('domain/')).map((f) => [moduleOf(f), f]))('%s never reads the clock or a host', (_module, file) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(\)|\bwindow\.|\bdocument\.|\bExcel\.|\bOffice\./);
  });
});
