// What the operations of one OfficeWorkbook share: its request context, the count of its syncs, the
// cell-data budget of one sync, what it has learnt about each sheet's marks, and the host's
// requirement sets. read.ts, write.ts, generated.ts and marking.ts are functions of a session.
import { isMarkSheetName } from '../marks';
import { MarkProbe } from './marks';

export class OfficeSession {
  private syncCount = 0;
  /** what this context has learnt about each sheet's marks (by lower-case sheet name) */
  readonly markProbes = new Map<string, MarkProbe>();
  /** whether the host loads each sheet's names with the sheet list (read.ts listSheets); undefined until tried */
  sheetNamesExpand: boolean | undefined;

  constructor(
    readonly context: Excel.RequestContext,
    /** cell-data bytes one sync may carry */
    readonly budget: number,
    readonly isSetSupported: (name: string, version: string) => boolean,
  ) {}

  /** `context.sync()` calls made so far. */
  get syncs(): number {
    return this.syncCount;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    await this.context.sync();
  }

  /** One sync: every sheet's name, in tab order. */
  async sheetNames(): Promise<string[]> {
    const sheets = this.context.workbook.worksheets.load('items/name');
    await this.sync();
    return sheets.items.map((sheet) => sheet.name);
  }
}

export function sameSheetName(a: string, b: string): boolean {
  // Excel's sheet names are unique without regard to case.
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** One of our mark sheets (name and visibility loaded). */
export function isOurs(sheet: Excel.Worksheet): boolean {
  return isMarkSheetName(sheet.name) && sheet.visibility === 'VeryHidden';
}
