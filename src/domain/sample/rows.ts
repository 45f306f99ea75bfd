// Rows are built by column key, so they follow schema.ts's column order whatever it becomes.
import { SheetDef } from '../schema';

export function columnIndex(def: SheetDef): Record<string, number> {
  return Object.fromEntries(def.columns.map((c, i) => [c.key, i]));
}
