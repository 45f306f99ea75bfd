// Every string the task pane shows, in both languages. Problem messages about the clerk's data come
// from the app layer (domain/messages.ts); these are the pane's own labels and the messages for a file
// that cannot be opened at all.
import type { Lang } from '../domain/enums';
import type { SheetKey } from '../domain/schema';
import type { PeriodKind } from './backend';

export interface Strings {
  readonly title: string;
  readonly subtitleExcel: string;
  readonly subtitleStandalone: string;
  readonly starting: string;
  readonly reading: string;
  readonly settingUp: string;

  // standalone: choosing a workbook
  readonly standaloneIntro: string;
  readonly openFile: string;
  readonly loadSample: string;
  readonly download: string;
  readonly sampleFileName: string;
  readonly currentFile: (fileName: string) => string;

  // status
  readonly sheetsHeading: string;
  readonly readyCount: (ready: number, total: number) => string;
  readonly setUp: string;
  readonly refresh: string;
  readonly badgeReady: string;
  readonly badgeMissing: string;
  readonly badgeColumnsMissing: string;
  readonly rows: (count: number) => string;
  readonly willBeCreated: string;
  readonly missingColumns: (columns: ReadonlyArray<string>) => string;
  readonly sheetPurpose: Readonly<Record<SheetKey, string>>;
  readonly otherSheets: (names: ReadonlyArray<string>) => string;
  readonly problemsHeading: (count: number) => string;
  readonly moreProblems: (count: number) => string;
  readonly headerLanguage: string;
  readonly headerLanguageZh: string;
  readonly headerLanguageEn: string;

  // outcomes
  readonly workbookReadyTitle: string;
  readonly workbookReady: string;
  readonly workbookNotReadyTitle: string;
  readonly workbookNotReady: string;
  readonly columnsStillMissing: string;
  readonly setUpDoneTitle: string;
  readonly setUpDone: (created: ReadonlyArray<string>) => string;
  readonly setUpNothingToDo: string;
  readonly sampleLoaded: string;
  readonly fileOpened: (fileName: string) => string;
  readonly downloaded: (fileName: string) => string;

  // tabs
  readonly tabWorkbook: string;
  readonly tabValidation: string;
  readonly tabEntry: string;
  readonly tabReports: string;

  // validation
  readonly validationIntro: string;
  readonly validateAll: string;
  readonly validating: string;
  readonly noWorkbookYet: string;
  readonly errorsCount: (count: number) => string;
  readonly warningsCount: (count: number) => string;
  readonly noProblems: string;
  readonly lastChecked: (time: string) => string;
  readonly liveValidation: string;
  readonly liveValidationHint: string;
  readonly liveStarting: string;
  readonly marksInExcel: string;
  readonly marksInFile: string;
  readonly staleReport: string;
  readonly severityError: string;
  readonly severityWarning: string;
  /** where a problem is: its row, and its column as letter and header when it has one */
  readonly problemAt: (row: number, column: { readonly letter: string; readonly header: string } | null) => string;
  readonly wholeSheet: string;
  readonly sheetProblems: (errors: number, warnings: number) => string;
  readonly moreInSheet: (count: number) => string;
  readonly rowDetailTitle: (sheet: string, row: number) => string;
  readonly rowDetailEmpty: string;
  readonly close: string;

  // new ticket
  readonly entryIntro: string;
  readonly entryNotReady: (missing: ReadonlyArray<string>) => string;
  readonly choose: string;
  readonly addTicket: string;
  readonly addAnyway: string;
  readonly adding: string;
  readonly clearForm: string;
  readonly ticketAddedTitle: string;
  readonly ticketAdded: (id: string, sheet: string, row: number) => string;
  readonly entryHasErrors: string;
  readonly entryHasWarnings: string;
  readonly installationTag: (tag: string) => string;

