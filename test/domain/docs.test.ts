// Docs stay true: every rule code in the registry is documented in docs/validation.md; every sheet
// column, enumeration and Settings parameter in docs/sheets.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENUMS } from '../../src/domain/enums';
import { RULES } from '../../src/domain/rules';
import { ALL_SHEETS } from '../../src/domain/schema';
import { defaultSettings, settingsRows } from '../../src/domain/settings';

describe('docs/validation.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation.md'), 'utf8');
  it.each(RULES.map((r) => [r.code, r.sheet]))('documents %s on %s', (code, sheet) => {
    expect(doc).toMatch(new RegExp(`\\| \`${code}\` \\| ${sheet} \\|`));
  });
});

describe('docs/sheets.md', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'sheets.md'), 'utf8');
  const columns = ALL_SHEETS.flatMap((s) => s.columns.map((c) => [s.key, c.key, c.zh, c.en, c.required ? 'yes' : ''] as const));
  it.each(columns)('documents the %s column %s with its headers', (_sheet, key, zh, en, required) => {
    expect(doc).toMatch(new RegExp(`\\| \`${key}\` \\| ${zh.replace(/[()（）]/g, '.')} \\| ${en.replace(/[()]/g, '.')} \\| [^|]+ \\| ${required} \\|`));
  });
  it.each(Object.entries(ENUMS))('documents the %s enumeration with every value', (name, values) => {
    expect(doc).toContain(`| \`${name}\` | ${values.map((v) => `${v.zh} / ${v.en}`).join(' · ')} |`);
  });
  it.each(settingsRows(defaultSettings('zh'), 'zh').filter((r) => typeof r[0] === 'string' && r[0] !== '').map((r) => [r[0] as string, r[1]]))('documents the setting %s with its default', (name, value) => {
    expect(doc).toContain(`| ${name} | `);
    expect(doc).toMatch(new RegExp(`\\| ${String(name).replace(/[()]/g, '.')} \\| [^|]+ \\| ${String(value)} \\|`));
  });
});
