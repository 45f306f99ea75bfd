// The page's side of the workbook's Web Worker (standalone mode): a Workbook whose every method is
// answered by the worker holding the file (workbook.worker.ts), and which runs whole use cases there
// too (backend.ts sends them), so that only their results cross to the page. Bytes go in and out as
// transferred buffers. A failure in the worker comes back as the same WorkbookError or UseCaseProblem.
import type { Lang } from '../../domain/enums';
import {
  Cell,
  CellWrite,
  MarkSet,
  NamedFormula,
  NewSheet,
  PivotSpec,
  ReportSheet,
  RowMarkSet,
  SheetGrid,
  SheetRows,
  SheetSummary,
  Workbook,
} from '../../workbook/types';
import { failureError, Outgoing, ownBuffer, ReadingProgress, Reply, UseCaseArgs, UseCaseName, UseCaseResult, WorkbookMethod } from './protocol';

type Pending = { resolve(value: unknown): void; reject(err: unknown): void };

/** The worker and its requests in flight. */
class Channel {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly worker: Worker,
    onProgress: (progress: ReadingProgress) => void,
  ) {
    worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if ('kind' in reply) {
        onProgress(reply.progress);
        return;
      }
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(failureError(reply.failure));
    });
    // the worker's script did not load or died: nothing in flight will be answered
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.failAll(new Error(`the workbook's worker stopped: ${event.message || 'its script could not be loaded'}`));
    });
  }

  send<T>(req: Outgoing, transfer: Transferable[] = []): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id }, transfer);
    });
  }

  close(): void {
    this.worker.terminate();
    this.failAll(new Error('the workbook was closed'));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** A worker started before it is needed (its scripts load while the clerk picks a file), with the
 *  failure to start it, if any, kept for the channel that takes it. */
interface Spare {
  readonly worker: Worker;
  failed: boolean;
}

let spare: Spare | null = null;

function newWorker(): Worker {
  // webpack bundles the worker from this very expression (new Worker(new URL(…, import.meta.url))),
  // compiling the pane as ES modules (webpack.config.js); the type check keeps the CLI's CommonJS.
  // @ts-expect-error TS1343: import.meta under module commonjs
  return new Worker(new URL('./workbook.worker.ts', import.meta.url), { name: 'deskbook-workbook' });
}

/** Starts the worker the next workbook opens in, so that opening one does not wait for its scripts. */
export function prepareWorker(): void {
  if (spare) return;
  const s: Spare = { worker: newWorker(), failed: false };
  s.worker.addEventListener('error', (event) => {
    if (spare !== s) return; // taken: its channel says what failed
    event.preventDefault();
    s.failed = true;
  });
  spare = s;
}

/** The worker prepared, or a new one where there is none (or it did not start: it would say nothing
 *  more, so a new one does, to the channel that listens). */
function takeWorker(): Worker {
  const s = spare;
  spare = null;
  if (s && !s.failed) return s.worker;
  s?.worker.terminate();
  return newWorker();
}

export class RemoteWorkbook implements Workbook {
  private constructor(
    private readonly channel: Channel,
    readonly capabilities: Workbook['capabilities'],
  ) {}

  /** Opens the bytes of an .xlsx file in a new worker; the bytes are handed over, not copied. */
  static async open(bytes: Uint8Array, onProgress: (progress: ReadingProgress) => void): Promise<RemoteWorkbook> {
    const buffer = ownBuffer(bytes);
    return RemoteWorkbook.start(onProgress, { kind: 'open', bytes: new Uint8Array(buffer) }, [buffer]);
  }

  /** The built-in sample, written in a new worker. */
  static async sample(lang: Lang, asOf: string | undefined): Promise<RemoteWorkbook> {
    return RemoteWorkbook.start(() => undefined, { kind: 'sample', lang, asOf });
  }

  private static async start(onProgress: (progress: ReadingProgress) => void, req: Outgoing, transfer: Transferable[] = []): Promise<RemoteWorkbook> {
    const worker = takeWorker();
    const channel = new Channel(worker, onProgress);
    try {
      const { capabilities } = await channel.send<{ capabilities: Workbook['capabilities'] }>(req, transfer);
      return new RemoteWorkbook(channel, capabilities);
    } catch (err) {
      channel.close();
      throw err;
    }
  }

  /** Runs a use case in the worker, on the file: only its result crosses to the page. */
  runUseCase<K extends UseCaseName>(name: K, ...args: UseCaseArgs<K>): Promise<UseCaseResult<K>> {
    return this.channel.send({ kind: 'useCase', name, args });
  }

  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.channel.send<ArrayBuffer>({ kind: 'toBytes' }));
  }

  /** Ends the worker (another workbook was opened in its place). */
  close(): void {
    this.channel.close();
  }

  private call<T>(method: WorkbookMethod, ...args: unknown[]): Promise<T> {
    return this.channel.send({ kind: 'method', method, args });
  }

  listSheets(): Promise<SheetSummary[]> {
    return this.call('listSheets');
  }
  readSheets(names: ReadonlyArray<string>): Promise<SheetGrid[]> {
    return this.call('readSheets', names);
  }
  addSheets(sheets: ReadonlyArray<NewSheet>, names?: ReadonlyArray<NamedFormula>): Promise<void> {
    return this.call('addSheets', sheets, names);
  }
  addColumns(sheet: string, headerRow: number, headers: ReadonlyArray<string>): Promise<void> {
    return this.call('addColumns', sheet, headerRow, headers);
  }
  appendRows(sheet: string, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<void> {
    return this.call('appendRows', sheet, rows);
  }
  writeCells(sheet: string, writes: ReadonlyArray<CellWrite>): Promise<CellWrite[]> {
    return this.call('writeCells', sheet, writes);
  }
  readRows(sheet: string, rows: ReadonlyArray<number>): Promise<SheetRows> {
    return this.call('readRows', sheet, rows);
  }
  setMarks(sheet: string, marks: MarkSet, scope?: { readonly rows: ReadonlyArray<number> }): Promise<void> {
    return this.call('setMarks', sheet, marks, scope);
  }
  setRowMarks(sheet: string, marks: RowMarkSet): Promise<boolean> {
    return this.call('setRowMarks', sheet, marks);
  }
  selectCell(sheet: string, row: number, col: number): Promise<boolean> {
    return this.call('selectCell', sheet, row, col);
  }
  writeReport(sheet: ReportSheet): Promise<string> {
    return this.call('writeReport', sheet);
  }
  writePivots(sheet: string, pivots: ReadonlyArray<PivotSpec>): Promise<string> {
    return this.call('writePivots', sheet, pivots);
  }
  listNames(): Promise<string[]> {
    return this.call('listNames');
  }
  addNames(names: ReadonlyArray<{ readonly name: string; readonly formula: string }>): Promise<void> {
    return this.call('addNames', names);
  }
}
