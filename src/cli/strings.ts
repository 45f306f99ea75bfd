// What the command line says, in Chinese and English.
import { Lang } from '../domain/enums';

const STRINGS = {
  created: { zh: '已创建工作表：{list}', en: 'created sheets: {list}' },
  alreadySetUp: { zh: '工作簿已设置，无需改动', en: 'the workbook is already set up; nothing changed' },
  wrote: { zh: '已写入 {file}', en: 'wrote {file}' },
  newWorkbook: { zh: '新建工作簿 {file}', en: 'new workbook {file}' },
  sheetLine: { zh: '  {name}：{rows} 行', en: '  {name}: {rows} rows' },
  sheetMissing: { zh: '  {name}：缺失', en: '  {name}: missing' },
  missingColumns: { zh: '（缺少列：{list}）', en: ' (missing columns: {list})' },
  otherSheets: { zh: '其他工作表（未改动）：{list}', en: 'other sheets (untouched): {list}' },
  generatedSheets: { zh: '生成的报表：{list}', en: 'generated sheets: {list}' },
  ready: { zh: '状态：已就绪', en: 'status: ready' },
  notReady: { zh: '状态：未完成设置，运行 deskbook init {file}', en: 'status: not set up; run deskbook init {file}' },
  problemsHeader: { zh: '发现 {n} 个问题：', en: '{n} problems found:' },
  moreProblems: { zh: '……另有 {n} 个问题（用 --json 查看全部）', en: '… and {n} more (use --json to see all)' },
  planted: { zh: '示例中故意埋入的问题 {n} 个（供演示校验功能）', en: '{n} problems planted on purpose in the sample (to show validation)' },
  sampleCounts: { zh: '示例中心：{tickets} 张工单，{customers} 户客户，{charges} 条应收，{reminders} 条催缴记录', en: 'sample center: {tickets} tickets, {customers} customers, {charges} charges, {reminders} reminders' },
  sheetProblems: { zh: '{sheet}：{n} 个问题', en: '{sheet}: problems: {n}' },
  validateSummary: { zh: '共 {errors} 个错误，{warnings} 个警告', en: 'errors: {errors}, warnings: {warnings}' },
  validateClean: { zh: '未发现问题', en: 'no problems found' },
  problemsUnlisted: {
    zh: '共发现 {total} 个问题，只列出{marked}按顺序的前 {listed} 个；其余 {unlisted} 个只计数：改正后再次校验',
    en: '{total} problems found: only the first {listed} in reading order are listed{marked}; the other {unlisted} are counted only: fix these and validate again',
  },
  problemsUnlistedMarked: { zh: '并标记', en: ' and marked' },
  marked: { zh: '已在 {file} 中标记问题单元格', en: 'marked the problem cells in {file}' },
  reportWritten: { zh: '已生成「{sheet}」并写入 {file}', en: 'wrote the sheet "{sheet}" into {file}' },
  reportBuilt: { zh: '已生成「{sheet}」（未写入文件）', en: 'built "{sheet}" (not written)' },
  sheetKept: { zh: '工作簿中已有您自己的工作表「{kept}」，未作改动；本次写入了「{sheet}」', en: 'a sheet of yours is named "{kept}": it was left as it is, and this was written to "{sheet}"' },
  sheetWouldKeep: { zh: '工作簿中已有您自己的工作表「{kept}」，写入时不会改动它，而是写入「{sheet}」', en: 'a sheet of yours is named "{kept}": a write would leave it as it is and write "{sheet}"' },
  reportUnreadable: {
    zh: '注意：有 {n} 个单元格无法读取，报表未计入这些值；运行 deskbook validate {file} 查看',
    en: 'note: {n} cells could not be read and are left out of the report; run deskbook validate {file} to see them',
  },
  reportEmpty: { zh: '（本期无工单）', en: ' (no tickets in this period)' },
  // deskbook callback-plan
  planSummary: {
    zh: '「{sheet}」：住户 {occupied} 户，本年其他季度已计划 {already} 户；本季计划 {planned} 户（其中近 90 天有投诉或报修的 {recent} 户）',
    en: '"{sheet}": {occupied} households, {already} already planned in other quarters this year; {planned} planned this quarter ({recent} with a complaint or repair in the last 90 days)',
  },
  planKept: { zh: '已登记回访的 {n} 行保持原样', en: 'the {n} rows with a call recorded were kept as they were' },
  planByBuilding: { zh: '按楼栋：{list}', en: 'by building: {list}' },
  planNoBuilding: { zh: '(未填楼栋)', en: '(no building)' },
  planForce: { zh: '（如要保留已登记的行、重新抽取其余住户，加 --force）', en: ' (add --force to keep the recorded rows and choose the others again)' },
  exists: {
    zh: '{file} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖它',
    en: '{file} already exists and was left as it is: choose another name, or add --force to replace it',
  },
  marksUnchanged: { zh: '{file} 中的问题标记已是最新，文件未改动', en: 'the marks in {file} are already up to date; the file is unchanged' },
  runInit: { zh: '（运行 deskbook init {file}）', en: ' (run deskbook init {file})' },
  emptyName: { zh: '文件名为空', en: 'the file name is empty' },
  wholeNumber: { zh: '应为不小于 1 的整数', en: 'expected a whole number of at least 1' },
  usage: { zh: '用法错误：{detail}', en: 'usage error: {detail}' },
  // notices and arrears
  yuanAmount: { zh: '应为金额（元），如 500 或 1200.50', en: 'expected an amount in yuan, such as 500 or 1200.50' },
  logNoWrite: { zh: '--log-reminders 会写入催缴记录，不能与 --no-write 同时使用', en: '--log-reminders writes to the reminder sheet and cannot go with --no-write' },
  wroteLegacy: { zh: '已写入手工台账样例 {file}（工作表：{list}）；用 deskbook adopt {file} 导入', en: 'wrote the hand-kept sample {file} (sheets: {list}); import it with deskbook adopt {file}' },
  arrearsArrears: { zh: '：欠费 {units} 户，合计 {total} 元', en: ': {units} units in arrears, {total} in all' },
  arrearsLevels: { zh: '催缴级别：{list}', en: 'dunning levels: {list}' },
  arrearsLevel: { zh: '{level} {n} 户', en: '{level} {n}' },
  arrearsNotices: { zh: '：{n} 份通知单，合计 {total} 元', en: ': {n} notices, {total} in all' },
  arrearsPromised: { zh: '另有 {n} 户承诺缴费日未到，未出通知单：{list}', en: '{n} units promised to pay by a day not yet passed and get no notice: {list}' },
  arrearsPromisedUnit: { zh: '{unit}（承诺 {date}）', en: '{unit} (promised {date})' },
  arrearsLogged: { zh: '已在「{sheet}」登记 {n} 条书面通知', en: 'logged {n} written notices in "{sheet}"' },
  arrearsAlreadyLogged: { zh: '{n} 份通知单今天已登记过，未重复登记', en: '{n} notices were logged today already and are not logged twice' },
  arrearsUnreadable: {
    zh: '注意：有 {n} 个单元格无法读取，未计入这些值；运行 deskbook validate {file} 查看',
    en: 'note: {n} cells could not be read and are left out; run deskbook validate {file} to see them',
  },
  // deskbook due
  dueSummary: {
    zh: '截至 {asOf}（临期提醒 {window} 小时）：超时 {overdue} 件，临期 {dueSoon} 件，待回访 {callback} 件，待派单 {undispatched} 件',
    en: 'as of {asOf} (due-soon warning {window} h): {overdue} overdue, {dueSoon} due soon, {callback} awaiting a callback, {undispatched} not yet dispatched',
  },
  dueOverdue: { zh: '超时（{n} 件，超时最久的在前）：', en: 'overdue ({n}, most late first):' },
  dueDueSoon: { zh: '临期（{n} 件，剩余时间最短的在前）：', en: 'due soon ({n}, least time left first):' },
  dueCallback: { zh: '已完成待回访（{n} 件，等待最久的在前）：', en: 'resolved, awaiting a callback ({n}, longest waiting first):' },
  dueUndispatched: { zh: '待派单（{n} 件，等待最久的在前）：', en: 'new, not yet dispatched ({n}, longest waiting first):' },
  dueTicket: { zh: '第 {row} 行 {id}（{unit}）', en: 'row {row} {id} ({unit})' },
  dueNoId: { zh: '（无工单号）', en: '(no ticket ID)' },
  dueResponse: { zh: '首次响应', en: 'first response' },
  dueResolution: { zh: '办结', en: 'resolution' },
  dueLate: { zh: '：{event}时限 {deadline}，已超时 {hours} 小时', en: ': {event} due {deadline}, {hours} h late' },
  dueLeft: { zh: '：{event}时限 {deadline}，剩余 {hours} 小时', en: ': {event} due {deadline}, {hours} h left' },
  dueResolvedAt: { zh: '：完成于 {at}，已等待 {waited}', en: ': resolved {at}, waiting {waited}' },
  dueReceivedAt: { zh: '：受理于 {at}，已等待 {waited}', en: ': received {at}, waiting {waited}' },
  dueMore: { zh: '  ……另有 {n} 件（用 --json 查看全部）', en: '  … and {n} more (use --json to see all)' },
  dueColoured: { zh: '已在 {file} 中为「{sheet}」着色：超时 {overdue} 行，临期 {dueSoon} 行', en: 'coloured the rows of "{sheet}" in {file}: {overdue} overdue, {dueSoon} due soon' },
  dueColouredNotWritten: { zh: '「{sheet}」的行颜色需更新：超时 {overdue} 行，临期 {dueSoon} 行（未写入文件）', en: 'the rows of "{sheet}" need new colours: {overdue} overdue, {dueSoon} due soon (not written)' },
  dueColoursUnchanged: { zh: '「{sheet}」的行颜色已是最新（超时 {overdue} 行，临期 {dueSoon} 行），无需改动', en: 'the row colours of "{sheet}" are already up to date ({overdue} overdue, {dueSoon} due soon); nothing to change' },
  dueUnreadable: {
    zh: '注意：工单表有 {n} 个单元格无法读取，未计入这些值（没有受理时间的行不计入）；运行 deskbook validate {file} 查看',
    en: 'note: {n} cells of the ticket sheet could not be read and are left out (a row without its received time is left out); run deskbook validate {file} to see them',
  },
  // deskbook ids
  idsFilled: { zh: '已在「{sheet}」填写 {n} 个{column}（本次编号 {tag}）：', en: 'filled {n} empty {column} cells on "{sheet}" (tag {tag}):' },
  idsWouldFill: { zh: '将在「{sheet}」填写 {n} 个{column}（本次编号 {tag}；未写入文件）：', en: 'would fill {n} empty {column} cells on "{sheet}" (tag {tag}; nothing written):' },
  idsRow: { zh: '  第 {row} 行：{id}', en: '  row {row}: {id}' },
  idsRowAsOf: { zh: '  第 {row} 行：{id}（未填受理时间，按当天编号）', en: '  row {row}: {id} (no Received time: numbered by the as-of day)' },
  idsMore: { zh: '  ……另有 {n} 行（用 --json 查看全部）', en: '  … and {n} more (use --json to see all)' },
  idsSkipped: { zh: '{n} 行在读取后已被改动，未填写：第 {rows} 行', en: '{n} rows changed since they were read and were left alone: rows {rows}' },
  idsNone: { zh: '「{sheet}」中没有缺少{column}的工单，文件未改动', en: 'no ticket on "{sheet}" lacks its {column}; the file is unchanged' },
  badTag: { zh: '应为 2 到 3 个字符的本机编号，以字母开头（如 K7M）', en: 'expected a tag of 2 or 3 characters starting with a letter (such as K7M)' },
  // safe writes, one writer at a time, kept versions (files.ts, docs/reliability.md)
  writeReadOnly: {
    zh: '无法写入 {file}：只读（文件被设为只读；如要让 deskbook 写入，请先取消只读）；原文件未改动',
    en: 'cannot write {file}: read-only (the file is marked read-only; clear that to let deskbook write it); the original is unchanged',
  },
  writeReadOnlyFolder: {
    zh: '无法写入 {file}：只读（所在文件夹 {dir} 不允许写入；deskbook 要在工作簿旁写入临时文件、锁和旧版本）；原文件未改动',
    en: 'cannot write {file}: read-only (its folder {dir} cannot be written; deskbook writes a temporary file, a lock and the previous version beside the workbook); the original is unchanged',
  },
  writeNotRegular: {
    zh: '无法写入 {file}：它不是普通文件（是管道、设备或套接字），deskbook 只写入工作簿文件；未改动',
    en: 'cannot write {file}: it is not a regular file (a pipe, a device or a socket), and deskbook writes only workbook files; nothing was changed',
  },
  writeHardLinks: {
    zh: '无法写入 {file}：它有 {n} 个硬链接（同一个文件有 {n} 个名字，常见于备份工具）；deskbook 不会拆开它们，也不会连带改动其他名字下的文件。请用 --out 写到新文件，或先复制一份；原文件未改动',
    en: 'cannot write {file}: it has {n} hard links (one file under {n} names, as backup tools make); deskbook will neither split them nor change the file under its other names. Write a new file with --out, or copy it first; the original is unchanged',
  },
  inUse: {
    zh: '工作簿 {file} 正被 pid {pid}（deskbook {command}）使用，开始于 {since}；请稍后重试（如确定没有 deskbook 在运行，可删除 {lock}）',
    en: 'workbook {file} in use by pid {pid} (deskbook {command}) since {since}; try again later (if no deskbook is running, delete {lock})',
  },
  inUseElsewhere: {
    zh: '工作簿 {file} 正被 {host} 上的 pid {pid}（deskbook {command}）使用，开始于 {since}；请稍后重试（如确定 {host} 上没有 deskbook 在运行，可删除 {lock}）',
    en: 'workbook {file} in use by pid {pid} on {host} (deskbook {command}) since {since}; try again later (if no deskbook is running on {host}, delete {lock})',
  },
  lockWaiting: { zh: '工作簿 {file} 正被 pid {pid}（deskbook {command}）使用，等待中……', en: 'workbook {file} in use by pid {pid} (deskbook {command}); waiting…' },
  changedMeanwhile: {
    zh: '{file} 在 deskbook 读取之后被改动过（有人保存了它，或 OneDrive 同步了它）：为免覆盖，{file} 保持原样，本次结果另存为 {copy}；请核对两个文件后再运行',
    en: '{file} was changed after deskbook read it (someone saved it, or OneDrive synced it): so as not to overwrite that, {file} was left as it is and this run was written to {copy}; check both, then run again',
  },
  changedWhileWaiting: {
    zh: '{file} 在 deskbook 等待期间被换成了另一个文件（快捷方式指向了别处）；未写入，请重试',
    en: '{file} became another file while deskbook waited (a link now points elsewhere); nothing was written, try again',
  },
  badKeepVersions: { zh: 'DESKBOOK_KEEP_VERSIONS 应为不小于 0 的整数（现为“{value}”）', en: 'DESKBOOK_KEEP_VERSIONS should be a whole number of at least 0 (it is "{value}")' },
  badLockWait: { zh: 'DESKBOOK_LOCK_WAIT 应为不小于 0 的秒数（现为“{value}”）', en: 'DESKBOOK_LOCK_WAIT should be a number of seconds of at least 0 (it is "{value}")' },
  // deskbook restore
  restoreNone: {
    zh: '{file} 没有保存的旧版本（deskbook 改写工作簿前，会把原来的版本保存在旁边的 .deskbook 文件夹中）',
    en: '{file} has no kept versions (before deskbook changes a workbook, it keeps the previous version in the .deskbook folder beside it)',
  },
  restoreNoSuch: { zh: '{file} 没有第 {n} 版；现有：{list}', en: '{file} has no version {n}; there are: {list}' },
  restoreDamaged: { zh: '{file} 的第 {n} 版已损坏（与保存时不一致），未恢复', en: 'version {n} of {file} is damaged (not as it was kept); nothing was restored' },
  restoreListHeader: { zh: '{file} 保存的旧版本（最新的在前）：', en: 'kept versions of {file} (newest first):' },
  restoreListLine: { zh: '  第 {n} 版  {time}  {size}  {command}', en: '  version {n}  {time}  {size}  {command}' },
  restoreBefore: { zh: '「deskbook {command}」写入前', en: 'before deskbook {command}' },
  restoreHow: { zh: '恢复其中一版：deskbook restore {file} --version N', en: 'to restore one: deskbook restore {file} --version N' },
  restoreSame: { zh: '{file} 已与第 {n} 版相同，未改动', en: '{file} is already as version {n}; nothing changed' },
  restored: {
    zh: '已把 {file} 恢复为第 {n} 版（{time} 时的样子）；恢复前的内容已保存为第 {kept} 版，可用 deskbook restore {file} --version {kept} 撤销',
    en: 'restored {file} to version {n} (as it was at {time}); what it held before is kept as version {kept}: deskbook restore {file} --version {kept} undoes this',
  },
  internal: { zh: '内部错误：{detail}（请报告此问题；设置 DESKBOOK_DEBUG=1 可查看详情）', en: 'internal error: {detail} (please report it; set DESKBOOK_DEBUG=1 for details)' },
  // a read's progress bar on a terminal (progress.ts)
  reading: { zh: '读取 {file}', en: 'reading {file}' },
} as const;

