import 'fake-indexeddb/auto';
import type { Database } from 'pouchdb-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMOVED_FILE_GRACE_DAYS } from '../../../src-renderer/features/sync/file-sync';
import {
  finishRotation,
  type RotationStore,
  rotatePracticeKey,
  settlePendingKey,
} from '../../../src-renderer/features/sync/key-rotation';
import { sha256Hex } from '../../../src-shared/documents/hash';
import { translatorFor } from '../../../src-shared/i18n';
import {
  CHUNK_ATTACHMENT,
  chunkCount,
  decryptChunk,
  type FileKeys,
  fileChunkId,
  isFileChunkId,
} from '../../../src-shared/sync/file-crypto';
import {
  pairingCodeForSecrets,
  pairingKeyText,
  readPairingCode,
} from '../../../src-shared/sync/pairing-code';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { replicateOnce } from '../../sync-server/client';
import { type SyncComputer, startedComputer } from '../../sync-server/computer';
import { attachLetter, letterPdf } from '../../sync-server/documents';
import { mainSyncSettings } from '../../sync-server/main-settings';
import { type SyncServer, startSyncServer } from '../../sync-server/server';
import { addClient } from '../db/helpers';

// Rotating the practice key with documents attached: every file's chunks are written again under
// the new key and the old ones deleted, resumably, against a real CouchDB-compatible server.

const t = translatorFor('en');
const KEY_REPLACED = t('sync.error.keyReplaced');

let server: SyncServer;
beforeEach(async () => {
  server = await startSyncServer();
});
afterEach(() => server.stop());

/** A computer with main's real sync settings (sync.json, sealed secrets) in a folder of its own. */
async function computerWithMain(name: string, practiceKey: string) {
  const main = await mainSyncSettings(server, name, practiceKey);
  const c = await startedComputer(server, practiceKey, name);
  const store: RotationStore = (step) => main.rotation(step);
  const secrets = () => main.secrets() as NonNullable<SyncSecrets>;
  return {
    c,
    secrets,
    rotate: () =>
      rotatePracticeKey({
        engine: c.engine,
        local: c.local,
        remote: c.remote,
        replicateOnce,
        secrets: secrets(),
        store,
        t,
      }),
    /** What the app does at start (practice-sync.ts), the files included. Answers the refusal or null. */
    async start(): Promise<string | null> {
      const settled = await settlePendingKey(c.remote, secrets(), store);
      await c.takeKey(settled);
      const refused = await c.open();
      if (refused) return refused;
      await finishRotation({
        engine: c.engine,
        local: c.local,
        remote: c.remote,
        replicateFrom: async (into, from) => {
          await (into as unknown as { replicate: { from(r: Database): Promise<unknown> } }).replicate.from(
            from,
          );
        },
        secrets: settled,
        store,
        files: c.files,
      });
      return null;
    },
  };
}

/** A computer that pairs with the code the rotating computer shows (the new key). */
async function pairedWith(secrets: NonNullable<SyncSecrets>, name: string): Promise<SyncComputer> {
  const read = readPairingCode(pairingCodeForSecrets(secrets)!);
  if (!read.ok) throw new Error(read.message);
  return startedComputer(server, pairingKeyText(read.pairing), name);
}

interface Shape {
  id: string;
  sha256: string;
  size: number;
}

/**
 * Every chunk document on the server, tried at every place of every file under `keys`: the
 * places (`file id/index`) some chunk opens at (a chunk opens at its own place only).
 */
async function placesOpening(
  keys: FileKeys,
  files: readonly Shape[],
  remote: Database,
): Promise<Set<string>> {
  const opened = new Set<string>();
  for (const doc of await server.rawDocuments()) {
    const id = String(doc._id);
    if (!isFileChunkId(id)) continue;
    const cipher = new Uint8Array((await remote.getAttachment(id, CHUNK_ATTACHMENT)) as Uint8Array);
    for (const file of files) {
      const count = chunkCount(file.size);
      for (let index = 0; index < count; index++) {
        const place = { attachmentId: file.id, sha256: file.sha256, index, count };
        if (await decryptChunk(keys, id, place, doc.iv, cipher)) opened.add(`${file.id}/${index}`);
      }
    }
  }
  return opened;
}

/** How many chunks on the server open under `keys`, each at its place of one of `files`. */
async function chunksOpening(keys: FileKeys, files: readonly Shape[], remote: Database): Promise<number> {
  return (await placesOpening(keys, files, remote)).size;
}

