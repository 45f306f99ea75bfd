// Rows are built by column key, so they follow schema.ts's column order whatever it becomes.
import { ColumnKey, SheetDef, SheetKey } from '../schema';

/** Each column's index in a row of `def`, by key. */
export function columnIndex<S extends SheetKey>(def: SheetDef<S>): Readonly<Record<ColumnKey<S>, number>> {
  const index: Partial<Record<ColumnKey<S>, number>> = {};
  def.columns.forEach((c, i) => (index[c.key] = i));
  // every key of the sheet has just been given its index
  return index as Record<ColumnKey<S>, number>;
}
