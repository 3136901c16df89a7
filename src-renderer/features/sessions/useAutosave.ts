import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

/** Where the value comes from: read it, and hear when it changes. */
export interface AutosaveSource<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

/**
 * Somewhere synchronous that outlives the page (see draft-journal): every change is written there
 * at once, and forgotten once it is saved, so a reload or a closed window between a keystroke
 * and its save loses nothing.
 */
export interface AutosaveJournal<T> {
  write(value: T): void;
  clear(value: T): void;
}

const SAVED: SaveState = { kind: 'saved' };
const SAVING: SaveState = { kind: 'saving' };

/**
 * Saves the source's value shortly after it stops changing (debounced; well within a second), one
 * save at a time and always the latest value, so an older save never lands after a newer one.
 * `flush` saves now (before signing, on Ctrl+S, when the page is hidden or the editor closes). A
 * failed save keeps the value in memory and says so; the next change tries again.
 *
 * It listens to the source itself rather than taking the value as a prop, so the component that
 * owns it is not re-rendered on every keystroke: its state changes only between "Saving…",
 * "Saved" and an error.
 *
 * A save started when the page unloads may never finish; with a `journal`, each change is also
 * written there synchronously the moment it happens, and cleared once it is saved.
 */
export function useAutosave<T>(
  source: AutosaveSource<T>,
  save: (value: T) => Promise<unknown>,
  options: { delayMs?: number; journal?: AutosaveJournal<T> } = {},
) {
  const delayMs = options.delayMs ?? 400;
  const saved = useRef(source.get());
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const saveRef = useRef(save);
  saveRef.current = save;
  const journalRef = useRef(options.journal);
  journalRef.current = options.journal;
  const [state, setState] = useState<SaveState>(SAVED);

  /** Saves the latest value now; resolves to whether it is safely stored. */
  const flush = useCallback((): Promise<boolean> => {
    queue.current = queue.current.then(async () => {
      const target = source.get();
      if (target === saved.current) return true;
      try {
        await saveRef.current(target);
        saved.current = target;
        if (source.get() === target) {
          setState(SAVED);
          journalRef.current?.clear(target);
        }
        return true;
      } catch (error) {
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        return false;
      }
    });
    return queue.current;
  }, [source]);

  useEffect(() => {
    let timer: number | undefined;
    const onChange = () => {
      window.clearTimeout(timer);
      timer = undefined;
      const value = source.get();
      if (value === saved.current) {
        journalRef.current?.clear(value);
        setState((current) => (current.kind === 'saving' ? SAVED : current));
        return;
      }
      journalRef.current?.write(value);
      setState(SAVING);
      timer = window.setTimeout(() => void flush(), delayMs);
    };
    const unsubscribe = source.subscribe(onChange);
    // A change between the first render and this subscription.
    if (source.get() !== saved.current) onChange();
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [source, flush, delayMs]);

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
