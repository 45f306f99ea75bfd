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
  toBytes(): Promise<Uint8Array>;
  /** lets go of the workbook (another was opened in its place) */
  close(): void;
}

export type Environment = { readonly kind: 'excel'; readonly officeLanguage: string } | { readonly kind: 'standalone' };

/** How long to wait for office.js, and then for Office.onReady, inside an Office host before running standalone. */
const OFFICE_READY_TIMEOUT_MS = 10_000;

/** What the page can tell about its host before office.js has arrived (see officeHostHinted). */
export interface HostHints {
  /** location.search and location.hash */
  readonly search: string;
  readonly hash: string;
  /** window.name: Office on the web names the add-in's frame with JSON that carries hostInfo */
  readonly windowName: string;
  /** sessionStorage's hostInfoValue, which office.js keeps once it has found its host */
  readonly storedHostInfo: string | null;
  /** the page runs in a frame (Office on the web) */
  readonly framed: boolean;
  /** the webview offers window.external.GetHostInfo (the older Office desktop webviews) */
  readonly hostInfoApi: boolean;
}

/**
 * Whether the page may be running inside an Office host. Office tells the add-in page where it runs
 * the ways office.js reads it (its _retrieveHostInfo): the `_host_Info` parameter Office adds to the
 * page's URL (Excel$Win32$16.01$en-US$…, Excel$Web…, Excel$Mac…), window.name in Office on the web,
 * sessionStorage once office.js has run, window.external.GetHostInfo in older webviews. A page opened
 * in a browser tab has none of them: it runs standalone at once, without waiting for office.js.
 */
export function officeHostHinted(h: HostHints): boolean {
  if (/[?&#]_host_Info=/i.test(`${h.search}${h.hash}`)) return true;
  if (h.storedHostInfo) return true;
  if (h.framed || h.hostInfoApi) return true;
  try {
    const named: unknown = JSON.parse(h.windowName);
    return typeof named === 'object' && named !== null && 'hostInfo' in named;
  } catch {
    return false;
  }
}

function hintsOfThisPage(): HostHints {
  let storedHostInfo: string | null = null;
  try {
    storedHostInfo = window.sessionStorage.getItem('hostInfoValue');
  } catch {
    // storage refused: no hint from there
  }
  let framed = true;
  try {
    framed = window.self !== window.top;
  } catch {
    // a cross-origin parent refuses the comparison: that is a frame
  }
  const external = (window as { external?: { GetHostInfo?: unknown } }).external;
  return {
    search: window.location.search,
    hash: window.location.hash,
    windowName: window.name,
    storedHostInfo,
    framed,
    hostInfoApi: typeof external?.GetHostInfo === 'function',
  };
}

/** taskpane.html loads office.js async and records here whether it arrived. */
type OfficeScriptState = 'loading' | 'loaded' | 'failed';

function officeScriptState(): OfficeScriptState {
  const state = (window as { DESKBOOK_OFFICE_JS?: OfficeScriptState }).DESKBOOK_OFFICE_JS;
  return state ?? 'loaded';
}

/** Resolves when office.js has loaded (true) or failed (false), or after `ms` (false). */
function officeScriptArrived(ms: number): Promise<boolean> {
  const state = officeScriptState();
  if (state !== 'loading') return Promise.resolve(state === 'loaded');
  const script = document.getElementById('office-js');
  if (!script) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onError);
      resolve(ok);
    };
    const onLoad = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onError);
  });
}

/** Office.onReady's verdict, within `ms`: the Excel host, or null (no host, no Office, or no answer). */
async function excelFromOffice(ms: number): Promise<Environment | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    if (info && info.host === Office.HostType.Excel) {
      return { kind: 'excel', officeLanguage: Office.context?.displayLanguage ?? '' };
    }
  } catch {
    // office.js loaded but could not start: nothing to talk to
  } finally {
    clearTimeout(timer);
  }
  return null;
}

/**
 * Where the pane runs. In a plain browser tab (no sign of an Office host, see officeHostHinted) it is
 * standalone at once: office.js loads async and an unreachable CDN delays nothing. Inside an Office
 * host the pane waits for office.js and Office.onReady, and runs standalone if they do not come.
 */
export async function detectEnvironment(hints: HostHints = hintsOfThisPage()): Promise<Environment> {
  if (!officeHostHinted(hints)) return { kind: 'standalone' };
  if (!(await officeScriptArrived(OFFICE_READY_TIMEOUT_MS))) return { kind: 'standalone' };
  return (await excelFromOffice(OFFICE_READY_TIMEOUT_MS)) ?? { kind: 'standalone' };
}

/**
 * For a pane that started standalone without any sign of a host: should office.js still arrive and
 * report Excel (a host that gave none of the signs), the Excel host; null otherwise, never rejects.
 */
export async function lateExcelHost(): Promise<Environment | null> {
  if (!(await officeScriptArrived(60_000))) return null;
  return excelFromOffice(OFFICE_READY_TIMEOUT_MS);
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
    close: () => wb.close(),
    run<T>(fn: (wb: Workbook) => Promise<T>): Promise<T> {
      const next = queue.then(() => fn(wb));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
