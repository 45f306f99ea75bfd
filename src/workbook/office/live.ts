// Live changes in Excel: which rows of which sheets a clerk changed, debounced, as 0-based row
// numbers. Host plumbing only: what to do with the rows (read them, check them, mark them) is the
// caller's. No runtime reference to the global `Excel`: the caller passes `Excel.run` in.
//
// Worksheet.onChanged is ExcelApi 1.7. Only changes made here ('Local') are followed by default: a
// co-author's add-in handles the co-author's edits, and shifting marks twice for one row insert would
// misplace them.

import { shiftMarkRows } from './marks';

/** Excel's last row, 0-based. */
const LAST_ROW = 1_048_575;

export interface DebounceTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: DebounceTimer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ChangeWatchOptions {
  /** `Excel.run`, or a stand-in in tests: runs a batch in a fresh request context */
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** `Excel.run(context, batch)`: a batch in the request context a handler was added in, which is how
   *  Office documents removing an event handler; a stand-in in tests. Default: the context as it is. */
  readonly runIn?: <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** names of the sheets to watch */
  readonly sheets: ReadonlyArray<string>;
  /** rows of a sheet changed (0-based, ascending, distinct) */
  readonly onRows: (sheet: string, rows: number[]) => Promise<void> | void;
  /** too much changed to follow row by row (a sort, a column inserted, a big paste): check the sheet */
  readonly onSheet: (sheet: string) => Promise<void> | void;
  /** rows were inserted (count > 0) or deleted (count < 0) at `at`; marks have already followed.
   *  For a caller that keeps a list of problems by row. */
  readonly onShift?: (sheet: string, at: number, count: number) => Promise<void> | void;
  /** a callback or a shift failed; the watch goes on */
  readonly onError?: (error: unknown) => void;
  /** quiet time before the collected rows are handed over; default 400 ms */
  readonly debounceMs?: number;
  /** more changed rows than this in one sheet -> onSheet; default 5,000 */
  readonly maxRows?: number;
  /** also follow co-authors' changes (event source 'Remote'); default false */
  readonly includeRemote?: boolean;
  readonly timer?: DebounceTimer;
}

export interface ChangeWatch {
  /** hand over what is pending now, without waiting for the quiet time */
  flush(): Promise<void>;
  /** resolves when every pending callback has run */
  idle(): Promise<void>;
  /** remove the event handlers */
  stop(): Promise<void>;
}

/** What one onChanged event means for the rows of its sheet. */
export type RowChange =
  | { readonly kind: 'rows'; readonly first: number; readonly last: number }
  | { readonly kind: 'shift'; readonly at: number; readonly count: number }
  | { readonly kind: 'sheet' };

