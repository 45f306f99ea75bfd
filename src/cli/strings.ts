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
  marked: { zh: '已在 {file} 中标记问题单元格', en: 'marked the problem cells in {file}' },
  reportWritten: { zh: '已生成「{sheet}」并写入 {file}', en: 'wrote the sheet "{sheet}" into {file}' },
  reportBuilt: { zh: '已生成「{sheet}」（未写入文件）', en: 'built "{sheet}" (not written)' },
  reportUnreadable: {
    zh: '注意：有 {n} 个单元格无法读取，报表未计入这些值；运行 deskbook validate {file} 查看',
    en: 'note: {n} cells could not be read and are left out of the report; run deskbook validate {file} to see them',
  },
  usage: { zh: '用法错误：{detail}', en: 'usage error: {detail}' },
  internal: { zh: '内部错误：{detail}（请报告此问题；设置 DESKBOOK_DEBUG=1 可查看详情）', en: 'internal error: {detail} (please report it; set DESKBOOK_DEBUG=1 for details)' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  let s: string = STRINGS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
