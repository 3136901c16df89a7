import type { Database } from 'pouchdb-browser';
import { PouchDB } from './pouchdb-node';

// PouchDB in Node for the unit tests, standing in for pouchdb-browser (same core, the memory
// adapter instead of IndexedDB): the replica of one "computer", and the server seen over HTTP.

let count = 0;

export function localReplica(): Database {
  count += 1;
  return new (PouchDB as unknown as new (name: string, options: object) => Database)(
    `replica-${process.pid}-${count}-${Math.random().toString(36).slice(2)}`,
    { adapter: 'memory' },
  );
}

export function remoteDatabase(url: string, username: string, password: string): Database {
  return new (PouchDB as unknown as new (name: string, options: object) => Database)(url, {
    auth: { username, password },
    skip_setup: true,
  });
}

/** One replication both ways, to completion (the app runs it live; a test wants it finished). */
export async function replicateOnce(local: Database, remote: Database): Promise<void> {
  const db = local as unknown as {
    replicate: { to(r: Database): Promise<unknown>; from(r: Database): Promise<unknown> };
  };
  await db.replicate.to(remote);
  await db.replicate.from(remote);
}
