// Settings lists: category, department and fee item come from the lists on the Settings sheet, and
// clerks (回访人, 经办人) from its clerk list when the center has filled one in.
import { ListName } from '../enums';
import { ColumnDef, ColumnKey, DATA_SHEETS, SheetDef, SheetKey } from '../schema';
import { listValues, SETTINGS_LISTS } from '../settings';
import { At, Rule } from './rule';

function listOf(c: ColumnDef): ListName | undefined {
  return c.kind.type === 'list' ? c.kind.list : undefined;
}

interface ListCheck {
  readonly key: ColumnKey<SheetKey>;
  readonly list: ListName;
  readonly allowed: ReadonlyArray<string>;
  /** the list as typed, and lower-cased (English labels are matched case-insensitively) */
  readonly exact: ReadonlySet<string>;
  readonly folded: ReadonlySet<string>;
  readonly at: At;
}

function listRule(def: SheetDef): Rule | null {
  const columns = def.columns.filter((c) => listOf(c) !== undefined);
  if (columns.length === 0) return null;
  return {
    // docs/validation.md / issue 4: category, department, fee item in the Settings lists; clerks in the clerk list when it is not empty
    code: 'LIST_UNKNOWN',
    sheet: def.key,
    severity: 'error',
    zh: `${columns.map((c) => c.zh).join('、')}须为设置表列表中的值（经办人列表为空时不查）`,
    en: `${columns.map((c) => c.en).join(', ')} must be in the Settings lists (clerks only when that list has names)`,
    prepare(pass) {
      const checks: ListCheck[] = [];
      for (const c of columns) {
        const list = listOf(c)!;
        const allowed = listValues(pass.ctx.settings, list);
        // a list without defaults (clerks) is only checked once the center has filled it in
        if (!pass.has(c.key) || (allowed.length === 0 && SETTINGS_LISTS[list].defaults === null)) continue;
        checks.push({
          key: c.key,
          list,
          allowed,
          exact: new Set(allowed),
          folded: new Set(allowed.map((a) => a.trim().toLowerCase())),
          at: pass.at(this, c.key),
        });
      }
      if (checks.length === 0) return null;
      return (v, row, out) => {
        for (let i = 0; i < checks.length; i++) {
          const c = checks[i];
          const value = v[c.key];
          if (typeof value !== 'string' || c.exact.has(value) || c.folded.has(value.toLowerCase())) continue;
          out.push(c.at(row, { found: value, list: c.list, allowed: c.allowed }));
        }
      };
    },
  };
}

export const LIST_RULES: ReadonlyArray<Rule> = DATA_SHEETS.map(listRule).filter((r): r is Rule => r !== null);
