// What a legacy sheet is: where its header is (under a title, over one or two rows), which structured
// kind it resembles (tickets, customers, charges, reminders) and which of its columns stands for which
// structured column, with a confidence. From header synonyms (synonyms.ts) and the columns' content
// (dates, money, enumeration words). docs/adopt.md describes the rules; nothing here reads a file.
import type { Cell, SheetGrid } from '../grid';
import { isCellError } from '../grid';
import { ColumnDef, DATA_SHEETS, DataSheetKey, normalizeHeader, SHEET_DEFS } from '../schema';
import type { TicketType } from '../enums';
import { COLUMN_SYNONYMS, PERIOD_START_SYNONYMS, TYPE_WORDS, UNIT_PART_SYNONYMS } from './synonyms';
import { convertLegacy, DayOrder, dayOrderOf, legacyPeriod } from './values';

/** How many rows from the top the header is looked for in (titles, notes and blank rows above it). */
const HEADER_SEARCH = 15;
/** How many data rows the content checks read. */
const SAMPLE_ROWS = 200;
/** A typed column (dates, money, an enumeration) is taken only if this share of its values converts. */
const MIN_FIT = 0.3;

export interface ColumnGuess {
  /** index of the column in the grid's rows */
  readonly index: number;
  /** its header as found; a two-row header as "upper/lower" */
  readonly header: string;
  /** the structured column it stands for (a column key of the kind), or null: kept as an extra column */
  readonly target: string | null;
  /** 1 for the canonical header, less for a synonym, less again when the content fits poorly; 0 unmapped */
  readonly confidence: number;
}

/** A unit number kept in parts (楼号 / 单元 / 房间): their column indexes. */
export interface UnitParts {
  readonly building: number;
  readonly entrance?: number;
  readonly room: number;
}

export interface SheetGuess {
  readonly sheet: string;
  /** the kind it is taken for, or null: not a register this product keeps */
  readonly kind: DataSheetKey | null;
  readonly scores: Readonly<Record<DataSheetKey, number>>;
  /** index in grid.rows of the (last) header row, or null when no header was found */
  readonly headerRow: number | null;
  /** 1, or 2 for a header over two rows (merged group cells above) */
  readonly headerRows: number;
  readonly columns: ReadonlyArray<ColumnGuess>;
  readonly unitParts?: UnitParts;
  /** charges: the column whose date gives the 账期 when there is no 账期 column */
  readonly periodStart?: number;
  /** charges kept one column per month (a wide ledger): those columns and their periods */
  readonly months: ReadonlyArray<{ readonly index: number; readonly period: string }>;
  /** the year of the title or sheet name, for dates written without one */
  readonly year?: number;
  /** tickets: the type the title or sheet name says (客户投诉登记表: complaints) */
  readonly ticketType?: TicketType;
  /** columns whose d/m/yyyy dates show their order */
  readonly dayOrders: Readonly<Record<number, DayOrder>>;
}

/** A mapping chosen by the user: source header -> canonical header (either language), key, or null. */
export type ColumnChoices = Readonly<Record<string, string | null>>;

