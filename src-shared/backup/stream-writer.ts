import { type Bytes, toBase64, utf8, writeUint32BE } from './bytes';
import { backupError, invalidRecordsError } from './errors';
import { FileHasher, sha256Hex, WHOLE_FILE_HASH_LIMIT } from './file-hash';
import {
  type BackupHeaderV2,
  BackupHeaderV2Schema,
  CIPHER_NAME,
  DEFAULT_SEGMENT_SIZE,
  FORMAT_NAME,
  FORMAT_VERSION,
  KDF_NAME,
  KIND_FILE,
  MAX_FILE_ID_BYTES,
  MAX_SEGMENT_SIZE,
  MIN_SEGMENT_SIZE_V2,
  NONCE_PREFIX_LENGTH,
  SEGMENT_LENGTH_BYTES,
} from './format';
import { encodeHeader } from './header';
import {
  type BackupKey,
  deriveBackupKey,
  deriveBodyKey,
  encryptSegment,
  randomBytes,
  type WebCryptoKey,
} from './keys';
import type { BlobLike } from './reader';
import type { CancelSignal } from './records';
import { type CompressOptions, compressRecords, SegmentSink } from './writer';

/** One file to carry in a version 2 backup: what its record says, and its bytes. */
export interface BackupFileEntry {
  id: string;
  /** From the file's record: the bytes must be exactly this many... */
  size: number;
  /** ...and have this SHA-256 (lowercase hex), checked as they are read. */
  sha256: string;
  data: BlobLike;
}

export interface StreamBackupOptions extends Omit<CompressOptions, 'dateRange' | 'counts'> {
  passphrase?: string;
  key?: BackupKey;
  iterations?: number;
  appVersion: string;
  schemaVersion: number;
  /**
   * Records per table, exactly: the header is written first, so the caller reads them from the
   * same snapshot as the records. A different number written fails the backup.
   */
  counts: Readonly<Record<string, number>>;
  /** The smallest and largest value of one field, known before writing (the header comes first). */
  dateRange?: BackupHeaderV2['dateRange'];
  /** The files: one per record of `table`, each entry with that record's size and SHA-256. */
  files: {
    table: string;
    count: number;
    bytes: number;
    entries: AsyncIterable<BackupFileEntry> | Iterable<BackupFileEntry>;
  };
  /** Plaintext bytes per segment at most: default 1 MiB. */
  segmentSize?: number;
  now?: () => Date;
  /**
   * Where the file goes, in order: the header, then each segment as two chunks (its 4-byte
   * length, then its ciphertext). Awaited, so a slow disk slows the backup instead of filling
   * memory. A sink only appends: chunk boundaries mean nothing.
   */
  sink: (chunk: Bytes) => Promise<void>;
  signal?: CancelSignal;
  /** (files written, files) after each file. */
  onFileProgress?: (done: number, total: number) => void;
}

export interface StreamedBackup {
  byteLength: number;
  header: BackupHeaderV2;
}

function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw backupError('CANCELLED', 'cancelled by the caller');
}

/**
 * Encrypts segments as they come, holding back one: a segment is sealed only once it is known
 * whether another follows (the last one's additional data says it is the last).
 *
 * Sealing and writing overlap: a segment is encrypted (WebCrypto, on its own thread) while the
 * one before it is still being written (main's disk, or the bench's file), so a backup costs
 * about the slower of the two per segment, not their sum. The sink still sees one write at a
 * time, in order: a write starts only once the one before it has finished, so a slow disk slows
 * the backup, and memory holds one sealed segment waiting beside the one being written.
 */
class SegmentSealer {
  private pending: Bytes | null = null;
  private index = 0;
  /** The write in flight (the previous segment's length and ciphertext); settled when idle. */
  private writing: Promise<void> = Promise.resolve();
  byteLength = 0;

  constructor(
    private readonly bodyKey: WebCryptoKey,
    private readonly noncePrefix: Bytes,
    private readonly digest: Bytes,
    private readonly sink: (chunk: Bytes) => Promise<void>,
  ) {}

  async add(plaintext: Bytes): Promise<void> {
    if (this.pending) await this.emit(this.pending, false);
    this.pending = plaintext;
  }

  /** Seals the last segment and waits until every write has finished. */
  async finish(): Promise<void> {
    if (!this.pending) throw new Error('A backup body has at least one segment');
    await this.emit(this.pending, true);
    this.pending = null;
    await this.writing;
  }

  /**
   * Waits for the write in flight, whatever its outcome: the backup failed elsewhere, and the
   * caller discards what the sink received only once nothing more is being written to it.
   */
  async settle(): Promise<void> {
    await this.writing.catch(() => {});
  }

