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

/** The keys a committed write touched, per table; `'all'` when they cannot be listed exactly. */
export type WrittenKeys = Map<string, Set<string>> | 'all';

/**
 * The primary keys of `tables` in database `databaseName` that a committed write touched, as
 * Dexie reports them (one range per key for a put, add or delete of named keys). Answers `'all'`
 * when that is not a short list of single string keys: a range (a clear, a range delete, a
 * database just created), more than `limit` keys, a key of another type, or a table reported
 * only through its indexes. Tables not in `tables` are left out.
 */
export function writtenKeys(
  parts: ChangedParts,
  databaseName: string,
  tables: readonly string[],
  limit: number,
): WrittenKeys {
  const prefix = `idb://${databaseName}/`;
  const written = new Map<string, Set<string>>();
  const touched = new Set<string>();
  let count = 0;
  for (const part of Object.keys(parts)) {
    if (!part.startsWith(prefix)) continue;
    const rest = part.slice(prefix.length);
    const slash = rest.indexOf('/');
    const table = slash < 0 ? rest : rest.slice(0, slash);
    if (!tables.includes(table)) continue;
    touched.add(table);
    if (slash < 0 || rest.slice(slash + 1) !== '') continue; // an index or ':dels'
    const keys = written.get(table) ?? new Set<string>();
    written.set(table, keys);
    for (const node of new RangeSet().add(parts[part]!)) {
      if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
      keys.add(node.from);
      count += 1;
      if (count > limit) return 'all';
    }
  }
  for (const table of touched) if (!written.has(table)) return 'all';
  return written;
}
