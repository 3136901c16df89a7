import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, StillpointDatabase } from '../../../src-renderer/db/database';
import { openDatabaseSafely, schemaVersionOf } from '../../../src-renderer/db/open-database';

/**
 * A database from a newer Stillpoint (IndexedDB version above ours; Dexie stores version n as
 * n * 10) is refused and left exactly as it was: same version, same stores, same rows.
 */

let counter = 0;
const uniqueName = () => `stillpoint-newer-${process.pid}-${++counter}`;

const OUR_NATIVE_VERSION = CURRENT_SCHEMA_VERSION * 10;
const FUTURE_NATIVE_VERSION = (CURRENT_SCHEMA_VERSION + 1) * 10;

/** A database as a future version might leave it: a table we do not know, a record in it. */
function createRaw(
  name: string,
  version: number,
  stores: string[] = ['clients', 'futureTable'],
  idb: IDBFactory = indexedDB,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = idb.open(name, version);
    request.onupgradeneeded = () => {
      for (const store of stores) request.result.createObjectStore(store, { keyPath: 'id' });
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(stores, 'readwrite');
      for (const store of stores) tx.objectStore(store).put({ id: 'r1', note: `kept in ${store}` });
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

/** What is on disk, read with raw IndexedDB (no upgrade: opened at its own version). */
function snapshot(name: string): Promise<{ version: number; stores: string[]; rows: unknown[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const stores = [...db.objectStoreNames].sort();
      const tx = db.transaction(stores, 'readonly');
      const rows: unknown[] = [];
      for (const store of stores) {
        const all = tx.objectStore(store).getAll();
        all.onsuccess = () => rows.push(...all.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve({ version: db.version, stores, rows });
      };
    };
    request.onerror = () => reject(request.error);
  });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

describe('openDatabaseSafely', () => {
  it('opens (and creates) a new database at the current version', async () => {
    const name = uniqueName();
    const db = new StillpointDatabase(name);
    const outcome = await openDatabaseSafely(db);
    expect(outcome.kind).toBe('open');
    expect(db.backendDB().version).toBe(OUR_NATIVE_VERSION);
    db.close();
  });

  it('refuses a database from a newer version and changes nothing in it', async () => {
    const name = uniqueName();
    await createRaw(name, FUTURE_NATIVE_VERSION);
    const before = await snapshot(name);

    const db = new StillpointDatabase(name);
    const outcome = await openDatabaseSafely(db);
    expect(outcome).toEqual({
      kind: 'newer',
      foundVersion: CURRENT_SCHEMA_VERSION + 1,
      supportedVersion: CURRENT_SCHEMA_VERSION,
    });
    expect(db.isOpen()).toBe(false);
    expect(await snapshot(name)).toEqual(before);
    expect(before.version).toBe(FUTURE_NATIVE_VERSION);
  });

  it('refuses a newer database written by Dexie itself (version 2 declared) the same way', async () => {
    const name = uniqueName();
    const future = new Dexie(name);
    future.version(CURRENT_SCHEMA_VERSION + 1).stores({ clients: 'id, sortKey', invoices: 'id, clientId' });
    await future.open();
    await future.table('invoices').add({ id: 'i1', clientId: 'c1', amount: 60 });
    future.close();
    const before = await snapshot(name);

    const outcome = await openDatabaseSafely(new StillpointDatabase(name));
    expect(outcome.kind).toBe('newer');
    expect(await snapshot(name)).toEqual(before);
  });

  it('opens a database Dexie patched within our own version (native 11 is still version 1)', async () => {
    expect(schemaVersionOf(OUR_NATIVE_VERSION + 1)).toBe(CURRENT_SCHEMA_VERSION);
    const name = uniqueName();
    const db = new StillpointDatabase(name);
    await openDatabaseSafely(db);
    db.close();
    // Raise the native version by one, as Dexie's own schema patching does.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, OUR_NATIVE_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const again = new StillpointDatabase(name);
    expect((await openDatabaseSafely(again)).kind).toBe('open');
    again.close();
  });

  it('without indexedDB.databases(), still refuses a newer database and creates none when peeking', async () => {
    const withoutList = new Proxy(indexedDB, {
      get: (target, key) =>
        key === 'databases'
          ? undefined
          : (Reflect.get(target, key) as (...args: unknown[]) => unknown).bind(target),
    }) as IDBFactory;

    const newer = uniqueName();
    await createRaw(newer, FUTURE_NATIVE_VERSION);
    const before = await snapshot(newer);
    expect((await openDatabaseSafely(new StillpointDatabase(newer), withoutList)).kind).toBe('newer');
    expect(await snapshot(newer)).toEqual(before);

    // A database that does not exist yet: the peek must not leave an empty version-1 database
    // behind (Dexie would then "upgrade" from a version that never existed).
    const fresh = uniqueName();
    const db = new StillpointDatabase(fresh);
    const outcome = await openDatabaseSafely(db, withoutList);
    expect(outcome.kind).toBe('open');
    expect(db.backendDB().version).toBe(OUR_NATIVE_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...db.backendDB().objectStoreNames].sort());
    db.close();
  });

  it('even when the first look is fooled, a newer database is closed again and reported', async () => {
    const name = uniqueName();
    // Same stores as ours, so Dexie's reopen at the newer version has nothing to patch.
    const future = new Dexie(name);
    future.version(CURRENT_SCHEMA_VERSION + 1).stores({
      clients: 'id, sortKey, lastVisitAt, updatedAt, *searchTokens',
      healthHistories: 'clientId',
      sessions: 'id, clientId, [clientId+serviceDate], status, updatedAt',
      afterEffects: 'id, sessionId, clientId',
      auditLog: 'id, noteId, clientId, at',
      settings: 'key',
      intakeDrafts: 'clientId',
      intakeSubmissions: 'id, clientId, submittedAt',
      consentVersions: 'id, version',
      consents: 'id, clientId, consentVersionId, at',
      attachments: 'id, clientId, sessionId, addedAt',
      attachmentBlobs: 'id',
    });
    await future.open();
    future.close();
    const lying = new Proxy(indexedDB, {
      get: (target, key) =>
        key === 'databases'
          ? async () => []
          : (Reflect.get(target, key) as (...args: unknown[]) => unknown).bind(target),
    }) as IDBFactory;
    const db = new StillpointDatabase(name);
    const outcome = await openDatabaseSafely(db, lying);
    expect(outcome.kind).toBe('newer');
    expect(db.isOpen()).toBe(false);
    expect((await snapshot(name)).version).toBe(FUTURE_NATIVE_VERSION);
  });

  it('reports Dexie’s VersionError as "newer", whatever the first look said', async () => {
    const db = new StillpointDatabase(uniqueName());
    db.open = () =>
      Promise.reject(
        new Dexie.VersionError('The requested version is less than the existing version'),
      ) as never;
    expect((await openDatabaseSafely(db)).kind).toBe('newer');
  });

  it('turns any other failure into a message, never a throw', async () => {
    const broken = {
      databases: () => Promise.reject(new DOMException('The storage is unavailable', 'UnknownError')),
    } as unknown as IDBFactory;
    const outcome = await openDatabaseSafely(new StillpointDatabase(uniqueName()), broken);
    expect(outcome).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('could not open your records'),
    });
    expect(await databaseNames()).not.toContain('');
  });
});
