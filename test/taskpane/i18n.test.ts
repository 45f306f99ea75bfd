import fs from 'fs';
import path from 'path';
import { downloadName } from '../../src/taskpane/files';
import { pickLang, STRINGS } from '../../src/taskpane/i18n';

describe('the pane language', () => {
  it('is Chinese by default', () => {
    expect(pickLang({})).toBe('zh');
    expect(pickLang({ browserLanguage: 'zh-CN' })).toBe('zh');
    expect(pickLang({ browserLanguage: 'fr-FR' })).toBe('zh');
  });

  it("is English when Office's display language starts with en, whatever the browser says", () => {
    expect(pickLang({ officeLanguage: 'en-US', browserLanguage: 'zh-CN' })).toBe('en');
    expect(pickLang({ officeLanguage: 'zh-CN', browserLanguage: 'en-US' })).toBe('zh');
  });

  it("follows the browser's language when there is no Office", () => {
    expect(pickLang({ browserLanguage: 'en-GB' })).toBe('en');
    expect(pickLang({ browserLanguage: 'EN' })).toBe('en');
  });

  it("takes the clerk's own choice (the pane's switch) over Office's and the browser's language", () => {
    expect(pickLang({ stored: 'en', officeLanguage: 'zh-CN' })).toBe('en');
    expect(pickLang({ stored: 'zh', browserLanguage: 'en-US' })).toBe('zh');
    expect(pickLang({ stored: null, browserLanguage: 'en-US' })).toBe('en');
    // a link that names the language still wins
    expect(pickLang({ search: '?lang=zh', stored: 'en' })).toBe('zh');
  });

  it('lets ?lang=en|zh in the URL override both', () => {
    expect(pickLang({ search: '?lang=en', officeLanguage: 'zh-CN' })).toBe('en');
    expect(pickLang({ search: '?x=1&lang=zh', browserLanguage: 'en-US' })).toBe('zh');
    // anything else is ignored
    expect(pickLang({ search: '?lang=de', browserLanguage: 'en-US' })).toBe('en');
  });
});

describe('the string tables', () => {
  const visit = (value: unknown, at: string, out: Map<string, unknown>) => {
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, at ? `${at}.${k}` : k, out);
    } else out.set(at, value);
    return out;
  };
  const zh = visit(STRINGS.zh, '', new Map());
  const en = visit(STRINGS.en, '', new Map());

  it('have the same entries in both languages, none empty', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const table of [zh, en]) {
      for (const [key, value] of table) {
        // a list stands in for every argument: it joins like a list and prints like a number
        const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(['A', 'B'], ['A', 'B'], ['A', 'B']) : value;
        expect([key, typeof text === 'string' && text.length > 0]).toEqual([key, true]);
      }
    }
  });

  it('count rows in each language', () => {
    expect(STRINGS.zh.rows(1234)).toBe('1,234 行数据');
    expect(STRINGS.en.rows(1)).toBe('1 data row');
    expect(STRINGS.en.rows(1234)).toBe('1,234 data rows');
  });
});

describe('the pane components', () => {
  it('take every visible word from i18n.ts (no Chinese typed into a component)', () => {
    const dir = path.resolve(__dirname, '../../src/taskpane');
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/^i18n(\.\w+)?\.ts$/.test(path.basename(f)));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const code = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect([f, /[\u3400-\u9fff]/.test(code)]).toEqual([f, false]);
    }
  });
});

describe('the download file name', () => {
  it('keeps the name of the file that was opened, as .xlsx', () => {
    expect(downloadName('前台台账.xlsx')).toBe('前台台账.xlsx');
    expect(downloadName('ledger.XLSX')).toBe('ledger.xlsx');
    expect(downloadName('center.2026.xlsx')).toBe('center.2026.xlsx');
    expect(downloadName('.xlsx')).toBe('workbook.xlsx');
  });
});

describe('the Reports tab', () => {
  // PRODUCT.md: each KPI is defined once, in the domain; the pane only formats what the model holds.
  const dir = path.resolve(__dirname, '../../src/taskpane');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
  const code = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');

  it('loads the KPI and period code only through the app layer, never straight from the domain', () => {
    for (const f of files) {
      const valueImports = [...code(f).matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect([f, valueImports.filter((m) => /domain\/(kpi|report|periods|sla|calendar|crosstab)\b/.test(m))]).toEqual([f, []]);
    }
  });

  it('does no arithmetic on a figure of the report model', () => {
    const figure = '(num|den|rate|received|resolved|backlog|mean|median|p90)';
    const onFigure = new RegExp(`\\.${figure}\\s*[-+*/%]|[-+*/%]\\s*[\\w.?]*\\.${figure}\\b`);
    for (const f of files) expect([f, onFigure.exec(code(f))?.[0] ?? null]).toEqual([f, null]);
  });
});
