import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '../../db/database';
import { backupReminderDue } from './automatic-backups';
import { useBackupStatus } from './backup-status';
import './backup.css';

/** The oldest change still on record (clients and notes), the start of "no backup since". */
async function oldestRecordAt(): Promise<string | null> {
  const db = database();
  const client = await db.clients.orderBy('updatedAt').first();
  const session = await db.sessions.orderBy('updatedAt').first();
  const times = [client?.updatedAt, session?.updatedAt].filter(
    (time): time is string => typeof time === 'string' && time !== '',
  );
  return times.length > 0 ? times.sort()[0]! : null;
}

/**
 * "No backup for 7 days": shown on the Backup screen and above the client list. Renders
 * nothing while loading, when a recent backup exists, or when there is nothing to back up.
 */
export function BackupReminder({ onBackupPage = false }: { onBackupPage?: boolean }) {
  const { status } = useBackupStatus();
  const oldest = useLiveQuery(oldestRecordAt, [], undefined);
  if (!status || oldest === undefined) return null;
  if (!backupReminderDue(status.lastSuccessAt, oldest, new Date())) return null;
  return (
    <aside className="notice warning backup-reminder" aria-label="Backup reminder">
      <strong>
        {status.lastSuccessAt ? 'No backup for over a week.' : 'Your records have never been backed up.'}
      </strong>{' '}
      A backup on another disk is the only way back after a broken or stolen computer.{' '}
      {!onBackupPage && <a href="#/backup">Back up now</a>}
    </aside>
  );
}
