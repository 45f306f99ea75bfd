// The marks of src/workbook/marks.ts (either layer) over Office.js: queued operations only; the caller
// syncs. No runtime reference to the global `Excel` (enum values are their string literals).
//
// Requirement sets: ExcelApi 1.1 Worksheet.visibility ('VeryHidden'), Range.clear,
// Worksheet.getRange(); ExcelApi 1.6 Range.conditionalFormats, ConditionalFormat.type /
// customOrNullObject / delete / priority, CustomConditionalFormat.rule.formula and format.fill / font.
import { MAX_COLS } from '../a1';
import { MARK_LAYERS, MarkLayer, markRuleFormula, markSheetName, OurRule, ourRule, PROBLEM_MARKS, rulesToAdd } from '../marks';

/** What a data sheet's marks look like before we touch them. */
export interface MarkProbe {
  /** our very-hidden mark sheet, none yet, or a sheet of that name that is not ours */
  readonly markSheet: 'ours' | 'absent' | 'foreign';
  /** the layer's conditional formats on the data sheet, each with its handle (to delete one keyed
   *  by another column, or by none: an earlier version's) */
  readonly rules: ReadonlyArray<OurRule & { readonly format?: Excel.ConditionalFormat }>;
}

/**
 * Queue loads that tell whether the mark sheet and our two conditional formats exist; read the
 * answer with the returned function after the next sync (and only if `sheet` is not a null object).
 * Costs a few hundred bytes: the mark sheet's name and visibility, the type and formula of each
 * conditional format on the data sheet.
 */
export function queueMarkProbe(context: Excel.RequestContext, sheet: Excel.Worksheet, dataSheet: string, layer: MarkLayer = PROBLEM_MARKS): () => MarkProbe {
  const name = markSheetName(dataSheet, layer);
  const markSheet = context.workbook.worksheets.getItemOrNullObject(name);
  markSheet.load('name,visibility');
  const formats = sheet.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
  return () => {
    const rules: Array<OurRule & { format: Excel.ConditionalFormat }> = [];
    for (const format of formats.items) {
      if (format.type !== 'Custom') continue;
      const custom = format.customOrNullObject;
      if (custom.isNullObject) continue;
      const rule = ourRule(layer, custom.rule.formula, name);
      if (rule) rules.push({ ...rule, format });
    }
    const state = markSheet.isNullObject ? 'absent' : markSheet.visibility === 'VeryHidden' ? 'ours' : 'foreign';
    return { markSheet: state, rules };
  };
}

/**
 * Queue what makes a data sheet able to show the layer's marks keyed by column `keyCol`: the
 * very-hidden mark sheet if it is absent, each of the layer's conditional formats the probe did not
 * find (so none is ever added twice), and the deletion of ours keyed otherwise. Returns the mark
 * sheet. Excel adds a conditional format at the top priority: the problem marks' rules go above
 * everything; a layer ranking below (the due colours) has its rules moved to the bottom, under the
 * clerk's own rules and the problem marks (ConditionalFormat.priority: "priorities greater than the
 * bounds will get and set to the maximum").
 */
export function queueMarkSetUp(context: Excel.RequestContext, dataSheet: string, probe: MarkProbe, keyCol: number, layer: MarkLayer = PROBLEM_MARKS): Excel.Worksheet {
  const name = markSheetName(dataSheet, layer);
  if (probe.markSheet === 'foreign') {
    throw new Error(`The sheet "${name}" exists and is not a mark sheet of the add-in; marks for "${dataSheet}" cannot be shown.`);
  }
  const sheets = context.workbook.worksheets;
  let markSheet: Excel.Worksheet;
  if (probe.markSheet === 'absent') {
    markSheet = sheets.add(name);
    markSheet.visibility = 'VeryHidden';
  } else {
    markSheet = sheets.getItem(name);
  }
  const data = sheets.getItem(dataSheet);
  for (const rule of probe.rules) if (rule.keyCol !== keyCol && rule.format) rule.format.delete();
  for (const state of rulesToAdd(layer, probe.rules, keyCol)) {
    // Over the whole sheet, so rows the clerk adds later are covered; A1 in the formula is relative
    // to the top-left cell of that range, i.e. each cell reads its own address on the mark sheet
    // (whole rows: column A of its own row).
    const format = data.getRange().conditionalFormats.add('Custom');
    format.custom.rule.formula = `=${markRuleFormula(layer, name, state, keyCol)}`;
    const style = layer.style[state];
    format.custom.format.fill.color = style.fill;
    if (style.font) format.custom.format.font.color = style.font;
    // set last: a format whose priority changed is not to be changed further through this proxy
    if (MARK_LAYERS.indexOf(layer) > 0) format.priority = LAST_PRIORITY;
  }
  return markSheet;
}

/** Beyond any sheet's count of conditional formats: Excel puts the format last. */
const LAST_PRIORITY = 1_000_000;

/** Queue the clearing of whole rows (runs of consecutive rows) of a mark sheet, or of all of it. */
export function queueMarkClear(markSheet: Excel.Worksheet, runs: ReadonlyArray<{ start: number; count: number }> | null): void {
  if (runs === null) {
    markSheet.getRange().clear('Contents');
    return;
  }
  for (const { start, count } of runs) markSheet.getRangeByIndexes(start, 0, count, MAX_COLS).clear('Contents');
}
