// What `deskbook arrears --json` and `deskbook notices --json` print: money in integer cents, days as
// zone-less ISO text (as the report JSON writes them), methods as labels in the output language.
import { enumLabel, Lang, REMINDER_METHODS } from '../enums';
import { Arrears } from '../kpi/charges';
import { formatWallIso, WallTime } from '../time';
import { ArrearsList, OutstandingCharge, UnitArrears } from './list';
import { NoticeSet } from './notices';

const iso = (t: WallTime | null) => (t === null ? null : formatWallIso(t));

function chargeJson(c: OutstandingCharge, list: ArrearsList) {
  return {
    feeItem: c.feeItem,
    period: c.period,
    dueDate: iso(c.dueDate),
    due: c.due,
    paid: c.paid,
    outstanding: c.outstanding,
    daysOverdue: c.daysOverdue,
    bucket: list.buckets[c.bucket].label,
  };
}

function unitJson(u: UnitArrears, list: ArrearsList, lang: Lang) {
  const r = u.dunning.lastReminder;
  return {
    unit: u.unit,
    owner: u.owner,
    total: u.total,
    periods: u.periods,
    since: iso(u.since),
    oldestDays: u.oldestDays,
    level: u.dunning.level,
    heldByPromise: u.dunning.held,
    lastReminder: r && { date: iso(r.date), method: r.method === null ? null : enumLabel(REMINDER_METHODS, r.method, lang), result: r.result, promisedDate: iso(r.promisedDate) },
    promisedDate: iso(u.dunning.promisedDate),
    promisePassed: u.dunning.promisedDate === null ? null : u.dunning.promisedDate < list.day,
    charges: u.charges.map((c) => chargeJson(c, list)),
  };
}

/** The arrears list: the aging table (the report's, with 户数) and every unit in arrears, most owed first. */
export function arrearsListJson(asOf: WallTime, list: ArrearsList, aging: Arrears, lang: Lang) {
  return {
    asOf: formatWallIso(asOf),
    asOfDay: formatWallIso(list.day),
    total: list.total,
    byBucket: aging.byBucket,
    units: list.units.map((u) => unitJson(u, list, lang)),
  };
}

export type ArrearsListJson = ReturnType<typeof arrearsListJson>;

/** The notices of a day; `promised`: units left without one while a promised day has not passed. */
export function noticesJson(asOf: WallTime, set: NoticeSet, list: ArrearsList) {
  return {
    asOf: formatWallIso(asOf),
    asOfDay: formatWallIso(set.day),
    notices: set.notices.map((n) => ({
      unit: n.arrears.unit,
      owner: n.arrears.owner,
      level: n.level,
      kind: n.kind,
      total: n.arrears.total,
      capitals: n.capitals,
      payBy: formatWallIso(n.payBy),
      charges: n.arrears.charges.map((c) => chargeJson(c, list)),
    })),
    promised: set.promised.map((u) => ({ unit: u.unit, total: u.total, promisedDate: iso(u.dunning.promisedDate) })),
  };
}

export type NoticesJson = ReturnType<typeof noticesJson>;
