import Dexie from 'dexie';
import PouchDB, { type Database } from 'pouchdb-browser';
import { onCommittedWrites } from '../../../src-renderer/db/change-feed';
import { ClientsRepository } from '../../../src-renderer/db/clients-repository';
import { StillpointDatabase, TABLE_NAMES } from '../../../src-renderer/db/database';
import { createDataFronts } from '../../../src-renderer/db/fronts';
import { createSessionRepositories } from '../../../src-renderer/db/sessions-repository';
import { startLiveSync } from '../../../src-renderer/features/sync/live-sync';
import { type PushScope, SyncEngine } from '../../../src-renderer/features/sync/sync-engine';
import type { SyncState, SyncView } from '../../../src-renderer/features/sync/sync-status';
import { translatorFor } from '../../../src-shared/i18n';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';

/**
 * The sync bench's computers, inside the bench page (one page per computer, as two computers are
 * two renderers): each has its own database of the app's schema, its own PouchDB replica, and
 * the app's own engine and live wiring (features/sync/live-sync.ts), replicating with a real
 * CouchDB-compatible server on 127.0.0.1 that the bench starts and stops.
 */

interface Computer {
  db: StillpointDatabase;
  engine: SyncEngine;
  local: Database;
  remote: Database;
  state: SyncState;
  view: SyncView;
  stop?: () => void;
  onState: Set<() => void>;
  /** Durations of the engine's passes (ms), for the report's details. */
  passes: { push: number[]; pull: number[] };
}

const computers = new Map<string, Computer>();

export interface SyncComputerOptions {
  name: string;
  databaseName: string;
  secrets: NonNullable<SyncSecrets>;
}

/** Epoch milliseconds with sub-millisecond precision, comparable between the two pages. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

function computer(name: string): Computer {
  const found = computers.get(name);
  if (!found) throw new Error(`No sync computer ${name}`);
  return found;
}

/** Creates a computer and checks the server's marker, as the app does before it syncs. */
async function syncOpen(options: SyncComputerOptions): Promise<void> {
  const db = new StillpointDatabase(options.databaseName);
  await db.open();
  const fronts = createDataFronts(db);
  const local = new PouchDB(`${options.databaseName}-replica`);
  const remote = new PouchDB(options.secrets.databaseUrl, {
    auth: { username: options.secrets.user, password: options.secrets.password },
    skip_setup: true,
  });
  const c: Computer = {
    db,
    local,
    remote,
    state: { kind: 'starting' },
    view: { state: { kind: 'starting' }, problems: [], deleted: [], conflicts: [] },
    onState: new Set(),
    passes: { push: [], pull: [] },
    engine: new SyncEngine({
      local,
      remote,
      records: fronts.syncRecords,
      restoreWriter: fronts.restoreWriter,
      secrets: options.secrets,
      now: () => new Date(),
      report: (change) => {
        c.view = change(c.view);
      },
    }),
  };
  computers.set(options.name, c);
  timePasses(c);
  await c.engine.open();
  const refused = await c.engine.checkServer();
  if (refused) throw new Error(refused);
}

/**
 * Starts the app's continuous sync on a computer and waits until it first reports "Synced" with
 * `expected` clients and notes in its tables (the first computer: everything uploaded; a joining
 * one: everything downloaded, decrypted, checked and merged). Answers how long that took.
 */
