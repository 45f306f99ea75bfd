import { STATUSES } from '../../../src/domain/enums';
import { generateSample, PlantedProblem, SampleCenter } from '../../../src/domain/sample';
import { parseTicketId } from '../../../src/domain/ticketId';
import { formatWallAs, serialToWall, wall, wallToSerial } from '../../../src/domain/time';
import type { Cell } from '../../../src/workbook/types';
import { LANDLINE, MOBILE, charge, customer, num, reminder, ticket } from './helpers';

const AS_OF = '2026-11-25T14:00:00';
const asOf = wallToSerial(wall(2026, 11, 25, 14, 0));
const asOfDay = wallToSerial(wall(2026, 11, 25));
const status = Object.fromEntries(STATUSES.map((s) => [s.zh, s.key]));

/** Every rule a clean row keeps; the list of broken rules (empty when the row is clean). */
function ticketProblems(row: Cell[], knownUnits: Set<string>): string[] {
  const problems: string[] = [];
  const received = num(ticket(row, 'receivedAt'))!;
  const response = num(ticket(row, 'firstResponseAt'));
  const holdStart = num(ticket(row, 'holdStartAt'));
  const holdEnd = num(ticket(row, 'holdEndAt'));
  const resolved = num(ticket(row, 'resolvedAt'));
  const callback = num(ticket(row, 'callbackAt'));
  const s = status[ticket(row, 'status') as string];

  // received ≤ first response ≤ hold start ≤ hold end ≤ resolved ≤ callback, all before as-of
  const times = [received, response, holdStart, holdEnd, resolved, callback].filter((t): t is number => t !== null);
  for (let i = 1; i < times.length; i++) if (times[i] < times[i - 1]) problems.push('TICKET_TIME_ORDER');
  if (times.some((t) => t >= asOf)) problems.push('TICKET_AFTER_AS_OF');
  if (holdEnd !== null && holdStart === null) problems.push('TICKET_HOLD_END_WITHOUT_START');
  if (holdStart !== null && holdEnd !== null && holdEnd < holdStart) problems.push('TICKET_HOLD_ORDER');
  if (callback !== null && resolved === null) problems.push('TICKET_CALLBACK_UNRESOLVED');
  if ((callback === null) !== (ticket(row, 'satisfaction') === null)) problems.push('TICKET_SATISFACTION_WITHOUT_CALLBACK');
  if ((callback === null) !== (ticket(row, 'callbackBy') === null)) problems.push('TICKET_CALLBACK_BY');

  // status consistent with the filled times (PRODUCT.md status flow)
  switch (s) {
    case 'new':
      if (response !== null || resolved !== null || holdStart !== null) problems.push('TICKET_STATUS_NEW');
      break;
    case 'dispatched':
    case 'inProgress':
      if (response === null || resolved !== null || (holdStart !== null && holdEnd === null)) problems.push('TICKET_STATUS_OPEN');
      break;
    case 'onHold':
      if (holdStart === null || holdEnd !== null || resolved !== null) problems.push('TICKET_STATUS_HOLD');
      break;
    case 'resolved':
      if (resolved === null) problems.push('TICKET_STATUS_NEEDS_RESOLVED');
      if (callback !== null) problems.push('TICKET_STATUS_CALLED_BACK');
      break;
    case 'calledBack':
      if (resolved === null || callback === null) problems.push('TICKET_STATUS_NEEDS_CALLBACK');
      break;
    case 'closed':
      if (resolved === null) problems.push('TICKET_STATUS_NEEDS_RESOLVED');
      break;
    case 'rejected':
      if (resolved === null || ticket(row, 'type') !== '投诉' || ticket(row, 'complaintValid') !== '否' || !ticket(row, 'result'))
        problems.push('TICKET_REJECTED');
      break;
    default:
      problems.push('TICKET_STATUS_UNKNOWN');
  }
  if (s !== 'new' && (ticket(row, 'assignee') === null || ticket(row, 'department') === null)) problems.push('TICKET_UNASSIGNED');

  const unit = ticket(row, 'unit');
  if (unit !== null && !knownUnits.has(unit as string)) problems.push('UNIT_UNKNOWN');
  const phone = ticket(row, 'phone') as string;
  if (!MOBILE.test(phone) && !LANDLINE.test(phone)) problems.push('PHONE_FORMAT');
  return problems;
}

