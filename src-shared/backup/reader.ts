import { Unzlib } from 'fflate';
import { type Bytes, fromBase64, readUint32BE } from './bytes';
import {
  BackupError,
  backupError,
  invalidRecordsError,
  notStillpointBodyError,
  RECORD_FAILURE_MESSAGES,
  type RecordFailure,
} from './errors';
import { FileHasher } from './file-hash';
import {
  type BackupHeader,
  type BackupHeaderV1,
  type BackupHeaderV2,
  FORMAT_VERSION,
  KIND_FILE,
  KIND_RECORDS,
  MAX_FILE_ID_BYTES,
  MAX_INFLATION_RATIO,
  MAX_LINE_BYTES,
  maxInflatedPerSegment,
  maxInflatedTotal,
  SEGMENT_LENGTH_BYTES,
  TAG_LENGTH,
  totalRecords,
} from './format';
import { MAX_HEADER_REGION, type ParsedHeader, parseHeader } from './header';
import { CompactKeySet, type KeySet } from './key-set';
import { type BackupKey, decryptSegment, deriveBackupKey, deriveBodyKey, passphraseMatches } from './keys';
import {
  type CancelSignal,
  isPlainRecord,
  type ProgressCallback,
  type RecordBatch,
  yieldToEventLoop,
} from './records';
import { checkRecord, FailureCollector, type RecordValidators, recordFailure } from './validate';

/**
 * A backup file to read: the bytes, or anything Blob-like (a File from a file input) so that a
 * large backup is read one segment at a time.
 */
export type BackupSource = Uint8Array | BlobLike;
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface BackupInfo {
  header: BackupHeader;
  fileSize: number;
  /** Version 1's segments; 0 for version 2 (counted as they are read). */
  segmentCount: number;
  totalRecords: number;
  /** Version 2: the files (attachments) the backup holds; null for version 1. */
  files: { count: number; bytes: number } | null;
}

export interface ReadOptions {
  /** The newest database schema version this app can restore; a newer backup is NEWER_VERSION. */
  maxSchemaVersion: number;
  /** When given, every record is validated and the read fails with INVALID_RECORDS. */
  validators?: RecordValidators;
  /** How many failing records INVALID_RECORDS names (default 5). */
  maxFailures?: number;
  /** Records per yielded batch (default 1000). */
  batchSize?: number;
  signal?: CancelSignal;
  /** (records read, records in the file) after each segment. */
  onProgress?: ProgressCallback;
  /**
   * Table -> the field that is its key. Each record's key is checked against the ones before it
   * as the line arrives, and a repeat fails at once with INVALID_RECORDS ("appears twice").
   */
  uniqueKeys?: Readonly<Record<string, string>>;
  /** Where `uniqueKeys` collects the keys seen (table -> keys), for a caller that keeps them. */
  keySets?: Map<string, KeySet>;
  /** Told the size of every chunk of text the decompressor produces (tests count the work). */
  onInflate?: (bytes: number) => void;
  /**
   * Version 2 files: 'verify' (default) checks each file's size and SHA-256 and hands it out
   * without its bytes; 'collect' also hands out its bytes as a Blob, built a segment at a time.
   */
  files?: 'verify' | 'collect';
}

/** What a single `batches()` pass may override. */
export type PassOptions = Pick<
  ReadOptions,
  'signal' | 'onProgress' | 'uniqueKeys' | 'keySets' | 'onInflate' | 'files'
>;

/** What a file (version 2) must be: its record's size and SHA-256. */
interface FileExpectation {
  size: number;
  sha256: string;
}

/** One file of a version 2 backup, whole and checked against its record. */
export interface BackupFile {
  id: string;
  size: number;
  sha256: string;
  /** The bytes, with `files: 'collect'`; null when the pass only checks them. */
  data: Blob | null;
}

/** What `batches()` yields: records of one table, or (version 2, after every record) one file. */
export type BackupItem = RecordBatch | { file: BackupFile };

export function isFileItem(item: BackupItem): item is { file: BackupFile } {
  return 'file' in item;
}

