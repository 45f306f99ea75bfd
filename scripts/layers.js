// The layers of src/ as drawn in docs/architecture.md, as one table: which layer may import which,
// and which packages each may use. Two readers: eslint.config.js turns it into no-restricted-imports
// per folder (fast, in the editor), test/layers.test.ts checks every import of every file against it
// (dynamic and type-only imports too) and checks that no imports go round in a circle.
//
//   domain ← workbook (the interface) ← app ← faces (taskpane, cli)
//   workbook/file and workbook/office: the two back ends, each on the interface, never on each other;
//   only a face picks one.

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {string[]} paths  under src/, without extension: a folder, or a module such as
 *   workbook/office (office.ts and the office/ folder); the longest matching path claims a file
 * @property {string[]} may  the other layers it may import (a layer may always import itself)
 * @property {string[]} packages  the npm packages (and node: built-ins) it may import
 */

/** @type {Layer[]} */
const LAYERS = [
  { name: 'domain', paths: ['domain'], may: [], packages: ['dayjs', 'pure-rand'] },
  // types.ts and the back-end-neutral helpers (a1.ts, marks.ts, reportLooks.ts)
  { name: 'workbook', paths: ['workbook'], may: ['domain'], packages: [] },
  { name: 'workbook/file', paths: ['workbook/file'], may: ['domain', 'workbook'], packages: ['xlsx', 'fflate'] },
  { name: 'workbook/office', paths: ['workbook/office'], may: ['domain', 'workbook'], packages: [] },
  // use cases see the Workbook interface only, never which back end is behind it
  { name: 'app', paths: ['app'], may: ['domain', 'workbook'], packages: ['dayjs'] },
  {
    name: 'taskpane',
    paths: ['taskpane'],
    may: ['domain', 'workbook', 'workbook/file', 'workbook/office', 'app'],
    packages: ['react', 'react-dom', '@fluentui/react-components'],
  },
  {
    name: 'cli',
    paths: ['cli'],
    may: ['domain', 'workbook', 'workbook/file', 'workbook/office', 'app'],
    packages: ['commander', 'cli-progress', 'node:fs', 'node:path', 'node:os', 'node:crypto'],
  },
];

const within = (module, p) => module === p || module.startsWith(p + '/');

/** The layer of a module path under src/ (posix, without extension), or undefined. */
function layerOf(module) {
  let best;
  let bestLength = -1;
  for (const layer of LAYERS) {
    for (const p of layer.paths) {
      if (within(module, p) && p.length > bestLength) {
        best = layer;
        bestLength = p.length;
      }
    }
  }
  return best;
}

/** The package a bare specifier names: `@scope/name`, `name` (`dayjs/plugin/utc` → dayjs), `node:fs`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** May `layer` import `target` (a layer)? */
function mayImport(layer, target) {
  return target === layer || layer.may.includes(target.name);
}

module.exports = { LAYERS, layerOf, packageOf, mayImport };
