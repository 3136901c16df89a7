import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * Saves `value` shortly after it stops changing (debounced; well within a second), one save at a
 * time and always the latest value, so an older save never lands after a newer one. `flush`
 * saves now (before signing, on Ctrl+S, when the page is hidden or the editor closes). A failed
 * save keeps the value in memory and says so; the next change tries again.
 */
export function useAutosave<T>(value: T, save: (value: T) => Promise<unknown>, delayMs = 400) {
  const latest = useRef(value);
  latest.current = value;
  const saved = useRef(value);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const saveRef = useRef(save);
  saveRef.current = save;
  const [state, setState] = useState<SaveState>({ kind: 'saved' });

  /** Saves the latest value now; resolves to whether it is safely stored. */
  const flush = useCallback((): Promise<boolean> => {
    queue.current = queue.current.then(async () => {
      const target = latest.current;
      if (target === saved.current) return true;
      try {
        await saveRef.current(target);
        saved.current = target;
        if (latest.current === target) setState({ kind: 'saved' });
        return true;
      } catch (error) {
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        return false;
      }
    });
    return queue.current;
  }, []);

  useEffect(() => {
    if (value === saved.current) {
      setState((current) => (current.kind === 'saving' ? { kind: 'saved' } : current));
      return;
    }
    setState({ kind: 'saving' });
    const timer = window.setTimeout(() => void flush(), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, flush, delayMs]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { state, flush };
}
