import { BackupError, type BackupHeader, type BackupKey, writeBackup } from '../../../src-shared/backup';
import type { BackupKind } from '../../../src-shared/domain/backup-settings';
import { backupTooLargeMessage, MAX_BACKUP_FILE_BYTES } from '../../../src-shared/domain/file-size-limits';
import type { Result } from '../../../src-shared/result';
import type { BackupSnapshotReader } from '../../db/backup-snapshot';
import { RECORD_VALIDATORS } from '../../db/backup-tables';
import { platform } from '../../platform';
import { workerCompressor } from './worker-compressor';

/**
 * "Back up now" and automatic backups: every table is read a page at a time through the backup's
 * front to the data (`BackupSnapshotReader`, src-renderer/db), checked against the shared schemas, compressed (in a worker) and encrypted in the renderer
 * (src-shared/backup), and only the ciphertext goes to main, which writes it atomically into the
 * backup folder. Plain records never cross IPC.
 *
 * Pages are separate read transactions, so the file is not one snapshot: a record saved while a
 * backup runs may or may not be in it (each record is whole either way). The header keeps the
 * counts actually written.
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
 * Main's atomic write into the backup folder (platform().backupWrite), injectable for tests.
 * Main names the file from the kind and its own clock and answers with the name.
 */
export type BackupFileWriter = (request: {
  kind: BackupKind;
  bytes: Uint8Array<ArrayBuffer>;
}) => Promise<Result<{ path: string; fileName: string; pruned: string[] }>>;

export const platformBackupWriter: BackupFileWriter = (request) => platform().backupWrite(request);

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
}

export interface MadeBackup {
  bytes: Uint8Array<ArrayBuffer>;
  header: BackupHeader;
}

/**
 * Makes a complete `.stillpoint` file in memory. A record that fails its schema fails the
 * backup with BackupError INVALID_RECORDS naming it; a cancel is BackupError CANCELLED.
 */
export async function makeBackup(options: MakeBackupOptions): Promise<MadeBackup> {
  const { records, signal, onProgress } = options;
  if (!options.key && !options.passphrase) throw new RangeError('A backup needs a passphrase or a key');
  const counts = await records.countsByTable();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  onProgress?.({ phase: 'reading', done: 0, total });
  const written = await writeBackup({
    ...(options.key ? { key: options.key } : { passphrase: options.passphrase! }),
    ...(options.iterations ? { iterations: options.iterations } : {}),
    appVersion: options.appVersion,
    schemaVersion: records.schemaVersion,
    tables: records.pages({
      ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      ...(signal ? { signal } : {}),
    }),
    counts,
    dateRange: { table: 'sessions', field: 'serviceDate' },
    validators: RECORD_VALIDATORS,
    // Deflating in a worker while this thread reads and checks the next page (not in Node tests).
    ...(typeof Worker === 'function' ? { compressor: workerCompressor } : {}),
    oneChunk: true, // main's backupWrite takes one buffer: encrypt straight into it

    ...(options.now ? { now: options.now } : {}),
    ...(signal ? { signal } : {}),
    onProgress: (done, expected) =>
      onProgress?.({ phase: 'reading', done, total: Math.max(expected, total) }),
  });
  const [bytes] = written.chunks;
  if (written.chunks.length !== 1 || !bytes) throw new Error('Expected the backup as one buffer');
  return { bytes, header: written.header };
}

export interface SaveBackupOptions extends MakeBackupOptions {
  automatic: boolean;
  /** Default: main's backupWrite. */
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

/** Makes a backup and has main write it into the backup folder. */
export async function saveBackup(options: SaveBackupOptions): Promise<SavedBackup> {
  const made = await makeBackup(options);
  if (options.signal?.aborted) throw new BackupError('CANCELLED', 'Cancelled.');
  const total = Object.values(made.header.counts).reduce((sum, n) => sum + n, 0);
  options.onProgress?.({ phase: 'saving', done: total, total });
  // Main would refuse it; saying so here spares sending hundreds of megabytes over IPC.
  if (made.bytes.byteLength > MAX_BACKUP_FILE_BYTES) {
    throw new BackupSaveError('UNSUPPORTED', backupTooLargeMessage(made.bytes.byteLength));
  }
  const kind = options.kind ?? (options.automatic ? 'automatic' : 'manual');
  const writer = options.writer ?? platformBackupWriter;
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
  if (error instanceof BackupError || error instanceof BackupSaveError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return what === 'backup'
    ? `The backup could not be made (${detail}). Nothing was changed.`
    : `The restore did not happen (${detail}). Your records are unchanged.`;
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
