import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { backupReminderDue } from './automatic-backups';
import { useBackupStatus } from './backup-status';
import './backup.css';

/**
 * "No backup for 7 days": shown on the Backup screen and above the client list. Renders
 * nothing while loading, when a recent backup exists, or when there is nothing to back up.
 */
export function BackupReminder({ onBackupPage = false }: { onBackupPage?: boolean }) {
  const t = useT();
  const { status } = useBackupStatus();
  const oldest = useLiveQuery(() => repositories().backupSnapshot.oldestChangeAt(), [], undefined);
  if (!status || oldest === undefined) return null;
  if (!backupReminderDue(status.lastSuccessAt, oldest, new Date())) return null;
  return (
    <aside className="notice warning backup-reminder" aria-label={t('backup.reminder.label')}>
      <strong>{status.lastSuccessAt ? t('backup.reminder.overAWeek') : t('backup.reminder.never')}</strong>{' '}
      {t('backup.reminder.why')} {!onBackupPage && <a href="#/backup">{t('backup.reminder.backUpNow')}</a>}
    </aside>
  );
}
