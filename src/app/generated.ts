// Writing a generated sheet for a use case: the workbook puts it under its own name, or, when a
// clerk's sheet holds that name, under the first free `NAME (2)`, … (workbook/generated.ts); the
// result says which, and which of the clerk's sheets was kept, so every face can say so.
import { ReportSheet, Workbook } from '../workbook/types';

export interface GeneratedWrite {
  /** the sheet written (or that would be, without `write`) */
  readonly sheetName: string;
  /** a clerk's sheet of the generated sheet's own name, left as it was: the sheet went to sheetName */
  readonly keptSheet: string | null;
}

export async function writeGenerated(wb: Workbook, sheet: ReportSheet, write: boolean | undefined): Promise<GeneratedWrite> {
  if (!write) return { sheetName: sheet.name, keptSheet: null };
  const written = await wb.writeReport(sheet);
  return { sheetName: written, keptSheet: written === sheet.name ? null : sheet.name };
}