/** The help: what each command, argument and option is for. */
const HELP = {
  program: { zh: '服务台工作簿工具：设置、导入台账、校验、报表、示例数据（详见 README.md）', en: 'Service-center workbook tools: set up, adopt, validate, report, sample data (see README.md)' },
  helpOption: { zh: '显示帮助', en: 'show help' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'show help for a command' },
  version: { zh: '显示版本号', en: 'print the version' },
  file: { zh: '工作簿（.xlsx）', en: 'the workbook (.xlsx)' },
  lang: { zh: '工作表和提示的语言：zh（中文，默认）或 en', en: 'language of sheets and messages: zh (Chinese, the default) or en' },
  json: { zh: '以 JSON 输出结果', en: 'print the result as JSON' },
  asOfValidate: { zh: '以此时间判断“在将来”（默认：现在），如 2026-11-25T17:30', en: 'judge "in the future" against this moment (default: now), e.g. 2026-11-25T17:30' },
  force: { zh: '文件已存在时覆盖它', en: 'replace the file when it exists' },

  initSummary: { zh: '设置工作簿：添加缺少的结构化工作表', en: 'set up a workbook: add the missing sheets' },
  initDescription: {
    zh: '设置工作簿：把缺少的结构化工作表（工单、客户、应收、催缴记录、设置）添加为带下拉列表和格式的 Excel 表格；文件不存在时新建。不改动已有的工作表，再次运行不做任何改动。',
    en: 'Set up a workbook: add each missing structured sheet (Tickets, Customers, Charges, Reminders, Settings) as an Excel table with dropdowns and formats; creates FILE when it does not exist. Never changes a sheet it did not create; a second run changes nothing.',
  },
  statusSummary: { zh: '查看结构化工作表、行数和无法读取的单元格', en: 'show the sheets, row counts, unreadable cells' },
  statusDescription: {
    zh: '查看工作簿的结构化工作表、各表行数、缺少的列，以及无法读取的单元格（按工作表、行、列列出）。',
    en: 'Show the structured sheets of a workbook, their row counts, missing columns, and every cell that cannot be read (by sheet, row and column).',
  },
  validateSummary: { zh: '校验每一条记录；--mark 在单元格上标记问题', en: 'check every entry; --mark marks the cells' },
  validateDescription: {
    zh: '校验每一条记录：无法读取的单元格和每条规则（必填、列表、格式、时间顺序、状态、收费、重复）。有错误时退出码为 1。',
    en: 'Check every entry: cells that cannot be read and every rule (required fields, lists, formats, time order, status, charges, duplicates). Exit code 1 when there are errors.',
  },
  validateJson: { zh: '以 JSON 数组输出问题：{sheet, row, column, code, severity, message}', en: 'print the problems as a JSON array of {sheet, row, column, code, severity, message}' },
  mark: { zh: '同时在 FILE 的单元格上标记问题（插件自己的标记；不改动值和格式；标记无变化时不改写文件）', en: "also mark the problems on the cells in FILE (the add-in's own marks; values and formats untouched; the file is not rewritten when the marks are unchanged)" },
  reportSummary: { zh: '生成日盘点、周报、月报或季报工作表', en: 'write a daily/weekly/monthly/quarterly report' },
  reportDescription: {
    zh: '生成报表（日盘点、周报、月报或季报），写入工作簿中对应的报表工作表，只替换该工作表。',
    en: 'Build a report (daily tally, weekly, monthly or quarterly) and write it as its sheet into the workbook, replacing only that sheet.',
  },
  kind: { zh: 'daily（日盘点）、weekly（周报）、monthly（月报）或 quarterly（季报）', en: 'daily, weekly, monthly or quarterly' },
  period: {
    zh: '期间：2026-11-24、2026-W48、2026-11 或 2026-Q4（默认：日盘点为今天；周报从周五起为本周，否则为上周；月报、季报为刚结束的一期）',
    en: 'the period: 2026-11-24, 2026-W48, 2026-11 or 2026-Q4 (default: daily today; weekly this week from its Friday, else last week; monthly and quarterly the one just ended)',
  },
  asOfReport: { zh: '报表的“现在”（默认：本机时钟），统计到此时间与期末中较早者', en: "now, for the report (default: the machine's clock); the report counts up to the earlier of this and the period end" },
  reportOut: { zh: '把含报表的工作簿写到这个文件，而不是 FILE', en: 'write the workbook with the report sheet here instead of into FILE' },
  reportJson: { zh: '以 JSON 输出报表模型', en: 'print the report model as JSON' },
  noWrite: { zh: '不写入报表工作表（与 --json 一起用：只输出）', en: 'do not write the sheet (with --json: only print)' },
  kpiSummary: { zh: '生成 KPI 交叉统计表', en: 'write the KPI cross-tabs as a sheet' },
  kpiDescription: {
    zh: '把 KPI 交叉统计（类别 × 状态、责任部门 × 月份、类型 × 渠道）写成 KPI 工作表（在 Excel 中，任务窗格会生成真正的数据透视表）。',
    en: 'Write the KPI cross-tabs (category × status, department × month, type × channel) as a KPI sheet (in Excel the task pane makes real PivotTables).',
  },
  kpiOut: { zh: '把工作簿写到这个文件，而不是 FILE', en: 'write the workbook here instead of into FILE' },
  // deskbook callback-plan
  callbackPlanSummary: { zh: '生成季度回访计划：每季回访的住户', en: "write a quarter's callback plan: whom to call" },
  callbackPlanDescription: {
    zh: '生成季度回访计划：从住户（状态为已入住或出租）中抽取每季回访比例（设置，默认 25%）的住户，本年其他季度的回访计划中已有的住户不再抽取；近 90 天有投诉或报修的住户优先，其余按楼栋均衡抽取。四个季度依次生成，每户恰好列入一次（年中入住的住户进入其后的季度）。工作表右侧四列供登记回访（回访日期、回访人、满意度、回访意见），下一季的计划和回访覆盖率会读取它们。已开始登记的计划不重新生成，除非加 --force（已登记的行保留）。',
    en: "Make a quarter's callback plan: the callback share (Settings, 25 % by default) of the households (occupied or let), none already on another quarter's plan of the year; units with a complaint or repair in the last 90 days first, the rest spread over the buildings. Made for Q1 to Q4 in turn, the plans list every household exactly once (households moving in mid-year join the later quarters). Four columns on the sheet are for recording the calls (callback date, by whom, satisfaction, notes); the next plan and the callback coverage read them. A plan on which calls are recorded is not made again unless --force (the recorded rows are kept).",
  },
  quarter: { zh: '季度，如 2026-Q4（默认：--as-of 所在的季度）', en: 'the quarter, e.g. 2026-Q4 (default: the quarter of --as-of)' },
  asOfPlan: { zh: '制定计划的时间（默认：现在）：此时的住户、此前 90 天的投诉和报修', en: 'when the plan is made (default: now): the households then, the complaints and repairs of the 90 days before' },
  planOut: { zh: '把含回访计划的工作簿写到这个文件，而不是 FILE', en: 'write the workbook with the plan sheet here instead of into FILE' },
  planJson: { zh: '以 JSON 输出计划：{quarter, occupied, planned, households: [{unit, building, reason}], …}', en: 'print the plan as JSON: {quarter, occupied, planned, households: [{unit, building, reason}], …}' },
  planForceOption: { zh: '--out 文件已存在时覆盖它；已开始登记的计划也重新生成（已登记的行保留，其余重新抽取）', en: 'replace the --out file when it exists; make a started plan again (the recorded rows are kept, the others chosen again)' },
  // notices and arrears
  noticesSummary: { zh: '生成催缴通知单（每户一页，可打印）', en: 'write the payment notices, a page per unit' },
  noticesDescription: {
    zh: '为已到催缴级别（设置中的“催缴级别”）且超过门槛的每户欠费生成一页催缴通知单：正文取自设置中该级别的催缴函，列出每笔欠费、合计（含大写金额）、缴费截止日和联系方式；写成“催缴通知单 YYYY-MM-DD”工作表（A4 纵向，每户一页）。承诺缴费日未到的户不出通知单，并会列出。加 --log-reminders 时，每份通知单在催缴记录中登记一条书面通知。',
    en: 'Write one payment notice per unit that has reached a dunning level (Settings: Dunning levels) and is over the threshold: the letter of its level from Settings, each charge owed, the total in figures and in Chinese capitals, the pay-by date and the contact; as the sheet "Notices YYYY-MM-DD" (A4 portrait, one unit to a page). Units whose promised day to pay has not passed get none and are listed. With --log-reminders each notice is logged as a written notice in the reminder sheet.',
  },
  asOfNotices: { zh: '以此时间为准（默认：现在），欠费按其当天结束时计算，如 2026-11-25T17:30', en: "now, for the notices (default: the machine's clock); charges are judged at the end of its day, e.g. 2026-11-25T17:30" },
  minAmount: { zh: '只为欠费合计不少于此金额（元）的户出通知单', en: 'notices only for units owing at least this many yuan in all' },
  minDays: { zh: '只为最早一笔欠费逾期不少于此天数的户出通知单', en: 'notices only for units whose oldest charge is at least this many days overdue' },
  logReminders: { zh: '在催缴记录中为每份通知单登记一条书面通知（同一天不重复登记）', en: 'log each notice as a written notice in the reminder sheet (never twice on one day)' },
  noticesOut: { zh: '把含通知单的工作簿写到这个文件，而不是 FILE', en: 'write the workbook with the notices here instead of into FILE' },
  noticesJson: { zh: '以 JSON 输出通知单：{asOf, notices: [{unit, owner, level, total, charges}]}，金额以分计', en: 'print the notices as JSON: {asOf, notices: [{unit, owner, level, total, charges}]}, money in cents' },
  arrearsSummary: { zh: '生成欠费明细：每户欠费、催缴级别和最近催缴', en: 'write the arrears list to chase from' },
  arrearsDescription: {
    zh: '生成“欠费明细 YYYY-MM-DD”工作表：账龄表（金额与户数）、按欠费金额从高到低的每户欠费（欠费期数、欠费起始、催缴级别、最近催缴、承诺缴费日），以及每户的每笔欠费。数字与报表的欠费部分一致。',
    en: 'Write the sheet "Arrears YYYY-MM-DD": the aging table (amounts and units), every unit in arrears most owed first (unpaid periods, in arrears since, dunning level, last reminder, promised date), and each charge owed. The figures are those of the reports.',
  },
  asOfArrears: { zh: '以此时间为准（默认：现在），欠费按其当天结束时计算', en: "now, for the list (default: the machine's clock); charges are judged at the end of its day" },
  arrearsOut: { zh: '把含欠费明细的工作簿写到这个文件，而不是 FILE', en: 'write the workbook with the list here instead of into FILE' },
  arrearsJson: { zh: '以 JSON 输出欠费明细，金额以分计', en: 'print the list as JSON, money in cents' },
  dueSummary: { zh: '今日待办：超时、临期、待回访、待派单的工单', en: 'overdue, due soon, to call back, to dispatch' },
  dueDescription: {
    zh: '列出截至某一时间的待办：超时和临期（设置“临期提醒(小时)”，默认 4 小时内到期）的未结工单，按中心的计时方式计算时限（挂起时间不计，约定完成时间优先）；已完成待回访的投诉和报修；待派单的新工单。--sheet 写成“待办 YYYY-MM-DD”工作表；--mark 在工单表中为超时、临期的整行着色（插件自己的条件格式，不改动单元格）。不加 --sheet 或 --mark 时不写入文件。',
    en: 'List the desk at a moment: open tickets overdue or due soon (Settings: Due-soon warning, 4 h by default), their deadlines on the center\'s clock (time on hold not counted, an agreed due time first); resolved complaints and repairs awaiting a callback; new tickets not yet dispatched. --sheet writes them as the sheet "To-do YYYY-MM-DD"; --mark colours the overdue and due-soon rows of the ticket sheet (the add-in\'s own conditional formats; no cell is changed). Without --sheet or --mark nothing is written.',
  },
  asOfDue: { zh: '以此时间为准（默认：现在），如 2026-11-25T17:30', en: "now, for the lists (default: the machine's clock), e.g. 2026-11-25T17:30" },
  dueSheet: { zh: '把待办写成“待办 YYYY-MM-DD”工作表（只替换该工作表）', en: 'write the lists as the sheet "To-do YYYY-MM-DD" (replacing only that sheet)' },
  dueMark: { zh: '在工单表中为超时、临期的整行着色（颜色无变化时不改写文件）', en: 'colour the overdue and due-soon rows of the ticket sheet (the file is not rewritten when the colours are unchanged)' },
  dueNoWrite: { zh: '不写入文件（与 --sheet、--mark 一起用：只显示将会写入什么）', en: 'write nothing (with --sheet, --mark: only say what would be written)' },
  dueOut: { zh: '把工作簿写到这个文件，而不是 FILE', en: 'write the workbook here instead of into FILE' },
  dueJson: {
    zh: '以 JSON 输出：{asOf, dueSoonHours, overdue, dueSoon: [{row, id, unit, deadlineFor, deadline, hours}], awaitingCallback, undispatched}',
    en: 'print the lists as JSON: {asOf, dueSoonHours, overdue, dueSoon: [{row, id, unit, deadlineFor, deadline, hours}], awaitingCallback, undispatched}',
  },
  // deskbook ids
  idsSummary: { zh: '为直接录入工单表的行填写工单号', en: 'give tickets typed into the sheet their IDs' },
  idsDescription: {
    zh: '为直接在工单表中录入、工单号为空的每一行填写工单号（编号规则见 docs/ticket-ids.md：受理日期、本机编号、当天序号），多人同时登记也不会重复。只写这些单元格；已有工单号的行、只写了备注等自有列的行不变。没有需要填写的行时文件不改动。',
    en: 'Fill the empty ticket ID of every row typed straight into the ticket sheet, by the scheme of docs/ticket-ids.md (received day, tag, sequence of the day), so that IDs never clash between co-authors. Only those cells are written; rows with an ID, and rows with nothing but a column of your own, are left alone. When there is nothing to fill the file is not changed.',
  },
  asOfIds: { zh: '没有受理时间的行按此时间的日期编号（默认：现在）', en: "number a row without a Received time by this moment's day (default: now)" },
  idsTag: { zh: '本机编号（2 到 3 个字符，以字母开头，如 K7M；默认：为本次运行抽取一个工作簿中未用过的编号）', en: 'the desk\'s tag (2 or 3 characters, a letter first, such as K7M; default: one drawn for this run that no ID in the workbook uses)' },
  idsOut: { zh: '把填好工单号的工作簿写到这个文件，而不是 FILE', en: 'write the workbook with the IDs here instead of into FILE' },
  idsJson: { zh: '以 JSON 输出：{sheet, column, tag, written, filled: [{row, id, day}], skipped}', en: 'print {sheet, column, tag, written, filled: [{row, id, day}], skipped} as JSON' },
  idsNoWrite: { zh: '只显示将填写的工单号，不写入文件', en: 'show the IDs it would fill; write nothing' },
  demoSummary: { zh: '生成示例服务中心工作簿', en: 'write a sample service center to a workbook' },
  demoDescription: {
    zh: '把生成的示例服务中心（一个物业服务台）写入新工作簿。相同的种子和时间生成相同的工作簿；文件已存在时不覆盖，除非加 --force。',
    en: 'Write a generated sample service center (a property-management desk) to a new workbook. The same seed and as-of give the same workbook; an existing file is kept unless --force.',
  },
  demoOut: { zh: '要写入的工作簿（默认：demo.xlsx）', en: 'the workbook to write (default: demo.xlsx)' },
  seed: { zh: '随机种子（种子和时间相同，工作簿相同）', en: 'random seed (same seed and as-of, same workbook)' },
  units: { zh: '房屋（户）数', en: 'number of units (households)' },
  months: { zh: '历史月数', en: 'months of history' },
  tickets: { zh: '工单数（默认：约每户每 6 个月 3 张）', en: 'number of tickets (default: about 3 per unit per 6 months)' },
  asOfDemo: { zh: '示例的“现在”，如 2026-11-25T17:30（默认：今天 17:30）', en: 'the sample\'s "now", e.g. 2026-11-25T17:30 (default: today 17:30)' },
  noPlant: { zh: '不埋入故意的录入错误', en: 'leave out the deliberate data-entry problems' },
  legacy: { zh: '写成手工台账的样子（每月一张工单表、业主信息、收费台账、催缴登记），用来试 adopt', en: 'write it as hand-kept registers (a ticket sheet a month, owners, fee ledger, reminders), to try adopt on' },
  restoreSummary: { zh: '列出或恢复工作簿保存的旧版本', en: "list or restore a workbook's kept versions" },
  restoreDescription: {
    zh: '列出或恢复 deskbook 改写工作簿前保存的旧版本（在工作簿旁的 .deskbook 文件夹中，每个工作簿保留最近 DESKBOOK_KEEP_VERSIONS 版，默认 10）。不加 --version 时恢复最新的一版。恢复前会先把当前内容保存为新的一版，所以恢复也可以撤销。',
    en: 'List or restore the versions deskbook kept before changing a workbook (in the .deskbook folder beside it, the last DESKBOOK_KEEP_VERSIONS of each workbook, 10 by default). Without --version, restores the newest. The current content is kept as a new version first, so a restore can be undone too.',
  },
  restoreList: { zh: '只列出保存的版本（时间、大小、由哪个命令替换）', en: 'only list the kept versions (time, size, the command that replaced each)' },
  restoreVersion: { zh: '要恢复的版本号（见 --list；默认：最新的一版）', en: 'the version to restore (see --list; default: the newest)' },
  restoreJson: { zh: '以 JSON 输出版本列表或恢复结果', en: 'print the versions, or what was restored, as JSON' },
  adoptSummary: { zh: '导入已有的手工台账：识别、对应列、导入每一行', en: 'import the registers a center already keeps' },
  adoptDescription: {
    zh: '找出工作簿中已有的手工台账（投诉登记、报修记录、业主信息、收费台账、催缴记录……），对应它们的列，把每一行导入结构化工作表，并注明来源（工作表!行）。原有工作表不作改动；再次运行不会重复导入。每一行都有交代：导入、导入但有问题、或跳过（空行、合计、说明……）。',
    en: 'Find the hand-kept registers in a workbook (complaint logs, repair records, owner lists, fee ledgers, reminder logs …), map their columns and import every row into the structured sheets with its source (sheet!row). The registers are not changed; a second run imports nothing twice. Every row is accounted for: imported, imported with problems, or skipped (blank, a total, a note …).',
  },
  adoptSheet: { zh: '只导入这张工作表（可重复使用）', en: 'adopt only this sheet (may be repeated)' },
  adoptAs: { zh: '把这些工作表当作：tickets（工单）、customers（客户）、charges（应收）或 reminders（催缴记录）', en: 'take the sheets for tickets, customers, charges or reminders' },
  adoptMap: { zh: '列对应文件（JSON）：{"原列名": "结构化列名", "不导入的列": null}', en: 'column choices (JSON): {"source header": "structured header", "kept as is": null}' },
  dryRun: { zh: '只显示将会导入什么，不写入文件', en: 'show what would be imported; write nothing' },
  asOfAdopt: { zh: '以此时间判断“在将来”（默认：现在）', en: 'judge "in the future" against this moment (default: now)' },
} as const;

export type HelpKey = keyof typeof HELP;

/** The help text `key` in `lang`. */
export function helpText(lang: Lang, key: HelpKey): string {
  return HELP[key][lang];
}

export type StringKey = keyof typeof STRINGS;

/** English nouns the lines count, each with its singular: "1 rows" reads "1 row". */
const EN_SINGULAR: Readonly<Record<string, string>> = {
  rows: 'row', problems: 'problem', cells: 'cell', units: 'unit', notices: 'notice', tickets: 'ticket',
  customers: 'customer', charges: 'charge', reminders: 'reminder', households: 'household',
};
const EN_COUNTED = new RegExp(`(^|[^\\d.,])1 (${Object.keys(EN_SINGULAR).join('|')})\\b`, 'g');

export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  let s: string = STRINGS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return lang === 'en' ? s.replace(EN_COUNTED, (_, before: string, noun: string) => `${before}1 ${EN_SINGULAR[noun]}`) : s;
}
