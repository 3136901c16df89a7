import { useSyncExternalStore } from 'react';

/**
 * A value that outlives the component showing it. The restore card keeps its steps here: the
 * app shell can remount while a restore runs (the records-missing notice steps aside when the
 * records come back, the app lock replaces the shell), and the therapist must still see how it
 * ended.
 */
export interface UiStore<T> {
  get(): T;
  set(next: T | ((current: T) => T)): void;
}

export function createUiStore<T>(initial: T): UiStore<T> & { use(): T } {
  let value = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    get: () => value,
    set: (next) => {
      value = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, () => value),
  };
}