async function chunkDocuments(): Promise<string[]> {
  return (await server.rawDocuments()).map((doc) => String(doc._id)).filter(isFileChunkId);
}

async function expectFileOn(c: SyncComputer, file: Shape) {
  const opened = await c.attachments.open(file.id);
  expect(await sha256Hex(opened.bytes)).toBe(file.sha256);
}

const allChunks = (files: readonly Shape[]) => files.reduce((sum, f) => sum + chunkCount(f.size), 0);

describe('rotating the practice key re-encrypts the documents’ files', () => {
  it('a computer paired after the rotation opens a document attached before it; nothing on the server opens with the old key', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const a = await computerWithMain('Treatment room laptop', first);
    const client = await addClient(a.c.repos.clients, 'Ingeborg', 'Quillfeather');
    const letter = await attachLetter(a.c, client.id, letterPdf(300));
    await a.c.syncOnce();
    const lost = await startedComputer(server, first, 'Lost laptop');
    await lost.syncOnce();
    await expectFileOn(lost, letter);
    const oldKeys = a.c.fileKeys;
    expect(await chunksOpening(oldKeys, [letter], a.c.remote)).toBe(chunkCount(letter.size));

    expect(await a.rotate()).toMatchObject({ ok: true });
    expect(await a.start()).toBeNull();
    expect(a.secrets().previousKey).toBeNull();
    await a.c.syncOnce();

    // The server: the file's chunks once, all under the new key, none the old key opens.
    expect(await chunkDocuments()).toHaveLength(chunkCount(letter.size));
    expect(await chunksOpening(oldKeys, [letter], a.c.remote)).toBe(0);
    expect(await chunksOpening(a.c.fileKeys, [letter], a.c.remote)).toBe(chunkCount(letter.size));

    // A computer that joins with the new code (it never had the old key) opens the letter.
    const joined = await pairedWith(a.secrets(), 'Reception');
    expect(await joined.syncOnce()).toMatchObject({ stored: 1, refused: 0 });
    await expectFileOn(joined, letter);
    expect(joined.view().problems).toEqual([]);
    // The lost laptop stops at the marker.
    await lost.syncOnce();
    expect(lost.lockedOut).toEqual([KEY_REPLACED]);
  });

  it('re-encrypts a file that had not arrived on the rotating computer from its chunks, so the file outlives the lost laptop that attached it', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const lost = await startedComputer(server, first, 'Lost laptop');
    const client = await addClient(lost.repos.clients, 'Ola', 'Nordmann');
    const letter = await attachLetter(lost, client.id, letterPdf(200, 'Arriving'));
    await lost.syncOnce();
    // The rotating computer has the letter's row, and its chunks only in its replica.
    const a = await computerWithMain('Desk', first);
    await a.c.syncRecords();
    expect(await a.c.attachments.hasFile(letter.id)).toBe(false);
    const oldKeys = a.c.fileKeys;

    expect(await a.rotate()).toMatchObject({ ok: true });
    expect(await a.start()).toBeNull();
    await replicateOnce(a.c.local, a.c.remote);
    expect(await chunksOpening(oldKeys, [letter], a.c.remote)).toBe(0);
    expect(await chunkDocuments()).toHaveLength(chunkCount(letter.size));

    const joined = await pairedWith(a.secrets(), 'Reception');
    await joined.syncOnce();
    await expectFileOn(joined, letter);
    // And the rotating computer itself puts it together from the new chunks.
    await a.c.syncOnce();
    await expectFileOn(a.c, letter);
  });

  it('a rotation closed half-way through the files finishes at the next start without losing a file', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const a = await computerWithMain('Laptop', first);
    const client = await addClient(a.c.repos.clients, 'Kari', 'Nordmann');
    const letters = [
      await attachLetter(a.c, client.id, letterPdf(600, 'First')),
      await attachLetter(a.c, client.id, letterPdf(150, 'Second')),
    ];
    await a.c.syncOnce();
    const oldKeys = a.c.fileKeys;
    const total = allChunks(letters);
    expect(total).toBeGreaterThan(10);

    expect(await a.rotate()).toMatchObject({ ok: true });
    // The app closes after the first few chunks under the new key are in the replica.
    const bulkDocs = a.c.local.bulkDocs.bind(a.c.local);
    let chunkWrites = 0;
    a.c.local.bulkDocs = async (docs) => {
      // The file pass writes chunks as a list; replication writes `{ docs, new_edits }`.
      if (Array.isArray(docs) && docs.some((doc) => doc._attachments) && ++chunkWrites > 1)
        throw new Error('the app closed');
      return bulkDocs(docs);
    };
    await expect(a.start()).rejects.toThrow('the app closed');
    a.c.local.bulkDocs = bulkDocs;
    await replicateOnce(a.c.local, a.c.remote);
    // Meanwhile every place of every file has a chunk on the server under one key or the other
    // (a file done before the app closed has its new chunks only; the other, some of each).
    const secrets = a.secrets();
    expect(secrets.previousKey).toBe(first);
    const newKeys = a.c.fileKeys;
    const underOld = await placesOpening(oldKeys, letters, a.c.remote);
    const underNew = await placesOpening(newKeys, letters, a.c.remote);
    expect(new Set([...underOld, ...underNew]).size).toBe(total);
    expect(underNew.size).toBeGreaterThan(0);
    expect(underNew.size).toBeLessThan(total);
    expect(underOld.size).toBeGreaterThan(0);

    // The next start finishes it: every chunk under the new key, the old ones gone.
    expect(await a.start()).toBeNull();
    expect(a.secrets().previousKey).toBeNull();
    await a.c.syncOnce();
    expect(await chunksOpening(oldKeys, letters, a.c.remote)).toBe(0);
    expect(await chunksOpening(a.c.fileKeys, letters, a.c.remote)).toBe(total);
    expect(await chunkDocuments()).toHaveLength(total);
    const joined = await pairedWith(a.secrets(), 'Reception');
    expect(await joined.syncOnce()).toMatchObject({ stored: 2, refused: 0 });
    for (const letter of letters) await expectFileOn(joined, letter);
  });

  it('re-encrypts a removed document inside its grace period (nothing opens with the old key) and deletes its chunks once the grace is over', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const a = await computerWithMain('Laptop', first);
    const client = await addClient(a.c.repos.clients, 'Liv', 'Paaneiet');
    const letter = await attachLetter(a.c, client.id, letterPdf(100, 'Removed'));
    await a.c.syncOnce();
    const oldKeys = a.c.fileKeys;
    // Removed, and the rotation begins before a file pass saw the removal (its grace not begun).
    await a.c.attachments.remove(letter.id, { by: 'Anna Lind' });
    await a.c.syncRecords();
    expect(await chunkDocuments()).toHaveLength(chunkCount(letter.size));
    const ids = await Promise.all(
      Array.from({ length: chunkCount(letter.size) }, (_, index) =>
        fileChunkId(a.c.fileKeys, {
          attachmentId: letter.id,
          sha256: letter.sha256,
          index,
          count: chunkCount(letter.size),
        }),
      ),
    );
    expect((await chunkDocuments()).sort()).toEqual(ids.sort());
    expect(await a.rotate()).toMatchObject({ ok: true });
    expect(await a.start()).toBeNull();
    expect(await a.c.syncOnce()).toMatchObject({ removed: 0, waiting: 1 });
    // Still inside the grace period: its chunks are on the server under the new key only.
    expect(await chunksOpening(oldKeys, [letter], a.c.remote)).toBe(0);
    expect(await chunksOpening(a.c.fileKeys, [letter], a.c.remote)).toBe(chunkCount(letter.size));
    expect(await chunkDocuments()).toHaveLength(chunkCount(letter.size));
    // 30 days on, the new chunks go too.
    a.c.daysLater(REMOVED_FILE_GRACE_DAYS);
    expect(await a.c.files.request()).toMatchObject({ removed: 1, waiting: 0 });
    await a.c.syncOnce();
    expect(await chunkDocuments()).toEqual([]);
  });

  it('only deletes the old chunks of a removed document whose grace period was over before the rotation', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const a = await computerWithMain('Laptop', first);
    const client = await addClient(a.c.repos.clients, 'Liv', 'Paaneiet');
    const letter = await attachLetter(a.c, client.id, letterPdf(100, 'Long gone'));
    await a.c.syncOnce();
    await a.c.attachments.remove(letter.id, { by: 'Anna Lind' });
    expect(await a.c.syncOnce()).toMatchObject({ waiting: 1 });
    // The grace is over, and the rotation comes before a file pass deleted the chunks.
    a.c.daysLater(REMOVED_FILE_GRACE_DAYS);
    expect(await chunkDocuments()).toHaveLength(chunkCount(letter.size));
    expect(await a.rotate()).toMatchObject({ ok: true });
    expect(await a.start()).toBeNull();
    await replicateOnce(a.c.local, a.c.remote);
    expect(await chunkDocuments()).toEqual([]);
  });
});
