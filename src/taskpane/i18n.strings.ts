// The words of the pane: one table per language (i18n.zh.ts, i18n.en.ts) of this shape.
import type { Lang } from '../domain/enums';
import type { SkipReason } from '../domain/adopt/rows';
import type { DataSheetKey, SheetKey } from '../domain/schema';
import type { PeriodKind } from './backend';

export interface Strings {
  /** a host too old for the pane (support.ts), naming what was found */
  readonly tooOld: (found: string) => string;
  readonly title: string;
  readonly subtitleExcel: string;
  readonly subtitleStandalone: string;
  readonly starting: string;
  /** the other language's name, in that language: the switch in the pane's header */
  readonly otherLanguage: string;
  /** the switch's tooltip, in the other language too */
  readonly switchLanguageHint: string;
  readonly reading: string;
  /** the progress bar of a file being read: the sheets it reads (none known: the workbook) */
  readonly readingSheets: (sheets: ReadonlyArray<string>) => string;
  /** how much of it is read, as a whole percent */
  readonly readPercent: (percent: number) => string;
  readonly settingUp: string;

  // standalone: choosing a workbook
  readonly standaloneIntro: string;
  readonly openFile: string;
  readonly loadSample: string;
  readonly download: string;
  readonly sampleFileName: string;
  readonly currentFile: (fileName: string) => string;
  /** beside the file name while the pane's changes are not downloaded */
  readonly unsavedMark: string;
  readonly noWorkbookTitle: string;
  readonly noWorkbookHint: string;
  readonly unsavedTitle: string;
  readonly unsavedText: (current: string, next: string) => string;
  readonly unsavedDownload: string;
  readonly unsavedDiscard: string;
  readonly cancel: string;

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
  readonly generatedSheets: (names: ReadonlyArray<string>) => string;
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
  /** the button at the end of the tab strip that holds the tabs which do not fit */
  readonly moreTabs: string;
  readonly tabAdopt: string;

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
  /** past the report's cap: found, listed and marked (the first in reading order), the rest */
  readonly problemsUnlisted: (found: number, listed: number, unlisted: number) => string;
  readonly rowDetailTitle: (sheet: string, row: number) => string;
  readonly rowDetailEmpty: string;
  readonly close: string;

  // new ticket
  readonly entryIntro: string;
  readonly entryNotReady: (missing: ReadonlyArray<string>) => string;
  readonly choose: string;
  /** a required field left empty */
  readonly fieldRequired: string;
  /** what a date-time field expects, as its placeholder */
  readonly dateTimePlaceholder: string;
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
  /** a clerk's sheet held the generated sheet's name: kept as it was, the sheet written under another name */
  readonly sheetKept: (kept: string, written: string) => string;
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
  /** a figure with nothing to show (no rate without a denominator): a dash */
  readonly notApplicable: string;
  /** the same, read out and as a tooltip */
  readonly notApplicableLabel: string;
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

  // adopting the registers a center keeps
  readonly adoptHeading: string;
  readonly adoptIntro: string;
  readonly adoptReading: string;
  /** the workbook has no sheet but the structured ones */
  readonly adoptNoSheets: string;
  /** what a register is taken for: the structured sheet's kind */
  readonly adoptKinds: Readonly<Record<DataSheetKey, string>>;
  readonly adoptNotRegister: string;
  readonly adoptNotRegisterHint: string;
  /** the kind dropdown of a sheet, read out */
  readonly adoptKindOf: (sheet: string) => string;
  /** a sheet's row accounting: total = imported + skipped; flagged are part of imported */
  readonly adoptRows: (total: number, imported: number, flagged: number, skipped: number) => string;
  readonly adoptDetails: string;
  readonly adoptHeaderRow: (row: number) => string;
  readonly adoptMappingHeading: string;
  /** a column kept under its own header, mapped to nothing */
  readonly adoptKeep: string;
  /** a column that is part of a unit kept in parts (楼号 / 单元 / 房间) */
  readonly adoptUnitPart: (unit: string) => string;
  /** beside a column matched with a confidence under 0.7 */
  readonly adoptLowConfidence: string;
  readonly adoptLowConfidenceHint: string;
  /** a column's dropdown, read out */
  readonly adoptColumnOf: (header: string) => string;
  readonly adoptPreviewHeading: (rows: number) => string;
  readonly adoptPreviewNone: string;
  readonly adoptEmptyColumns: (headers: ReadonlyArray<string>) => string;
  readonly adoptSkippedHeading: (count: number) => string;
  /** the rows skipped for one reason: listed, or counted when there are many */
  readonly adoptSkippedRows: (reason: string, rows: ReadonlyArray<number>) => string;
  readonly adoptReasons: Readonly<Record<SkipReason, string>>;
  readonly adoptFlaggedHeading: (count: number) => string;
  readonly adoptMoreFlagged: (count: number) => string;
  readonly adoptImport: (sheets: number) => string;
  readonly adoptImporting: string;
  readonly adoptDoneTitle: string;
  /** rows of the registers imported, and the structured rows they gave (a wide ledger: one a month) */
  readonly adoptDone: (rows: number, records: number) => string;
  readonly adoptCreated: (sheets: ReadonlyArray<string>) => string;
  readonly adoptAppended: (sheets: ReadonlyArray<string>) => string;
  readonly adoptDoneExcel: string;
  /** the sentences of the summary, as one text */
  readonly adoptSentences: (sentences: ReadonlyArray<string>) => string;
  readonly adoptDoneFile: string;
  readonly adoptNothingNewTitle: string;
  readonly adoptNothingNew: string;

