// deskbook arrears and deskbook notices: the arrears list (欠费明细) and the notices (催缴通知单) of a
// day. Parses nothing, computes nothing: calls the use cases (app/arrears.ts), saves, prints. The
// workbook is written only when its bytes changed; --no-write writes nothing.
import { runArrears, runNotices } from '../app/arrears';
import { levelText } from '../app/arrearsSheets';
import { Lang } from '../domain/enums';
import { formatYuan } from '../domain/money';
import { formatWall } from '../domain/time';
import { openWorkbookFile, saveTo } from './files';
import { t } from './strings';

export interface ArrearsOptions {
  readonly asOf?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly lang?: Lang;
  readonly write: boolean;
  readonly force?: boolean;
}

export interface NoticesOptions extends ArrearsOptions {
  /** cents */
  readonly minAmount?: number;
  readonly minDays?: number;
  readonly logReminders?: boolean;
}

interface Io {
  out(line: string): void;
  err(line: string): void;
}

const yuan = (cents: number, lang: Lang) => formatYuan(cents, lang === 'zh' ? 'zh-CN' : 'en-US');
const joined = (items: string[], lang: Lang) => items.join(lang === 'zh' ? '，' : ', ');

/** Runs `deskbook arrears`. */
export async function runArrearsCommand(io: Io, file: string, opts: ArrearsOptions): Promise<number> {
  const target = opts.out ?? file;
  const read = await openWorkbookFile(file, { writeTo: opts.write ? target : undefined });
  const result = await runArrears(read.workbook, { asOf: opts.asOf, lang: opts.lang, write: opts.write });
  if (opts.write) saveTo(file, target, read);
  const lang = result.lang;
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'arrearsUnreadable', { n: result.unreadableCells, file })}`);
  if (opts.json) {
    io.out(JSON.stringify(result.json, null, 2));
    return 0;
  }
  const list = result.list;
  io.out(t(lang, opts.write ? 'reportWritten' : 'reportBuilt', { sheet: result.sheetName, file: target }) + t(lang, 'arrearsArrears', { units: list.units.length, total: yuan(list.total, lang) }));
  const levels = result.levels;
  const counts = new Map<number, number>();
  for (const u of list.units) counts.set(u.dunning.level, (counts.get(u.dunning.level) ?? 0) + 1);
  const byLevel = [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([level, n]) => t(lang, 'arrearsLevel', { level: levelText(level, levels, lang), n }));
  if (byLevel.length > 0) io.out(t(lang, 'arrearsLevels', { list: joined(byLevel, lang) }));
  return 0;
}

/** Runs `deskbook notices`. */
export async function runNoticesCommand(io: Io, file: string, opts: NoticesOptions): Promise<number> {
  const target = opts.out ?? file;
  const read = await openWorkbookFile(file, { writeTo: opts.write ? target : undefined });
  const result = await runNotices(read.workbook, {
    asOf: opts.asOf,
    lang: opts.lang,
    write: opts.write,
    minAmount: opts.minAmount,
    minDays: opts.minDays,
    logReminders: opts.logReminders,
  });
  if (opts.write) saveTo(file, target, read);
  const lang = result.lang;
  if (result.unreadableCells > 0) io.err(`deskbook: ${t(lang, 'arrearsUnreadable', { n: result.unreadableCells, file })}`);
  if (opts.json) {
    io.out(JSON.stringify(result.json, null, 2));
    return 0;
  }
  const set = result.notices;
  const total = set.notices.reduce((a, n) => a + n.arrears.total, 0);
  io.out(t(lang, opts.write ? 'reportWritten' : 'reportBuilt', { sheet: result.sheetName, file: target }) + t(lang, 'arrearsNotices', { n: set.notices.length, total: yuan(total, lang) }));
  // nothing left out silently: the units a promise keeps without a notice, and what was logged
  if (set.promised.length > 0) {
    const units = set.promised.map((u) => t(lang, 'arrearsPromisedUnit', { unit: u.unit, date: formatWall(u.dunning.promisedDate!, false) }));
    io.out(t(lang, 'arrearsPromised', { n: set.promised.length, list: joined(units, lang) }));
  }
  if (opts.logReminders) {
    io.out(t(lang, 'arrearsLogged', { n: result.logged, sheet: result.remindersSheet ?? '' }));
    if (result.alreadyLogged > 0) io.out(t(lang, 'arrearsAlreadyLogged', { n: result.alreadyLogged }));
  }
  return 0;
}
