// Failures in words, in Chinese and English: a workbook file that cannot be opened, read or saved
// (WorkbookError in workbook/types.ts, the CLI's FileProblem), and a request a use case turns down
// (UseCaseProblem in app/problem.ts). A failure is a code, a reason and parameters, never prose: the
// words are made here, whole, in the language asked for (English too, for the Error's message in logs).
// Only type imports: the workbook back ends read this file and should not pull in the rest of the domain.
import type { Lang } from './enums';

/** What went wrong with a workbook file; stable for programs. */
export type FileErrorCode = 'NOT_FOUND' | 'NOT_A_FILE' | 'NOT_XLSX' | 'CORRUPT' | 'ENCRYPTED' | 'TOO_LARGE' | 'READ_FAILED' | 'WRITE_FAILED';

/** The parameters each reason names (parts and sheets as in the file, sizes in the unit its words say). */
export interface FileReasonParams {
  // NOT_XLSX
  readonly NOT_ZIP: object;
  readonly NO_CONTENT_TYPES: object;
  readonly NO_WORKBOOK_PART: object;
  readonly BINARY_WORKBOOK: object;
  /** saved as Strict Open XML: read, never changed */
  readonly STRICT_OOXML: object;
  // ENCRYPTED
  readonly OLE_FILE: object;
  readonly ZIP_ENCRYPTED: { readonly part: string };
  // CORRUPT: the zip package
  readonly ZIP_MULTI_VOLUME: object;
  readonly ZIP_END_MISSING: object;
  readonly ZIP_DIRECTORY_BAD: object;
  readonly ZIP_COMPRESSION_UNSUPPORTED: { readonly part: string; readonly method: number };
  /** `sheet`: the sheet whose part it is, when a sheet was being read */
  readonly ZIP_PART_BAD: { readonly part: string; readonly sheet?: string };
  /** two parts whose names differ only in case (OPC names ignore case) */
  readonly PART_NAMES_CLASH: { readonly part: string; readonly other: string };
  readonly ZIP_PART_CUT_SHORT: { readonly part: string };
  readonly ZIP_PART_UNREADABLE: { readonly part: string; readonly sheet?: string };
  /** the part's inflated bytes do not match the checksum the zip gives for them */
  readonly ZIP_PART_CRC: { readonly part: string; readonly sheet?: string };
  // CORRUPT: the parts inside (the part, or the sheet whose part it is)
  readonly XML_NO_ELEMENT: { readonly part?: string; readonly sheet?: string; readonly element: string };
  readonly XML_NOT_CLOSED: { readonly part?: string; readonly sheet?: string; readonly element: string };
  readonly XML_MALFORMED_TAG: { readonly part?: string; readonly sheet?: string };
  readonly NO_CELL_FORMATS: { readonly part: string };
  readonly NO_FONTS: { readonly part: string };
  readonly SHEET_NO_PART: { readonly sheet: string };
  readonly SHEET_NO_DATA: { readonly sheet: string };
  /** two sheets of workbook.xml with one name (sheet names ignore case in Excel) */
  readonly SHEET_NAMES_CLASH: { readonly part: string; readonly sheet: string; readonly other: string };
  /** the reader could not parse a part it needs (a sheet, the shared strings) */
  readonly PART_UNREADABLE: { readonly part: string; readonly sheet?: string };
  /** the reader gave up (its own words are the Error's cause, for bugs) */
  readonly UNREADABLE: object;
  // TOO_LARGE
  readonly FILE_TOO_LARGE: { readonly size: number; readonly limit: number };
  readonly ZIP_TOO_LARGE: object;
  readonly PART_TOO_LARGE: { readonly part: string; readonly size: number };
  readonly SHEET_SPREAD: { readonly sheet: string; readonly range: string; readonly limit: number; readonly cell: string };
  readonly SHEET_ROW_LIMIT: { readonly sheet: string; readonly limit: number };
  readonly PACKAGE_TOO_LARGE: object;
  // TOO_LARGE: the read limits (workbook/file/limits.ts), counted as the parts are inflated and
  // scanned; byte limits in MB
  readonly PART_INFLATES_TOO_LARGE: { readonly part: string; readonly sheet?: string; readonly limit: number };
  readonly INFLATED_TOTAL_TOO_LARGE: { readonly part: string; readonly sheet?: string; readonly limit: number };
  readonly SHEET_TOO_MANY_ROWS: { readonly part: string; readonly sheet: string; readonly limit: number };
  readonly SHEET_TOO_MANY_COLUMNS: { readonly part: string; readonly sheet: string; readonly limit: number };
  readonly TOO_MANY_CELLS: { readonly part: string; readonly sheet: string; readonly limit: number };
  readonly TOO_MANY_STRINGS: { readonly part: string; readonly limit: number };
  // NOT_FOUND
  readonly SHEET_MISSING: { readonly sheet: string };
  // READ_FAILED, WRITE_FAILED: what the operating system said, as a person reads it
  readonly FOLDER_MISSING: object;
  readonly NOT_A_FOLDER: object;
  readonly NO_PERMISSION: object;
  readonly IS_A_FOLDER: object;
  readonly DISK_FULL: object;
  readonly READ_ONLY: object;
  readonly FILE_BUSY: object;
  readonly NAME_TOO_LONG: object;
  readonly LINK_LOOP: object;
  /** an error code the words above do not cover (EIO, EMFILE, …) */
  readonly OS_ERROR: { readonly os: string };
  // WRITE_FAILED inside Excel (office: the error code Excel gave, when it gave one)
  readonly EXCEL_ADD_SHEETS: { readonly sheets: ReadonlyArray<string>; readonly office?: string };
  readonly EXCEL_ADD_ROWS: { readonly sheet: string; readonly office?: string };
  readonly EXCEL_WRITE_CELLS: { readonly sheet: string; readonly office?: string };
  /** columns to add where a cell already holds something */
  readonly COLUMNS_IN_THE_WAY: { readonly sheet: string; readonly cell: string };
  readonly EXCEL_ADD_COLUMNS: { readonly sheet: string; readonly office?: string };
  readonly EXCEL_ADD_NAMES: { readonly names: ReadonlyArray<string>; readonly office?: string };
  readonly EXCEL_MARKS: { readonly sheet: string; readonly office?: string };
  readonly EXCEL_WRITE_SHEET: { readonly sheet: string; readonly office?: string };
  /** another clerk replaced or created the same generated sheet between our look and our write */
  readonly REGENERATED_MEANWHILE: { readonly sheet: string };
  readonly EXCEL_PIVOTS: { readonly sheet: string; readonly office?: string };
}

