// A sample ReportSheet that uses every ReportStyle: what the back-end tests write and render. The
// real report layouts come from the report renderer; this one only proves the styles.
import { Cell, ReportSheet, ReportStyle } from '../../src/workbook/types';

type Line = { cells: Cell[]; styles: Array<ReportStyle | null> };

const WIDTH = 7;

function line(cells: Cell[], styles: ReportStyle | null | Array<ReportStyle | null>): Line {
  const padded = [...cells, ...new Array<Cell>(Math.max(0, WIDTH - cells.length)).fill(null)];
  const looks = Array.isArray(styles) ? [...styles, ...new Array<null>(Math.max(0, WIDTH - styles.length)).fill(null)] : padded.map((_, i) => (i < cells.length ? styles : null));
  return { cells: padded, styles: looks };
}

/** `name` with `overdue` rows in the overdue list (to make it longer than a page). */
export function sampleReport(name = '月报 2026-11', overdue = 12): ReportSheet {
  const lines: Line[] = [
    line(['客服月报 2026年11月'], ['title']),
    line(['幸福里物业服务中心 · 统计期 2026-11-01 至 2026-11-30 · 截至 2026-12-01 00:00 · 生成于 2026-12-01 08:30'], ['subtitle']),
    line([], null),
    line(['关键指标'], ['section']),
    line(['指标', '本期', '上期', '变化', '分子', '分母', '说明'], 'header'),
    line(['受理量', 128, 117, 11, null, null, '全部渠道'], ['label', 'integer', 'integer', 'integer', null, null, 'text']),
    line(['及时响应率', 0.953, 0.912, 0.041, 122, 128, '24 小时内首次响应'], ['label', 'percent', 'percent', 'percent', 'integer', 'integer', 'text']),
    line(['及时办结率', 0.884, 0.9, -0.016, 107, 121, ''], ['label', 'percent', 'percent', 'percent', 'integer', 'integer', 'text']),
    line(['平均处理时长(小时)', 31.46, 35.2, -3.74, null, null, '中位数 22.0 · P90 70.5'], ['label', 'decimal', 'decimal', 'decimal', null, null, 'text']),
    line(['收缴率', 0.9625, 0.948, 0.0145, 385000, 400000, '按金额'], ['label', 'percent', 'percent', 'percent', 'money', 'money', 'text']),
    line(['清欠额', 12345.6, 9876.5, 2469.1, null, null, ''], ['label', 'money', 'money', 'money', null, null, 'text']),
    line([], null),
    line(['按类型'], ['section']),
    line(['类型', '受理', '办结', '未结', '及时办结率'], 'header'),
    line(['投诉', 42, 38, 4, 0.857], ['label', 'integer', 'integer', 'integer', 'percent']),
    line(['报修', 61, 57, 4, 0.912], ['label', 'integer', 'integer', 'integer', 'percent']),
    line(['咨询', 25, 25, 0, 1], ['label', 'integer', 'integer', 'integer', 'percent']),
    line(['合计', 128, 120, 8, null], ['total', 'total', 'total', 'total', 'total']),
    line([], null),
    line(['逾期工单'], ['section']),
    line(['工单号', '受理时间', '房号', '内容', '逾期(小时)', '约定完成', '状态'], 'header'),
  ];
  const texts = ['=SUM(A1:A9) 楼上漏水', '+86 138 0013 8000 来电', '-3 度空调不制冷', '@前台 电梯停在三层', '卫生间天花板渗水，请尽快派人维修'];
  for (let i = 0; i < overdue; i++) {
    lines.push(
      line(
        [`GD-2026-${String(1001 + i).padStart(5, '0')}`, 46325 + i * 0.73, `${1 + (i % 9)}-${101 + i}`, texts[i % texts.length], 4.5 + i * 3.25, 46330 + i, i % 2 ? '处理中' : '已派单'],
        ['text', 'datetime', 'text', 'text', 'decimal', 'date', 'text'],
      ),
    );
  }
  lines.push(line([], null), line(['注：比率的分母为到期工单；挂起时间不计入时长。'], ['note']));
  const listHeader = 20;
  return {
    name,
    rows: lines.map((l) => l.cells),
    styles: lines.map((l) => l.styles),
    merges: [
      { row: 0, col: 0, rows: 1, cols: WIDTH },
      { row: 1, col: 0, rows: 1, cols: WIDTH },
    ],
    widths: [20, 17, 11, 34, 11, 12, 24],
    printTitleRows: { first: listHeader, last: listHeader },
    charts: [{ type: 'line', title: '受理量趋势', data: { row: 13, col: 0, rows: 4, cols: 2 }, anchor: { row: 3, col: 8 } }],
  };
}
