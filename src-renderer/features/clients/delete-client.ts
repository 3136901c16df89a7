import { backupFileNameFor } from '../../../src-shared/domain/backup-settings';
import type { BackupSnapshotReader } from '../../db/backup-snapshot';
import type { ClientsRepository } from '../../db/clients-repository';
import { type BackupFileWriter, describeFailure, saveBackup } from '../backup/backup-service';

/**
 * Deleting a client, the way "Replace all" restores: first a backup of every record, sealed with
 * the backup passphrase and written to the backup folder (kept, never pruned); only when it is
 * on disk are the client's records deleted, leaving one audit entry (when, by whom, which
 * backup). If the backup cannot be written, nothing is deleted.
 */

/** Refused before anything was deleted: the message is for the therapist. */
export class DeleteNotStartedError extends Error {
  /**
   * @param backupFailure why the safety backup failed, when it did: the dialog says it in the
   *   app's language around this reason.
   */
  constructor(
    message: string,
    readonly backupFailure?: string,
  ) {
    super(message);
    this.name = 'DeleteNotStartedError';
  }
}

/** "Stillpoint backup before deleting a client 2026-11-26 093000.stillpoint" (no client name). */
export function deletionBackupFileName(now: Date): string {
  return backupFileNameFor('before-delete', now);
}

export interface DeleteClientOptions {
  /** Every record, for the safety backup: `repositories().backupSnapshot` in the app. */
  records: BackupSnapshotReader;
  clients: ClientsRepository;
  clientId: string;
  /** Who deletes: kept in the audit entry. */
  by: string;
  /** Seals the safety backup (the stored one for automatic backups, or one typed now). */
  passphrase: string;
  appVersion: string;
  /** A one-buffer writer (tests). Default: streamed into main's backup folder (backupStream*). */
  writer?: BackupFileWriter;
  now?: () => Date;
}

export async function deleteClientWithSafetyBackup(
  options: DeleteClientOptions,
): Promise<{ sessions: number; safetyBackupPath: string }> {
  const now = options.now ?? (() => new Date());
  if (!options.by.trim()) {
    throw new DeleteNotStartedError('Type your name: it is kept with the record of the deletion.');
  }
  let saved: { path: string; fileName: string };
  try {
    saved = await saveBackup({
      records: options.records,
      passphrase: options.passphrase,
      appVersion: options.appVersion,
      automatic: false,
      // Main names it "Stillpoint backup before deleting a client <date time>": kept, never pruned.
      kind: 'before-delete',
      now,
      ...(options.writer ? { writer: options.writer } : {}),
    });
  } catch (error) {
    const reason = describeFailure(error, 'backup');
    throw new DeleteNotStartedError(
      `Deleting a client first saves a backup of all your records, and that failed: ${reason} Nothing was deleted.`,
      reason,
    );
  }
  const { sessions } = await options.clients.deleteWithSessions(options.clientId, {
    by: options.by,
    safetyBackup: saved.fileName,
  });
  return { sessions, safetyBackupPath: saved.path };
}
