// Which sheets the add-in may replace: a generated sheet (report, KPI, plan, notices, to-do) carries
// a marker the add-in owns, and only a sheet that carries it, or was written before markers existed
// and still opens with the same title, is replaced. A clerk's own sheet of that name is kept as it is
// and the report goes to the first free name `月报 2026-10 (2)`, `(3)`, …
//
// The marker is a hidden defined name scoped to the sheet, `_dk_generated`, whose value is the text
// of the sheet's name when the add-in wrote it (`="月报 2026-10"`): in files a <definedName
// localSheetId hidden="1">, in Excel `worksheet.names` (ExcelApi 1.4). Excel copies sheet-scoped
// names with a sheet, but a copy gets a new name (`月报 2026-10 (2)`) that no longer matches the
// marker's value, and a sheet the clerk renamed stops matching too: both are the clerk's from then on.
// The residual risk: a clerk who copies one of our sheets into a workbook where the name is free, or
// renames their copy back to the exact name written in the marker, or types the hidden name by hand,
// makes a sheet that counts as ours.
import { Cell } from './types';

/** The sheet-scoped defined name that marks a sheet the add-in generated. */
export const GENERATED_MARK = '_dk_generated';

/** The marker's formula, as Excel's name manager shows it: the sheet's name as text. */
export function generatedMarkFormula(sheetName: string): string {
  return `="${sheetName.replace(/"/g, '""')}"`;
}

/** Whether a marker's formula (with or without its leading '=') marks the sheet called `sheetName`. */
export function marksSheet(formula: string | null | undefined, sheetName: string): boolean {
  if (formula === null || formula === undefined) return false;
  const f = formula.trim().replace(/^=/, '');
  const m = /^"((?:[^"]|"")*)"$/.exec(f);
  return m !== null && m[1].replace(/""/g, '"').toLocaleLowerCase() === sheetName.toLocaleLowerCase();
}

/**
 * A sheet written by a version before markers: it is taken as ours when its first cell holds the
 * same text as the new sheet's first cell (the report's title, which names the kind, the period and
 * the centre). Anything else (another title, a clerk's data, an empty A1) is the clerk's.
 */
export function sameTitle(oldFirstCell: Cell | undefined, newFirstCell: Cell | undefined): boolean {
  return typeof oldFirstCell === 'string' && typeof newFirstCell === 'string' && oldFirstCell.trim() !== '' && oldFirstCell.trim() === newFirstCell.trim();
}

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** The k-th name for a report whose own name is taken (k ≥ 2): `月报 2026-10 (2)`, shortened to fit 31 characters. */
export function numberedSheetName(name: string, k: number): string {
  const suffix = ` (${k})`;
  return `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
}

/**
 * Where a generated sheet goes: its own name when that is free or ours, else the first of
 * `NAME (2)`, `NAME (3)`, … that is free or ours. `ours(name)` says, for a sheet that exists
 * (names compare without regard to case), whether it is ours.
 */
export function generatedTarget(name: string, exists: (name: string) => boolean, ours: (name: string) => boolean): string {
  for (let k = 1; ; k++) {
    const candidate = k === 1 ? name : numberedSheetName(name, k);
    if (!exists(candidate) || ours(candidate)) return candidate;
  }
}

/** The names generatedTarget may look at, of those that exist: the report's own and its numbered ones. */
export function takenCandidates(name: string, existing: ReadonlyArray<string>): string[] {
  const lower = new Set(existing.map((n) => n.toLocaleLowerCase()));
  const out: string[] = [];
  for (let k = 1; ; k++) {
    const candidate = k === 1 ? name : numberedSheetName(name, k);
    if (!lower.has(candidate.toLocaleLowerCase())) return out;
    out.push(candidate);
  }
}
