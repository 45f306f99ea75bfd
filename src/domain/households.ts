// The households of the customer register (docs/kpis.md "Coverage"): who the quarterly callback plan
// calls and whom 回访覆盖率 counts. One definition for both, so that a plan worked through to the end
// is a coverage of 100 %.
//
// A household is a unit someone lives in: 已入住 (the owner's household) and 出租 (a tenant's household:
// tenants live there, call the desk and are served like owners); not 空置. A unit whose 入住日期 is
// after the day in question has not moved in yet; a blank 入住日期 leaves the 状态 to decide.
import { Occupancy } from './enums';
import { CustomerFacts } from './records';
import { WallTime } from './time';

export const HOUSEHOLD_OCCUPANCIES: ReadonlySet<Occupancy> = new Set<Occupancy>(['occupied', 'let']);

/** Whether a register row is a household on `day` (00:00 of a calendar day). */
export function isHouseholdOn(c: CustomerFacts, day: WallTime): boolean {
  return c.occupancy !== null && HOUSEHOLD_OCCUPANCIES.has(c.occupancy) && (c.moveInDate === null || c.moveInDate <= day);
}

/**
 * The households on `day`, one per unit in register order: a unit listed twice (validation reports
 * it) is a household when one of its rows is, and is described by the first such row.
 */
export function householdsOn(customers: ReadonlyArray<CustomerFacts>, day: WallTime): CustomerFacts[] {
  const seen = new Set<string>();
  const out: CustomerFacts[] = [];
  for (const c of customers) {
    if (seen.has(c.unit) || !isHouseholdOn(c, day)) continue;
    seen.add(c.unit);
    out.push(c);
  }
  return out;
}
