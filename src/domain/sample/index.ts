// A realistic, seeded sample service center: customers, a ticket log, a charges ledger and a reminder
// log, as rows of cells in schema.ts's column order. Same options, same sample, on every machine.
import { DEFAULT_DEPARTMENTS, Lang } from '../enums';
import type { Cell } from '../grid';
import { MINUTES_PER_DAY, MS_PER_MINUTE, parseWallIso, startOfDay, wallToSerial } from '../time';
import { chargeRows, generateCharges, generateReminders, periodsEnding, reminderRows } from './charges';
import { customerRows, generateUnits } from './customers';
import { personNames } from './people';
import { PlantedProblem, plantProblems } from './plant';
import { Random } from './random';
import { CLERK_COUNT, DepartmentKey, STAFF_PER_DEPARTMENT, TICKETS_PER_UNIT_PER_6_MONTHS } from './tables';
import { CENTER_NAMES, say } from './text';
import { generateTickets } from './tickets';

export type { PlantedProblem, PlantedCode } from './plant';

export interface SampleOptions {
  /** default 20261125 */
  seed?: number;
  /** default 300, about 50 to a building */
  units?: number;
  /** months of history ending with the month of `asOf`; default 6 */
  months?: number;
  /** default about 3 per unit per 6 months; when given, exactly this many */
  tickets?: number;
  /** the sample's "now", wall clock 'YYYY-MM-DDTHH:mm:ss': the domain never reads the clock */
  asOf: string;
  /** default 'zh': enum labels, names, descriptions */
  lang?: Lang;
  /** plant a handful of data-entry problems for a validator to find; default true */
  plant?: boolean;
}

export interface SampleCenter {
  lang: Lang;
  centerName: string;
  /** who to contact about a notice (Settings 联系方式) */
  contact: string;
  /** rows of each data sheet in schema.ts column order */
  tickets: Cell[][];
  customers: Cell[][];
  charges: Cell[][];
  reminders: Cell[][];
  /** clerk names used (for the Settings list) */
  clerks: string[];
  planted: PlantedProblem[];
}

const DEFAULT_SAMPLE_SEED = 20261125;
const DEFAULT_SAMPLE_UNITS = 300;
const DEFAULT_SAMPLE_MONTHS = 6;

function wholeNumber(value: number | undefined, fallback: number, min: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new RangeError(`sample option ${name} must be an integer >= ${min}, got ${v}`);
  return v;
}

/** `count` staff names, distinct in both languages (so that both samples draw alike) */
function staffNames(rng: Random, count: number, lang: Lang, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const names = personNames(rng);
    if (taken.has(names.zh.name) || taken.has(names.en.name)) continue;
    taken.add(names.zh.name);
    taken.add(names.en.name);
    out.push(names[lang].name);
  }
  return out;
}

export function generateSample(options: SampleOptions): SampleCenter {
  const asOf = parseWallIso(options.asOf);
  if (asOf === undefined) throw new RangeError(`sample option asOf must be 'YYYY-MM-DDTHH:mm:ss', got '${options.asOf}'`);
  const seed = wholeNumber(options.seed, DEFAULT_SAMPLE_SEED, -(2 ** 31), 'seed');
  const unitCount = wholeNumber(options.units, DEFAULT_SAMPLE_UNITS, 1, 'units');
  const months = wholeNumber(options.months, DEFAULT_SAMPLE_MONTHS, 1, 'months');
  const ticketCount = wholeNumber(
    options.tickets,
    Math.round((unitCount * TICKETS_PER_UNIT_PER_6_MONTHS * months) / 6),
    0,
    'tickets',
  );
  const lang: Lang = options.lang ?? 'zh';

  const asOfDate = startOfDay(asOf);
  const minuteOfDay = Math.floor((asOf - asOfDate) / MS_PER_MINUTE);
  const second = (asOf - asOfDate - minuteOfDay * MS_PER_MINUTE) / 1000;
  const asOfMinute = wallToSerial(asOfDate) * MINUTES_PER_DAY + minuteOfDay + second / 60;
  // docs/kpis.md "as-of day": the calendar day of the last moment before as-of
  const asOfDay = Math.ceil(asOfMinute / MINUTES_PER_DAY) - 1;
  const periods = periodsEnding(asOfDay, months);
  const windowStartDay = periods[0].firstDay;

  const [customerRng, staffRng, ticketRng, chargeRng, reminderRng, plantRng] = Random.seeded(seed).streams(6);
  const centerName = say(staffRng.pick(CENTER_NAMES), lang);
  const units = generateUnits(customerRng, unitCount, lang, windowStartDay);

  const taken = new Set<string>();
  const clerks = staffNames(
    staffRng,
    Math.min(CLERK_COUNT[1], Math.max(CLERK_COUNT[0], Math.round(unitCount / 60))),
    lang,
    taken,
  );
  const staff = Object.fromEntries(
    DEFAULT_DEPARTMENTS.map((d) => [
      d.key,
      d.key === 'service'
        ? clerks
        : staffNames(staffRng, staffRng.int(STAFF_PER_DEPARTMENT[0], STAFF_PER_DEPARTMENT[1]), lang, taken),
    ]),
  ) as Record<DepartmentKey, string[]>;

  const tickets = generateTickets({
    rng: ticketRng,
    lang,
    units,
    clerks,
    staff,
    windowStartDay,
    asOfMinute,
    count: ticketCount,
  });
  const charges = generateCharges(chargeRng, units, periods, asOfDay);
  const reminders = generateReminders(reminderRng, charges, units, clerks, asOfDay, lang);

  const sample: SampleCenter = {
    lang,
    centerName,
    // the desk's own number, the same in every sample (not drawn: the other streams stay as they were)
    contact: lang === 'zh' ? `${centerName}前台，电话 0571-8000 1234` : `${centerName} front desk, tel. 0571-8000 1234`,
    tickets,
    customers: customerRows(units, lang),
    charges: chargeRows(charges, units, lang),
    reminders: reminderRows(reminders, units, lang),
    clerks,
    planted: [],
  };
  if (options.plant ?? true) {
    sample.planted = plantProblems(plantRng, {
      lang,
      tickets: sample.tickets,
      customers: sample.customers,
      charges: sample.charges,
      knownUnits: new Set(units.map((u) => u.unit)),
    });
  }
  return sample;
}
