// deskbook adopt: the registers a center already keeps, imported into the structured sheets. Parses,
// calls the use case (app/adopt.ts), prints; the file is written atomically, and not at all on a dry
// run or when nothing was new.
import * as fs from 'node:fs';
import { adoptWorkbook, AdoptResult, SheetAdoption } from '../app/adopt';
import { UseCaseProblem } from '../app/problem';
import type { ColumnChoices } from '../domain/adopt/detect';
import type { ValueMaps } from '../domain/adopt/rows';
import { Lang } from '../domain/enums';
import type { DataSheetKey } from '../domain/schema';
import { openWorkbookFile, saveIfChanged } from './files';

export interface AdoptOptions {
  readonly sheet?: string[];
  readonly as?: DataSheetKey;
  readonly map?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly lang?: Lang;
  readonly asOf?: string;
}

interface Io {
  out(line: string): void;
}

const REASONS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  blank: { zh: '空行', en: 'blank' },
  subtotal: { zh: '合计行', en: 'a total' },
  note: { zh: '说明', en: 'a note' },
  title: { zh: '标题', en: 'a title' },
  header: { zh: '重复的表头', en: 'the header again' },
  beside: { zh: '表格旁的内容', en: 'beside the table' },
  already: { zh: '已导入过', en: 'imported before' },
};

const KINDS: Readonly<Record<DataSheetKey, Readonly<Record<Lang, string>>>> = {
  tickets: { zh: '工单', en: 'tickets' },
  customers: { zh: '客户', en: 'customers' },
  charges: { zh: '应收', en: 'charges' },
  reminders: { zh: '催缴记录', en: 'reminders' },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The --map file: a JSON object of source header -> structured header or null; or
 * {"columns": {…that…}, "values": {"房屋状态": {"2001": "已入住"}}} with value maps for coded columns.
 */
function readChoices(file: string): { choices: ColumnChoices; values: ValueMaps } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new UseCaseProblem('BAD_MAP', { file });
  }
  if (!isObject(parsed)) throw new UseCaseProblem('BAD_MAP', { file });
  const structured = Object.keys(parsed).every((k) => k === 'columns' || k === 'values') && Object.values(parsed).every(isObject);
  const columns = structured ? ((parsed.columns as Record<string, unknown> | undefined) ?? {}) : parsed;
  for (const [k, v] of Object.entries(columns)) if (v !== null && typeof v !== 'string') throw new UseCaseProblem('BAD_MAP', { file, entry: k });
  const values = structured ? ((parsed.values as Record<string, unknown> | undefined) ?? {}) : {};
  for (const [k, m] of Object.entries(values)) {
    if (!isObject(m) || Object.values(m).some((w) => typeof w !== 'string')) throw new UseCaseProblem('BAD_MAP', { file, entry: k });
  }
  return { choices: columns as ColumnChoices, values: values as ValueMaps };
}

function sheetJson(s: SheetAdoption) {
  return { sheet: s.sheet, kind: s.kind, headerRow: s.headerRow, mapping: s.mapping, rows: s.rows, into: s.into, skipped: s.skippedRows, flagged: s.flaggedRows };
}

function printText(io: Io, lang: Lang, file: string, result: AdoptResult, dryRun: boolean): void {
  const zh = lang === 'zh';
  for (const s of result.sheets) {
    if (!s.kind) {
      io.out(zh ? `「${s.sheet}」：不是台账，未导入` : `"${s.sheet}": not a register; not imported`);
      continue;
    }
    const r = s.rows;
    io.out(
      zh
        ? `「${s.sheet}」→ ${s.into}（${KINDS[s.kind].zh}）：共 ${r.total} 行，导入 ${r.imported} 行（其中 ${r.flagged} 行有问题），跳过 ${r.skipped} 行`
        : `"${s.sheet}" -> ${s.into} (${KINDS[s.kind].en}): ${r.total} rows, ${r.imported} imported (${r.flagged} with problems), ${r.skipped} skipped`,
    );
    const mapped = Object.entries(s.mapping).map(([from, to]) => (to ? `${from}→${to}` : zh ? `${from}（保留原列）` : `${from} (kept as is)`));
    io.out(`  ${zh ? '列对应' : 'columns'}: ${mapped.join(zh ? '，' : ', ')}`);
    for (const k of s.skippedRows) io.out(zh ? `  跳过第 ${k.row} 行：${REASONS[k.reason][lang]}` : `  skipped row ${k.row}: ${REASONS[k.reason][lang]}`);
    for (const f of s.flaggedRows.slice(0, 50)) io.out(`  ! ${f.messages.join(zh ? '；' : '; ')}`);
  }
  if (dryRun) io.out(zh ? '试运行：未写入文件' : 'dry run: nothing written');
  else if (result.changed) io.out(zh ? `已写入 ${file}` : `wrote ${file}`);
  else io.out(zh ? '没有新的行，文件未改动' : 'no new rows; the file is unchanged');
}

/** Runs `deskbook adopt`; returns the exit code (1 when an imported row has problems). */
export async function runAdopt(io: Io, file: string, opts: AdoptOptions): Promise<number> {
  const map = opts.map ? readChoices(opts.map) : undefined;
  const read = await openWorkbookFile(file, { writeTo: opts.dryRun ? undefined : file });
  const result = await adoptWorkbook(read.workbook, { sheets: opts.sheet, as: opts.as, choices: map?.choices, values: map?.values, dryRun: opts.dryRun, lang: opts.lang, asOf: opts.asOf });
  if (!opts.dryRun && result.changed) saveIfChanged(file, read);
  const lang = opts.lang ?? 'zh';
  if (opts.json) io.out(JSON.stringify(result.sheets.map(sheetJson), null, 2));
  else printText(io, lang, file, result, !!opts.dryRun);
  return result.sheets.some((s) => s.rows.flagged > 0) ? 1 : 0;
}
