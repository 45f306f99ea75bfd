// The app and workbook modules the pane calls. The file back end, the sample and the Office back end
// are loaded on demand, so each mode downloads only what it uses.
import type { Lang } from '../domain/enums';
import type { Workbook } from '../workbook/types';

export type { SheetStatus, WorkbookStatus, SetupResult } from '../app/setup';
export { inspectWorkbook, setUpWorkbook } from '../app/setup';

/** A workbook held in memory (standalone mode): the Workbook interface plus its bytes. */
export interface WorkbookFile extends Workbook {
  toBytes(): Uint8Array;
}

export async function openWorkbookFile(bytes: Uint8Array): Promise<WorkbookFile> {
  const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../workbook/file');
  return FileWorkbook.open(bytes);
}

export async function buildSample(lang: Lang): Promise<WorkbookFile> {
  const { buildSampleWorkbook } = await import(/* webpackChunkName: "sample" */ '../app/sample');
  return buildSampleWorkbook({ lang });
}

export async function loadOfficeWorkbook(): Promise<(context: Excel.RequestContext) => Workbook> {
  const { OfficeWorkbook } = await import(/* webpackChunkName: "office-workbook" */ '../workbook/office');
  return (context) => new OfficeWorkbook(context);
}
