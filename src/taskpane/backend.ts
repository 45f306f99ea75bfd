// The app and workbook modules the pane calls. The file back end, the sample, the Office back end and
// the validation and entry use cases are loaded on demand, so each mode downloads only what it uses
// and the pane shows before any of them has arrived.
import type { AddTicketOptions, AddTicketResult, RowDetail, TicketFormOptions, TicketInput } from '../app/entry';
import type { ValidateOptions, ValidationReport, LiveValidator } from '../app/validate';
import type { Lang } from '../domain/enums';
import type { Workbook } from '../workbook/types';
import { pinnedAsOf } from './clock';
import type { ReadingProgress, UseCaseArgs, UseCaseName, UseCaseResult } from './worker/protocol';

import type { SetupResult, WorkbookStatus } from '../app/setup';
export type { SheetStatus, WorkbookStatus, SetupResult } from '../app/setup';
import * as setup from '../app/setup';
import type { SetupOptions } from '../app/setup';

export async function inspectWorkbook(wb: Workbook, opts?: { lang?: Lang }): Promise<WorkbookStatus> {
  return inWorker(wb, 'inspectWorkbook', opts) ?? setup.inspectWorkbook(wb, opts);
}

export async function setUpWorkbook(wb: Workbook, opts?: SetupOptions): Promise<SetupResult> {
  return inWorker(wb, 'setUpWorkbook', opts) ?? setup.setUpWorkbook(wb, opts);
}
export { columnLetter } from '../app/layout';
export { nowIso } from './clock';
export type { LiveValidator, LocatedProblem, ValidationReport } from '../app/validate';
export type { AddTicketResult, EntryProblem, RowDetail, TicketField, TicketFieldInfo, TicketFormOptions, TicketInput } from '../app/entry';

/** A workbook held in memory (standalone mode): the Workbook interface plus its bytes. */
export interface WorkbookFile extends Workbook {
  toBytes(): Promise<Uint8Array>;
  /** lets go of it (another workbook was opened in its place) */
  close(): void;
}

export type { ReadingProgress } from './worker/protocol';

/**
 * The file lives in a Web Worker (worker/), which reads it and runs the use cases on it while the
 * pane stays free; `onProgress` hears how far each read has come. A browser without workers reads on
 * the page's own thread, as before.
 */
export async function openWorkbookFile(bytes: Uint8Array, onProgress: (progress: ReadingProgress) => void = () => undefined): Promise<WorkbookFile> {
  if (typeof Worker !== 'undefined') {
    const { RemoteWorkbook } = await import(/* webpackChunkName: "remote-workbook" */ './worker/remote');
    return RemoteWorkbook.open(bytes, onProgress);
  }
  const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../workbook/file');
  let reading: ReadonlyArray<string> = [];
  const wb = FileWorkbook.open(bytes, { onProgress: ({ done, total }) => onProgress({ done, total, sheets: reading }) });
  return inMemory(wb, (names) => (reading = names));
}

/** Starts the worker a file will open in, while the pane waits for one (standalone, with workers). */
export function prepareFileWorker(): void {
  if (typeof Worker === 'undefined') return;
  void import(/* webpackChunkName: "remote-workbook" */ './worker/remote').then((m) => m.prepareWorker()).catch(() => undefined);
}

export async function buildSample(lang: Lang): Promise<WorkbookFile> {
  // as of the moment the page pinned (?asOf=), else today 17:30
  const asOf = pinnedAsOf();
  if (typeof Worker !== 'undefined') {
    const { RemoteWorkbook } = await import(/* webpackChunkName: "remote-workbook" */ './worker/remote');
    return RemoteWorkbook.sample(lang, asOf);
  }
  const [{ FileWorkbook }, { writeSample }] = await Promise.all([
    import(/* webpackChunkName: "file-workbook" */ '../workbook/file'),
    import(/* webpackChunkName: "sample" */ '../app/sample'),
  ]);
  const wb = FileWorkbook.create();
  await writeSample(wb, { lang, asOf });
  return inMemory(wb, () => undefined);
}