export interface DetectOptions {
  /** take the sheet for this kind whatever it scores */
  readonly as?: DataSheetKey;
  readonly choices?: ColumnChoices;
  /** coded values by source header ({"房屋状态": {"2001": "已入住"}}): the content is judged decoded */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Header text as matched: normalizeHeader, without a trailing colon or a required-field star. */
export function headerKey(text: string): string {
  // an export template's placeholder names its field: {d.i18n.clientName} is clientName
  const t = text.trim().replace(/^\{(?:\w+\.)*(\w+)\}$/, '$1');
  return normalizeHeader(t.normalize('NFKC')).replace(/[*＊]/g, '').replace(/[:：]$/, '');
}

interface KeyHit {
  readonly key: string;
  readonly exact: boolean;
}

const indexCache = new Map<DataSheetKey, Map<string, KeyHit[]>>();

/** The kind's columns by matched header text, in the order of preference each list gives. */
function headerIndex(kind: DataSheetKey): Map<string, KeyHit[]> {
  const cached = indexCache.get(kind);
  if (cached) return cached;
  const index = new Map<string, KeyHit[]>();
  const add = (text: string, hit: KeyHit) => {
    const k = headerKey(text);
    const list = index.get(k) ?? [];
    if (!list.some((h) => h.key === hit.key)) list.push(hit);
    index.set(k, list);
  };
  const def = SHEET_DEFS[kind];
  for (const c of def.columns) {
    add(c.zh, { key: c.key, exact: true });
    add(c.en, { key: c.key, exact: true });
  }
  for (const [key, words] of Object.entries(COLUMN_SYNONYMS[kind])) for (const w of words) add(w, { key, exact: false });
  indexCache.set(kind, index);
  return index;
}

const PART_WORDS = {
  building: new Set(UNIT_PART_SYNONYMS.building.map(headerKey)),
  entrance: new Set(UNIT_PART_SYNONYMS.entrance.map(headerKey)),
  room: new Set(UNIT_PART_SYNONYMS.room.map(headerKey)),
};
const PERIOD_START_WORDS = new Set(PERIOD_START_SYNONYMS.map(headerKey));

/** Every header word of every kind, to find the header row before the kind is known. */
let allWords: Set<string> | null = null;
function knownHeader(text: string): boolean {
  if (!allWords) {
    allWords = new Set();
    for (const def of DATA_SHEETS) for (const k of headerIndex(def.key).keys()) allWords.add(k);
    for (const set of [...Object.values(PART_WORDS), PERIOD_START_WORDS]) for (const w of set) allWords.add(w);
  }
  return allWords.has(headerKey(text));
}

const CN_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** The period of a month column's header (2026-01, 2026年1月, 1月, 一月), the year supplied when missing. */
export function monthHeader(text: string, year: number | undefined): string | undefined {
  const t = text.normalize('NFKC').trim();
  const full = legacyPeriod(t);
  if (full && /^\d{4}/.test(t)) return full;
  const m = /^(\d{1,2})\s*月(?:份)?$/.exec(t) ?? null;
  const cn = /^([一二三四五六七八九十]{1,2})月(?:份)?$/.exec(t);
  const month = m ? Number(m[1]) : cn ? CN_MONTHS.indexOf(cn[1]) + 1 : 0;
  if (month < 1 || month > 12 || year === undefined) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function textOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (isCellError(cell)) return '';
  return String(cell).trim();
}

function headerScore(row: ReadonlyArray<Cell>): number {
  let n = 0;
  for (const cell of row) if (typeof cell === 'string' && knownHeader(cell)) n++;
  return n;
}

/** A header over two rows: the upper row's group labels carried right over the cells they span. */
function combined(upper: ReadonlyArray<Cell>, lower: ReadonlyArray<Cell>): string[] {
  const out: string[] = [];
  let group = '';
  const width = Math.max(upper.length, lower.length);
  for (let c = 0; c < width; c++) {
    const u = textOf(upper[c]);
    const l = textOf(lower[c]);
    if (u !== '') group = u;
    else if (l === '') group = '';
    if (l === '') out.push(u);
    else if (knownHeader(l) || group === '' || group === l) out.push(group && group !== l ? `${group}/${l}` : l);
    else out.push(knownHeader(`${group}${l}`) ? `${group}${l}` : `${group}/${l}`);
  }
  return out;
}

/** The part of a two-row header that matches: "联系人/电话" is 电话. */
function matchText(header: string): string {
  const i = header.lastIndexOf('/');
  return i >= 0 && !knownHeader(header) ? header.slice(i + 1) : header;
}

function onlyText(row: ReadonlyArray<Cell>): boolean {
  return row.every((c) => c === null || (typeof c === 'string' && !/^\d+([.,]\d+)?$/.test(c.trim())));
}

/** Where the header is: its rows and its text per column. */
function findHeader(rows: ReadonlyArray<ReadonlyArray<Cell>>): { row: number; rows: number; headers: string[] } | null {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH, rows.length); r++) {
    const s = headerScore(rows[r]);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (best < 0 || bestScore < 2) return null;
  const single = { row: best, rows: 1, headers: rows[best].map(textOf) };
  const pairs: Array<[number, number]> = [];
  if (best + 1 < rows.length) pairs.push([best, best + 1]);
  if (best > 0) pairs.push([best - 1, best]);
  let chosen = single;
  let chosenScore = bestScore;
  for (const [u, l] of pairs) {
    if (!onlyText(rows[u]) || !onlyText(rows[l])) continue;
    const headers = combined(rows[u], rows[l]);
    // a real second header row fills cells the first leaves empty under a group label
    const fills = rows[l].some((c, i) => textOf(c) !== '' && textOf(rows[u][i]) === '') && rows[u].some((c, i) => textOf(c) !== '' && textOf(rows[l][i]) === '');
    const score = headers.filter((h) => knownHeader(matchText(h))).length;
    if (fills && score > chosenScore) {
      chosen = { row: l, rows: 2, headers };
      chosenScore = score;
    }
  }
  return chosen;
}

