// Co-authors in Excel (issue 14, item 8): two clerks' panes — two request contexts over ONE workbook
// (the fake Excel's WorkbookState) — interleave their batches, and whatever the order in which their
// context.sync calls reach the workbook: no ticket ID twice, no row lost, and no cell of the clerk's
// data changed except those an operation is meant to write. The real use cases (src/app) and the real
// Office.js back end (src/workbook/office); only Excel is the fake (test/workbook/office/fakeExcel.ts).
//
// The granularity is the sync: each context's `beforeSync` awaits fast-check's scheduler, which
// decides whose batch goes next; a batch runs whole (as Excel runs a batch). That is the model of two
// panes on one Excel, or of co-authors whose changes reach each other between two of their syncs.
// What it does not model: Excel for the web merging two copies that each changed the same cell
// offline (last writer wins there) — see docs/reliability.md, "Co-authors in Excel".
import fc from 'fast-check';
import { runNotices } from '../../src/app/arrears';
import { markDue } from '../../src/app/due';
import { addTicket, TicketInput } from '../../src/app/entry';
import { fillTicketIds } from '../../src/app/ids';
import { runReport, writeKpiPivots } from '../../src/app/report';
import { renderReport } from '../../src/app/reportSheet';
import { setUpWorkbook } from '../../src/app/setup';
import { validateWorkbook } from '../../src/app/validate';
import { generateSample } from '../../src/domain/sample';
import { defaultSettings } from '../../src/domain/settings';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeContext, WorkbookState } from '../workbook/office/fakeExcel';

const AS_OF = '2026-11-25T17:30:00';
const GENERATED = '2026-11-25T17:30:00';
const DATA_SHEETS = ['工单', '客户', '应收', '催缴记录', '设置'] as const;
const REPORT = '月报 2026-11';

type Grid = (string | number | boolean)[][];

/** The workbook at the start: a small sample center, set up, with two tickets typed in without IDs. */
async function center(): Promise<{ state: WorkbookState; typedRows: number[]; units: string[] }> {
  const state = new WorkbookState();
  const sample = generateSample({ asOf: AS_OF, units: 8, months: 2, tickets: 6, plant: false, lang: 'zh' });
  const settings = { ...defaultSettings('zh'), centerName: sample.centerName, contact: sample.contact, clerks: sample.clerks };
  await setUpWorkbook(excel(state).wb, {
    lang: 'zh',
    settings,
    rows: { tickets: sample.tickets, customers: sample.customers, charges: sample.charges, reminders: sample.reminders },
  });
  // a clerk types two tickets straight into the sheet, below the table, which absorbs them (as Excel's
  // table auto-expansion does): 受理时间, 渠道, 类型, 房号, 内容, no 工单号
  const sheet = state.sheet('工单')!;
  const header = state.grid('工单')[0];
  const col = (h: string) => header.indexOf(h);
  const table = state.tables.find((t) => t.name === 'tblTickets')!;
  const typedRows: number[] = [];
  [
    [46351 + 10 / 24, '来电', '报修', '手打的一张：门铃坏了'],
    [46351 + 11 / 24, '来访', '咨询', '手打的另一张：停车费'],
  ].forEach(([received, channel, type, text]) => {
    const r = table.r1 + 1;
    sheet.set(r, col('受理时间'), received);
    sheet.set(r, col('渠道'), channel);
    sheet.set(r, col('类型'), type);
    sheet.set(r, col('内容'), text);
    table.r1 = r;
    typedRows.push(r);
  });
  const units = sample.customers.map((row) => String(row[0]));
  return { state, typedRows, units };
}

function excel(state: WorkbookState, beforeSync?: () => Promise<void>) {
  const context = new FakeContext(state, { excelApi: 9, beforeSync });
  return { context, wb: new OfficeWorkbook(context.excel, { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 9 }) };
}

type Op =
  | { readonly kind: 'add'; readonly minute: number }
  | { readonly kind: 'fill' | 'setup' | 'report' | 'validate' | 'due' | 'pivots' | 'notices' };