  // chasing arrears (the Arrears tab)
  readonly tabArrears: string;
  readonly arrearsIntro: string;
  /** units in arrears and what they owe in all */
  readonly arrearsSummary: (units: number, total: string) => string;
  readonly arrearsNone: string;
  readonly arrearsAgingHeading: string;
  /** the aging table's column headers: days overdue, units (户数), amount */
  readonly arrearsAgingColumns: readonly [string, string, string];
  readonly arrearsTotalRow: string;
  readonly arrearsNotReadyTitle: string;
  /** the workbook has no charges sheet */
  readonly arrearsNoCharges: (sheet: string) => string;
  readonly arrearsLevelsHeading: string;
  /** a level with the number of units at it */
  readonly arrearsLevelCount: (level: string, units: number) => string;
  readonly arrearsUnitsHeading: (units: number) => string;
  /** a unit's line: how many periods it owes, since when, its oldest charge's days overdue */
  readonly arrearsUnitDetail: (periods: number, since: string, days: number) => string;
  /** the last reminder of a unit: its day and method */
  readonly arrearsLastReminder: (day: string, method: string | null) => string;
  readonly arrearsNoReminder: string;
  /** a promised day to pay, not passed yet (holds the next level) or passed */
  readonly arrearsPromise: (day: string, passed: boolean) => string;
  readonly showAll: (count: number) => string;
  readonly showFewer: string;
  readonly arrearsWriteList: string;
  readonly arrearsListWritten: (sheet: string, excel: boolean) => string;
  readonly recompute: string;
  readonly noticesHeading: string;
  readonly noticesIntro: string;
  readonly noticesMinAmount: string;
  readonly noticesMinDays: string;
  readonly noticesMinHint: string;
  /** the preview: notices, their total, and units a promise keeps without one */
  readonly noticesPreview: (notices: number, total: string, promised: number) => string;
  readonly noticesLog: (sheet: string) => string;
  readonly noticesLogHint: string;
  readonly noticesGenerate: (notices: number) => string;
  readonly noticesWrittenTitle: string;
  readonly noticesWritten: (sheet: string, notices: number, total: string, excel: boolean) => string;
  /** reminders appended to 催缴记录, and notices already logged today */
  readonly noticesLogged: (sheet: string, logged: number, already: number) => string;
  readonly badNumber: string;

  // the quarterly callback plan (the Callbacks tab)
  readonly tabCallbacks: string;
  readonly callbacksIntro: (share: string) => string;
  readonly callbacksNotReadyTitle: string;
  /** the workbook has no customer sheet */
  readonly callbacksNoCustomers: (sheet: string) => string;
  readonly callbacksYear: (planned: number, occupied: number) => string;
  /** the current quarter's plan: households on it and called so far */
  readonly callbacksCurrent: (sheet: string, planned: number, called: number) => string;
  readonly callbacksNoPlan: (quarter: string) => string;
  readonly callbacksProgressLabel: string;
  readonly callbacksQuartersHeading: string;
  readonly callbacksQuarterLine: (quarter: string, planned: number, called: number) => string;
  readonly callbacksUncalledHeading: (count: number) => string;
  readonly callbacksAllCalled: string;
  readonly callbacksReasons: Readonly<Record<'recent' | 'spread', string>>;
  readonly callbacksQuarter: string;
  readonly callbacksGenerate: string;
  readonly callbacksRedo: string;
  readonly callbacksRedoHint: string;
  readonly callbacksWrittenTitle: string;
  /** the plan written: households, of them recent complaints or repairs, and rows kept as recorded */
  readonly callbacksWritten: (sheet: string, planned: number, recent: number, kept: number, excel: boolean) => string;
  readonly callbacksPlanProblems: (count: number) => string;

  // the clerk's desk (the Today tab)
  readonly tabToday: string;
  readonly todayNotReadyTitle: string;
  readonly todayNoTickets: (sheet: string) => string;
  readonly todayIntroExcel: string;
  readonly todayIntroFile: string;
  readonly todayHeading: string;
  readonly dueLegendOverdue: string;
  readonly dueLegendSoon: (hours: number) => string;
  readonly todayList: Readonly<Record<'overdue' | 'dueSoon' | 'awaitingCallback' | 'undispatched', string>>;
  readonly todayNone: Readonly<Record<'overdue' | 'dueSoon' | 'awaitingCallback' | 'undispatched', string>>;
  /** hours past a deadline (response or resolution) */
  readonly dueOverdueBy: (hours: number, deadline: 'response' | 'resolution') => string;
  readonly dueLeft: (hours: number, deadline: 'response' | 'resolution') => string;
  /** hours since resolved, awaiting the callback */
  readonly dueAwaiting: (hours: number) => string;
  /** hours since received, not dispatched */
  readonly dueWaiting: (hours: number) => string;
  readonly noId: string;
  readonly rowOf: (row: number) => string;
  readonly dueMark: string;
  readonly dueWriteSheet: string;
  readonly dueSheetWritten: (sheet: string, excel: boolean) => string;
  readonly dueColoured: (sheet: string, overdue: number, dueSoon: number) => string;
  readonly idsMissing: (rows: number) => string;
  readonly idsFill: (rows: number) => string;
  readonly idsFilled: (sheet: string, rows: number) => string;
  readonly idsSkipped: (rows: ReadonlyArray<number>) => string;

  // problems
  readonly errorTitle: string;
  /** stands for the file name in a file message when there is none (inside Excel) */
  readonly thisWorkbook: string;
  readonly excelCellEditing: string;
  readonly unexpected: (detail: string) => string;
}
