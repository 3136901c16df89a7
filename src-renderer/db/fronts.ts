import { BackupSnapshotReader } from './backup-snapshot';
import type { StillpointDatabase } from './database';
import { PracticePagesReader } from './practice-pages';
import { RecordCountsReader } from './record-counts';
import { RestoreWriter } from './restore-writer';

/**
 * The fronts that read or write across tables for one capability (a backup, a restore, the
 * spreadsheet export, the recovery check), beside the repositories that own one table each.
 * Features reach both through `repositories()` (app/repositories.ts) and never the database.
 */
export function createDataFronts(db: StillpointDatabase) {
  return {
    backupSnapshot: new BackupSnapshotReader(db),
    restoreWriter: new RestoreWriter(db),
    practicePages: new PracticePagesReader(db),
    recordCounts: new RecordCountsReader(db),
  };
}
