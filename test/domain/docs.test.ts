// Docs stay true: every rule code in the registry is documented in docs/validation.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/domain/rules';

describe('docs/validation.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation.md'), 'utf8');
  it.each(RULES.map((r) => [r.code, r.sheet]))('documents %s on %s', (code, sheet) => {
    expect(doc).toMatch(new RegExp(`\\| \`${code}\` \\| ${sheet} \\|`));
  });
});
