// The names of the sheets the add-in generates, apart from the renderer: reading a workbook (load.ts)
// tells them from the clerk's own sheets without loading the report code.
import { Lang } from '../domain/enums';

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  daily: { zh: '日盘点', en: 'Daily' },
  weekly: { zh: '周报', en: 'Weekly' },
  monthly: { zh: '月报', en: 'Monthly' },
  quarterly: { zh: '季报', en: 'Quarterly' },
};

const GENERATED = new RegExp(
  `^(?:(?:${Object.values(KIND_NAMES).flatMap((k) => [k.zh, k.en]).join('|')}) \\d{4}-(?:\\d{2}-\\d{2}|W\\d{2}|\\d{2}|Q[1-4])|KPI(?: .+)?)$`,
);

// The sheets of chasing arrears, named for the day they were made: 催缴通知单 2026-11-25, 欠费明细 2026-11-25.
const ARREARS_NAMES = {
  notices: { zh: '催缴通知单', en: 'Notices' },
  arrears: { zh: '欠费明细', en: 'Arrears' },
} as const;

const ARREARS_GENERATED = new RegExp(`^(?:${Object.values(ARREARS_NAMES).flatMap((k) => [k.zh, k.en]).join('|')}) \\d{4}-\\d{2}-\\d{2}$`);

// The clerk's to-do list of a day: 待办 2026-11-25 / To-do 2026-11-25.
const TODO_NAMES = { zh: '待办', en: 'To-do' } as const;
const TODO_GENERATED = new RegExp(`^(?:${TODO_NAMES.zh}|${TODO_NAMES.en}) \\d{4}-\\d{2}-\\d{2}$`);

/** Whether a name is one the add-in gives the sheets it generates (reports, KPI pivots, callback plans,
 *  notices, arrears lists, to-do lists). Only a name: whether a sheet IS generated is its marker
 *  (SheetSummary.generated), which load.ts reads. */
export function isGeneratedSheetName(name: string): boolean {
  return GENERATED.test(name) || planSheetQuarter(name) !== undefined || ARREARS_GENERATED.test(name) || TODO_GENERATED.test(name);
}

/** The sheet name of the to-do list of a day (YYYY-MM-DD): 待办 2026-11-25 / To-do 2026-11-25. */
export function todoSheetName(day: string, lang: Lang): string {
  return `${TODO_NAMES[lang]} ${day}`;
}

/** The sheet name of the notices or the arrears list of a day (YYYY-MM-DD): 催缴通知单 2026-11-25 / Notices 2026-11-25. */
export function arrearsSheetName(kind: keyof typeof ARREARS_NAMES, day: string, lang: Lang): string {
  return `${ARREARS_NAMES[kind][lang]} ${day}`;
}

/** The sheet name of a report: 周报 2026-W48 / Weekly 2026-W48. */
export function reportSheetName(kind: string, label: string, lang: Lang): string {
  return `${KIND_NAMES[kind]?.[lang] ?? kind} ${label}`;
}

// ---- callback plans -------------------------------------------------------------------------------

const PLAN_NAMES = { zh: '回访计划', en: 'Callback plan' } as const;
// a plan written where a clerk's sheet held the name goes to `回访计划 2026-Q4 (2)`… (workbook/generated.ts)
const PLAN = new RegExp(`^(${PLAN_NAMES.zh}|${PLAN_NAMES.en}) (\\d{4})-Q([1-4])(?: \\((?:[2-9]|[1-9]\\d+)\\))?$`);

/** The sheet name of a quarter's callback plan: 回访计划 2026-Q4 / Callback plan 2026-Q4. */
export function planSheetName(label: string, lang: Lang): string {
  return `${PLAN_NAMES[lang]} ${label}`;
}

/** The quarter a callback plan sheet is for, and the language of its name (`回访计划 2026-Q4`, or its
 *  numbered `回访计划 2026-Q4 (2)`); undefined for any other sheet. The name alone does not make it a
 *  plan: readPlanSheets reads only the sheets the add-in marked (or wrote before markers). */
export function planSheetQuarter(name: string): { year: number; quarter: number; lang: Lang } | undefined {
  const m = PLAN.exec(name);
  return m ? { year: Number(m[2]), quarter: Number(m[3]), lang: m[1] === PLAN_NAMES.zh ? 'zh' : 'en' } : undefined;
}