interface Author {
  readonly name: string;
  readonly tag: string;
  /** what the pane keeps: the IDs this installation issued */
  readonly issued: string[];
}

interface Outcome {
  /** tickets added: their ID and description */
  readonly added: { id: string; author: string; description: string; unit: string }[];
  /** IDs each fill run wrote, by sheet row (0-based) */
  readonly filled: { row: number; id: string }[];
  readonly logged: number;
  /** the report JSON of each report run that wrote */
  readonly reports: Parameters<typeof renderReport>[0][];
  /** failures: the error's name/code, by operation */
  readonly failures: { op: string; author: string; error: string }[];
}

async function perform(state: WorkbookState, author: Author, op: Op, units: string[], n: number, beforeSync: () => Promise<void>, out: Outcome): Promise<void> {
  const { wb } = excel(state, beforeSync);
  try {
    switch (op.kind) {
      case 'add': {
        const description = `${author.name} 的第 ${n} 张：楼道灯不亮`;
        const unit = units[n % units.length];
        const input: TicketInput = {
          receivedAt: `2026-11-25T16:${String(op.minute).padStart(2, '0')}`,
          channel: 'phone',
          type: 'repair',
          category: defaultSettings('zh').categories[0],
          unit,
          description,
          priority: 'normal',
          status: 'new',
        };
        const result = await addTicket(wb, input, { asOf: AS_OF, clerkTag: author.tag, issuedIds: author.issued });
        if (!result.ok) throw new Error(`add refused: ${JSON.stringify(result.problems.map((p) => `${p.code}:${p.field}:${p.severity}`))}`);
        author.issued.push(result.id);
        out.added.push({ id: result.id, author: author.name, description, unit });
        return;
      }
      case 'fill': {
        const result = await fillTicketIds(wb, { asOf: AS_OF, clerkTag: author.tag, issuedIds: author.issued });
        for (const f of result.filled) {
          author.issued.push(f.id);
          out.filled.push({ row: f.row - 1, id: f.id });
        }
        return;
      }
      case 'setup':
        await setUpWorkbook(wb, {});
        return;
      case 'report': {
        const result = await runReport(wb, { kind: 'month', period: '2026-11', asOf: AS_OF, generatedAt: GENERATED, write: true });
        out.reports.push(result.json);
        return;
      }
      case 'validate':
        await validateWorkbook(wb, { asOf: AS_OF, mark: true });
        return;
      case 'due':
        await markDue(wb, { asOf: AS_OF });
        return;
      case 'pivots':
        await writeKpiPivots(wb, {});
        return;
      case 'notices': {
        const result = await runNotices(wb, { asOf: AS_OF, logReminders: true, write: true });
        (out as { logged: number }).logged += result.logged;
        return;
      }
    }
  } catch (error) {
    const e = error as Error & { code?: string; reason?: string; params?: { reason?: string } };
    out.failures.push({ op: op.kind, author: author.name, error: `${e.name}:${e.code ?? ''}:${e.params?.reason ?? ''}:${e.message}` });
  }
}

/** Each author's operations one after another (a pane does one thing at a time); the two authors at once. */
async function interleave(
  state: WorkbookState,
  plans: ReadonlyArray<ReadonlyArray<Op>>,
  units: string[],
  gate: (author: string) => () => Promise<void>,
): Promise<{ outcome: Outcome; authors: Author[] }> {
  const authors: Author[] = [
    { name: 'A', tag: 'K7M', issued: [] },
    { name: 'B', tag: 'R2D', issued: [] },
  ];
  const outcome: Outcome = { added: [], filled: [], logged: 0, reports: [], failures: [] };
  await Promise.all(
    authors.map(async (author, i) => {
      let n = 0;
      for (const op of plans[i]) await perform(state, author, op, units, ++n, gate(author.name), outcome);
    }),
  );
  return { outcome, authors };
}

/** the grid of a report sheet as the back end writes it, from a report's JSON */
async function reportGrid(json: Parameters<typeof renderReport>[0]): Promise<Grid> {
  const scratch = new WorkbookState();
  await excel(scratch).wb.writeReport(renderReport(json, 'zh'));
  return scratch.grid(REPORT);
}

