// The sample's words, as data: names, ticket descriptions and results per type and category,
// callback notes and dunning results, each as [中文, English].
import { Lang, ReminderMethod, Satisfaction, TicketType } from '../enums';
import { CategoryKey } from './tables';

export type Text = readonly [zh: string, en: string];

export function say(text: Text, lang: Lang): string {
  return lang === 'zh' ? text[0] : text[1];
}

// ---- names --------------------------------------------------------------------------------------

/** common surnames, roughly by frequency */
export const SURNAMES_ZH: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 72], ['张', 68], ['刘', 52], ['陈', 46], ['杨', 32], ['黄', 25], ['赵', 23],
  ['吴', 21], ['周', 21], ['徐', 16], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 11],
  ['何', 10], ['林', 10], ['高', 10], ['罗', 9], ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6],
  ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 5], ['彭', 5], ['曾', 5],
  ['沈', 4], ['蒋', 4], ['蔡', 4], ['丁', 3], ['顾', 3], ['陆', 3], ['钱', 2], ['汪', 2],
];
export const GIVEN_CHARS_ZH =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉丹玲晨浩宇欣怡子涵梓轩雨婷佳琪思远嘉俊海燕春梅立新晓东永安德明淑珍国庆卫东慧颖凯'.split(
    '',
  );
export const FIRST_NAMES_EN: ReadonlyArray<string> = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Susan', 'Richard', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Matthew', 'Nancy',
  'Anthony', 'Lisa', 'Mark', 'Emma', 'Steven', 'Olivia', 'Paul', 'Sophie', 'Andrew', 'Grace',
  'Kevin', 'Helen', 'Brian', 'Laura', 'George', 'Amy', 'Peter', 'Rachel', 'Eric', 'Anna',
];
export const LAST_NAMES_EN: ReadonlyArray<string> = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark',
  'Lewis', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker',
  'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner',
  'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper',
];
/** how a caller who is not the customer of record gives a name: 王先生 / Mr. Smith */
export const HONORIFICS: ReadonlyArray<Text> = [
  ['先生', 'Mr.'],
  ['女士', 'Ms.'],
];
export const BUILDING_LABEL: Text = ['{n}栋', 'Block {n}'];

export const CENTER_NAMES: ReadonlyArray<Text> = [
  ['锦绣花园物业服务中心', 'Jinxiu Garden Property Service Center'],
  ['翠湖苑物业服务中心', 'Green Lake Court Property Service Center'],
  ['滨江华庭客户服务中心', 'Riverside Plaza Customer Service Center'],
  ['阳光城物业服务中心', 'Sunshine City Property Service Center'],
];

// ---- tickets ------------------------------------------------------------------------------------
// Placeholders: {spot} a basement parking space, {n} a small number.

type ByCategory = Partial<Record<CategoryKey, ReadonlyArray<Text>>>;
/** a request, and what was done about it when that is specific to the request */
export type Case = Text | { readonly ask: Text; readonly done: Text };

