// A zip reader and writer made for editing packages in place. Reading parses the central directory
// (never streams front to back) and inflates a part only when asked. Writing copies untouched entries
// as their compressed bytes, so saving costs time in proportion to what changed.
import { Deflate, Inflate } from 'fflate';
import type { FileErrorDetail } from '../../domain/failures';
import { WorkbookError } from '../types';
import { fromUtf8, utf8 } from './bytes';
import { crc32, crc32Update } from './crc32';
import { ByteMeter, ReadBudget } from './limits';

/** The header fields an entry carries from reading to writing. */
interface ZipHeader {
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  /** 0 = stored, 8 = deflated */
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly externalAttrs: number;
}

export interface ZipEntry extends ZipHeader {
  readonly name: string;
  /** offset of the compressed data in the archive */
  readonly dataOffset: number;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyArray<ZipEntry>;
}

/** An entry ready to be written: headers plus compressed data chunks. */
export interface OutEntry extends ZipHeader {
  readonly data: ReadonlyArray<Uint8Array>;
}

/** The run of header fields the local and the central header share, in the same order
 *  (flags, method, time, date, crc, sizes, name length): 22 bytes from `at`. */
function writeSharedFields(view: DataView, at: number, e: OutEntry): void {
  view.setUint16(at, e.flags, true);
  view.setUint16(at + 2, e.method, true);
  view.setUint16(at + 4, e.time, true);
  view.setUint16(at + 6, e.date, true);
  view.setUint32(at + 8, e.crc, true);
  view.setUint32(at + 12, e.compressedSize, true);
  view.setUint32(at + 16, e.size, true);
  view.setUint16(at + 20, e.nameBytes.length, true);
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const MAX32 = 0xffffffff;
/** 1980-01-01 00:00 in MS-DOS date format, as Excel writes it: output does not depend on the clock */
const DOS_DATE_1980 = 0x0021;
/** Parts bigger than this cannot be held as one typed array in every browser */
const MAX_PART_SIZE = 0x7fffffff;

function corrupt(detail: FileErrorDetail): WorkbookError {
  return new WorkbookError('CORRUPT', detail);
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fits(at: number, size: number): boolean {
    return at >= 0 && at + size <= this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const low = this.view.getUint32(at, true);
    const high = this.view.getUint32(at + 4, true);
    if (high > 0x1fffff) throw new WorkbookError('TOO_LARGE', { reason: 'ZIP_TOO_LARGE' });
    return high * 0x100000000 + low;
  }
}

function findEndOfCentralDirectory(r: Reader): number {
  const min = Math.max(0, r.bytes.length - 22 - 0xffff);
  for (let i = r.bytes.length - 22; i >= min; i--) {
    if (r.bytes[i] === 0x50 && r.bytes[i + 1] === 0x4b && r.u32(i) === SIG_EOCD) return i;
  }
  return -1;
}

interface Directory {
  count: number;
  size: number;
  offset: number;
  /** bytes prepended before the archive (self-extractors and the like); offsets are shifted by it */
  shift: number;
}

function readDirectoryLocation(r: Reader, eocd: number): Directory {
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  if (r.u16(eocd + 4) !== 0 || r.u16(eocd + 6) !== 0) throw corrupt({ reason: 'ZIP_MULTI_VOLUME' });
  let end = eocd;
  const locator = eocd - 20;
  if ((count === 0xffff || size === MAX32 || offset === MAX32) && r.fits(locator, 20) && r.u32(locator) === SIG_EOCD64_LOCATOR) {
    const at = r.u64(locator + 8);
    if (!r.fits(at, 56) || r.u32(at) !== SIG_EOCD64) throw corrupt({ reason: 'ZIP_DIRECTORY_BAD' });
    count = r.u64(at + 32);
    size = r.u64(at + 40);
    offset = r.u64(at + 48);
    end = at;
  }
  const shift = end - (offset + size);
  if (shift < 0) throw corrupt({ reason: 'ZIP_DIRECTORY_BAD' });
  return { count, size, offset: offset + shift, shift };
}

function zip64Extra(r: Reader, at: number, length: number, need: { size: boolean; csize: boolean; offset: boolean }) {
  const out: { size?: number; csize?: number; offset?: number } = {};
  const end = at + length;
  while (at + 4 <= end) {
    const id = r.u16(at);
    const len = r.u16(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      if (need.size) (out.size = r.u64(p)), (p += 8);
      if (need.csize) (out.csize = r.u64(p)), (p += 8);
      if (need.offset) out.offset = r.u64(p);
      return out;
    }
    at += 4 + len;
  }
  return out;
}

/** Parse the central directory of a zip archive. Throws WorkbookError for anything unreadable. */
export function readZip(bytes: Uint8Array): ZipArchive {
  const r = new Reader(bytes);
  const eocd = bytes.length >= 22 ? findEndOfCentralDirectory(r) : -1;
  if (eocd < 0) {
    const looksLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    if (looksLikeZip) throw corrupt({ reason: 'ZIP_END_MISSING' });
    throw new WorkbookError('NOT_XLSX', { reason: 'NOT_ZIP' });
  }
  const dir = readDirectoryLocation(r, eocd);
  if (!r.fits(dir.offset, dir.size)) throw corrupt({ reason: 'ZIP_DIRECTORY_BAD' });
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (!r.fits(at, 46) || r.u32(at) !== SIG_CENTRAL) throw corrupt({ reason: 'ZIP_DIRECTORY_BAD' });
    const flags = r.u16(at + 8);
    const method = r.u16(at + 10);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (!r.fits(at + 46, nameLength + extraLength + commentLength)) throw corrupt({ reason: 'ZIP_DIRECTORY_BAD' });
    let compressedSize = r.u32(at + 20);
    let size = r.u32(at + 24);
    let localOffset = r.u32(at + 42);
    if (compressedSize === MAX32 || size === MAX32 || localOffset === MAX32) {
      const big = zip64Extra(r, at + 46 + nameLength, extraLength, {
        size: size === MAX32,
        csize: compressedSize === MAX32,
        offset: localOffset === MAX32,
      });
      size = big.size ?? size;
      compressedSize = big.csize ?? compressedSize;
      localOffset = big.offset ?? localOffset;
    }
    localOffset += dir.shift;
    const nameBytes = bytes.slice(at + 46, at + 46 + nameLength);
    const name = fromUtf8(nameBytes);
    if (flags & FLAG_ENCRYPTED) throw new WorkbookError('ENCRYPTED', { reason: 'ZIP_ENCRYPTED', part: name });
    if (method !== 0 && method !== 8) throw corrupt({ reason: 'ZIP_COMPRESSION_UNSUPPORTED', part: name, method });
    if (size > MAX_PART_SIZE) throw new WorkbookError('TOO_LARGE', { reason: 'PART_TOO_LARGE', part: name, size });
    if (!r.fits(localOffset, 30) || r.u32(localOffset) !== SIG_LOCAL) throw corrupt({ reason: 'ZIP_PART_BAD', part: name });
    const dataOffset = localOffset + 30 + r.u16(localOffset + 26) + r.u16(localOffset + 28);
    if (!r.fits(dataOffset, compressedSize)) throw corrupt({ reason: 'ZIP_PART_CUT_SHORT', part: name });
    entries.push({
      name,
      nameBytes,
      flags,
      method,
      time: r.u16(at + 12),
      date: r.u16(at + 14),
      crc: r.u32(at + 16),
      compressedSize,
      size,
      dataOffset,
      externalAttrs: r.u32(at + 38),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries };
}

/** The stored (compressed) bytes of an entry, without copying. */
export function rawData(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  return archive.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/** How an entry is inflated: the meter that bounds it, the sheet it belongs to (for the words) and
 *  who sees each chunk as it comes (a scan that may refuse the part before it is all inflated). */
export interface InflateOptions {
  readonly meter?: ByteMeter;
  readonly sheet?: string;
  readonly onChunk?: (chunk: Uint8Array) => void;
  /** told of the stored (compressed) bytes as the inflater takes them, `bytes` more at a time */
  readonly onRaw?: (bytes: number) => void;
}

/** Compressed bytes go to the inflater this much at a time: deflate's ratio is at most ~1,032:1,
 *  so one step yields at most ~16 MB before the meter and the scan see it. */
const INFLATE_STEP = 16 * 1024;
/** Stored bytes are shown to the scan this much at a time. */
const SCAN_STEP = 1024 * 1024;

/**
 * The uncompressed contents of an entry, inflated in steps under the meter (by default the default
 * limits of one part): refused as soon as what has come out passes a limit, or the size the
 * directory declares (a zip that declares less than a part holds is damaged: its bytes are never
 * trusted beyond it); checked against the CRC the directory gives.
 */
export function entryData(archive: ZipArchive, entry: ZipEntry, options: InflateOptions = {}): Uint8Array {
  const place = options.sheet === undefined ? { part: entry.name } : { part: entry.name, sheet: options.sheet };
  const meter = options.meter ?? new ReadBudget().inflating(place);
  // a part declared larger than the meter allows is refused before anything is inflated
  if (entry.size > meter.room) meter.add(entry.size);
  // What the scan refuses (too many rows, a tag cut short) may be damage in disguise: garbage from a
  // broken stream reads as huge row numbers. So the part is inflated to its end (no further than
  // its declared size, already within the meter) and its CRC says which of the two it is.
  let refused: unknown;
  const scan = (chunk: Uint8Array) => {
    if (refused !== undefined || !options.onChunk) return;
    try {
      options.onChunk(chunk);
    } catch (e) {
      refused = e;
    }
  };
  const raw = rawData(archive, entry);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw corrupt({ reason: 'ZIP_PART_BAD', ...place });
    meter.add(raw.length);
    for (let at = 0; at < raw.length; at += SCAN_STEP) {
      const end = Math.min(raw.length, at + SCAN_STEP);
      scan(raw.subarray(at, end));
      options.onRaw?.(end - at);
    }
    out = raw;
  } else {
    out = new Uint8Array(entry.size);
    let size = 0;
    const inflater = new Inflate((chunk) => {
      if (size + chunk.length > out.length) throw corrupt({ reason: 'ZIP_PART_BAD', ...place });
      meter.add(chunk.length);
      out.set(chunk, size);
      size += chunk.length;
      scan(chunk);
    });
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let at = 0; at < raw.length; at += INFLATE_STEP) {
        const end = Math.min(raw.length, at + INFLATE_STEP);
        inflater.push(raw.subarray(at, end), end === raw.length);
        options.onRaw?.(end - at);
      }
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      throw corrupt({ reason: 'ZIP_PART_UNREADABLE', ...place });
    }
    if (size !== out.length) throw corrupt({ reason: 'ZIP_PART_BAD', ...place });
  }
  if (crc32(out) !== entry.crc) throw corrupt({ reason: 'ZIP_PART_CRC', ...place });
  if (refused !== undefined) throw refused;
  meter.done();
  return out;
}