  // reports
  readonly reportsIntro: string;
  readonly reportKind: string;
  readonly reportKindLabel: Readonly<Record<PeriodKind, string>>;
  readonly reportPeriod: string;
  readonly reportPeriodHint: Readonly<Record<PeriodKind, string>>;
  readonly defaultPeriod: (label: string) => string;
  readonly generateReport: string;
  readonly showKpis: string;
  readonly generating: string;
  readonly computing: string;
  readonly reportWrittenTitle: string;
  readonly reportWrittenExcel: (sheet: string) => string;
  readonly reportWrittenFile: (sheet: string) => string;
  readonly jumpToSheet: (sheet: string) => string;
  readonly reportNotReadyTitle: string;
  readonly reportSheetsMissing: (sheets: ReadonlyArray<string>) => string;
  readonly reportColumnsMissing: (missing: ReadonlyArray<string>) => string;
  /** one item of reportColumnsMissing */
  readonly sheetLacks: (sheet: string, columns: ReadonlyArray<string>) => string;
  readonly goToWorkbookTab: string;
  readonly reportNoCharges: (sheet: string) => string;
  readonly kpiHeading: (kind: string, period: string) => string;
  readonly asOf: (time: string) => string;
  readonly kpisStale: string;
  readonly notApplicable: string;
  readonly previousValue: (value: string) => string;
  readonly changeAria: Readonly<Record<'up' | 'down' | 'same', string>>;
  readonly trendHeading: string;
  readonly trendAria: (points: number) => string;
  readonly trendPoint: (label: string, received: string, resolved: string) => string;
  readonly monthShort: (month: number) => string;
  readonly pivotsHeading: string;
  readonly pivotsIntroExcel: string;
  readonly pivotsIntroFile: string;
  readonly writePivots: string;
  readonly refreshPivots: string;
  readonly pivotsWrittenExcel: (sheet: string) => string;
  readonly pivotsWrittenFile: (sheet: string) => string;

  // problems
  readonly errorTitle: string;
  /** stands for the file name in a file message when there is none (inside Excel) */
  readonly thisWorkbook: string;
  readonly excelCellEditing: string;
  readonly unexpected: (detail: string) => string;
}

const list = (items: ReadonlyArray<string>, sep: string) => items.join(sep);

