import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * Which stored parts a committed write touched, as Dexie reports them: keys like
 * `idb://stillpoint/sessions/` with the ranges written.
 */
export type ChangedParts = ObservabilitySet;

/**
 * Calls `listener` after every committed write to any IndexedDB database Dexie manages, in this
 * window or another (Dexie's storagemutated event). Answers the function that stops listening.
 */
export function onCommittedWrites(listener: (parts: ChangedParts) => void): () => void {
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
