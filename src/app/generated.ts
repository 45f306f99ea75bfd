// Writing a generated sheet for a use case: the workbook puts it under its own name, or, when a
// clerk's sheet holds that name, under the first free `NAME (2)`, … (workbook/generated.ts); the
// result says which, and which of the clerk's sheets was kept, so every face can say so. A run that
// does not write says the name the write would use, found by the same rule from the sheet list.
import { Cell, ReportSheet, SheetSummary, Workbook } from '../workbook/types';
import { generatedTarget, sameTitle, takenCandidates } from '../workbook/generated';

export interface GeneratedWrite {
  /** the sheet written (or that would be, without `write`) */
  readonly sheetName: string;
  /** a clerk's sheet of the generated sheet's own name, left as it was (or that would be): the sheet went to sheetName */
  readonly keptSheet: string | null;
}

/**
 * Writes the sheet (with `write`), or says where it would go. `sheets`: the sheet list the caller
 * has already read (loadWorkbook's), so that saying so costs no read of the list again; the first cell
 * of a sheet of the name without a marker is read (an earlier version's sheet is ours when it opens
 * with the same title), as the back ends read it before writing.
 */
export async function writeGenerated(wb: Workbook, sheet: ReportSheet, write: boolean | undefined, sheets?: ReadonlyArray<SheetSummary>): Promise<GeneratedWrite> {
  const name = write ? await wb.writeReport(sheet) : await wouldWrite(wb, sheet, sheets ?? (await wb.listSheets()));
  return { sheetName: name, keptSheet: name === sheet.name ? null : sheet.name };
}

/** Where writeReport would put the sheet: its name if free or ours, else the first of NAME (2), … that is. */
export async function wouldWrite(wb: Workbook, sheet: ReportSheet, sheets: ReadonlyArray<SheetSummary>): Promise<string> {
  const byName = new Map(sheets.map((s) => [s.name.toLocaleLowerCase(), s]));
  const find = (name: string) => byName.get(name.toLocaleLowerCase());
  // a sheet holding a table is never ours; one with our marker is; one without is ours only by its title
  const unmarked = takenCandidates(sheet.name, sheets.map((s) => s.name))
    .map((n) => find(n)!)
    .filter((s) => !s.generated && s.tables.length === 0);
  const firstCells = new Map<string, Cell | undefined>();
  if (unmarked.length > 0) {
    // a sheet that cannot be read is not taken for ours, as in the back ends
    const grids = await wb.readSheets(unmarked.map((s) => s.name)).catch(() => []);
    for (const g of grids) firstCells.set(g.name.toLocaleLowerCase(), g.originRow === 0 && g.originCol === 0 ? (g.rows[0]?.[0] ?? null) : null);
  }
  return generatedTarget(
    sheet.name,
    (n) => find(n) !== undefined,
    (n) => {
      const s = find(n)!;
      return s.tables.length === 0 && (s.generated || sameTitle(firstCells.get(n.toLocaleLowerCase()), sheet.rows[0]?.[0]));
    },
  );
}
