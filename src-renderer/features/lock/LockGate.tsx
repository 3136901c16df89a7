import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { repositories } from '../../app/repositories';
import { forgetSecretsOnLock } from './forget-on-lock';
import { LockScreen } from './LockScreen';
import { readLockSettings } from './lock-service';
import { useIdle } from './useIdle';

interface AppLock {
  /** A passcode is set, so locking means something. */
  available: boolean;
  lockNow: () => void;
}

const AppLockContext = createContext<AppLock>({ available: false, lockNow: () => {} });

export function useAppLock(): AppLock {
  return useContext(AppLockContext);
}

/**
 * The app lock. With a passcode set, the app starts locked and locks again after the chosen
 * idle time. While locked, everything below this gate is unmounted (not merely covered), so
 * no record is left in the page; the lock screen is all there is.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const settings = useLiveQuery(() => readLockSettings(repositories().settings), []);
  // 'initial' counts as locked when a passcode exists: nothing shows before it is entered.
  const [state, setState] = useState<'initial' | 'locked' | 'unlocked'>('initial');

  useEffect(() => {
    // No passcode at start: a passcode set later (in Settings) does not lock at once.
    if (settings && !settings.passcode && state === 'initial') setState('unlocked');
  }, [settings, state]);

  const lockNow = useCallback(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.getSelection()?.removeAllRanges();
    forgetSecretsOnLock();
    setState('locked');
  }, []);

  const hasPasscode = Boolean(settings?.passcode);
  const locked = hasPasscode && state !== 'unlocked';
  useIdle({ minutes: hasPasscode && !locked ? (settings?.idleMinutes ?? null) : null, onIdle: lockNow });

  const value = useMemo(() => ({ available: hasPasscode, lockNow }), [hasPasscode, lockNow]);

  if (settings === undefined) return null;
  if (locked && settings.passcode) {
    return <LockScreen passcode={settings.passcode} onUnlock={() => setState('unlocked')} />;
  }
  return <AppLockContext.Provider value={value}>{children}</AppLockContext.Provider>;
}