/** Rows (0-based, inclusive) of one area of an event address: `B5:D7`, `C7`, `5:7`, `A:C`. */
function areaRows(area: string): { first: number; last: number } | null {
  const cells = area.slice(area.lastIndexOf('!') + 1).replace(/\$/g, '').trim();
  const m = /^([A-Za-z]*)(\d*)(?::([A-Za-z]*)(\d*))?$/.exec(cells);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  // A column-only reference (A:C) is every row.
  if (m[2] === '' || (m[3] !== undefined && m[4] === '')) return { first: 0, last: LAST_ROW };
  const a = Number(m[2]) - 1;
  const b = m[4] ? Number(m[4]) - 1 : a;
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

function isEntireColumns(area: string): boolean {
  const rows = areaRows(area);
  return rows !== null && rows.first === 0 && rows.last === LAST_ROW;
}

/**
 * What an event says changed. Edits map to their rows (each area of a multi-area address); an
 * inserted or deleted row range is a shift of the rows below; an inserted or deleted column, or
 * cells shifted sideways or up and down, changes what every row's cells mean: the whole sheet.
 */
export function rowChanges(changeType: string, address: string): RowChange[] {
  const areas = address.split(',').map((a) => a.trim()).filter(Boolean);
  const rows = areas.map(areaRows);
  if (rows.some((r) => r === null)) return [{ kind: 'sheet' }];
  const spans = rows as { first: number; last: number }[];
  switch (changeType) {
    case 'RowInserted':
      return spans.map((r) => ({ kind: 'shift', at: r.first, count: r.last - r.first + 1 }));
    case 'RowDeleted':
      // delete the lowest rows first, so each shift's `at` is still right when it is applied
      return [...spans].sort((a, b) => b.first - a.first).map((r) => ({ kind: 'shift', at: r.first, count: -(r.last - r.first + 1) }));
    case 'ColumnInserted':
    case 'ColumnDeleted':
    case 'CellInserted':
    case 'CellDeleted':
      return [{ kind: 'sheet' }];
    default:
      // RangeEdited, and any change type a later Excel adds: the rows of the address
      return areas.some(isEntireColumns) ? [{ kind: 'sheet' }] : spans.map((r) => ({ kind: 'rows', first: r.first, last: r.last }));
  }
}

/** Pending work of one sheet: changed rows, or the whole sheet. */
interface Pending {
  rows: Set<number>;
  whole: boolean;
}

/**
 * Registers `onChanged` on the given sheets (one sync) and hands changed rows to `onRows` once
 * edits have been quiet for `debounceMs`. Callbacks run one at a time, in order; a row insert or
 * delete shifts the sheet's marks at once (one sync) and renumbers the rows still pending.
 */
export async function watchChanges(options: ChangeWatchOptions): Promise<ChangeWatch> {
  const debounceMs = options.debounceMs ?? 400;
  const maxRows = options.maxRows ?? 5_000;
  const timer = options.timer ?? realTimer;
  const pending = new Map<string, Pending>();
  let handle: unknown = null;
  let queue: Promise<void> = Promise.resolve();

  const report = (error: unknown) => {
    if (options.onError) options.onError(error);
  };
  const enqueue = (task: () => Promise<void> | void) => {
    queue = queue.then(task).catch(report);
    return queue;
  };

  const pendingOf = (sheet: string): Pending => {
    let p = pending.get(sheet);
    if (!p) {
      p = { rows: new Set(), whole: false };
      pending.set(sheet, p);
    }
    return p;
  };

  const addRows = (p: Pending, first: number, last: number) => {
    if (p.whole) return;
    if (last - first + 1 + p.rows.size > maxRows) {
      p.whole = true;
      p.rows.clear();
      return;
    }
    for (let r = first; r <= last; r++) p.rows.add(r);
    if (p.rows.size > maxRows) {
      p.whole = true;
      p.rows.clear();
    }
  };

  /** Renumber pending rows after rows were inserted or deleted. */
  const shiftPending = (p: Pending, at: number, count: number) => {
    if (p.whole || p.rows.size === 0) return;
    const moved = new Set<number>();
    for (const r of p.rows) {
      if (r < at) moved.add(r);
      else if (count > 0) moved.add(r + count);
      else if (r >= at - count) moved.add(r + count); // below the deleted rows
      // rows inside the deleted range are gone
    }
    p.rows = moved;
  };

  const takePending = (): Array<[string, Pending]> => {
    const taken = [...pending.entries()];
    pending.clear();
    return taken;
  };

  const deliver = async (work: Array<[string, Pending]>) => {
    for (const [sheet, p] of work) {
      try {
        if (p.whole) await options.onSheet(sheet);
        else if (p.rows.size > 0) await options.onRows(sheet, [...p.rows].sort((a, b) => a - b));
      } catch (error) {
        report(error);
      }
    }
  };

  const flushNow = () => {
    if (handle !== null) {
      timer.clear(handle);
      handle = null;
    }
    const work = takePending();
    return enqueue(() => deliver(work));
  };

  const schedule = () => {
    if (handle !== null) timer.clear(handle);
    handle = timer.set(() => {
      handle = null;
      void flushNow();
    }, debounceMs);
  };

  const onChanged = (sheet: string) => async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (!options.includeRemote && event.source === 'Remote') return;
    const p = pendingOf(sheet);
    for (const change of rowChanges(String(event.changeType), event.address ?? '')) {
      if (change.kind === 'sheet') {
        p.whole = true;
        p.rows.clear();
      } else if (change.kind === 'rows') {
        addRows(p, change.first, change.last);
      } else {
        shiftPending(p, change.at, change.count);
        if (change.count > 0) addRows(p, change.at, change.at + change.count - 1); // the new rows
        const { at, count } = change;
        void enqueue(async () => {
          await options.run((context) => shiftMarkRows(context, sheet, at, count));
          if (options.onShift) await options.onShift(sheet, at, count);
        });
      }
    }
    schedule();
  };

  const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  await options.run(async (context) => {
    for (const name of options.sheets) {
      handlers.push(context.workbook.worksheets.getItem(name).onChanged.add(onChanged(name)));
    }
    await context.sync();
  });

  return {
    flush: () => flushNow(),
    idle: () => queue,
    stop: async () => {
      if (handle !== null) timer.clear(handle);
      handle = null;
      pending.clear();
      const byContext = new Map<Excel.RequestContext, OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[]>();
      for (const h of handlers.splice(0)) {
        const list = byContext.get(h.context as Excel.RequestContext) ?? [];
        list.push(h);
        byContext.set(h.context as Excel.RequestContext, list);
      }
      const runIn = options.runIn ?? ((context, batch) => batch(context));
      for (const [handlerContext, list] of byContext) {
        await runIn(handlerContext, async (context) => {
          for (const h of list) h.remove();
          await context.sync();
        });
      }
      await queue;
    },
  };
}
