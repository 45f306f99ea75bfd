// How centers name their columns and write their values: the synonyms adoption reads a legacy
// register by (docs/adopt.md). Data, not code: add a name here and every register that uses it is
// understood. Matching ignores case, spaces, brackets' width and a trailing colon (normalizeHeader
// plus `:`/`：`), so list each name once as a person would write it.
import type { DataSheetKey } from '../schema';
import type { EnumName } from '../enums';

/** Column names by sheet and column key, besides the column's own zh and en headers. */
export const COLUMN_SYNONYMS: { readonly [S in DataSheetKey]: Readonly<Record<string, ReadonlyArray<string>>> } = {
  tickets: {
    id: ['工单编号', '单号', '编号', '投诉编号', '报修单号', '工单号码', 'number', 'ticket', 'ticket no', 'ticket number', 'id'],
    receivedAt: ['受理日期', '登记日期', '登记时间', '日期', '时间', '投诉时间', '报修时间', '来电时间', '接单时间', 'createdAt', 'created', 'date', 'received at', 'opened'],
    channel: ['来源', '受理渠道', '反映渠道', '方式', '投诉方式', 'source', 'channel'],
    type: ['工单类型', '类型', '性质', '事项类型', 'type', 'kind'],
    category: ['类别', '分类', '问题类别', '投诉类别', '报修类别', 'category', 'classifier'],
    unit: ['房号', '房屋', '房屋编号', '房间号', '房间', '单元号', '房号/地址', '地址', 'unitName', 'unit', 'address', 'flat', 'apartment'],
    contact: ['联系人', '业主', '业主姓名', '客户', '客户姓名', '投诉人', '报修人', '来电人', 'clientName', 'client', 'contact', 'name', 'customer'],
    phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式', 'clientPhone', 'phone', 'mobile', 'telephone'],
    description: ['内容', '投诉内容', '投诉事项', '报修内容', '事项', '问题描述', '问题', '情况描述', '反映内容', 'details', 'description', 'issue', 'problem'],
    department: ['责任部门', '处理部门', '责任单位', '派单部门', '承办部门', 'department', 'division'],
    assignee: ['处理人', '负责人', '经办人', '维修人', '维修人员', 'assignee', 'executor', 'handler', 'owner'],
    priority: ['紧急程度', '优先级', '紧急', 'priority', 'urgency'],
    status: ['状态', '处理状态', '进度', '工单状态', 'status', 'state'],
    firstResponseAt: ['首次响应时间', '响应时间', '派单时间', '接单响应', 'firstResponseAt', 'responded at', 'first response'],
    agreedDueAt: ['约定完成时间', '约定时间', '承诺时间', '期限', '截止时间', 'deadline', 'due', 'due at'],
    holdStartAt: ['挂起开始', '暂停开始'],
    holdEndAt: ['挂起结束', '暂停结束'],
    resolvedAt: ['完成时间', '完成日期', '办结时间', '处理完成时间', '解决时间', 'completedAt', 'completed', 'resolved at', 'closed at'],
    result: ['处理结果', '处理情况', '处理意见', '处理措施', 'result', 'resolution', 'outcome'],
    callbackAt: ['回访时间', '回访日期', 'callback at', 'feedbackAt'],
    callbackBy: ['回访人', '回访员', 'callback by'],
    // 回访结果 / 回访情况 hold a rating in some registers and words in others: the column's content
    // decides (detect.ts, enum columns before text ones)
    satisfaction: ['满意度', '回访结果', '回访情况', '满意程度', '评价', 'feedbackValue', 'rating', 'satisfaction'],
    callbackNotes: ['回访意见', '回访情况', '回访结果', '回访记录', '业主意见', 'feedbackComment', 'feedback', 'comment'],
    complaintValid: ['投诉是否成立', '是否成立', '有效投诉', 'valid'],
  },
  customers: {
    unit: ['房号', '房屋', '房屋编号', '房间号', '房间', '单元号', '门牌号', 'unit', 'unitName', 'flat'],
    name: ['客户姓名', '业主名称', '业主姓名', '业主', '姓名', '户主', '客户', 'name', 'owner', 'clientName'],
    phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式', 'phone', 'mobile', 'clientPhone'],
    building: ['楼栋', '楼号', '楼栋号', '栋号', '楼', 'building', 'block'],
    area: ['面积', '建筑面积', '房屋面积', '使用面积', '面积(㎡)', '面积(m2)', 'area'],
    moveInDate: ['入住日期', '入住时间', '交房日期', '收房日期', 'move-in', 'move in date'],
    occupancy: ['状态', '房屋状态', '居住状态', '入住状态', 'occupancy', 'status'],
  },
  charges: {
    unit: ['房号', '房屋', '房屋编号', '房间号', '房间', '单元号', 'unit', 'unitName'],
    feeItem: ['费用项目', '收费项目', '费项', '项目', '费用名称', 'fee', 'fee item', 'item'],
    period: ['账期', '所属期', '缴费周期', '计费月份', '月份', '期间', 'period', 'month'],
    amountDue: ['应收金额', '应缴金额', '应收', '应缴', '金额', '应收费用', 'amount due', 'due amount', 'amount'],
    dueDate: ['到期日', '缴费截止日', '截止日期', '应缴日期', '最迟缴费日', 'due date'],
    amountPaid: ['实收金额', '实缴金额', '实收', '实缴', '已缴金额', '缴费金额', 'amount paid', 'paid'],
    paidDate: ['收款日期', '缴费时间', '缴费日期', '收款时间', '付款日期', 'paid date', 'payment date'],
  },
  reminders: {
    unit: ['房号', '房屋', '房屋编号', '房间号', 'unit'],
    date: ['日期', '催缴日期', '催缴时间', '时间', 'date'],
    method: ['方式', '催缴方式', '联系方式', 'method'],
    clerk: ['经办人', '催缴人', '收银员', '操作员', 'clerk'],
    result: ['结果', '催缴结果', '情况', '备注', 'result'],
    promisedDate: ['承诺缴费日', '承诺日期', '约定缴费日', 'promised date'],
  },
};

