import { useEffect } from 'react';
import { startPracticeSync } from './practice-sync';

/** Runs practice sync while the app is open (above the lock, like automatic backups). */
export function usePracticeSync(): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void startPracticeSync().then((s) => {
      if (cancelled) s();
      else stop = s;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}