  private async emit(plaintext: Bytes, final: boolean): Promise<void> {
    // WebCrypto copies the plaintext when asked: the caller may refill its buffer at once.
    const sealing = encryptSegment(this.bodyKey, this.noncePrefix, this.digest, this.index, final, plaintext);
    this.index++;
    const [sealed] = await Promise.all([sealing, this.writing]);
    // The length prefix goes out on its own, before the ciphertext as WebCrypto returned it:
    // copying both into one new buffer would leave another megabyte per segment to the
    // collector (the bench's peak heap counts ArrayBuffers), for a sink that only appends.
    const prefix = new Uint8Array(SEGMENT_LENGTH_BYTES);
    writeUint32BE(prefix, 0, plaintext.length);
    this.byteLength += prefix.length + sealed.length;
    this.writing = this.sink(prefix).then(() => this.sink(sealed));
    // A failed write is reported by the next emit, by finish, or dropped by settle.
    this.writing.catch(() => {});
  }
}

/** Files up to this size are read and hashed while the one before is sealed. */
const READ_AHEAD_LIMIT = 8 * 1024 * 1024;

function iterate<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

const DAMAGED_FILE =
  'does not match the SHA-256 recorded when it was added: the stored file is damaged on this computer';

/**
 * Writes a version 2 `.stillpoint` file as a stream (docs/backup-format.md): the header, the
 * records as one zlib stream in segments, then each file as its own segments, every segment
 * handed to `sink` as soon as it is sealed. Memory holds a page of records, a segment or two
 * and the compressor's window, whatever the size of the practice or its files. Each file's
 * bytes are checked against its record's size and SHA-256 as they are read; a mismatch fails
 * the backup (INVALID_RECORDS naming the file). On any failure the caller discards what the
 * sink received.
 */
