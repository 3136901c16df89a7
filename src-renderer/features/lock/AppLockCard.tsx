import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { describeStorageError } from '../../db/errors';
import { useAppLock } from './LockGate';
import {
  formatWait,
  readLockSettings,
  removePasscode,
  setIdleMinutes,
  setPasscode,
  type TryOutcome,
  tryPasscode,
} from './lock-service';
import {
  type AppLockSettings,
  IDLE_CHOICES,
  PASSCODE_MAX_LENGTH,
  PASSCODE_MIN_LENGTH,
  type PasscodeHash,
} from './lock-settings';
import './lock.css';

type Status = { kind: 'ok' | 'error'; text: string } | null;

function newPasscodeProblem(passcode: string, repeated: string): string | null {
  if (passcode.length < PASSCODE_MIN_LENGTH) return `Use at least ${PASSCODE_MIN_LENGTH} characters.`;
  if (passcode.length > PASSCODE_MAX_LENGTH) return `Use at most ${PASSCODE_MAX_LENGTH} characters.`;
  if (passcode !== repeated) return 'The two passcodes are not the same.';
  return null;
}

function wrongCurrentMessage(outcome: Exclude<TryOutcome, { kind: 'right' }>): string {
  return outcome.kind === 'wait'
    ? `Too many wrong tries. Try again in ${formatWait(outcome.until - Date.now())}.`
    : 'The current passcode is not right.';
}

function idleLabel(minutes: AppLockSettings['idleMinutes']): string {
  if (minutes === null) return 'never after a pause (only when Stillpoint starts or you lock it)';
  return `after ${minutes === 1 ? '1 minute' : `${minutes} minutes`} without use`;
}

/** Settings card: set, change or remove the passcode; choose the idle time; lock now. */
export function AppLockCard() {
  const settings = useLiveQuery(() => readLockSettings(repositories().settings), []);
  const { lockNow } = useAppLock();
  const [mode, setMode] = useState<'summary' | 'change' | 'remove'>('summary');
  const [status, setStatus] = useState<Status>(null);

  if (!settings) return null;

  const open = (next: 'change' | 'remove') => {
    setStatus(null);
    setMode(next);
  };
  const done = (text: string) => {
    setMode('summary');
    setStatus({ kind: 'ok', text });
  };

  return (
    <section className="card app-lock-card" aria-labelledby="app-lock-title">
      <h2 id="app-lock-title">App lock</h2>
      <p className="muted">
        A passcode hides your records from anyone who sees the screen: a client glancing over, a colleague at
        a shared desk. It does not encrypt the records on disk; use your computer’s disk encryption for that.
      </p>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {!settings.passcode ? (
        <NewPasscodeForm
          submitLabel="Turn on app lock"
          onSaved={() => done('App lock is on. Stillpoint will ask for the passcode when it starts.')}
          onError={(text) => setStatus({ kind: 'error', text })}
        />
      ) : (
        <>
          <p data-testid="app-lock-state">
            On. Stillpoint asks for the passcode when it starts and {idleLabel(settings.idleMinutes)}.
          </p>
          <div className="button-row">
            <label className="inline-select">
              Lock after
              <select
                value={settings.idleMinutes === null ? 'never' : String(settings.idleMinutes)}
                onChange={async (event) => {
                  const choice = event.target.value === 'never' ? null : Number(event.target.value);
                  try {
                    await setIdleMinutes(repositories().settings, choice as AppLockSettings['idleMinutes']);
                    setStatus({
                      kind: 'ok',
                      text: `Stillpoint will lock ${idleLabel(choice as AppLockSettings['idleMinutes'])}.`,
                    });
                  } catch (error) {
                    setStatus({ kind: 'error', text: describeStorageError(error, 'Not saved') });
                  }
                }}
              >
                {IDLE_CHOICES.map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {minutes === 1 ? '1 minute' : `${minutes} minutes`}
                  </option>
                ))}
                <option value="never">Never</option>
              </select>
            </label>
            <button type="button" onClick={lockNow}>
              Lock now
            </button>
            {mode === 'summary' && (
              <>
                <button type="button" onClick={() => open('change')}>
                  Change passcode
                </button>
                <button type="button" className="danger" onClick={() => open('remove')}>
                  Remove passcode
                </button>
              </>
            )}
          </div>
          {mode === 'change' && (
            <NewPasscodeForm
              current={settings.passcode}
              submitLabel="Change passcode"
              onSaved={() => done('The passcode was changed.')}
              onError={(text) => setStatus({ kind: 'error', text })}
              onCancel={() => setMode('summary')}
            />
          )}
          {mode === 'remove' && (
            <RemovePasscodeForm
              current={settings.passcode}
              onRemoved={() => done('App lock is off. Stillpoint no longer asks for a passcode.')}
              onError={(text) => setStatus({ kind: 'error', text })}
              onCancel={() => setMode('summary')}
            />
          )}
        </>
      )}
    </section>
  );
}

function NewPasscodeForm({
  current,
  submitLabel,
  onSaved,
  onError,
  onCancel,
}: {
  current?: PasscodeHash;
  submitLabel: string;
  onSaved: () => void;
  onError: (text: string) => void;
  onCancel?: () => void;
}) {
  const [old, setOld] = useState('');
  const [passcode, setPasscodeValue] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = newPasscodeProblem(passcode, repeated);
    setProblem(invalid);
    if (invalid || busy) return;
    setBusy(true);
    try {
      if (current) {
        const outcome = await tryPasscode(repositories().settings, current, old);
        if (outcome.kind !== 'right') {
          setOld('');
          onError(wrongCurrentMessage(outcome));
          return;
        }
      }
      await setPasscode(repositories().settings, passcode);
      onSaved();
    } catch (error) {
      onError(describeStorageError(error, 'The passcode was not saved'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label={submitLabel} noValidate>
      <div className="form-grid">
        {current && (
          <Field label="Current passcode">
            <input
              type="password"
              autoComplete="current-password"
              value={old}
              onChange={(e) => setOld(e.target.value)}
            />
          </Field>
        )}
        <Field
          label="New passcode"
          hint={`At least ${PASSCODE_MIN_LENGTH} characters`}
          error={problem ?? undefined}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={passcode}
            onChange={(e) => setPasscodeValue(e.target.value)}
          />
        </Field>
        <Field label="Repeat the new passcode">
          <input
            type="password"
            autoComplete="new-password"
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
          />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function RemovePasscodeForm({
  current,
  onRemoved,
  onError,
  onCancel,
}: {
  current: PasscodeHash;
  onRemoved: () => void;
  onError: (text: string) => void;
  onCancel: () => void;
}) {
  const [old, setOld] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !old) return;
    setBusy(true);
    try {
      const outcome = await tryPasscode(repositories().settings, current, old);
      if (outcome.kind !== 'right') {
        setOld('');
        onError(wrongCurrentMessage(outcome));
        return;
      }
      await removePasscode(repositories().settings);
      onRemoved();
    } catch (error) {
      onError(describeStorageError(error, 'The passcode was not removed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label="Remove passcode" noValidate>
      <Field label="Current passcode">
        <input
          type="password"
          autoComplete="current-password"
          value={old}
          onChange={(e) => setOld(e.target.value)}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy || !old}>
          Remove passcode
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