export interface OpenedBackup {
  info: BackupInfo;
  /**
   * Decrypts, decompresses, parses (and validates) the records, in file order, a batch at a
   * time. Each call reads the file again from the start, so a caller can run a validation pass
   * and then a writing pass with bounded memory. Errors: CORRUPTED, INVALID_RECORDS, CANCELLED.
   * With validators, nothing more is yielded after the first invalid record: the generator reads
   * on to name up to `maxFailures` records, then throws INVALID_RECORDS. The batches yielded
   * before it were valid, but a restore must still discard them (abort its transaction).
   */
  batches(overrides?: PassOptions): AsyncGenerator<BackupItem>;
}

async function readRange(source: BackupSource, start: number, end: number): Promise<Bytes> {
  if (source instanceof Uint8Array) return source.slice(start, end);
  return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

function sizeOf(source: BackupSource): number {
  return source instanceof Uint8Array ? source.length : source.size;
}

function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw backupError('CANCELLED', 'cancelled by the caller');
}

async function readParsedHeader(source: BackupSource, maxSchemaVersion: number): Promise<ParsedHeader> {
  const fileSize = sizeOf(source);
  const head = await readRange(source, 0, Math.min(fileSize, MAX_HEADER_REGION));
  return parseHeader(head, fileSize, maxSchemaVersion);
}

function infoOf(parsed: ParsedHeader): BackupInfo {
  const { header } = parsed;
  return {
    header: parsed.header,
    fileSize: parsed.layout.fileSize,
    // Version 2 segments carry their own length: their number is known only once read.
    segmentCount: 'segmentCount' in parsed.layout ? parsed.layout.segmentCount : 0,
    totalRecords: totalRecords(parsed.header),
    files:
      header.formatVersion === FORMAT_VERSION
        ? { count: header.attachments.count, bytes: header.attachments.bytes }
        : null,
  };
}

/**
 * Reads and checks the plain header without a passphrase, for the restore preview (counts, date
 * range, created at, app version). Errors: NOT_A_BACKUP, TRUNCATED, CORRUPTED, NEWER_VERSION.
 */
export async function readBackupHeader(
  source: BackupSource,
  options: Pick<ReadOptions, 'maxSchemaVersion' | 'signal'> & {
    /**
     * Version 2: also walk the segments' length prefixes (4 bytes each, nothing decrypted), so
     * a file cut inside a segment (TRUNCATED) or a length out of range (CORRUPTED) is reported
     * before the passphrase is asked. A cut exactly between two segments needs the key.
     */
    checkFraming?: boolean;
  },
): Promise<BackupInfo> {
  const parsed = await readParsedHeader(source, options.maxSchemaVersion);
  if (options.checkFraming && parsed.header.formatVersion === FORMAT_VERSION) {
    await checkStreamFraming(source, parsed.layout, parsed.header.cipher.segmentSize, options.signal);
  }
  return infoOf(parsed);
}

/** The chain of version 2 length prefixes ends exactly at the end of the file. */
async function checkStreamFraming(
  source: BackupSource,
  layout: { bodyStart: number; fileSize: number },
  segmentSize: number,
  signal: CancelSignal | undefined,
): Promise<void> {
  let offset = layout.bodyStart;
  let lastYield = Date.now();
  for (let i = 0; ; i++) {
    if (offset + SEGMENT_LENGTH_BYTES > layout.fileSize) {
      throw backupError('TRUNCATED', `the file ends inside segment ${i}`);
    }
    const length = readUint32BE(await readRange(source, offset, offset + SEGMENT_LENGTH_BYTES), 0);
    if (length < 1 || length > segmentSize) {
      throw backupError('CORRUPTED', `segment ${i} declares ${length} bytes (at most ${segmentSize})`);
    }
    offset += SEGMENT_LENGTH_BYTES + length + TAG_LENGTH;
    if (offset > layout.fileSize) throw backupError('TRUNCATED', `the file ends inside segment ${i}`);
    if (offset === layout.fileSize) return;
    if (Date.now() - lastYield > 25) {
      await yieldToEventLoop();
      lastYield = Date.now();
      throwIfCancelled(signal);
    }
  }
}

/**
 * Checks the header and the passphrase (fast: no record is decrypted), then hands back a
 * reader of the records. Errors: those of `readBackupHeader`, then WRONG_PASSPHRASE, CANCELLED.
 */
