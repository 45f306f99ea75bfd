// Logging a new ticket at intake (issue 4, "Entry form"): what the form offers, and adding the row
// once the same rules that validate the workbook find no error in it. The task pane presents this;
// the CLI could call it too. The ticket ID comes from domain/ticketId.ts (docs/ticket-ids.md).
import { ENUMS, EnumName, enumKey, EnumValue, Lang, label, Status } from '../domain/enums';
import { describeProblem, location } from '../domain/messages';
import { Problem, sheetProblem } from '../domain/problems';
import { sheetFacts, unitsOf, updateFacts, validateRecords, ValidationContext } from '../domain/rules';
import { ColumnDef, CUSTOMERS, header, SETTINGS, SheetDef, TicketKey, TICKETS, sheetDefByName, sheetName } from '../domain/schema';
import { listValues, Settings, settingsFromTable } from '../domain/settings';
import { HEADER_SEARCH_ROWS, readMoreRows, readTable, TableRead } from '../domain/table';
import { formatWallIso, parseWallText, serialToWall, wallToSerial } from '../domain/time';
import { isTag, nextTicketId, tagsInUse } from '../domain/ticketId';
import { Cell, SheetGrid, Workbook } from '../workbook/types';
import { findStructuredSheets, headerExamples } from './load';
import { parseAsOf, UseCaseProblem } from './problem';
import { shownCell } from './shown';

/** The columns a clerk fills at intake, in the order the form shows them. */
export const TICKET_FORM_FIELDS = [
  'receivedAt',
  'channel',
  'type',
  'category',
  'unit',
  'contact',
  'phone',
  'description',
  'department',
  'priority',
  'status',
  'assignee',
  'agreedDueAt',
] as const satisfies ReadonlyArray<TicketKey>;
export type TicketField = (typeof TICKET_FORM_FIELDS)[number];

/**
 * A new ticket as typed: times as wall-clock text (2026-11-25T14:30 or 2026-11-25 14:30), enum fields
 * as their key (`phone`, `complaint`) or a label in either language, everything else as text. An
 * empty or absent field is an empty cell.
 */
export type TicketInput = Partial<Record<TicketField, string>>;

/** Statuses a ticket can have when it is logged; the later ones need times the form does not ask. */
const INTAKE_STATUSES: ReadonlyArray<Status> = ['new', 'dispatched', 'inProgress'];

const DEFAULTS: TicketInput = { channel: 'phone', priority: 'normal', status: 'new' };

export interface Choice {
  /** what goes into TicketInput */
  readonly value: string;
  readonly label: string;
}

export interface TicketFieldInfo {
  readonly key: TicketField;
  /** the column's header in the requested language */
  readonly label: string;
  readonly required: boolean;
  readonly control: 'datetime' | 'select' | 'text' | 'longText';
  /** a select's values */
  readonly choices?: ReadonlyArray<Choice>;
  /** values a text field may suggest (units of the register, clerks) */
  readonly suggestions?: ReadonlyArray<string>;
  /** the value a new form starts with ('' for none); the received time starts at the as-of time */
  readonly initial: string;
}

export interface TicketFormOptions {
  /** the language of labels and messages */
  readonly lang: Lang;
  /** the ticket sheet is there with every required column */
  readonly ready: boolean;
  /** the ticket sheet's name, or null when there is none */
  readonly sheet: string | null;
  /** required columns the ticket sheet lacks, as headers in its language */
  readonly missing: ReadonlyArray<string>;
  /** the fields whose column is in the sheet (a column the clerk removed is not asked for) */
  readonly fields: ReadonlyArray<TicketFieldInfo>;
  /** tickets already logged */
  readonly tickets: number;
  /** installation tags already used in ticket IDs (a new installation avoids them) */
  readonly tagsInUse: ReadonlyArray<string>;
}

/** A problem of the entry, located on a field of the form. */
export interface EntryProblem extends Problem {
  /** the form field it belongs to, or null for the ticket as a whole */
  readonly field: TicketField | null;
  /** what is wrong, without the location (the form shows it next to the field) */
  readonly message: string;
}

