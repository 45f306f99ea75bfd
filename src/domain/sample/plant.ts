// Deliberate data-entry slips planted in an otherwise clean sample, so that a demo of validation has
// something to find. Each is a mistake a clerk really makes, listed with the rule it breaks.
import { enumLabel, Lang, Status, STATUSES } from '../enums';
import { CHARGES, ColumnKey, CUSTOMERS, TICKETS } from '../schema';
import type { Cell } from '../grid';
import { centsToYuan, yuanToCents } from '../money';
import { Random } from './random';
import { columnIndex } from './rows';
import { Text, say } from './text';

type PlantedSheet = 'tickets' | 'customers' | 'charges';

export interface PlantedProblem {
  readonly sheet: PlantedSheet;
  /** 0-based index into that sheet's rows */
  readonly row: number;
  /** column key from schema.ts */
  readonly column: ColumnKey<PlantedSheet>;
  readonly code: PlantedCode;
  readonly note: string;
}

export type PlantedCode =
  | 'TICKET_TIME_ORDER'
  | 'TICKET_STATUS_NEEDS_RESOLVED'
  | 'TICKET_HOLD_ORDER'
  | 'TICKET_DUPLICATE_ID'
  | 'UNIT_UNKNOWN'
  | 'PHONE_FORMAT'
  | 'CHARGE_OVERPAID'
  | 'CHARGE_PAID_NO_DATE';

export interface PlantTarget {
  readonly lang: Lang;
  readonly tickets: Cell[][];
  readonly customers: Cell[][];
  readonly charges: Cell[][];
  readonly knownUnits: ReadonlySet<string>;
}

const T = columnIndex(TICKETS);
const CU = columnIndex(CUSTOMERS);
const CH = columnIndex(CHARGES);
const HOUR = 1 / 24;

interface PlantOn<S extends PlantedSheet> {
  readonly code: PlantedCode;
  readonly sheet: S;
  readonly column: ColumnKey<S>;
  readonly note: Text;
  /** may this row take the slip? */
  readonly fits: (row: Cell[], index: number, target: PlantTarget, used: ReadonlySet<number>) => boolean;
  /** make the slip in place */
  readonly apply: (row: Cell[], index: number, target: PlantTarget) => void;
}

type Plant = PlantOn<'tickets'> | PlantOn<'customers'> | PlantOn<'charges'>;

const statusLabel = (key: Status, lang: Lang): string => enumLabel(STATUSES, key, lang);
const isNumber = (c: Cell): c is number => typeof c === 'number';

/** the last two digits swapped: '3-1502' → '3-1520', a room number no floor has */
function transposeRoom(unit: string): string {
  return unit.slice(0, -2) + unit.slice(-1) + unit.slice(-2, -1);
}

