// Words for people, in Chinese and English. Every problem names the sheet, the row, the column, what
// was found and what was expected; codes stay stable for programs (--json).
import { ExpectedCode } from './cells';
import { Lang } from './enums';
import { formatYuan, MAX_CENTS } from './money';
import { Problem } from './problems';
import { RULE_MESSAGES } from './rules/messages';
import { HEADER_SEARCH_ROWS } from './table';

type Template = (p: Problem, lang: Lang) => string;

const EXPECTED: Record<ExpectedCode, { zh: string; en: string }> = {
  datetime: { zh: '日期时间，如 2026-11-25 14:30', en: 'a date and time such as 2026-11-25 14:30' },
  date: { zh: '日期，如 2026-11-25', en: 'a date such as 2026-11-25' },
  money: { zh: '金额（数字，如 356.40）', en: 'an amount such as 356.40' },
  moneyInRange: { zh: `金额，不超过 ${formatYuan(MAX_CENTS, 'zh-CN')} 元`, en: `an amount of at most ${formatYuan(MAX_CENTS, 'en-US')}` },
  number: { zh: '数字', en: 'a number' },
  period: { zh: '账期，格式 YYYY-MM，如 2026-11', en: 'a period as YYYY-MM, such as 2026-11' },
  text: { zh: '文字', en: 'text' },
  enum: { zh: '下拉列表中的值', en: 'a value from the list' },
};

function str(v: unknown): string {
  return Array.isArray(v) ? v.join('、') : String(v ?? '');
}

function expected(p: Problem, lang: Lang): string {
  const code = p.params.expected as ExpectedCode;
  const allowed = p.params.allowed as ReadonlyArray<string> | undefined;
  const base = EXPECTED[code]?.[lang] ?? String(code);
  if (!allowed) return base;
  return lang === 'zh' ? `${base}：${allowed.join('、')}` : `${base}: ${allowed.join(', ')}`;
}

const TEMPLATES: Record<string, Template> = {
  CELL_ERROR_VALUE: (p, lang) =>
    lang === 'zh'
      ? `单元格是错误值 ${str(p.params.found)}，应为${expected(p, lang)}`
      : `the cell holds the error value ${str(p.params.found)}; expected ${expected(p, lang)}`,
  CELL_WRONG_TYPE: (p, lang) =>
    lang === 'zh'
      ? `“${str(p.params.found)}”不是有效值，应为${expected(p, lang)}`
      : `"${str(p.params.found)}" is not valid; expected ${expected(p, lang)}`,
  SHEET_MISSING_COLUMNS: (p, lang) => {
    const cols = p.params.columns as ReadonlyArray<string>;
    return lang === 'zh'
      ? `缺少必需的列：${cols.join('、')}（请在表头行添加这些列）`
      : `required columns are missing: ${cols.join(', ')} (add them to the header row)`;
  },
  SETTING_INVALID: (p, lang) =>
    lang === 'zh'
      ? `参数“${str(p.params.setting)}”的值“${str(p.params.found)}”无效，应为${str(p.params.expected)}（暂按默认值处理）`
      : `setting "${str(p.params.setting)}" has the invalid value "${str(p.params.found)}"; expected ${str(p.params.expected)} (the default applies meanwhile)`,
  // the known name nearest to it: `suggestion` when close, `sameAs` when only full-width characters or spaces differ
  SETTING_UNKNOWN: (p, lang) => {
    const name = str(p.params.setting);
    if (lang === 'zh') {
      const hint =
        p.params.sameAs !== undefined
          ? `应为“${str(p.params.sameAs)}”（只差在全角、半角符号或空格）`
          : p.params.suggestion !== undefined
            ? `是否应为“${str(p.params.suggestion)}”？`
            : '请对照设置表的参数名称检查拼写';
      return `无法识别的参数“${name}”，本行不起作用；${hint}`;
    }
    const hint =
      p.params.sameAs !== undefined
        ? `did you mean "${str(p.params.sameAs)}"? (it differs only in full-width characters or spaces)`
        : p.params.suggestion !== undefined
          ? `did you mean "${str(p.params.suggestion)}"?`
          : 'check its spelling against the parameter names of the Settings sheet';
    return `unknown setting "${name}", so this row has no effect; ${hint}`;
  },
  SHEET_NO_HEADER: (p, lang) => {
    // examples: the first headers of the sheet concerned, as its header row would name them
    const ex = (p.params.examples as ReadonlyArray<string> | undefined) ?? [];
    return lang === 'zh'
      ? `在前 ${HEADER_SEARCH_ROWS} 行中找不到表头行${ex.length ? `（如 ${ex.join('、')}…）` : ''}`
      : `no header row${ex.length ? ` (such as ${ex.join(', ')}, …)` : ''} in the first ${HEADER_SEARCH_ROWS} rows`;
  },
  // the validation rules' own words (rules/messages.ts)
  ...Object.fromEntries(Object.entries(RULE_MESSAGES).map(([code, words]): [string, Template] => [code, (p, lang) => words[lang](p)])),
};

/** Where a problem is, as a person reads it: "工单 第 12 行「受理时间」" / "Tickets row 12, Received". */
export function location(p: Problem, lang: Lang): string {
  if (lang === 'zh') {
    const row = p.row === null ? '' : ` 第 ${p.row} 行`;
    const col = p.column === null ? '' : `「${p.column}」`;
    return `${p.sheet}${row}${col}`;
  }
  const row = p.row === null ? '' : ` row ${p.row}`;
  const col = p.column === null ? '' : `, ${p.column}`;
  return `${p.sheet}${row}${col}`;
}

export function describeProblem(p: Problem, lang: Lang): string {
  const t = TEMPLATES[p.code];
  const what = t ? t(p, lang) : p.code;
  return lang === 'zh' ? `${location(p, lang)}：${what}` : `${location(p, lang)}: ${what}`;
}