export type FileErrorReason = keyof FileReasonParams;

/** A reason and its parameters, as one value: `{ reason: 'NO_CELL_FORMATS', part: 'xl/styles.xml' }`. */
export type FileErrorDetail = { [R in FileErrorReason]: { readonly reason: R } & FileReasonParams[R] }[FileErrorReason];

/** A file failure as data: what the faces word with fileErrorMessage. */
export interface FileFailure {
  readonly code: FileErrorCode;
  readonly reason?: FileErrorReason;
  readonly params?: object;
  /** the write was atomic: the file on disk is as it was */
  readonly unchanged?: boolean;
}

type Say<P> = (p: P) => string;
interface ReasonWords<P> {
  readonly zh: (p: P, file: string) => string;
  readonly en: (p: P, file: string) => string;
  /** the words are the whole message, naming the file, not a detail after the code's words */
  readonly whole?: true;
}

const zhList = (items: ReadonlyArray<string>) => items.map((s) => `“${s}”`).join('、');
const enList = (items: ReadonlyArray<string>) => items.map((s) => `"${s}"`).join(', ');
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** where in the package: the part's name, the sheet whose part it is, or (a part found by its
 *  root element) nowhere in particular */
const zhIn = (p: { part?: string; sheet?: string }) => (p.part !== undefined ? `${zhPart(p as { part: string })}中` : p.sheet !== undefined ? `工作表“${p.sheet}”中` : '');
const enOf = (p: { part?: string; sheet?: string }) => (p.part !== undefined ? enPart(p as { part: string }) : p.sheet !== undefined ? `the part of the sheet "${p.sheet}"` : 'a part');
/** a part, and the sheet whose part it is when there is one (in Chinese, with the space that
 *  parts the part's Latin name from the words after it, none after the closing bracket) */