const PLANTS: ReadonlyArray<Plant> = [
  {
    code: 'TICKET_TIME_ORDER',
    sheet: 'tickets',
    column: 'resolvedAt',
    note: ['完成时间早于受理时间（日期录错一天）', 'Resolved before received (date typed a day early)'],
    fits: (row) => isNumber(row[T.resolvedAt]) && row[T.holdStartAt] === null,
    apply: (row) => {
      row[T.resolvedAt] = (row[T.receivedAt] as number) - 1 + 2 * HOUR;
    },
  },
  {
    code: 'TICKET_STATUS_NEEDS_RESOLVED',
    sheet: 'tickets',
    column: 'resolvedAt',
    note: ['状态为已完成，但未填写完成时间', 'Status Resolved but no resolved time'],
    fits: (row, _i, t) => row[T.status] === statusLabel('inProgress', t.lang),
    apply: (row, _i, t) => {
      row[T.status] = statusLabel('resolved', t.lang);
    },
  },
  {
    code: 'TICKET_HOLD_ORDER',
    sheet: 'tickets',
    column: 'holdEndAt',
    note: ['挂起结束早于挂起开始', 'Hold ends before it starts'],
    fits: (row) => isNumber(row[T.holdEndAt]),
    apply: (row) => {
      row[T.holdEndAt] = (row[T.holdStartAt] as number) - 6 * HOUR;
    },
  },
  {
    code: 'TICKET_DUPLICATE_ID',
    sheet: 'tickets',
    column: 'id',
    note: ['工单号与上一行重复（两人同时录入）', 'Same ticket ID as the row above (two clerks at once)'],
    fits: (_row, i, _t, used) => i > 0 && !used.has(i - 1),
    apply: (row, i, t) => {
      row[T.id] = t.tickets[i - 1][T.id];
    },
  },
  {
    code: 'UNIT_UNKNOWN',
    sheet: 'tickets',
    column: 'unit',
    note: ['房号不在客户档案中（后两位颠倒）', 'Unit not in the customer register (last two digits swapped)'],
    fits: (row, _i, t) => typeof row[T.unit] === 'string' && !t.knownUnits.has(transposeRoom(row[T.unit] as string)),
    apply: (row) => {
      row[T.unit] = transposeRoom(row[T.unit] as string);
    },
  },
  {
    code: 'PHONE_FORMAT',
    sheet: 'customers',
    column: 'phone',
    note: ['手机号少一位', 'Mobile number one digit short'],
    fits: (row) => typeof row[CU.phone] === 'string' && /^1\d{10}$/.test(row[CU.phone] as string),
    apply: (row) => {
      row[CU.phone] = (row[CU.phone] as string).slice(0, 10);
    },
  },
  {
    code: 'CHARGE_OVERPAID',
    sheet: 'charges',
    column: 'amountPaid',
    note: ['实收金额大于应收金额（两个月的款记在一行）', 'Paid more than due (two months entered on one row)'],
    fits: (row) => isNumber(row[CH.amountPaid]) && row[CH.amountPaid] === row[CH.amountDue],
    apply: (row) => {
      row[CH.amountPaid] = centsToYuan(yuanToCents(row[CH.amountDue] as number) * 2);
    },
  },
  {
    code: 'CHARGE_PAID_NO_DATE',
    sheet: 'charges',
    column: 'paidDate',
    note: ['有实收金额但没有收款日期', 'Amount paid but no paid date'],
    fits: (row) => isNumber(row[CH.amountPaid]) && isNumber(row[CH.paidDate]),
    apply: (row) => {
      row[CH.paidDate] = null;
    },
  },
];

/** the index of a random row that fits, trying from a random start; -1 when none does */
function findRow(rng: Random, rows: Cell[][], plant: Plant, target: PlantTarget, used: ReadonlySet<number>): number {
  if (rows.length === 0) return -1;
  const start = rng.int(0, rows.length - 1);
  for (let k = 0; k < rows.length; k++) {
    const i = (start + k) % rows.length;
    if (!used.has(i) && plant.fits(rows[i], i, target, used)) return i;
  }
  return -1;
}

/** Plant each slip once, on distinct rows; a slip with no fitting row (a tiny sample) is left out. */
export function plantProblems(rng: Random, target: PlantTarget): PlantedProblem[] {
  const used: Record<Plant['sheet'], Set<number>> = {
    tickets: new Set(),
    customers: new Set(),
    charges: new Set(),
  };
  const planted: PlantedProblem[] = [];
  for (const plant of PLANTS) {
    const rows = target[plant.sheet];
    const usedRows = used[plant.sheet];
    const row = findRow(rng, rows, plant, target, usedRows);
    if (row < 0) continue;
    plant.apply(rows[row], row, target);
    usedRows.add(row);
    // the row above a duplicate ID stays untouched, so the pair is plain to see
    if (plant.code === 'TICKET_DUPLICATE_ID') usedRows.add(row - 1);
    planted.push({ sheet: plant.sheet, row, column: plant.column, code: plant.code, note: say(plant.note, target.lang) });
  }
  return planted;
}
