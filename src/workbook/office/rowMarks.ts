// Row colours in Excel (the due layer of ../marks.ts): column A of the data sheet's very-hidden due
// mark sheet holds "4|<key>" (overdue) or "3|<key>" (due soon) on the row it colours, and two
// conditional formats on the data sheet read it. Only the rows whose text differs from what the mark
// sheet holds are written, so a refresh that finds the same colours writes nothing (no change for
// co-authors to merge). Syncs, whatever the number of rows: 1 probe (the data sheet, its rules, the
// mark sheet's existence), 1 read of the mark sheet when it exists, 1 write when something differs
// (more only for changes heavier than one sync's payload budget): 2 for a refresh that changes
// nothing, 3 for one that does, 2 the first time.
import { RowMark, RowMarkSet } from '../types';
import { addressOrigin } from '../a1';
import { DUE_MARKS, markSheetName, parseMarkCell, rowMarkTexts, rowRuns, rulesToAdd } from '../marks';
import { noSuchSheet, syncOrSayMissing, writeFailed } from './errors';
import { queueMarkProbe, queueMarkSetUp } from './marks';
import { isOurs, OfficeSession } from './session';
import { writeInSyncs, writeJob } from './write';

/** What column A of the due mark sheet holds now, by 0-based row (read only when the sheet is ours). */
async function readColumnA(session: OfficeSession, markSheet: string): Promise<Map<number, string>> {
  const used = session.context.workbook.worksheets.getItem(markSheet).getUsedRangeOrNullObject(true);
  used.load('address,values');
  await session.sync();
  const texts = new Map<number, string>();
  if (used.isNullObject) return texts;
  const origin = addressOrigin(used.address);
  if (origin.col !== 0) return texts;
  used.values.forEach((row, i) => {
    const value = row[0];
    if (value !== '' && value !== null && value !== undefined) texts.set(origin.row + i, String(value));
  });
  return texts;
}

/** Replaces the row colours of a sheet; true when anything was written. */
export async function setRowMarks(session: OfficeSession, sheetName: string, { keyCol, marks }: RowMarkSet): Promise<boolean> {
  const wanted = rowMarkTexts(marks);
  const sheet = session.context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load('name,visibility');
  const read = queueMarkProbe(session.context, sheet, sheetName, DUE_MARKS);
  const synced = await syncOrSayMissing(session, [sheetName]);
  if (!synced.ok) throw synced.missing.length > 0 ? noSuchSheet(sheetName) : synced.error;
  if (sheet.isNullObject || isOurs(sheet)) throw noSuchSheet(sheetName);
  const probe = read();
  if (probe.markSheet === 'absent' && wanted.size === 0) return false;
  const name = markSheetName(sheetName, DUE_MARKS);
  if (probe.markSheet === 'foreign') {
    throw new Error(`The sheet "${name}" exists and is not a mark sheet of the add-in; the row colours of "${sheetName}" cannot be shown.`);
  }

  const current = probe.markSheet === 'ours' ? await readColumnA(session, name) : new Map<number, string>();
  const differing = [...new Set([...current.keys(), ...wanted.keys()])].filter((row) => (current.get(row) ?? '') !== (wanted.get(row) ?? ''));
  const rulesChange = rulesToAdd(DUE_MARKS, probe.rules, keyCol).length > 0 || probe.rules.some((r) => r.keyCol !== keyCol);
  if (differing.length === 0 && !rulesChange) return false;

  try {
    const markSheet = queueMarkSetUp(session.context, sheetName, probe, keyCol, DUE_MARKS);
    // each run of differing rows written as it should be: a mark, or "" (cleared)
    const jobs = rowRuns(differing).map((run) =>
      writeJob(
        Array.from({ length: run.count }, (_, i) => [wanted.get(run.start + i) ?? '']),
        (chunk, start) => {
          markSheet.getRangeByIndexes(run.start + start, 0, chunk.length, 1).values = chunk;
        },
      ),
    );
    await writeInSyncs(session, jobs, session.budget);
  } catch (error) {
    throw writeFailed({ reason: 'EXCEL_MARKS', sheet: sheetName }, error);
  }
  return true;
}

/** The row colours of a sheet, read back from its due mark sheet (for tests and diagnostics). */
export async function readRowMarks(session: OfficeSession, sheetName: string): Promise<RowMark[]> {
  const sheets = session.context.workbook.worksheets.load('items/name,items/visibility');
  await session.sync();
  const name = markSheetName(sheetName, DUE_MARKS);
  if (!sheets.items.some((s) => s.name.toLowerCase() === name.toLowerCase() && s.visibility === 'VeryHidden')) return [];
  const texts = await readColumnA(session, name);
  return [...texts.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([row, text]) => {
      const mark = parseMarkCell(DUE_MARKS, text);
      return mark ? [{ row, state: mark.state, key: mark.key }] : [];
    });
}
