// Every string the task pane shows, in both languages. Problem messages about the clerk's data come
// from the app layer (domain/messages.ts); these are the pane's own labels and the messages for a file
// that cannot be opened at all.
import type { Lang } from '../domain/enums';
import type { SheetKey } from '../domain/schema';
import type { PeriodKind } from './backend';
import { en } from './i18n.en';
import type { Strings } from './i18n.strings';
import { zh } from './i18n.zh';

export type { Strings } from './i18n.strings';

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

/**
 * The pane's language: a `?lang=en|zh` URL parameter wins; then the language the clerk chose with the
 * pane's switch (remembered in this browser); otherwise English when Office's display language
 * (inside Excel) or the browser's language (standalone) starts with "en"; Chinese otherwise.
 */
export function pickLang(opts: { search?: string; stored?: Lang | null; officeLanguage?: string; browserLanguage?: string }): Lang {
  const param = new URLSearchParams(opts.search ?? '').get('lang')?.trim().toLowerCase();
  if (param === 'en' || param === 'zh') return param;
  if (opts.stored === 'en' || opts.stored === 'zh') return opts.stored;
  const source = opts.officeLanguage ?? opts.browserLanguage ?? '';
  return source.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The sentence added to a "written" notice when a clerk's sheet held the generated sheet's name
 *  (empty otherwise): the faces always name the sheet actually written. */
export function keptNote(strings: Strings, lang: Lang, written: { readonly keptSheet: string | null; readonly sheetName: string }): string {
  return written.keptSheet === null ? '' : (lang === 'zh' ? '' : ' ') + strings.sheetKept(written.keptSheet, written.sheetName);
}
