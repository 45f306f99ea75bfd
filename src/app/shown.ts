// A cell as a person reads it in the pane: times and amounts shown as the sheet's number formats show
// them (the row detail of validation, the adopt preview).
import { formatYuan, yuanToCents } from '../domain/money';
import type { ColumnDef } from '../domain/schema';
import { formatWall, serialToWall } from '../domain/time';
import type { Cell } from '../workbook/types';

/** `cell` as its column shows it: a date or time as 2026-11-25 (14:30), money as 12.50. */
export function shownCell(cell: Cell, def?: ColumnDef): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.error;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number' && def) {
    const kind = def.kind.type;
    if (kind === 'datetime' || kind === 'date') return formatWall(serialToWall(cell), kind === 'datetime' && cell % 1 !== 0);
    if (kind === 'money') return formatYuan(yuanToCents(cell));
  }
  return String(cell);
}