export async function openBackup(
  source: BackupSource,
  passphrase: string,
  options: ReadOptions,
): Promise<OpenedBackup> {
  const parsed = await readParsedHeader(source, options.maxSchemaVersion);
  throwIfCancelled(options.signal);
  if (passphrase.length === 0) throw backupError('WRONG_PASSPHRASE', 'the passphrase is empty');
  const { header } = parsed;
  // The header schema has checked these decode to the right lengths.
  const salt = fromBase64(header.kdf.salt)!;
  const check = fromBase64(header.passphraseCheck)!;
  const key = await deriveBackupKey(passphrase, { salt, iterations: header.kdf.iterations });
  throwIfCancelled(options.signal);
  if (!passphraseMatches(key, check)) {
    throw backupError('WRONG_PASSPHRASE', 'the passphrase check value does not match');
  }
  return {
    info: infoOf(parsed),
    batches: (overrides = {}) => readBatches(source, parsed, key, { ...options, ...overrides }),
  };
}

/**
 * Compressed bytes handed to the decompressor at a time. Deflate unpacks at most about 1032
 * bytes per byte, so one push produces at most about 8.5 MB, and the limits below are checked
 * (and batches handed out) between pushes: a crafted segment cannot make one huge allocation.
 */
const INFLATE_SLICE = 8 * 1024;

/** A line is counted in UTF-16 code units here; a line of MAX_LINE_BYTES UTF-8 bytes has at most as many. */
const MAX_LINE_CHARS = MAX_LINE_BYTES;

function lineTooLong(line: number): BackupError {
  return notStillpointBodyError(`record line ${line} is longer than ${MAX_LINE_BYTES} bytes`);
}

/**
 * Turns decompressed text into records. Everything here runs inside fflate's callback, so it
 * only queues batches; the generator yields them between slices of a segment.
 */
class RecordParser {
  readonly ready: RecordBatch[] = [];
  readonly seen: Record<string, number> = {};
  readonly collector: FailureCollector;
  /** Version 2: what each file must be, from the records of the files table, by id. */
  readonly files = new Map<string, FileExpectation>();
  recordsRead = 0;
  private pending = '';
  private batch: unknown[] = [];
  private batchTable = '';

  constructor(
    private readonly counts: Readonly<Record<string, number>>,
    private readonly validators: RecordValidators | undefined,
    private readonly batchSize: number,
    maxFailures: number | undefined,
    private readonly uniqueKeys: Readonly<Record<string, string>> | undefined,
    private readonly keySets: Map<string, KeySet>,
    /** Version 2: the table whose records describe the files (`size`, `sha256`). */
    private readonly filesTable?: string,
  ) {
    for (const table of Object.keys(counts)) this.seen[table] = 0;
    this.collector = new FailureCollector(maxFailures);
  }

  pushText(text: string): void {
    let newline = text.indexOf('\n');
    if (newline < 0) {
      this.pending += text;
      if (this.pending.length > MAX_LINE_CHARS) throw lineTooLong(this.recordsRead + 1);
      return;
    }
    if (this.pending.length + newline > MAX_LINE_CHARS) throw lineTooLong(this.recordsRead + 1);
    this.line(this.pending + text.slice(0, newline));
    let start = newline + 1;
    newline = text.indexOf('\n', start);
    while (newline >= 0) {
      if (newline - start > MAX_LINE_CHARS) throw lineTooLong(this.recordsRead + 1);
      this.line(text.slice(start, newline));
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    this.pending = text.slice(start);
    if (this.pending.length > MAX_LINE_CHARS) throw lineTooLong(this.recordsRead + 1);
  }

  private line(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw backupError('CORRUPTED', `record line ${this.recordsRead + 1} is not JSON`);
    }
    if (!isPlainRecord(parsed) || typeof parsed.t !== 'string' || !('r' in parsed)) {
      throw backupError('CORRUPTED', `record line ${this.recordsRead + 1} is not {"t":table,"r":record}`);
    }
    const table = parsed.t;
    if (!Object.hasOwn(this.counts, table)) {
      throw backupError(
        'CORRUPTED',
        `record line ${this.recordsRead + 1} names a table the header does not list`,
      );
    }
    const index = this.seen[table]!;
    if (index >= this.counts[table]!) {
      throw backupError('CORRUPTED', `table ${table} has more records than the header says`);
    }
    this.seen[table] = index + 1;
    this.recordsRead++;
    this.accept(table, index, parsed.r);
  }

