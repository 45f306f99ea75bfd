// The KPI cross-tabs list categories and departments in the Settings order, as the reports do, in
// every face: no locale is consulted (localeCompare sorted them by pinyin in Chromium and by code
// point in Node, so the pane's KPI sheet and the CLI's differed).
import { crossTab } from '../../src/domain/crosstab';
import { codePointCompare, inListOrder, listOrder } from '../../src/domain/listOrder';
import { defaultSettings } from '../../src/domain/settings';
import { TICKETS } from '../../src/domain/schema';
import { readTable } from '../../src/domain/table';

const settings = defaultSettings('zh');

// prettier-ignore
const read = readTable(TICKETS, {
  name: '工单', originRow: 0, originCol: 0,
  rows: [
    ['工单号', '受理时间', '类别', '责任部门', '状态'],
    ['A', 46300, '噪音', '环境部', '已完成'],
    ['B', 46300, '停车', '安全部', '待派单'],
    ['C', 46331, '保洁', '环境部', '处理中'],
    ['D', 46331, '电梯', '工程部', '已完成'], // a category typed that is not on the Settings list
    ['E', 46331, null, '客服部', '已完成'],   // no category
    ['F', 46331, '维修', '工程部', '已派单'],
  ],
});

describe('the cross-tabs’ order', () => {
  it('lists categories in the Settings order, a typed one after them, the blank last', () => {
    const x = crossTab(read, 'category', 'status', 'zh', { category: settings.categories, department: settings.departments });
    // Settings: 维修 保洁 安保 绿化 停车 收费 噪音 服务态度 其他 — pinyin would give 保洁 电梯 噪音 停车 维修,
    // code point 保 (4FDD) 停 (505C) 噪 (566A) 电 (7535) 维 (7EF4)
    expect(x.rows).toEqual(['维修', '保洁', '停车', '噪音', '电梯', '(未填)']);
    // statuses in the enumeration's order
    expect(x.cols).toEqual(['待派单', '已派单', '处理中', '已完成']);
    expect(x.counts[0]).toEqual([0, 1, 0, 0]);
  });

  it('lists departments in the Settings order, months in time order', () => {
    const x = crossTab(read, 'department', 'month', 'zh', { category: settings.categories, department: settings.departments });
    expect(x.rows).toEqual(['客服部', '工程部', '环境部', '安全部']);
    // 46300 is 2026-10-05, 46331 2026-11-05
    expect(x.cols).toEqual(['2026-10', '2026-11']);
    expect(x.counts).toEqual([[0, 1], [0, 2], [1, 1], [1, 0]]);
  });

  it('compares by code point when no list says otherwise', () => {
    expect(['停车', '保洁', 'b', 'B', 'a'].sort(codePointCompare)).toEqual(['B', 'a', 'b', '保洁', '停车']);
    expect(['x', '(blank)', 'Parking', 'Repairs'].sort(listOrder(['Repairs', 'Parking'], '(blank)'))).toEqual(['Repairs', 'Parking', 'x', '(blank)']);
    expect(inListOrder(['b', 'a', 'b'], [])).toEqual(['a', 'b']);
  });
});
