import Dexie, { type ObservabilitySet, RangeSet } from 'dexie';

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

/**
 * Whether a committed write touched many rows of `table` in database `databaseName`: Dexie
 * reports the keys written per table as a set of ranges; a range wider than one key is a clear
 * or a range delete, and more than `limit` single keys is a bulk write too.
 */
export function isBulkChange(
  parts: ChangedParts,
  databaseName: string,
  table: string,
  limit: number,
): boolean {
  const changed = parts[`idb://${databaseName}/${table}/`];
  if (!changed) return false;
  let keys = 0;
  for (const node of new RangeSet().add(changed)) {
    if (indexedDB.cmp(node.from, node.to) !== 0) return true;
    keys += 1;
    if (keys > limit) return true;
  }
  return false;
}