  /** Fails at once on a key seen before in this table (a file of one record repeated, say). */
  private checkUnique(table: string, index: number, record: Record<string, unknown>): void {
    const field =
      this.uniqueKeys && Object.hasOwn(this.uniqueKeys, table) ? this.uniqueKeys[table] : undefined;
    if (field === undefined) return;
    const value = record[field];
    if (typeof value !== 'string' && typeof value !== 'number') return; // the validator names it
    const key = String(value);
    let keys = this.keySets.get(table);
    if (!keys) {
      keys = new CompactKeySet();
      this.keySets.set(table, keys);
    }
    if (keys.has(key)) {
      throw invalidRecordsError([
        { table, index, id: key.slice(0, 80), field, message: RECORD_FAILURE_MESSAGES.twice },
      ]);
    }
    keys.add(key);
  }

  private accept(table: string, index: number, record: unknown): void {
    let failures: RecordFailure[] | undefined;
    let value = record;
    if (!isPlainRecord(record)) {
      failures = [recordFailure(table, index, record, '', 'is not a record (a JSON object)')];
    } else if (this.validators) {
      const check = checkRecord(this.validators, table, index, record);
      if (check.ok) value = check.value;
      else failures = check.failures;
    }
    if (!failures && isPlainRecord(value)) this.checkUnique(table, index, value);
    if (!failures && table === this.filesTable) failures = this.expectFile(table, index, value);
    if (failures) {
      this.collector.add(failures);
      this.batch = [];
      this.ready.length = 0;
      return;
    }
    if (this.collector.failures.length > 0) return; // nothing more is handed out after a failure
    if (table !== this.batchTable || this.batch.length >= this.batchSize) this.flushBatch();
    this.batchTable = table;
    this.batch.push(value);
  }

  /** A files-table record names the size and SHA-256 its file's bytes must have. */
  private expectFile(table: string, index: number, record: unknown): RecordFailure[] | undefined {
    const { id, size, sha256: hash } = record as { id?: unknown; size?: unknown; sha256?: unknown };
    if (typeof id !== 'string' || id.length === 0)
      return [recordFailure(table, index, record, 'id', 'has no id')];
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
      return [recordFailure(table, index, record, 'size', 'is not a size in bytes')];
    }
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
      return [recordFailure(table, index, record, 'sha256', 'is not a SHA-256 in lowercase hex')];
    }
    this.files.set(id, { size, sha256: hash });
    return undefined;
  }

  flushBatch(): void {
    if (this.batch.length > 0) this.ready.push({ table: this.batchTable, records: this.batch });
    this.batch = [];
  }

  finish(): void {
    if (this.pending.length > 0) throw backupError('CORRUPTED', 'the last record line is not terminated');
    for (const [table, count] of Object.entries(this.counts)) {
      if (this.seen[table] !== count) {
        throw backupError(
          'CORRUPTED',
          `table ${table} has ${this.seen[table]} records, the header says ${count}`,
        );
      }
    }
    if (this.collector.failures.length > 0) throw this.collector.toError('restore');
    this.flushBatch();
  }
}

/** The inflater with the format's limits, shared by both layouts. */
function limitedInflater(
  parser: RecordParser,
  perSegmentLimit: number,
  totalLimit: number,
  onInflate: ((bytes: number) => void) | undefined,
) {
  let segment = 0;
  let inflatedInSegment = 0;
  let inflated = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const inflater = new Unzlib((chunk, final) => {
    // The limits are checked before the text is decoded or parsed.
    onInflate?.(chunk.length);
    inflatedInSegment += chunk.length;
    inflated += chunk.length;
    if (inflatedInSegment > perSegmentLimit) {
      throw notStillpointBodyError(
        `segment ${segment} unpacks to more than ${perSegmentLimit} bytes (${MAX_INFLATION_RATIO_TEXT} its size)`,
      );
    }
    if (inflated > totalLimit) {
      throw notStillpointBodyError(`the records unpack to more than ${totalLimit} bytes`);
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: !final });
    } catch (error) {
      if (error instanceof TypeError) throw backupError('CORRUPTED', 'the records are not valid UTF-8');
      throw error;
    }
    parser.pushText(text);
  });
  return {
    startSegment(index: number): void {
      segment = index;
      inflatedInSegment = 0;
    },
    /** One slice (at most INFLATE_SLICE bytes); `last` ends the zlib stream and checks the counts. */
    push(slice: Uint8Array, last: boolean): void {
      try {
        inflater.push(slice, last);
        if (last) parser.finish();
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw backupError('CORRUPTED', `the records do not decompress: ${String(error)}`);
      }
    },
  };
}

