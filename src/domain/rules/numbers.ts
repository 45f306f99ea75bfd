// Numbers: amounts and areas are never below zero.
import { ColumnDef, DATA_SHEETS, SheetDef } from '../schema';
import { formatYuan } from '../money';
import { At, Rule } from './rule';

const isNumeric = (c: ColumnDef) => c.kind.type === 'money' || c.kind.type === 'number';

function negativeRule(def: SheetDef): Rule | null {
  const columns = def.columns.filter(isNumeric);
  if (columns.length === 0) return null;
  return {
    // issue 4: numbers ≥ 0 (money, area)
    code: 'NUMBER_NEGATIVE',
    sheet: def.key,
    severity: 'error',
    zh: `${columns.map((c) => c.zh).join('、')}不能为负数`,
    en: `${columns.map((c) => c.en).join(', ')} cannot be negative`,
    prepare(pass) {
      const present = columns.filter((c) => pass.has(c.key));
      if (present.length === 0) return null;
      const keys = present.map((c) => c.key);
      const money = present.map((c) => c.kind.type === 'money');
      const ats: At[] = present.map((c) => pass.at(this, c.key));
      return (v, row, out) => {
        for (let i = 0; i < keys.length; i++) {
          const n = v[keys[i]];
          if (typeof n === 'number' && n < 0) out.push(ats[i](row, { found: money[i] ? formatYuan(n) : String(n) }));
        }
      };
    },
  };
}

export const NUMBER_RULES: ReadonlyArray<Rule> = DATA_SHEETS.map(negativeRule).filter((r): r is Rule => r !== null);
