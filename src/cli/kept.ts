// A clerk's sheet that held a generated sheet's name was kept as it was and the sheet written under
// `NAME (2)`…: every command that writes one says so, in its line and in its JSON.
import { Lang } from '../domain/enums';
import { t } from './strings';

interface Written {
  readonly keptSheet: string | null;
  readonly sheetName: string;
  /** false for a run that wrote nothing (--no-write): the line says where the sheet would go */
  readonly written?: boolean;
}

/** The line saying so, after the command's "wrote" line; nothing when the name was free or ours. */
export function sayKept(io: { out(line: string): void }, lang: Lang, written: Written): void {
  if (written.keptSheet !== null) io.out(t(lang, written.written === false ? 'sheetWouldKeep' : 'sheetKept', { kept: written.keptSheet, sheet: written.sheetName }));
}

/** The command's JSON with `sheet` (the name written) and `keptSheet` when a clerk's sheet was kept; as it was otherwise. */
export function withKept<J extends object>(json: J, written: Written): J | (J & { sheet: string; keptSheet: string }) {
  return written.keptSheet === null ? json : { ...json, sheet: written.sheetName, keptSheet: written.keptSheet };
}