/** Year and ticket type from the rows above the header and the sheet's name. */
function titleFacts(name: string, above: ReadonlyArray<ReadonlyArray<Cell>>): { year?: number; ticketType?: TicketType } {
  const texts = [name, ...above.flat().map(textOf)].filter(Boolean);
  let year: number | undefined;
  for (const t of texts) {
    const m = /(19|20)\d{2}(?=\s*年|\s*[-./]|$|\D)/.exec(t);
    if (m) {
      year = Number(m[0]);
      break;
    }
  }
  let ticketType: TicketType | undefined;
  for (const t of texts) {
    const hit = TYPE_WORDS.find(([w]) => t.toLowerCase().includes(w));
    if (hit) {
      ticketType = hit[1] as TicketType;
      break;
    }
  }
  return { year, ticketType };
}

function columnValues(rows: ReadonlyArray<ReadonlyArray<Cell>>, from: number, index: number): Cell[] {
  const out: Cell[] = [];
  for (let r = from; r < rows.length && out.length < SAMPLE_ROWS; r++) {
    const v = rows[r][index] ?? null;
    if (v !== null && textOf(v) !== '') out.push(v);
  }
  return out;
}

/** Share of a column's values that convert to the structured column's kind (1 for text). */
function fit(def: ColumnDef, values: ReadonlyArray<Cell>, year: number | undefined, order: DayOrder | undefined): number {
  if (values.length === 0) return 1;
  if (def.kind.type === 'text' || def.kind.type === 'list') return 1;
  if (def.kind.type === 'phone') return values.filter((v) => /^[\d\s()+-]{7,}$/.test(textOf(v))).length / values.length;
  let ok = 0;
  for (const v of values) if (convertLegacy(def.kind, v, 'zh', { year, order }).ok) ok++;
  return ok / values.length;
}

function columnOrder(values: ReadonlyArray<Cell>): DayOrder | undefined {
  for (const v of values) {
    const o = dayOrderOf(v);
    if (o) return o;
  }
  return undefined;
}

interface KindMap {
  readonly columns: ColumnGuess[];
  readonly score: number;
}

/** What a register of a kind must have to be taken for one: a ticket register says what happened,
 *  a customer list whose unit or name and phone it is, a fee ledger amounts, a reminder log when
 *  which unit was chased and how. A table of Id / Name / Category / Date is none of them. */
const CORE: Readonly<Record<DataSheetKey, (has: (key: string) => boolean, months: number) => boolean>> = {
  tickets: (has) => has('description'),
  customers: (has) => (has('unit') && ['name', 'phone', 'area', 'building', 'moveInDate', 'occupancy'].some(has)) || (has('name') && has('phone')),
  charges: (has, months) => (has('amountDue') || has('amountPaid') || months >= 3) && (has('unit') || has('feeItem')),
  reminders: (has) => has('unit') && has('date') && ['method', 'result', 'promisedDate'].some(has),
};

/** Column weights in a kind's score: the columns every kind has count for less. */
const SHARED = new Set(['unit', 'phone', 'contact', 'name', 'status', 'date', 'result']);

