// Chasing arrears, for every face: the arrears list (欠费明细) and the notices (催缴通知单) of a day,
// from the workbook read once. The figures come from the domain (domain/arrears/, on the same
// functions as the report's aging table); this module reads, renders and writes. Logging the notices
// as reminders is done only when asked, and says how many rows it appended.
import { arrearsList, ArrearsList } from '../domain/arrears/list';
import { arrearsListJson, ArrearsListJson, noticesJson, NoticesJson } from '../domain/arrears/json';
import { NoticeSet, noticesOf, NoticeThreshold } from '../domain/arrears/notices';
import { enumLabel, Lang, REMINDER_METHODS } from '../domain/enums';
import type { Cell } from '../domain/grid';
import { Arrears, arrearsAt } from '../domain/kpi/charges';
import { asOfDay } from '../domain/periods';
import { chargeFacts, customerFacts, reminderFacts } from '../domain/records';
import type { ReminderKey } from '../domain/schema';
import { WallTime, wallToSerial } from '../domain/time';
import { CellWrite, ReportSheet, Workbook } from '../workbook/types';
import { REMINDERS } from '../domain/schema';
import { readTable } from '../domain/table';
import { levelText, renderArrearsList, renderNotices } from './arrearsSheets';
import { writeGenerated } from './generated';
import { LoadedSheet, LoadedWorkbook, loadWorkbook, readySheet } from './load';
import { parseAsOf } from './problem';

export interface ArrearsRequest {
  /** wall-clock ISO "now"; default the machine's. Charges are judged at the end of its as-of day. */
  readonly asOf?: string;
  readonly lang?: Lang;
  /** write the sheet into the workbook */
  readonly write?: boolean;
}

interface Chasing {
  readonly loaded: LoadedWorkbook;
  readonly lang: Lang;
  readonly asOf: WallTime;
  readonly list: ArrearsList;
  /** the report's aging table at the same day */
  readonly aging: Arrears;
  readonly unreadableCells: number;
}

/** The workbook read once and the arrears of its as-of day; no charges sheet is NO_CHARGES. */
async function chasing(wb: Workbook, req: ArrearsRequest): Promise<Chasing> {
  const asOf = parseAsOf(req.asOf);
  const loaded = await loadWorkbook(wb, { lang: req.lang });
  const charges = chargeFacts(readySheet(loaded, 'charges', 'NO_CHARGES').read);
  const day = asOfDay(asOf);
  const facts = { charges, reminders: reminderFacts(loaded.structured.get('reminders')?.read), customers: customerFacts(loaded.structured.get('customers')?.read) };
  const list = arrearsList(facts, day, loaded.settings);
  const aging = arrearsAt(charges, day, loaded.settings.agingBuckets, 0);
  const unreadableCells = loaded.problems.filter((p) => p.row !== null).length;
  return { loaded, lang: req.lang ?? loaded.lang, asOf, list, aging, unreadableCells };
}

export interface ArrearsResult {
  readonly list: ArrearsList;
  /** the 欠费明细 sheet as written (or as it would be) */
  readonly sheet: ReportSheet;
  readonly json: ArrearsListJson;
  readonly sheetName: string;
  /** a clerk's sheet of the sheet's own name, left as it was (the sheet went to sheetName, `NAME (2)`…) */
  readonly keptSheet: string | null;
  readonly written: boolean;
  readonly lang: Lang;
  /** how many dunning levels Settings has (the last is the final notice) */
  readonly levels: number;
  /** cells that could not be read: those rows count without the unreadable values (see validate) */
  readonly unreadableCells: number;
  /** the notices this list would give at a threshold (as runNotices makes them), without reading again:
   *  the pane's preview of how many and how much */
  preview(threshold: NoticeThreshold): NoticeSet;
}

/** The arrears list of a day: every unit in arrears, most owed first, as JSON and as the 欠费明细 sheet. */
export async function runArrears(wb: Workbook, req: ArrearsRequest = {}): Promise<ArrearsResult> {
  const c = await chasing(wb, req);
  const sheet = renderArrearsList(c.list, c.aging, c.loaded.settings, c.lang);
  const { sheetName, keptSheet } = await writeGenerated(wb, sheet, req.write, c.loaded.sheets);
  return {
    list: c.list,
    sheet,
    json: arrearsListJson(c.asOf, c.list, c.aging, c.lang),
    sheetName,
    keptSheet,
    written: !!req.write,
    lang: c.lang,
    levels: c.loaded.settings.dunningLevels.length,
    unreadableCells: c.unreadableCells,
    preview: (threshold) => noticesOf(c.list, threshold, c.loaded.settings, c.lang),
  };
}

/** The cells of a written notice this run logs; any other cell of its row is empty. */
const LOGGED: ReadonlyArray<ReminderKey> = ['unit', 'date', 'method', 'result'];

/**
 * Another pane printing the notices at the same moment read the log before this run appended, and
 * appended the same written notices (an Office.js batch cannot append "only if not there"): so after
 * appending, the log is read again, and of the written notices of the day for each unit logged, the
 * topmost stays and every lower twin of the row this run wrote (the same 结果, nothing else filled in)
 * is emptied, each cell only if it still holds what was read (writeCells). Both panes empty the same
 * rows, so whoever comes last, each unit is on the log once; an emptied row stays as a blank row of the
 * table (nothing is deleted from a clerk's sheet). Returns the rows this run emptied.
 */
