import type { Translate } from '../../../src-shared/i18n';
import { deriveFileKeys } from '../../../src-shared/sync/file-crypto';
import { practiceKeyFromText } from '../../../src-shared/sync/practice-key';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { i18n } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';
import { FileSync } from './file-sync';
import { networkWords, startLiveSync } from './live-sync';
import { PracticeKeyError, SyncEngine } from './sync-engine';
import { syncView } from './sync-status';

let running: SyncEngine | null = null;

/** The engine while sync runs (the Sync conflicts screen asks it for kept versions and "Seen"). */
export function runningSyncEngine(): SyncEngine | null {
  return running;
}

/** The app's language at the moment a message is made (messages are kept as words). */
const t: Translate = (key, values) => i18n.t(key, values ?? {}) as string;

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
  const stop = () => {
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

  // open() has checked the key; the files' keys come from the same practice key.
  const practiceKey = practiceKeyFromText(secrets.practiceKey);
  const files = practiceKey
    ? new FileSync({
        local,
        files: repos.syncFiles,
        keys: await deriveFileKeys(practiceKey),
        attachmentData: (bytes) => new Blob([bytes], { type: 'application/octet-stream' }),
        report: (change) => syncView.set(change),
        t,
      })
    : undefined;
  stops.push(
    await startLiveSync({
      engine,
      ...(files ? { files } : {}),
      local,
      remote,
      replicate: (from, to, options) => PouchDB.sync(from, to, options),
      databaseName: repos.backupSnapshot.databaseName,
      state: () => syncView.get().state,
      setState: (state) => syncView.set((view) => ({ ...view, state })),
      now: () => new Date(),
      t,
    }),
  );
  return stop;
}

async function checkServer(engine: SyncEngine): Promise<string | null> {
  try {
    return await engine.checkServer();
  } catch (error) {
    return networkWords(error as { status?: number; message?: string }, t);
  }
}
