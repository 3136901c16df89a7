import { useT } from '../../app/i18n';
import { BackupReminder } from './BackupReminder';
import { useBackupStatus } from './backup-status';
import { formatWhen } from './format';

/** When the last good backup was written (by hand or automatically), and the reminder. */
export function LastBackupCard() {
  const t = useT();
  const { status, error } = useBackupStatus();
  return (
    <section className="card backup-card" aria-labelledby="last-backup-title">
      <h2 id="last-backup-title">{t('backup.last.title')}</h2>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {status === undefined && !error && <p className="muted">{t('backup.last.loading')}</p>}
      {status && (
        <dl className="facts">
          <dt>{t('backup.last.lastGood')}</dt>
          <dd data-testid="last-backup">
            {status.lastSuccessAt ? formatWhen(status.lastSuccessAt) : t('backup.last.noneYet')}
          </dd>
          {status.lastSuccessFile && (
            <>
              <dt>{t('backup.last.file')}</dt>
              <dd>
                <code>{status.lastSuccessFile}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      <BackupReminder onBackupPage />
    </section>
  );
}