async function dropTwins(wb: Workbook, reminders: LoadedSheet<'reminders'>, resultText: ReadonlyMap<string, Cell>, day: WallTime): Promise<number> {
  const name = reminders.summary.name;
  const [grid] = await wb.readSheets([name]);
  if (!grid) return 0;
  const read = readTable(REMINDERS, grid, reminders.read.lang);
  const at = new Map(read.columns.map((col) => [col.def.key, col.index]));
  const ours = new Set(LOGGED.map((key) => at.get(key)).filter((i) => i !== undefined));
  const byUnit = new Map<string, ReturnType<typeof reminderFacts>>();
  for (const r of reminderFacts(read)) {
    if (r.date !== day || r.method !== 'written' || !resultText.has(r.unit)) continue;
    byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  }
  const rows: CellWrite[][] = [];
  for (const [unit, list] of byUnit) {
    for (const twin of [...list].sort((a, b) => a.row - b.row).slice(1)) {
      const cells = grid.rows[twin.row - 1 - grid.originRow] ?? [];
      // a clerk's own notice of the day, or a twin someone has written on since, is not ours to empty
      if (twin.result !== resultText.get(unit) || cells.some((v, i) => v !== null && v !== '' && !ours.has(i))) continue;
      rows.push([...ours].map((i) => ({ row: twin.row - 1, col: grid.originCol + i, value: null, was: cells[i] ?? null })));
    }
  }
  if (rows.length === 0) return 0;
  const skipped = new Set((await wb.writeCells(name, rows.flat())).map((w) => `${w.row}:${w.col}`));
  return rows.filter((writes) => writes.every((w) => !skipped.has(`${w.row}:${w.col}`))).length;
}

export interface NoticesRequest extends ArrearsRequest, NoticeThreshold {
  /** append one 催缴记录 row (书面通知) per notice */
  readonly logReminders?: boolean;
}

export interface NoticesResult {
  readonly notices: NoticeSet;
  /** the 催缴通知单 sheet as written (or as it would be) */
  readonly sheet: ReportSheet;
  readonly json: NoticesJson & { readonly logged?: number; readonly alreadyLogged?: number };
  readonly sheetName: string;
  /** a clerk's sheet of the sheet's own name, left as it was (the sheet went to sheetName, `NAME (2)`…) */
  readonly keptSheet: string | null;
  readonly written: boolean;
  readonly lang: Lang;
  /** reminders appended to 催缴记录 (logReminders), and notices left unlogged because a written
   *  notice of that day is there already (a second run the same day logs nothing twice) */
  readonly logged: number;
  readonly alreadyLogged: number;
  /** the 催缴记录 sheet logged in (logReminders) */
  readonly remindersSheet: string | null;
  readonly unreadableCells: number;
}

/**
 * The notices of a day for the units over the threshold, as JSON and as the 催缴通知单 sheet (one
 * notice to a printed page); with `logReminders`, a 书面通知 row per notice in 催缴记录 (a workbook
 * without that sheet is NO_REMINDERS, refused before anything is written).
 */
export async function runNotices(wb: Workbook, req: NoticesRequest = {}): Promise<NoticesResult> {
  const c = await chasing(wb, req);
  const reminders = req.logReminders ? readySheet(c.loaded, 'reminders', 'NO_REMINDERS') : undefined;
  const set = noticesOf(c.list, req, c.loaded.settings, c.lang);
  const sheet = renderNotices(set, c.loaded.settings, c.lang);
  const { sheetName, keptSheet } = await writeGenerated(wb, sheet, req.write, c.loaded.sheets);
  let logged = 0;
  let alreadyLogged = 0;
  if (reminders) {
    const read = reminders.read;
    const written = new Set(reminderFacts(read).filter((r) => r.date === set.day && r.method === 'written').map((r) => r.unit));
    const fresh = set.notices.filter((n) => !written.has(n.arrears.unit));
    alreadyLogged = set.notices.length - fresh.length;
    logged = fresh.length;
    if (fresh.length > 0) {
      // each value under its own header, as wide as the sheet (the clerk's own columns stay empty)
      const header = (await wb.readRows(reminders.summary.name, [read.headerRow - 1])).rows[0] ?? [];
      const width = Math.max(header.length, ...read.columns.map((col) => col.index + 1));
      const indexOf = new Map(read.columns.map((col) => [col.def.key, col.index]));
      const rows = fresh.map((n) => {
        const cells: Cell[] = new Array<Cell>(width).fill(null);
        const put = (key: ReminderKey, v: Cell) => {
          const i = indexOf.get(key);
          if (i !== undefined) cells[i] = v;
        };
        put('unit', n.arrears.unit);
        put('date', wallToSerial(set.day));
        put('method', enumLabel(REMINDER_METHODS, 'written', read.lang));
        const level = levelText(n.level, c.loaded.settings.dunningLevels.length, read.lang);
        put('result', read.lang === 'zh' ? `催缴通知单（${level}）` : `Notice (${level})`);
        return cells;
      });
      await wb.appendRows(reminders.summary.name, rows);
      const resultText = new Map(fresh.map((n, i) => [n.arrears.unit, rows[i][indexOf.get('result') ?? -1] ?? null]));
      const dropped = await dropTwins(wb, reminders, resultText, set.day);
      logged -= dropped;
      alreadyLogged += dropped;
    }
  }
  const json = { ...noticesJson(c.asOf, set, c.list), ...(req.logReminders ? { logged, alreadyLogged } : {}) };
  return { notices: set, sheet, json, sheetName, keptSheet, written: !!req.write, lang: c.lang, logged, alreadyLogged, remindersSheet: reminders?.summary.name ?? null, unreadableCells: c.unreadableCells };
}
