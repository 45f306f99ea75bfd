// The text of a string item: a shared string's <si> or an inline string's <is>. Read as SheetJS
// reads it, so the two readers agree: a plain <t> is the text; rich text is its runs' <t> joined;
// phonetic runs (<rPh>, the furigana over Japanese text) are left out.
import { TextBuffer } from './textBuffer';

/** The local names the streaming reader's scanners look for, in this order (the tokenizer's `which`). */
export const NAMES = ['c', 'row', 'v', 'is', 't', 'r', 'rPh', 'f', 'si', 'sheetData'] as const;
export const TAG = { c: 0, row: 1, v: 2, is: 3, t: 4, r: 5, rPh: 6, f: 7, si: 8, sheetData: 9 } as const;

export class StringItem {
  private readonly text = new TextBuffer();
  /** the first element inside the item (-2: none yet) */
  private first = -2;
  private runs = false;
  private phonetic = 0;
  private inT = false;
  /** a plain item's first <t> has been read: nothing after it counts */
  private done = false;

  begin(): void {
    this.text.clear();
    this.first = -2;
    this.runs = false;
    this.phonetic = 0;
    this.inT = false;
    this.done = false;
  }

  get capturing(): boolean {
    return this.inT;
  }

  start(which: number, empty: boolean): void {
    if (this.first === -2) this.first = which;
    if (which === TAG.r) this.runs = true;
    else if (which === TAG.rPh) {
      if (!empty) this.phonetic++;
    } else if (which === TAG.t && !empty && this.phonetic === 0 && !this.done) this.inT = true;
  }

  end(which: number): void {
    if (which === TAG.rPh) this.phonetic = Math.max(0, this.phonetic - 1);
    else if (which === TAG.t && this.inT) {
      this.inT = false;
      if (this.first === TAG.t) this.done = true;
    }
  }

  add(bytes: Uint8Array, from: number, to: number): void {
    this.text.add(bytes, from, to);
  }

  /** The item's text; undefined for an item that is neither a plain string nor runs. */
  finish(): string | undefined {
    if (this.first === -2) return '';
    if (this.first !== TAG.t && !this.runs) return undefined;
    return this.text.text();
  }
}
