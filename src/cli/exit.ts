// What main.ts and the command modules share: the exit codes, where a command prints, and a refusal
// of the command line. Nothing here loads anything, so that help and usage errors stay quick.

export const EXIT = { OK: 0, PROBLEMS: 1, USAGE: 2, INTERNAL: 3 } as const;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** A refusal of this command line, before any work: one line in the user's words, exit 2. */
export class Refused extends Error {
  constructor(readonly words: string) {
    super(words);
    this.name = 'Refused';
  }
}
