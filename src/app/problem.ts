// How a use case says no. A use case returns what it finds (problems in cells or in an entry are
// Problems in its result); a request it cannot carry out at all (an as-of or a period that does not
// parse, a workbook without the sheet it needs) is thrown as a UseCaseProblem: a code and its
// parameters, worded by the faces with useCaseMessage (domain/failures.ts), next to file errors.
import { UseCaseCode, useCaseMessage, UseCaseParams } from '../domain/failures';
import { parseWallText, WallTime } from '../domain/time';
import { nowIso } from './clock';

type UseCaseArgs = { [C in UseCaseCode]: [code: C, params: UseCaseParams[C]] }[UseCaseCode];

/** A request a use case turns down; `name` is fixed so that the faces recognise it by shape. */
export class UseCaseProblem extends Error {
  readonly code: UseCaseCode;
  readonly params: UseCaseParams[UseCaseCode];

  constructor(...[code, params]: UseCaseArgs) {
    const message = useCaseMessage({ code, params }, 'en');
    super(message.charAt(0).toUpperCase() + message.slice(1));
    this.name = 'UseCaseProblem';
    this.code = code;
    this.params = params;
  }
}

/** Refusals because of the workbook as it stands (not set up, a sheet without its header row or
 *  required columns): what to fix is in the workbook. The others turn down the request itself (an
 *  as-of or a period that does not parse, a period not begun). The CLI exits 1 on the first kind, as
 *  for problems found, and 2 on the second, as for a usage error. */
export const WORKBOOK_NOT_READY: ReadonlySet<UseCaseCode> = new Set<UseCaseCode>(['NO_TICKETS', 'NO_CHARGES', 'NO_REMINDERS', 'NOT_SET_UP', 'MISSING_COLUMNS', 'NO_HEADER', 'NO_CUSTOMERS']);

/** The as-of of a request (`--as-of`, `asOf`, a report's generated-at) as a wall-clock moment;
 *  default now. Text that is not a wall-clock date-time is BAD_AS_OF, in every use case. */
export function parseAsOf(asOf: string | undefined): WallTime {
  const text = asOf ?? nowIso();
  const t = parseWallText(text);
  if (t === undefined) throw new UseCaseProblem('BAD_AS_OF', { asOf: text });
  return t;
}
