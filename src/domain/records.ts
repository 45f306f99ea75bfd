// The rows of each data sheet, converted once into compact facts with plain numbers, so that every
// KPI of every period reads numbers and never a table record again. A row without the fact a sheet
// is about (a ticket without 受理时间, a charge without 应收金额) cannot be placed in any period and is
// left out here; validation already reports it to the clerk.
import { Value } from './cells';
import { CHANNELS, Channel, enumLabel, Occupancy, Priority, ReminderMethod, Satisfaction, Status, TICKET_TYPES, TicketType, YesNo } from './enums';
import { monthIndexOfLabel } from './periods';
import { SheetRows } from './table';
import { WallTime } from './time';

export interface TicketFacts {
  /** 1-based Excel row */
  readonly row: number;
  readonly id: string;
  readonly receivedAt: WallTime;
  readonly channel: Channel | null;
  readonly type: TicketType | null;
  /** type and channel as written in the workbook (the label in the sheet's language) */
  readonly typeLabel: string | null;
  readonly channelLabel: string | null;
  readonly category: string | null;
  readonly department: string | null;
  readonly unit: string | null;
  readonly priority: Priority | null;
  readonly status: Status | null;
  readonly firstResponseAt: WallTime | null;
  readonly agreedDueAt: WallTime | null;
  readonly holdStartAt: WallTime | null;
  readonly holdEndAt: WallTime | null;
  readonly resolvedAt: WallTime | null;
  readonly callbackAt: WallTime | null;
  readonly satisfaction: Satisfaction | null;
  readonly complaintValid: YesNo | null;
}

export interface ChargeFacts {
  readonly row: number;
  readonly unit: string;
  readonly feeItem: string;
  /** 账期 as a month index (year × 12 + month − 1), or null when missing */
  readonly periodIndex: number | null;
  /** cents */
  readonly amountDue: number;
  /** 00:00 of the due date */
  readonly dueDate: WallTime;
  /** cents; 0 when empty */
  readonly amountPaid: number;
  /** 00:00 of the date of the last payment */
  readonly paidDate: WallTime | null;
}

/** A row of 催缴记录: a reminder sent to a unit about its arrears. */
export interface ReminderFacts {
  readonly row: number;
  readonly unit: string;
  /** 00:00 of the day it was sent */
  readonly date: WallTime;
  readonly method: ReminderMethod | null;
  readonly result: string | null;
  /** 00:00 of the day the unit promised to pay by */
  readonly promisedDate: WallTime | null;
}

export interface CustomerFacts {
  readonly row: number;
  readonly unit: string;
  readonly occupancy: Occupancy | null;
  readonly building: string | null;
  /** 00:00 of 入住日期 */
  readonly moveInDate: WallTime | null;
  readonly name: string | null;
  readonly phone: string | null;
}

/** A record's value: null for an empty cell, undefined for a missing column or an unreadable cell. */
type Field = Value | null | undefined;

const num = (v: Field): number | null => (typeof v === 'number' ? v : null);
const str = (v: Field): string | null => (typeof v === 'string' && v !== '' ? v : null);
// an enum column's value is its key (cells.ts converted the label)
function key<K extends string>(v: Field): K | null {
  return typeof v === 'string' ? (v as K) : null;
}

export function ticketFacts(read: SheetRows<'tickets'> | undefined): TicketFacts[] {
  if (!read) return [];
  const lang = read.lang;
  const out: TicketFacts[] = [];
  for (const { row, values: v } of read.records) {
    const receivedAt = num(v.receivedAt);
    if (receivedAt === null) continue;
    const type = key<TicketType>(v.type);
    const channel = key<Channel>(v.channel);
    out.push({
      row,
      id: str(v.id) ?? '',
      receivedAt,
      channel,
      type,
      typeLabel: type === null ? null : enumLabel(TICKET_TYPES, type, lang),
      channelLabel: channel === null ? null : enumLabel(CHANNELS, channel, lang),
      category: str(v.category),
      department: str(v.department),
      unit: str(v.unit),
      priority: key<Priority>(v.priority),
      status: key<Status>(v.status),
      firstResponseAt: num(v.firstResponseAt),
      agreedDueAt: num(v.agreedDueAt),
      holdStartAt: num(v.holdStartAt),
      holdEndAt: num(v.holdEndAt),
      resolvedAt: num(v.resolvedAt),
      callbackAt: num(v.callbackAt),
      satisfaction: key<Satisfaction>(v.satisfaction),
      complaintValid: key<YesNo>(v.complaintValid),
    });
  }
  return out;
}

export function chargeFacts(read: SheetRows<'charges'> | undefined): ChargeFacts[] {
  if (!read) return [];
  const out: ChargeFacts[] = [];
  const monthIndexes = new Map<string, number | null>(); // a ledger repeats a few dozen 账期 labels
  const monthIndex = (label: string): number | null => {
    let m = monthIndexes.get(label);
    if (m === undefined) monthIndexes.set(label, (m = monthIndexOfLabel(label) ?? null));
    return m;
  };
  for (const { row, values: v } of read.records) {
    const amountDue = num(v.amountDue);
    const dueDate = num(v.dueDate);
    const unit = str(v.unit);
    if (amountDue === null || dueDate === null || unit === null) continue;
    const period = str(v.period);
    out.push({
      row,
      unit,
      feeItem: str(v.feeItem) ?? '',
      periodIndex: period === null ? null : monthIndex(period),
      amountDue,
      dueDate,
      amountPaid: num(v.amountPaid) ?? 0,
      paidDate: num(v.paidDate),
    });
  }
  return out;
}

export function reminderFacts(read: SheetRows<'reminders'> | undefined): ReminderFacts[] {
  if (!read) return [];
  const out: ReminderFacts[] = [];
  for (const { row, values: v } of read.records) {
    const unit = str(v.unit);
    const date = num(v.date);
    if (unit === null || date === null) continue;
    out.push({ row, unit, date, method: key<ReminderMethod>(v.method), result: str(v.result), promisedDate: num(v.promisedDate) });
  }
  return out;
}

export function customerFacts(read: SheetRows<'customers'> | undefined): CustomerFacts[] {
  if (!read) return [];
  const out: CustomerFacts[] = [];
  for (const { row, values: v } of read.records) {
    const unit = str(v.unit);
    if (unit === null) continue;
    out.push({ row, unit, occupancy: key<Occupancy>(v.occupancy), building: str(v.building), moveInDate: num(v.moveInDate), name: str(v.name), phone: str(v.phone) });
  }
  return out;
}