const zhPart = (p: { part: string; sheet?: string }) => (p.sheet !== undefined ? `${p.part}（工作表“${p.sheet}”）` : `${p.part} `);
const enPart = (p: { part: string; sheet?: string }) => (p.sheet !== undefined ? `${p.part} (the sheet "${p.sheet}")` : p.part);
const megabytes = (mb: number) => `${grouped(mb)} MB`;
const zhExcel = (p: { office?: string }) => (p.office ? `（Excel 错误 ${p.office}）` : '');
const enExcel = (p: { office?: string }) => (p.office ? ` (Excel error ${p.office})` : '');

const REASONS: { readonly [R in FileErrorReason]: ReasonWords<FileReasonParams[R]> } = {
  NOT_ZIP: { zh: () => '它不是 zip 压缩包', en: () => 'it is not a zip package' },
  NO_CONTENT_TYPES: { zh: () => '其中没有 [Content_Types].xml', en: () => 'it has no [Content_Types].xml' },
  NO_WORKBOOK_PART: { zh: () => '其中没有 xl/workbook.xml', en: () => 'it has no xl/workbook.xml' },
  BINARY_WORKBOOK: { zh: () => '它是二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx', en: () => 'it is a binary workbook (.xlsb); save it as .xlsx in Excel' },
  STRICT_OOXML: {
    whole: true,
    zh: (_p, file) => `${file} 以“严格”（Strict）格式保存，本程序只能读取、不能修改：请在 Excel 中另存为普通的 Excel 工作簿（*.xlsx）后重试`,
    en: (_p, file) => `${file} is saved as Strict Open XML, which this program can read but not change: save it in Excel as "Excel Workbook (*.xlsx)" and try again`,
  },

  // an OLE compound file: what ENCRYPTED's own words say
  OLE_FILE: { zh: () => '', en: () => '' },
  ZIP_ENCRYPTED: {
    whole: true,
    zh: (p, file) => `${file} 中的 ${p.part} 已加密：请在 Excel 中取消密码后重试`,
    en: (p, file) => `${file} is encrypted (${p.part}): remove the password in Excel and try again`,
  },

  ZIP_MULTI_VOLUME: { zh: () => '它是分卷压缩包', en: () => 'it is a multi-volume zip archive' },
  ZIP_END_MISSING: { zh: () => '压缩包的结尾缺失（文件不完整？）', en: () => 'the end of the zip archive is missing (was the file cut short?)' },
  ZIP_DIRECTORY_BAD: { zh: () => '压缩包的目录已损坏', en: () => "the zip archive's directory is broken" },
  ZIP_COMPRESSION_UNSUPPORTED: {
    zh: (p) => `${p.part} 使用了不支持的压缩方式（${p.method}）`,
    en: (p) => `${p.part} uses an unsupported compression method (${p.method})`,
  },
  ZIP_PART_BAD: { zh: (p) => `${zhPart(p)}已损坏`, en: (p) => `${enPart(p)} is broken` },
  PART_NAMES_CLASH: {
    zh: (p) => `其中有两个部件 ${p.other} 和 ${p.part}，名称只差大小写`,
    en: (p) => `it holds two parts, ${p.other} and ${p.part}, whose names differ only in case`,
  },
  ZIP_PART_CUT_SHORT: { zh: (p) => `${p.part} 不完整（文件被截断？）`, en: (p) => `${p.part} is cut short` },
  ZIP_PART_UNREADABLE: { zh: (p) => `${zhPart(p)}无法解压`, en: (p) => `${enPart(p)} cannot be decompressed` },
  ZIP_PART_CRC: { zh: (p) => `${zhPart(p)}的校验和（CRC）不符，内容已损坏`, en: (p) => `${enPart(p)} fails its checksum (CRC): its contents are damaged` },

  XML_NO_ELEMENT: { zh: (p) => `${zhIn(p)}缺少 <${p.element}>`, en: (p) => `${enOf(p)} has no <${p.element}>` },
  XML_NOT_CLOSED: { zh: (p) => `${zhIn(p) && `${zhIn(p)}的 `}<${p.element}> 没有结束标记`, en: (p) => `${enOf(p)} does not close <${p.element}>` },
  XML_MALFORMED_TAG: { zh: (p) => `${zhIn(p)}有残缺的标记`, en: (p) => `${enOf(p)} has a malformed tag` },
  NO_CELL_FORMATS: { zh: (p) => `${p.part} 中没有单元格格式（<cellXfs>）`, en: (p) => `${p.part} has no cell formats (<cellXfs>)` },
  NO_FONTS: { zh: (p) => `${p.part} 中没有字体（<fonts>）`, en: (p) => `${p.part} has no fonts (<fonts>)` },
  SHEET_NO_PART: { zh: (p) => `工作表“${p.sheet}”没有工作表部件`, en: (p) => `the sheet "${p.sheet}" has no worksheet part` },
  SHEET_NO_DATA: { zh: (p) => `工作表“${p.sheet}”中没有单元格数据（<sheetData>）`, en: (p) => `the sheet "${p.sheet}" has no cell data (<sheetData>)` },
  SHEET_NAMES_CLASH: {
    zh: (p) => (p.other === p.sheet ? `${p.part} 中有两个工作表都叫“${p.sheet}”` : `${p.part} 中的工作表“${p.other}”和“${p.sheet}”同名（工作表名称不分大小写）`),
    en: (p) => (p.other === p.sheet ? `${p.part} names two sheets "${p.sheet}"` : `${p.part} names two sheets alike, "${p.other}" and "${p.sheet}" (sheet names ignore case)`),
  },
  PART_UNREADABLE: { zh: (p) => `${zhPart(p)}无法解析`, en: (p) => `${enPart(p)} cannot be parsed` },
  UNREADABLE: { zh: () => '无法解析其内容', en: () => 'its contents cannot be made sense of' },

  FILE_TOO_LARGE: { zh: (p) => `它有 ${p.size} MB，上限是 ${p.limit} MB`, en: (p) => `it is ${p.size} MB, over the limit of ${p.limit} MB` },
  ZIP_TOO_LARGE: { zh: () => '超出本程序能处理的大小', en: () => 'it is larger than this program can handle' },
  PART_TOO_LARGE: {
    zh: (p) => `${p.part} 有 ${grouped(p.size)} 字节，超出能处理的大小`,
    en: (p) => `${p.part} is ${grouped(p.size)} bytes, more than can be handled`,
  },
  SHEET_SPREAD: {
    zh: (p) => `工作表“${p.sheet}”的值分布在 ${p.range}，超过 ${grouped(p.limit)} 个单元格；表格之外（${p.cell} 附近）是否有零散的值？`,
    en: (p) => `the sheet "${p.sheet}" has values spread over ${p.range}, more than ${grouped(p.limit)} cells; is there a stray value far from the table (near ${p.cell})?`,
  },
  SHEET_ROW_LIMIT: {
    zh: (p) => `工作表“${p.sheet}”将超过 Excel 的上限 ${grouped(p.limit)} 行`,
    en: (p) => `the sheet "${p.sheet}" would pass Excel's limit of ${grouped(p.limit)} rows`,
  },
  PACKAGE_TOO_LARGE: {
    zh: () => '工作簿将超过 4 GB 或 65,535 个部件，无法保存',
    en: () => 'the workbook would be larger than 4 GB or have more than 65,535 parts, and cannot be saved',
  },
  PART_INFLATES_TOO_LARGE: {
    zh: (p) => `${zhPart(p)}解压后超过上限 ${megabytes(p.limit)}`,
    en: (p) => `${enPart(p)} inflates to more than the limit of ${megabytes(p.limit)}`,
  },
  INFLATED_TOTAL_TOO_LARGE: {
    zh: (p) => `读到 ${zhPart(p)}时，解压后的内容合计已超过上限 ${megabytes(p.limit)}`,
    en: (p) => `its parts inflate to more than the limit of ${megabytes(p.limit)} in all (reached at ${enPart(p)})`,
  },
  SHEET_TOO_MANY_ROWS: {
    zh: (p) => `工作表“${p.sheet}”（${p.part}）超过上限 ${grouped(p.limit)} 行`,
    en: (p) => `the sheet "${p.sheet}" (${p.part}) has more than the limit of ${grouped(p.limit)} rows`,
  },
  SHEET_TOO_MANY_COLUMNS: {
    zh: (p) => `工作表“${p.sheet}”（${p.part}）超过上限 ${grouped(p.limit)} 列`,
    en: (p) => `the sheet "${p.sheet}" (${p.part}) has more than the limit of ${grouped(p.limit)} columns`,
  },
  TOO_MANY_CELLS: {
    zh: (p) => `读到工作表“${p.sheet}”（${p.part}）时，单元格合计已超过上限 ${grouped(p.limit)} 个`,
    en: (p) => `its sheets hold more than the limit of ${grouped(p.limit)} cells in all (reached in the sheet "${p.sheet}", ${p.part})`,
  },
  TOO_MANY_STRINGS: {
    zh: (p) => `${p.part} 中的共享字符串超过上限 ${grouped(p.limit)} 个`,
    en: (p) => `${p.part} holds more than the limit of ${grouped(p.limit)} shared strings`,
  },

  SHEET_MISSING: { whole: true, zh: (p, file) => `${file} 中没有名为“${p.sheet}”的工作表`, en: (p, file) => `${file} has no sheet named "${p.sheet}"` },

  FOLDER_MISSING: { zh: () => '文件夹不存在', en: () => 'the folder does not exist' },
  NOT_A_FOLDER: { zh: () => '路径中有一段不是文件夹', en: () => 'part of the path is not a folder' },
  NO_PERMISSION: { zh: () => '没有权限', en: () => 'permission denied' },
  IS_A_FOLDER: { zh: () => '它是文件夹', en: () => 'it is a folder' },
  DISK_FULL: { zh: () => '磁盘已满', en: () => 'the disk is full' },
  READ_ONLY: { zh: () => '磁盘是只读的', en: () => 'the disk is read-only' },
  FILE_BUSY: { zh: () => '文件正被其他程序使用（是否在 Excel 中打开着？）', en: () => 'the file is in use by another program (is it open in Excel?)' },
  NAME_TOO_LONG: { zh: () => '文件名或路径太长', en: () => 'the file name or path is too long' },
  LINK_LOOP: { zh: () => '路径中的快捷方式（符号链接）绕成了圈', en: () => 'the path goes round a loop of symbolic links' },
  OS_ERROR: { zh: (p) => `系统错误 ${p.os}`, en: (p) => `system error ${p.os}` },

  EXCEL_ADD_SHEETS: { zh: (p) => `Excel 未能添加工作表${zhList(p.sheets)}${zhExcel(p)}`, en: (p) => `Excel could not add the sheets ${enList(p.sheets)}${enExcel(p)}` },
  EXCEL_ADD_ROWS: { zh: (p) => `Excel 未能向工作表“${p.sheet}”添加行${zhExcel(p)}`, en: (p) => `Excel could not add rows to the sheet "${p.sheet}"${enExcel(p)}` },
  EXCEL_WRITE_CELLS: { zh: (p) => `Excel 未能向工作表“${p.sheet}”填写单元格${zhExcel(p)}`, en: (p) => `Excel could not fill cells of the sheet "${p.sheet}"${enExcel(p)}` },
  COLUMNS_IN_THE_WAY: {
    zh: (p) => `工作表“${p.sheet}”中要添加列的位置已有内容（${p.cell}），未作改动`,
    en: (p) => `the sheet "${p.sheet}" has something where the columns would go (${p.cell}); nothing was changed`,
  },
  EXCEL_ADD_COLUMNS: { zh: (p) => `Excel 未能向工作表“${p.sheet}”添加列${zhExcel(p)}`, en: (p) => `Excel could not add columns to the sheet "${p.sheet}"${enExcel(p)}` },
  EXCEL_ADD_NAMES: { zh: (p) => `Excel 未能添加名称${zhList(p.names)}${zhExcel(p)}`, en: (p) => `Excel could not add the names ${enList(p.names)}${enExcel(p)}` },
  EXCEL_MARKS: { zh: (p) => `Excel 未能在工作表“${p.sheet}”上标记问题${zhExcel(p)}`, en: (p) => `Excel could not mark the problems on the sheet "${p.sheet}"${enExcel(p)}` },
  EXCEL_WRITE_SHEET: { zh: (p) => `Excel 未能写入工作表“${p.sheet}”${zhExcel(p)}`, en: (p) => `Excel could not write the sheet "${p.sheet}"${enExcel(p)}` },
  REGENERATED_MEANWHILE: {
    whole: true,
    zh: (p, file) => `刚有人重新生成了${file}中的工作表“${p.sheet}”：请查看该表；如需按现在的数据再生成，请重试`,
    en: (p, file) => `someone just regenerated the sheet "${p.sheet}" in ${file}: look at it, or try again to regenerate it from the data as it is now`,
  },
  EXCEL_PIVOTS: { zh: (p) => `Excel 未能在工作表“${p.sheet}”上写入数据透视表${zhExcel(p)}`, en: (p) => `Excel could not write the PivotTables on the sheet "${p.sheet}"${enExcel(p)}` },
};

