// Lint of src/: the layer table (scripts/layers.js) as no-restricted-imports, folder by folder, and
// typescript-eslint's recommended rules (none needs type information, so it stays fast).
// test/layers.test.ts checks the same table on the resolved import graph (dynamic imports too, which
// no-restricted-imports does not see) and that no imports go round in a circle.
const fs = require('node:fs');
const path = require('node:path');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const { LAYERS, layerOf } = require('./scripts/layers');

const SRC = path.join(__dirname, 'src');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every folder under src/, posix, relative to src/: app, domain, domain/kpi, … */
function allFolders() {
  const below = (dir) =>
    fs
      .readdirSync(path.join(SRC, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => {
        const d = dir ? `${dir}/${e.name}` : e.name;
        return [d, ...below(d)];
      });
  return below('');
}

/**
 * The imports a file in `folder` of `layer` may not write: a specifier reaching a layer it may not
 * import (as written from that folder: '../workbook/file', './office'), or a package not its own.
 */
function restrictions(folder, layer) {
  const patterns = [];
  for (const other of LAYERS) {
    if (other === layer || layer.may.includes(other.name)) continue;
    for (const p of other.paths) {
      const rel = path.posix.relative(folder, p);
      const written = rel.startsWith('..') ? escape(rel) : `\\./${escape(rel)}`;
      patterns.push({ regex: `^${written}(/|$)`, message: `${layer.name} may not import ${other.name} (scripts/layers.js).` });
    }
  }
  const own = layer.packages.map((p) => `${escape(p)}(/|$)`).join('|');
  patterns.push({
    regex: own ? `^(?!\\.|${own})` : '^(?!\\.)',
    message: layer.packages.length
      ? `${layer.name} may import only the packages ${layer.packages.join(', ')} (scripts/layers.js).`
      : `${layer.name} may import no package (scripts/layers.js).`,
  });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

/** One block per folder of src/, then one per module that is a layer of its own (workbook/office.ts). */
function layerBlocks() {
  const blocks = [];
  for (const folder of allFolders()) {
    const layer = layerOf(`${folder}/_`); // the layer of a file in that folder
    if (layer) blocks.push({ files: [`src/${folder}/*.ts`, `src/${folder}/*.tsx`], rules: restrictions(folder, layer) });
  }
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      if (fs.existsSync(path.join(SRC, `${p}.ts`))) blocks.push({ files: [`src/${p}.ts`], rules: restrictions(path.posix.dirname(p), layer) });
    }
  }
  return blocks;
}

module.exports = defineConfig([
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    extends: [tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-compare': 'error',
      'no-unsafe-finally': 'error',
      // off until their few findings are fixed where they are (kpi/index.ts, workbook/file: `void a, void b`)
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  ...layerBlocks(),
]);
