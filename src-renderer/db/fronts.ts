import { BackupSnapshotReader } from './backup-snapshot';
import { StillpointDatabase } from './database';
import { NoteSource } from './note-source';
import { PracticePagesReader } from './practice-pages';
import { RecordCountsReader } from './record-counts';
import { RestoreWriter } from './restore-writer';
import { SafetyMarksReader } from './safety-marks';
import { SyncFiles } from './sync-files';
import { SyncRecords } from './sync-records';

/**
 * The fronts that read or write across tables for one capability (a backup, a restore, the
 * spreadsheet export, the recovery check, note search, the list's safety marks), beside the
 * repositories that own one table each. Features reach both through `repositories()`
 * (app/repositories.ts) and never the database itself; a lint rule holds them to it
 * (tests/unit/architecture/data-boundary.test.ts).
 */
export function createDataFronts(db: StillpointDatabase) {
  return {
    backupSnapshot: new BackupSnapshotReader(db),
    restoreWriter: new RestoreWriter(db),
    practicePages: new PracticePagesReader(db),
    recordCounts: new RecordCountsReader(db),
    noteSource: new NoteSource(db),
    safetyMarks: new SafetyMarksReader(db),
    syncRecords: new SyncRecords(db),
    syncFiles: new SyncFiles(db),
  };
}

export type DataFronts = ReturnType<typeof createDataFronts>;

/**
 * The fronts over a connection of a worker's own (a worker cannot share the window's), to be
 * closed when the worker's job is done.
 */
export function openWorkerFronts(): DataFronts & { close(): void } {
  const db = new StillpointDatabase();
  return { ...createDataFronts(db), close: () => db.close() };
}
