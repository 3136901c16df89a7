import { useSyncExternalStore } from 'react';

/**
 * A value that outlives the component showing it, for state more than one screen reads (the
 * restore card's steps, the backup status, client mode, unsaved health-history edits): module
 * level, so the app shell can remount (the records-missing notice steps aside, the app lock
 * replaces the shell) and the therapist still sees where things stand.
 */
export interface UiStore<T> {
  get(): T;
  /** Replaces the value and tells every subscriber. */
  set(next: T | ((current: T) => T)): void;
  subscribe(listener: () => void): () => void;
  /** The value, read by a component through useSyncExternalStore. */
  use(): T;
}

export function createUiStore<T>(initial: T): UiStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get: () => value,
    set: (next) => {
      value = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      // A copy: a listener that unsubscribes (or subscribes) while we notify changes no one's turn.
      for (const listener of [...listeners]) listener();
    },
    subscribe,
    use: () => useSyncExternalStore(subscribe, () => value),
  };
}
