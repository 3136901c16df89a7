import { type Bytes, toBase64, utf8 } from './bytes';
import {
  type CompressionLevel,
  type Compressor,
  type CompressorFactory,
  DEFAULT_COMPRESSION_LEVEL,
  fflateCompressor,
  localCompressor,
} from './compress';
import { backupError, type RecordFailure } from './errors';
import {
  type BackupHeader,
  BackupHeaderSchema,
  CIPHER_NAME,
  DEFAULT_SEGMENT_SIZE,
  FORMAT_NAME,
  FORMAT_VERSION_1,
  KDF_NAME,
  MAX_LINE_BYTES,
  MAX_SEGMENT_SIZE,
  MIN_SEGMENT_SIZE,
  maxInflatedTotal,
  NONCE_PREFIX_LENGTH,
  TAG_LENGTH,
  TableNameSchema,
} from './format';
import { encodeHeader } from './header';
import { type BackupKey, deriveBackupKey, deriveBodyKey, encryptSegment, randomBytes } from './keys';
import {
  type CancelSignal,
  isPlainRecord,
  type ProgressCallback,
  type RecordBatch,
  yieldToEventLoop,
} from './records';
import { checkRecord, FailureCollector, type RecordValidators, recordFailure } from './validate';

export interface WriteBackupOptions {
  /** Either a passphrase (a fresh salt is drawn) or a key from `deriveBackupKey` (its salt is reused). */
  passphrase?: string;
  key?: BackupKey;
  appVersion: string;
  /** The database schema version the records come from. */
  schemaVersion: number;
  /** Records, one table chunk at a time; tables may come in any order, chunks of a table too. */
  tables: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
  /**
   * Expected records per table, for progress. Tables listed here appear in the header even when
   * empty. The header always records the counts actually written.
   */
  counts?: Readonly<Record<string, number>>;
  /** Records the smallest and largest string value of this field (e.g. sessions.date) in the header. */
  dateRange?: { table: string; field: string };
  /** When given, every record is validated and the backup fails with INVALID_RECORDS. */
  validators?: RecordValidators;
  /** PBKDF2 iterations when a passphrase is given: default 600,000. */
  iterations?: number;
  /** Compressed bytes per encrypted segment: default 1 MiB. */
  segmentSize?: number;
  /**
   * zlib level 0-9, compressed by fflate (JavaScript). Without it the platform's native zlib
   * (CompressionStream 'deflate', default level) is used where there is one (Chromium, Node 18+):
   * about 2.5x faster than fflate level 1 and a ~20% smaller file; fflate level 1 otherwise.
   */
  compressionLevel?: number;
  /**
   * Where compression happens when no `compressionLevel` is given, e.g. in a worker so the
   * caller's thread only reads, checks and serializes. It must produce zlib (RFC 1950).
   */
  compressor?: CompressorFactory;
  /**
   * Return the file as one chunk, allocated at its exact size before encryption starts, instead
   * of the header and a chunk per segment: for a caller that needs one buffer (tests, the
   * test vectors), so the ciphertext is not held twice.
   */
  oneChunk?: boolean;
  /** The clock, for createdAt. */
  now?: () => Date;
  signal?: CancelSignal;
  /** Called after each chunk with (records written, expected total from `counts` or so far). */
  onProgress?: ProgressCallback;
}

export interface WrittenBackup {
  /** The whole file, in order: `new Blob(chunks)` or write them one after another. */
  chunks: Bytes[];
  byteLength: number;
  header: BackupHeader;
}

function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw backupError('CANCELLED', 'cancelled by the caller');
}

/**
 * Cuts a byte stream into fixed-size segments (the last one shorter). With `head`, each segment
 * starts with that many bytes left zero for the caller (version 2's kind byte).
 */
export class SegmentSink {
  readonly segments: Bytes[] = [];
  total = 0;
  private current: Bytes;
  private fill: number;

  constructor(
    private readonly segmentSize: number,
    private readonly head = 0,
  ) {
    this.current = new Uint8Array(segmentSize);
    this.fill = head;
  }

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(this.segmentSize - this.fill, chunk.length - offset);
      this.current.set(chunk.subarray(offset, offset + take), this.fill);
      this.fill += take;
      offset += take;
      if (this.fill === this.segmentSize) {
        this.segments.push(this.current);
        this.current = new Uint8Array(this.segmentSize);
        this.fill = this.head;
      }
    }
    this.total += chunk.length;
  }

  finish(): Bytes[] {
    if (this.fill > this.head) this.segments.push(this.current.slice(0, this.fill));
    this.fill = this.head;
    return this.segments;
  }
}

export interface CompressedBody {
  segments: Bytes[];
  compressedBytes: number;
  counts: Record<string, number>;
  dateRange?: { table: string; field: string; first: string; last: string };
}

const FLUSH_CHARS = 256 * 1024;

