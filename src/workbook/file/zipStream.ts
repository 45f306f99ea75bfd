// One zip entry streamed through a sink, under the same checks as zip.ts's entryData: the meter
// bounds what comes out, never more than the declared size, the CRC (known only at the end) checked
// over every byte; what the sink refused is said only after the CRC, since garbage from a broken
// stream can look like too many rows.
import { WorkbookError } from '../types';
import type { ByteMeter } from './limits';
import { rawData, ZipArchive, ZipEntry } from './zip';
import { availableInflaters, checksCrc, CHUNK_SIZE, crcUpdate, inflateRaw, InflaterKind } from './inflate';

export interface StreamOptions {
  readonly meter: ByteMeter;
  readonly sheet?: string;
  /** sees each inflated chunk; what it throws is said after the part's CRC */
  readonly onChunk: (chunk: Uint8Array) => void;
  readonly onRaw?: (bytes: number) => void;
  readonly inflater?: InflaterKind;
  /** stored entries are handed on this many bytes at a time */
  readonly chunkSize?: number;
}

export async function streamEntry(archive: ZipArchive, entry: ZipEntry, options: StreamOptions): Promise<void> {
  const place = options.sheet === undefined ? { part: entry.name } : { part: entry.name, sheet: options.sheet };
  const corrupt = (reason: 'ZIP_PART_BAD' | 'ZIP_PART_CRC' | 'ZIP_PART_UNREADABLE') => new WorkbookError('CORRUPT', { reason, ...place });
  const meter = options.meter;
  if (entry.size > meter.room) meter.add(entry.size);
  let refused: unknown;
  let size = 0;
  let crc = 0;
  const kind = options.inflater ?? availableInflaters()[0];
  // an inflater that checks the CRC itself (natively): not computed here a second time
  const native = entry.method !== 0 && checksCrc(kind);
  const take = (chunk: Uint8Array) => {
    if (size + chunk.length > entry.size) throw corrupt('ZIP_PART_BAD');
    meter.add(chunk.length);
    size += chunk.length;
    if (!native) crc = crcUpdate(crc, chunk);
    if (refused !== undefined) return;
    try {
      options.onChunk(chunk);
    } catch (e) {
      refused = e;
    }
  };
  const raw = rawData(archive, entry);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw corrupt('ZIP_PART_BAD');
    const step = options.chunkSize ?? CHUNK_SIZE;
    for (let at = 0; at < raw.length; at += step) {
      const end = Math.min(raw.length, at + step);
      take(raw.subarray(at, end));
      options.onRaw?.(end - at);
    }
  } else {
    try {
      await inflateRaw(raw, { chunk: take, raw: (n) => options.onRaw?.(n) }, kind, native ? { crc: entry.crc, size: entry.size } : undefined);
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      // the native check says only that something is wrong: which, as the other inflaters say it
      if (native) throw await damageOf(raw, entry, corrupt);
      throw corrupt('ZIP_PART_UNREADABLE');
    }
    if (size !== entry.size) throw corrupt('ZIP_PART_BAD');
  }
  if (!native && crc !== entry.crc) throw corrupt('ZIP_PART_CRC');
  if (refused !== undefined) throw refused;
  meter.done();
}

/** What is wrong with a stored part that did not inflate to what the zip says, found by inflating it
 *  again as a raw stream with the CRC computed here: it does not inflate, inflates to another size,
 *  or to other bytes. Only for a part already found damaged (the rare path). */
async function damageOf(raw: Uint8Array, entry: ZipEntry, corrupt: (reason: 'ZIP_PART_BAD' | 'ZIP_PART_CRC' | 'ZIP_PART_UNREADABLE') => WorkbookError): Promise<WorkbookError> {
  let size = 0;
  let crc = 0;
  try {
    const chunk = (bytes: Uint8Array) => {
      size += bytes.length;
      if (size > entry.size) throw corrupt('ZIP_PART_BAD');
      crc = crcUpdate(crc, bytes);
    };
    await inflateRaw(raw, { chunk, raw: () => undefined }, 'web');
  } catch (e) {
    return e instanceof WorkbookError ? e : corrupt('ZIP_PART_UNREADABLE');
  }
  if (size !== entry.size) return corrupt('ZIP_PART_BAD');
  return corrupt(crc !== entry.crc ? 'ZIP_PART_CRC' : 'ZIP_PART_UNREADABLE');
}
