import { BackupSnapshotReader } from '../../../src-renderer/db/backup-snapshot';
import { StillpointDatabase as Database, type StillpointDatabase } from '../../../src-renderer/db/database';
import { RestoreWriter } from '../../../src-renderer/db/restore-writer';
import { streamBackup } from '../../../src-renderer/features/backup/backup-service';
import { loadBackup } from '../../../src-renderer/features/backup/restore/load-backup';
import { restoreBackup } from '../../../src-renderer/features/backup/restore/restore-service';
import { BackupError } from '../../../src-shared/backup';
import { createBenchFile, removeBenchFile } from './bench-files';
import { HeapSampler, LiveHeapProbe } from './heap';

/**
 * Backup and restore through the app's own services (src-renderer/features/backup), timed end to
 * end as the therapist waits for them: "Back up now" reads every table, validates, compresses and
 * encrypts (PBKDF2 included); "Restore from backup" decrypts and validates, then writes everything
 * in one transaction. The restore goes into a separate, empty database so the practice the other
 * measures use is never touched.
 */

export interface BackupRun {
  records: number;
  ms: number;
  recordsPerSecond: number;
  bytes: number;
  /** Documents in the backup, and their bytes. */
  files: number;
  fileBytes: number;
  peakHeapMB: number;
  /** BENCH_GC_PROBE=1: the largest heap left after a full collection, else NaN. */
  liveHeapMB: number;
}

export interface RestoreRun {
  records: number;
  ms: number;
  recordsPerSecond: number;
  /** Decrypting and validating (loadBackup) and writing (restoreBackup), within `ms`. */
  loadMs: number;
  writeMs: number;
  peakHeapMB: number;
  /** The peak of each step: checking the whole file (loadBackup), then writing it. */
  loadPeakHeapMB: number;
  writePeakHeapMB: number;
  /** BENCH_GC_PROBE=1: the largest heap left after a full collection in each step, else NaN. */
  loadLiveHeapMB: number;
  writeLiveHeapMB: number;
  /** The backup file's size. */
  bytes: number;
}

/**
 * The last backup, as a File: the app streams each sealed segment to main, which appends it to
 * a file; here each is written, and awaited, to a file in the origin private file system
 * (bench-files.ts), so no chunk stays in the JS heap and the heap measured is the app's own. The
 * restore reads that File back a range at a time, as it reads a file on disk (a File is a Blob).
 */
const BACKUP_FILE = 'backup.stillpoint';
let lastBackup: File | undefined;

export async function backupBench(db: StillpointDatabase, passphrase: string): Promise<BackupRun> {
  // The previous backup's file goes before this one is written: never two on disk at once.
  await dropBackup();
  const out = await createBenchFile(BACKUP_FILE);
  const heap = new HeapSampler();
  const live = new LiveHeapProbe();
  const start = performance.now();
  let made: Awaited<ReturnType<typeof streamBackup>> | undefined;
  // Finishing the file is timed too: the backup is done when its file is complete, as main's is
  // when it closes it.
  const file = await out
    .fill(async (write) => {
      made = await streamBackup({
        records: new BackupSnapshotReader(db),
        passphrase,
        appVersion: '0.0.0-bench',
        onProgress: () => {
          heap.sample();
          live.sample();
        },
        sink: async (chunk) => {
          await write(chunk);
          heap.sample();
        },
      });
    })
    .catch((error: unknown) => {
      heap.stop();
      throw error;
    });
  if (!made) throw new Error('streamBackup answered nothing.');
  const ms = performance.now() - start;
  if (file.size !== made.byteLength)
    throw new Error(`The backup's file holds ${file.size} bytes, the backup wrote ${made.byteLength}.`);
  lastBackup = file;
  const records = Object.values(made.header.counts).reduce((sum, n) => sum + n, 0);
  return {
    records,
    ms,
    recordsPerSecond: (records / ms) * 1000,
    bytes: made.byteLength,
    files: made.header.attachments.count,
    fileBytes: made.header.attachments.bytes,
    peakHeapMB: heap.stop(),
    liveHeapMB: live.peakMB(),
  };
}

export async function restoreBench(targetName: string, passphrase: string): Promise<RestoreRun> {
  if (!lastBackup) throw new Error('Run a backup before the restore.');
  await new Database(targetName).delete();
  const target = new Database(targetName);
  await target.open();
  const heap = new HeapSampler();
  const loadHeap = new HeapSampler();
  const loadLive = new LiveHeapProbe();
  const start = performance.now();
  let loaded: Awaited<ReturnType<typeof loadBackup>> | undefined = await loadBackup(lastBackup, passphrase, {
    onProgress: () => {
      heap.sample();
      loadHeap.sample();
      loadLive.sample();
    },
  });
  loadLive.sample(true);
  const loadPeakHeapMB = loadHeap.stop();
  const loadMs = performance.now() - start;
  const writeHeap = new HeapSampler();
  const writeLive = new LiveHeapProbe();
  const result = await restoreBackup({
    store: new RestoreWriter(target),
    loaded,
    mode: 'replace',
    passphrase,
    appVersion: '0.0.0-bench',
    writer: async () => {
      throw new BackupError('CANCELLED', 'The bench restores into an empty database: no safety backup.');
    },
    onProgress: () => {
      heap.sample();
      writeHeap.sample();
      writeLive.sample();
    },
  });
  const ms = performance.now() - start;
  loaded = undefined;
  const peakHeapMB = heap.stop();
  const writePeakHeapMB = writeHeap.stop();
  target.close();
  await new Database(targetName).delete();
  return {
    records: result.written,
    ms,
    recordsPerSecond: (result.written / ms) * 1000,
    loadMs,
    writeMs: ms - loadMs,
    peakHeapMB,
    loadPeakHeapMB,
    writePeakHeapMB,
    loadLiveHeapMB: loadLive.peakMB(),
    writeLiveHeapMB: writeLive.peakMB(),
    bytes: lastBackup.size,
  };
}

/** Removes the last backup's file (the next backup, and the end of the bench's run). */
export async function dropBackup(): Promise<void> {
  lastBackup = undefined;
  await removeBenchFile(BACKUP_FILE);
}