async function syncStartAndSettle(
  name: string,
  expected: { clients: number; sessions: number },
): Promise<{ ms: number; problems: number; state: SyncState }> {
  const c = computer(name);
  const start = performance.now();
  const settled = new Promise<void>((resolve, reject) => {
    let checking = false;
    const check = async () => {
      if (c.state.kind === 'error') {
        reject(new Error(c.state.message));
        return;
      }
      if (c.state.kind !== 'synced' || checking) return;
      checking = true;
      const [clients, sessions] = await Promise.all([c.db.clients.count(), c.db.sessions.count()]);
      checking = false;
      if (clients >= expected.clients && sessions >= expected.sessions) {
        c.onState.delete(listener);
        resolve();
      }
    };
    const listener = () => void check();
    c.onState.add(listener);
  });
  c.stop = await startLiveSync({
    engine: c.engine,
    local: c.local,
    remote: c.remote,
    replicate: (from, to, options) => PouchDB.sync(from, to, options),
    databaseName: c.db.name,
    state: () => c.state,
    setState: (state) => {
      c.state = state;
      for (const listener of [...c.onState]) listener();
    },
    now: () => new Date(),
    t: translatorFor('en'),
  });
  await settled;
  return { ms: performance.now() - start, problems: c.view.problems.length, state: c.state };
}

/**
 * Wraps the engine's two requests to record how long each takes (queue wait included), passing
 * on what is asked (a push's scope: the keys written).
 */
function timePasses(c: Computer): void {
  for (const kind of ['push', 'pull'] as const) {
    const method = kind === 'push' ? 'requestPush' : 'requestPull';
    const original = c.engine[method].bind(c.engine);
    c.engine[method] = async (scope?: PushScope) => {
      const start = performance.now();
      await original(scope);
      c.passes[kind].push(performance.now() - start);
    };
  }
}

/** The pass durations recorded since the last call (ms), and forgets them. */
function syncPasses(name: string): { push: number[]; pull: number[] } {
  const c = computer(name);
  const out = c.passes;
  c.passes = { push: [], pull: [] };
  return out;
}

/** Records in every table of a computer's database. */
async function syncRecordCount(name: string): Promise<number> {
  const { db } = computer(name);
  let total = 0;
  for (const table of TABLE_NAMES) total += await db.table(table).count();
  return total;
}

/**
 * Saves a new draft note on a computer, through the app's repositories (so the app's own push
 * follows): answers its id and the moment the save was committed.
 */
async function syncSaveNote(
  name: string,
  clientId: string,
  marker: string,
): Promise<{ noteId: string; savedAt: number }> {
  const { db } = computer(name);
  const { sessions } = createSessionRepositories(db, new ClientsRepository(db));
  const draft = await sessions.createDraft(clientId);
  await sessions.saveDraft({ ...draft, chiefComplaint: marker });
  return { noteId: draft.id, savedAt: epochMs() };
}

/**
 * Waits on a computer for a note of `clientId` with `marker` as its chief complaint: answers the
 * moment its write here was committed (checked after every committed write to its notes).
 */
async function syncAwaitNote(name: string, clientId: string, marker: string): Promise<number> {
  const { db } = computer(name);
  const find = () =>
    db.sessions
      .where('[clientId+serviceDate]')
      .between([clientId, Dexie.minKey], [clientId, Dexie.maxKey])
      .filter((row) => row.chiefComplaint === marker)
      .first();
  return new Promise<number>((resolve) => {
    let done = false;
    const look = async () => {
      if (done || !(await find())) return;
      done = true;
      stop();
      resolve(epochMs());
    };
    const stop = onCommittedWrites((parts) => {
      if (parts[`idb://${db.name}/sessions/`]) void look();
    });
    void look();
  });
}

/** The first client of a computer by id (the note latency's client). */
async function syncFirstClientId(name: string): Promise<string> {
  const id = await computer(name).db.clients.orderBy(':id').firstKey();
  if (typeof id !== 'string') throw new Error('No client to write a note for');
  return id;
}

/** Stops a computer's sync and deletes its database and replica. */
async function syncDispose(name: string): Promise<void> {
  const c = computers.get(name);
  if (!c) return;
  c.stop?.();
  computers.delete(name);
  await c.local.destroy();
  c.db.close();
  await c.db.delete();
}

export const syncBenchApi = {
  syncOpen,
  syncStartAndSettle,
  syncRecordCount,
  syncPasses,
  syncSaveNote,
  syncAwaitNote,
  syncFirstClientId,
  syncDispose,
};
