// A hand-made ticket sheet for the clerk's desk (issue 13): every row below, with what its deadline is
// worked out to in the comment beside it. As-of Wednesday 2026-11-25 14:00, calendar hours, SLAs and
// the due-soon window (4 h) as Settings has them by default: response 24 h; resolution complaint 72 h,
// urgent repair 24 h, inquiry 24 h, suggestion 168 h. Times are 2026, written MM-DD hh:mm.
import { Cell, Workbook } from '../../src/workbook/types';
import { wallToSerial, wall } from '../../src/domain/time';

export const AS_OF = '2026-11-25T14:00:00';

/** A 2026 time as the sheet holds it: an Excel serial. */
export function at(mmdd: string): number {
  const m = /^(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(mmdd);
  if (!m) throw new Error(`not MM-DD hh:mm: ${mmdd}`);
  return wallToSerial(wall(2026, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])));
}

export const HEADERS = ['工单号', '受理时间', '渠道', '类型', '类别', '房号', '内容', '紧急程度', '状态', '首次响应时间', '约定完成时间', '挂起开始', '挂起结束', '完成时间', '回访时间'];

type Row = [id: string, received: string, type: string, priority: string | null, status: string, response: string | null, agreed: string | null, holdStart: string | null, holdEnd: string | null, resolved: string | null, callback: string | null];

// Excel row 2 is T01, row 3 T02, …, row 19 T18.
// prettier-ignore
export const TICKETS: Row[] = [
  //  ID     received       type    priority status     response       agreed due     hold start     hold end       resolved       callback
  ['T01', '11-24 10:00', '投诉', null,   '已派单', null,          null,          null,          null,          null,          null],          // no response: due 11-25 10:00, 4 h late
  ['T02', '11-24 08:00', '投诉', null,   '处理中', '11-24 09:00', null,          null,          null,          null,          null],          // resolution 11-27 08:00: 66 h left, on time
  ['T03', '11-24 16:00', '咨询', null,   '处理中', '11-24 16:30', null,          null,          null,          null,          null],          // resolution 11-25 16:00: 2 h left
  ['T04', '11-24 18:30', '咨询', null,   '处理中', '11-24 18:40', null,          null,          null,          null,          null],          // resolution 11-25 18:30: 4.5 h left, just outside 4 h
  ['T05', '11-24 18:00', '咨询', null,   '处理中', '11-24 18:10', null,          null,          null,          null,          null],          // resolution 11-25 18:00: exactly 4 h left, inside
  ['T06', '11-24 12:00', '报修', '紧急', '处理中', '11-24 12:30', null,          '11-24 14:00', '11-25 08:00', null,          null],          // 11-25 12:00 + 18 h on hold = 11-26 06:00: 16 h left (2 h late without the hold)
  ['T07', '11-23 09:00', '投诉', null,   '处理中', '11-23 10:00', '11-25 13:00', '11-24 09:00', '11-24 12:00', null,          null],          // agreed 11-25 13:00, which a hold does not move: 1 h late
  ['T08', '11-25 09:00', '报修', '普通', '挂起',   null,          null,          '11-25 10:00', null,          null,          null],          // on hold since before its response deadline: not yet due
  ['T09', '11-20 09:00', '投诉', null,   '已完成', '11-20 10:00', null,          null,          null,          '11-22 10:00', null],          // resolved, no callback: waiting 76 h
  ['T10', '11-24 09:00', '报修', '高',   '已回访', '11-24 09:30', null,          null,          null,          '11-24 15:00', '11-25 09:00'], // called back
  ['T11', '11-24 09:00', '咨询', null,   '已完成', '11-24 09:10', null,          null,          null,          '11-24 11:00', null],          // an inquiry: not called back
  ['T12', '11-22 09:00', '投诉', null,   '已关闭', '11-22 09:30', null,          null,          null,          '11-23 10:00', null],          // closed: the loop is closed
  ['T13', '11-25 11:30', '建议', null,   '待派单', null,          null,          null,          null,          null,          null],          // response 11-26 11:30: 21.5 h left; not dispatched for 2.5 h
  ['T14', '11-24 12:30', '投诉', null,   '待派单', null,          null,          null,          null,          null,          null],          // response 11-25 12:30: 1.5 h late; not dispatched for 25.5 h
  ['T15', '11-25 08:00', '表扬', null,   '处理中', null,          null,          null,          null,          null,          null],          // praise: no SLA
  ['T16', '11-25 15:00', '投诉', null,   '待派单', null,          null,          null,          null,          null,          null],          // received after as-of: not yet there
  ['T17', '11-24 09:00', '投诉', null,   '不成立', '11-24 10:00', null,          null,          null,          '11-24 17:00', null],          // rejected: answered and closed
  ['T18', '11-23 09:00', '报修', '普通', '已完成', '11-23 09:20', null,          null,          null,          '11-25 13:00', null],          // resolved, no callback: waiting 1 h
];

/** The rows as the sheet holds them (内容 left empty: validation marks it, which the colour tests use). */
export function ticketRows(rows: ReadonlyArray<Row> = TICKETS): Cell[][] {
  return rows.map(([id, received, type, priority, status, response, agreed, holdStart, holdEnd, resolved, callback]) => {
    const time = (t: string | null) => (t === null ? null : at(t));
    return [id, at(received), '来电', type, '维修', `1-${id.slice(1)}01`, null, priority, status, time(response), time(agreed), time(holdStart), time(holdEnd), time(resolved), time(callback)];
  });
}

const TIMES = new Set(['受理时间', '首次响应时间', '约定完成时间', '挂起开始', '挂起结束', '完成时间', '回访时间']);

/** The Settings sheet's header, and a parameter row (参数, 值) the way a manager types it. */
export const SETTINGS_HEADERS = ['参数', '值', '说明', '类别', '责任部门', '费用项目', '经办人', '节假日', '调休工作日'];
export function settingRow(name: string, value: Cell, holiday: Cell = null): Cell[] {
  return [name, value, null, null, null, null, null, holiday, null];
}

/** The fixture's workbook: the ticket sheet as an Excel table, and a Settings sheet when given rows. */
export async function writeFixture(wb: Workbook, settings: Cell[][] | null = null, rows: Cell[][] = ticketRows()): Promise<void> {
  await wb.addSheets([
    // times shown as a clerk reads them (LibreOffice renders the sheet for docs/screenshots)
    { name: '工单', tableName: 'tblTickets', columns: HEADERS.map((header) => (TIMES.has(header) ? { header, numberFormat: 'mm-dd hh:mm', width: 12 } : { header, width: header === '状态' ? 8 : 9 })), rows },
    ...(settings ? [{ name: '设置', tableName: 'tblSettings', columns: SETTINGS_HEADERS.map((header) => ({ header })), rows: settings }] : []),
  ]);
}
