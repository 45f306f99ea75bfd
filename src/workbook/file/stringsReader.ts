// The shared-strings part, streamed into the table of strings the cells of t="s" point into.
import { StringItem, NAMES, TAG } from './stringItem';
import { XmlHandler, XmlTokenizer } from './xmlTokens';

export class StringsScanner implements XmlHandler {
  /** `entry`: told of every <si>, as scan.ts's stringsScanner tells the meter */
  constructor(private readonly entry: () => void = () => undefined) {}

  readonly strings: string[] = [];
  /** the part holds markup this reader does not read: SheetJS reads the workbook instead */
  unreadable = false;
  private readonly item = new StringItem();
  private inItem = false;
  private readonly tokens = new XmlTokenizer(NAMES, this);

  get capturing(): boolean {
    return this.inItem && this.item.capturing;
  }

  push(chunk: Uint8Array): void {
    if (!this.unreadable) this.tokens.push(chunk);
  }

  start(which: number, _bytes: Uint8Array, _from: number, _to: number, empty: boolean): void {
    if (which === TAG.si) {
      this.entry();
      if (this.inItem) return this.unsupported();
      if (empty) {
        this.strings.push('');
        return;
      }
      this.inItem = true;
      this.item.begin();
    } else if (this.inItem) this.item.start(which, empty);
  }

  end(which: number): void {
    if (!this.inItem) return;
    if (which !== TAG.si) return this.item.end(which);
    this.inItem = false;
    const text = this.item.finish();
    if (text === undefined) return this.unsupported();
    this.strings.push(text);
  }

  text(bytes: Uint8Array, from: number, to: number): void {
    this.item.add(bytes, from, to);
  }

  unsupported(): void {
    this.unreadable = true;
  }
}
