// The clerk's desk (issue 13, item 1): the lists at an as-of from the hand-made ticket sheet of
// dueFixture.ts (every row and its deadline are there), as worked out by hand; the Settings sheet's
// 临期提醒(小时) and 计时方式 taking effect; the --json shape; the 待办 sheet.
import { markDue, runDue } from '../../src/app/due';
import { FileWorkbook } from '../../src/workbook/file';
import { Cell } from '../../src/workbook/types';
import { AS_OF, at, settingRow, writeFixture } from './dueFixture';

async function fixture(settings: Cell[][] | null = null, rows?: Cell[][]): Promise<FileWorkbook> {
  const wb = FileWorkbook.create();
  await writeFixture(wb, settings, rows);
  return wb;
}

/** An entry as `[id, deadlineFor, deadline, hours]`. */
const due = (e: { id: string; deadlineFor: string; deadline: string; hours: number }) => [e.id, e.deadlineFor, e.deadline, e.hours];

describe('the desk at 2026-11-25 14:00', () => {
  it('lists overdue and due-soon tickets as worked out by hand, most urgent first', async () => {
    const { json } = await runDue(await fixture(), { asOf: AS_OF });
    // T01 response 11-25 10:00 (4 h late), T14 response 12:30 (1.5 h), T07 agreed 13:00 (1 h; the
    // hold did not move it); T06 would be 2 h late but its hold moved it to 11-26 06:00
    expect(json.overdue.map(due)).toEqual([
      ['T01', 'response', '2026-11-25T10:00:00', 4],
      ['T14', 'response', '2026-11-25T12:30:00', 1.5],
      ['T07', 'resolution', '2026-11-25T13:00:00', 1],
    ]);
    // T03 2 h left, T05 exactly 4 h (inside); T04 4.5 h is outside the 4 h window
    expect(json.dueSoon.map(due)).toEqual([
      ['T03', 'resolution', '2026-11-25T16:00:00', 2],
      ['T05', 'resolution', '2026-11-25T18:00:00', 4],
    ]);
    // T09 resolved 11-22 10:00 (76 h ago), T18 at 13:00 (1 h); T10 was called back, T11 is an
    // inquiry, T12 closed, T17 rejected
    expect(json.awaitingCallback.map((e) => [e.id, e.resolved, e.hours])).toEqual([
      ['T09', '2026-11-22T10:00:00', 76],
      ['T18', '2026-11-25T13:00:00', 1],
    ]);
    // T14 since 11-24 12:30 (25.5 h), T13 since 11-25 11:30 (2.5 h); T16 comes after as-of
    expect(json.undispatched.map((e) => [e.id, e.received, e.hours])).toEqual([
      ['T14', '2026-11-24T12:30:00', 25.5],
      ['T13', '2026-11-25T11:30:00', 2.5],
    ]);
  });

  it('gives the JSON the issue asks for: row, ID and unit of each, and the window', async () => {
    const { json } = await runDue(await fixture(), { asOf: AS_OF });
    expect(Object.keys(json)).toEqual(['asOf', 'dueSoonHours', 'overdue', 'dueSoon', 'awaitingCallback', 'undispatched']);
    expect([json.asOf, json.dueSoonHours]).toEqual(['2026-11-25T14:00:00', 4]);
    // T01 is on Excel row 2 (the header is row 1), T05 on row 6, T09 on row 10, T14 on row 15
    expect(json.overdue[0]).toEqual({ row: 2, id: 'T01', unit: '1-0101', deadlineFor: 'response', deadline: '2026-11-25T10:00:00', hours: 4 });
    expect(json.dueSoon[1]).toEqual({ row: 6, id: 'T05', unit: '1-0501', deadlineFor: 'resolution', deadline: '2026-11-25T18:00:00', hours: 4 });
    expect(json.awaitingCallback[0]).toEqual({ row: 10, id: 'T09', unit: '1-0901', resolved: '2026-11-22T10:00:00', hours: 76 });
    expect(json.undispatched[0]).toEqual({ row: 15, id: 'T14', unit: '1-1401', received: '2026-11-24T12:30:00', hours: 25.5 });
  });

  it('takes the due-soon window from the Settings sheet: 6 h brings T04 in', async () => {
    const { json } = await runDue(await fixture([settingRow('临期提醒(小时)', 6)]), { asOf: AS_OF });
    expect(json.dueSoonHours).toBe(6);
    expect(json.dueSoon.map((e) => [e.id, e.hours])).toEqual([
      ['T03', 2],
      ['T05', 4],
      ['T04', 4.5],
    ]);
    expect(json.overdue.map((e) => e.id)).toEqual(['T01', 'T14', 'T07']);
    // and 1 h leaves T05 (4 h) and T03 (2 h) out
    expect((await runDue(await fixture([settingRow('临期提醒(小时)', 1)]), { asOf: AS_OF })).json.dueSoon).toEqual([]);
  });

  it('counts on the working-hours clock of Settings, holidays left out', async () => {
    // 08:30–17:30 on working days, Thursday 11-26 a holiday; as-of Friday 11-27 16:00. Inquiries
    // (24 working hours) received Tuesday 11-24:
    //   W1 at 09:30: Tue 8 h, Wed 9 h (17), Thu none, Fri 7 h → Fri 15:30: 0.5 h late
    //   W2 at 13:30: Tue 4 h, Wed 9 h (13), Fri 9 h (22), Mon 2 h → Mon 11-30 10:30: 1.5 + 2 = 3.5 h left
    // W3, an urgent repair (24 h) at Fri 09:00: Fri 8.5 h, Mon 9 h (17.5), Tue 6.5 h → Tue 15:00
    // W4, new, at Fri 15:00: response Fri 2.5 h, Mon 9, Tue 9 (20.5), Wed 3.5 → Wed 12:00; waiting 1 h
    // prettier-ignore
    const rows: Cell[][] = [
      ['W1', at('11-24 09:30'), '来电', '咨询', '维修', '2-101', null, null, '处理中', at('11-24 09:40'), null, null, null, null, null],
      ['W2', at('11-24 13:30'), '来电', '咨询', '维修', '2-102', null, null, '处理中', at('11-24 13:40'), null, null, null, null, null],
      ['W3', at('11-27 09:00'), '来电', '报修', '维修', '2-103', null, '紧急', '处理中', at('11-27 09:10'), null, null, null, null, null],
      ['W4', at('11-27 15:00'), '来电', '报修', '维修', '2-104', null, '普通', '待派单', null, null, null, null, null, null],
    ];
    const settings = [settingRow('计时方式', '工作时间', '2026-11-26'), settingRow('工作时间', '08:30-17:30')];
    const working = (await runDue(await fixture(settings, rows), { asOf: '2026-11-27T16:00' })).json;
    expect(working.overdue.map(due)).toEqual([['W1', 'resolution', '2026-11-27T15:30:00', 0.5]]);
    expect(working.dueSoon.map(due)).toEqual([['W2', 'resolution', '2026-11-30T10:30:00', 3.5]]);
    expect(working.undispatched.map((e) => [e.id, e.hours])).toEqual([['W4', 1]]);
    // on calendar hours W1 was due 11-25 09:30 (54.5 h late) and W2 11-25 13:30 (50.5 h late)
    const calendar = (await runDue(await fixture(null, rows), { asOf: '2026-11-27T16:00' })).json;
    expect(calendar.overdue.map(due)).toEqual([
      ['W1', 'resolution', '2026-11-25T09:30:00', 54.5],
      ['W2', 'resolution', '2026-11-25T13:30:00', 50.5],
    ]);
    expect(calendar.dueSoon).toEqual([]);
  });

  it('lays the lists out as the sheet 待办 2026-11-25, each section with its count', async () => {
    const wb = await fixture();
    const result = await runDue(wb, { asOf: AS_OF, write: true });
    expect([result.sheetName, result.written]).toEqual(['待办 2026-11-25', true]);
    const [sheet] = await wb.readSheets(['待办 2026-11-25']);
    const first = (r: ReadonlyArray<Cell>) => r[0];
    const texts = sheet.rows.map(first).filter((c): c is string => typeof c === 'string');
    expect(texts).toEqual(
      expect.arrayContaining([
        '一、超时（3 件，超时最久的在前）',
        '二、临期：4 小时内到期（2 件，剩余时间最短的在前）',
        '三、已完成待回访（2 件，等待最久的在前）',
        '四、待派单（2 件，等待最久的在前）',
      ]),
    );
    // the overdue table under its header: row, ID, unit, type, category, department, status, for, deadline, hours
    const head = sheet.rows.findIndex((r) => r[0] === '一、超时（3 件，超时最久的在前）') + 1;
    expect(sheet.rows[head]).toEqual(['行号', '工单号', '房号', '类型', '类别', '责任部门', '状态', '时限', '到期时间', '超时（小时）']);
    expect(sheet.rows[head + 1]).toEqual([2, 'T01', '1-0101', '投诉', '维修', null, '已派单', '首次响应', at('11-25 10:00'), 4]);
    expect(sheet.rows[head + 3]).toEqual([8, 'T07', '1-0701', '投诉', '维修', null, '处理中', '办结', at('11-25 13:00'), 1]);
    // waiting: T09 for 76 h shows as 3 days, T18 as 1.0 h
    const callbacks = sheet.rows.findIndex((r) => r[0] === '三、已完成待回访（2 件，等待最久的在前）') + 2;
    expect(sheet.rows.slice(callbacks, callbacks + 2).map((r) => [r[1], r[8], r[9]])).toEqual([
      ['T09', at('11-22 10:00'), '3 天'],
      ['T18', at('11-25 13:00'), '1.0 小时'],
    ]);
    // the legend shows the row colours
    const legend = result.sheet.rows.findIndex((r) => r[0] === '工单表中的颜色：');
    expect([result.sheet.rows[legend][2], result.sheet.styles[legend][2], result.sheet.rows[legend][3], result.sheet.styles[legend][3]]).toEqual(['超时', 'overdueFill', '临期', 'dueSoonFill']);
  });

  it('names the sheet in English in an English workbook', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: 'Tickets', columns: ['Ticket ID', 'Received', 'Channel', 'Type', 'Category', 'Description', 'Status'].map((header) => ({ header })), rows: [['E1', at('11-25 09:00'), 'Phone', 'Complaint', 'Repairs', 'leak', 'New']] }]);
    const result = await runDue(wb, { asOf: AS_OF });
    expect(result.sheetName).toBe('To-do 2026-11-25');
    expect(result.sheet.rows.map((r) => r[0])).toContain('4. New, not yet dispatched (1, longest waiting first)');
  });

  it('colours the rows once: a second time with nothing new writes nothing', async () => {
    const wb = await fixture();
    const first = await markDue(wb, { asOf: AS_OF });
    expect(first).toEqual({ ticketSheet: '工单', overdue: 3, dueSoon: 2, changed: true });
    const bytes = wb.toBytes();
    expect((await markDue(wb, { asOf: AS_OF })).changed).toBe(false);
    expect(Buffer.from(wb.toBytes()).equals(Buffer.from(bytes))).toBe(true);
    // T01, T03, T05, T07, T14 on sheet rows 2, 4, 6, 8, 15 (0-based 1, 3, 5, 7, 14)
    expect(await wb.readRowMarks('工单')).toEqual([
      { row: 1, state: 'overdue', key: 'T01' },
      { row: 3, state: 'dueSoon', key: 'T03' },
      { row: 5, state: 'dueSoon', key: 'T05' },
      { row: 7, state: 'overdue', key: 'T07' },
      { row: 14, state: 'overdue', key: 'T14' },
    ]);
    // at 18:30 T05 (due 18:00) is late too, T03 (16:00) long since; T04 (18:30) is due now
    expect(await markDue(wb, { asOf: '2026-11-25T18:30' })).toMatchObject({ overdue: 5, dueSoon: 1, changed: true });
  });

  it('refuses a workbook without a ticket sheet, as a report does', async () => {
    const wb = FileWorkbook.create();
    await wb.addSheets([{ name: '客户', columns: [{ header: '房号' }], rows: [['1-101']] }]);
    await expect(runDue(wb, { asOf: AS_OF })).rejects.toMatchObject({ name: 'UseCaseProblem', code: 'NO_TICKETS' });
    await expect(runDue(await fixture(), { asOf: 'tomorrow' })).rejects.toMatchObject({ code: 'BAD_AS_OF' });
  });
});