export const DESCRIPTIONS: Record<TicketType, Partial<Record<CategoryKey, ReadonlyArray<Case>>>> = {
  repair: {
    repairs: [
      { ask: ['卫生间漏水，楼下天花板渗水', 'Bathroom leaking; water seeping through the ceiling below'],
        done: ['已更换水管接头，楼下天花板待干后修补', 'Pipe joint replaced; ceiling below to be patched once dry'] },
      { ask: ['厨房水槽下水管堵塞，排水很慢', 'Kitchen sink drain blocked, draining very slowly'],
        done: ['已疏通下水管', 'Drain cleared'] },
      { ask: ['入户门锁芯损坏，钥匙拧不动', 'Front door lock cylinder broken, key will not turn'],
        done: ['已更换锁芯并交付新钥匙', 'Lock cylinder replaced, new keys handed over'] },
      { ask: ['客厅插座跳闸，部分房间没电', 'Living-room socket trips the breaker; some rooms without power'],
        done: ['已检修线路，更换漏电开关', 'Wiring checked, RCD replaced'] },
      { ask: ['阳台推拉窗滑轮损坏，关不严', 'Balcony sliding window roller broken, will not close'],
        done: ['已更换滑轮并调整窗扇', 'Roller replaced, window adjusted'] },
      { ask: ['热水器进水阀漏水', 'Water heater inlet valve leaking'],
        done: ['已更换进水阀', 'Inlet valve replaced'] },
      { ask: ['外墙渗水，卧室墙面发霉', 'Water seeping through the outer wall; bedroom wall mouldy'],
        done: ['已做外墙防水处理，室内墙面待干后修补', 'Outer wall waterproofed; inside wall to be repainted once dry'] },
      { ask: ['马桶水箱一直流水', 'Toilet cistern keeps running'],
        done: ['已更换水箱配件', 'Cistern fittings replaced'] },
      { ask: ['楼道声控灯不亮（{n}楼）', 'Stairwell light out (floor {n})'],
        done: ['已更换灯泡和声控开关', 'Bulb and sound-sensor switch replaced'] },
      { ask: ['电梯按钮失灵，到{n}楼不停', 'Lift button not working, does not stop at floor {n}'],
        done: ['已联系电梯维保单位修复', 'Lift contractor called in and fixed it'] },
      { ask: ['地漏反味，需要检查存水弯', 'Floor drain smells; trap needs checking'],
        done: ['已加装防臭地漏芯', 'Odour-trap insert fitted'] },
      { ask: ['空调冷凝水管脱落，滴到楼下', 'AC condensate pipe came loose, dripping onto the unit below'],
        done: ['已重新固定冷凝水管', 'Condensate pipe refixed'] },
    ],
    security: [
      ['单元门禁刷卡无反应', 'Entrance access card reader not responding'],
      ['可视对讲机没有图像', 'Video intercom shows no picture'],
    ],
    parking: [
      ['地库道闸不抬杆，车辆无法进出', 'Car park barrier will not lift; cars cannot get in or out'],
      ['地库{spot}附近照明灯坏了', 'Car park light broken near space {spot}'],
    ],
    landscaping: [
      ['小区喷灌管破裂，草坪积水', 'Sprinkler pipe burst; lawn flooded'],
      ['台风后树枝折断，压在围栏上', 'Branch broken after the typhoon, lying on the fence'],
    ],
  },
  complaint: {
    noise: [
      { ask: ['楼上装修每天早上7点就开始电钻', 'Upstairs renovation drilling from 7 a.m. every day'], done: ['已发装修时间告知书并加强巡查', 'Renovation hours notice served, patrols stepped up'] },
      { ask: ['楼下商铺晚上音响声音太大', 'Shop downstairs plays loud music at night'], done: ['已约谈商户，晚9点后关闭音响', 'Shop spoken to; music off after 9 p.m.'] },
      { ask: ['广场舞音乐太吵，晚上10点还没停', 'Square-dance music too loud, still going at 10 p.m.'], done: ['已与跳舞队协商，调低音量并9点前结束', 'Agreed with the group: lower volume, finish by 9 p.m.'] },
      { ask: ['隔壁养狗，夜里一直叫', 'Neighbour’s dog barks all night'], done: ['已上门劝导，犬主承诺加强管理', 'Visited; the owner promised to keep the dog quiet'] },
      { ask: ['空调外机噪音大，影响休息', 'Neighbour’s AC outdoor unit too noisy to sleep'], done: ['已协调邻居加装减震垫', 'Neighbour agreed to fit anti-vibration pads'] },
    ],
    parking: [
      { ask: ['地库车位被占用（{spot}）', 'My parking space {spot} is taken by another car'], done: ['已联系车主挪车，并张贴警示', 'Car owner contacted to move; warning posted'] },
      { ask: ['消防通道长期停放车辆', 'Cars parked in the fire lane for days'], done: ['已通知车主移车，消防通道加装隔离桩', 'Owners told to move; bollards added to the fire lane'] },
      { ask: ['外来车辆随意进出小区', 'Outside cars drive in and out freely'], done: ['已加强门岗登记管理', 'Gate registration tightened'] },
      { ask: ['电动车在楼道里充电，存在安全隐患', 'E-bikes charging in the stairwell, a fire risk'], done: ['已清理楼道电动车，引导至充电棚', 'E-bikes removed; owners directed to the charging shed'] },
    ],
    cleaning: [
      { ask: ['垃圾桶满了没人清理，有异味', 'Bins full and not emptied, smelly'], done: ['已安排保洁清理，并增加清运频次', 'Cleaned up; collection made more frequent'] },
      { ask: ['楼道很久没拖，地面很脏', 'Stairwell not mopped for a long time, floor dirty'], done: ['已批评教育当班保洁员，当天补做', 'The cleaner on duty was spoken to; done the same day'] },
      { ask: ['电梯轿厢有宠物粪便没清理', 'Pet mess in the lift not cleaned up'], done: ['已清理消毒，张贴文明养犬提示', 'Cleaned and disinfected; pet notice posted'] },
      { ask: ['地库积水发臭', 'Standing water in the car park, smells'], done: ['已抽排积水并疏通排水沟', 'Water pumped out, gully cleared'] },
    ],
    attitude: [
      { ask: ['前台人员态度冷淡，问题推来推去', 'Front desk staff unhelpful, passed me from one to another'], done: ['已核实并对当事员工进行培训，向业主致歉', 'Checked; staff member retrained, apology made'] },
      { ask: ['保安说话不礼貌', 'Guard spoke rudely'], done: ['已约谈当事保安，纳入绩效考核', 'Guard interviewed; noted in appraisal'] },
      { ask: ['维修师傅上门不穿鞋套', 'Repairman came in without shoe covers'], done: ['已重申上门服务规范，向业主致歉', 'Home-visit rules restated; apology made'] },
      { ask: ['打客服电话多次无人接听', 'Called the service line several times, nobody answered'], done: ['已增设午间值班，确保电话有人接听', 'Lunchtime cover added so the line is answered'] },
    ],
    fees: [
      { ask: ['物业费账单金额与面积不符', 'Property fee bill does not match the flat’s area'], done: ['已重新核对账单并更正', 'Bill rechecked and corrected'] },
      { ask: ['水费本月突然翻倍，怀疑抄表错误', 'Water bill doubled this month; meter reading suspected wrong'], done: ['已复核表数，确为抄表错误，已更正', 'Meter re-read: misreading, bill corrected'] },
      { ask: ['停车费涨价没有提前通知', 'Parking fee raised without notice'], done: ['已解释调价依据并补发公告', 'Price change explained; notice reissued'] },
    ],
    security: [
      { ask: ['夜间巡逻不到位，车辆被刮', 'Night patrol lax; my car was scratched'], done: ['已调取监控并协助报警', 'CCTV pulled; helped file a police report'] },
      { ask: ['陌生人尾随进入单元门', 'A stranger tailgated into the building'], done: ['已调整巡逻路线和频次', 'Patrol route and frequency changed'] },
      { ask: ['快递在门口丢失，要求调监控', 'Parcel stolen from the doorstep; asking for CCTV footage'], done: ['已调取监控，协助业主联系快递公司', 'CCTV reviewed; helped the owner contact the courier'] },
    ],
    repairs: [
      { ask: ['报修三天了还没人来修', 'Reported a repair three days ago, nobody has come'], done: ['已督促工程部当天上门处理完毕', 'Engineering chased; fixed the same day'] },
      { ask: ['维修后又漏水了，要求彻底解决', 'Leaking again after the repair; want it fixed properly'], done: ['已重新返修并延长保修', 'Redone and warranty extended'] },
    ],
    landscaping: [
      { ask: ['绿化带杀虫剂喷洒没有提前通知', 'Pesticide sprayed on the lawns without notice'], done: ['已致歉，今后作业提前公告', 'Apologised; spraying will be announced in advance'] },
      { ask: ['楼下树木遮挡采光，要求修剪', 'Tree blocks the light; please prune it'], done: ['已安排修剪', 'Pruned'] },
    ],
    other: [{ ask: ['小区公告栏信息长期不更新', 'Notice board never updated'], done: ['已安排专人定期更新', 'Someone now updates it regularly'] }],
  },
  inquiry: {
    fees: [
      ['咨询本年度物业费缴费方式', 'How can I pay this year’s property fee?'],
      ['咨询能否开具物业费发票', 'Can I get an invoice for the property fee?'],
      ['咨询水费的计费标准', 'How is water charged?'],
      ['咨询物业费是否可以按季度缴纳', 'Can the property fee be paid quarterly?'],
    ],
    other: [
      ['咨询装修申请需要哪些材料', 'What documents does a renovation permit need?'],
      ['咨询小区快递柜位置', 'Where are the parcel lockers?'],
      ['咨询房屋出租需要办理什么手续', 'What is needed to let the flat?'],
      ['咨询停水停电通知', 'Asking about the planned water and power cut'],
    ],
    parking: [
      ['咨询月租车位是否还有空位', 'Any monthly parking spaces left?'],
      ['咨询访客车辆如何登记', 'How do visitors register their cars?'],
    ],
    repairs: [['咨询户内维修是否收费', 'Do in-home repairs cost anything?']],
    security: [['咨询门禁卡补办流程', 'How do I replace a lost access card?']],
    cleaning: [['咨询大件垃圾清运时间', 'When is bulky waste collected?']],
  },
  suggestion: {
    landscaping: [
      ['建议在中心花园增加儿童游乐设施', 'Suggest adding play equipment in the central garden'],
      ['建议增加绿化带里的休息座椅', 'Suggest more benches along the lawns'],
    ],
    parking: [
      ['建议地库增加新能源充电桩', 'Suggest more EV chargers in the car park'],
      ['建议设置临时停车限时', 'Suggest a time limit for visitor parking'],
    ],
    security: [
      ['建议加强夜间巡逻频次', 'Suggest more frequent night patrols'],
      ['建议在东门增设监控探头', 'Suggest a CCTV camera at the east gate'],
    ],
    cleaning: [
      ['建议实行垃圾分类定时投放', 'Suggest fixed times for sorted-waste drop-off'],
      ['建议增加楼道消毒频次', 'Suggest disinfecting the stairwells more often'],
    ],
    other: [
      ['建议开通线上报修小程序', 'Suggest an online repair-request app'],
      ['建议物业定期公布收支情况', 'Suggest publishing the accounts regularly'],
    ],
  },
  praise: {
    repairs: [['维修师傅技术好，半小时就修好了', 'The repairman fixed it in half an hour, great work']],
    attitude: [
      ['前台小姑娘服务热情，特此表扬', 'The front desk staff were warm and helpful, thank you'],
      ['管家主动帮忙搬运重物', 'The butler helped carry heavy things without being asked'],
    ],
    security: [['保安帮忙找回走失的孩子', 'A guard helped find a lost child']],
    cleaning: [['保洁阿姨把楼道打扫得很干净', 'The cleaner keeps the stairwell spotless']],
  },
};