export type AddTicketResult =
  | {
      readonly ok: true;
      readonly id: string;
      /** 1-based Excel row of the new ticket */
      readonly row: number;
      readonly sheet: string;
      /** warnings the ticket was added with */
      readonly warnings: ReadonlyArray<EntryProblem>;
    }
  | {
      readonly ok: false;
      /** notReady: the ticket sheet lacks its header or required columns; errors: fix and retry;
       *  warnings: only warnings, added when retried with allowWarnings */
      readonly reason: 'notReady' | 'errors' | 'warnings';
      readonly problems: ReadonlyArray<EntryProblem>;
    };

export interface AddTicketOptions {
  /** wall-clock ISO time of the entry; default now */
  readonly asOf?: string;
  /** this installation's tag for the ticket ID */
  readonly clerkTag: string;
  /** IDs this installation issued lately, which the workbook's copy may not show yet */
  readonly issuedIds?: ReadonlyArray<string>;
  /** add despite warnings (default true); false stops at warnings so that a person confirms */
  readonly allowWarnings?: boolean;
  /** language of the messages; default the ticket sheet's */
  readonly lang?: Lang;
}

interface Intake {
  readonly lang: Lang;
  /** every sheet's name, in workbook order */
  readonly sheets: ReadonlyArray<string>;
  readonly tickets: { readonly read: TableRead<'tickets'>; readonly grid: SheetGrid } | null;
  readonly settings: Settings;
  readonly units: ReadonlySet<string> | null;
}

/** Reads what intake needs: the ticket sheet, the customer register and Settings, nothing else. */
async function readIntake(wb: Workbook, lang?: Lang): Promise<Intake> {
  const summaries = await wb.listSheets();
  const found = findStructuredSheets(summaries);
  const wanted = [TICKETS, CUSTOMERS, SETTINGS];
  const names = wanted.map((def) => found.get(def.key)?.name).filter((n): n is string => n !== undefined);
  const grids = await wb.readSheets(names);
  const read = <S extends 'tickets' | 'customers' | 'settings'>(def: SheetDef<S>) => {
    const name = found.get(def.key)?.name;
    const grid = grids.find((g) => g.name === name);
    return grid ? { read: readTable(def, grid, lang), grid } : undefined;
  };
  const tickets = read(TICKETS);
  const customers = read(CUSTOMERS)?.read;
  const settingsRead = read(SETTINGS)?.read;
  const sheetLang = tickets?.read.lang ?? settingsRead?.lang ?? 'zh';
  const { settings } = settingsFromTable(settingsRead, sheetLang);
  return { lang: lang ?? sheetLang, sheets: summaries.map((s) => s.name), tickets: tickets ?? null, settings, units: unitsOf(customers) };
}

function columnDef(key: TicketField): ColumnDef<TicketKey> {
  return TICKETS.columns.find((c) => c.key === key)!;
}

function enumChoices(name: EnumName, lang: Lang, only?: ReadonlyArray<string>): Choice[] {
  const values: ReadonlyArray<EnumValue> = ENUMS[name];
  return values.filter((v) => !only || only.includes(v.key)).map((v) => ({ value: v.key, label: label(v, lang) }));
}

function textChoices(values: ReadonlyArray<string>): Choice[] {
  return values.map((v) => ({ value: v, label: v }));
}

function missingColumns(read: TableRead): string[] {
  return read.missing.filter((c) => c.required).map((c) => header(c, read.lang));
}

