import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { repositories } from '../../app/repositories';
import { describeStorageError } from '../../db/errors';
import { formatWait, readFailedTries, tryPasscode } from './lock-service';
import { FREE_TRIES, nextTryAt, type PasscodeHash } from './lock-settings';
import './lock.css';
import { useT } from '../../app/i18n';

/** Re-renders every second, for the countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The whole window while Stillpoint is locked: nothing but the passcode field. After three
 * wrong tries each further try waits longer (2 s, 4 s, 8 s ... up to 5 minutes); the count is
 * kept in the database, so reloading does not reset it.
 */
export function LockScreen({ passcode, onUnlock }: { passcode: PasscodeHash; onUnlock: () => void }) {
  const tries = useLiveQuery(() => readFailedTries(repositories().settings), []);
  const [value, setValue] = useState('');
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const now = useNow();
  const t = useT();

  const waitUntil = tries ? nextTryAt(tries) : 0;
  const waiting = waitUntil > now;

  useEffect(() => {
    if (!waiting && !checking) input.current?.focus();
  }, [waiting, checking]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || waiting || !value) return;
    setChecking(true);
    setMessage(null);
    try {
      const outcome = await tryPasscode(repositories().settings, passcode, value);
      if (outcome.kind === 'right') {
        onUnlock();
        return;
      }
      setValue('');
      if (outcome.kind === 'wrong') {
        const left = FREE_TRIES - outcome.tries.count;
        setMessage(left > 0 ? t('lock.wrongTriesLeft', { left }) : t('lock.wrong'));
      }
    } catch (error) {
      setMessage(describeStorageError(error, t('lock.couldNotCheck')));
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="lock-screen">
      <form className="lock-card" onSubmit={submit} aria-labelledby="lock-title">
        <span className="brand-mark" aria-hidden="true" />
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p className="muted">{t('lock.intro')}</p>
        <div className="field">
          <label htmlFor="unlock-passcode">{t('lock.passcode')}</label>
          <input
            ref={input}
            id="unlock-passcode"
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            disabled={waiting || checking}
          />
        </div>
        <button type="submit" className="primary" disabled={waiting || checking || !value}>
          {checking ? t('lock.checking') : t('lock.unlock')}
        </button>
        <p className="lock-status" role="status" aria-live="polite">
          {waiting ? (
            <span data-testid="lock-wait">{t('lock.wait', { wait: formatWait(waitUntil - now) })}</span>
          ) : (
            message
          )}
        </p>
      </form>
    </main>
  );
}
