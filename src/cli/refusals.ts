// A write the command line turns down on purpose, to keep a promise the file makes (read-only, a pipe,
// hard links), another writer's lock, or a change someone made since the file was read. Worded from
// strings.ts in the user's language (run() in main.ts prints it, exit 2); the message is the English.
import { Lang } from '../domain/enums';
import { StringKey, t } from './strings';

export class WriteRefused extends Error {
  constructor(
    readonly key: StringKey,
    readonly vars: Readonly<Record<string, string | number>>,
  ) {
    super(t('en', key, { ...vars }));
    this.name = 'WriteRefused';
  }

  words(lang: Lang): string {
    return t(lang, this.key, { ...this.vars });
  }
}