const zh: Strings = {
  title: '服务台工作簿',
  subtitleExcel: '当前工作簿的设置与状态',
  subtitleStandalone: '浏览器模式：在本机打开工作簿文件',
  starting: '正在启动…',
  reading: '正在读取工作簿…',
  settingUp: '正在设置工作簿…',

  standaloneIntro: '打开服务台的 Excel 工作簿（.xlsx），或载入内置示例。文件只在本机浏览器中处理，不会上传。',
  openFile: '打开 .xlsx 文件',
  loadSample: '载入内置示例',
  download: '下载工作簿',
  sampleFileName: '服务台示例.xlsx',
  currentFile: (fileName) => `当前文件：${fileName}`,

  sheetsHeading: '结构化工作表',
  readyCount: (ready, total) => `已就绪 ${ready} / ${total}`,
  setUp: '设置此工作簿',
  refresh: '刷新',
  badgeReady: '已就绪',
  badgeMissing: '缺失',
  badgeColumnsMissing: '缺少列',
  rows: (count) => `${count.toLocaleString('zh-CN')} 行数据`,
  willBeCreated: '设置时将新建此工作表',
  missingColumns: (columns) => `缺少列：${list(columns, '、')}`,
  sheetPurpose: {
    tickets: '投诉、报修、咨询等工单的登记与跟进',
    customers: '住户与客户档案',
    charges: '物业费等应收与实收',
    reminders: '欠费催缴记录',
    settings: '类别、部门、时限等参数',
  },
  otherSheets: (names) => `您自己的工作表（保持不变）：${list(names, '、')}`,
  problemsHeading: (count) => `数据问题（${count}）`,
  moreProblems: (count) => `另有 ${count} 个问题未列出。`,
  headerLanguage: '新工作表的表头语言',
  headerLanguageZh: '中文',
  headerLanguageEn: 'English',

  workbookReadyTitle: '已设置好',
  workbookReady: '五个结构化工作表齐全，可以开始登记。',
  workbookNotReadyTitle: '尚未设置',
  workbookNotReady: '点击“设置此工作簿”新建缺少的工作表；已有的工作表和数据不会被改动。',
  columnsStillMissing: '有工作表缺少列。请在表头行补上所列的列名（列的顺序不限）。',
  setUpDoneTitle: '设置完成',
  setUpDone: (created) => `已新建：${list(created, '、')}。原有的工作表和数据未做任何改动。`,
  setUpNothingToDo: '没有需要新建的工作表。',
  sampleLoaded: '已载入内置示例工作簿。',
  fileOpened: (fileName) => `已打开 ${fileName}。`,
  downloaded: (fileName) => `已下载 ${fileName}。`,

  tabWorkbook: '工作簿',
  tabValidation: '校验',
  tabEntry: '登记',
  tabReports: '报表',

  validationIntro:
    '逐行检查各工作表：必填项、下拉值、电话与房号、时间先后、状态是否一致、重复工单号等。问题只在单元格上标出，不会改动您录入的内容。',
  validateAll: '校验整个工作簿',
  validating: '正在校验…',
  noWorkbookYet: '请先在上方打开工作簿文件或载入内置示例。',
  errorsCount: (count) => `错误 ${count}`,
  warningsCount: (count) => `警告 ${count}`,
  noProblems: '没有发现问题。',
  lastChecked: (time) => `上次校验：${time}`,
  liveValidation: '实时校验',
  liveValidationHint: '编辑单元格后自动重新检查改动的行',
  liveStarting: '正在开启实时校验…',
  marksInExcel: '问题已在单元格上标出。点击下面的一项即可选中该单元格。',
  marksInFile: '问题已在单元格上标出，下载的工作簿会带上这些标记。点击一项可查看该行。',
  staleReport: '工作簿在上次校验后有改动，结果可能已过时，请重新校验。',
  severityError: '错误',
  severityWarning: '警告',
  problemAt: (row, column) => (column ? `第 ${row} 行 · ${column.letter} 列「${column.header}」` : `第 ${row} 行`),
  wholeSheet: '整个工作表',
  sheetProblems: (errors, warnings) => `错误 ${errors} · 警告 ${warnings}`,
  moreInSheet: (count) => `另有 ${count} 个问题未列出，请先改正上面的问题。`,
  rowDetailTitle: (sheet, row) => `${sheet} 第 ${row} 行`,
  rowDetailEmpty: '这一行是空的。',
  close: '关闭',

  entryIntro: '登记来电、来访、来函等新工单。登记前按校验规则检查；工单号自动生成，多人同时登记也不会重复。',
  entryNotReady: (missing) =>
    missing.length > 0
      ? `工单表缺少必需的列：${list(missing, '、')}。请先补上这些列。`
      : '工作簿中还没有工单表。请先在“工作簿”页点击“设置此工作簿”。',
  choose: '请选择',
  addTicket: '登记工单',
  addAnyway: '仍然登记',
  adding: '正在登记…',
  clearForm: '清空',
  ticketAddedTitle: '已登记',
  ticketAdded: (id, sheet, row) => `工单号 ${id}，已写入“${sheet}”第 ${row} 行。`,
  entryHasErrors: '请先改正标出的问题，工单尚未登记。',
  entryHasWarnings: '请核对以下提醒。确认无误后点击“仍然登记”。',
  installationTag: (tag) => `本机编号 ${tag}（写入工单号，使多人同时登记也不重复）`,

  reportsIntro: '生成周报、月报、季报和日盘点表：报表写入工作簿中单独的工作表，重新生成只替换该表，不改动任何数据。下方同时显示该期的主要指标与上期对比（环比）。',
  reportKind: '报表类型',
  reportKindLabel: { daily: '日盘点', weekly: '周报', monthly: '月报', quarterly: '季报' },
  reportPeriod: '期间',
  reportPeriodHint: {
    daily: '默认为今天',
    weekly: '默认：周五起为本周，此前为上一周',
    monthly: '默认为上一个完整月份',
    quarterly: '默认为上一个完整季度',
  },
  defaultPeriod: (label) => `${label}（默认）`,
  generateReport: '生成报表',
  showKpis: '仅查看指标',
  generating: '正在生成…',
  computing: '正在计算…',
  reportWrittenTitle: '报表已生成',
  reportWrittenExcel: (sheet) => `已写入工作表“${sheet}”。`,
  reportWrittenFile: (sheet) => `工作表“${sheet}”已加入工作簿。浏览器中无法直接打开工作表：请下载工作簿，用 Excel 打开即可看到。`,
  jumpToSheet: (sheet) => `转到“${sheet}”`,
  reportNotReadyTitle: '暂时无法生成报表',
  reportSheetsMissing: (sheets) => `工作簿中没有“${list(sheets, '”、“')}”工作表，报表无从统计。请在“工作簿”页点击“设置此工作簿”。`,
  reportColumnsMissing: (missing) => `报表所需的列不全：${list(missing, '；')}。请在“工作簿”页查看并补上这些列。`,
  sheetLacks: (sheet, columns) => `“${sheet}”缺少 ${list(columns, '、')}`,
  goToWorkbookTab: '前往“工作簿”页',
  reportNoCharges: (sheet) => `工作簿中没有“${sheet}”工作表，报表中不含收缴率与欠费。`,
  kpiHeading: (kind, period) => `${kind} ${period}`,
  asOf: (time) => `截至 ${time}`,
  kpisStale: '计算后工作簿有改动，指标可能已过时，请重新生成或查看。',
  notApplicable: '无',
  previousValue: (value) => `上期 ${value}`,
  changeAria: { up: '较上期上升', down: '较上期下降', same: '与上期持平' },
  trendHeading: '受理与办结走势',
  trendAria: (points) => `最近 ${points} 期受理量与办结量柱状图`,
  trendPoint: (label, received, resolved) => `${label}：受理 ${received}，办结 ${resolved}`,
  monthShort: (month) => `${month}月`,
  pivotsHeading: 'KPI 透视表',
  pivotsIntroExcel: '在“KPI”工作表上建立数据透视表：类别×状态、部门×月份、类型×渠道（按工单数）。数据有变动时再点一次即可刷新。',
  pivotsIntroFile: '浏览器模式下写入同样的交叉表（类别×状态、部门×月份、类型×渠道），以数值形式保存在“KPI”工作表中；在 Excel 中使用加载项可得到真正的数据透视表。',
  writePivots: '生成 KPI 透视表',
  refreshPivots: '刷新 KPI 透视表',
  pivotsWrittenExcel: (sheet) => `已在“${sheet}”上建立数据透视表。`,
  pivotsWrittenFile: (sheet) => `交叉表已以数值写入“${sheet}”，下载工作簿即可查看。`,

  errorTitle: '无法完成',
  thisWorkbook: '此工作簿',
  excelCellEditing: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑，然后点击“刷新”或重试。',
  unexpected: (detail) => `发生意外错误：${detail}`,
};

