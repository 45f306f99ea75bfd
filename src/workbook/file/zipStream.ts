// One zip entry streamed through a sink, under the same checks as zip.ts's entryData: the meter
// bounds what comes out, never more than the declared size, the CRC (known only at the end) checked
// over every byte; what the sink refused is said only after the CRC, since garbage from a broken
// stream can look like too many rows.
import { WorkbookError } from '../types';
import type { ByteMeter } from './limits';
import { rawData, ZipArchive, ZipEntry } from './zip';
import { CHUNK_SIZE, crcUpdate, inflateRaw, InflaterKind } from './inflate';

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
  const take = (chunk: Uint8Array) => {
    if (size + chunk.length > entry.size) throw corrupt('ZIP_PART_BAD');
    meter.add(chunk.length);
    size += chunk.length;
    crc = crcUpdate(crc, chunk);
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
      await inflateRaw(raw, { chunk: take, raw: (n) => options.onRaw?.(n) }, options.inflater);
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      throw corrupt('ZIP_PART_UNREADABLE');
    }
    if (size !== entry.size) throw corrupt('ZIP_PART_BAD');
  }
  if (crc !== entry.crc) throw corrupt('ZIP_PART_CRC');
  if (refused !== undefined) throw refused;
  meter.done();
}
