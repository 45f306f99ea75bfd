// deskbook demo: a generated sample center written to a new workbook (or as hand-kept registers).
import { writeLegacySample, writeSample } from '../app/sample';
import type { Lang } from '../domain/enums';
import { FileWorkbook } from '../workbook/file';
import { keepExisting } from './command';
import { EXIT, Io } from './exit';
import { beginWrite, writeThrough } from './files';
import { t } from './strings';

export interface DemoOptions {
  out: string;
  seed?: number;
  units?: number;
  months?: number;
  tickets?: number;
  asOf?: string;
  lang?: Lang;
  plant: boolean;
  json?: boolean;
  force?: boolean;
  legacy?: boolean;
}

export async function runDemo(io: Io, opts: DemoOptions): Promise<number> {
  const lang = opts.lang ?? 'zh';
  // a clerk's workbook under the same name is kept: the sample replaces it only when asked
  keepExisting(lang, opts.out, opts);
  const writing = await beginWrite(opts.out);
  const wb = FileWorkbook.create();
  if (opts.legacy) {
    const legacy = await writeLegacySample(wb, { lang, seed: opts.seed, units: opts.units, months: opts.months, tickets: opts.tickets, asOf: opts.asOf, plant: opts.plant });
    writeThrough(writing, wb.toBytes());
    if (opts.json) io.out(JSON.stringify({ file: opts.out, lang, legacy: true, sheets: legacy.sheets, planted: legacy.planted }, null, 2));
    else io.out(t(lang, 'wroteLegacy', { file: opts.out, list: legacy.sheets.join(lang === 'zh' ? '、' : ', ') }));
    return EXIT.OK;
  }
  const written = await writeSample(wb, {
    lang,
    seed: opts.seed,
    units: opts.units,
    months: opts.months,
    tickets: opts.tickets,
    asOf: opts.asOf,
    plant: opts.plant,
  });
  writeThrough(writing, wb.toBytes());
  const rows = Object.fromEntries(written.status.sheets.map((s) => [s.key, s.rows]));
  if (opts.json) {
    io.out(JSON.stringify({ file: opts.out, lang, sheets: written.status.sheets, planted: written.planted }, null, 2));
  } else {
    io.out(t(lang, 'sampleCounts', rows));
    if (written.planted.length) io.out(t(lang, 'planted', { n: written.planted.length }));
    io.out(t(lang, 'wrote', { file: opts.out }));
  }
  return EXIT.OK;
}
