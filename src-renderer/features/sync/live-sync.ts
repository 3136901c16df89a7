import type { Database, PouchError, SyncHandle } from 'pouchdb-browser';
import type { Translate } from '../../../src-shared/i18n';
import { onCommittedWrites, type WrittenKeys, writtenKeys } from '../../db/change-feed';
import { SYNCED_TABLES, type SyncEngine } from './sync-engine';
import type { SyncState } from './sync-status';

/**
 * Waits this long after a write before sending, so the writes of one save (a note and its audit
 * entry, a draft created and then filled in) go as one pass. Every millisecond here is part of
 * how long a saved note takes to reach the other computers (the 400 ms it was were a quarter of
 * the sync bench's note latency); a burst of autosaves still coalesces into a few small passes.
 */
export const PUSH_DELAY_MS = 100;
/**
 * More keys than this in one pause are sent by a full pass (a restore, an import). Below it the
 * push reads the keys a slice at a time (`SyncEngine.pushSome`), which costs what was written,
 * not the whole practice (a computer joining a practice writes every record it receives; the
 * pull writes them so that Dexie reports each key, see `KEYED_WRITE` in sync-engine.ts).
 */
export const PUSH_KEYS_LIMIT = 50_000;

export interface LiveSyncDeps {
  engine: SyncEngine;
  /** The documents' files (file-sync.ts): a pass after each pass of the records. */
  files?: { request(): Promise<unknown> };
  local: Database;
  remote: Database;
  /** PouchDB.sync (passed in: PouchDB is loaded only once sync is on). */
  replicate: (
    local: Database,
    remote: Database,
    options: {
      live: boolean;
      retry: boolean;
      batch_size?: number;
      back_off_function?: (delay: number) => number;
    },
  ) => SyncHandle;
  /** The Dexie database whose committed writes are sent. */
  databaseName: string;
  /** The state shown so far (to keep "offline since" at the first failure). */
  state: () => SyncState;
  setState: (state: SyncState) => void;
  now: () => Date;
  /** The app's language, for the words the status shows. */
  t: Translate;
}

/**
 * The continuous part of practice sync, once the engine is open and the server's marker checked:
 * a write here is sent after a short pause, PouchDB replicates live with the server (retrying
 * with back-off), and what the replica receives is applied. Shared by the app and the sync bench
 * (tests/bench), so the bench measures the app's own wiring. Answers the function that stops it.
 */
