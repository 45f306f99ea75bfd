// A legacy sheet's rows as rows of its structured sheet, every source row accounted for: imported (its
// values converted, those that do not convert kept as typed), or skipped with the reason (blank, a
// total, a note, a title, the header repeated, cells beside the table). Each imported row carries
// where it came from (`台账!12`), so any row traces back and a second import adds nothing twice.
import type { Cell, SheetGrid } from '../grid';
import { isCellError } from '../grid';
import { ColumnDef, DataSheetKey, header, SHEET_DEFS } from '../schema';
import { enumLabel, Lang, TICKET_TYPES } from '../enums';
import { ColumnGuess, headerKey, SheetGuess } from './detect';
import { NOTE_WORDS, SUBTOTAL_WORDS } from './synonyms';
import { convertLegacy, legacyDate, legacyNumber, legacyText } from './values';
import { calendarDayOf, MS_PER_DAY, wall, wallToSerial } from '../time';

/** The column that says where an imported row came from. */
export const SOURCE_COLUMN: Readonly<Record<Lang, string>> = { zh: '导入来源', en: 'Imported from' };

export type SkipReason = 'blank' | 'subtotal' | 'note' | 'title' | 'header' | 'beside' | 'already';

export interface RowAccount {
  /** 1-based Excel row of the source sheet */
  readonly row: number;
  readonly outcome: 'imported' | 'skipped';
  readonly reason?: SkipReason;
  /** headers of the cells kept as typed because they did not convert */
  readonly unconverted: ReadonlyArray<string>;
  /** the source reference written with the row: 台账!12 (a wide ledger's months: 台账!12!2026-03) */
  readonly ref: string;
  /** how many structured rows it gave: 1, or one per filled month of a wide fee ledger */
  readonly records: number;
}

export interface AdoptedRows {
  readonly kind: DataSheetKey;
  /** headers of the structured sheet: its columns, the source column, then the register's own columns */
  readonly headers: ReadonlyArray<string>;
  /** the register's own columns kept (their original headers), in the order of `headers` */
  readonly extras: ReadonlyArray<string>;
  /** one per imported record, as long as `headers` */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>;
  /** 1-based source row of each of `rows` */
  readonly sourceRows: ReadonlyArray<number>;
  /** every source row below the header, once */
  readonly accounts: ReadonlyArray<RowAccount>;
}

export interface AdoptRowsOptions {
  /** the language of the structured sheet's headers and enumeration labels */
  readonly lang: Lang;
  /** source references already in the structured sheet: those rows are not imported again */
  readonly already?: ReadonlySet<string>;
  /** codes a register writes for words, by source header: {"房屋状态": {"2001": "已入住"}} */
  readonly values?: ValueMaps;
  /** charges: the day of the 账期's month a charge without 到期日 falls due (Settings 账期到期日) */
  readonly dueDay?: number;
}

/** Per source header, what a coded value stands for (the user's value map). */
export type ValueMaps = Readonly<Record<string, Readonly<Record<string, string>>>>;

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined || isCellError(cell)) return '';
  return String(cell).trim();
}

function startsWithAny(t: string, words: ReadonlyArray<string>): boolean {
  const k = t.toLowerCase().replace(/\s+/g, '');
  return words.some((w) => k.startsWith(w.toLowerCase()));
}

/** Why a row below the header is not a record, or null when it is one. */
function skipReason(row: ReadonlyArray<Cell>, guess: SheetGuess, headerTexts: ReadonlySet<string>): SkipReason | null {
  const inTable = guess.columns.map((g) => row[g.index] ?? null).filter((c) => text(c) !== '');
  const anywhere = row.filter((c) => text(c) !== '');
  if (anywhere.length === 0) return 'blank';
  if (inTable.length === 0) return 'beside';
  const texts = inTable.map(text);
  if (texts.filter((t) => headerTexts.has(headerKey(t))).length >= Math.max(2, Math.ceil(inTable.length / 2))) return 'header';
  if (texts.some((t) => SUBTOTAL_WORDS.some((w) => t.replace(/\s+/g, '').toLowerCase() === w || t.replace(/\s+/g, '').startsWith(w)))) return 'subtotal';
  if (inTable.length === 1) {
    const t = texts[0];
    if (startsWithAny(t, NOTE_WORDS) && /^[^:：]{0,6}[:：]/.test(t)) return 'note';
    if (/^\d{4}\s*年(\s*\d{1,2}\s*月)?/.test(t) || /^\d{1,2}\s*月(份)?$/.test(t)) return 'title';
  }
  return null;
}

/** A unit number from its parts: 1-1-1001 (building-entrance-room), 3-1502 (building-room). */
function composeUnit(row: ReadonlyArray<Cell>, guess: SheetGuess): Cell {
  const parts = guess.unitParts;
  if (!parts) return null;
  const b = legacyText(row[parts.building] ?? null);
  const e = parts.entrance === undefined ? undefined : legacyText(row[parts.entrance] ?? null);
  const r = legacyText(row[parts.room] ?? null);
  if (!b && !r) return null;
  return [b, e, r].filter((p) => p !== undefined && p !== '').join('-');
}

/**
 * The rows of a detected legacy sheet as rows of its structured sheet. `guess.kind` must be set.
 * Nothing of the register is lost: a mapped value that does not convert is kept as typed (and the
 * row's account names it), an unmapped column is kept under its own header.
 */
