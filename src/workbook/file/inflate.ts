// Raw deflate, inflated a chunk at a time on whatever the host does fastest: Node's zlib (found at
// run time through process.getBuiltinModule, so no bundler sees a Node built-in), the browser's
// DecompressionStream('deflate-raw'), or fflate where neither exists. A chunk is handed on as soon as
// it comes out, so no part is ever whole in memory; a sink that throws stops the inflating.
import { Inflate } from 'fflate';
import { crc32Update } from './crc32';

/** Inflated bytes a sink is handed at a time (about; the last one of a part is shorter). */
export const CHUNK_SIZE = 64 * 1024;
/** Stored bytes given to the inflater at a time: deflate's ratio is at most ~1,032:1, so one step
 *  yields at most ~16 MB before the meter sees it. */
const RAW_STEP = 16 * 1024;

export type InflaterKind = 'zlib' | 'web' | 'fflate';

/** Told of each inflated chunk; `raw` of the stored bytes are taken by then. */
export interface InflateSink {
  chunk(bytes: Uint8Array): void;
  raw(bytes: number): void;
}

interface NodeInflate {
  pause(): void;
  resume(): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'error', listener: (e: unknown) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  write(chunk: Uint8Array, callback?: () => void): boolean;
  end(): void;
  destroy(): void;
  readonly bytesWritten: number;
}

interface NodeZlib {
  createInflateRaw(options: { chunkSize: number }): NodeInflate;
  crc32?: (data: Uint8Array, value?: number) => number;
}

type GetBuiltin = (id: string) => unknown;

/** Node's zlib, where the host is Node (never bundled: found through the process at run time). */
function nodeZlib(): NodeZlib | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  return typeof get === 'function' ? (get('node:zlib') as NodeZlib | undefined) : undefined;
}

type WebDecompression = new (format: 'deflate-raw' | 'gzip') => { readonly writable: WritableStream<Uint8Array>; readonly readable: ReadableStream<Uint8Array> };

function webDecompression(): WebDecompression | undefined {
  return (globalThis as { DecompressionStream?: WebDecompression }).DecompressionStream;
}

/** The inflaters this host has, fastest first. */
export function availableInflaters(): InflaterKind[] {
  const kinds: InflaterKind[] = [];
  if (nodeZlib()) kinds.push('zlib');
  if (webDecompression()) kinds.push('web');
  kinds.push('fflate');
  return kinds;
}

/** CRC-32 continued over `bytes`: Node's native one where there is one. */
export const crcUpdate: (crc: number, bytes: Uint8Array) => number = (() => {
  const native = nodeZlib()?.crc32;
  return native ? (crc: number, bytes: Uint8Array) => native(bytes, crc) : crc32Update;
})();

/** What the part must inflate to: its CRC-32 and size, as the zip says them. */
export interface InflateCheck {
  readonly crc: number;
  readonly size: number;
}

/** Whether an inflater checks the CRC itself when given an InflateCheck: DecompressionStream does,
 *  in C++, when the raw stream is handed to it as gzip (whose trailer holds the CRC and the size);
 *  the JavaScript CRC costs a tenth of a large read in a browser. */
export function checksCrc(kind: InflaterKind): boolean {
  return kind === 'web';
}

/** Inflates `raw` (a raw deflate stream) into the sink. Rejects with what the sink threw, or with a
 *  plain Error when the stream is not deflate, or (an inflater that checksCrc, given `check`) when
 *  what it inflated is not what `check` says. */
export async function inflateRaw(raw: Uint8Array, sink: InflateSink, kind: InflaterKind = availableInflaters()[0], check?: InflateCheck): Promise<void> {
  if (kind === 'zlib') return inflateZlib(raw, sink, nodeZlib() as NodeZlib);
  if (kind === 'web') return inflateWeb(raw, sink, webDecompression() as WebDecompression, check);
  return inflateFflate(raw, sink);
}

/** A gzip member's header (no name, no time) and trailer around a raw deflate stream. */
const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

