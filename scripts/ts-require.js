// Loads TypeScript modules in plain Node, for `npm run soak`: each .ts file is transpiled on require
// (types dropped, nothing checked: `npm run typecheck` does that), so the soak runs the very module
// its test runs under jest, without a build step or another dependency.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
  });
  module._compile(outputText, filename);
};