export function adoptRows(grid: SheetGrid, guess: SheetGuess, opts: AdoptRowsOptions): AdoptedRows {
  const kind = guess.kind as DataSheetKey;
  const def = SHEET_DEFS[kind];
  const lang = opts.lang;
  const cols = def.columns as ReadonlyArray<ColumnDef>;
  const byTarget = new Map<string, ColumnGuess>();
  for (const g of guess.columns) if (g.target !== null) byTarget.set(g.target, g);
  // the register's own columns: every header column not mapped (unit parts and periodStart kept too,
  // so nothing of the register goes missing from the structured sheet)
  const extrasCols = guess.columns.filter((g) => g.target === null && !guess.months.some((m) => m.index === g.index));
  const ownHeaders = new Set(cols.map((c) => header(c, lang)));
  const extras = extrasCols.map((g) => (ownHeaders.has(g.header) || g.header === SOURCE_COLUMN[lang] ? `${g.header}（原）` : g.header));
  const headers = [...cols.map((c) => header(c, lang)), SOURCE_COLUMN[lang], ...extras];
  const headerTexts = new Set(guess.columns.map((g) => headerKey(g.header)));
  const rows: Cell[][] = [];
  const sourceRows: number[] = [];
  const accounts: RowAccount[] = [];
  const first = (guess.headerRow ?? -1) + 1;
  const idx = (key: string) => cols.findIndex((c) => c.key === key);
  const valueMaps = new Map(Object.entries(opts.values ?? {}).map(([h, m]) => [headerKey(h), new Map(Object.entries(m).map(([k, v]) => [k.trim(), v]))]));

  for (let r = first; r < grid.rows.length; r++) {
    const src = grid.rows[r];
    const excelRow = grid.originRow + r + 1;
    const baseRef = `${grid.name}!${excelRow}`;
    const reason = skipReason(src, guess, headerTexts);
    if (reason) {
      accounts.push({ row: excelRow, outcome: 'skipped', reason, unconverted: [], ref: baseRef, records: 0 });
      continue;
    }
    const year = guess.year;
    const convertRow = (monthPeriod?: { period: string; cell: Cell }): { cells: Cell[]; unconverted: string[] } => {
      const cells = new Array<Cell>(headers.length).fill(null);
      const unconverted: string[] = [];
      cols.forEach((col, i) => {
        const g = byTarget.get(col.key);
        if (!g) return;
        const raw = src[g.index] ?? null;
        const coded = valueMaps.get(headerKey(g.header))?.get(text(raw));
        const c = convertLegacy(col.kind, coded ?? raw, lang, { year, order: guess.dayOrders[g.index] });
        cells[i] = c.cell;
        if (!c.ok) unconverted.push(g.header);
      });
      if (guess.unitParts && idx('unit') >= 0 && cells[idx('unit')] === null) cells[idx('unit')] = composeUnit(src, guess);
      if (kind === 'charges') {
        const p = idx('period');
        if (monthPeriod) {
          cells[p] = monthPeriod.period;
          const n = legacyNumber(monthPeriod.cell);
          cells[idx('amountDue')] = n ?? monthPeriod.cell;
          if (n === undefined) unconverted.push(monthPeriod.period);
        } else if (cells[p] === null && guess.periodStart !== undefined) {
          const t = legacyDate(src[guess.periodStart] ?? null, { year });
          if (t !== undefined) {
            const d = calendarDayOf(t);
            cells[p] = `${d.y}-${String(d.m).padStart(2, '0')}`;
          }
        }
        // a ledger without 到期日: the Settings day of the period's month (its last day if shorter)
        const due = idx('dueDate');
        const period = cells[p];
        if (opts.dueDay !== undefined && cells[due] === null && typeof period === 'string' && /^\d{4}-\d{2}$/.test(period)) {
          const [y, m] = period.split('-').map(Number);
          const last = calendarDayOf(wall(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - MS_PER_DAY).d;
          cells[due] = Math.floor(wallToSerial(wall(y, m, Math.min(opts.dueDay, last))));
        }
      }
      if (kind === 'tickets' && guess.ticketType && idx('type') >= 0 && cells[idx('type')] === null) {
        cells[idx('type')] = enumLabel(TICKET_TYPES, guess.ticketType, lang);
      }
      extrasCols.forEach((g, j) => {
        cells[cols.length + 1 + j] = src[g.index] ?? null;
      });
      return { cells, unconverted };
    };
    const pieces: Array<{ ref: string; month?: { period: string; cell: Cell } }> =
      kind === 'charges' && guess.months.length > 0
        ? guess.months.filter((m) => text(src[m.index] ?? null) !== '').map((m) => ({ ref: `${baseRef}!${m.period}`, month: { period: m.period, cell: src[m.index] ?? null } }))
        : [];
    // a row of a wide ledger with no amount in any month is still a row of the register: imported once
    if (pieces.length === 0) pieces.push({ ref: baseRef });
    const fresh = pieces.filter((p) => !opts.already?.has(p.ref));
    if (fresh.length === 0) {
      accounts.push({ row: excelRow, outcome: 'skipped', reason: 'already', unconverted: [], ref: baseRef, records: 0 });
      continue;
    }
    const unconverted = new Set<string>();
    for (const piece of fresh) {
      const { cells, unconverted: u } = convertRow(piece.month);
      cells[cols.length] = piece.ref;
      rows.push(cells);
      sourceRows.push(excelRow);
      for (const h of u) unconverted.add(h);
    }
    accounts.push({ row: excelRow, outcome: 'imported', unconverted: [...unconverted], ref: baseRef, records: fresh.length });
  }
  return { kind, headers, extras, rows, sourceRows, accounts };
}
