// Every string the task pane shows, in both languages. Problem messages about the clerk's data come
// from the app layer (domain/messages.ts); these are the pane's own labels and the messages for a file
// that cannot be opened at all.
import type { Lang } from '../domain/enums';
import type { SheetKey } from '../domain/schema';

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