export const DESCRIPTION_FALLBACK: Text = ['其他事项', 'Other matter'];
export const REPEAT_PREFIX: Text = ['再次反映：', 'Again: '];
/** the same request again on the same day, from the same unit */
export const SAME_DAY_PREFIX: Text = ['当天第 {n} 次来电：', 'Call {n} today: '];

/** results for requests whose case carries none */
export const RESULTS: Record<TicketType, ByCategory> = {
  repair: {
    repairs: [
      ['已上门维修，更换配件后恢复正常', 'Repaired on site; part replaced, working again'],
      ['已更换水管接头，楼下天花板待干后修补', 'Pipe joint replaced; ceiling below to be patched once dry'],
      ['已疏通管道', 'Drain cleared'],
      ['已更换锁芯并交付新钥匙', 'Lock cylinder replaced, new keys handed over'],
      ['已检修线路，更换漏电开关', 'Wiring checked, RCD replaced'],
      ['已联系电梯维保单位修复', 'Lift contractor called in and fixed it'],
    ],
    security: [['已更换读卡器/对讲模块', 'Reader/intercom module replaced']],
    parking: [['已修复道闸/更换灯具', 'Barrier repaired / light replaced']],
    landscaping: [['已修复管道并清理现场', 'Pipe repaired and area cleared']],
  },
  complaint: {
    noise: [
      ['已上门劝导，对方承诺控制时间', 'Visited and talked to them; they agreed to keep hours'],
      ['已发装修时间告知书并加强巡查', 'Renovation hours notice served, patrols stepped up'],
    ],
    parking: [
      ['已联系车主挪车，并张贴警示', 'Car owner contacted to move; warning posted'],
      ['已加强门岗登记管理', 'Gate registration tightened'],
    ],
    cleaning: [
      ['已安排保洁清理，并增加清运频次', 'Cleaned up; collection made more frequent'],
      ['已批评教育当班保洁员', 'The cleaner on duty was spoken to'],
    ],
    attitude: [
      ['已核实并对当事员工进行培训，向业主致歉', 'Checked; staff member retrained, apology made'],
      ['已约谈当事人，纳入绩效考核', 'Staff member interviewed; noted in appraisal'],
    ],
    fees: [
      ['已重新核对账单并更正', 'Bill rechecked and corrected'],
      ['已复核表数，解释计费依据', 'Meter re-read; charging explained'],
    ],
    security: [
      ['已调取监控并协助报警', 'CCTV pulled; helped file a police report'],
      ['已调整巡逻路线和频次', 'Patrol route and frequency changed'],
    ],
    repairs: [['已督促工程部当天上门处理完毕', 'Engineering chased; fixed the same day']],
    landscaping: [['已安排修剪并提前公告作业时间', 'Pruning scheduled, times announced in advance']],
    other: [['已安排专人定期更新', 'Someone now updates it regularly']],
  },
  inquiry: {
    fees: [['已电话解答，告知缴费方式', 'Answered by phone: how to pay']],
    other: [['已解答并发送办事指南', 'Answered; guide sent']],
    parking: [['已解答车位情况', 'Answered: parking availability']],
    repairs: [['已解答收费标准', 'Answered: repair charges']],
    security: [['已告知补办流程', 'Explained the replacement process']],
    cleaning: [['已告知清运时间', 'Told the collection times']],
  },
  suggestion: {
    landscaping: [['已记录，纳入年度改造计划', 'Noted for this year’s improvement plan']],
    parking: [['已提交业委会讨论', 'Passed to the owners’ committee']],
    security: [['已采纳，调整巡逻安排', 'Adopted; patrols adjusted']],
    cleaning: [['已采纳，下月起执行', 'Adopted from next month']],
    other: [['已记录并向公司反馈', 'Noted and passed to head office']],
  },
  praise: {
    repairs: [['已转达表扬并通报嘉奖', 'Praise passed on, staff commended']],
    attitude: [['已转达表扬并通报嘉奖', 'Praise passed on, staff commended']],
    security: [['已转达表扬并通报嘉奖', 'Praise passed on, staff commended']],
    cleaning: [['已转达表扬并通报嘉奖', 'Praise passed on, staff commended']],
  },
};
export const RESULT_FALLBACK: Text = ['已处理完毕', 'Handled'];