function mapForKind(
  kind: DataSheetKey,
  headers: ReadonlyArray<string>,
  values: (index: number) => Cell[],
  year: number | undefined,
  orders: Readonly<Record<number, DayOrder>>,
): KindMap {
  const def = SHEET_DEFS[kind];
  const index = headerIndex(kind);
  const byKey = new Map<string, ColumnDef>(def.columns.map((c) => [c.key, c as ColumnDef]));
  const guesses: ColumnGuess[] = [];
  headers.forEach((header, i) => {
    if (header === '') return;
    const hits = index.get(headerKey(matchText(header))) ?? [];
    // enumeration columns first: a 回访结果 of 满意/不满意 is a rating, of sentences a note
    const ordered = [...hits].sort((a, b) => Number(byKey.get(b.key)?.kind.type === 'enum') - Number(byKey.get(a.key)?.kind.type === 'enum'));
    let chosen: ColumnGuess = { index: i, header, target: null, confidence: 0 };
    for (const hit of ordered) {
      const col = byKey.get(hit.key);
      if (!col) continue;
      const f = fit(col, values(i), year, orders[i]);
      if (f < MIN_FIT) continue;
      chosen = { index: i, header, target: hit.key, confidence: Math.round((hit.exact ? 1 : 0.9) * (0.5 + 0.5 * f) * 100) / 100 };
      break;
    }
    guesses.push(chosen);
  });
  // one source column per structured column: the most confident (the first on a tie); others are extra
  const bestOf = new Map<string, ColumnGuess>();
  for (const g of guesses) {
    if (g.target === null) continue;
    const had = bestOf.get(g.target);
    if (!had || g.confidence > had.confidence) bestOf.set(g.target, g);
  }
  const columns = guesses.map((g) => (g.target !== null && bestOf.get(g.target) !== g ? { ...g, target: null, confidence: 0 } : g));
  let score = 0;
  for (const g of columns) {
    if (g.target === null) continue;
    const col = byKey.get(g.target) as ColumnDef;
    score += (SHARED.has(g.target) ? 0.5 : 1) * (col.required ? 1.5 : 1) * g.confidence;
  }
  return { columns, score: Math.round(score * 100) / 100 };
}

/** A user's choice, as a column key of the kind: a key, or a header in either language. */
function choiceKey(kind: DataSheetKey, choice: string): string | undefined {
  const k = headerKey(choice);
  const col = SHEET_DEFS[kind].columns.find((c) => c.key.toLowerCase() === k || headerKey(c.zh) === k || headerKey(c.en) === k);
  return col?.key;
}

function withChoices(kind: DataSheetKey, columns: ReadonlyArray<ColumnGuess>, choices: ColumnChoices): ColumnGuess[] {
  const chosen = new Map<string, string | null>();
  for (const [source, target] of Object.entries(choices)) chosen.set(headerKey(source), target === null ? null : (choiceKey(kind, target) ?? null));
  const out = columns.map((g) => {
    const k = headerKey(g.header);
    if (!chosen.has(k)) return g;
    const target = chosen.get(k) as string | null;
    return { ...g, target, confidence: target === null ? 0 : 1 };
  });
  // a structured column the user gave to one source column is no longer another's
  const given = new Set(out.filter((g) => chosen.has(headerKey(g.header)) && g.target !== null).map((g) => g.target));
  return out.map((g) => (!chosen.has(headerKey(g.header)) && g.target !== null && given.has(g.target) ? { ...g, target: null, confidence: 0 } : g));
}

