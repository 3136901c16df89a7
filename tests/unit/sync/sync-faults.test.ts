import 'fake-indexeddb/auto';
import type { Database, SyncHandle } from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { clientRowFor } from '../../../src-renderer/db/clients-repository';
import { type LiveSyncDeps, startLiveSync } from '../../../src-renderer/features/sync/live-sync';
import { SYNCED_TABLES, SyncEngine } from '../../../src-renderer/features/sync/sync-engine';
import type { SyncState, SyncView } from '../../../src-renderer/features/sync/sync-status';
import { generatePracticeBatches, PRACTICE_TABLES } from '../../../src-shared/demo/practice';
import { translatorFor } from '../../../src-shared/i18n';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';
import { canonicalJson } from '../../../src-shared/sync/sync-crypto';
import { localReplica, remoteDatabase } from '../../sync-server/client';
import { type KillableSyncServer, startKillableSyncServer } from '../../sync-server/killable-server';
import { PouchDB } from '../../sync-server/pouchdb-node';
import { startTcpProxy, type TcpProxy } from '../../sync-server/tcp-proxy';
import { addClient, filledIn, openRepositories, steppingClock } from '../db/helpers';

// Faults (issue 18): the server process killed while a push is in flight and started again; the
// network cut in the middle of a push. Each computer runs the app's own engine and continuous
// wiring (`startLiveSync`: PouchDB's live replication with retry, the pushes after writes), with
// its own IndexedDB (fake-indexeddb) and replica, against the test server in a process of its
// own whose data survives the kill. After recovery both computers must hold the same records in
// every synced table, including everything written on either computer meanwhile.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A practice of this size pushes in three `_bulk_docs` batches (the app sends 500 a batch). */
const PRACTICE = { seed: 18, clients: 40, sessionsPerClient: 10, busyClients: 0 };

type Computer = Awaited<ReturnType<typeof computer>>;

async function computer(practiceKey: string, name: string, databaseUrl: string, server: KillableSyncServer) {
  const repos = openRepositories({ clock: steppingClock(new Date('2026-11-27T09:00:00.000Z')) });
  const local = localReplica();
  const remote = remoteDatabase(databaseUrl, server.user, server.password);
  let view: SyncView = { state: { kind: 'starting' }, problems: [], deleted: [], conflicts: [] };
  let state: SyncState = { kind: 'starting' };
  const engine = new SyncEngine({
    local,
    remote,
    records: repos.syncRecords,
    restoreWriter: repos.restoreWriter,
    secrets: { databaseUrl, user: server.user, password: server.password, practiceKey, computerName: name },
    now: () => new Date(),
    report: (change) => {
      view = change(view);
    },
  });
  await engine.open();
  expect(await engine.checkServer()).toBeNull();
  const trace: string[] = [];
  return {
    name,
    trace,
    repos,
    engine,
    local,
    view: () => view,
    state: () => state,
    async startSyncing() {
      const stop = await startLiveSync({
        engine,
        local,
        remote,
        replicate: ((from: Database, to: Database, options: object) => {
          const handle = (PouchDB as unknown as { sync: LiveSyncDeps['replicate'] }).sync(
            from,
            to,
            options as Parameters<LiveSyncDeps['replicate']>[2],
          );
          traceReplication(trace, handle);
          return handle;
        }) as LiveSyncDeps['replicate'],
        databaseName: repos.name,
        state: () => state,
        setState: (next) => {
          state = next;
        },
        now: () => new Date(),
        t: translatorFor('en'),
      });
      cleanups.push(stop);
    },
  };
}

/**
 * Keeps what a computer's replication did (each direction's events, in order), for the message of
 * a failure: which direction stopped, and after what.
 */
function traceReplication(trace: string[], handle: SyncHandle) {
  const started = Date.now();
  const note = (what: string) => trace.push(`${Date.now() - started}ms ${what}`);
  note('start');
  const directions = handle as unknown as Record<'push' | 'pull', EventEmitterLike>;
  for (const direction of ['push', 'pull'] as const) {
    const one = directions[direction];
    one.on('active', () => note(`${direction} active`));
    one.on('paused', (error?: { message?: string }) =>
      note(`${direction} paused${error ? ` (${error.message ?? 'error'})` : ''}`),
    );
    one.on('change', (info: { docs_written?: number }) =>
      note(`${direction} change ${info.docs_written ?? ''}`),
    );
    one.on('error', (error: { message?: string }) => note(`${direction} error ${error.message}`));
    one.on('complete', () => note(`${direction} complete`));
  }
  handle.on('paused', () => note('paused'));
}

interface EventEmitterLike {
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** Fills a computer's tables with the seeded demo practice, as the bench does. */
async function populate(c: Computer): Promise<number> {
  const { db } = c.repos;
  let records = 0;
  for (const batch of generatePracticeBatches(PRACTICE, 100)) {
    await db.transaction(
      'rw',
      PRACTICE_TABLES.map((table) => db.table(table)),
      async () => {
        for (const table of PRACTICE_TABLES) {
          const rows =
            table === 'clients'
              ? batch.clients.map((client) => clientRowFor(client))
              : (batch[table] as unknown[]);
          records += rows.length;
          await db.table(table).bulkAdd(rows);
        }
      },
    );
  }
  return records;
}

/** Every synced table of a computer, each record as canonical JSON, sorted. */
async function everyTable(c: Computer): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of SYNCED_TABLES) {
    const rows: string[] = [];
    for await (const page of c.repos.syncRecords.records(table)) rows.push(...page.map(canonicalJson));
    tables[table] = rows.sort();
  }
  return tables;
}

