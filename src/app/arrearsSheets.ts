// The sheets of chasing arrears, laid out from what the domain worked out (it computes nothing):
// 欠费明细 (the aging table with 户数, every unit in arrears most owed first, then each charge owed)
// and 催缴通知单 (one notice to a printed A4 portrait page: letter, charges, total in figures and in
// Chinese capitals, pay-by date, contact).
import { ArrearsList, UnitArrears } from '../domain/arrears/list';
import { dayText, NoticeLine, noticeLines, NoticeSet } from '../domain/arrears/notices';
import { enumLabel, Lang, REMINDER_METHODS } from '../domain/enums';
import { Arrears } from '../domain/kpi/charges';
import { centsToYuan, formatYuan } from '../domain/money';
import { Settings } from '../domain/settings';
import { formatWall, WallTime, wallToSerial } from '../domain/time';
import { Cell, ReportSheet, ReportStyle } from '../workbook/types';
import { arrearsSheetName } from './reportNames';
import { Layout } from './reportSheet';

const W = {
  zh: {
    list: '欠费明细', asOf: '截至', summary: '欠费 {units} 户，合计 {total} 元',
    aging: '一、账龄', bucket: '账龄（天）', amount: '金额（元）', units: '户数', total: '合计',
    agingNote: '一户的欠费分属几个账龄段时，在每段各计一户；合计为欠费户数。',
    byUnit: '二、各户欠费（按欠费金额从高到低）', unit: '房号', owner: '业主', owed: '欠费（元）', periods: '欠费期数', since: '欠费起始', oldest: '最长逾期（天）',
    level: '催缴级别', lastDate: '最近催缴', method: '方式', result: '结果', promised: '承诺缴费日', passed: '承诺已过期', yes: '是', no: '否',
    charges: '三、各户欠费明细', feeItem: '费用项目', period: '账期', dueDate: '到期日', due: '应收（元）', paid: '已缴（元）', days: '逾期天数',
    none: '无欠费',
    notice: '催缴通知单', noticeLine: '房号：{unit}　业主：{owner}　{level}　{date}', capitals: '合计欠费（大写）：人民币{capitals}',
    payBy: '请于 {date} 前缴清。', contact: '联系方式：{contact}', noNotices: '截至 {date}，没有需要发出的催缴通知单。',
    periodSpan: '{first} 至 {last}（{count} 笔）', countOnly: '{count} 笔',
    summed: '共 {count} 笔欠费，按费用项目合计；逐笔明细见“欠费明细”表。',
  },
  en: {
    list: 'Arrears', asOf: 'as of', summary: '{units} units in arrears, {total} in all',
    aging: '1. Aging', bucket: 'Days overdue', amount: 'Amount', units: 'Units', total: 'Total',
    agingNote: 'A unit owing in several buckets counts once in each; the total is the number of units in arrears.',
    byUnit: '2. Units in arrears (most owed first)', unit: 'Unit', owner: 'Owner', owed: 'Owed', periods: 'Unpaid periods', since: 'In arrears since', oldest: 'Oldest (days)',
    level: 'Dunning level', lastDate: 'Last reminder', method: 'Method', result: 'Result', promised: 'Promised date', passed: 'Promise passed', yes: 'yes', no: 'no',
    charges: '3. Charges owed, by unit', feeItem: 'Fee item', period: 'Period', dueDate: 'Due date', due: 'Due', paid: 'Paid', days: 'Days overdue',
    none: 'No arrears',
    notice: 'Payment notice', noticeLine: 'Unit: {unit}   Owner: {owner}   {level}   {date}', capitals: 'Total owed in Chinese capitals: 人民币{capitals}',
    payBy: 'Please pay by {date}.', contact: 'Contact: {contact}', noNotices: 'As of {date}, there are no notices to send.',
    periodSpan: '{first} to {last} ({count} charges)', countOnly: '{count} charges',
    summed: '{count} charges owed, summed by fee item; each charge is on the Arrears sheet.',
  },
};

function say(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}

const CN_ORDINALS = '一二三四五六七八九十';
const EN_ORDINALS = ['1st', '2nd', '3rd'];