function gzipTrailer(check: InflateCheck): Uint8Array {
  const t = new Uint8Array(8);
  const v = new DataView(t.buffer);
  v.setUint32(0, check.crc >>> 0, true);
  v.setUint32(4, check.size >>> 0, true);
  return t;
}

/** Inflated chunks waiting for the sink at most, before the inflater is paused (Node's zlib). */
const ZLIB_QUEUE = 8;

function inflateZlib(raw: Uint8Array, sink: InflateSink, zlib: NodeZlib): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK_SIZE });
    let failed = false;
    let ended = false;
    let taken = 0;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      inflater.destroy();
      reject(e);
    };
    // The sink reads a chunk while zlib inflates the next on its own thread: a chunk is queued, and
    // taken after zlib's callback has returned and started on the next (handed on at once, zlib
    // would wait for the sink and the sink for zlib). A few chunks queue at most: then zlib pauses.
    const queue: Uint8Array[] = [];
    let draining = false;
    const drain = () => {
      draining = false;
      if (failed) return;
      try {
        while (queue.length > 0) sink.chunk(queue.shift() as Uint8Array);
        const now = inflater.bytesWritten;
        if (now > taken) sink.raw(now - taken);
        taken = now;
      } catch (e) {
        return fail(e);
      }
      if (ended) {
        if (raw.length > taken) sink.raw(raw.length - taken);
        return resolve();
      }
      inflater.resume();
    };
    const later = () => {
      if (draining) return;
      draining = true;
      setImmediate(drain);
    };
    inflater.on('data', (chunk: Uint8Array) => {
      if (failed) return;
      queue.push(chunk);
      if (queue.length >= ZLIB_QUEUE) inflater.pause();
      later();
    });
    inflater.on('error', fail);
    inflater.on('end', () => {
      if (failed) return;
      ended = true;
      later();
    });
    // written in steps, each when the one before is taken, so a bomb stops within a step
    let at = 0;
    const next = () => {
      if (failed) return;
      if (at >= raw.length) return inflater.end();
      const end = Math.min(raw.length, at + RAW_STEP * 64);
      const piece = raw.subarray(at, end);
      at = end;
      inflater.write(piece, next);
    };
    next();
  });
}

async function inflateWeb(raw: Uint8Array, sink: InflateSink, Decompression: WebDecompression, check?: InflateCheck): Promise<void> {
  const stream = new Decompression(check ? 'gzip' : 'deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let taken = 0;
  const writing = (async () => {
    if (check) await writer.write(GZIP_HEADER);
    for (let at = 0; at < raw.length; at += RAW_STEP * 4) {
      await writer.ready;
      await writer.write(raw.subarray(at, Math.min(raw.length, at + RAW_STEP * 4)));
      taken = Math.min(raw.length, at + RAW_STEP * 4);
    }
    if (check) await writer.write(gzipTrailer(check));
    await writer.close();
  })();
  writing.catch(() => undefined);
  let told = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let at = 0; at < value.length; at += CHUNK_SIZE) sink.chunk(value.subarray(at, Math.min(value.length, at + CHUNK_SIZE)));
      if (taken > told) sink.raw(taken - told);
      told = taken;
    }
    await writing;
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    throw e;
  }
  if (raw.length > told) sink.raw(raw.length - told);
}

async function inflateFflate(raw: Uint8Array, sink: InflateSink): Promise<void> {
  const inflater = new Inflate((chunk) => {
    for (let at = 0; at < chunk.length; at += CHUNK_SIZE) sink.chunk(chunk.subarray(at, Math.min(chunk.length, at + CHUNK_SIZE)));
  });
  if (raw.length === 0) inflater.push(raw, true);
  for (let at = 0; at < raw.length; at += RAW_STEP) {
    const end = Math.min(raw.length, at + RAW_STEP);
    inflater.push(raw.subarray(at, end), end === raw.length);
    sink.raw(end - at);
  }
}
