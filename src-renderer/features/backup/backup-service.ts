import {
  BackupError,
  type BackupHeader,
  type BackupHeaderV2,
  type BackupKey,
  writeBackupStream,
} from '../../../src-shared/backup';
import type { BackupKind } from '../../../src-shared/domain/backup-settings';
import type { Result } from '../../../src-shared/result';
import { translate } from '../../app/i18n';
import type { BackupSnapshotReader } from '../../db/backup-snapshot';
import { RECORD_VALIDATORS } from '../../db/backup-tables';
import { platform } from '../../platform';
import { backupErrorText } from './backup-error-text';
import { workerCompressor } from './worker-compressor';

/**
 * "Back up now" and automatic backups: the whole practice is read as ONE snapshot (one read
 * transaction, `BackupSnapshotReader.withSnapshot`, src-renderer/db) a page at a time, checked
 * against the shared schemas, compressed (in a worker) and encrypted in the renderer
 * (src-shared/backup, format version 2), with each document's bytes checked against its
 * SHA-256 as it goes; only ciphertext goes to main, a segment at a time, which writes it to a
 * temporary file and renames it into the backup folder when complete. Plain records never
 * cross IPC, and neither the practice nor its files are ever all in memory.
 */

export type BackupPhase = 'reading' | 'saving';

export interface BackupProgress {
  phase: BackupPhase;
  /** Records read and encrypted so far. */
  done: number;
  /** Records in the database when the backup started. */
  total: number;
}

/**
 * A stand-in for main's backup folder that takes the file whole (unit tests on fake-indexeddb,
 * where there is no main). It answers like main's streamed commit: the path, the name main
 * chose, and the automatic backups pruned. The app always streams (`backupStream*`).
 */
export type BackupFileWriter = (request: {
  kind: BackupKind;
  bytes: Uint8Array<ArrayBuffer>;
}) => Promise<Result<{ path: string; fileName: string; pruned: string[] }>>;

export interface MakeBackupOptions {
  /** The records to back up: `repositories().backupSnapshot` in the app. */
  records: BackupSnapshotReader;
  /** The passphrase (a fresh salt is drawn and PBKDF2 runs once) or a key derived earlier. */
  passphrase?: string;
  key?: BackupKey;
  appVersion: string;
  signal?: AbortSignal;
  onProgress?: (progress: BackupProgress) => void;
  pageSize?: number;
  now?: () => Date;
  /** PBKDF2 iterations with a passphrase (default and minimum 600,000). */
  iterations?: number;
  /** Plaintext bytes per segment (default 1 MiB); the test vector uses small ones. */
  segmentSize?: number;
}

export interface MadeBackup {
  bytes: Uint8Array<ArrayBuffer>;
  header: BackupHeader;
}

/**
 * Makes a `.stillpoint` file (format version 2) from one consistent snapshot of the practice and
 * hands it to `sink` a sealed segment at a time: neither the records nor the files are ever all
 * in memory. A record that fails its schema, or a stored file that no longer matches its
 * SHA-256, fails the backup with BackupError INVALID_RECORDS naming it; a cancel is CANCELLED.
 */
export async function streamBackup(
  options: MakeBackupOptions & { sink: (chunk: Uint8Array<ArrayBuffer>) => Promise<void> },
): Promise<{ header: BackupHeaderV2; byteLength: number }> {
  const { records, signal, onProgress } = options;
  if (!options.key && !options.passphrase) throw new RangeError('A backup needs a passphrase or a key');
  return records.withSnapshot(
    async (snapshot) => {
      const total = Object.values(snapshot.counts).reduce((sum, n) => sum + n, 0) + snapshot.files.count;
      let recordsDone = 0;
      onProgress?.({ phase: 'reading', done: 0, total });
      return writeBackupStream({
        ...(options.key ? { key: options.key } : { passphrase: options.passphrase! }),
        ...(options.iterations ? { iterations: options.iterations } : {}),
        appVersion: options.appVersion,
        schemaVersion: records.schemaVersion,
        tables: snapshot.pages,
        counts: snapshot.counts,
        ...(snapshot.dateRange ? { dateRange: snapshot.dateRange } : {}),
        files: snapshot.files,
        ...(options.segmentSize ? { segmentSize: options.segmentSize } : {}),
        validators: RECORD_VALIDATORS,
        // Deflating in a worker while this thread reads and checks the next page (not in Node tests).
        ...(typeof Worker === 'function' ? { compressor: workerCompressor } : {}),
        sink: options.sink,
        ...(options.now ? { now: options.now } : {}),
        ...(signal ? { signal } : {}),
        onProgress: (done) => {
          recordsDone = done;
          onProgress?.({ phase: 'reading', done, total });
        },
        onFileProgress: (done) => onProgress?.({ phase: 'reading', done: recordsDone + done, total }),
      });
    },
    {
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(signal ? { signal } : {}),
    },
  );
}