/** why a complaint was found groundless (状态 不成立) */
export const REJECT_REASONS: ByCategory & { fallback: ReadonlyArray<Text> } = {
  noise: [['经核实，施工在规定时间内进行，不属违规', 'Checked: the work was within permitted hours']],
  parking: [['经核实，该车位为对方产权车位', 'Checked: the space belongs to the other owner']],
  fees: [['经核对，账单金额正确，已向业主解释', 'Bill checked and correct; explained to the owner']],
  attitude: [['调取录音，员工用语规范，投诉不成立', 'Recording reviewed: staff were polite']],
  fallback: [['经现场核实，情况不属实', 'Checked on site: not as reported']],
};

/** why a ticket waits (挂起): on the owner, a neighbour, a supplier */
export const HOLD_REASONS: Partial<Record<TicketType, ReadonlyArray<Text>>> = {
  repair: [
    ['等待厂家配件到货', 'Waiting for parts from the manufacturer'],
    ['业主出差，约定回来后上门', 'Owner away; visit when back'],
    ['需楼上住户配合开门检查', 'Need the upstairs neighbour to let us in'],
    ['等待供电局停电检修窗口', 'Waiting for the utility’s shutdown slot'],
  ],
  complaint: [
    ['已联系当事方，等待其回复', 'Other party contacted; waiting for a reply'],
    ['等待业主提供照片或视频', 'Waiting for the owner’s photos or video'],
    ['需业委会协调，待下次会议', 'Needs the owners’ committee; next meeting'],
  ],
};
export const HOLD_REASON_FALLBACK: Text = ['等待客户回复', 'Waiting for the customer'];

