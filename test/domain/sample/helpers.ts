// Reading sample rows by column key, for the sample tests.
import { CHARGES, ColumnKey, CUSTOMERS, REMINDERS, SheetDef, SheetKey, TICKETS } from '../../../src/domain/schema';
import type { Cell } from '../../../src/workbook/types';

function reader<S extends SheetKey>(def: SheetDef<S>) {
  const index = new Map(def.columns.map((c, i) => [c.key, i]));
  return (row: Cell[], key: ColumnKey<S>): Cell => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`no column ${key} in ${def.key}`);
    return row[i];
  };
}

export const ticket = reader(TICKETS);
export const customer = reader(CUSTOMERS);
export const charge = reader(CHARGES);
export const reminder = reader(REMINDERS);

export const MOBILE = /^1[3-9]\d{9}$/;
export const LANDLINE = /^0\d{2,3}-\d{7,8}$/;
export const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

export function num(c: Cell): number | null {
  return typeof c === 'number' ? c : null;
}