/** Every reason code, for the tests that trigger and word each one. */
export const FILE_ERROR_REASONS = Object.keys(REASONS) as ReadonlyArray<FileErrorReason>;

type CodeWords = (file: string, reason: string) => string;

// Each code's words around the file and the reason's words (reason: "：…" / ": …", or nothing).
const CODES: Record<FileErrorCode, { readonly zh: CodeWords; readonly en: CodeWords }> = {
  NOT_FOUND: { zh: (f, r) => `找不到文件 ${f}${r}`, en: (f, r) => `file not found: ${f}${r}` },
  NOT_A_FILE: { zh: (f) => `${f} 不是文件（是文件夹？）`, en: (f) => `${f} is not a file (a folder?)` },
  NOT_XLSX: { zh: (f, r) => `${f} 不是 Excel 工作簿（.xlsx）${r}`, en: (f, r) => `${f} is not an Excel workbook (.xlsx)${r}` },
  CORRUPT: {
    zh: (f, r) => `${f} 已损坏，无法读取${r}；请用 Excel 打开并另存一份后重试`,
    en: (f, r) => `${f} is damaged and cannot be read${r}; open it in Excel, save a fresh copy and try again`,
  },
  ENCRYPTED: {
    zh: (f) => `${f} 受密码保护或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx`,
    en: (f) => `${f} is password-protected or an old .xls file: remove the password or save it as .xlsx in Excel`,
  },
  TOO_LARGE: { zh: (f, r) => `${f} 太大，无法处理${r}`, en: (f, r) => `${f} is too large to process${r}` },
  READ_FAILED: { zh: (f, r) => `无法读取 ${f}${r}`, en: (f, r) => `cannot read ${f}${r}` },
  WRITE_FAILED: { zh: (f, r) => `无法写入 ${f}${r}`, en: (f, r) => `cannot write ${f}${r}` },
};

