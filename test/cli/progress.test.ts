// The progress bar of a long read on the CLI (issue 15), in process: a stand-in for stderr (a
// terminal or not, so many columns wide) and a clock the test moves by hand, so nothing depends on
// how fast this machine reads. The reads are told as the file back end tells them: done 0 at the
// start, then stored bytes taken, then done = total at the end (workbook/file/progress.ts).
import { SingleBar } from 'cli-progress';
import { endProgress, progressBar, readingBar, SHOW_AFTER_MS } from '../../src/cli/progress';
import { displayWidth } from '../../src/cli/usage';

/** A one-line terminal: what the bar's writes leave on the line after each write. */
class FakeTerminal {
  readonly screens: string[] = [];
  private line = '';
  private column = 0;
  private saved = 0;

  constructor(
    readonly isTTY: boolean,
    readonly columns = 80,
  ) {}

  write(text: string): boolean {
    // the escapes cli-progress draws with: ESC 7 / ESC 8 (save, restore the cursor), CSI n G (to column n), CSI 0 K / 2 K (clear right, clear line)
    for (const token of text.match(/\x1b7|\x1b8|\x1b\[\d*[GK]|[^\x1b]+/g) ?? []) {
      if (token === '\x1b7') this.saved = this.column;
      else if (token === '\x1b8') this.column = this.saved;
      else if (/^\x1b\[\d*G$/.test(token)) this.column = Number(token.slice(2, -1) || 1) - 1;
      else if (token === '\x1b[0K' || token === '\x1b[K') this.line = [...this.line].slice(0, this.column).join('');
      else if (token === '\x1b[2K') this.line = '';
      else {
        const chars = [...this.line.padEnd(this.column)];
        chars.splice(this.column, token.length, ...token);
        this.line = chars.join('');
        this.column += [...token].length;
      }
    }
    this.screens.push(this.line);
    return true;
  }

  get shown(): string {
    return this.line;
  }
}

/** A clock the test sets. */
function clock() {
  const c = { ms: 0, now: () => c.ms };
  return c;
}

/** The bar line for `percent` at 40 columns of bar. */
const drawn = (label: string, percent: number, barsize = 40) => {
  const full = Math.round((percent / 100) * barsize);
  return `${label} ${'█'.repeat(full)}${'░'.repeat(barsize - full)} ${percent}%`;
};

afterEach(() => endProgress());

describe('the progress bar of a read', () => {
  it('is not drawn when stderr is not a terminal (a pipe, a file, captured output)', async () => {
    const pipe = new FakeTerminal(false);
    expect(await readingBar('/work/台账.xlsx', 'zh', { terminal: pipe })).toBeUndefined();
    expect(progressBar('读取 台账.xlsx', { terminal: pipe, now: clock().now, Bar: SingleBar })).toBeUndefined();
    expect(pipe.screens).toEqual([]);
  });

  it('shows nothing for a read that ends within a second', () => {
    const terminal = new FakeTerminal(true);
    const time = clock();
    const listen = progressBar('读取 demo.xlsx', { terminal, now: time.now, Bar: SingleBar })!;
    listen({ done: 0, total: 1000 });
    time.ms = 400;
    listen({ done: 500, total: 1000 });
    time.ms = SHOW_AFTER_MS - 1;
    listen({ done: 1000, total: 1000 });
    expect(terminal.screens).toEqual([]);
  });

  it('appears once the read has run a second, reaches 100% and is cleared when the read ends', () => {
    const terminal = new FakeTerminal(true);
    const time = clock();
    const listen = progressBar('读取 demo.xlsx', { terminal, now: time.now, Bar: SingleBar })!;
    listen({ done: 0, total: 1000 });
    time.ms = 600;
    listen({ done: 300, total: 1000 });
    expect(terminal.screens).toEqual([]);
    time.ms = 1000;
    // 400 of 1000 stored bytes = 40%: 16 of the bar's 40 columns
    listen({ done: 400, total: 1000 });
    expect(terminal.shown).toBe(drawn('读取 demo.xlsx', 40));
    time.ms = 1500;
    listen({ done: 800, total: 1000 });
    time.ms = 2500;
    listen({ done: 1000, total: 1000 });
    expect(terminal.screens).toContain(drawn('读取 demo.xlsx', 100));
    // cleared: the line is empty, the cursor at its start, no newline left behind
    expect(terminal.shown).toBe('');
    expect(terminal.screens.join('')).not.toContain('\n');
  });

  it('is said in the user\'s language and names the file, not its folder', async () => {
    for (const [lang, label] of [
      ['zh', '读取 台账.xlsx'],
      ['en', 'reading 台账.xlsx'],
    ] as const) {
      const terminal = new FakeTerminal(true);
      const time = clock();
      const listen = (await readingBar('/srv/desk/台账.xlsx', lang, { terminal, now: time.now }))!;
      listen({ done: 0, total: 200 });
      time.ms = 1200;
      // 50 of 200 = 25%: 10 of 40 columns
      listen({ done: 50, total: 200 });
      expect(terminal.shown).toBe(drawn(label, 25));
      listen({ done: 200, total: 200 });
      expect(terminal.shown).toBe('');
    }
  });

  it('fits a narrow terminal: the bar shrinks so the line never reaches the last column', () => {
    const terminal = new FakeTerminal(true, 40);
    const time = clock();
    const listen = progressBar('读取 demo.xlsx', { terminal, now: time.now, Bar: SingleBar })!;
    listen({ done: 0, total: 10 });
    time.ms = 1000;
    listen({ done: 5, total: 10 });
    // "读取 demo.xlsx" takes 14 columns; 40 − 14 − 7 = 19 columns of bar; the line takes 39
    expect(terminal.shown).toBe(drawn('读取 demo.xlsx', 50, 19));
    listen({ done: 10, total: 10 });
    for (const screen of terminal.screens) expect(displayWidth(screen)).toBeLessThan(40);
  });

  it('takes a terminal that does not say its width (0 columns, as under script) as 80 columns wide', () => {
    const terminal = new FakeTerminal(true, 0);
    const time = clock();
    const listen = progressBar('读取 demo.xlsx', { terminal, now: time.now, Bar: SingleBar })!;
    listen({ done: 0, total: 4 });
    time.ms = 1000;
    listen({ done: 1, total: 4 });
    expect(terminal.shown).toBe(drawn('读取 demo.xlsx', 25));
    listen({ done: 4, total: 4 });
  });

  it('times each read of a workbook on its own: a short read after a long one shows nothing', () => {
    const terminal = new FakeTerminal(true);
    const time = clock();
    const listen = progressBar('读取 demo.xlsx', { terminal, now: time.now, Bar: SingleBar })!;
    listen({ done: 0, total: 100 });
    time.ms = 1100;
    listen({ done: 50, total: 100 });
    listen({ done: 100, total: 100 });
    const drawnSoFar = terminal.screens.length;
    // the second read starts 1.1 s after the first began and ends 0.2 s later
    listen({ done: 0, total: 100 });
    time.ms = 1300;
    listen({ done: 100, total: 100 });
    expect(terminal.screens.length).toBe(drawnSoFar);
  });

  it('is cleared when a read fails midway, before the failure is said', () => {
    const terminal = new FakeTerminal(true);
    const time = clock();
    const listen = progressBar('读取 demo.xlsx', { terminal, now: time.now, Bar: SingleBar })!;
    listen({ done: 0, total: 100 });
    time.ms = 2000;
    listen({ done: 30, total: 100 });
    expect(terminal.shown).toBe(drawn('读取 demo.xlsx', 30));
    // the read threw: cli/command.ts ends the bar before the message is printed
    endProgress();
    expect(terminal.shown).toBe('');
  });
});
