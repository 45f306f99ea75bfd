// The validation rules of issue 4, one table per sheet, and the passes that apply them. Every rule is
// listed once in RULES (code, sheet, severity, docs/validation.md wording); docs and tests read that list.
// Rules only mark: they never change a value, and a cell that did not convert (CELL_WRONG_TYPE,
// reported by reading) is never reported again here.
import { Problem } from '../problems';
import { DATA_SHEETS, SheetKey } from '../schema';
import { SheetRows, TableRead, TableRecord } from '../table';
import { CHARGE_RULES } from './charges';
import { DUPLICATE_RULES } from './duplicates';
import { sheetFacts } from './facts';
import { FORMAT_RULES } from './formats';
import { LIST_RULES } from './lists';
import { NUMBER_RULES } from './numbers';
import { REQUIRED_RULES } from './required';
import { makePass, Rule, RowCheck, RuleInfo, SheetFacts, ValidationContext } from './rule';
import { STATUS_RULES } from './status';
import { TIME_RULES } from './timeOrder';

export type { ValidationContext, RuleInfo, SheetFacts, KeyIndex, KeyRows } from './rule';
export { sheetFacts, updateFacts, relatedRows } from './facts';
export { isPhone } from './formats';

// Families in the order a clerk fixes things: a cell that is empty or not in its list first, then
// how cells relate. Where two rules land on one cell, the earlier one speaks (one problem per cell).
const FAMILIES: ReadonlyArray<ReadonlyArray<Rule>> = [
  REQUIRED_RULES,
  LIST_RULES,
  NUMBER_RULES,
  FORMAT_RULES,
  TIME_RULES,
  STATUS_RULES,
  CHARGE_RULES,
  DUPLICATE_RULES,
];

const SHEET_ORDER: ReadonlyArray<SheetKey> = DATA_SHEETS.map((d) => d.key);

const ALL_RULES: ReadonlyArray<Rule> = SHEET_ORDER.flatMap((sheet) => FAMILIES.flatMap((f) => f.filter((r) => r.sheet === sheet)));

/** Every rule, once: by sheet, then in the order rules are applied. */
export const RULES: ReadonlyArray<RuleInfo> = ALL_RULES.map(({ code, sheet, severity, zh, en }) => ({ code, sheet, severity, zh, en }));

const RULES_OF: Readonly<Record<SheetKey, ReadonlyArray<Rule>>> = {
  tickets: [],
  customers: [],
  charges: [],
  reminders: [],
  settings: [],
  ...Object.fromEntries(SHEET_ORDER.map((s) => [s, ALL_RULES.filter((r) => r.sheet === s)])),
};

/** The customer units a register read holds, or null when it has no rows (then units are not checked). */
export function unitsOf(customers: SheetRows<'customers'> | undefined): ReadonlySet<string> | null {
  if (!customers || customers.records.length === 0) return null;
  const units = new Set<string>();
  for (const r of customers.records) if (typeof r.values.unit === 'string') units.add(r.values.unit);
  return units;
}

/** Keeps the first problem of each cell among out[start..]. */
function onePerCell(out: Problem[], start: number): void {
  let w = start;
  for (let i = start; i < out.length; i++) {
    let seen = false;
    for (let j = start; j < w; j++) {
      if (out[j].column === out[i].column) {
        seen = true;
        break;
      }
    }
    if (!seen) out[w++] = out[i];
  }
  out.length = w;
}

/**
 * The problems of `records` (default: every record of the read) of one sheet. With facts of the
 * whole sheet, a subset (the rows a clerk just changed) is judged exactly as in a full pass. The
 * facts must already count the records judged (updateFacts with the changed rows first; judge
 * relatedRows, not only the changed ones, since a duplicate's partner may change too).
 */
export function validateRecords(
  key: SheetKey,
  read: TableRead,
  ctx: ValidationContext,
  facts: SheetFacts,
  records: ReadonlyArray<TableRecord> = read.records,
  sink?: (p: Problem) => void,
): Problem[] {
  const pass = makePass(read, ctx, facts);
  const checks: RowCheck[] = [];
  for (const rule of RULES_OF[key]) {
    const check = rule.prepare(pass);
    if (check) checks.push(check);
  }
  const out: Problem[] = [];
  if (checks.length === 0) return out;
  for (const rec of records) {
    const start = out.length;
    for (let i = 0; i < checks.length; i++) checks[i](rec.values, rec.row, out);
    if (out.length - start > 1) onePerCell(out, start);
    if (sink) {
      // handed on row by row: a sheet's problems never pile up here (a million rows, five each)
      for (let i = 0; i < out.length; i++) sink(out[i]);
      out.length = 0;
    }
  }
  return out;
}

/** The rule problems of every data sheet read, sheet by sheet in schema order, rows ascending. The
 *  problems of reading (cells that did not convert, missing columns) are the reader's, not here. */
export function validateAll(reads: Partial<Record<SheetKey, TableRead>>, ctx: ValidationContext): Problem[];
/** …each handed to `sink` as found, none kept here. */
export function validateAll(reads: Partial<Record<SheetKey, TableRead>>, ctx: ValidationContext, sink: (p: Problem) => void): void;
export function validateAll(reads: Partial<Record<SheetKey, TableRead>>, ctx: ValidationContext, sink?: (p: Problem) => void): Problem[] | void {
  const out: Problem[] = [];
  const keep = sink ?? ((p: Problem) => out.push(p));
  for (const key of SHEET_ORDER) {
    const read = reads[key];
    if (!read) continue;
    validateRecords(key, read, ctx, sheetFacts(key, read), read.records, keep);
  }
  return sink ? undefined : out;
}
