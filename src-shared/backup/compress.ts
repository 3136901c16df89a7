import { Zlib } from 'fflate';
import { utf8 } from './bytes';

/**
 * The writer's compressors: NDJSON text in, zlib (RFC 1950) bytes out, the format
 * docs/backup-format.md names and the reader inflates with fflate's Unzlib. Kept apart from the
 * writer so a worker that only compresses does not load the rest (zod, WebCrypto helpers).
 */
export type CompressionLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** fflate's level when no native zlib is there (level 6 is ~1.6x slower for a ~10% smaller file). */
export const DEFAULT_COMPRESSION_LEVEL = 1;

/**
 * A zlib (RFC 1950) compressor of UTF-8 text, handing compressed bytes to `onChunk` in order.
 * `push` may return a promise to make the writer wait for the compressor to catch up.
 */
export interface Compressor {
  push(text: string): Promise<void> | undefined;
  finish(): Promise<void>;
  /** Frees the compressor after a failure; never throws. */
  abort(): void;
}

/** Makes a compressor (e.g. one in a worker); see `WriteBackupOptions.compressor`. */
export type CompressorFactory = (onChunk: (chunk: Uint8Array) => void) => Compressor;

export function fflateCompressor(level: CompressionLevel, onChunk: (chunk: Uint8Array) => void): Compressor {
  const zlib = new Zlib({ level }, onChunk);
  return {
    push: (text) => {
      zlib.push(utf8(text), false);
      return undefined;
    },
    finish: async () => zlib.push(new Uint8Array(0), true),
    abort: () => {},
  };
}

/** The CompressionStream constructor where the platform has one (browsers, Node 18+). */
interface NativeCompressionStream {
  readonly writable: WritableStream<Uint8Array>;
  readonly readable: ReadableStream<Uint8Array>;
}
export type CompressionStreamConstructor = new (format: 'deflate') => NativeCompressionStream;

export function nativeCompressionStream(): CompressionStreamConstructor | undefined {
  const ctor = (globalThis as { CompressionStream?: CompressionStreamConstructor }).CompressionStream;
  return typeof ctor === 'function' ? ctor : undefined;
}

/**
 * Native zlib through CompressionStream('deflate'): 'deflate' is the zlib format (RFC 1950),
 * the same the reader's fflate Unzlib expects, so the file format does not change.
 */
export function nativeCompressor(
  Ctor: CompressionStreamConstructor,
  onChunk: (chunk: Uint8Array) => void,
): Compressor {
  const stream = new Ctor('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value);
    }
  })();
  pump.catch(() => {}); // seen by finish(); after abort() nobody waits for it
  return {
    push: (text) => writer.write(utf8(text)),
    finish: async () => {
      await writer.close();
      await pump;
    },
    abort: () => {
      writer.abort().catch(() => {});
    },
  };
}

/**
 * Compression on this thread, as `writeBackup` does it without options: native zlib where the
 * platform has CompressionStream, fflate level 1 otherwise. For a worker that compresses.
 */
export const localCompressor: CompressorFactory = (onChunk) => {
  const Native = nativeCompressionStream();
  return Native ? nativeCompressor(Native, onChunk) : fflateCompressor(DEFAULT_COMPRESSION_LEVEL, onChunk);
};