export async function startLiveSync(deps: LiveSyncDeps): Promise<() => void> {
  const { engine, local, remote } = deps;
  const stops: (() => void)[] = [];
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const s of stops.splice(0)) s();
  };
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  // The keys written since the last push was asked for: only they are read and sent.
  let written: WrittenKeys = new Map();
  stops.push(
    onCommittedWrites((parts) => {
      const keys = writtenKeys(parts, deps.databaseName, SYNCED_TABLES, PUSH_KEYS_LIMIT);
      if (keys !== 'all' && keys.size === 0) return;
      written = mergeWritten(written, keys);
      clearTimeout(pushTimer);
      pushTimer = setTimeout(() => {
        const scope = written;
        written = new Map();
        void engine.requestPush(scope === 'all' ? undefined : scope).then(files);
      }, PUSH_DELAY_MS);
    }),
  );
  stops.push(() => clearTimeout(pushTimer));
  // The files follow the records: a file is sent once its row is here, stored once its row arrived.
  const files = () => {
    if (!stopped) void deps.files?.request();
  };
  const feed = local
    .changes({ live: true, since: 'now' })
    .on('change', () => void engine.requestPull().then(files));
  stops.push(() => feed.cancel());

  await engine.requestPull();
  await engine.requestPush();
  if (stopped) return stop;
  files();

  let pending = 0;
  let replication: SyncHandle | undefined;
  const fail = (message: string) => deps.setState({ kind: 'error', message });
  // PouchDB's live pull can stay stopped after the network dropped while its push carries on, and
  // nothing says so: it pauses as if up to date (apache/pouchdb#9063, #8192). The fault test of a
  // network cut mid-push traced it: the pull's last event came before the cut, its long-poll
  // never answered nor failed, and the push retried and finished. So once the server answers
  // after any failure this replication met, both directions start afresh from their checkpoints:
  // a few requests, nothing sent or applied twice. A flag, not the state shown: by the time the
  // replication pauses again the push's retry has set "syncing", and "offline" is gone.
  let metFailure = false;
  const replicate = () => {
    replication?.cancel();
    metFailure = false;
    const handle = deps.replicate(local, remote, {
      live: true,
      retry: true,
      batch_size: 500,
      // Back off from 1 s to at most 10 s (a practice server is near: on its network) while the server cannot be reached.
      back_off_function: (delay) => (delay === 0 ? 1000 : Math.min(delay * 2, 10_000)),
    });
    replication = handle;
    const current = () => !stopped && handle === replication;
    // Each direction's own pause with an error (the handle's 'paused' waits for both directions
    // and passes no error on).
    for (const direction of directionsOf(handle))
      direction.on('paused', (error?: unknown) => {
        if (error && current()) metFailure = true;
      });
    handle
      .on('change', (info) => {
        if (!current()) return;
        pending = info.change?.pending ?? 0;
        deps.setState({ kind: 'syncing', pending });
      })
      .on('active', () => {
        if (current()) deps.setState({ kind: 'syncing', pending });
      })
      .on('paused', (error) => {
        if (!current()) return;
        // PouchDB pauses both when it is idle and when it waits to retry, and does not always pass
        // the error on; one request to the server tells "synced" from "offline".
        void engine
          .requestPull()
          .then(() => (error ? Promise.reject(error) : remote.info()))
          .then(
            () => {
              if (!current()) return;
              deps.setState({ kind: 'synced', at: deps.now().toISOString() });
              if (metFailure) replicate();
            },
            (failure: PouchError) => {
              if (!current()) return;
              metFailure = true;
              const state = deps.state();
              const since = state.kind === 'offline' ? state.since : deps.now().toISOString();
              deps.setState({ kind: 'offline', since, reason: networkWords(failure, deps.t) });
            },
          );
      })
      .on('denied', () => {
        if (current()) fail(deps.t('sync.error.denied'));
      })
      .on('error', (error) => {
        if (current()) fail(networkWords(error, deps.t));
      });
  };
  replicate();
  stops.push(() => replication?.cancel());
  return stop;
}

/**
 * The push and the pull of a PouchDB.sync handle (its `push` and `pull` replications, in PouchDB
 * 7 to 9), for their own events; none when a handle lacks them.
 */
function directionsOf(handle: SyncHandle): Direction[] {
  const parts = handle as unknown as Record<'push' | 'pull', unknown>;
  return [parts.push, parts.pull].filter(
    (part): part is Direction => typeof (part as { on?: unknown } | undefined)?.on === 'function',
  );
}

interface Direction {
  on(event: 'paused', listener: (error?: unknown) => void): unknown;
}

function mergeWritten(into: WrittenKeys, more: WrittenKeys): WrittenKeys {
  if (into === 'all' || more === 'all') return 'all';
  let count = 0;
  for (const [table, keys] of more) {
    const set = into.get(table) ?? new Set<string>();
    for (const key of keys) set.add(key);
    into.set(table, set);
  }
  for (const set of into.values()) count += set.size;
  return count > PUSH_KEYS_LIMIT ? 'all' : into;
}

/** Why the server cannot be used, in the therapist's words. */
export function networkWords(error: PouchError | undefined, t: Translate): string {
  const status = error?.status;
  if (status === 401) return t('sync.error.password');
  if (status === 403) return t('sync.error.forbidden');
  if (status === 404) return t('sync.error.noDatabase');
  if (status !== undefined && status >= 500) return t('sync.error.serverError');
  return t('sync.error.unreachable');
}