function chargeProblems(row: Cell[], knownUnits: Set<string>): string[] {
  const problems: string[] = [];
  const due = num(charge(row, 'amountDue'))!;
  const paid = num(charge(row, 'amountPaid'));
  const paidDate = num(charge(row, 'paidDate'));
  if (paid !== null && paid > due) problems.push('CHARGE_OVERPAID');
  if (paid !== null && paidDate === null) problems.push('CHARGE_PAID_NO_DATE');
  if (paid === null && paidDate !== null) problems.push('CHARGE_DATE_NO_PAID');
  if (paidDate !== null && paidDate > asOfDay) problems.push('CHARGE_PAID_AFTER_AS_OF');
  if (!(due > 0) || Math.abs(Math.round(due * 100) - due * 100) > 1e-6) problems.push('CHARGE_AMOUNT');
  if (!knownUnits.has(charge(row, 'unit') as string)) problems.push('UNIT_UNKNOWN');
  return problems;
}

function customerProblems(row: Cell[]): string[] {
  const phone = customer(row, 'phone') as string;
  return MOBILE.test(phone) || LANDLINE.test(phone) ? [] : ['PHONE_FORMAT'];
}

function allProblems(sample: SampleCenter) {
  const knownUnits = new Set(sample.customers.map((r) => customer(r, 'unit') as string));
  return {
    tickets: sample.tickets.map((r) => ticketProblems(r, knownUnits)),
    customers: sample.customers.map((r) => customerProblems(r)),
    charges: sample.charges.map((r) => chargeProblems(r, knownUnits)),
  };
}

describe('a clean sample (plant: false)', () => {
  const clean = generateSample({ asOf: AS_OF, plant: false });
  const problems = allProblems(clean);

  it('plants nothing', () => {
    expect(clean.planted).toEqual([]);
  });

  it('keeps every ticket in time order, its status consistent with its times', () => {
    const bad = problems.tickets.flatMap((p, row) => (p.length ? [{ row, p }] : []));
    expect(bad).toEqual([]);
  });

  it('gives every ticket a unique ID as the pane issues them (GD-YYYYMMDD-TAG-NNN), in receipt order', () => {
    const ids = clean.tickets.map((r) => ticket(r, 'id') as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^GD-2026\d{4}-(K7M|R2D|X4P)-\d{3}$/);
    const received = clean.tickets.map((r) => ticket(r, 'receivedAt') as number);
    // the ID's day is the received day, and each tag counts 1, 2, 3… within a day
    const next = new Map<string, number>();
    ids.forEach((id, i) => {
      const parsed = parseTicketId(id)!;
      expect(parsed.day).toBe(formatWallAs(serialToWall(Math.floor(received[i])), 'YYYYMMDD'));
      const key = `${parsed.day}-${parsed.tag}`;
      expect(parsed.sequence).toBe((next.get(key) ?? 0) + 1);
      next.set(key, parsed.sequence);
    });
    for (let i = 1; i < received.length; i++) expect(received[i]).toBeGreaterThanOrEqual(received[i - 1]);
    // ticket times are whole minutes
    for (const t of received) expect(Math.abs(t * 1440 - Math.round(t * 1440))).toBeLessThan(1e-6);
  });

  it('leaves recent tickets open and has some on hold, some rejected, some late', () => {
    const count = (key: string) => clean.tickets.filter((r) => status[ticket(r, 'status') as string] === key).length;
    expect(count('new') + count('dispatched') + count('inProgress')).toBeGreaterThan(0);
    expect(count('rejected')).toBeGreaterThan(0);
    expect(clean.tickets.some((r) => ticket(r, 'holdEndAt') !== null)).toBe(true);
    const lateResponse = clean.tickets.filter((r) => {
      const response = num(ticket(r, 'firstResponseAt'));
      return response !== null && response - (ticket(r, 'receivedAt') as number) > 1;
    });
    expect(lateResponse.length).toBeGreaterThan(0);
  });

  it('has a few repeat complaints: same unit and category within 30 days', () => {
    const complaints = clean.tickets.filter((r) => ticket(r, 'type') === '投诉' && ticket(r, 'unit') !== null);
    let repeats = 0;
    complaints.forEach((r, i) => {
      const at = ticket(r, 'receivedAt') as number;
      const earlier = complaints
        .slice(0, i)
        .some((e) => e[5] === r[5] && ticket(e, 'category') === ticket(r, 'category') && at - (ticket(e, 'receivedAt') as number) <= 30);
      if (earlier) repeats++;
    });
    expect(repeats).toBeGreaterThanOrEqual(3);
  });

  it('keeps every charge paid no more than due, paid amount with a paid date, no payment after as-of', () => {
    const bad = problems.charges.flatMap((p, row) => (p.length ? [{ row, p }] : []));
    expect(bad).toEqual([]);
    expect(clean.charges.some((r) => num(charge(r, 'amountPaid')) !== null && num(charge(r, 'amountPaid'))! < (charge(r, 'amountDue') as number))).toBe(true);
  });

  it('gives every customer a valid phone: a mobile 1[3-9] and 9 digits, or a landline', () => {
    expect(problems.customers.filter((p) => p.length)).toEqual([]);
    expect(clean.customers.some((r) => LANDLINE.test(customer(r, 'phone') as string))).toBe(true);
    for (const r of clean.customers) {
      const area = customer(r, 'area') as number;
      expect(area).toBeGreaterThanOrEqual(60);
      expect(area).toBeLessThanOrEqual(160);
    }
  });

  it('reminds only units that owe an overdue charge on the day, and only before as-of', () => {
    const charges = clean.charges.map((r) => ({
      unit: charge(r, 'unit') as string,
      due: charge(r, 'dueDate') as number,
      owed: (charge(r, 'amountDue') as number) - (num(charge(r, 'amountPaid')) ?? 0),
      paidDate: num(charge(r, 'paidDate')),
    }));
    const byUnit = new Map<string, typeof charges>();
    for (const c of charges) byUnit.set(c.unit, [...(byUnit.get(c.unit) ?? []), c]);
    for (const r of clean.reminders) {
      const day = reminder(r, 'date') as number;
      expect(day).toBeLessThanOrEqual(asOfDay);
      const owing = (byUnit.get(reminder(r, 'unit') as string) ?? []).some(
        (c) => c.due + 15 <= day && (c.paidDate === null || c.paidDate > day || c.owed > 0),
      );
      expect([r, owing]).toEqual([r, true]);
      const promised = num(reminder(r, 'promisedDate'));
      if (promised !== null) expect(promised).toBeGreaterThan(day);
    }
  });
});