export async function writeBackupStream(options: StreamBackupOptions): Promise<StreamedBackup> {
  const segmentSize = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  if (!Number.isInteger(segmentSize) || segmentSize < MIN_SEGMENT_SIZE_V2 || segmentSize > MAX_SEGMENT_SIZE) {
    throw new RangeError(`segmentSize must be ${MIN_SEGMENT_SIZE_V2}..${MAX_SEGMENT_SIZE}`);
  }
  if (options.key && options.passphrase !== undefined)
    throw new RangeError('Give a passphrase or a key, not both');
  const { signal, files } = options;
  throwIfCancelled(signal);
  const key =
    options.key ??
    (options.passphrase !== undefined
      ? await deriveBackupKey(
          options.passphrase,
          options.iterations ? { iterations: options.iterations } : {},
        )
      : undefined);
  if (!key) throw new RangeError('writeBackupStream needs a passphrase or a key');

  const noncePrefix = randomBytes(NONCE_PREFIX_LENGTH);
  const header: BackupHeaderV2 = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: options.schemaVersion,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    counts: { ...options.counts },
    ...(options.dateRange ? { dateRange: options.dateRange } : {}),
    kdf: { name: KDF_NAME, iterations: key.iterations, salt: toBase64(key.salt) },
    passphraseCheck: toBase64(key.passphraseCheck),
    cipher: { name: CIPHER_NAME, nonce: toBase64(noncePrefix), segmentSize },
    body: { compression: 'zlib', encoding: 'ndjson' },
    attachments: { table: files.table, count: files.count, bytes: files.bytes },
  };
  const valid = BackupHeaderV2Schema.safeParse(header);
  if (!valid.success) {
    const issues = valid.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new RangeError(`Cannot write this backup header: ${issues.join('; ')}`);
  }
  const { bytes, digest } = await encodeHeader(header);
  const bodyKey = await deriveBodyKey(key, noncePrefix);
  await options.sink(bytes);
  const sealer = new SegmentSealer(bodyKey, noncePrefix, digest, options.sink);
  // A failure anywhere waits for the write in flight: the caller then discards the whole file.
  try {
    // Records: one zlib stream cut into segments of S - 1 bytes after the kind byte (0).
    const records = new SegmentSink(segmentSize, 1);
    const drain = async () => {
      for (const segment of records.segments.splice(0)) await sealer.add(segment);
    };
    const body = await compressRecords(
      {
        tables: options.tables,
        counts: options.counts,
        ...(options.validators ? { validators: options.validators } : {}),
        ...(options.compressionLevel !== undefined ? { compressionLevel: options.compressionLevel } : {}),
        ...(options.compressor ? { compressor: options.compressor } : {}),
        ...(signal ? { signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
      segmentSize,
      records,
      drain,
    );
    await drain();
    for (const [table, count] of Object.entries(body.counts)) {
      if (count !== (options.counts[table] ?? 0)) {
        throw new Error(
          `Table ${table} gave ${count} records, not the ${options.counts[table] ?? 0} counted first`,
        );
      }
    }
    const fileRecords = body.counts[files.table] ?? 0;
    if (fileRecords !== files.count) {
      throw new Error(`${files.count} files announced for ${fileRecords} records of ${files.table}`);
    }

    // Files: each as its own segments: kind 1, the id, then the next bytes of the file.
    const failFile = (entry: BackupFileEntry, index: number, field: string, message: string) =>
      invalidRecordsError([{ table: files.table, index, id: entry.id.slice(0, 80), field, message }], {
        during: 'backup',
      });
    /**
     * A file up to WHOLE_FILE_HASH_LIMIT read whole and checked against its record (a native
     * SHA-256); null for a larger one, which is read and hashed a segment at a time as it is sealed.
     */
    const prepare = async (entry: BackupFileEntry, index: number): Promise<Uint8Array | null> => {
      if (entry.data.size !== entry.size) {
        throw failFile(
          entry,
          index,
          'size',
          `is ${entry.size} bytes, but the stored file has ${entry.data.size}: it is damaged on this computer`,
        );
      }
      if (entry.size < 1) throw failFile(entry, index, 'size', 'is an empty file');
      if (entry.size > WHOLE_FILE_HASH_LIMIT) return null;
      const whole = new Uint8Array(await entry.data.slice(0, entry.size).arrayBuffer());
      if (whole.length !== entry.size)
        throw failFile(entry, index, 'size', 'could not be read whole from this computer');
      if ((await sha256Hex(whole)) !== entry.sha256) throw failFile(entry, index, 'sha256', DAMAGED_FILE);
      return whole;
    };
    // Two plaintext buffers, taken in turn: WebCrypto copies a segment's plaintext when asked to
    // encrypt it, and the sealer holds back only the latest one, so the other is free to refill.
    // No megabyte is allocated (and left to the collector) per segment.
    const plaintexts = [new Uint8Array(segmentSize), new Uint8Array(segmentSize)] as const;
    let turn = 0;
    const entries = iterate(files.entries);
    let filesDone = 0;
    let bytesDone = 0;
    let next = await entries.next();
    // The next file is read and hashed while this one is encrypted and written (IndexedDB reads in
    // the browser process, WebCrypto on its own thread): a small one only, so memory holds at
    // most one file and READ_AHEAD_LIMIT more.
    let ahead: Promise<Uint8Array | null> | null = null;
    while (!next.done) {
      throwIfCancelled(signal);
      const entry = next.value;
      const index = filesDone;
      const id = utf8(entry.id);
      if (id.length < 1 || id.length > MAX_FILE_ID_BYTES)
        throw new RangeError(`File id ${entry.id} is not 1-200 bytes`);
      const ready = ahead ?? prepare(entry, index);
      next = await entries.next();
      ahead =
        !next.done && next.value.size <= READ_AHEAD_LIMIT && next.value.size === next.value.data.size
          ? prepare(next.value, index + 1)
          : null;
      ahead?.catch(() => {}); // reported in its turn, or dropped with the backup
      const whole = await ready;
      const room = segmentSize - 2 - id.length;
      const seal = async (part: Uint8Array) => {
        const buffer = plaintexts[turn]!;
        turn = 1 - turn;
        buffer[0] = KIND_FILE;
        buffer[1] = id.length;
        buffer.set(id, 2);
        buffer.set(part, 2 + id.length);
        await sealer.add(buffer.subarray(0, 2 + id.length + part.length));
      };
      if (whole) {
        for (let at = 0; at < entry.size; at += room) {
          throwIfCancelled(signal);
          await seal(whole.subarray(at, Math.min(at + room, entry.size)));
        }
      } else {
        const hash = new FileHasher(entry.size);
        for (let at = 0; at < entry.size; at += room) {
          throwIfCancelled(signal);
          const end = Math.min(at + room, entry.size);
          const part = new Uint8Array(await entry.data.slice(at, end).arrayBuffer());
          if (part.length !== end - at)
            throw failFile(entry, index, 'size', 'could not be read whole from this computer');
          hash.update(part);
          await seal(part);
        }
        if ((await hash.digestHex()) !== entry.sha256) throw failFile(entry, index, 'sha256', DAMAGED_FILE);
      }
      filesDone++;
      bytesDone += entry.size;
      options.onFileProgress?.(filesDone, files.count);
    }
    if (filesDone !== files.count || bytesDone !== files.bytes) {
      throw new Error(
        `${filesDone} files of ${bytesDone} bytes written, ${files.count} of ${files.bytes} announced`,
      );
    }
    throwIfCancelled(signal);
    await sealer.finish();
  } catch (error) {
    await sealer.settle();
    throw error;
  }
  return { byteLength: bytes.length + sealer.byteLength, header };
}