/** An untouched entry, carried over as its compressed bytes. */
export function copiedEntry(archive: ZipArchive, entry: ZipEntry): OutEntry {
  return {
    nameBytes: entry.nameBytes,
    flags: entry.flags & ~FLAG_DATA_DESCRIPTOR,
    method: entry.method,
    time: entry.time,
    date: entry.date,
    crc: entry.crc,
    compressedSize: entry.compressedSize,
    size: entry.size,
    externalAttrs: entry.externalAttrs,
    data: [rawData(archive, entry)],
  };
}

function crcOf(chunks: ReadonlyArray<Uint8Array>): { crc: number; size: number } {
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    crc = crc32Update(crc, c);
    size += c.length;
  }
  return { crc, size };
}

function newEntryHeader(name: string) {
  const nameBytes = utf8(name);
  const ascii = nameBytes.length === name.length;
  return { nameBytes, flags: ascii ? 0 : FLAG_UTF8, time: 0, date: DOS_DATE_1980, externalAttrs: 0 };
}

/** A new entry, deflated. `level` trades speed for size (1 fastest .. 9 smallest). */
export function deflatedEntry(name: string, chunks: ReadonlyArray<Uint8Array>, level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): OutEntry {
  const { crc, size } = crcOf(chunks);
  const data: Uint8Array[] = [];
  let compressedSize = 0;
  const deflate = new Deflate({ level }, (chunk) => {
    data.push(chunk);
    compressedSize += chunk.length;
  });
  if (chunks.length === 0) deflate.push(new Uint8Array(0), true);
  chunks.forEach((c, i) => deflate.push(c, i === chunks.length - 1));
  return { ...newEntryHeader(name), method: 8, crc, size, compressedSize, data };
}

