// Ticket-like rows for the Office.js back end tests: Chinese text, date serials, amounts.
import { Cell, NewSheet } from '../../../src/workbook/types';

const HANZI =
  '楼上漏水卫生间天花板渗水请尽快派人维修电梯故障停在三层门口垃圾未清理噪音扰民停车位被占用物业费发票申请绿化带修剪路灯不亮门禁卡失效管道堵塞' +
  '外墙脱落空调滴水投诉保安态度差快递丢失宠物扰民装修时间过早水压不足热水器安装咨询缴费方式表扬前台服务周到';

/** deterministic pseudo-random integers */
export function rng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

export function chineseText(next: (n: number) => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += HANZI[next(HANZI.length)];
  return s;
}

export const TICKET_HEADERS = [
  '工单号', '受理时间', '渠道', '类型', '类别', '房号', '联系人', '电话', '内容', '责任部门', '处理人', '紧急程度',
  '状态', '首次响应时间', '约定完成时间', '挂起开始', '挂起结束', '完成时间', '处理结果', '回访时间', '回访人', '满意度',
  '回访意见', '投诉是否成立',
];

/** `count` ticket rows of 24 columns, as a clerk's sheet holds them */
export function ticketRows(count: number, seed = 1): Cell[][] {
  const next = rng(seed);
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const received = 46000 + i / 40 + next(1000) / 100000; // serial with a time
    rows.push([
      `GD-${String(i + 1).padStart(6, '0')}`,
      received,
      ['来电', '来访', '来函', '电邮'][next(4)],
      ['投诉', '报修', '咨询', '建议'][next(4)],
      ['维修', '保洁', '安保', '停车'][next(4)],
      `${1 + next(30)}-${101 + next(2000)}`,
      chineseText(next, 3),
      `138${String(next(100000000)).padStart(8, '0')}`,
      chineseText(next, 18 + next(5)),
      ['客服部', '工程部', '环境部'][next(3)],
      chineseText(next, 3),
      ['紧急', '高', '普通', '低'][next(4)],
      ['待派单', '处理中', '已完成', '已关闭'][next(4)],
      received + 0.05,
      next(3) === 0 ? received + 3 : null,
      null,
      null,
      next(2) === 0 ? received + 1.5 : null,
      chineseText(next, 15 + next(10)),
      next(2) === 0 ? Math.floor(received) + 2 : null,
      chineseText(next, 3),
      ['满意', '基本满意', '不满意'][next(3)],
      chineseText(next, 10 + next(15)),
      next(2) === 0 ? '是' : '否',
    ]);
  }
  return rows;
}

/** A set-up like the product's: five sheets with tables, formats, widths, lists. */
/** The name the ticket sheet's category dropdown reads (created with the sheets, before the dropdowns). */
export const SETUP_NAMES = [{ name: 'DeskbookCategory', formula: '=设置!$A$2:$A$10' }];

export function setUpSheets(rowsEach: number): NewSheet[] {
  const tickets: NewSheet = {
    name: '工单',
    tableName: 'tblTickets',
    freezeHeader: true,
    columns: TICKET_HEADERS.map((header, c) => ({
      header,
      width: c === 8 ? 40 : 12,
      numberFormat: [1, 13, 14, 15, 16, 17, 19].includes(c) ? 'yyyy-mm-dd hh:mm' : undefined,
      list: c === 3 ? { values: ['投诉', '报修', '咨询', '建议', '表扬'] } : c === 4 ? { formula: '=DeskbookCategory' } : undefined,
    })),
    rows: ticketRows(rowsEach),
  };
  const simple = (name: string, tableName: string, headers: string[]): NewSheet => ({
    name,
    tableName,
    freezeHeader: true,
    columns: headers.map((header) => ({ header, width: 14 })),
    rows: Array.from({ length: rowsEach }, (_, i) => headers.map((_, c) => (c === 0 ? `${1 + (i % 30)}-${101 + i}` : c * 10 + i))),
  });
  return [
    tickets,
    simple('客户', 'tblCustomers', ['房号', '客户姓名', '电话', '楼栋', '面积', '入住日期', '状态']),
    simple('应收', 'tblCharges', ['房号', '费用项目', '账期', '应收金额', '到期日', '实收金额', '收款日期']),
    simple('催缴记录', 'tblReminders', ['房号', '日期', '方式', '经办人', '结果', '承诺缴费日']),
    simple('设置', 'tblSettings', ['项目', '值']),
  ];
}
