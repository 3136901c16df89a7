import type { Database, PouchDoc, PouchError } from 'pouchdb-browser';
import type { Translate } from '../../../src-shared/i18n';
import { deriveFileKeys, type FileKeys } from '../../../src-shared/sync/file-crypto';
import {
  createPracticeKey,
  practiceKeyFromText,
  rotatedKeyToText,
} from '../../../src-shared/sync/practice-key';
import {
  checkPracticeMarker,
  createPracticeMarker,
  decryptDoc,
  type MarkerCheck,
  PRACTICE_MARKER_ID,
  type PracticeKeys,
  practiceKeysFromText,
} from '../../../src-shared/sync/sync-crypto';
import type { SyncRotationStep, SyncSecrets } from '../../../src-shared/sync/sync-settings';
import type { SyncEngine } from './sync-engine';

/**
 * Rotating the practice key in place (docs/sync.md, "Rotating the practice key"): a trusted
 * computer makes a new key, the server's marker names it (generation + 1, the practice's id
 * unchanged), every record is written again under it with new ids, and the documents under the
 * old key are deleted (CouchDB tombstones carry no content). A computer still holding the old key
 * is stopped by the marker before it applies anything.
 *
 * The order keeps every record readable by a key some computer holds, wherever the app closes:
 * main stores the new key (pending) before the marker names it; the key becomes current only once
 * the marker names it; the old key's documents are deleted only in this computer's replica, after
 * the records were written there under the new key, so replication sends the new first.
 */

type Secrets = NonNullable<SyncSecrets>;

/** Main's side of each step (`syncRotation`): stored on disk before it answers. */
export type RotationStore = (step: SyncRotationStep) => Promise<SyncSecrets>;

/** Why the server's marker refuses this computer's key, in the therapist's words, or null. */
export function markerProblem(check: MarkerCheck, t: Translate): string | null {
  switch (check) {
    case 'ours':
      return null;
    case 'key-replaced':
      return t('sync.error.keyReplaced');
    case 'older-key':
      return t('sync.error.serverOlderKey');
    case 'other-practice':
      return t('sync.error.otherPractice');
    case 'not-a-practice':
      return t('sync.error.notStillpoint');
  }
}

async function keysOf(text: string): Promise<PracticeKeys> {
  const keys = await practiceKeysFromText(text);
  if (!keys) throw new Error('A stored practice key cannot be read.');
  return keys;
}

async function remoteMarker(remote: Database): Promise<PouchDoc | null> {
  try {
    return await remote.get(PRACTICE_MARKER_ID);
  } catch (error) {
    if ((error as PouchError).status === 404) return null;
    throw error;
  }
}

export type RotationResult = { ok: true; secrets: Secrets } | { ok: false; message: string };

export interface RotateDeps {
  /** The running engine on the current key, with live replication stopped. */
  engine: SyncEngine;
  local: Database;
  remote: Database;
  /** One replication both ways, to completion. */
  replicateOnce: (local: Database, remote: Database) => Promise<void>;
  secrets: Secrets;
  store: RotationStore;
  t: Translate;
}

/**
 * "Rotate the practice key". Catches up with the server first (so nothing another computer sent
 * under the old key is left unapplied here), then changes the marker with the revision it read:
 * CouchDB refuses the write if another computer rotated meanwhile, so two rotations cannot both
 * win. Answers the secrets to restart sync with; `finishRotation` then re-encrypts.
 */
export async function rotatePracticeKey(deps: RotateDeps): Promise<RotationResult> {
  const { t } = deps;
  const current = await keysOf(deps.secrets.practiceKey);
  let marker: PouchDoc | null;
  try {
    await deps.replicateOnce(deps.local, deps.remote);
    await deps.engine.requestPull();
    await deps.engine.requestPush();
    await deps.replicateOnce(deps.local, deps.remote);
    marker = await remoteMarker(deps.remote);
  } catch {
    return { ok: false, message: t('sync.rotate.unreachable') };
  }
  const check = marker ? await checkPracticeMarker(current, marker) : 'not-a-practice';
  if (!marker || check !== 'ours') return { ok: false, message: markerProblem(check, t) ?? '' };

  const next = rotatedKeyToText(createPracticeKey(), {
    generation: current.generation + 1,
    practiceId: current.practiceId,
  });
  const nextKeys = await keysOf(next);
  await deps.store({ step: 'begin', newKey: next });
  try {
    await deps.remote.put({ ...(await createPracticeMarker(nextKeys)), _rev: marker._rev });
  } catch (error) {
    if ((error as PouchError).status !== 409) {
      // The write may or may not have reached the server: the pending key stays, and the next
      // start reads the marker and settles it (settlePendingKey).
      return { ok: false, message: t('sync.rotate.unsure') };
    }
    // Another computer changed the marker first, unless that was this write answered twice.
    const now = await remoteMarker(deps.remote).catch(() => null);
    if (!now || (await checkPracticeMarker(nextKeys, now)) !== 'ours') {
      await deps.store({ step: 'abandon', newKey: next });
      return { ok: false, message: t('sync.rotate.raced') };
    }
  }
  const promoted = await deps.store({ step: 'promote', newKey: next });
  if (!promoted) return { ok: false, message: t('sync.card.syncIsOff') };
  return { ok: true, secrets: promoted };
}

