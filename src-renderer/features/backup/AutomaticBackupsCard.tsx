import { type FormEvent, useEffect, useState } from 'react';
import { type BackupStatus, MIN_AUTOMATIC_BACKUPS_KEPT } from '../../../src-shared/domain/backup-settings';
import { formatTimestamp } from '../../app/format';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';
import { INSECURE_KEY_WARNING, UNAVAILABLE_KEY_WARNING } from './automatic-backups';
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
    return `Keep at least ${MIN_AUTOMATIC_BACKUPS_KEPT} backups.`;
  if (n > 365) return 'Keep at most 365.';
  return null;
}

/** The schedule, how many to keep, and the passphrase stored for unattended runs. */
export function AutomaticBackupsCard() {
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
        <h2 id="auto-backup-title">Automatic backups</h2>
        <p className="muted">Loading…</p>
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
    setMessage({ kind: 'ok', text: 'Schedule saved.' });
  };

  const forgetKey = async () => {
    setMessage(null);
    const result = await platform().backupStoreKey({ passphrase: null });
    if (!result.ok) setMessage({ kind: 'error', text: result.error.message });
    else {
      setBackupStatus(result.value);
      setMessage({ kind: 'ok', text: 'The stored passphrase was forgotten. Automatic backups are paused.' });
    }
  };

  // A ticked box promises backups; until a folder and a remembered passphrase exist none can run,
  // so the boxes show unticked and say why (issue 21). The stored choice is kept for later.
  const ready = status.hasKey && Boolean(status.folder);
  const needs = [
    ...(status.folder ? [] : ['a backup folder']),
    ...(status.hasKey ? [] : ['a passphrase remembered for them (“Remember for automatic backups”)']),
  ].join(' and ');
  return (
    <form className="card backup-card" onSubmit={save} noValidate aria-labelledby="auto-backup-title">
      <div className="card-header">
        <h2 id="auto-backup-title">Automatic backups</h2>
        <button type="submit" disabled={saving}>
          Save schedule
        </button>
      </div>
      {status.keyStorage === 'insecure' && (
        <p className="notice warning" role="note">
          {INSECURE_KEY_WARNING}
        </p>
      )}
      {status.keyStorage === 'unavailable' && (
        <p className="notice warning" role="note">
          {UNAVAILABLE_KEY_WARNING}
        </p>
      )}
      <fieldset className="backup-schedule">
        <legend>When</legend>
        {!ready && (
          <p className="notice warning" id="auto-backup-not-ready">
            Automatic backups cannot run yet: they need {needs}. Both are set under “Back up now”; then choose
            here when they run.
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
          Every day (while Stillpoint is open)
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={ready && schedule.onQuit}
            disabled={!ready}
            aria-describedby={ready ? undefined : 'auto-backup-not-ready'}
            onChange={(e) => setSchedule({ ...schedule, onQuit: e.target.checked })}
          />
          When the app quits, if something changed
        </label>
        <p className="field-hint">
          When you quit, Stillpoint finishes this backup before it closes (it waits up to two minutes). It
          also makes one when the window is hidden.
        </p>
      </fieldset>
      <div className="form-grid">
        <Field
          label="Automatic backups to keep"
          error={problem ?? undefined}
          hint="Older ones are deleted. Backups you make by hand are never deleted."
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
        <dt>Passphrase</dt>
        <dd data-testid="stored-key">
          {status.hasKey
            ? status.keyStorage === 'secure'
              ? 'Stored, protected by the operating system’s key store.'
              : 'Stored, but only obscured (see the warning above).'
            : 'Not stored: automatic backups do not run. Tick “Remember for automatic backups” when you back up.'}
          {status.hasKey && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => void forgetKey()}>
                Forget it
              </button>
            </>
          )}
        </dd>
        <dt>Folder</dt>
        <dd>
          {status.folder ? (
            <code>{status.folder}</code>
          ) : (
            'None chosen yet: choose one under “Make a backup”.'
          )}
        </dd>
      </dl>
      {lastAutomatic?.kind === 'failed' && (
        <p className="notice error" role="alert">
          The automatic backup of {formatTimestamp(lastAutomatic.at.toISOString())} failed:{' '}
          {lastAutomatic.message}
        </p>
      )}
      {lastAutomatic?.kind === 'done' && (
        <p className="muted">Automatic backup made {formatTimestamp(lastAutomatic.at.toISOString())}.</p>
      )}
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
