import { BackupReminder } from './BackupReminder';
import { useBackupStatus } from './backup-status';
import { formatWhen } from './format';

/** When the last good backup was written (by hand or automatically), and the reminder. */
export function LastBackupCard() {
  const { status, error } = useBackupStatus();
  return (
    <section className="card backup-card" aria-labelledby="last-backup-title">
      <h2 id="last-backup-title">Last backup</h2>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {status === undefined && !error && <p className="muted">Loading…</p>}
      {status && (
        <dl className="facts">
          <dt>Last good backup</dt>
          <dd data-testid="last-backup">
            {status.lastSuccessAt ? formatWhen(status.lastSuccessAt) : 'None yet'}
          </dd>
          {status.lastSuccessFile && (
            <>
              <dt>File</dt>
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
