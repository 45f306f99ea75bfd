// What the page and the workbook's Web Worker say to each other (standalone mode). The worker holds
// the workbook file (workbook/file) and runs on it either one method of the Workbook interface or a
// whole use case; the page gets back values, or a failure as data that it turns back into the error
// the worker met (the pane words it as before: errors.ts).
//
// Why whole use cases: a use case reads whole sheets, and handing 100,000 rows of cells to the page
// costs more than reading them (the structured clone of 3.1 M cells took 3.5 s in Chromium here;
// docs/architecture.md). A use case run in the worker sends back only its result.
import { UseCaseProblem } from '../../app/problem';
import type { Lang } from '../../domain/enums';
import type { FileErrorDetail, UseCaseCode } from '../../domain/failures';
import { Workbook, WorkbookError } from '../../workbook/types';
import type * as setup from '../../app/setup';
import type * as validate from '../../app/validate';
import type * as entry from '../../app/entry';
import type * as report from '../../app/report';
import type * as adopt from '../../app/adopt';
import type * as arrears from '../../app/arrears';
import type * as callbackPlan from '../../app/callbackPlan';
import type * as due from '../../app/due';
import type * as ids from '../../app/ids';

/**
 * The use cases the worker runs beside the file, by name: those whose results are plain data (a
 * structured clone keeps them whole). runArrears (its result carries a function) and the live
 * validators (objects kept between calls) run on the page, over the forwarded interface, and so does
 * any request carrying a function (backend.ts looks).
 */
export interface UseCases {
  inspectWorkbook: typeof setup.inspectWorkbook;
  setUpWorkbook: typeof setup.setUpWorkbook;
  validateWorkbook: typeof validate.validateWorkbook;
  ticketFormOptions: typeof entry.ticketFormOptions;
  addTicket: typeof entry.addTicket;
  rowDetail: typeof entry.rowDetail;
  runReport: typeof report.runReport;
  reportPeriods: typeof report.reportPeriods;
  writeKpiPivots: typeof report.writeKpiPivots;
  adoptWorkbook: typeof adopt.adoptWorkbook;
  runNotices: typeof arrears.runNotices;
  runCallbackPlan: typeof callbackPlan.runCallbackPlan;
  callbackPlanStatus: typeof callbackPlan.callbackPlanStatus;
  runDue: typeof due.runDue;
  fillTicketIds: typeof ids.fillTicketIds;
}

export type UseCaseName = keyof UseCases;
/** A use case's arguments after the workbook. */
export type UseCaseArgs<K extends UseCaseName> = UseCases[K] extends (wb: Workbook, ...args: infer A) => Promise<unknown> ? A : never;
export type UseCaseResult<K extends UseCaseName> = Awaited<ReturnType<UseCases[K]>>;

/** The methods of the Workbook interface (capabilities is a property, sent once when opened). */
export type WorkbookMethod = Exclude<keyof Workbook, 'capabilities'>;

export type Request =
  | { readonly id: number; readonly kind: 'open'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly kind: 'sample'; readonly lang: Lang; readonly asOf: string | undefined }
  | { readonly id: number; readonly kind: 'method'; readonly method: WorkbookMethod; readonly args: unknown[] }
  | { readonly id: number; readonly kind: 'useCase'; readonly name: UseCaseName; readonly args: unknown[] }
  | { readonly id: number; readonly kind: 'toBytes' };

/** A request as the page writes it: the channel numbers it. */
export type Outgoing = { [K in Request['kind']]: Omit<Extract<Request, { kind: K }>, 'id'> }[Request['kind']];

/** How far a read has come (workbook/file/progress.ts), and the sheets it was asked for. */
export interface ReadingProgress {
  readonly done: number;
  readonly total: number;
  readonly sheets: ReadonlyArray<string>;
}

/** A failure as data: the error's name, message and the fields the pane words it from. */
export interface FailureData {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly reason?: string;
  readonly params?: object;
}

export type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly failure: FailureData }
  | { readonly kind: 'progress'; readonly progress: ReadingProgress };

/** Any thrown value as data (what structured clone would not keep: an Error's name and own fields). */
export function failureData(err: unknown): FailureData {
  if (typeof err !== 'object' || err === null) return { name: 'Error', message: String(err) };
  const { name, message, code, reason, params } = err as { name?: unknown; message?: unknown; code?: unknown; reason?: unknown; params?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(err),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof params === 'object' && params !== null ? { params: { ...params } } : {}),
  };
}

/** The error the worker met, as the page would have met it on its own thread. */
export function failureError(f: FailureData): Error {
  if (f.name === 'WorkbookError' && f.code) {
    const detail = f.reason ? ({ reason: f.reason, ...f.params } as FileErrorDetail) : undefined;
    return new WorkbookError(f.code as ConstructorParameters<typeof WorkbookError>[0], detail);
  }
  if (f.name === 'UseCaseProblem' && f.code) {
    return new (UseCaseProblem as new (code: UseCaseCode, params: object) => UseCaseProblem)(f.code as UseCaseCode, f.params ?? {});
  }
  const err = new Error(f.message);
  err.name = f.name;
  return err;
}

/** The bytes of a Uint8Array as a buffer of their own, to transfer rather than copy. */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}