/** Every file error code, for recognising a failure by its shape (the pane's lazily loaded chunks). */
export const FILE_ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(CODES));

const UNCHANGED = { zh: '（原文件未改动）', en: ' (the original is unchanged)' };

/** A file failure in words: the code's, the reason's with its parameters, all in `lang`. `file` is
 *  the file's name or path, or the face's word for the workbook at hand. */
export function fileErrorMessage(failure: FileFailure, lang: Lang, file: string): string {
  const words = failure.reason ? (REASONS[failure.reason] as ReasonWords<object> | undefined) : undefined;
  const said = words ? words[lang](failure.params ?? {}, file) : '';
  const text = words?.whole ? said : CODES[failure.code][lang](file, said ? (lang === 'zh' ? `：${said}` : `: ${said}`) : '');
  return text + (failure.unchanged ? UNCHANGED[lang] : '');
}

/** What a use case turns down, and what each refusal names. */
export interface UseCaseParams {
  /** an as-of (now, generated-at) that is not a wall-clock date-time */
  readonly BAD_AS_OF: { readonly asOf: string };
  /** a period label that does not parse for the report's kind */
  readonly BAD_PERIOD: { readonly period: string };
  /** the workbook has no ticket sheet; the sheets it has */
  readonly NO_TICKETS: { readonly sheets: ReadonlyArray<string> };
  /** arrears and notices: the workbook has no charges sheet (应收); the sheets it has */
  readonly NO_CHARGES: { readonly sheets: ReadonlyArray<string> };
  /** notices asked to log reminders: the workbook has no reminder sheet (催缴记录); the sheets it has */
  readonly NO_REMINDERS: { readonly sheets: ReadonlyArray<string> };
  /** adopt: a sheet asked for that the workbook does not have */
  readonly ADOPT_NO_SHEET: { readonly sheet: string; readonly sheets: ReadonlyArray<string> };
  /** adopt: a sheet asked for that is not a register of any kind (and no --as) */
  readonly ADOPT_NOT_A_REGISTER: { readonly sheet: string };
  /** adopt: a column-choice file (--map) that is not a JSON object of header -> header or null */
  readonly BAD_MAP: { readonly file: string; readonly entry?: string };
  /** the workbook has none of the structured sheets (it was never set up); the sheets it has */
  readonly NOT_SET_UP: { readonly sheets: ReadonlyArray<string> };
  /** a sheet the request needs lacks required columns (headers in the sheet's language) */
  readonly MISSING_COLUMNS: { readonly sheet: string; readonly columns: ReadonlyArray<string> };
  /** a sheet the request needs has no header row in its first `rows` rows; `examples`: its first headers */
  readonly NO_HEADER: { readonly sheet: string; readonly rows: number; readonly examples: ReadonlyArray<string> };
  /** a report period that starts after the as-of (`asOf` as yyyy-mm-dd hh:mm) */
  readonly FUTURE_PERIOD: { readonly period: string; readonly asOf: string };
  /** callback plan: the workbook has no customer sheet to plan from; the sheets it has */
  readonly NO_CUSTOMERS: { readonly sheets: ReadonlyArray<string> };
  /** callback plan: calls are already recorded on `recorded` of the `planned` households of the quarter's plan sheet */
  readonly PLAN_STARTED: { readonly sheet: string; readonly recorded: number; readonly planned: number };
}