const TOO_LARGE_RECORD = `is too large for a backup (at most ${MAX_LINE_BYTES / 1024 / 1024} MB a record)`;
const TOO_COMPRESSIBLE =
  'The records compress far more than records normally do, so a backup of them could not be read back. No backup was made.';

function assertTableName(table: string): void {
  if (!TableNameSchema.safeParse(table).success) throw new RangeError(`"${table}" is not a valid table name`);
}

/** What compressing records needs of the options (version 1 and 2 writers). */
export type CompressOptions = Pick<
  WriteBackupOptions,
  | 'compressionLevel'
  | 'compressor'
  | 'signal'
  | 'onProgress'
  | 'validators'
  | 'dateRange'
  | 'counts'
  | 'tables'
>;

/**
 * Pass one: records -> NDJSON lines -> zlib -> segments, counting as it goes. `afterFlush` runs
 * after each piece of text has gone to the compressor (version 2 seals and sends the full
 * segments there, so they are not all held).
 */
export async function compressRecords(
  options: CompressOptions,
  segmentSize: number,
  sink: SegmentSink = new SegmentSink(segmentSize),
  afterFlush?: () => Promise<void>,
): Promise<CompressedBody> {
  const level = (options.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL) as CompressionLevel;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new RangeError('compressionLevel is 0-9');
  const onChunk = (chunk: Uint8Array) => sink.push(chunk);
  const zlib =
    options.compressionLevel === undefined
      ? (options.compressor ?? localCompressor)(onChunk)
      : fflateCompressor(level, onChunk);
  try {
    return await compressInto(options, sink, zlib, afterFlush);
  } catch (error) {
    zlib.abort();
    throw error;
  }
}

