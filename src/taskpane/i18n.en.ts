// The pane's words in English.
import type { Lang } from '../domain/enums';
import type { SheetKey } from '../domain/schema';
import type { PeriodKind } from './backend';
import type { Strings } from './i18n.strings';

const list = (items: ReadonlyArray<string>, sep: string) => items.join(sep);
export const en: Strings = {
  tooOld: (found) => `This version of Excel is too old to run the Deskbook add-in. Use Microsoft 365, Excel 2021 or later, or Excel on the web. (Found: ${found})`,
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
