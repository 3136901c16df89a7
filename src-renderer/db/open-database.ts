import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION, database, type StillpointDatabase } from './database';

/** Dexie stores version n as IndexedDB version n * 10 (the spare units are its own patches). */
const DEXIE_VERSION_FACTOR = 10;

export type OpenOutcome =
  | { kind: 'open'; db: StillpointDatabase }
  /** Written by a newer Stillpoint: left closed and untouched. */
  | { kind: 'newer'; foundVersion: number; supportedVersion: number }
  | { kind: 'failed'; message: string };

export const NEWER_DATABASE_MESSAGE =
  'This data was written by a newer version of Stillpoint. Install the newer version to open it; nothing was changed.';

/** The schema version (Dexie's numbering) an IndexedDB version number stands for. */
export function schemaVersionOf(indexedDbVersion: number): number {
  return Math.floor(indexedDbVersion / DEXIE_VERSION_FACTOR);
}

/**
 * Opens the database, refusing one written by a newer Stillpoint without touching it.
 *
 * Dexie 4 does not simply fail on a newer database: after the VersionError it reopens the
 * database at whatever version it has and, if the tables differ from ours, "patches" it to
 * a still higher version. So the version is read before Dexie opens anything, from
 * `indexedDB.databases()` (which opens nothing), and a VersionError is still caught for the
 * moment between that look and the open.
 */
export async function openDatabaseSafely(
  db: StillpointDatabase,
  idb: IDBFactory = globalThis.indexedDB,
): Promise<OpenOutcome> {
  try {
    const found = await installedVersion(idb, db.name);
    if (found !== null && schemaVersionOf(found) > CURRENT_SCHEMA_VERSION) {
      return {
        kind: 'newer',
        foundVersion: schemaVersionOf(found),
        supportedVersion: CURRENT_SCHEMA_VERSION,
      };
    }
    await db.open();
    const opened = db.backendDB()?.version ?? 0;
    if (schemaVersionOf(opened) > CURRENT_SCHEMA_VERSION) {
      db.close();
      return {
        kind: 'newer',
        foundVersion: schemaVersionOf(opened),
        supportedVersion: CURRENT_SCHEMA_VERSION,
      };
    }
    return { kind: 'open', db };
  } catch (error) {
    if (isVersionError(error)) {
      db.close();
      return { kind: 'newer', foundVersion: Number.NaN, supportedVersion: CURRENT_SCHEMA_VERSION };
    }
    return { kind: 'failed', message: describeOpenError(error) };
  }
}

/** Opens the app's one database (see openDatabaseSafely), before anything reads it. */
export function openAppDatabase(): Promise<OpenOutcome> {
  return openDatabaseSafely(database());
}

/** The IndexedDB version of database `name`, or null when there is none yet. Opens nothing. */
async function installedVersion(idb: IDBFactory, name: string): Promise<number | null> {
  if (typeof idb.databases === 'function') {
    const list = await idb.databases();
    return list.find((info) => info.name === name)?.version ?? null;
  }
  return peekVersion(idb, name);
}

/**
 * For an engine without `databases()`: open without a version (never an upgrade of an
 * existing database) and, if that would create a new one, abort so nothing is created.
 */
function peekVersion(idb: IDBFactory, name: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const request = idb.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      event.preventDefault();
      if (created) resolve(null);
      else reject(request.error);
    };
  });
}

function isVersionError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const inner = (error as { inner?: { name?: unknown } } | null)?.inner?.name;
  return (
    error instanceof Dexie.VersionError ||
    name === 'VersionError' ||
    name === Dexie.errnames.Version ||
    inner === 'VersionError'
  );
}

function describeOpenError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Stillpoint could not open your records (${detail}). Close other Stillpoint windows and start it again; nothing was changed.`;
}
