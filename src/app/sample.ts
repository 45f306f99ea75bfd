// The sample center: a generated property-management desk written into a set-up workbook. The CLI's
// `demo` and the task pane's "load the built-in sample" both come through here.
import { Lang } from '../domain/enums';
import { generateSample, SampleOptions } from '../domain/sample';
import { legacySheets } from '../domain/sample/legacy';
import { defaultSettings } from '../domain/settings';
import { formatWallIso } from '../domain/time';
import { Workbook } from '../workbook/types';
import { todayAt } from './clock';
import { parseAsOf } from './problem';
import { SetupResult, setUpWorkbook } from './setup';

export type SampleRequest = Omit<SampleOptions, 'asOf' | 'lang'> & { readonly asOf?: string; readonly lang?: Lang };

export interface SampleWritten extends SetupResult {
  /** the sample's deliberate data-entry problems, for people checking validation */
  readonly planted: ReturnType<typeof generateSample>['planted'];
}

/** Writes the sample center into `wb` (normally a new, empty workbook of whichever back end the face
 *  holds). Default as-of: today 17:30. */
export async function writeSample(wb: Workbook, request: SampleRequest = {}): Promise<SampleWritten> {
  const lang = request.lang ?? 'zh';
  const asOf = formatWallIso(parseAsOf(request.asOf ?? todayAt('17:30')));
  const sample = generateSample({ ...request, lang, asOf });
  const settings = { ...defaultSettings(lang), centerName: sample.centerName, contact: sample.contact, clerks: sample.clerks };
  const result = await setUpWorkbook(wb, {
    lang,
    settings,
    rows: { tickets: sample.tickets, customers: sample.customers, charges: sample.charges, reminders: sample.reminders },
  });
  return { ...result, planted: sample.planted };
}

export interface LegacySampleWritten {
  /** the hand-kept sheets written, in order */
  readonly sheets: ReadonlyArray<string>;
  readonly planted: ReturnType<typeof generateSample>['planted'];
}

/**
 * Writes the same sample center as a center keeps it by hand, before the add-in (one ticket sheet a
 * month, a customer register, a fee ledger and a reminder log under their own headers; see
 * domain/sample/legacy.ts), for trying `adopt` on. Plain sheets: no tables, no Settings.
 */
export async function writeLegacySample(wb: Workbook, request: SampleRequest = {}): Promise<LegacySampleWritten> {
  const lang = request.lang ?? 'zh';
  const asOf = formatWallIso(parseAsOf(request.asOf ?? todayAt('17:30')));
  const sample = generateSample({ ...request, lang, asOf });
  const sheets = legacySheets(sample);
  await wb.addSheets(
    sheets.map((s) => ({
      name: s.name,
      columns: s.rows[0].map((h) => ({ header: h === null ? '' : String(h) })),
      rows: s.rows.slice(1),
    })),
  );
  return { sheets: sheets.map((s) => s.name), planted: sample.planted };
}