const en: Strings = {
  title: 'Deskbook',
  subtitleExcel: 'Set-up and status of this workbook',
  subtitleStandalone: 'Browser mode: open a workbook file on this computer',
  starting: 'Starting…',
  reading: 'Reading the workbook…',
  settingUp: 'Setting up the workbook…',

  standaloneIntro:
    "Open the service center's Excel workbook (.xlsx), or load the built-in sample. The file stays in this browser; nothing is uploaded.",
  openFile: 'Open an .xlsx file',
  loadSample: 'Load the built-in sample',
  download: 'Download workbook',
  sampleFileName: 'deskbook-sample.xlsx',
  currentFile: (fileName) => `File: ${fileName}`,

  sheetsHeading: 'Structured sheets',
  readyCount: (ready, total) => `${ready} of ${total} ready`,
  setUp: 'Set up this workbook',
  refresh: 'Refresh',
  badgeReady: 'Ready',
  badgeMissing: 'Missing',
  badgeColumnsMissing: 'Columns missing',
  rows: (count) => `${count.toLocaleString('en-US')} data ${count === 1 ? 'row' : 'rows'}`,
  willBeCreated: 'Set-up will create this sheet',
  missingColumns: (columns) => `Missing columns: ${list(columns, ', ')}`,
  sheetPurpose: {
    tickets: 'Complaints, repairs and inquiries, logged and followed up',
    customers: 'Residents and customers',
    charges: 'Property fees and other charges, due and paid',
    reminders: 'Reminders sent for overdue fees',
    settings: 'Categories, departments, time limits and other settings',
  },
  otherSheets: (names) => `Your own sheets (left unchanged): ${list(names, ', ')}`,
  problemsHeading: (count) => `Data problems (${count})`,
  moreProblems: (count) => `${count} more not listed.`,
  headerLanguage: 'Header language for new sheets',
  headerLanguageZh: '中文',
  headerLanguageEn: 'English',

  workbookReadyTitle: 'Set up',
  workbookReady: 'All five structured sheets are here; you can start logging.',
  workbookNotReadyTitle: 'Not set up yet',
  workbookNotReady:
    'Click "Set up this workbook" to create the missing sheets; existing sheets and data are left as they are.',
  columnsStillMissing:
    'Some sheets lack columns. Add the listed column headers to their header row (in any order).',
  setUpDoneTitle: 'Set-up complete',
  setUpDone: (created) => `Created: ${list(created, ', ')}. Existing sheets and data were not changed.`,
  setUpNothingToDo: 'There were no sheets to create.',
  sampleLoaded: 'The built-in sample workbook is loaded.',
  fileOpened: (fileName) => `Opened ${fileName}.`,
  downloaded: (fileName) => `Downloaded ${fileName}.`,

  tabWorkbook: 'Workbook',
  tabValidation: 'Validation',
  tabEntry: 'New ticket',
  tabReports: 'Reports',

  validationIntro:
    'Checks every row of every sheet: required fields, list values, phones and units, time order, status consistency, duplicate ticket IDs and more. Problems are marked on the cells; nothing you typed is changed.',
  validateAll: 'Validate the whole workbook',
  validating: 'Validating…',
  noWorkbookYet: 'Open a workbook file or load the built-in sample above first.',
  errorsCount: (count) => `${count} ${count === 1 ? 'error' : 'errors'}`,
  warningsCount: (count) => `${count} ${count === 1 ? 'warning' : 'warnings'}`,
  noProblems: 'No problems found.',
  lastChecked: (time) => `Last checked: ${time}`,
  liveValidation: 'Live validation',
  liveValidationHint: 'Re-checks the rows you change as you edit',
  liveStarting: 'Starting live validation…',
  marksInExcel: 'Problems are marked on the cells. Click one below to select its cell.',
  marksInFile: 'Problems are marked on the cells, and the downloaded workbook carries the marks. Click one to see its row.',
  staleReport: 'The workbook changed after the last check; validate again for an up-to-date list.',
  severityError: 'Error',
  severityWarning: 'Warning',
  problemAt: (row, column) => (column ? `Row ${row} · column ${column.letter} (${column.header})` : `Row ${row}`),
  wholeSheet: 'Whole sheet',
  sheetProblems: (errors, warnings) => `${errors} ${errors === 1 ? 'error' : 'errors'} · ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  moreInSheet: (count) => `${count} more not listed; fix the ones above first.`,
  rowDetailTitle: (sheet, row) => `${sheet}, row ${row}`,
  rowDetailEmpty: 'This row is empty.',
  close: 'Close',

  entryIntro:
    'Log a new call, visit, letter or e-mail. The entry is checked by the validation rules first; the ticket ID is generated and stays unique even when several clerks add tickets at once.',
  entryNotReady: (missing) =>
    missing.length > 0
      ? `The ticket sheet lacks required columns: ${list(missing, ', ')}. Add them first.`
      : 'This workbook has no ticket sheet yet. Click "Set up this workbook" on the Workbook tab first.',
  choose: 'Choose…',
  addTicket: 'Add ticket',
  addAnyway: 'Add anyway',
  adding: 'Adding…',
  clearForm: 'Clear',
  ticketAddedTitle: 'Ticket added',
  ticketAdded: (id, sheet, row) => `Ticket ID ${id}, written to "${sheet}" row ${row}.`,
  entryHasErrors: 'Fix the problems marked below; the ticket has not been added.',
  entryHasWarnings: 'Please check the notes below. If all is right, click "Add anyway".',
  installationTag: (tag) => `This computer's tag: ${tag} (part of each ticket ID, so that IDs never clash)`,

  reportsIntro:
    'Generate the daily tally and the weekly, monthly and quarterly reports: each is written to its own sheet, and regenerating replaces only that sheet, never your data. The period\'s main figures and the previous period\'s are shown below.',
  reportKind: 'Report',
  reportKindLabel: { daily: 'Daily tally', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' },
  reportPeriod: 'Period',
  reportPeriodHint: {
    daily: 'Default: today',
    weekly: 'Default: this week from Friday on, else last week',
    monthly: 'Default: the last complete month',
    quarterly: 'Default: the last complete quarter',
  },
  defaultPeriod: (label) => `${label} (default)`,
  generateReport: 'Generate report',
  showKpis: 'Show figures only',
  generating: 'Generating…',
  computing: 'Computing…',
  reportWrittenTitle: 'Report generated',
  reportWrittenExcel: (sheet) => `Written to the sheet "${sheet}".`,
  reportWrittenFile: (sheet) =>
    `The sheet "${sheet}" is now in the workbook. A browser cannot show sheets: download the workbook and open it in Excel to see it.`,
  jumpToSheet: (sheet) => `Go to "${sheet}"`,
  reportNotReadyTitle: 'Reports cannot be made yet',
  reportSheetsMissing: (sheets) =>
    `This workbook has no ${list(sheets.map((s) => `"${s}"`), ' or ')} sheet, so there is nothing to count. Click "Set up this workbook" on the Workbook tab.`,
  reportColumnsMissing: (missing) => `Columns the reports need are missing: ${list(missing, '; ')}. See the Workbook tab and add them.`,
  sheetLacks: (sheet, columns) => `"${sheet}" lacks ${list(columns, ', ')}`,
  goToWorkbookTab: 'Go to the Workbook tab',
  reportNoCharges: (sheet) => `This workbook has no "${sheet}" sheet: the reports leave out collection and arrears.`,
  kpiHeading: (kind, period) => `${kind} ${period}`,
  asOf: (time) => `As of ${time}`,
  kpisStale: 'The workbook changed after these figures were computed; generate or show them again.',
  notApplicable: 'n/a',
  previousValue: (value) => `Previous ${value}`,
  changeAria: { up: 'up on the previous period', down: 'down on the previous period', same: 'same as the previous period' },
  trendHeading: 'Received and resolved',
  trendAria: (points) => `Bar chart of tickets received and resolved over the last ${points} periods`,
  trendPoint: (label, received, resolved) => `${label}: ${received} received, ${resolved} resolved`,
  monthShort: (month) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1] ?? String(month),
  pivotsHeading: 'KPI pivots',
  pivotsIntroExcel:
    'Builds PivotTables on the "KPI" sheet: category × status, department × month, type × channel (ticket counts). Click again after the data changes to refresh them.',
  pivotsIntroFile:
    'In the browser the same cross-tabs (category × status, department × month, type × channel) are written as values on the "KPI" sheet; the add-in inside Excel makes real PivotTables.',
  writePivots: 'Write KPI pivots',
  refreshPivots: 'Refresh KPI pivots',
  pivotsWrittenExcel: (sheet) => `PivotTables built on "${sheet}".`,
  pivotsWrittenFile: (sheet) => `The cross-tabs are written as values on "${sheet}"; download the workbook to see them.`,

  errorTitle: 'Could not finish',
  thisWorkbook: 'this workbook',
  excelCellEditing: 'Excel is busy editing a cell. Press Enter or Esc to finish editing, then click Refresh or try again.',
  unexpected: (detail) => `Something unexpected went wrong: ${detail}`,
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

/**
 * The pane's language: a `?lang=en|zh` URL parameter wins; otherwise English when Office's display
 * language (inside Excel) or the browser's language (standalone) starts with "en"; Chinese otherwise.
 */
export function pickLang(opts: { search?: string; officeLanguage?: string; browserLanguage?: string }): Lang {
  const param = new URLSearchParams(opts.search ?? '').get('lang')?.trim().toLowerCase();
  if (param === 'en' || param === 'zh') return param;
  const source = opts.officeLanguage ?? opts.browserLanguage ?? '';
  return source.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
