import { EventEmitter } from 'node:events';
import type { Database, SyncHandle } from 'pouchdb-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { type LiveSyncDeps, startLiveSync } from '../../../src-renderer/features/sync/live-sync';
import type { SyncEngine } from '../../../src-renderer/features/sync/sync-engine';
import type { SyncState } from '../../../src-renderer/features/sync/sync-status';
import { translatorFor } from '../../../src-shared/i18n';

// PouchDB's live pull can stay stopped after a network drop while its push goes on, pausing as if
// up to date (apache/pouchdb#9063; met by sync-faults.test.ts's network cut). live-sync.ts starts
// the replication afresh once the server answers after any failure the replication met. This test
// drives that wiring with PouchDB's events: the replication handles are event emitters standing
// in for PouchDB.sync's, the engine and server answer at once. The real replication through a cut
// network is sync-faults.test.ts.

class FakeReplication extends EventEmitter {
  /** Each direction's own replication, as PouchDB.sync's handle has them. */
  readonly push = new EventEmitter();
  readonly pull = new EventEmitter();
  cancelled = false;
  cancel() {
    this.cancelled = true;
  }
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function started() {
  const replications: FakeReplication[] = [];
  let state: SyncState = { kind: 'starting' };
  let answers = 0;
  const feed = Object.assign(new EventEmitter(), { cancel() {} });
  const stop = await startLiveSync({
    engine: { requestPull: async () => {}, requestPush: async () => {} } as unknown as SyncEngine,
    local: { changes: () => feed } as unknown as Database,
    remote: {
      info: async () => {
        answers += 1;
        return {};
      },
    } as unknown as Database,
    replicate: (() => {
      const replication = new FakeReplication();
      replications.push(replication);
      return replication as unknown as SyncHandle;
    }) as LiveSyncDeps['replicate'],
    databaseName: 'live-sync-restart-test',
    state: () => state,
    setState: (next) => {
      state = next;
    },
    now: () => new Date('2026-12-07T12:00:00.000Z'),
    t: translatorFor('en'),
  });
  stops.push(stop);
  return { replications, state: () => state, answers: () => answers };
}

/** Waits for a condition of the promise chain that follows a PouchDB event (no fixed delay). */
async function until(condition: () => boolean) {
  for (let turn = 0; turn < 1_000 && !condition(); turn++)
    await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

describe('live sync: a fresh replication after being offline', () => {
  it('idle and reachable: the one replication goes on', async () => {
    const sync = await started();
    sync.replications[0]!.emit('paused');
    await until(() => sync.state().kind === 'synced');
    sync.replications[0]!.emit('paused');
    await until(() => sync.state().kind === 'synced');
    expect(sync.replications).toHaveLength(1);
    expect(sync.replications[0]!.cancelled).toBe(false);
  });

  it('offline, then the server answers: the old replication is cancelled and a new one started, once', async () => {
    const sync = await started();
    sync.replications[0]!.emit('paused', { status: 0, message: 'network' });
    await until(() => sync.state().kind === 'offline');
    sync.replications[0]!.emit('paused');
    await until(() => sync.replications.length === 2);
    expect(sync.state().kind).toBe('synced');
    expect(sync.replications[0]!.cancelled).toBe(true);
    // The old handle's late events change nothing; the new one's first idle pause starts nothing.
    sync.replications[0]!.emit('paused', { status: 0 });
    const before = sync.answers();
    sync.replications[1]!.emit('paused');
    await until(() => sync.answers() === before + 1 && sync.state().kind === 'synced');
    expect(sync.replications).toHaveLength(2);
    expect(sync.replications[1]!.cancelled).toBe(false);
  });

  it('offline, then the push resumes ("syncing") before the pause: still started afresh (the traced failure)', async () => {
    const sync = await started();
    sync.replications[0]!.emit('paused');
    await until(() => sync.state().kind === 'synced');
    // The cut: the push fails, and the one request to the server fails too.
    sync.replications[0]!.push.emit('paused', { status: 0, message: 'read ECONNRESET' });
    sync.replications[0]!.emit('paused', undefined);
    await until(() => sync.state().kind === 'synced' || sync.state().kind === 'offline');
    // The network is back: the push's retry goes on, then everything pauses.
    sync.replications[0]!.emit('active', { direction: 'push' });
    expect(sync.state().kind).toBe('syncing');
    sync.replications[0]!.emit('paused');
    await until(() => sync.replications.length === 2);
    expect(sync.replications[0]!.cancelled).toBe(true);
    expect(sync.state().kind).toBe('synced');
  });

  it("a direction's failure the handle never passed on is enough; a clean replication's pauses are not", async () => {
    const sync = await started();
    sync.replications[0]!.pull.emit('paused');
    sync.replications[0]!.emit('paused');
    await until(() => sync.state().kind === 'synced');
    expect(sync.replications).toHaveLength(1);
    sync.replications[0]!.pull.emit('paused', { status: 0, message: 'socket hang up' });
    sync.replications[0]!.emit('paused');
    await until(() => sync.replications.length === 2);
    // The new replication starts clean: its own idle pause starts nothing more.
    sync.replications[1]!.emit('paused');
    await until(() => sync.state().kind === 'synced');
    await new Promise((resolve) => setImmediate(resolve));
    expect(sync.replications).toHaveLength(2);
  });
});
