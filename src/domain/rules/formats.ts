// Formats: phone numbers as Chinese mobiles or landlines, and unit numbers that the customer register
// knows.
import { ColumnKey, DATA_SHEETS, SheetDef, SheetKey } from '../schema';
import { At, Rule } from './rule';

// 11 digits 1[3-9]…, spaced or hyphenated as people write them (138 1234 5678), +86 allowed.
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}$/;
// 7 or 8 digits, with an area code 0xx / 0xxx (021-58881234, (0755)12345678) and an extension.
const LANDLINE = /^(?:(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[- ]?)?\d{7,8}(?:(?:-|转|ext\.?|x)\s?\d{1,6})?$/i;
// A clerk may note two numbers in one cell: 13812345678 / 021-58881234
const SEPARATORS = /\s*[/、,，;；]\s*/;

function onePhone(text: string): boolean {
  return MOBILE.test(text) || LANDLINE.test(text);
}

export function isPhone(text: string): boolean {
  if (onePhone(text)) return true;
  const parts = text.split(SEPARATORS);
  return parts.length > 1 && parts.every(onePhone);
}

function phoneRule(def: SheetDef): Rule | null {
  const columns = def.columns.filter((c) => c.kind.type === 'phone');
  if (columns.length === 0) return null;
  return {
    // issue 4: Chinese mobile (11 digits, 1[3-9]…) or landline numbers
    code: 'PHONE_FORMAT',
    sheet: def.key,
    severity: 'error',
    zh: '电话须为 11 位手机号（1[3-9] 开头）或座机号（可带区号、分机）',
    en: 'phone: an 11-digit mobile number (1[3-9]…) or a landline (area code and extension optional)',
    prepare(pass) {
      const keys = columns.filter((c) => pass.has(c.key)).map((c) => c.key);
      if (keys.length === 0) return null;
      const ats: At[] = keys.map((k) => pass.at(this, k));
      return (v, row, out) => {
        for (let i = 0; i < keys.length; i++) {
          const phone = v[keys[i]];
          if (typeof phone === 'string' && !isPhone(phone)) out.push(ats[i](row, { found: phone }));
        }
      };
    },
  };
}

/** The sheets whose unit numbers must be in the customer register, and their unit column. */
const UNIT_COLUMNS: { readonly [S in SheetKey]?: ColumnKey<S> } = {
  tickets: 'unit',
  charges: 'unit',
  reminders: 'unit',
};

function unitRule(def: SheetDef): Rule | null {
  const key = UNIT_COLUMNS[def.key];
  if (key === undefined) return null;
  return {
    // docs/validation.md: customer register, unit numbers validated against it (when it has rows)
    code: 'UNIT_UNKNOWN',
    sheet: def.key,
    severity: 'error',
    zh: '房号须在客户档案中（客户表有数据时）',
    en: 'the unit must be in the customer register (when the register has rows)',
    prepare(pass) {
      const units = pass.ctx.units;
      if (units === null || !pass.has(key)) return null;
      const at = pass.at(this, key);
      return (v, row, out) => {
        const unit = v[key];
        if (typeof unit === 'string' && !units.has(unit)) out.push(at(row, { found: unit }));
      };
    },
  };
}

export const FORMAT_RULES: ReadonlyArray<Rule> = [
  ...DATA_SHEETS.map(phoneRule),
  ...DATA_SHEETS.map(unitRule),
].filter((r): r is Rule => r !== null);