/** What the entry form offers for this workbook: its fields, lists and defaults. */
export async function ticketFormOptions(wb: Workbook, opts: { lang?: Lang; asOf?: string } = {}): Promise<TicketFormOptions> {
  const intake = await readIntake(wb, opts.lang);
  const { lang, settings } = intake;
  const read = intake.tickets?.read;
  const now = formatWallIso(parseAsOf(opts.asOf)).slice(0, 16);
  const present = new Set(read?.columns.map((c) => c.def.key) ?? []);
  const fields: TicketFieldInfo[] = [];
  for (const key of TICKET_FORM_FIELDS) {
    if (!present.has(key)) continue;
    const def = columnDef(key);
    const base = { key, label: header(def, lang), required: def.required === true, initial: key === 'receivedAt' ? now : (DEFAULTS[key] ?? '') };
    const kind = def.kind;
    if (kind.type === 'datetime') fields.push({ ...base, control: 'datetime' });
    else if (kind.type === 'enum') {
      fields.push({ ...base, control: 'select', choices: enumChoices(kind.enum, lang, key === 'status' ? INTAKE_STATUSES : undefined) });
    } else if (kind.type === 'list' && kind.list !== 'clerk') {
      fields.push({ ...base, control: 'select', choices: textChoices(listValues(settings, kind.list)) });
    } else if (key === 'unit') {
      fields.push({ ...base, control: 'text', suggestions: intake.units ? [...intake.units].sort() : [] });
    } else if (key === 'assignee') {
      fields.push({ ...base, control: 'text', suggestions: settings.clerks });
    } else fields.push({ ...base, control: key === 'description' ? 'longText' : 'text' });
  }
  const ids = read ? read.records.map((r) => r.values.id).filter((v): v is string => typeof v === 'string') : [];
  const missing = read ? missingColumns(read) : [];
  return {
    lang,
    ready: read !== undefined && read.columns.length > 0 && missing.length === 0,
    sheet: read?.sheet ?? null,
    missing,
    fields,
    tickets: read?.records.length ?? 0,
    tagsInUse: [...tagsInUse(ids)].sort(),
  };
}

/** The cell a field's input becomes, in the sheet's language; text that does not convert is kept as
 *  typed, so that the rules name it exactly as the clerk wrote it. */
function inputCell(key: TicketField, text: string | undefined, sheetLang: Lang): Cell {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const kind = columnDef(key).kind;
  if (kind.type === 'datetime') {
    const wall = parseWallText(t);
    return wall === undefined ? t : wallToSerial(wall);
  }
  if (kind.type === 'enum') {
    const values: ReadonlyArray<EnumValue> = ENUMS[kind.enum];
    const k = values.some((v) => v.key === t) ? t : enumKey(values, t);
    const v = values.find((x) => x.key === k);
    return v ? label(v, sheetLang) : t;
  }
  return t;
}

/** The message of a problem without its location: the form shows it next to its field. */
function withoutLocation(p: Problem, lang: Lang): string {
  const text = describeProblem(p, lang);
  const prefix = `${location(p, lang)}${lang === 'zh' ? '：' : ': '}`;
  const what = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  // read on its own, an English message starts a sentence
  return lang === 'en' ? what.charAt(0).toUpperCase() + what.slice(1) : what;
}

/**
 * Checks a new ticket with the workbook's rules and, when nothing is wrong, appends it below the
 * ticket sheet's last row, in that sheet's column order (columns the clerk moved or added are
 * respected; the added ones stay empty). The ID is generated from `clerkTag` and the IDs in sight.
 * What is wrong with the entry or the sheet is in the result; a workbook without a ticket sheet, or
 * an as-of that is not a date-time, is a UseCaseProblem (NO_TICKETS, BAD_AS_OF).
 */
