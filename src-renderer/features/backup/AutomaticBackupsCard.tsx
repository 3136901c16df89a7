import { type FormEvent, useEffect, useState } from 'react';
import { type BackupStatus, MIN_AUTOMATIC_BACKUPS_KEPT } from '../../../src-shared/domain/backup-settings';
import { formatTimestamp } from '../../app/format';
import { translate, useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { setBackupStatus, useBackupStatus } from './backup-status';

interface Schedule {
  daily: boolean;
  onQuit: boolean;
  keep: string;
}

function scheduleOf(status: BackupStatus): Schedule {
  return { daily: status.daily, onQuit: status.onQuit, keep: String(status.keep) };
}

function keepProblem(keep: string): string | null {
  const n = Number(keep);
  if (!/^\d+$/.test(keep.trim()) || n < MIN_AUTOMATIC_BACKUPS_KEPT)
    return translate('backup.automatic.keepAtLeast', { count: MIN_AUTOMATIC_BACKUPS_KEPT });
  if (n > 365) return translate('backup.automatic.keepAtMost', { count: 365 });
  return null;
}

/** The schedule, how many to keep, and the passphrase stored for unattended runs. */
export function AutomaticBackupsCard() {
  const t = useT();
  const { status, lastAutomatic } = useBackupStatus();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (status && schedule === null) setSchedule(scheduleOf(status));
  }, [status, schedule]);

  if (!status || !schedule) {
    return (
      <section className="card backup-card" aria-labelledby="auto-backup-title">
        <h2 id="auto-backup-title">{t('backup.automatic.title')}</h2>
        <p className="muted">{t('backup.automatic.loading')}</p>
      </section>
    );
  }

  const problem = keepProblem(schedule.keep);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (problem) return;
    setSaving(true);
    const result = await platform().backupSaveSchedule({
      daily: schedule.daily,
      onQuit: schedule.onQuit,
      keep: Number(schedule.keep),
    });
    setSaving(false);
    if (!result.ok) {
      setMessage({ kind: 'error', text: result.error.message });
      return;
    }
    setBackupStatus(result.value);
    setSchedule(scheduleOf(result.value));
    setMessage({ kind: 'ok', text: t('backup.automatic.saved') });
  };

  const forgetKey = async () => {
    setMessage(null);
    const result = await platform().backupStoreKey({ passphrase: null });
    if (!result.ok) setMessage({ kind: 'error', text: result.error.message });
    else {
      setBackupStatus(result.value);
      setMessage({ kind: 'ok', text: t('backup.automatic.forgotten') });
    }
  };

  // A ticked box promises backups; until a folder and a remembered passphrase exist none can run,
  // so the boxes show unticked and say why (issue 21). The stored choice is kept for later.
  const ready = status.hasKey && Boolean(status.folder);
  const notReady = !status.folder
    ? status.hasKey
      ? t('backup.automatic.needFolder')
      : t('backup.automatic.needFolderAndKey')
    : t('backup.automatic.needKey');
  return (
    <form className="card backup-card" onSubmit={save} noValidate aria-labelledby="auto-backup-title">
      <div className="card-header">
        <h2 id="auto-backup-title">{t('backup.automatic.title')}</h2>
        <button type="submit" disabled={saving}>
          {t('backup.automatic.save')}
        </button>
      </div>
      {status.keyStorage === 'insecure' && (
        <p className="notice warning" role="note">
          {t('backup.automatic.insecureKey')}
        </p>
      )}
      {status.keyStorage === 'unavailable' && (
        <p className="notice warning" role="note">
          {t('backup.automatic.unavailableKey')}
        </p>
      )}
      <fieldset className="backup-schedule">
        <legend>{t('backup.automatic.when')}</legend>
        {!ready && (
          <p className="notice warning" id="auto-backup-not-ready">
            {notReady}
          </p>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={ready && schedule.daily}
            disabled={!ready}
            aria-describedby={ready ? undefined : 'auto-backup-not-ready'}
            onChange={(e) => setSchedule({ ...schedule, daily: e.target.checked })}
          />
          {t('backup.automatic.daily')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={ready && schedule.onQuit}
            disabled={!ready}
            aria-describedby={ready ? undefined : 'auto-backup-not-ready'}
            onChange={(e) => setSchedule({ ...schedule, onQuit: e.target.checked })}
          />
          {t('backup.automatic.onQuit')}
        </label>
        <p className="field-hint">{t('backup.automatic.onQuitHint')}</p>
      </fieldset>
      <div className="form-grid">
        <Field
          label={t('backup.automatic.keep')}
          error={problem ?? undefined}
          hint={t('backup.automatic.keepHint')}
        >
          <input
            type="number"
            min={MIN_AUTOMATIC_BACKUPS_KEPT}
            max={365}
            inputMode="numeric"
            value={schedule.keep}
            onChange={(e) => setSchedule({ ...schedule, keep: e.target.value })}
          />
        </Field>
      </div>
      <dl className="facts">
        <dt>{t('backup.automatic.passphrase')}</dt>
        <dd data-testid="stored-key">
          {status.hasKey
            ? status.keyStorage === 'secure'
              ? t('backup.automatic.storedSecure')
              : t('backup.automatic.storedObscured')
            : t('backup.automatic.notStored')}
          {status.hasKey && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => void forgetKey()}>
                {t('backup.automatic.forget')}
              </button>
            </>
          )}
        </dd>
        <dt>{t('backup.automatic.folder')}</dt>
        <dd>{status.folder ? <code>{status.folder}</code> : t('backup.automatic.noFolder')}</dd>
      </dl>
      {lastAutomatic?.kind === 'failed' && (
        <p className="notice error" role="alert">
          {t('backup.automatic.failed', {
            moment: formatTimestamp(lastAutomatic.at.toISOString()),
            reason: lastAutomatic.message,
          })}
        </p>
      )}
      {lastAutomatic?.kind === 'done' && (
        <p className="muted">
          {t('backup.automatic.done', { moment: formatTimestamp(lastAutomatic.at.toISOString()) })}
        </p>
      )}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