/**
 * At start, before the engine opens: a pending key left by a rotation the app closed during is
 * made current if the server's marker names it, and dropped if not (the marker was never written,
 * or another computer rotated first). Unreachable server: left for the next start.
 */
export async function settlePendingKey(
  remote: Database,
  secrets: Secrets,
  store: RotationStore,
): Promise<Secrets> {
  if (!secrets.pendingKey) return secrets;
  const pending = await keysOf(secrets.pendingKey);
  let marker: PouchDoc | null;
  try {
    marker = await remoteMarker(remote);
  } catch {
    return secrets;
  }
  const named = marker !== null && (await checkPracticeMarker(pending, marker)) === 'ours';
  const after = await store(
    named ? { step: 'promote', newKey: secrets.pendingKey } : { step: 'abandon', newKey: secrets.pendingKey },
  );
  return after ?? secrets;
}

export interface FinishDeps {
  /** The engine on the new key, opened, the server's marker checked. */
  engine: SyncEngine;
  local: Database;
  remote: Database;
  /** One replication from the server, to completion. */
  replicateFrom: (local: Database, remote: Database) => Promise<void>;
  secrets: Secrets;
  store: RotationStore;
  /** The documents' files (file-sync.ts) on the new key: their chunks are re-encrypted too. */
  files?: { rotateChunks(previous: FileKeys): Promise<unknown> };
}

/**
 * After the key changed here (rotated, or paired again with a newer key): every record is written
 * under the new key, then every document's file chunks (written under the new key, then the old
 * ones deleted), then the replica's records under the previous key are marked deleted, then what
 * other computers wrote under the new key is applied (and this computer's newer versions of it
 * sent), then main forgets the previous key. Runs again at the next start until it has finished,
 * and each step may repeat. Answers how many old documents were marked deleted.
 */
export async function finishRotation(deps: FinishDeps): Promise<number> {
  const previousKey = deps.secrets.previousKey;
  if (!previousKey) return 0;
  // What other computers already wrote under the new key, so this one builds on their revisions
  // instead of writing the same records again beside them. Offline: it still finishes locally.
  await deps.replicateFrom(deps.local, deps.remote).catch(() => undefined);
  // Every record under the new key first: written, or already there from another computer (the
  // replica then refuses the write, and the pull below builds on that version).
  await deps.engine.requestPush();
  // The files' chunks, under their own key from the practice key: each new chunk written before
  // its old one is deleted (file-sync.ts, `rotateChunks`).
  if (deps.files) {
    const previous = practiceKeyFromText(previousKey);
    if (!previous) throw new Error('A stored practice key cannot be read.');
    await deps.files.rotateChunks(await deriveFileKeys(previous));
  }
  // Then the old key's documents go. The ones this computer had not applied yet (sent under the
  // old key while it was being replaced) cannot be applied under the new key either: their writer
  // still holds them and sends them again once it pairs again.
  const retired = await retireOldKeyDocuments(deps.local, await keysOf(previousKey));
  await deps.engine.requestPull();
  await deps.store({ step: 'finished', previousKey });
  return retired;
}

/**
 * Marks deleted, in this computer's replica, every document (every conflicting version too) that
 * the old key opens. A tombstone keeps only the id and revision; replication carries it to the
 * server, which then holds nothing the old key can read but old revisions until compaction.
 */
export async function retireOldKeyDocuments(local: Database, oldKeys: PracticeKeys): Promise<number> {
  const all = await local.allDocs({ include_docs: true, conflicts: true });
  // Round n holds the n-th version of each document: one write never names a document twice.
  const rounds: PouchDoc[][] = [];
  for (const row of all.rows) {
    if (!row.doc || row.id === PRACTICE_MARKER_ID || row.id.startsWith('_')) continue;
    const versions = [row.doc];
    for (const rev of row.doc._conflicts ?? []) {
      const version = await local.get(row.id, { rev }).catch(() => null);
      if (version) versions.push(version);
    }
    let round = 0;
    for (const version of versions) {
      if (!(await decryptDoc(oldKeys, version)).ok) continue;
      const list = rounds[round] ?? [];
      list.push({ _id: row.id, _rev: version._rev, _deleted: true });
      rounds[round] = list;
      round += 1;
    }
  }
  let count = 0;
  for (const deletions of rounds) {
    for (let i = 0; i < deletions.length; i += 500) {
      const results = await local.bulkDocs(deletions.slice(i, i + 500));
      count += results.filter((result) => result.ok).length;
    }
  }
  return count;
}
