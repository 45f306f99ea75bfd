// A read's progress as a bar on the terminal (issue 15): on stderr, only when it is a terminal (never
// in a pipe, a file or a test's captured output), drawn by cli-progress once a read has run for a
// second (a short read shows nothing), and cleared when the read ends. The file back end says how
// far each read has come (workbook/file/progress.ts); this draws it.
import * as path from 'node:path';
import type { SingleBar } from 'cli-progress';
import type { Lang } from '../domain/enums';
import type { ProgressListener } from '../workbook/file/progress';
import { t } from './strings';
import { displayWidth } from './usage';

/** Where a bar is drawn: process.stderr, or a test's stand-in for it. */
export interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

/** How long a read runs before its bar appears. */
export const SHOW_AFTER_MS = 1000;

const WIDEST_BAR = 40;
const NARROWEST_BAR = 10;

export interface BarOptions {
  readonly terminal: Terminal;
  /** milliseconds, from any origin */
  readonly now: () => number;
  /** cli-progress's bar (loaded by the caller, only for a terminal) */
  readonly Bar: typeof SingleBar;
}

/** The bar on the screen, if any: a command that fails mid-read clears it before saying why. */
let shown: SingleBar | null = null;

/** Clears the bar of a read that did not end (it failed): the next line starts on a clean line. */
export function endProgress(): void {
  shown?.stop();
  shown = null;
}

/**
 * A listener that draws each read as a bar labelled `label` on `terminal`, once that read has run
 * SHOW_AFTER_MS, and clears it when the read ends. The reads it hears are synchronous, so the bar
 * is drawn from the listener's calls (at most ~200 a read), not from a timer.
 */
export function progressBar(label: string, { terminal, now, Bar }: BarOptions): ProgressListener | undefined {
  if (!terminal.isTTY) return undefined;
  // a terminal that does not say its width (0, as under script(1) with no window) is taken as 80
  const columns = terminal.columns || 80;
  // label, a space, the bar, a space, "100%", and one column spare so the line never wraps
  const barsize = Math.max(NARROWEST_BAR, Math.min(WIDEST_BAR, columns - displayWidth(label) - 7));
  let startedAt = 0;
  let bar: SingleBar | null = null;
  const stop = () => {
    bar?.stop();
    if (shown === bar) shown = null;
    bar = null;
  };
  return ({ done, total }) => {
    if (done === 0) {
      // a read begins (the last one, if its bar is still up, ended without saying so)
      stop();
      startedAt = now();
    }
    if (done >= total) {
      bar?.update(total);
      stop();
    } else if (bar) {
      bar.update(done);
    } else if (now() - startedAt >= SHOW_AFTER_MS) {
      bar = new Bar({
        stream: terminal as NodeJS.WritableStream,
        format: '{label} {bar} {percentage}%',
        barsize,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        clearOnComplete: true,
        // nothing of the terminal's state changes: a kill mid-read leaves the cursor and wrapping as they were
        hideCursor: false,
        linewrap: true,
        gracefulExit: false,
      });
      bar.start(total, done, { label });
      shown = bar;
    }
  };
}

/** The bar of reading `file` on stderr (or `terminal`), in `lang`, when it is a terminal; none
 *  otherwise, and then cli-progress is not even loaded. */
export async function readingBar(file: string, lang: Lang, { terminal = process.stderr, now = () => performance.now() }: Partial<Omit<BarOptions, 'Bar'>> = {}): Promise<ProgressListener | undefined> {
  if (!terminal.isTTY) return undefined;
  const { SingleBar } = await import('cli-progress');
  return progressBar(t(lang, 'reading', { file: path.basename(file) }), { terminal, now, Bar: SingleBar });
}
