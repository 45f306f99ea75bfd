// 催缴通知单: one notice per unit in arrears that has reached a dunning level and is over the chosen
// threshold (an amount and/or days overdue of its oldest charge), with the letter of its level from
// Settings filled in. A unit whose promised day to pay has not passed gets none: the clerk agreed to
// wait; it is counted apart, so that nothing is left out silently.
import { Lang } from '../enums';
import { formatYuan } from '../money';
import { NoticeKind, NOTICE_PLACEHOLDERS, Settings } from '../settings';
import { formatWall, formatWallAs, MS_PER_DAY, WallTime } from '../time';
import { amountInCapitals } from './capitals';
import { ArrearsList, OutstandingCharge, UnitArrears } from './list';

export interface NoticeThreshold {
  /** at least this much owed in all (cents) */
  readonly minAmount?: number;
  /** the oldest charge at least this many days overdue */
  readonly minDays?: number;
}

export interface Notice {
  readonly arrears: UnitArrears;
  readonly level: number;
  readonly kind: NoticeKind;
  /** the letter of its kind with the placeholders filled in */
  readonly letter: string;
  /** the total in Chinese capitals (大写金额) */
  readonly capitals: string;
  readonly payBy: WallTime;
}

export interface NoticeSet {
  readonly day: WallTime;
  readonly center: string;
  readonly contact: string;
  readonly notices: ReadonlyArray<Notice>;
  /** over the threshold at a level, but a promised day to pay has not passed: no notice */
  readonly promised: ReadonlyArray<UnitArrears>;
}

/** Which letter a level prints: the first level the first notice, the last the final one, any between the second. */
export function noticeKind(level: number, levels: number): NoticeKind {
  if (level <= 1) return 'first';
  return level >= levels ? 'final' : 'second';
}

/** A letter with its {placeholders} filled in (one not given stays as written). */
export function fillLetter(template: string, values: Readonly<Partial<Record<(typeof NOTICE_PLACEHOLDERS)[number], string>>>): string {
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name as keyof typeof values] ?? whole);
}

/** Money as a letter writes it: 1,234.56 元 / CNY 1,234.56. */
export function moneyText(cents: number, lang: Lang): string {
  return lang === 'zh' ? `${formatYuan(cents, 'zh-CN')} 元` : `CNY ${formatYuan(cents, 'en-US')}`;
}

/** A day as a letter writes it: 2026年12月5日 / 2026-12-05. */
export function dayText(day: WallTime, lang: Lang): string {
  return lang === 'zh' ? formatWallAs(day, 'YYYY年M月D日') : formatWall(day, false);
}

/** Who a notice is addressed to when 客户 has no name for the unit. */
function ownerText(u: UnitArrears, lang: Lang): string {
  return u.owner ?? (lang === 'zh' ? `${u.unit} 房业主` : `resident of unit ${u.unit}`);
}

function overThreshold(u: UnitArrears, t: NoticeThreshold): boolean {
  return u.total >= (t.minAmount ?? 0) && u.oldestDays >= (t.minDays ?? 0);
}

/** The notices of a day: units at a dunning level and over the threshold, most owed first. */
export function noticesOf(list: ArrearsList, threshold: NoticeThreshold, settings: Settings, lang: Lang): NoticeSet {
  const payBy = list.day + settings.payWithinDays * MS_PER_DAY;
  const levels = settings.dunningLevels.length;
  const notices: Notice[] = [];
  const promised: UnitArrears[] = [];
  for (const u of list.units) {
    if (!overThreshold(u, threshold)) continue;
    if (u.dunning.promisedDate !== null && u.dunning.promisedDate >= list.day) {
      if (u.dunning.level > 0 || u.dunning.byAge > 0) promised.push(u);
      continue;
    }
    if (u.dunning.level === 0) continue;
    const kind = noticeKind(u.dunning.level, levels);
    const letter = fillLetter(settings.noticeLetters[lang][kind], {
      center: settings.centerName,
      unit: u.unit,
      owner: ownerText(u, lang),
      total: moneyText(u.total, lang),
      payBy: dayText(payBy, lang),
      contact: settings.contact,
    });
    notices.push({ arrears: u, level: u.dunning.level, kind, letter, capitals: amountInCapitals(u.total), payBy });
  }
  return { day: list.day, center: settings.centerName, contact: settings.contact, notices, promised };
}

/** The most charge lines a notice holds and still prints on one A4 page with its letter and totals. */
export const NOTICE_MAX_LINES = 20;

/** One line of a notice's table of charges: a charge, or the charges of one fee item summed. */
export interface NoticeLine {
  readonly feeItem: string;
  /** the 账期 of the charge; of a summed line, the first and the last (null where none has one) */
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
  /** charges on the line (1 for a single charge) */
  readonly count: number;
  /** the earliest due date of the line's charges */
  readonly dueDate: WallTime;
  readonly due: number;
  readonly paid: number;
  readonly outstanding: number;
  /** days overdue of its oldest charge */
  readonly daysOverdue: number;
}

/**
 * The lines of a notice's table: each charge owed, oldest first; or, when there are more than fit a
 * page (NOTICE_MAX_LINES), one line a fee item (in the order of its oldest charge) summing its
 * charges, so that a unit owing for years still gets a one-page notice whose lines add up to its
 * total. Every charge is on exactly one line either way.
 */
export function noticeLines(charges: ReadonlyArray<OutstandingCharge>, maxLines = NOTICE_MAX_LINES): NoticeLine[] {
  const single = (c: OutstandingCharge): NoticeLine => ({
    feeItem: c.feeItem,
    firstPeriod: c.period,
    lastPeriod: c.period,
    count: 1,
    dueDate: c.dueDate,
    due: c.due,
    paid: c.paid,
    outstanding: c.outstanding,
    daysOverdue: c.daysOverdue,
  });
  if (charges.length <= maxLines) return charges.map(single);
  const byItem = new Map<string, OutstandingCharge[]>();
  for (const c of charges) {
    const list = byItem.get(c.feeItem);
    if (list) list.push(c);
    else byItem.set(c.feeItem, [c]);
  }
  return [...byItem.entries()].map(([feeItem, cs]) => {
    const periods = cs.map((c) => c.period).filter((p): p is string => p !== null).sort();
    return {
      feeItem,
      firstPeriod: periods[0] ?? null,
      lastPeriod: periods[periods.length - 1] ?? null,
      count: cs.length,
      dueDate: Math.min(...cs.map((c) => c.dueDate)),
      due: cs.reduce((a, c) => a + c.due, 0),
      paid: cs.reduce((a, c) => a + c.paid, 0),
      outstanding: cs.reduce((a, c) => a + c.outstanding, 0),
      daysOverdue: Math.max(...cs.map((c) => c.daysOverdue)),
    };
  });
}