async function compressInto(
  options: CompressOptions,
  sink: SegmentSink,
  zlib: Compressor,
  afterFlush: (() => Promise<void>) | undefined,
): Promise<CompressedBody> {
  const { signal, onProgress, validators, dateRange } = options;
  const counts: Record<string, number> = {};
  for (const table of Object.keys(options.counts ?? {})) {
    assertTableName(table);
    counts[table] = 0;
  }
  const expected = Object.values(options.counts ?? {}).reduce((sum, n) => sum + n, 0);
  const collector = new FailureCollector();
  let first: string | undefined;
  let last: string | undefined;
  let done = 0;
  let parts: string[] = [];
  let pendingChars = 0;
  let textChars = 0;
  let lastYield = Date.now();

  const flush = () => {
    const text = parts.join('');
    parts = [];
    pendingChars = 0;
    return text.length > 0 ? zlib.push(text) : undefined;
  };

  for await (const batch of options.tables) {
    throwIfCancelled(signal);
    const table = batch.table;
    assertTableName(table);
    if (!Object.hasOwn(counts, table)) counts[table] = 0;
    const prefix = `{"t":${JSON.stringify(table)},"r":`;
    const trackDates = dateRange?.table === table ? dateRange.field : undefined;
    for (const record of batch.records) {
      const index: number = counts[table]!;
      counts[table] = index + 1;
      let failures: RecordFailure[] | undefined;
      if (!isPlainRecord(record)) {
        failures = [recordFailure(table, index, record, '', 'is not a record (a plain object)')];
      } else if (validators) {
        const check = checkRecord(validators, table, index, record);
        if (!check.ok) failures = check.failures;
      }
      if (failures) {
        collector.add(failures);
        if (collector.overflow) throw collector.toError('backup');
      }
      // After a failure only the checks go on, to name a few more; nothing more is compressed.
      if (collector.failures.length > 0) continue;
      let json: string;
      try {
        json = JSON.stringify(record);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        collector.add([recordFailure(table, index, record, '', `cannot be saved as JSON (${reason})`)]);
        continue;
      }
      // The reader refuses a longer line (docs/backup-format.md, "Limits"): never write one.
      const lineChars = prefix.length + json.length + 1;
      if (lineChars * 3 > MAX_LINE_BYTES && utf8(`${prefix}${json}}`).length > MAX_LINE_BYTES) {
        collector.add([recordFailure(table, index, record, '', TOO_LARGE_RECORD)]);
        if (collector.overflow) throw collector.toError('backup');
        continue;
      }
      textChars += lineChars + 1;
      if (trackDates !== undefined) {
        const value = (record as Record<string, unknown>)[trackDates];
        if (typeof value === 'string' && value.length <= 64) {
          if (first === undefined || value < first) first = value;
          if (last === undefined || value > last) last = value;
        }
      }
      parts.push(prefix, json, '}\n');
      pendingChars += prefix.length + json.length + 2;
      if (pendingChars >= FLUSH_CHARS) {
        const pending = flush();
        if (pending) await pending;
        await afterFlush?.();
      }
    }
    done += batch.records.length;
    onProgress?.(done, Math.max(expected, done));
    if (Date.now() - lastYield > 25) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  throwIfCancelled(signal);
  if (collector.failures.length > 0) throw collector.toError('backup');
  await flush();
  await zlib.finish();
  const segments = sink.finish();
  // A UTF-16 code unit is at most 3 UTF-8 bytes: within the reader's total limit for certain.
  if (textChars * 3 > maxInflatedTotal(sink.total)) throw new RangeError(TOO_COMPRESSIBLE);

  return {
    segments,
    compressedBytes: sink.total,
    counts,
    ...(dateRange && first !== undefined && last !== undefined
      ? { dateRange: { table: dateRange.table, field: dateRange.field, first, last } }
      : {}),
  };
}

export interface SealInput {
  key: BackupKey;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counts: Record<string, number>;
  dateRange?: BackupHeader['dateRange'];
  segmentSize: number;
  /** Compressed body cut into segments: all of `segmentSize` except the last (1..segmentSize). */
  segments: Bytes[];
  signal?: CancelSignal;
  /** See WriteBackupOptions.oneChunk. */
  oneChunk?: boolean;
}

/**
 * Pass two: header, then each segment encrypted. Exported for tests that need authentic files
 * with unusual bodies; the app calls `writeBackup`.
 */
export async function sealSegments(input: SealInput): Promise<WrittenBackup> {
  const { key, segments, segmentSize } = input;
  const compressedBytes = segments.reduce((sum, segment) => sum + segment.length, 0);
  const noncePrefix = randomBytes(NONCE_PREFIX_LENGTH);
  const header: BackupHeader = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION_1,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    counts: input.counts,
    ...(input.dateRange ? { dateRange: input.dateRange } : {}),
    kdf: { name: KDF_NAME, iterations: key.iterations, salt: toBase64(key.salt) },
    passphraseCheck: toBase64(key.passphraseCheck),
    cipher: { name: CIPHER_NAME, nonce: toBase64(noncePrefix), segmentSize },
    body: { compression: 'zlib', encoding: 'ndjson', compressedBytes },
  };
  const valid = BackupHeaderSchema.safeParse(header);
  if (!valid.success) {
    const issues = valid.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RangeError(`Cannot write this backup header: ${issues.join('; ')}`);
  }
  const { bytes, digest } = await encodeHeader(header);
  const bodyKey = await deriveBodyKey(key, noncePrefix);
  // The exact file size is known before encrypting: with oneChunk each ciphertext is copied
  // into its place in one buffer, so the file is never held twice (chunks and their join).
  const fileSize = bytes.length + compressedBytes + segments.length * TAG_LENGTH;
  const file = input.oneChunk ? new Uint8Array(fileSize) : undefined;
  file?.set(bytes, 0);
  const chunks: Bytes[] = [file ?? bytes];
  let byteLength = bytes.length;
  for (let i = 0; i < segments.length; i++) {
    throwIfCancelled(input.signal);
    const ciphertext = await encryptSegment(
      bodyKey,
      noncePrefix,
      digest,
      i,
      i === segments.length - 1,
      segments[i]!,
    );
    segments[i] = new Uint8Array(0); // the plaintext is no longer needed: let it go
    if (file) file.set(ciphertext, byteLength);
    else chunks.push(ciphertext);
    byteLength += ciphertext.length;
  }
  if (byteLength !== fileSize) throw new Error('The backup came out a different size than planned');
  return { chunks, byteLength, header };
}

/**
 * Writes a complete `.stillpoint` file in memory and returns it as chunks. Records stream in:
 * only the compressed body (about a fifth of the JSON) is held, then encrypted segment by
 * segment. Throws BackupError INVALID_RECORDS (bad records), CANCELLED (signal), or RangeError
 * for a programming error (bad options).
 */
export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const segmentSize = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  if (!Number.isInteger(segmentSize) || segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
    throw new RangeError(`segmentSize must be ${MIN_SEGMENT_SIZE}..${MAX_SEGMENT_SIZE}`);
  }
  if (options.key && options.passphrase !== undefined)
    throw new RangeError('Give a passphrase or a key, not both');
  throwIfCancelled(options.signal);
  const key =
    options.key ??
    (options.passphrase !== undefined
      ? await deriveBackupKey(
          options.passphrase,
          options.iterations ? { iterations: options.iterations } : {},
        )
      : undefined);
  if (!key) throw new RangeError('writeBackup needs a passphrase or a key');
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  const body = await compressRecords(options, segmentSize);
  const written = await sealSegments({
    key,
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    createdAt,
    counts: body.counts,
    ...(body.dateRange ? { dateRange: body.dateRange } : {}),
    segmentSize,
    segments: body.segments,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.oneChunk ? { oneChunk: true } : {}),
  });
  const total = Object.values(body.counts).reduce((sum, n) => sum + n, 0);
  options.onProgress?.(total, total);
  return written;
}
