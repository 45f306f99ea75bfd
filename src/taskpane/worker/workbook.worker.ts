// The standalone pane's Web Worker: it holds the workbook file opened in the browser (the file back
// end, workbook/file) and answers the page's requests one at a time (protocol.ts): a method of the
// Workbook interface, a whole use case, the file's bytes. How far each read has come goes to the page
// as it happens, for the progress bar; the page's thread stays free while the file is read.
import { addTicket, rowDetail, ticketFormOptions } from '../../app/entry';
import { adoptWorkbook } from '../../app/adopt';
import { runNotices } from '../../app/arrears';
import { callbackPlanStatus, runCallbackPlan } from '../../app/callbackPlan';
import { runDue } from '../../app/due';
import { fillTicketIds } from '../../app/ids';
import { reportPeriods, runReport, writeKpiPivots } from '../../app/report';
import { writeSample } from '../../app/sample';
import { inspectWorkbook, setUpWorkbook } from '../../app/setup';
import { validateWorkbook } from '../../app/validate';
import { FileWorkbook } from '../../workbook/file';
import type { Workbook } from '../../workbook/types';
import { failureData, ownBuffer, Reply, Request, UseCases } from './protocol';

const USE_CASES: UseCases = {
  inspectWorkbook,
  setUpWorkbook,
  validateWorkbook,
  ticketFormOptions,
  addTicket,
  rowDetail,
  runReport,
  reportPeriods,
  writeKpiPivots,
  adoptWorkbook,
  runNotices,
  runCallbackPlan,
  callbackPlanStatus,
  runDue,
  fillTicketIds,
};

let file: FileWorkbook | null = null;
/** `file` as the use cases see it: each read of sheets noted, so that the progress can name them. */
let workbook: Workbook | null = null;
/** The sheets the read under way was asked for. */
let reading: ReadonlyArray<string> = [];

function post(reply: Reply, transfer: Transferable[] = []): void {
  self.postMessage(reply, { transfer });
}

function watched(target: FileWorkbook): Workbook {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'readSheets') {
        return (names: ReadonlyArray<string>) => {
          reading = [...names];
          return t.readSheets(names);
        };
      }
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

function held(): { file: FileWorkbook; workbook: Workbook } {
  if (!file || !workbook) throw new Error('no workbook is open in the worker');
  return { file, workbook };
}

function hold(next: FileWorkbook): { capabilities: Workbook['capabilities'] } {
  file = next;
  workbook = watched(next);
  return { capabilities: next.capabilities };
}

async function answer(req: Request): Promise<{ value: unknown; transfer?: Transferable[] }> {
  switch (req.kind) {
    case 'open': {
      const opened = FileWorkbook.open(req.bytes, { onProgress: ({ done, total }) => post({ kind: 'progress', progress: { done, total, sheets: reading } }) });
      return { value: hold(opened) };
    }
    case 'sample': {
      const created = FileWorkbook.create();
      await writeSample(created, { lang: req.lang, asOf: req.asOf });
      return { value: hold(created) };
    }
    case 'method': {
      const wb = held().workbook;
      const method = wb[req.method] as (...args: unknown[]) => Promise<unknown>;
      return { value: await method.apply(wb, req.args) };
    }
    case 'useCase': {
      const run = USE_CASES[req.name] as (wb: Workbook, ...args: unknown[]) => Promise<unknown>;
      return { value: await run(held().workbook, ...req.args) };
    }
    case 'toBytes': {
      const buffer = ownBuffer(held().file.toBytes());
      return { value: buffer, transfer: [buffer] };
    }
  }
}

// one request at a time, in the order sent: a use case's reads and writes never interleave with another's
let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const req = event.data;
  queue = queue.then(async () => {
    try {
      const { value, transfer } = await answer(req);
      post({ id: req.id, ok: true, value }, transfer);
    } catch (err) {
      // a failure of the file is expected (the pane words it); anything else is a bug, logged here too
      if ((err as { name?: unknown } | null)?.name !== 'WorkbookError' && (err as { name?: unknown } | null)?.name !== 'UseCaseProblem') console.error(err);
      post({ id: req.id, ok: false, failure: failureData(err) });
    } finally {
      reading = [];
    }
  });
});