/** A charge's start of billing: its 账期 is the month it starts in when the ledger has no 账期. */
export const PERIOD_START_SYNONYMS: ReadonlyArray<string> = ['开始时间', '计费开始时间', '计费起始时间', '起始日期', '开始日期', '费用开始时间', 'start', 'start date', 'from'];

/** The parts of a unit number that registers keep in separate columns (楼号 / 单元 / 房间). */
export const UNIT_PART_SYNONYMS: Readonly<Record<'building' | 'entrance' | 'room', ReadonlyArray<string>>> = {
  building: ['楼号', '楼栋', '楼栋号', '栋号', '栋', '楼', 'building', 'block'],
  entrance: ['单元', '单元号', '门', 'entrance', 'staircase'],
  room: ['房间', '房间号', '室', 'room'],
};

/** Values by enumeration and key, besides the value's own zh and en labels. */
export const VALUE_SYNONYMS: { readonly [E in EnumName]?: Readonly<Record<string, ReadonlyArray<string>>> } = {
  channel: {
    phone: ['电话', '来电', '热线', '400', '电话投诉', 'call', 'phone call', 'hotline'],
    visit: ['来访', '上门', '现场', '前台', 'walk-in', 'in person'],
    letter: ['来函', '信函', '书面'],
    email: ['电邮', '邮件', '邮箱', 'e-mail', 'mail'],
    online: ['网络', '微信', '公众号', 'app', '小程序', '网站', 'web', 'mobile_app', 'wechat'],
    other: ['其他', '其它', 'other'],
  },
  ticketType: {
    complaint: ['投诉', '投拆', 'complaint'],
    repair: ['报修', '维修', '保修', 'repair'],
    inquiry: ['咨询', '询问', 'question', 'inquiry', 'enquiry'],
    suggestion: ['建议', '意见', 'suggestion'],
    praise: ['表扬', '感谢', '锦旗', 'praise', 'thanks'],
  },
  status: {
    new: ['待派单', '新建', '待处理', '未处理', '未派单', 'new', 'open'],
    dispatched: ['已派单', '已派工', '派单', 'dispatched', 'assigned'],
    inProgress: ['处理中', '跟进中', '维修中', '进行中', 'processing', 'in progress', 'in_progress'],
    onHold: ['挂起', '暂停', '待料', 'deferred', 'on hold', 'paused'],
    resolved: ['已完成', '完成', '已处理', '已解决', '已办结', '办结', 'completed', 'done', 'resolved'],
    calledBack: ['已回访', '回访完成', 'called back'],
    closed: ['已关闭', '关闭', '已结案', '结案', 'closed'],
    rejected: ['不成立', '无效', '驳回', '已取消', 'cancelled', 'canceled', 'rejected', 'declined'],
  },
  satisfaction: {
    satisfied: ['满意', '非常满意', '很满意', '5', '4', 'satisfied', 'good', 'returned'],
    fairlySatisfied: ['基本满意', '一般', '较满意', '3', 'fairly satisfied', 'ok'],
    dissatisfied: ['不满意', '很不满意', '差', '2', '1', 'dissatisfied', 'bad'],
  },
  priority: {
    urgent: ['紧急', '特急', '加急', 'urgent'],
    high: ['高', '重要', 'high'],
    normal: ['普通', '一般', '正常', 'normal'],
    low: ['低', '不急', 'low'],
  },
  yesNo: { yes: ['是', '成立', '有效', 'y', 'yes', 'true'], no: ['否', '不成立', '无效', 'n', 'no', 'false'] },
  reminderMethod: {
    phone: ['电话', '来电', '电话催缴', 'phone'],
    sms: ['短信', '信息', 'sms', 'text'],
    visit: ['上门', '面谈', 'visit'],
    written: ['书面通知', '书面', '催缴单', '通知单', 'letter', 'notice'],
  },
  occupancy: {
    occupied: ['已入住', '入住', '自住', '在住', 'occupied'],
    vacant: ['空置', '空房', '未入住', '未售', 'vacant', 'empty'],
    let: ['出租', '租赁', '已出租', 'let', 'rented'],
  },
};

/** Words of a title or a sheet name that say what kind of ticket a register holds. */
export const TYPE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['投诉', 'complaint'],
  ['报修', 'repair'],
  ['维修', 'repair'],
  ['咨询', 'inquiry'],
  ['建议', 'suggestion'],
  ['表扬', 'praise'],
  ['complaint', 'complaint'],
  ['repair', 'repair'],
];

/** A row whose text says it is not a record: a total, a note, a signature line. */
export const SUBTOTAL_WORDS = ['合计', '小计', '总计', '共计', '累计', 'total', 'subtotal', 'sum'];
export const NOTE_WORDS = ['说明', '注', '备注', '注意', '填表说明', '制表', '审核', '签字', 'note', 'notes'];