/** A new entry, stored without compression (for throwaway archives such as the reader's input). */
export function storedEntry(name: string, chunks: ReadonlyArray<Uint8Array>): OutEntry {
  const { crc, size } = crcOf(chunks);
  return { ...newEntryHeader(name), method: 0, crc, size, compressedSize: size, data: chunks };
}

/** Assemble a zip archive. Zip64 is not written: an archive that would need it is TOO_LARGE. */
export function writeZip(entries: ReadonlyArray<OutEntry>): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.nameBytes.length + e.compressedSize;
    centralSize += 46 + e.nameBytes.length;
  }
  if (entries.length > 0xffff || localSize + centralSize > MAX32) {
    throw new WorkbookError('TOO_LARGE', { reason: 'PACKAGE_TOO_LARGE' });
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, e.method === 8 ? 20 : 10, true);
    writeSharedFields(view, at + 6, e);
    view.setUint16(at + 28, 0, true);
    out.set(e.nameBytes, at + 30);
    at += 30 + e.nameBytes.length;
    for (const chunk of e.data) {
      out.set(chunk, at);
      at += chunk.length;
    }
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, e.method === 8 ? 20 : 10, true);
    writeSharedFields(view, at + 8, e);
    // extra length, comment length, disk number, internal attributes: all 0
    view.setUint32(at + 38, e.externalAttrs, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  });
  view.setUint32(at, SIG_EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
