import { Unzlib } from 'fflate';
import { type Bytes, fromBase64 } from './bytes';
import {
  BackupError,
  backupError,
  invalidRecordsError,
  notStillpointBodyError,
  type RecordFailure,
} from './errors';
import {
  type BackupHeader,
  MAX_INFLATION_RATIO,
  MAX_LINE_BYTES,
  maxInflatedPerSegment,
  maxInflatedTotal,
  TAG_LENGTH,
  totalRecords,
} from './format';
import { MAX_HEADER_REGION, type ParsedHeader, parseHeader } from './header';
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
  segmentCount: number;
  totalRecords: number;
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
  keySets?: Map<string, Set<string>>;
  /** Told the size of every chunk of text the decompressor produces (tests count the work). */
  onInflate?: (bytes: number) => void;
}

/** What a single `batches()` pass may override. */
export type PassOptions = Pick<ReadOptions, 'signal' | 'onProgress' | 'uniqueKeys' | 'keySets' | 'onInflate'>;

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
  batches(overrides?: PassOptions): AsyncGenerator<RecordBatch>;
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
  return {
    header: parsed.header,
    fileSize: parsed.layout.fileSize,
    segmentCount: parsed.layout.segmentCount,
    totalRecords: totalRecords(parsed.header),
  };
}

/**
 * Reads and checks the plain header without a passphrase, for the restore preview (counts, date
 * range, created at, app version). Errors: NOT_A_BACKUP, TRUNCATED, CORRUPTED, NEWER_VERSION.
 */
export async function readBackupHeader(
  source: BackupSource,
  options: Pick<ReadOptions, 'maxSchemaVersion'>,
): Promise<BackupInfo> {
  return infoOf(await readParsedHeader(source, options.maxSchemaVersion));
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
    private readonly keySets: Map<string, Set<string>>,
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
      keys = new Set();
      this.keySets.set(table, keys);
    }
    if (keys.has(key)) {
      throw invalidRecordsError([
        { table, index, id: key.slice(0, 80), field, message: 'appears twice in the backup' },
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

async function* readBatches(
  source: BackupSource,
  parsed: ParsedHeader,
  key: BackupKey,
  options: ReadOptions,
): AsyncGenerator<RecordBatch> {
  const { header, layout, digest } = parsed;
  const { signal, onProgress, onInflate } = options;
  const total = totalRecords(header);
  const noncePrefix = fromBase64(header.cipher.nonce)!;
  const bodyKey = await deriveBodyKey(key, noncePrefix);
  const parser = new RecordParser(
    header.counts,
    options.validators,
    options.batchSize ?? 1000,
    options.maxFailures,
    options.uniqueKeys,
    options.keySets ?? new Map(),
  );
  const perSegmentLimit = maxInflatedPerSegment(layout.segmentSize);
  const totalLimit = maxInflatedTotal(header.body.compressedBytes);
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
    segment = i;
    inflatedInSegment = 0;
    for (let offset = 0; offset < plaintext.length; offset += INFLATE_SLICE) {
      const end = Math.min(offset + INFLATE_SLICE, plaintext.length);
      const last = final && end === plaintext.length;
      try {
        inflater.push(plaintext.subarray(offset, end), last);
        if (last) parser.finish();
      } catch (error) {
        if (error instanceof BackupError) throw error;
        throw backupError('CORRUPTED', `the records do not decompress: ${String(error)}`);
      }
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

const MAX_INFLATION_RATIO_TEXT = `${MAX_INFLATION_RATIO} times`;