/** What one sheet of a legacy workbook is, and how its columns map. */
export function detectSheet(grid: SheetGrid, opts: DetectOptions = {}): SheetGuess {
  const rows = grid.rows;
  const noScores: Record<DataSheetKey, number> = { tickets: 0, customers: 0, charges: 0, reminders: 0 };
  const found = findHeader(rows);
  if (!found) {
    const { year, ticketType } = titleFacts(grid.name, rows.slice(0, 3));
    return { sheet: grid.name, kind: opts.as ?? null, scores: noScores, headerRow: null, headerRows: 0, columns: [], months: [], year, ticketType, dayOrders: {} };
  }
  const firstData = found.row + 1;
  const { year, ticketType } = titleFacts(grid.name, rows.slice(0, found.row + 1 - found.rows));
  const decode = new Map(Object.entries(opts.values ?? {}).map(([h, m]) => [headerKey(h), m]));
  const values = (i: number) => {
    const map = decode.get(headerKey(found.headers[i] ?? ''));
    const raw = columnValues(rows, firstData, i);
    return map ? raw.map((v) => map[textOf(v)] ?? v) : raw;
  };
  const dayOrders: Record<number, DayOrder> = {};
  found.headers.forEach((h, i) => {
    if (h === '') return;
    const o = columnOrder(values(i));
    if (o) dayOrders[i] = o;
  });
  const maps = {} as Record<DataSheetKey, KindMap>;
  for (const def of DATA_SHEETS) maps[def.key] = mapForKind(def.key, found.headers, values, year, dayOrders);

  // a wide fee ledger: three or more month columns
  const months = found.headers.flatMap((h, index) => {
    const period = h === '' ? undefined : monthHeader(h, year);
    return period ? [{ index, period }] : [];
  });
  if (months.length >= 3) maps.charges = { ...maps.charges, score: maps.charges.score + 2 };

  const scores = { ...noScores };
  for (const def of DATA_SHEETS) scores[def.key] = maps[def.key].score;
  let kind: DataSheetKey | null = opts.as ?? null;
  if (!kind) {
    // the best-scoring kind whose core columns are there, with at least two columns' worth
    const ranked = DATA_SHEETS.map((d) => d.key).sort((a, b) => scores[b] - scores[a]);
    kind =
      ranked.find((k) => {
        const has = (key: string) => maps[k].columns.some((g) => g.target === key);
        return scores[k] >= 0.9 && CORE[k](has, k === 'charges' ? months.length : 0);
      }) ?? null;
  }
  if (!kind) return { sheet: grid.name, kind: null, scores, headerRow: found.row, headerRows: found.rows, columns: maps.tickets.columns.map((g) => ({ ...g, target: null, confidence: 0 })), months: [], year, ticketType, dayOrders };

  let columns = maps[kind].columns;
  if (kind === 'charges' && months.length >= 3) {
    const monthIdx = new Set(months.map((m) => m.index));
    columns = columns.map((g) => (monthIdx.has(g.index) ? { ...g, target: null, confidence: 0 } : g));
  }
  if (opts.choices) columns = withChoices(kind, columns, opts.choices);

  // a unit kept in parts: 楼号 and 房间 (and 单元) compose it when no column holds it whole
  let unitParts: UnitParts | undefined;
  const partOf = (set: Set<string>) => columns.find((g) => set.has(headerKey(matchText(g.header))));
  const building = partOf(PART_WORDS.building);
  const entrance = partOf(PART_WORDS.entrance);
  const room = partOf(PART_WORDS.room);
  const unitColumn = columns.find((g) => g.target === 'unit');
  if (building && room && building !== room && (!unitColumn || unitColumn === room || unitColumn === building || unitColumn === entrance)) {
    unitParts = { building: building.index, room: room.index, ...(entrance && entrance !== room && entrance !== building ? { entrance: entrance.index } : {}) };
    columns = columns.map((g) => (g.target === 'unit' ? { ...g, target: null, confidence: 0 } : g));
  }

  let periodStart: number | undefined;
  if (kind === 'charges' && !columns.some((g) => g.target === 'period')) {
    periodStart = columns.find((g) => g.target === null && PERIOD_START_WORDS.has(headerKey(matchText(g.header))))?.index;
  }

  return {
    sheet: grid.name,
    kind,
    scores,
    headerRow: found.row,
    headerRows: found.rows,
    columns,
    ...(unitParts ? { unitParts } : {}),
    ...(periodStart !== undefined ? { periodStart } : {}),
    months: kind === 'charges' && months.length >= 3 ? months : [],
    ...(year !== undefined ? { year } : {}),
    ...(ticketType ? { ticketType } : {}),
    dayOrders,
  };
}
