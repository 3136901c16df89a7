/**
 * Stillpoint backups: the `.stillpoint` file format (docs/backup-format.md), its writer and
 * reader, and the restore planner. Pure TypeScript on WebCrypto, TextEncoder/TextDecoder,
 * CompressionStream (native zlib, where there is one) and fflate, so it runs in the renderer (or a
 * worker) and in Node tests alike. It never touches the
 * database or the disk: the caller streams records in and writes the returned chunks.
 *
 * Writing
 *   writeBackupStream({ passphrase | key, appVersion, schemaVersion, counts, dateRange?, tables,
 *                       files: { table, count, bytes, entries }, sink, ... }): the app's writer,
 *     format version 2: the header first (counts known from one snapshot), then each sealed
 *     segment handed to `sink` as it is made; files as their own segments, each checked against
 *     its record's size and SHA-256 as it is read. Memory stays flat at any size.
 *   writeBackup({ passphrase | key, appVersion, schemaVersion, tables, counts?, dateRange?,
 *                 validators?, iterations?, segmentSize?, compressionLevel?, compressor?, now?,
 *                 signal?, onProgress? }): Promise<{ chunks: Uint8Array[]; byteLength; header }>
 *     Format version 1, in memory: kept so tests can make version 1 files (which still restore).
 *     `tables` is an (async) iterable of { table, records } chunks. Only the compressed body is
 *     held in memory. Throws INVALID_RECORDS (with validators, or a record that is not a plain
 *     object), CANCELLED, or RangeError for bad options.
 *   deriveBackupKey(passphrase, { salt?, iterations? }): Promise<BackupKey>
 *     PBKDF2-SHA256 (default 600,000 iterations) then HKDF. A key may seal several files (each
 *     still gets its own body key); tests do that to pay the KDF once. The app does not: every
 *     backup it makes, automatic ones included, draws a fresh salt (docs/backup-format.md, Keys).
 *
 * Reading (every failure is a BackupError with a code and a message for the therapist)
 *   readBackupHeader(source, { maxSchemaVersion }): Promise<BackupInfo>
 *     No passphrase: counts, date range, created at, versions, for the preview.
 *     NOT_A_BACKUP | TRUNCATED | CORRUPTED | NEWER_VERSION.
 *   openBackup(source, passphrase, { maxSchemaVersion, validators?, maxFailures?, batchSize?,
 *              signal?, onProgress?, uniqueKeys?, keySets?, onInflate? }): Promise<OpenedBackup>
 *     The body is inflated 8 KiB at a time within the format's limits (a record line at most
 *     16 MiB, the text at most 256 times the compressed size): a crafted file is CORRUPTED
 *     early, never a huge allocation. `uniqueKeys` (table -> key field) refuses a repeated key
 *     as its line arrives.
 *     Checks the header and the passphrase (WRONG_PASSPHRASE) before any record is decrypted;
 *     `opened.batches()` then yields { table, records } (validated values when validators are
 *     given) and ends with CORRUPTED / INVALID_RECORDS / CANCELLED if something is wrong. Each
 *     call reads the file again, so a validation pass can precede a writing pass.
 *   `source` is a Uint8Array or anything Blob-like (a File): segments are read one at a time.
 *
 * Validation
 *   zodValidator(schema) -> RecordValidator; validators are Record<table, RecordValidator>.
 *     Passed to openBackup, they check every record as its batch is read; a failure names the
 *     table, record number, id and field (INVALID_RECORDS).
 *
 * Restore planning (pure, O(n))
 *   planTableRestore(table, current, incoming, options) -> { puts, deletes, added, updated,
 *     unchanged, keptCurrent, deleted, conflicts } for one table (or one batch of it) at a
 *     time. (Whole-file helpers for tests: tests/unit/backup/whole-file.ts.)
 *
 * Key cache: derived keys are cached by SHA-256(iterations, salt, passphrase) in a small LRU
 * (8 entries) so a preview-then-restore, or many files sealed with one salt, derive once.
 * `clearBackupKeyCache()` empties it (e.g. when the app locks).
 *
 * Memory and IndexedDB: an IndexedDB transaction commits when it waits on anything else, such
 * as WebCrypto; decrypt first (a validation pass over batches()), then write a batch at a time,
 * awaiting the next batch through Dexie.waitFor.
 */
export { type Bytes, fromBase64, toBase64 } from './bytes';
export { type Compressor, type CompressorFactory, localCompressor } from './compress';
export { jsonEqual } from './equal';
export {
  BackupError,
  type BackupErrorCode,
  backupErrorCodes,
  backupErrorMessages,
  isBackupError,
  type RecordFailure,
} from './errors';
export {
  type BackupHeader,
  BackupHeaderSchema,
  type BackupHeaderV2,
  DEFAULT_ITERATIONS,
  DEFAULT_SEGMENT_SIZE,
  FILE_EXTENSION,
  FORMAT_NAME,
  FORMAT_VERSION,
  FORMAT_VERSION_1,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
} from './format';
export { CompactKeySet, type KeySet } from './key-set';
export { type BackupKey, clearBackupKeyCache, deriveBackupKey } from './keys';
export {
  CONFLICT_COPY_FIELD,
  type ConflictReason,
  emptyCounts,
  planTableRestore,
  type RecordBody,
  type RestorableRecord,
  type RestoreConflict,
  type RestoreCounts,
  type RestoreMode,
  STILLPOINT_SIGNED_FIELDS,
  type TablePlan,
} from './plan';
export {
  type BackupFile,
  type BackupInfo,
  type BackupItem,
  type BackupSource,
  type BlobLike,
  isFileItem,
  type OpenedBackup,
  openBackup,
  type PassOptions,
  type ReadOptions,
  readBackupHeader,
} from './reader';
export type { CancelSignal, ProgressCallback, RecordBatch } from './records';
export {
  type BackupFileEntry,
  type StreamBackupOptions,
  type StreamedBackup,
  writeBackupStream,
} from './stream-writer';
export {
  type RecordCheck,
  type RecordValidator,
  type RecordValidators,
  type SafeParser,
  zodValidator,
} from './validate';
export {
  type WriteBackupOptions,
  type WrittenBackup,
  writeBackup,
} from './writer';
