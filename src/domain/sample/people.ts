// Names and phone numbers for the sample. A name is drawn in both languages from the same random
// numbers, so the language of a sample changes its words and nothing else.
import { Lang } from '../enums';
import { Random, weighted } from './random';
import { LANDLINE_AREA, LANDLINE_SHARE, MOBILE_PREFIXES } from './tables';
import { FIRST_NAMES_EN, GIVEN_CHARS_ZH, HONORIFICS, LAST_NAMES_EN, SURNAMES_ZH, say } from './text';

const SURNAMES = weighted(SURNAMES_ZH);

export interface Person {
  readonly name: string;
  /** for 王先生 / Mr. Smith */
  readonly familyName: string;
}

const at = <T>(items: ReadonlyArray<T>, u: number): T => items[Math.floor(u * items.length)];

/** One person, named in both languages from the same four draws. */
export function personNames(rng: Random): Record<Lang, Person> {
  const family = rng.float();
  const first = rng.float();
  const second = rng.float();
  const third = rng.float();
  const surname = rng.drawAt(SURNAMES, family);
  const given = third < 0.3 ? at(GIVEN_CHARS_ZH, first) : at(GIVEN_CHARS_ZH, first) + at(GIVEN_CHARS_ZH, second);
  const last = at(LAST_NAMES_EN, family);
  return {
    zh: { name: surname + given, familyName: surname },
    en: { name: `${at(FIRST_NAMES_EN, first)} ${last}`, familyName: last },
  };
}

export function personName(rng: Random, lang: Lang): Person {
  return personNames(rng)[lang];
}

/** 王先生 / Ms. Smith: how a caller who is not on the register gives a name */
export function politeName(rng: Random, familyName: string, lang: Lang): string {
  const honorific = say(rng.pick(HONORIFICS), lang);
  return lang === 'zh' ? familyName + honorific : `${honorific} ${familyName}`;
}

function digits(rng: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

/** an 11-digit mobile number 1[3-9]xxxxxxxxx */
export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

/** mostly mobiles, a few landlines such as 021-58881234 */
export function phoneNumber(rng: Random): string {
  if (rng.chance(LANDLINE_SHARE)) return `${LANDLINE_AREA}-${rng.int(5, 6)}${digits(rng, 7)}`;
  return mobile(rng);
}
