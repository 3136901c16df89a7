import type { Translate } from '../../../src-shared/i18n';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { i18n } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { onCommittedWrites } from '../../db/change-feed';
import { platform } from '../../platform';
import { PracticeKeyError, SyncEngine } from './sync-engine';
import { syncView } from './sync-status';

let running: SyncEngine | null = null;

/** The engine while sync runs (the Sync conflicts screen asks it for kept versions and "Seen"). */
export function runningSyncEngine(): SyncEngine | null {
  return running;
}

/** The app's language at the moment a message is made (messages are kept as words). */
const t: Translate = (key, values) => i18n.t(key, values ?? {}) as string;

/** Waits this long after a write before sending, so a burst of autosaves goes as one pass. */
const PUSH_DELAY_MS = 400;

/**
 * Starts practice sync when main says it is on (with the app open, continuously), and answers
 * the function that stops it. With sync off nothing here runs and nothing leaves the computer.
 */
export async function startPracticeSync(): Promise<() => void> {
  const answer = await platform().syncSecrets();
  if (!answer.ok) {
    syncView.set((view) => ({ ...view, state: { kind: 'error', message: answer.error.message } }));
    return () => {};
  }
  if (answer.value === null) {
    syncView.set((view) => ({ ...view, state: { kind: 'off' } }));
    return () => {};
  }
  return runSync(answer.value);
}

async function runSync(secrets: NonNullable<SyncSecrets>): Promise<() => void> {
  syncView.set((view) => ({ ...view, state: { kind: 'starting' } }));
  // Loaded only with sync on: a practice without sync never loads PouchDB.
  const { default: PouchDB } = await import('pouchdb-browser');
  const local = new PouchDB('stillpoint-sync-replica');
  const remote = new PouchDB(secrets.databaseUrl, {
    auth: { username: secrets.user, password: secrets.password },
    skip_setup: true,
  });
  const repos = repositories();
  const engine = new SyncEngine({
    local,
    remote,
    records: repos.syncRecords,
    restoreWriter: repos.restoreWriter,
    secrets,
    now: () => new Date(),
    report: (change) => syncView.set(change),
    t,
  });
  const stops: (() => void)[] = [];
  let stopped = false;
  const stop = () => {
    stopped = true;
    if (running === engine) running = null;
    for (const s of stops.splice(0)) s();
  };
  const fail = (message: string) => syncView.set((view) => ({ ...view, state: { kind: 'error', message } }));
  try {
    await engine.open();
  } catch (error) {
    fail(error instanceof PracticeKeyError ? error.message : t('sync.error.replica'));
    return stop;
  }
  running = engine;
  // The marker: is this the practice's database, opened with the practice's current key?
  const checked = await checkServer(engine);
  if (checked !== null) {
    fail(checked);
    return stop;
  }
  if (stopped) return stop;

  const databaseName = repos.backupSnapshot.databaseName;
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  stops.push(
    onCommittedWrites((parts) => {
      if (!Object.keys(parts).some((key) => key.startsWith(`idb://${databaseName}/`))) return;
      clearTimeout(pushTimer);
      pushTimer = setTimeout(() => void engine.requestPush(), PUSH_DELAY_MS);
    }),
  );
  stops.push(() => clearTimeout(pushTimer));
  const feed = local.changes({ live: true, since: 'now' }).on('change', () => void engine.requestPull());
  stops.push(() => feed.cancel());

  await engine.requestPull();
  await engine.requestPush();

  let pending = 0;
  const replication = PouchDB.sync(local, remote, {
    live: true,
    retry: true,
    batch_size: 200,
    // Back off from 1 s to at most 10 s (a practice server is near: on its network) while the server cannot be reached.
    back_off_function: (delay) => (delay === 0 ? 1000 : Math.min(delay * 2, 10_000)),
  });
  stops.push(() => replication.cancel());
  replication
    .on('change', (info) => {
      pending = info.change?.pending ?? 0;
      syncView.set((view) => ({ ...view, state: { kind: 'syncing', pending } }));
    })
    .on('active', () => syncView.set((view) => ({ ...view, state: { kind: 'syncing', pending } })))
    .on('paused', (error) => {
      // PouchDB pauses both when it is idle and when it waits to retry, and does not always pass
      // the error on; one request to the server tells "synced" from "offline".
      void engine
        .requestPull()
        .then(() => (error ? Promise.reject(error) : remote.info()))
        .then(
          () => {
            if (!stopped)
              syncView.set((view) => ({ ...view, state: { kind: 'synced', at: new Date().toISOString() } }));
          },
          (failure: { status?: number; message?: string }) => {
            if (stopped) return;
            const state = syncView.get().state;
            const since = state.kind === 'offline' ? state.since : new Date().toISOString();
            syncView.set((view) => ({
              ...view,
              state: { kind: 'offline', since, reason: networkWords(failure) },
            }));
          },
        );
    })
    .on('denied', () => fail(t('sync.error.denied')))
    .on('error', (error) => fail(networkWords(error)));
  return stop;
}

async function checkServer(engine: SyncEngine): Promise<string | null> {
  try {
    return await engine.checkServer();
  } catch (error) {
    return networkWords(error as { status?: number; message?: string });
  }
}

function networkWords(error: { status?: number; message?: string; name?: string } | undefined): string {
  const status = error?.status;
  if (status === 401) return t('sync.error.password');
  if (status === 403) return t('sync.error.forbidden');
  if (status === 404) return t('sync.error.noDatabase');
  if (status !== undefined && status >= 500) return t('sync.error.serverError');
  return t('sync.error.unreachable');
}
