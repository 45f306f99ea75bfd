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

/** Whether a sheet is one the add-in generates (reports, KPI pivots): regenerated, never hand-kept. */
export function isGeneratedSheetName(name: string): boolean {
  return GENERATED.test(name);
}

/** The sheet name of a report: 周报 2026-W48 / Weekly 2026-W48. */
export function reportSheetName(kind: string, label: string, lang: Lang): string {
  return `${KIND_NAMES[kind]?.[lang] ?? kind} ${label}`;
}