export const CALLBACK_NOTES: Record<Satisfaction, ReadonlyArray<Text | null>> = {
  satisfied: [
    null,
    null,
    ['处理及时，很满意', 'Quick, very happy'],
    ['师傅很专业', 'The repairman was very professional'],
    ['谢谢物业', 'Thanks to the management'],
  ],
  fairlySatisfied: [
    ['处理还行，就是等得有点久', 'OK, but took a while'],
    ['问题解决了，沟通可以再及时些', 'Solved; updates could be quicker'],
  ],
  dissatisfied: [
    ['拖了好几天才来', 'Took days before anyone came'],
    ['问题只是暂时解决，担心还会再漏', 'Only a temporary fix; fears it will leak again'],
    ['对处理结果不认可', 'Does not accept the outcome'],
  ],
};

// ---- reminders ----------------------------------------------------------------------------------

/** {date} is the promised date */
export const REMINDER_PROMISED: Record<ReminderMethod, ReadonlyArray<Text>> = {
  phone: [
    ['已接通，业主答应{date}前缴清', 'Reached; owner will pay by {date}'],
    ['业主称忘记了，答应{date}前缴费', 'Owner forgot; will pay by {date}'],
  ],
  sms: [['短信已发，业主回复{date}前缴费', 'SMS sent; owner replied will pay by {date}']],
  visit: [['上门面谈，业主承诺{date}前缴清', 'Visited; owner promised to pay by {date}']],
  written: [['已送达催缴通知单，业主承诺{date}前缴清', 'Notice served; owner promised to pay by {date}']],
};
export const REMINDER_UNANSWERED: Record<ReminderMethod, ReadonlyArray<Text>> = {
  phone: [
    ['电话无人接听', 'No answer'],
    ['业主对停车管理有意见，拒绝缴费', 'Owner refuses to pay over the parking dispute'],
    ['业主称资金困难，要求缓缴', 'Owner short of money, asks for time'],
  ],
  sms: [['短信已发送，未回复', 'SMS sent, no reply']],
  visit: [
    ['上门未遇，已张贴催缴通知', 'Nobody home; reminder posted on the door'],
    ['上门面谈，业主对维修质量不满拒缴', 'Visited; owner refuses over repair quality'],
  ],
  written: [['已送达书面催缴通知单', 'Written notice served']],
};