function newParser(header: BackupHeader, options: ReadOptions): RecordParser {
  return new RecordParser(
    header.counts,
    options.validators,
    options.batchSize ?? 1000,
    options.maxFailures,
    options.uniqueKeys,
    options.keySets ?? new Map(),
    header.formatVersion === FORMAT_VERSION ? header.attachments.table : undefined,
  );
}

async function* readBatches(
  source: BackupSource,
  parsed: ParsedHeader,
  key: BackupKey,
  options: ReadOptions,
): AsyncGenerator<BackupItem> {
  if (parsed.header.formatVersion === FORMAT_VERSION) {
    yield* readStreamBatches(
      source,
      parsed as Extract<ParsedHeader, { header: BackupHeaderV2 }>,
      key,
      options,
    );
    return;
  }
  yield* readFixedBatches(source, parsed as Extract<ParsedHeader, { header: BackupHeaderV1 }>, key, options);
}

/** Version 1: one zlib body of `compressedBytes`, in segments of exactly S bytes. */
async function* readFixedBatches(
  source: BackupSource,
  parsed: Extract<ParsedHeader, { header: BackupHeaderV1 }>,
  key: BackupKey,
  options: ReadOptions,
): AsyncGenerator<RecordBatch> {
  const { header, layout, digest } = parsed;
  const { signal, onProgress, onInflate } = options;
  const total = totalRecords(header);
  const noncePrefix = fromBase64(header.cipher.nonce)!;
  const bodyKey = await deriveBodyKey(key, noncePrefix);
  const parser = newParser(header, options);
  const inflater = limitedInflater(
    parser,
    maxInflatedPerSegment(layout.segmentSize),
    maxInflatedTotal(header.body.compressedBytes),
    onInflate,
  );
  let lastYield = Date.now();

  for (let i = 0; i < layout.segmentCount; i++) {
    throwIfCancelled(signal);
    const final = i === layout.segmentCount - 1;
    const plainSize = final ? layout.lastSegmentSize : layout.segmentSize;
    const start = layout.bodyStart + i * (layout.segmentSize + TAG_LENGTH);
    const ciphertext = await readRange(source, start, start + plainSize + TAG_LENGTH);
    const plaintext = await decryptSegment(bodyKey, noncePrefix, digest, i, final, ciphertext);
    if (!plaintext) {
      throw backupError('CORRUPTED', `segment ${i} of ${layout.segmentCount} does not authenticate`);
    }
    inflater.startSegment(i);
    for (let offset = 0; offset < plaintext.length; offset += INFLATE_SLICE) {
      const end = Math.min(offset + INFLATE_SLICE, plaintext.length);
      inflater.push(plaintext.subarray(offset, end), final && end === plaintext.length);
      if (parser.collector.full) throw parser.collector.toError('restore');
      const ready = parser.ready.splice(0);
      for (const batch of ready) {
        yield batch;
        throwIfCancelled(signal);
      }
      if (Date.now() - lastYield > 25) {
        await yieldToEventLoop();
        lastYield = Date.now();
        throwIfCancelled(signal);
      }
    }
    onProgress?.(parser.recordsRead, total);
  }
}

/** A file being read from its segments (version 2). */
interface FileInProgress {
  id: string;
  expected: FileExpectation;
  received: number;
  /** Gathers the bytes (up to 64 MiB: native SHA-256, and the Blob is made once) or hashes them as they come. */
  hash: FileHasher;
  /** Collecting a file too large to gather: its Blob so far, grown a segment at a time. */
  parts: Blob | null;
}

/**
 * Version 2: length-prefixed segments to the end of the file. Record segments first (one zlib
 * stream, inflated within the same limits as version 1, the total against the body's size),
 * then each file's segments, every byte counted against its record's `size` and the header's
 * total as it arrives, its SHA-256 compared with the record's before the file is handed out.
 */