describe('planted problems', () => {
  const planted = generateSample({ asOf: AS_OF });
  const problems = allProblems(planted);

  it('plants five to eight problems on distinct rows', () => {
    expect(planted.planted.length).toBeGreaterThanOrEqual(5);
    expect(planted.planted.length).toBeLessThanOrEqual(8);
    const keys = planted.planted.map((p) => `${p.sheet}:${p.row}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(planted.planted.map((p) => p.code)).toEqual(
      expect.arrayContaining([
        'TICKET_TIME_ORDER',
        'TICKET_STATUS_NEEDS_RESOLVED',
        'TICKET_DUPLICATE_ID',
        'UNIT_UNKNOWN',
        'PHONE_FORMAT',
        'CHARGE_OVERPAID',
        'CHARGE_PAID_NO_DATE',
      ]),
    );
  });

  it('breaks, on each planted row, exactly the rule it names', () => {
    const ids = planted.tickets.map((r) => ticket(r, 'id'));
    for (const p of planted.planted as PlantedProblem[]) {
      if (p.code === 'TICKET_DUPLICATE_ID') {
        expect(ids.indexOf(ids[p.row])).toBeLessThan(p.row);
        continue;
      }
      const sheetProblems = problems[p.sheet as keyof typeof problems];
      expect([p.code, sheetProblems[p.row]]).toEqual([p.code, expect.arrayContaining([p.code])]);
    }
  });

  it('leaves every other row clean', () => {
    for (const sheet of ['tickets', 'customers', 'charges'] as const) {
      const plantedRows = new Set(planted.planted.filter((p) => p.sheet === sheet).map((p) => p.row));
      const bad = problems[sheet].flatMap((p, row) => (p.length && !plantedRows.has(row) ? [{ row, p }] : []));
      expect([sheet, bad]).toEqual([sheet, []]);
    }
    const ids = planted.tickets.map((r) => ticket(r, 'id'));
    expect(ids.length - new Set(ids).size).toBe(1);
  });

  it('plants in English too, with English notes', () => {
    const en = generateSample({ asOf: AS_OF, lang: 'en' });
    expect(en.planted.map((p) => p.code)).toEqual(planted.planted.map((p) => p.code));
    expect(en.planted[0].note).toMatch(/^[\x20-\x7e]+$/);
  });
});