/** A file workbook on the page's thread (no Web Worker): its reads noted for the progress. */
function inMemory(wb: import('../workbook/file').FileWorkbook, onRead: (names: ReadonlyArray<string>) => void): WorkbookFile {
  return new Proxy(wb, {
    get(target, prop) {
      if (prop === 'toBytes') return async () => target.toBytes();
      if (prop === 'close') return () => undefined;
      if (prop === 'readSheets') {
        return (names: ReadonlyArray<string>) => {
          onRead([...names]);
          return target.readSheets(names);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as WorkbookFile;
}

/**
 * A workbook held in a Web Worker runs a use case there, beside its file (worker/protocol.ts says
 * why); any other workbook runs it here. Recognised by shape, not by class: worker/remote.ts is
 * loaded only when a workbook is opened. A request carrying a function (fillTicketIds' clerkTag that
 * draws a tag from the installation's storage) cannot cross: it runs here, over the forwarded methods.
 */
function inWorker<K extends UseCaseName>(wb: Workbook, name: K, ...args: UseCaseArgs<K>): Promise<UseCaseResult<K>> | null {
  const remote = wb as Partial<UseCaseRunner>;
  if (typeof remote.runUseCase !== 'function' || args.some(carriesFunction)) return null;
  return remote.runUseCase(name, ...args);
}

function carriesFunction(arg: unknown): boolean {
  if (typeof arg === 'function') return true;
  return typeof arg === 'object' && arg !== null && Object.values(arg).some((v) => typeof v === 'function');
}

interface UseCaseRunner {
  runUseCase<K extends UseCaseName>(name: K, ...args: UseCaseArgs<K>): Promise<UseCaseResult<K>>;
}

export async function loadOfficeWorkbook(): Promise<(context: Excel.RequestContext) => Workbook> {
  const { OfficeWorkbook } = await import(/* webpackChunkName: "office-workbook" */ '../workbook/office');
  return (context) => new OfficeWorkbook(context);
}

export async function loadChangeWatch(): Promise<typeof import('../workbook/office/live').watchChanges> {
  const { watchChanges } = await import(/* webpackChunkName: "office-workbook" */ '../workbook/office/live');
  return watchChanges;
}

const validation = () => import(/* webpackChunkName: "validate" */ '../app/validate');
const entry = () => import(/* webpackChunkName: "entry" */ '../app/entry');

export async function validateWorkbook(wb: Workbook, opts: ValidateOptions): Promise<ValidationReport> {
  return inWorker(wb, 'validateWorkbook', opts) ?? (await validation()).validateWorkbook(wb, opts);
}

export async function startLiveValidation(wb: Workbook, opts: Omit<ValidateOptions, 'mark'>): Promise<{ validator: LiveValidator; report: ValidationReport }> {
  return (await validation()).LiveValidator.start(wb, opts);
}

export async function ticketFormOptions(wb: Workbook, opts: { lang?: Lang; asOf?: string }): Promise<TicketFormOptions> {
  return inWorker(wb, 'ticketFormOptions', opts) ?? (await entry()).ticketFormOptions(wb, opts);
}

export async function addTicket(wb: Workbook, input: TicketInput, opts: AddTicketOptions): Promise<AddTicketResult> {
  return inWorker(wb, 'addTicket', input, opts) ?? (await entry()).addTicket(wb, input, opts);
}

export async function rowDetail(wb: Workbook, sheet: string, row: number): Promise<RowDetail> {
  return inWorker(wb, 'rowDetail', sheet, row) ?? (await entry()).rowDetail(wb, sheet, row);
}

// Reports: the report use case (app/report.ts), loaded when the Reports tab first asks for it.
import type { PeriodKind } from '../domain/periods';
import type { ReportRequest, ReportResult } from '../app/report';
import type { KpiEntry } from '../domain/kpi';
export type { PeriodKind } from '../domain/periods';
export type { ReportResult } from '../app/report';
/** The report kinds, in the order the pane offers them (the domain's PERIOD_KINDS, kept here so that
 *  the pane's first chunk does not carry the period code). */
export const REPORT_KINDS: ReadonlyArray<PeriodKind> = ['daily', 'weekly', 'monthly', 'quarterly'];
export type ReportPeriods = Record<PeriodKind, { default: string; choices: string[] }>;

const reports = () => import(/* webpackChunkName: "report" */ '../app/report');

export async function runReport(wb: Workbook, req: ReportRequest): Promise<ReportResult> {
  return inWorker(wb, 'runReport', req) ?? (await reports()).runReport(wb, req);
}

export async function reportPeriods(wb: Workbook, now?: string): Promise<ReportPeriods> {
  return inWorker(wb, 'reportPeriods', now) ?? (await reports()).reportPeriods(wb, now);
}

/** The KPI catalogue (names, formats, the tiles), loaded with the report code. */
export async function kpiCatalogue(): Promise<ReadonlyArray<KpiEntry>> {
  return (await reports()).KPI_CATALOGUE;
}

export async function writeKpiPivots(wb: Workbook, opts?: { lang?: Lang }): Promise<{ sheet: string; keptSheet: string | null; pivots: boolean }> {
  return inWorker(wb, 'writeKpiPivots', opts) ?? (await reports()).writeKpiPivots(wb, opts);
}

// Adopting the registers a center keeps (app/adopt.ts), loaded when the Adopt tab is first opened.
import type { AdoptRequest, AdoptResult } from '../app/adopt';
export type { AdoptResult, SheetAdoption, SheetChoices } from '../app/adopt';

const adoption = () => import(/* webpackChunkName: "adopt" */ '../app/adopt');

export async function adoptWorkbook(wb: Workbook, req: AdoptRequest): Promise<AdoptResult> {
  return inWorker(wb, 'adoptWorkbook', req) ?? (await adoption()).adoptWorkbook(wb, req);
}

// Fees and callbacks (app/arrears.ts, app/callbackPlan.ts), loaded when the Arrears or Callbacks tab is
// first opened.
import type { ArrearsRequest, ArrearsResult, NoticesRequest, NoticesResult } from '../app/arrears';
import type { CallbackPlanRequest, CallbackPlanResult, CallbackPlanStatus } from '../app/callbackPlan';
export type { ArrearsResult, NoticesResult } from '../app/arrears';
export type { CallbackPlanResult, CallbackPlanStatus } from '../app/callbackPlan';

const arrears = () => import(/* webpackChunkName: "arrears" */ '../app/arrears');
const callbacks = () => import(/* webpackChunkName: "callback-plan" */ '../app/callbackPlan');

export async function runArrears(wb: Workbook, req: ArrearsRequest): Promise<ArrearsResult> {
  return (await arrears()).runArrears(wb, req);
}

export async function runNotices(wb: Workbook, req: NoticesRequest): Promise<NoticesResult> {
  return inWorker(wb, 'runNotices', req) ?? (await arrears()).runNotices(wb, req);
}

export async function runCallbackPlan(wb: Workbook, req: CallbackPlanRequest): Promise<CallbackPlanResult> {
  return inWorker(wb, 'runCallbackPlan', req) ?? (await callbacks()).runCallbackPlan(wb, req);
}

export async function callbackPlanStatus(wb: Workbook, req: { asOf?: string; lang?: Lang }): Promise<CallbackPlanStatus> {
  return inWorker(wb, 'callbackPlanStatus', req) ?? (await callbacks()).callbackPlanStatus(wb, req);
}

// The clerk's desk (app/due.ts) and ticket IDs for rows typed into the sheet (app/ids.ts), loaded
// when the Today tab is first opened.
import type { DueRequest, DueResult, LiveDue } from '../app/due';
import type { FillTicketIdsOptions, FillTicketIdsResult } from '../app/ids';
import type { DueLists } from '../domain/due';
export type { DueResult, LiveDue } from '../app/due';
export type { FillTicketIdsResult } from '../app/ids';
export type { DueLists, DueEntry, CallbackEntry, UndispatchedEntry, TodoTicket } from '../domain/due';

const desk = () => import(/* webpackChunkName: "due" */ '../app/due');
const ids = () => import(/* webpackChunkName: "ids" */ '../app/ids');

export async function runDue(wb: Workbook, req: DueRequest): Promise<DueResult> {
  return inWorker(wb, 'runDue', req) ?? (await desk()).runDue(wb, req);
}

export async function startLiveDue(wb: Workbook, opts: { asOf?: string; lang?: Lang }): Promise<{ live: LiveDue; lists: DueLists; changed: boolean }> {
  return (await desk()).LiveDue.start(wb, opts);
}

export async function fillTicketIds(wb: Workbook, opts: FillTicketIdsOptions): Promise<FillTicketIdsResult> {
  return inWorker(wb, 'fillTicketIds', opts) ?? (await ids()).fillTicketIds(wb, opts);
}