async function* readStreamBatches(
  source: BackupSource,
  parsed: Extract<ParsedHeader, { header: BackupHeaderV2 }>,
  key: BackupKey,
  options: ReadOptions,
): AsyncGenerator<BackupItem> {
  const { header, layout, digest } = parsed;
  const { signal, onProgress, onInflate } = options;
  const collect = options.files === 'collect';
  const segmentSize = header.cipher.segmentSize;
  const total = totalRecords(header) + header.attachments.count;
  const noncePrefix = fromBase64(header.cipher.nonce)!;
  const bodyKey = await deriveBodyKey(key, noncePrefix);
  const parser = newParser(header, options);
  const inflater = limitedInflater(
    parser,
    maxInflatedPerSegment(segmentSize),
    maxInflatedTotal(layout.fileSize - layout.bodyStart),
    onInflate,
  );
  const idDecoder = new TextDecoder('utf-8', { fatal: true });
  const filesDone = new Set<string>();
  let fileBytes = 0;
  let recordsEnded = false;
  let current: FileInProgress | null = null;
  let lastYield = Date.now();

  const endRecords = () => {
    inflater.push(new Uint8Array(0), true);
    recordsEnded = true;
    if (parser.collector.full) throw parser.collector.toError('restore');
  };
  const finishFile = async (file: FileInProgress): Promise<BackupFile> => {
    if (file.received !== file.expected.size) {
      throw backupError('CORRUPTED', `file ${file.id} has ${file.received} of ${file.expected.size} bytes`);
    }
    if ((await file.hash.digestHex()) !== file.expected.sha256) {
      throw backupError('CORRUPTED', `file ${file.id} does not match the SHA-256 of its record`);
    }
    filesDone.add(file.id);
    const gathered = collect ? file.hash.bytes : null;
    // Blob parts are copied into the platform's blob store: the gathered buffer can go.
    const data = gathered ? new Blob([gathered]) : file.parts;
    return { id: file.id, size: file.received, sha256: file.expected.sha256, data };
  };

  let offset = layout.bodyStart;
  // Each read takes a segment and the next one's length (one read per segment, not two: the
  // file may be in main, a round trip away); null before the first and at the end.
  let nextLength: number | null = null;
  // The next segment's read, started before this one is decrypted and taken apart, so reading
  // the file and the work on it overlap (the read is most of a document's time): memory holds
  // one segment more. Used only if it is the range the loop asks for next.
  let ahead: { start: number; end: number; bytes: Promise<Bytes> } | null = null;
  const readSegment = (start: number, end: number): Promise<Bytes> => {
    const taken = ahead;
    ahead = null;
    return taken && taken.start === start && taken.end === end ? taken.bytes : readRange(source, start, end);
  };
  const readAheadFrom = (start: number, length: number) => {
    if (length < 1 || length > segmentSize) return; // refused when its turn comes
    const end = start + SEGMENT_LENGTH_BYTES + length + TAG_LENGTH;
    if (end > layout.fileSize) return;
    const readEnd = end + SEGMENT_LENGTH_BYTES <= layout.fileSize ? end + SEGMENT_LENGTH_BYTES : end;
    const bytes = readRange(source, start + SEGMENT_LENGTH_BYTES, readEnd);
    bytes.catch(() => {}); // seen where it is awaited; dropped if the read stops first
    ahead = { start: start + SEGMENT_LENGTH_BYTES, end: readEnd, bytes };
  };
  for (let i = 0; ; i++) {
    throwIfCancelled(signal);
    if (offset + SEGMENT_LENGTH_BYTES > layout.fileSize) {
      throw backupError('TRUNCATED', `the file ends inside segment ${i}`);
    }
    const length: number =
      nextLength ?? readUint32BE(await readRange(source, offset, offset + SEGMENT_LENGTH_BYTES), 0);
    if (length < 1 || length > segmentSize) {
      throw backupError('CORRUPTED', `segment ${i} declares ${length} bytes (at most ${segmentSize})`);
    }
    const start = offset + SEGMENT_LENGTH_BYTES;
    const end: number = start + length + TAG_LENGTH;
    if (end > layout.fileSize) throw backupError('TRUNCATED', `the file ends inside segment ${i}`);
    const final = end === layout.fileSize;
    const withNext: boolean = end + SEGMENT_LENGTH_BYTES <= layout.fileSize;
    const read = await readSegment(start, withNext ? end + SEGMENT_LENGTH_BYTES : end);
    if (read.length !== (withNext ? end + SEGMENT_LENGTH_BYTES : end) - start) {
      throw backupError('TRUNCATED', `the file ends inside segment ${i}`);
    }
    nextLength = withNext ? readUint32BE(read, length + TAG_LENGTH) : null;
    if (nextLength !== null) readAheadFrom(end, nextLength);
    const ciphertext = withNext ? read.subarray(0, length + TAG_LENGTH) : read;
    const plaintext = await decryptSegment(bodyKey, noncePrefix, digest, i, final, ciphertext);
    if (!plaintext) {
      // A file cut right after a segment: that segment was sealed as "not the last".
      const cut = final && (await decryptSegment(bodyKey, noncePrefix, digest, i, false, ciphertext));
      if (cut) throw backupError('TRUNCATED', `the file ends after segment ${i}, which is not the last`);
      throw backupError('CORRUPTED', `segment ${i} does not authenticate`);
    }
    offset = end;
    const kind = plaintext[0];
    if (kind === KIND_RECORDS) {
      if (recordsEnded) throw backupError('CORRUPTED', `segment ${i} holds records after the files`);
      inflater.startSegment(i);
      for (let at = 1; at < plaintext.length; at += INFLATE_SLICE) {
        const sliceEnd = Math.min(at + INFLATE_SLICE, plaintext.length);
        inflater.push(plaintext.subarray(at, sliceEnd), false);
        if (parser.collector.full) throw parser.collector.toError('restore');
        for (const batch of parser.ready.splice(0)) {
          yield batch;
          throwIfCancelled(signal);
        }
        if (Date.now() - lastYield > 25) {
          await yieldToEventLoop();
          lastYield = Date.now();
          throwIfCancelled(signal);
        }
      }
      if (final) {
        endRecords();
        for (const batch of parser.ready.splice(0)) yield batch;
      }
    } else if (kind === KIND_FILE) {
      if (!recordsEnded) {
        endRecords();
        for (const batch of parser.ready.splice(0)) yield batch;
      }
      const idLength = plaintext[1] ?? 0;
      if (idLength < 1 || idLength > MAX_FILE_ID_BYTES || 2 + idLength >= plaintext.length) {
        throw backupError('CORRUPTED', `segment ${i} is not a file segment`);
      }
      let id: string;
      try {
        id = idDecoder.decode(plaintext.subarray(2, 2 + idLength));
      } catch {
        throw backupError('CORRUPTED', `segment ${i} names its file in invalid UTF-8`);
      }
      if (current && current.id !== id) {
        const done = await finishFile(current);
        current = null;
        yield { file: done };
      }
      if (!current) {
        if (filesDone.has(id)) throw backupError('CORRUPTED', `file ${id} appears twice`);
        const expected = parser.files.get(id);
        if (!expected)
          throw backupError('CORRUPTED', `file ${id} has no record in ${header.attachments.table}`);
        const hash = new FileHasher(expected.size);
        current = {
          id,
          expected,
          received: 0,
          hash,
          parts: collect && !hash.bytes ? new Blob([]) : null,
        };
      }
      const data = plaintext.subarray(2 + idLength);
      current.received += data.length;
      fileBytes += data.length;
      // Counted before anything is kept: a file cannot grow past its record or the header.
      if (current.received > current.expected.size) {
        throw backupError(
          'CORRUPTED',
          `file ${id} is longer than its record says (${current.expected.size})`,
        );
      }
      if (fileBytes > header.attachments.bytes) {
        throw backupError(
          'CORRUPTED',
          `the files are longer than the header says (${header.attachments.bytes})`,
        );
      }
      current.hash.update(data);
      // Blob parts are copied into the platform's blob store, so this holds one segment at a time.
      if (current.parts) current.parts = new Blob([current.parts, data]);
      if (final) {
        const done = await finishFile(current);
        current = null;
        yield { file: done };
      }
    } else {
      throw backupError('CORRUPTED', `segment ${i} is of unknown kind ${kind}`);
    }
    onProgress?.(parser.recordsRead + filesDone.size, total);
    if (final) break;
  }
  if (filesDone.size !== parser.files.size || filesDone.size !== header.attachments.count) {
    throw backupError(
      'CORRUPTED',
      `the backup holds ${filesDone.size} files; its records describe ${parser.files.size}, its header ${header.attachments.count}`,
    );
  }
  if (fileBytes !== header.attachments.bytes) {
    throw backupError(
      'CORRUPTED',
      `the files hold ${fileBytes} bytes, the header says ${header.attachments.bytes}`,
    );
  }
}

const MAX_INFLATION_RATIO_TEXT = `${MAX_INFLATION_RATIO} times`;
