import type { Database, PouchStatic } from 'pouchdb-browser';
import type { Translate } from '../../../src-shared/i18n';
import { deriveFileKeys } from '../../../src-shared/sync/file-crypto';
import { practiceKeyFromText } from '../../../src-shared/sync/practice-key';
import { practiceKeysFromText } from '../../../src-shared/sync/sync-crypto';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { i18n } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { platform } from '../../platform';
import { FileSync } from './file-sync';
import {
  finishRotation,
  type RotationResult,
  type RotationStore,
  rotatePracticeKey,
  settlePendingKey,
} from './key-rotation';
import { networkWords, startLiveSync } from './live-sync';
import { PracticeKeyError, SyncEngine } from './sync-engine';
import { syncView } from './sync-status';

let running: SyncEngine | null = null;

/** What rotating the practice key needs of the sync that runs (set once the marker is checked). */
interface RunningSync {
  engine: SyncEngine;
  local: Database;
  remote: Database;
  secrets: NonNullable<SyncSecrets>;
  PouchDB: PouchStatic;
  /** Stops live replication and the write feed; the engine stays usable. */
  stopLive: () => void;
}
let session: RunningSync | null = null;
/** Stops whatever sync runs now (the first start's, or the one after a rotation). */
let stopCurrent: () => void = () => {};

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
  stopCurrent = await runSync(answer.value);
  return () => stopCurrent();
}

/** Main's side of rotating the practice key, as a promise of the secrets after each step. */
const rotationStore: RotationStore = async (step) => {
  const answer = await platform().syncRotation(step);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

/**
 * Settings → Practice sync → "Rotate the practice key": stops live replication, rotates
 * (key-rotation.ts), and starts sync again on the new key, which re-encrypts every record. Sync
 * must be running (the server reachable and this computer's key the current one).
 */
export async function rotateRunningPracticeKey(): Promise<RotationResult> {
  const current = session;
  if (!current) return { ok: false, message: t('sync.rotate.unreachable') };
  current.stopLive();
  let result: RotationResult;
  try {
    result = await rotatePracticeKey({
      engine: current.engine,
      local: current.local,
      remote: current.remote,
      replicateOnce: async (local, remote) => {
        await current.PouchDB.replicate(local, remote);
        await current.PouchDB.replicate(remote, local);
      },
      secrets: current.secrets,
      store: rotationStore,
      t,
    });
  } catch (error) {
    result = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  // Sync starts again on the new key when it changed, else on the key main now holds (a pending
  // key whose marker write went unanswered is settled by that start).
  stopCurrent();
  let secrets: SyncSecrets = null;
  if (result.ok) secrets = result.secrets;
  else {
    const answer = await platform().syncSecrets();
    if (answer.ok) secrets = answer.value;
  }
  if (secrets) stopCurrent = await runSync(secrets);
  return result;
}

async function runSync(given: NonNullable<SyncSecrets>): Promise<() => void> {
  syncView.set((view) => ({ ...view, state: { kind: 'starting' } }));
  // Loaded only with sync on: a practice without sync never loads PouchDB.
  const { default: PouchDB } = await import('pouchdb-browser');
  const local = new PouchDB('stillpoint-sync-replica');
  const remote = new PouchDB(given.databaseUrl, {
    auth: { username: given.user, password: given.password },
    skip_setup: true,
  });
  // A rotation the app closed during: the key the server's marker names becomes this computer's.
  let secrets = given;
  try {
    secrets = await settlePendingKey(remote, given, rotationStore);
  } catch (error) {
    syncView.set((view) => ({
      ...view,
      state: { kind: 'error', message: error instanceof Error ? error.message : String(error) },
    }));
    return () => {};
  }
  const repos = repositories();
  let lockedOut = false;
  const engine = new SyncEngine({
    local,
    remote,
    records: repos.syncRecords,
    restoreWriter: repos.restoreWriter,
    secrets,
    now: () => new Date(),
    report: (change) => syncView.set(change),
    t,
    // The key was rotated on another computer: stop replicating (the engine has stopped applying).
    onLockedOut: () => {
      lockedOut = true;
      stopLive();
    },
  });
  const stops: (() => void)[] = [];
  const stopLive = () => {
    for (const s of stops.splice(0)) s();
  };
  const stop = () => {
    if (running === engine) running = null;
    if (session?.engine === engine) session = null;
    stopLive();
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
  const recordKeys = await practiceKeysFromText(secrets.practiceKey);
  const files =
    practiceKey && recordKeys
      ? new FileSync({
          local,
          files: repos.syncFiles,
          keys: await deriveFileKeys(practiceKey),
          recordKeys,
          attachmentData: (bytes) => new Blob([bytes], { type: 'application/octet-stream' }),
          report: (change) => syncView.set(change),
          t,
          now: () => new Date(),
        })
      : undefined;
  if (secrets.previousKey) {
    // The key changed here (rotated, or paired again): every record under the new key, then the
    // documents' files, then the old key's documents deleted from the replica (key-rotation.ts).
    try {
      await finishRotation({
        engine,
        local,
        remote,
        replicateFrom: (into, server) => PouchDB.replicate(server, into).then(() => undefined),
        secrets,
        store: rotationStore,
        ...(files ? { files } : {}),
      });
    } catch (error) {
      fail(error instanceof Error ? error.message : t('sync.error.replica'));
      return stop;
    }
  }
  session = { engine, local, remote, secrets, PouchDB, stopLive };

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
  // Locked out while live sync was starting: its stop was not in the list yet.
  if (lockedOut) stopLive();
  return stop;
}

async function checkServer(engine: SyncEngine): Promise<string | null> {
  try {
    return await engine.checkServer();
  } catch (error) {
    return networkWords(error as { status?: number; message?: string }, t);
  }
}
