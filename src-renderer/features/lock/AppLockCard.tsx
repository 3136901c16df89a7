import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import type { Translate } from '../../../src-shared/i18n';
import { useT } from '../../app/i18n';
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

function newPasscodeProblem(t: Translate, passcode: string, repeated: string): string | null {
  if (passcode.length < PASSCODE_MIN_LENGTH) return t('appLock.form.tooShort', { min: PASSCODE_MIN_LENGTH });
  if (passcode.length > PASSCODE_MAX_LENGTH) return t('appLock.form.tooLong', { max: PASSCODE_MAX_LENGTH });
  if (passcode !== repeated) return t('appLock.form.notSame');
  return null;
}

function wrongCurrentMessage(t: Translate, outcome: Exclude<TryOutcome, { kind: 'right' }>): string {
  return outcome.kind === 'wait'
    ? t('appLock.form.tooManyTries', { wait: formatWait(outcome.until - Date.now()) })
    : t('appLock.form.wrongCurrent');
}

/** "On. Stillpoint asks for the passcode when it starts and after 5 minutes without use." */
function stateText(t: Translate, minutes: AppLockSettings['idleMinutes']): string {
  return minutes === null ? t('appLock.card.onNever') : t('appLock.card.onAfter', { minutes });
}

/** "Stillpoint will lock after 5 minutes without use." */
function willLockText(t: Translate, minutes: AppLockSettings['idleMinutes']): string {
  return minutes === null ? t('appLock.card.willLockNever') : t('appLock.card.willLockAfter', { minutes });
}

/** Settings card: set, change or remove the passcode; choose the idle time; lock now. */
export function AppLockCard() {
  const t = useT();
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
      <h2 id="app-lock-title">{t('appLock.card.title')}</h2>
      <p className="muted">{t('appLock.card.intro')}</p>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {!settings.passcode ? (
        <NewPasscodeForm
          submitLabel={t('appLock.card.turnOn')}
          onSaved={() => done(t('appLock.card.turnedOn'))}
          onError={(text) => setStatus({ kind: 'error', text })}
        />
      ) : (
        <>
          <p data-testid="app-lock-state">{stateText(t, settings.idleMinutes)}</p>
          <div className="button-row">
            <label className="inline-select">
              {t('appLock.card.lockAfter')}
              <select
                value={settings.idleMinutes === null ? 'never' : String(settings.idleMinutes)}
                onChange={async (event) => {
                  const choice = event.target.value === 'never' ? null : Number(event.target.value);
                  try {
                    await setIdleMinutes(repositories().settings, choice as AppLockSettings['idleMinutes']);
                    setStatus({
                      kind: 'ok',
                      text: willLockText(t, choice as AppLockSettings['idleMinutes']),
                    });
                  } catch (error) {
                    setStatus({
                      kind: 'error',
                      text: describeStorageError(error, t('appLock.card.notSaved')),
                    });
                  }
                }}
              >
                {IDLE_CHOICES.map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {t('appLock.card.minutes', { minutes })}
                  </option>
                ))}
                <option value="never">{t('appLock.card.never')}</option>
              </select>
            </label>
            <button type="button" onClick={lockNow}>
              {t('appLock.card.lockNow')}
            </button>
            {mode === 'summary' && (
              <>
                <button type="button" onClick={() => open('change')}>
                  {t('appLock.card.change')}
                </button>
                <button type="button" className="danger" onClick={() => open('remove')}>
                  {t('appLock.card.remove')}
                </button>
              </>
            )}
          </div>
          {mode === 'change' && (
            <NewPasscodeForm
              current={settings.passcode}
              submitLabel={t('appLock.card.change')}
              onSaved={() => done(t('appLock.card.changed'))}
              onError={(text) => setStatus({ kind: 'error', text })}
              onCancel={() => setMode('summary')}
            />
          )}
          {mode === 'remove' && (
            <RemovePasscodeForm
              current={settings.passcode}
              onRemoved={() => done(t('appLock.card.removed'))}
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
  const t = useT();
  const [old, setOld] = useState('');
  const [passcode, setPasscodeValue] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = newPasscodeProblem(t, passcode, repeated);
    setProblem(invalid);
    if (invalid || busy) return;
    setBusy(true);
    try {
      if (current) {
        const outcome = await tryPasscode(repositories().settings, current, old);
        if (outcome.kind !== 'right') {
          setOld('');
          onError(wrongCurrentMessage(t, outcome));
          return;
        }
      }
      await setPasscode(repositories().settings, passcode);
      onSaved();
    } catch (error) {
      onError(describeStorageError(error, t('appLock.form.notSaved')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label={submitLabel} noValidate>
      <div className="form-grid">
        {current && (
          <Field label={t('appLock.form.current')}>
            <input
              type="password"
              autoComplete="current-password"
              value={old}
              onChange={(e) => setOld(e.target.value)}
            />
          </Field>
        )}
        <Field
          label={t('appLock.form.new')}
          hint={t('appLock.form.newHint', { min: PASSCODE_MIN_LENGTH })}
          error={problem ?? undefined}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={passcode}
            onChange={(e) => setPasscodeValue(e.target.value)}
          />
        </Field>
        <Field label={t('appLock.form.repeat')}>
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
          {busy ? t('appLock.form.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('appLock.form.cancel')}
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
  const t = useT();
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
        onError(wrongCurrentMessage(t, outcome));
        return;
      }
      await removePasscode(repositories().settings);
      onRemoved();
    } catch (error) {
      onError(describeStorageError(error, t('appLock.form.notRemoved')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label={t('appLock.card.remove')} noValidate>
      <Field label={t('appLock.form.current')}>
        <input
          type="password"
          autoComplete="current-password"
          value={old}
          onChange={(e) => setOld(e.target.value)}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy || !old}>
          {t('appLock.card.remove')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('appLock.form.cancel')}
        </button>
      </div>
    </form>
  );
}
