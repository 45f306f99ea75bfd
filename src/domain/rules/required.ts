// Required fields: the columns a row of each sheet cannot do without (ColumnDef.required, schema.ts).
// Enumerations need no rule here: a value outside its list already fails conversion (CELL_WRONG_TYPE).
import { DATA_SHEETS, SheetDef } from '../schema';
import { At, Rule } from './rule';

function requiredRule(def: SheetDef): Rule {
  const required = def.columns.filter((c) => c.required).map((c) => c.key);
  return {
    // docs/validation.md "Sheets": required fields
    code: 'REQUIRED_MISSING',
    sheet: def.key,
    severity: 'error',
    zh: `必填：${def.columns.filter((c) => c.required).map((c) => c.zh).join('、')}`,
    en: `required: ${def.columns.filter((c) => c.required).map((c) => c.en).join(', ')}`,
    prepare(pass) {
      // a missing column is reported once for the sheet (SHEET_MISSING_COLUMNS), not on every row
      const keys = required.filter((k) => pass.has(k));
      if (keys.length === 0) return null;
      const ats: At[] = keys.map((k) => pass.at(this, k));
      return (v, row, out) => {
        for (let i = 0; i < keys.length; i++) if (v[keys[i]] === null) out.push(ats[i](row));
      };
    },
  };
}

export const REQUIRED_RULES: ReadonlyArray<Rule> = DATA_SHEETS.map(requiredRule);