/** A dunning level in words: 第一次 / 第二次 / 最后通知 (1st, 2nd, final); 0 is 未到 (none). */
export function levelText(level: number, levels: number, lang: Lang): string {
  if (level <= 0) return lang === 'zh' ? '未到' : 'none';
  if (level >= levels && levels > 1) return lang === 'zh' ? '最后通知' : 'final';
  return lang === 'zh' ? `第${CN_ORDINALS[level - 1] ?? level}次` : (EN_ORDINALS[level - 1] ?? `${level}th`);
}

/** A unit's level as the list shows it: its words, and when a promise holds it, so. */
function unitLevel(u: UnitArrears, levels: number, lang: Lang): string {
  const text = levelText(u.dunning.level, levels, lang);
  return u.dunning.held ? `${text}${lang === 'zh' ? '（承诺暂缓）' : ' (held by a promise)'}` : text;
}

const day = (t: WallTime): number => wallToSerial(t);

/** 欠费明细: the aging table, every unit in arrears, then each charge owed; A4 landscape, one page wide. */
export function renderArrearsList(list: ArrearsList, aging: Arrears, settings: Settings, lang: Lang): ReportSheet {
  const w = W[lang];
  const levels = settings.dunningLevels.length;
  const L = new Layout(12);
  const heights: Array<{ row: number; points: number }> = [];
  const name = arrearsSheetName('arrears', formatWall(list.day, false), lang);
  L.merged(`${settings.centerName} ${name}`, 'title');
  L.merged(`${w.asOf} ${formatWall(list.day, false)} · ${say(w.summary, { units: list.units.length, total: formatYuan(list.total, lang === 'zh' ? 'zh-CN' : 'en-US') })}`, 'subtitle');
  L.blank();

  L.row([w.aging], 'section');
  heights.push({ row: L.row([w.bucket, w.amount, w.units], 'header'), points: 30 });
  for (const b of aging.byBucket) L.row([b.label, centsToYuan(b.amount), b.units], ['label', 'money', 'integer']);
  L.row([w.total, centsToYuan(aging.total), list.units.length], ['total', 'moneyTotal', 'total']);
  L.row([w.agingNote], 'note');
  L.blank();

  L.row([w.byUnit], 'section');
  const head = L.row([w.unit, w.owner, w.owed, w.periods, w.since, w.oldest, w.level, w.lastDate, w.method, w.result, w.promised, w.passed], 'header');
  heights.push({ row: head, points: 30 });
  if (list.units.length === 0) L.row([w.none], 'note');
  for (const u of list.units) {
    const r = u.dunning.lastReminder;
    const promised = u.dunning.promisedDate;
    L.row(
      [
        u.unit,
        u.owner,
        centsToYuan(u.total),
        u.periods,
        day(u.since),
        u.oldestDays,
        unitLevel(u, levels, lang),
        r ? day(r.date) : null,
        r?.method ? enumLabel(REMINDER_METHODS, r.method, lang) : null,
        r?.result ?? null,
        promised === null ? null : day(promised),
        promised === null ? null : promised < list.day ? w.yes : w.no,
      ],
      ['text', 'text', 'money', 'integer', 'date', 'integer', 'text', 'date', 'text', 'text', 'date', 'text'],
    );
  }
  L.blank();

  L.row([w.charges], 'section');
  heights.push({ row: L.row([w.unit, w.feeItem, w.owed, w.period, w.dueDate, w.days, w.bucket, w.due, w.paid], 'header'), points: 30 });
  for (const u of list.units) {
    for (const c of u.charges) {
      L.row(
        [u.unit, c.feeItem, centsToYuan(c.outstanding), c.period, day(c.dueDate), c.daysOverdue, list.buckets[c.bucket].label, centsToYuan(c.due), centsToYuan(c.paid)],
        ['text', 'text', 'money', 'text', 'date', 'integer', 'text', 'money', 'money'],
      );
    }
  }
  return {
    name,
    rows: L.rows,
    styles: L.styles,
    merges: L.merges,
    widths: [11, 12, 12, 9, 11, 10, 16, 11, 9, 30, 11, 10],
    printTitleRows: { first: head, last: head },
    rowHeights: heights,
  };
}

