import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../app/repositories';
import { backupReminderDue } from './automatic-backups';
import { useBackupStatus } from './backup-status';
import './backup.css';

/**
 * "No backup for 7 days": shown on the Backup screen and above the client list. Renders
 * nothing while loading, when a recent backup exists, or when there is nothing to back up.
 */
export function BackupReminder({ onBackupPage = false }: { onBackupPage?: boolean }) {
  const { status } = useBackupStatus();
  const oldest = useLiveQuery(() => repositories().backupSnapshot.oldestChangeAt(), [], undefined);
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
