// Where the pane's workbook lives: the open Excel workbook (through Office.js), or a file held in this
// browser (standalone). The rest of the pane only sees `run`.
import type { Workbook } from '../workbook/types';
import { loadOfficeWorkbook, loadChangeWatch, WorkbookFile } from './backend';

export interface Host {
  readonly kind: 'excel' | 'standalone';
  /** run one use case against the workbook */
  run<T>(fn: (wb: Workbook) => Promise<T>): Promise<T>;
  /** follow the clerk's edits of some sheets (Excel only); resolves to the function that stops it */
  watchChanges?(sheets: ReadonlyArray<string>, handlers: ChangeHandlers): Promise<() => Promise<void>>;
}

export interface ChangeHandlers {
  /** these rows (0-based, ascending) of the sheet changed, here or by a co-author */
  onRows(sheet: string, rows: ReadonlyArray<number>): void | Promise<void>;
  /** too much changed to follow row by row (a sort, a paste, rows inserted or deleted) */
  onSheet(sheet: string): void | Promise<void>;
  onError(err: unknown): void;
}

export interface FileHost extends Host {
  readonly kind: 'standalone';
  /** the name to save the workbook under */
  readonly fileName: string;
  toBytes(): Uint8Array;
}

export type Environment = { readonly kind: 'excel'; readonly officeLanguage: string } | { readonly kind: 'standalone' };

/** How long to wait for Office.onReady before deciding there is no Office host. */
const OFFICE_READY_TIMEOUT_MS = 10_000;

/**
 * Inside Excel, Office.onReady reports the Excel host. In a plain browser office.js either failed to
 * load (no CDN: `Office` is undefined) or reports no host.
 */
export async function detectEnvironment(): Promise<Environment> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'standalone' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (info && info.host === Office.HostType.Excel) {
      return { kind: 'excel', officeLanguage: Office.context?.displayLanguage ?? '' };
    }
  } catch {
    // office.js loaded but could not start: nothing to talk to, so run standalone
  } finally {
    clearTimeout(timer);
  }
  return { kind: 'standalone' };
}

export async function excelHost(): Promise<Host> {
  const makeWorkbook = await loadOfficeWorkbook();
  return {
    kind: 'excel',
    run: (fn) => Excel.run((context) => fn(makeWorkbook(context))),
    async watchChanges(sheets, handlers) {
      const watchChanges = await loadChangeWatch();
      const watch = await watchChanges({
        run: (batch) => Excel.run(batch),
        runIn: (context, batch) => Excel.run(context, batch),
        sheets,
        onRows: handlers.onRows,
        onSheet: handlers.onSheet,
        onError: handlers.onError,
      });
      return () => watch.stop();
    },
  };
}

export function fileHost(wb: WorkbookFile, fileName: string): FileHost {
  // one use case at a time: a second click must not interleave with a set-up in progress
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'standalone',
    fileName,
    toBytes: () => wb.toBytes(),
    run<T>(fn: (wb: Workbook) => Promise<T>): Promise<T> {
      const next = queue.then(() => fn(wb));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
