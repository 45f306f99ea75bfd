// Live changes in Excel: which rows of which sheets a clerk changed, debounced, as 0-based row
// numbers. Host plumbing only: what to do with the rows (read them, check them, mark them) is the
// caller's. No runtime reference to the global `Excel`: the caller passes `Excel.run` in.
//
// Worksheet.onChanged is ExcelApi 1.7. A co-author's edits (event source 'Remote') are followed like
// the clerk's own: the rows they changed are handed over to be read again, so what the pane knows of
// the workbook does not go stale. Rows or columns inserted or deleted, by anyone, hand over the whole
// sheet: the marks are written again from the data (marks are tied to their rows' keys, see
// ../marks.ts). Nothing here inserts or deletes rows of a mark sheet: a co-author's pane would do the
// same, and Excel would merge both shifts.

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
  /** too much changed to follow row by row (rows or columns inserted or deleted, a sort, a big
   *  paste): check the sheet */
  readonly onSheet: (sheet: string) => Promise<void> | void;
  /** a callback failed; the watch goes on */
  readonly onError?: (error: unknown) => void;
  /** quiet time before the collected rows are handed over; default 400 ms */
  readonly debounceMs?: number;
  /** more changed rows than this in one sheet -> onSheet; default 5,000 */
  readonly maxRows?: number;
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
export type RowChange = { readonly kind: 'rows'; readonly first: number; readonly last: number } | { readonly kind: 'sheet' };

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
 * What an event says changed. Edits map to their rows (each area of a multi-area address); rows or
 * columns inserted or deleted, or cells shifted sideways or up and down, move what the sheet's rows
 * and marks mean: the whole sheet.
 */
export function rowChanges(changeType: string, address: string): RowChange[] {
  const areas = address.split(',').map((a) => a.trim()).filter(Boolean);
  const rows = areas.map(areaRows);
  if (rows.some((r) => r === null)) return [{ kind: 'sheet' }];
  const spans = rows as { first: number; last: number }[];
  switch (changeType) {
    case 'RowInserted':
    case 'RowDeleted':
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
 * Registers `onChanged` on the given sheets (one sync) and hands changed rows to `onRows`, or the
 * sheet to `onSheet`, once edits (the clerk's and co-authors') have been quiet for `debounceMs`.
 * Callbacks run one at a time, in order.
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

  // Local or Remote alike: a co-author's edit is read again as the clerk's is.
  const onChanged = (sheet: string) => async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const p = pendingOf(sheet);
    for (const change of rowChanges(String(event.changeType), event.address ?? '')) {
      if (change.kind === 'sheet') {
        p.whole = true;
        p.rows.clear();
      } else {
        addRows(p, change.first, change.last);
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