/**
 * Makes a complete `.stillpoint` file in memory (tests, the test vectors, one-buffer writers).
 * The app streams instead (`streamBackup` into main's backup file).
 */
export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const streamed = await streamBackup({
    ...options,
    sink: async (chunk) => {
      chunks.push(chunk);
    },
  });
  const bytes = new Uint8Array(streamed.byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, header: streamed.header };
}

export interface SaveBackupOptions extends MakeBackupOptions {
  automatic: boolean;
  /**
   * Tests only: the file is made in memory, then handed over whole. Default (the app): streamed
   * into main's backup folder a segment at a time (backupStream*).
   */
  writer?: BackupFileWriter;
  /** What the backup is for, which names the file; default: automatic or manual. */
  kind?: BackupKind;
}

export interface SavedBackup {
  path: string;
  fileName: string;
  /** Old automatic backups deleted to keep the number chosen. */
  pruned: string[];
  header: BackupHeader;
  byteLength: number;
}

/** A failure to store the file (no folder chosen, disk full, no permission): main's message. */
export class BackupSaveError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackupSaveError';
  }
}

/** Makes a backup and has main write it into the backup folder, a segment at a time. */
export async function saveBackup(options: SaveBackupOptions): Promise<SavedBackup> {
  const kind = options.kind ?? (options.automatic ? 'automatic' : 'manual');
  if (options.writer) return saveThroughWriter(options, options.writer, kind);
  const bridge = platform();
  const begun = await bridge.backupStreamBegin({ kind });
  if (!begun.ok) throw new BackupSaveError(begun.error.code, begun.error.message);
  const { token } = begun.value;
  let streamed: { header: BackupHeader; byteLength: number };
  try {
    streamed = await streamBackup({
      ...options,
      sink: async (bytes) => {
        const result = await bridge.backupStreamChunk({ token, bytes });
        if (!result.ok) throw new BackupSaveError(result.error.code, result.error.message);
      },
    });
    if (options.signal?.aborted) throw new BackupError('CANCELLED', 'Cancelled.');
  } catch (error) {
    await bridge.backupStreamAbort({ token }).catch(() => undefined);
    throw error;
  }
  const total = Object.values(streamed.header.counts).reduce((sum, n) => sum + n, 0);
  options.onProgress?.({ phase: 'saving', done: total, total });
  const committed = await bridge.backupStreamCommit({ token });
  if (!committed.ok) throw new BackupSaveError(committed.error.code, committed.error.message);
  return { ...committed.value, header: streamed.header, byteLength: streamed.byteLength };
}

/** A one-buffer writer (tests): the file is made in memory first. */
async function saveThroughWriter(
  options: SaveBackupOptions,
  writer: BackupFileWriter,
  kind: BackupKind,
): Promise<SavedBackup> {
  const made = await makeBackup(options);
  if (options.signal?.aborted) throw new BackupError('CANCELLED', 'Cancelled.');
  const total = Object.values(made.header.counts).reduce((sum, n) => sum + n, 0);
  options.onProgress?.({ phase: 'saving', done: total, total });
  const result = await writer({ kind, bytes: made.bytes });
  if (!result.ok) throw new BackupSaveError(result.error.code, result.error.message);
  return {
    path: result.value.path,
    fileName: result.value.fileName,
    pruned: result.value.pruned,
    header: made.header,
    byteLength: made.bytes.byteLength,
  };
}

/** The words to show for a failed backup or restore: never a stack trace. */
export function describeFailure(error: unknown, what: 'backup' | 'restore'): string {
  if (error instanceof BackupError) return backupErrorText(error);
  if (error instanceof BackupSaveError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return what === 'backup'
    ? translate('backup.errors.backupFailed', { detail })
    : translate('backup.errors.restoreFailed', { detail });
}

let appVersionCache: Promise<string> | undefined;

/** The running Stillpoint's version, written into every backup header. */
export function currentAppVersion(): Promise<string> {
  appVersionCache ??= platform()
    .appInfo()
    .then((result) => (result.ok ? result.value.version : '0.0.0'))
    .catch(() => '0.0.0');
  return appVersionCache;
}