/** How many records each synced table holds (cheap enough to ask often). */
async function counts(c: Computer): Promise<string> {
  const n = await Promise.all(SYNCED_TABLES.map((table) => c.repos.db.table(table).count()));
  return n.join(',');
}

/**
 * Waits until both computers hold the same records: polls the tables' sizes (a condition, not a
 * fixed delay), and compares every record of every table once the sizes agree.
 */
async function untilTheSame(a: Computer, b: Computer, server?: KillableSyncServer) {
  let last = '';
  // A deadline, not a count of tries: under load each try takes longer, and the message below must
  // come before the test's own timeout does.
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    const [sizeA, sizeB] = await Promise.all([counts(a), counts(b)]);
    if (sizeA === sizeB) {
      const [onA, onB] = await Promise.all([everyTable(a), everyTable(b)]);
      if (JSON.stringify(onA) === JSON.stringify(onB)) return onA;
    }
    last = `A ${sizeA}, B ${sizeB}; A ${a.state().kind}, B ${b.state().kind}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // What each replica and the server hold tells which step stopped: the push to the server, the
  // pull into a replica, or the replica's changes applied to the tables.
  const [replicaA, replicaB, onServer] = await Promise.all([
    a.local.info(),
    b.local.info(),
    server?.revisions().then((revisions) => revisions.size),
  ]);
  throw new Error(
    [
      `The computers never held the same records: ${last}; replica A ${replicaA.doc_count} docs (seq ${replicaA.update_seq}), replica B ${replicaB.doc_count} docs (seq ${replicaB.update_seq}), server ${onServer ?? '?'} docs`,
      `A's replication: ${a.trace.slice(-40).join('; ')}`,
      `B's replication: ${b.trace.slice(-40).join('; ')}`,
    ].join('\n'),
  );
}

function count(tables: Record<string, string[]>): number {
  return Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
}

async function signedNote(c: Computer, first: string, last: string) {
  const client = await addClient(c.repos.clients, first, last);
  const draft = await c.repos.sessions.createDraft(client.id);
  await c.repos.sessions.saveDraft(filledIn(draft));
  const note = await c.repos.sessions.sign(draft.id, 'Anna Lind');
  return { client, note };
}

describe('sync faults: the server killed mid-push, the network cut mid-push', () => {
  it('the server process is killed while a push is in flight and started again: both computers end with the same records, nothing acknowledged lost', async () => {
    // The server holds (never answers) the push's 2nd batch: the first is acknowledged
    // and stored, the rest not yet, and the push is certainly in flight when it is killed.
    const server = await startKillableSyncServer({ holdBulkDocs: 2 });
    cleanups.push(() => server.dispose());
    const key = practiceKeyToText(createPracticeKey());
    const a = await computer(key, 'Laptop', server.databaseUrl, server);
    const records = await populate(a);
    expect(records).toBeGreaterThan(1_000);
    await a.startSyncing();

    await server.holding();
    const acknowledged = await server.revisions();
    // Some of the practice is on the server, not all of it.
    expect(acknowledged.size).toBeGreaterThan(1);
    expect(acknowledged.size).toBeLessThan(records);
    await server.kill();

    // Written while the server is gone: saved here, sent once it is back.
    const duringOutage = await signedNote(a, 'Ottilie', 'Marchbanks');
    await server.start();

    const b = await computer(key, 'Desk', server.databaseUrl, server);
    await b.startSyncing();
    const tables = await untilTheSame(a, b, server);
    expect(count(tables)).toBeGreaterThan(records);
    expect(tables.clients!.length).toBe(PRACTICE.clients + 1);
    expect(tables.sessions!.some((row) => row.includes(duringOutage.note.id))).toBe(true);

    // What the server acknowledged before it was killed is still there (the same revision, or a
    // later one of the same document), and nothing was refused on either computer.
    const after = await server.revisions();
    for (const [id, rev] of acknowledged) {
      expect(after.has(id), id).toBe(true);
      expect(Number.parseInt(after.get(id)!, 10)).toBeGreaterThanOrEqual(Number.parseInt(rev, 10));
    }
    expect(a.view().problems).toEqual([]);
    expect(b.view().problems).toEqual([]);
  }, 240_000);

  it('the network drops in the middle of a push and comes back: both computers end with the same records, edits on both sides included', async () => {
    const server = await startKillableSyncServer();
    cleanups.push(() => server.dispose());
    const proxy: TcpProxy = await startTcpProxy(Number(new URL(server.origin).port));
    cleanups.push(() => proxy.close());
    const key = practiceKeyToText(createPracticeKey());
    // B is on the server's network; A reaches it through the link that will drop.
    const b = await computer(key, 'Desk', server.databaseUrl, server);
    await b.startSyncing();
    const a = await computer(key, 'Laptop', `${proxy.origin}/stillpoint`, server);
    const records = await populate(a);
    const cut = proxy.cutAtBulkDocs(2);
    await a.startSyncing();
    await cut;
    const reached = await server.revisions();
    expect(reached.size).toBeGreaterThan(1);
    expect(reached.size).toBeLessThan(records);

    // Both computers go on working while apart.
    const onA = await signedNote(a, 'Leopold', 'Vantongeren');
    const onB = await signedNote(b, 'Wilhelmina', 'Oyelaran');
    await expect.poll(() => a.state().kind, { timeout: 60_000 }).toBe('offline');
    proxy.reconnect();

    const tables = await untilTheSame(a, b, server);
    for (const id of [onA.note.id, onB.note.id]) {
      expect(tables.sessions!.some((row) => row.includes(id))).toBe(true);
    }
    expect(tables.clients!.length).toBe(PRACTICE.clients + 2);
    expect(a.view().problems).toEqual([]);
    expect(b.view().problems).toEqual([]);
  }, 240_000);
});