export type UseCaseCode = keyof UseCaseParams;

const USE_CASES: { readonly [C in UseCaseCode]: { readonly zh: Say<UseCaseParams[C]>; readonly en: Say<UseCaseParams[C]> } } = {
  BAD_AS_OF: {
    zh: (p) => `时间“${p.asOf}”无效，应如 2026-11-25T17:30`,
    en: (p) => `the time "${p.asOf}" is not valid; expected such as 2026-11-25T17:30`,
  },
  BAD_PERIOD: {
    zh: (p) => `期间“${p.period}”无效：日报如 2026-11-24，周报如 2026-W48，月报如 2026-11，季报如 2026-Q4`,
    en: (p) => `the period "${p.period}" is not valid: daily 2026-11-24, weekly 2026-W48, monthly 2026-11, quarterly 2026-Q4`,
  },
  NO_TICKETS: {
    zh: (p) => `工作簿中没有工单表${p.sheets.length ? `（现有工作表：${p.sheets.join('、')}）` : ''}，请先设置工作簿`,
    en: (p) => `the workbook has no ticket sheet${p.sheets.length ? ` (sheets: ${p.sheets.join(', ')})` : ''}; set the workbook up first`,
  },
  NO_CHARGES: {
    zh: (p) => `工作簿中没有应收表${p.sheets.length ? `（现有工作表：${p.sheets.join('、')}）` : ''}，无法计算欠费；请先设置工作簿`,
    en: (p) => `the workbook has no charges sheet${p.sheets.length ? ` (sheets: ${p.sheets.join(', ')})` : ''}, so there are no arrears to work out; set the workbook up first`,
  },
  NO_REMINDERS: {
    zh: (p) => `工作簿中没有催缴记录表${p.sheets.length ? `（现有工作表：${p.sheets.join('、')}）` : ''}，无法登记已发的通知单；请先设置工作簿`,
    en: (p) => `the workbook has no reminder sheet${p.sheets.length ? ` (sheets: ${p.sheets.join(', ')})` : ''} to log the notices in; set the workbook up first`,
  },
  ADOPT_NO_SHEET: {
    zh: (p) => `工作簿中没有工作表“${p.sheet}”${p.sheets.length ? `（现有工作表：${p.sheets.join('、')}）` : ''}`,
    en: (p) => `the workbook has no sheet "${p.sheet}"${p.sheets.length ? ` (sheets: ${p.sheets.join(', ')})` : ''}`,
  },
  ADOPT_NOT_A_REGISTER: {
    zh: (p) => `无法判断工作表“${p.sheet}”是哪种台账（工单、客户、应收或催缴记录）；请用 --as 指明`,
    en: (p) => `cannot tell what kind of register the sheet "${p.sheet}" is (tickets, customers, charges or reminders); say it with --as`,
  },
  BAD_MAP: {
    zh: (p) => `列对应文件“${p.file}”无法使用${p.entry === undefined ? '' : `（“${p.entry}”的值应为列名或 null）`}；应为 JSON 对象，如 {"登记日期": "受理时间", "序号": null}`,
    en: (p) => `the column-choice file "${p.file}" cannot be used${p.entry === undefined ? '' : ` (the value of "${p.entry}" should be a column name or null)`}; expected a JSON object such as {"登记日期": "受理时间", "序号": null}`,
  },
  NOT_SET_UP: {
    zh: (p) => `工作簿中没有任何结构化工作表${p.sheets.length ? `（现有工作表：${p.sheets.join('、')}）` : ''}，请先设置工作簿`,
    en: (p) => `the workbook has no structured sheet${p.sheets.length ? ` (sheets: ${p.sheets.join(', ')})` : ''}; set the workbook up first`,
  },
  MISSING_COLUMNS: {
    zh: (p) => `工作表“${p.sheet}”缺少必需的列：${p.columns.join('、')}（请在表头行添加这些列）`,
    en: (p) => `the sheet "${p.sheet}" lacks required columns (${p.columns.join(', ')}): add them to the header row`,
  },
  NO_HEADER: {
    zh: (p) => `工作表“${p.sheet}”的前 ${p.rows} 行中找不到表头行${p.examples.length ? `（如 ${p.examples.join('、')}…）` : ''}`,
    en: (p) => `the sheet "${p.sheet}" has no header row${p.examples.length ? ` (such as ${p.examples.join(', ')}, …)` : ''} in its first ${p.rows} rows`,
  },
  FUTURE_PERIOD: {
    zh: (p) => `期间“${p.period}”尚未开始（截至 ${p.asOf}）：请选择已开始的期间`,
    en: (p) => `the period "${p.period}" has not begun yet (as of ${p.asOf}): choose one that has`,
  },
  NO_CUSTOMERS: {
    zh: (p) => `工作簿中没有客户表${p.sheets.length ? `（现有工作表：${p.sheets.join('、')}）` : ''}，无法制定回访计划：请先设置工作簿并登记住户`,
    en: (p) => `the workbook has no customer sheet${p.sheets.length ? ` (sheets: ${p.sheets.join(', ')})` : ''} to plan callbacks from: set the workbook up and list the households first`,
  },
  PLAN_STARTED: {
    zh: (p) => `“${p.sheet}”中已有 ${p.recorded} 户登记了回访（共 ${p.planned} 户），计划未重新生成，保持原样`,
    en: (p) => `calls are already recorded for ${p.recorded} of the ${p.planned} households on "${p.sheet}": the plan was left as it is`,
  },
};

export const USE_CASE_CODES: ReadonlySet<string> = new Set(Object.keys(USE_CASES));

/** A use case's refusal in words, in `lang`. */
export function useCaseMessage(problem: { readonly code: UseCaseCode; readonly params: object }, lang: Lang): string {
  return (USE_CASES[problem.code][lang] as Say<object>)(problem.params);
}
