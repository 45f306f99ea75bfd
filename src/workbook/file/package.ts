// The parts of an .xlsx package: those read from the original zip (kept compressed until someone
// asks for their contents) and those this back end replaced or added (kept as UTF-8 chunks).
import { WorkbookError } from '../types';
import { concatBytes, fromUtf8, utf8 } from './bytes';
import { ReadBudget } from './limits';
import type { InflaterKind } from './inflate';
import { streamEntry } from './zipStream';
import { copiedEntry, deflatedEntry, entryData, OutEntry, readZip, storedEntry, writeZip, ZipArchive, ZipEntry } from './zip';

type PartSource = { readonly kind: 'zip'; readonly entry: ZipEntry } | { readonly kind: 'new'; readonly chunks: ReadonlyArray<Uint8Array> };

interface Part {
  readonly name: string;
  readonly source: PartSource;
}

/** Deflate level for changed parts: on a 79 MB sheet, level 1 took 1.2 s and gave 12.9 MB, level 6
 *  2.6 s and 9.0 MB (fflate, Node 20). Saving fast matters more here than 40% of a small file. */
const DEFLATE_LEVEL = 1;

/** Part names are case-insensitive in OPC. */
function key(name: string): string {
  return name.toLowerCase();
}

export class Package {
  private readonly parts = new Map<string, Part>();
  private readonly texts = new Map<string, string>();

  /** `budget`: what inflating this package's parts may cost (see limits.ts) */
  private constructor(
    private readonly archive: ZipArchive | null,
    readonly budget: ReadBudget,
  ) {
    if (!archive) return;
    for (const entry of archive.entries) {
      // OPC part names ignore case: two that differ only in case make the package ambiguous
      const other = this.parts.get(key(entry.name));
      if (other) {
        throw new WorkbookError('CORRUPT', { reason: 'PART_NAMES_CLASH', part: entry.name, other: other.name });
      }
      this.parts.set(key(entry.name), { name: entry.name, source: { kind: 'zip', entry } });
    }
  }

  static fromZip(bytes: Uint8Array, budget = new ReadBudget()): Package {
    return new Package(readZip(bytes), budget);
  }

  static empty(): Package {
    return new Package(null, new ReadBudget());
  }

  has(name: string): boolean {
    return this.parts.has(key(name));
  }

  /** The part's name as stored (its case may differ from the name asked for). */
  nameOf(name: string): string | undefined {
    return this.parts.get(key(name))?.name;
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /**
   * A part's contents. A part from the original zip is inflated under the budget; `sheet` names the
   * sheet whose part it is (for the words of an error), `onChunk` sees its bytes as they come.
   */
  bytes(name: string, options: { readonly sheet?: string; readonly onChunk?: (chunk: Uint8Array) => void; readonly onRaw?: (bytes: number) => void } = {}): Uint8Array {
    const part = this.parts.get(key(name));
    if (!part) throw new Error(`no part ${name}`);
    if (part.source.kind === 'new') {
      const bytes = concatBytes(part.source.chunks);
      options.onChunk?.(bytes);
      options.onRaw?.(bytes.length);
      return bytes;
    }
    if (!this.archive) throw new Error('no archive');
    const place = options.sheet === undefined ? { part: part.name } : { part: part.name, sheet: options.sheet };
    return entryData(this.archive, part.source.entry, { ...options, meter: this.budget.inflating(place) });
  }

  /**
   * A part's contents a chunk at a time, never whole: inflated under the budget as `bytes` does,
   * each chunk handed to `onChunk` (what it throws is said after the part's CRC).
   */
  async stream(
    name: string,
    options: { readonly sheet?: string; readonly onChunk: (chunk: Uint8Array) => void; readonly onRaw?: (bytes: number) => void; readonly inflater?: InflaterKind; readonly chunkSize?: number },
  ): Promise<void> {
    const part = this.parts.get(key(name));
    if (!part) throw new Error(`no part ${name}`);
    if (part.source.kind === 'new') {
      const step = options.chunkSize ?? 64 * 1024;
      for (const chunk of part.source.chunks) {
        for (let at = 0; at < chunk.length; at += step) options.onChunk(chunk.subarray(at, Math.min(chunk.length, at + step)));
        options.onRaw?.(chunk.length);
      }
      return;
    }
    if (!this.archive) throw new Error('no archive');
    const place = options.sheet === undefined ? { part: part.name } : { part: part.name, sheet: options.sheet };
    await streamEntry(this.archive, part.source.entry, { ...options, meter: this.budget.inflating(place) });
  }

  /** The bytes a part takes as stored: compressed in the zip, or its new contents. */
  storedSize(name: string): number {
    const part = this.parts.get(key(name));
    if (!part) return 0;
    return part.source.kind === 'zip' ? part.source.entry.compressedSize : part.source.chunks.reduce((n, c) => n + c.length, 0);
  }

  /** A part's contents as text; cached, because the small parts are read again and again. */
  text(name: string): string {
    const k = key(name);
    let text = this.texts.get(k);
    if (text === undefined) {
      text = fromUtf8(this.bytes(name));
      this.texts.set(k, text);
    }
    return text;
  }

  setText(name: string, text: string): void {
    this.setChunks(name, [utf8(text)]);
    this.texts.set(key(name), text);
  }

  /** Drops a part from the package (its relationships and content type are the caller's). */
  remove(name: string): void {
    this.parts.delete(key(name));
    this.texts.delete(key(name));
  }

  setChunks(name: string, chunks: ReadonlyArray<Uint8Array>): void {
    const k = key(name);
    const stored = this.parts.get(k)?.name ?? name;
    this.parts.set(k, { name: stored, source: { kind: 'new', chunks } });
    this.texts.delete(k);
  }

  /**
   * The package as a zip. Untouched parts are copied as their compressed bytes. `store` leaves new
   * parts uncompressed (for a throwaway archive); `include` selects parts. [Content_Types].xml goes
   * first, as Office writes it (some readers look for it there); the rest keep their order.
   */
  toZip(options: { store?: boolean; include?: (name: string) => boolean } = {}): Uint8Array {
    const entries: OutEntry[] = [];
    const first = key('[Content_Types].xml');
    const ordered = [...this.parts.entries()].sort(([a], [b]) => Number(b === first) - Number(a === first)).map(([, part]) => part);
    for (const part of ordered) {
      if (options.include && !options.include(part.name)) continue;
      const s = part.source;
      if (s.kind === 'zip') entries.push(copiedEntry(this.archive as ZipArchive, s.entry));
      else entries.push(options.store ? storedEntry(part.name, s.chunks) : deflatedEntry(part.name, s.chunks, DEFLATE_LEVEL));
    }
    return writeZip(entries);
  }
}