// A notice's columns: fee item, 账期, due date, due, paid, owed, days overdue. 68 characters: about
// 13 cm in Excel's Calibri, and still inside A4 portrait's 19 cm between the margins where the font
// is replaced by a wider one (LibreOffice without Calibri: DejaVu Sans); printed centred.
const NOTICE_WIDTHS = [11, 8, 11, 10, 10, 10, 8];
const NOTICE_COLS = NOTICE_WIDTHS.length;

/** Column-width units (the default font's digit) that `text` takes in Excel: a Chinese character
 *  about 2.1 (11 pt wide), a Latin letter on average about 0.85. */
function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/.test(ch) ? 2.1 : 0.85;
  return n;
}

/** The height in points of a wrapped paragraph across the notice's columns: lines of 15 pt, and a little room. */
function paragraphPoints(text: string): number {
  const across = NOTICE_WIDTHS.reduce((a, b) => a + b, 0) * 0.95;
  const lines = Math.max(1, Math.ceil(textWidth(text) / across));
  return Math.min(409, lines * 15 + 6);
}

/** The 账期 of a notice line: the charge's own; of a line summing a fee item, the first to the last. */
function linePeriod(line: NoticeLine, lang: Lang): string | null {
  const w = W[lang];
  if (line.count === 1) return line.firstPeriod;
  if (line.firstPeriod === null || line.lastPeriod === null) return say(w.countOnly, { count: line.count });
  return say(w.periodSpan, { first: line.firstPeriod, last: line.lastPeriod, count: line.count });
}

/** 催缴通知单: one notice to a page, A4 portrait, a page break above each notice but the first. */
export function renderNotices(set: NoticeSet, settings: Settings, lang: Lang): ReportSheet {
  const w = W[lang];
  const levels = settings.dunningLevels.length;
  const L = new Layout(NOTICE_COLS);
  const heights: Array<{ row: number; points: number }> = [];
  const breaks: number[] = [];
  const name = arrearsSheetName('notices', formatWall(set.day, false), lang);
  const date = dayText(set.day, lang);
  if (set.notices.length === 0) {
    L.merged(w.notice, 'heading');
    L.merged(set.center, 'subtitle');
    L.blank();
    L.merged(say(w.noNotices, { date }), 'text');
  }
  for (const n of set.notices) {
    const u = n.arrears;
    const top = L.merged(w.notice, 'heading');
    heights.push({ row: top, points: 30 });
    if (top > 0) breaks.push(top);
    L.merged(set.center, 'subtitle');
    L.merged(say(w.noticeLine, { unit: u.unit, owner: u.owner ?? '—', level: levelText(n.level, levels, lang), date }), 'subtitle');
    L.blank();
    heights.push({ row: L.merged(n.letter, 'paragraph'), points: paragraphPoints(n.letter) });
    L.blank();
    heights.push({ row: L.row([w.feeItem, w.period, w.dueDate, w.due, w.paid, w.owed, w.days], 'header'), points: 30 });
    const styles: ReportStyle[] = ['text', 'text', 'date', 'money', 'money', 'money', 'integer'];
    const lines = noticeLines(u.charges);
    for (const c of lines) L.row([c.feeItem, linePeriod(c, lang), day(c.dueDate), centsToYuan(c.due), centsToYuan(c.paid), centsToYuan(c.outstanding), c.daysOverdue], styles);
    const sum = (f: (c: NoticeLine) => number) => centsToYuan(lines.reduce((a, c) => a + f(c), 0));
    const totals: Cell[] = [w.total, null, null, sum((c) => c.due), sum((c) => c.paid), centsToYuan(u.total), null];
    L.row(totals, ['total', 'total', 'total', 'moneyTotal', 'moneyTotal', 'moneyTotal', 'total']);
    if (lines.length < u.charges.length) L.merged(say(w.summed, { count: u.charges.length }), 'note');
    L.blank();
    L.merged(say(w.capitals, { capitals: n.capitals }), 'section');
    L.merged(say(w.payBy, { date: dayText(n.payBy, lang) }), 'text');
    L.merged(say(w.contact, { contact: set.contact }), 'text');
    L.blank();
    L.blank();
    L.merged(`${set.center}　${date}`, 'signature');
  }
  return {
    name,
    rows: L.rows,
    styles: L.styles,
    merges: L.merges,
    widths: NOTICE_WIDTHS,
    pages: { orientation: 'portrait', breaks },
    rowHeights: heights,
  };
}