export async function addTicket(wb: Workbook, input: TicketInput, opts: AddTicketOptions): Promise<AddTicketResult> {
  if (!isTag(opts.clerkTag)) throw new Error(`not an installation tag: ${JSON.stringify(opts.clerkTag)}`);
  const intake = await readIntake(wb, opts.lang);
  const lang = intake.lang;
  if (!intake.tickets) throw new UseCaseProblem('NO_TICKETS', { sheets: intake.sheets });
  const { read, grid } = intake.tickets;
  const missing = missingColumns(read);
  if (read.columns.length === 0 || missing.length > 0) {
    const p = sheetProblem(read.sheet, read.columns.length === 0 ? 'SHEET_NO_HEADER' : 'SHEET_MISSING_COLUMNS', { columns: missing, examples: headerExamples(TICKETS, read.lang) });
    return { ok: false, reason: 'notReady', problems: [entryProblem(p, null, lang)] };
  }

  const asOf = parseAsOf(opts.asOf);

  // the row, as wide as the sheet's used range, each value under its own header
  const width = Math.max(grid.rows[0]?.length ?? 0, ...read.columns.map((c) => c.index + 1));
  const cells: Cell[] = new Array<Cell>(width).fill(null);
  const indexOf = new Map(read.columns.map((c) => [c.def.key, c.index]));
  for (const key of TICKET_FORM_FIELDS) {
    const i = indexOf.get(key);
    if (i !== undefined) cells[i] = inputCell(key, input[key], read.lang);
  }
  const received = typeof cells[indexOf.get('receivedAt')!] === 'number' ? serialToWall(cells[indexOf.get('receivedAt')!] as number) : asOf;
  const existingIds = read.records.map((r) => r.values.id).filter((v): v is string => typeof v === 'string');
  const id = nextTicketId({ receivedAt: received, tag: opts.clerkTag, existingIds: [...existingIds, ...(opts.issuedIds ?? [])] });
  cells[indexOf.get('id')!] = id;

  // the row it will be: just below the used range
  const row = grid.originRow + grid.rows.length + 1;
  const fresh = readMoreRows(read, grid.originCol, [{ row, cells }], lang);
  const withNew: TableRead = { ...read, records: [...read.records, ...fresh.records] };
  const ctx: ValidationContext = { settings: intake.settings, asOf, lang, units: intake.units };
  const facts = updateFacts(sheetFacts('tickets', read), fresh.records);
  const found = [...fresh.problems, ...validateRecords('tickets', withNew, ctx, facts, fresh.records)].filter((p) => p.row === row);
  const fieldOf = new Map(read.columns.map((c) => [c.header, c.def.key]));
  const problems = found.map((p) => entryProblem(p, (p.column !== null ? fieldOf.get(p.column) : undefined) ?? null, lang));

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, reason: 'errors', problems };
  if (problems.length > 0 && opts.allowWarnings === false) return { ok: false, reason: 'warnings', problems };

  await wb.appendRows(read.sheet, [cells]);
  return { ok: true, id, row, sheet: read.sheet, warnings: problems };
}

const isFormField = (key: TicketKey): key is TicketField => (TICKET_FORM_FIELDS as ReadonlyArray<TicketKey>).includes(key);

function entryProblem(p: Problem, column: TicketKey | null, lang: Lang): EntryProblem {
  return { ...p, field: column !== null && isFormField(column) ? column : null, message: withoutLocation(p, lang) };
}

/** One row of a sheet as a person reads it, for the pane's detail panel. */
export interface RowDetail {
  readonly sheet: string;
  /** 1-based Excel row */
  readonly row: number;
  /** every column with a header or a value: 0-based sheet column, header, the cell as shown */
  readonly cells: ReadonlyArray<{ readonly col: number; readonly header: string; readonly text: string }>;
}

/**
 * A row of `sheet` with each cell under its header, times and amounts shown as in the sheet. Reads
 * only the header rows and that row (standalone mode shows it where Excel would select the cell).
 */
export async function rowDetail(wb: Workbook, sheet: string, row: number): Promise<RowDetail> {
  const top = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => i).filter((r) => r < row - 1);
  const got = await wb.readRows(sheet, [...top, row - 1]);
  const cellsOfRow = got.rows[got.rows.length - 1] ?? [];
  const def = sheetDefByName(sheet);
  const head = got.rows.slice(0, top.length);
  let headerCells: ReadonlyArray<Cell> = head[0] ?? [];
  let kinds = new Map<number, ColumnDef>();
  if (def && head.length > 0) {
    const read = readTable(def, { name: sheet, originRow: 0, originCol: got.originCol, rows: head });
    if (read.columns.length > 0) {
      headerCells = head[read.headerRow - 1] ?? [];
      kinds = new Map(read.columns.map((c) => [c.index, c.def]));
    }
  }
  const width = Math.max(headerCells.length, cellsOfRow.length);
  const cells: Array<{ col: number; header: string; text: string }> = [];
  for (let i = 0; i < width; i++) {
    const h = headerCells[i] ?? null;
    const v = cellsOfRow[i] ?? null;
    if (h === null && v === null) continue;
    cells.push({ col: got.originCol + i, header: h === null ? '' : shownCell(h), text: v === null ? '' : shownCell(v, kinds.get(i)) });
  }
  return { sheet, row, cells };
}