/** Every promise at once, for one interleaving. */
async function check(before: { state: WorkbookState; typedRows: number[] }, initial: Record<string, Grid>, outcome: Outcome): Promise<void> {
  const { state, typedRows } = before;
  const failures = outcome.failures.map((f) => `${f.author}:${f.op}:${f.error}`);
  expect(failures).toEqual([]);

  const tickets = state.grid('工单');
  const header = tickets[0];
  const ID = header.indexOf('工单号');
  const ids = tickets.slice(1).map((r) => r[ID]).filter((v) => v !== '');
  // 1. every ticket ID once
  expect(ids.length - new Set(ids).size).toBe(0);

  // 2. no row lost: the initial rows, then exactly the tickets added, each found by its ID with its content
  expect(tickets.length).toBe(initial['工单'].length + outcome.added.length);
  for (const a of outcome.added) {
    const row = tickets.find((r) => r[ID] === a.id);
    expect(row).toBeDefined();
    expect(row![header.indexOf('内容')]).toBe(a.description);
    expect(row![header.indexOf('房号')]).toBe(a.unit);
  }
  // the typed rows hold an ID now if some fill ran, one that a fill run wrote there
  for (const r of typedRows) {
    const id = tickets[r][ID];
    const wrote = outcome.filled.filter((f) => f.row === r).map((f) => f.id);
    if (wrote.length === 0) expect(id).toBe('');
    else expect(wrote).toContain(id);
  }

  // 3. no other data cell changed: the initial rows of every data sheet, cell for cell, but the
  //    typed rows' IDs; beyond them only appended rows (tickets, reminders)
  for (const name of DATA_SHEETS) {
    const now = state.grid(name);
    const was = initial[name];
    const kept = now.slice(0, was.length).map((row, r) => (name === '工单' && typedRows.includes(r) ? row.map((v, c) => (c === ID ? '' : v)) : row));
    expect({ name, rows: kept }).toEqual({ name, rows: was });
    const extra = name === '工单' ? outcome.added.length : name === '催缴记录' ? outcome.logged : 0;
    expect({ name, rows: now.length }).toEqual({ name, rows: was.length + extra });
  }
  // every appended reminder is a written notice of the day, at most one per unit and day
  const reminders = state.grid('催缴记录');
  const rh = reminders[0];
  const appended = reminders.slice(initial['催缴记录'].length);
  for (const r of appended) expect(r[rh.indexOf('方式')]).toBe('书面通知');
  const keys = reminders.slice(1).filter((r) => r[rh.indexOf('方式')] === '书面通知').map((r) => `${r[rh.indexOf('房号')]}|${r[rh.indexOf('日期')]}`);
  expect(keys.length - new Set(keys).size).toBe(0);

  // 4. the report sheet is whole: exactly one report run's rendering, never a mix of two
  if (outcome.reports.length > 0) {
    const grid = state.grid(REPORT);
    const candidates = await Promise.all(outcome.reports.map(reportGrid));
    expect(candidates.some((c) => JSON.stringify(c) === JSON.stringify(grid))).toBe(true);
  } else {
    expect(state.sheet(REPORT)).toBeUndefined();
  }
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 29 }).map((minute): Op => ({ kind: 'add', minute })) },
  fc.constantFrom<Op>({ kind: 'fill' }, { kind: 'setup' }, { kind: 'report' }, { kind: 'validate' }, { kind: 'due' }, { kind: 'pivots' }, { kind: 'notices' }),
);

describe('two co-authors in Excel, interleaved at context.sync', () => {
  it('keeps every ID unique, every row, every data cell, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(opArb, { minLength: 1, maxLength: 4 }), fc.array(opArb, { minLength: 1, maxLength: 4 }), async (s, a, b) => {
        const before = await center();
        const initial = Object.fromEntries(DATA_SHEETS.map((name) => [name, before.state.grid(name)]));
        const run = interleave(before.state, [a, b], before.units, (author) => () => s.schedule(Promise.resolve(), `${author} sync`));
        const { outcome } = await s.waitFor(run);
        await check(before, initial, outcome);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  }, 120_000);
});
