import 'fake-indexeddb/auto';
import type { Database } from 'pouchdb-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  finishRotation,
  type RotationStore,
  rotatePracticeKey,
  settlePendingKey,
} from '../../../src-renderer/features/sync/key-rotation';
import { SyncEngine } from '../../../src-renderer/features/sync/sync-engine';
import type { SyncView } from '../../../src-renderer/features/sync/sync-status';
import { clientInputOf } from '../../../src-shared/domain/client';
import { translatorFor } from '../../../src-shared/i18n';
import {
  pairingCodeForSecrets,
  pairingKeyText,
  readPairingCode,
} from '../../../src-shared/sync/pairing-code';
import {
  createPracticeKey,
  practiceKeyToText,
  rotatedKeyToText,
} from '../../../src-shared/sync/practice-key';
import {
  createPracticeMarker,
  decryptDoc,
  encryptBody,
  PRACTICE_MARKER_ID,
  type PracticeKeys,
  practiceKeysFromText,
} from '../../../src-shared/sync/sync-crypto';
import type { SyncSecrets } from '../../../src-shared/sync/sync-settings';
import { localReplica, remoteDatabase, replicateOnce } from '../../sync-server/client';
import { mainSyncSettings } from '../../sync-server/main-settings';
import { type SyncServer, startSyncServer } from '../../sync-server/server';
import { addClient, filledIn, openRepositories, steppingClock } from '../db/helpers';

// Rotating the practice key in place, against a real CouchDB-compatible server, with three
// computers of one practice: the one that rotates, one that pairs again, and one locked out (the
// lost laptop). Each computer has main's real SyncConfigStore (sync.json, sealed secrets) in a
// folder of its own, so every step of the rotation is on disk as the app would leave it.

const t = translatorFor('en');
const KEY_REPLACED = t('sync.error.keyReplaced');
const NOW = new Date('2025-03-10T12:00:00.000Z');

let server: SyncServer;
beforeEach(async () => {
  server = await startSyncServer();
});
afterEach(() => server.stop());

function remote(): Database {
  return remoteDatabase(server.databaseUrl, server.user, server.password);
}

/** One computer: its database, its replica, and main's sync settings in its own folder. */
async function computer(name: string, practiceKey: string) {
  const main = await mainSyncSettings(server, name, practiceKey);
  const clock = steppingClock(new Date('2025-03-04T11:30:00.000Z'));
  const repos = openRepositories({ clock });
  const local = localReplica();
  const store: RotationStore = (step) => main.rotation(step);
  let view: SyncView = { state: { kind: 'starting' }, problems: [], deleted: [], conflicts: [] };
  const c = {
    name,
    main,
    repos,
    clock,
    local,
    store,
    engine: null as SyncEngine | null,
    lockedOut: [] as string[],
    view: () => view,
    secrets: () => main.secrets() as NonNullable<SyncSecrets>,
    /**
     * What the app does at start (practice-sync.ts): settle a pending key, open the engine on the
     * current key, check the marker, finish a rotation. Answers the refusal, or null.
     */
    async start(): Promise<string | null> {
      const secrets = await settlePendingKey(remote(), c.secrets(), store);
      view = { ...view, problems: [] };
      const engine = new SyncEngine({
        local,
        remote: remote(),
        records: repos.syncRecords,
        restoreWriter: repos.restoreWriter,
        secrets,
        now: () => NOW,
        report: (change) => {
          view = change(view);
        },
        onLockedOut: (message) => c.lockedOut.push(message),
      });
      c.engine = engine;
      await engine.open();
      const refused = await engine.checkServer();
      if (refused) return refused;
      await finishRotation({
        engine,
        local,
        remote: remote(),
        replicateFrom: async (into, from) => {
          await (into as unknown as { replicate: { from(r: Database): Promise<unknown> } }).replicate.from(
            from,
          );
        },
        secrets,
        store,
      });
      return null;
    },
    /** What the app does continuously: send, replicate, apply. */
    async syncOnce() {
      const engine = c.engine!;
      await engine.requestPush();
      await replicateOnce(local, remote());
      await engine.requestPull();
    },
    async rotate() {
      return rotatePracticeKey({
        engine: c.engine!,
        local,
        remote: remote(),
        replicateOnce,
        secrets: c.secrets(),
        store,
        t,
      });
    },
    /** Pairs again with another computer's code, as Settings → Practice sync → Pair again does. */
    async pairAgain(code: string) {
      const read = readPairingCode(code);
      if (!read.ok) throw new Error(read.message);
      await main.turnOn({
        serverUrl: read.pairing.serverUrl,
        user: read.pairing.user,
        password: server.password,
        practiceKey: pairingKeyText(read.pairing),
        computerName: name,
      });
    },
  };
  return c;
}

type Computer = Awaited<ReturnType<typeof computer>>;

async function started(name: string, key: string): Promise<Computer> {
  const c = await computer(name, key);
  expect(await c.start()).toBeNull();
  return c;
}

async function clientWithSignedNote(c: Computer, first: string, last: string) {
  const client = await addClient(c.repos.clients, first, last);
  const draft = await c.repos.sessions.createDraft(client.id);
  await c.repos.sessions.saveDraft(filledIn(draft));
  await c.repos.sessions.sign(draft.id, 'Anna Lind');
  return client;
}

/** The server's live documents (every conflicting version too), the marker left out. */
async function serverRecords() {
  return (await server.rawDocuments()).filter((doc) => doc._id !== PRACTICE_MARKER_ID);
}

async function readableWith(keys: PracticeKeys): Promise<number> {
  let count = 0;
  for (const doc of await serverRecords()) if ((await decryptDoc(keys, doc)).ok) count += 1;
  return count;
}

/** Every live document on the server opens with one of `keys`: no record is left under a key nobody holds. */
async function expectAllReadableBy(keys: readonly PracticeKeys[]) {
  for (const doc of await serverRecords()) {
    const opens = await Promise.all(keys.map(async (k) => (await decryptDoc(k, doc)).ok));
    expect(opens.some(Boolean), `document ${doc._id} opens with a key a computer holds`).toBe(true);
  }
  const marker = (await server.rawDocuments()).find((doc) => doc._id === PRACTICE_MARKER_ID);
  expect(keys.some((k) => k.generation === (marker?.generation ?? 1))).toBe(true);
}

async function keysOf(text: string | null | undefined): Promise<PracticeKeys> {
  const keys = await practiceKeysFromText(text ?? '');
  if (!keys) throw new Error('no key');
  return keys;
}

describe('rotating the practice key with three computers and a real server', () => {
  it('re-encrypts every record, pairs one computer again and locks the lost one out', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const rotating = await started('Treatment room laptop', first);
    const kept = await clientWithSignedNote(rotating, 'Ingeborg', 'Quillfeather');
    await rotating.syncOnce();
    const again = await started('Desk at home', first);
    await again.syncOnce();
    const lost = await started('Lost laptop', first);
    await lost.syncOnce();
    expect(await lost.repos.clients.get(kept.id)).toMatchObject({ lastName: 'Quillfeather' });
    const oldKeys = await keysOf(first);
    const recordsBefore = (await serverRecords()).length;
    expect(await readableWith(oldKeys)).toBe(recordsBefore);

    // A change on the desk, sent before the rotation: the rotating computer catches up first.
    again.clock.set(new Date('2025-03-05T09:00:00.000Z'));
    const onDesk = await again.repos.clients.get(kept.id);
    await again.repos.clients.update(kept.id, { ...clientInputOf(onDesk!), phone: '0301 555' });
    await again.syncOnce();

    const rotated = await rotating.rotate();
    expect(rotated).toMatchObject({ ok: true });
    const secrets = rotating.secrets();
    expect(secrets.pendingKey).toBeNull();
    expect(secrets.previousKey).toBe(first);
    const newKeys = await keysOf(secrets.practiceKey);
    expect(newKeys).toMatchObject({ generation: 2, practiceId: oldKeys.practiceId });
    // The app starts sync again on the new key: every record written again, the old ones deleted.
    expect(await rotating.start()).toBeNull();
    expect(rotating.secrets().previousKey).toBeNull();
    await rotating.syncOnce();
    expect((await rotating.repos.clients.get(kept.id))?.phone).toBe('0301 555');

    // The server: nothing the old key opens; everything under the new key; the same number of records.
    expect(await readableWith(oldKeys)).toBe(0);
    expect(await readableWith(newKeys)).toBe(recordsBefore);
    expect((await serverRecords()).length).toBe(recordsBefore);
    const stored = JSON.stringify(await server.rawDocuments());
    for (const word of ['Ingeborg', 'Quillfeather', 'Anna Lind', kept.id]) expect(stored).not.toContain(word);

    // The lost laptop, still running: the marker arrives first, and it stops before applying anything.
    const afterRotation = await addClient(rotating.repos.clients, 'Per', 'Rotasjon');
    await rotating.syncOnce();
    await lost.syncOnce();
    // The desk saves an edit before it notices the rotation: sent under the old key, then stopped.
    again.clock.set(new Date('2025-03-06T09:00:00.000Z'));
    const deskBefore = await again.repos.clients.get(kept.id);
    await again.repos.clients.update(kept.id, { ...clientInputOf(deskBefore!), phone: '0302 777' });
    await again.syncOnce();
    expect(again.lockedOut).toEqual([KEY_REPLACED]);
    // The rotating computer cannot open it, and says so; it does not apply it.
    await rotating.syncOnce();
    expect(rotating.view().problems.map((p) => p.message)).toEqual([t('sync.problem.decryption')]);
    expect((await rotating.repos.clients.get(kept.id))?.phone).toBe('0301 555');
    expect(lost.lockedOut).toEqual([KEY_REPLACED]);
    expect(lost.view().state).toEqual({ kind: 'error', message: KEY_REPLACED });
    expect(lost.view().problems).toEqual([]);
    expect(await lost.repos.clients.get(afterRotation.id)).toBeUndefined();
    // Started again, it is refused at the marker, with the words the therapist reads.
    expect(await lost.start()).toBe(KEY_REPLACED);

    // The desk pairs again with the new code: it keeps its records and receives the new ones.
    const code = pairingCodeForSecrets(rotating.secrets())!;
    expect(readPairingCode(code)).toMatchObject({ ok: true, pairing: { rotation: { generation: 2 } } });
    expect(await again.start()).toBe(KEY_REPLACED);
    await again.pairAgain(code);
    expect(again.secrets().previousKey).toBe(first);
    expect(await again.start()).toBeNull();
    expect(again.secrets().previousKey).toBeNull();
    await again.syncOnce();
    expect(await again.repos.clients.get(afterRotation.id)).toMatchObject({ lastName: 'Rotasjon' });
    // Its edit made in the moment of the rotation comes back under the new key.
    await rotating.syncOnce();
    expect((await rotating.repos.clients.get(kept.id))?.phone).toBe('0302 777');
    expect((await again.repos.clients.get(kept.id))?.phone).toBe('0302 777');
    const fromDesk = await addClient(again.repos.clients, 'Liv', 'Paaneiet');
    await again.syncOnce();
    await rotating.syncOnce();
    expect(await rotating.repos.clients.get(fromDesk.id)).toMatchObject({ lastName: 'Paaneiet' });
    expect(again.view().problems).toEqual([]);
    // Pairing again wrote nothing twice: one version of each record, all under the new key.
    expect(await readableWith(oldKeys)).toBe(0);
    expect((await serverRecords()).length).toBe(await readableWith(newKeys));
    // Two clients more, each with their health history: one version of each, no conflict beside it.
    const now = await serverRecords();
    expect(now.length).toBe(recordsBefore + 4);
    expect(new Set(now.map((doc) => doc._id)).size).toBe(now.length);

    // The lost laptop writes under the old key (before the administrator changed the password):
    // the other computers refuse it, and it never reaches their records.
    const validClient = (await lost.repos.clients.get(kept.id)) as unknown as Record<string, unknown>;
    const planted = await encryptBody(oldKeys, {
      table: 'clients',
      key: 'planted',
      record: { ...validClient, id: 'planted', lastName: 'Planted' },
    });
    await remote().put({ ...planted });
    await rotating.syncOnce();
    expect(await rotating.repos.clients.get('planted')).toBeUndefined();
    expect(rotating.view().problems.map((p) => p.message)).toEqual([
      t('sync.problem.decryption'),
      t('sync.problem.decryption'),
    ]);
  });

  it('two computers rotating at the same moment: one wins, the other keeps its key and is told to pair again', async () => {
    const first = practiceKeyToText(createPracticeKey());
    const one = await started('Laptop', first);
    await clientWithSignedNote(one, 'Ola', 'Nordmann');
    await one.syncOnce();
    const two = await started('Desk', first);
    await two.syncOnce();
    const [a, b] = await Promise.all([one.rotate(), two.rotate()]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, message: t('sync.rotate.raced') }]);
    const [winner, loser] = a.ok ? [one, two] : [two, one];
    expect(loser.secrets()).toMatchObject({ practiceKey: first, pendingKey: null, previousKey: null });
    expect(await winner.start()).toBeNull();
    await winner.syncOnce();
    expect(await loser.start()).toBe(KEY_REPLACED);
    await expectAllReadableBy([await keysOf(winner.secrets().practiceKey)]);
  });
});

describe('a rotation interrupted by the app closing resumes safely at the next start', () => {
  async function practiceOfTwo() {
    const first = practiceKeyToText(createPracticeKey());
    const rotating = await started('Laptop', first);
    const client = await clientWithSignedNote(rotating, 'Kari', 'Nordmann');
    await rotating.syncOnce();
    const other = await started('Desk', first);
    await other.syncOnce();
    const oldKeys = await keysOf(first);
    const next = rotatedKeyToText(createPracticeKey(), { generation: 2, practiceId: oldKeys.practiceId });
    return { first, rotating, other, client, oldKeys, next, nextKeys: await keysOf(next) };
  }

  it('closed after keeping the new key, before the marker named it: the rotation is dropped', async () => {
    const { first, rotating, other, oldKeys, next } = await practiceOfTwo();
    await rotating.store({ step: 'begin', newKey: next });
    expect(rotating.secrets().pendingKey).toBe(next);
    expect(await rotating.start()).toBeNull();
    expect(rotating.secrets()).toMatchObject({ practiceKey: first, pendingKey: null, previousKey: null });
    await rotating.syncOnce();
    expect(await other.start()).toBeNull();
    await expectAllReadableBy([oldKeys]);
  });

  it('closed after the marker named the new key, before it became current: the next start takes it', async () => {
    const { rotating, other, client, oldKeys, next, nextKeys } = await practiceOfTwo();
    await rotating.store({ step: 'begin', newKey: next });
    const marker = await remote().get(PRACTICE_MARKER_ID);
    await remote().put({ ...(await createPracticeMarker(nextKeys)), _rev: marker._rev });
    // Meanwhile: the marker names a key only the rotating computer holds (pending), and every
    // record is still under the old key, which both hold.
    expect(await other.start()).toBe(KEY_REPLACED);
    await expectAllReadableBy([oldKeys, nextKeys]);
    expect(await rotating.start()).toBeNull();
    expect(rotating.secrets()).toMatchObject({ practiceKey: next, pendingKey: null, previousKey: null });
    await rotating.syncOnce();
    expect(await readableWith(oldKeys)).toBe(0);
    await expectAllReadableBy([nextKeys]);
    expect(await rotating.repos.clients.get(client.id)).toMatchObject({ firstName: 'Kari' });
  });

  it('closed half-way through re-encrypting: the next start finishes it, and no record is lost or doubled', async () => {
    const { rotating, client, oldKeys } = await practiceOfTwo();
    const before = (await serverRecords()).length;
    expect(await rotating.rotate()).toMatchObject({ ok: true });
    // The new key is current and the old one kept; the app closes after writing the records
    // under the new key and sending them, before marking the old ones deleted.
    const secrets = rotating.secrets();
    const nextKeys = await keysOf(secrets.practiceKey);
    const halfway = new SyncEngine({
      local: rotating.local,
      remote: remote(),
      records: rotating.repos.syncRecords,
      restoreWriter: rotating.repos.restoreWriter,
      secrets,
      now: () => NOW,
      report: () => {},
    });
    await halfway.open();
    await halfway.requestPush();
    await replicateOnce(rotating.local, remote());
    expect(await readableWith(oldKeys)).toBe(before);
    expect(await readableWith(nextKeys)).toBe(before);
    await expectAllReadableBy([oldKeys, nextKeys]);
    expect(rotating.secrets().previousKey).not.toBeNull();

    expect(await rotating.start()).toBeNull();
    await rotating.syncOnce();
    expect(rotating.secrets().previousKey).toBeNull();
    expect(await readableWith(oldKeys)).toBe(0);
    expect((await serverRecords()).length).toBe(before);
    expect(await readableWith(nextKeys)).toBe(before);
    expect(await rotating.repos.clients.get(client.id)).toMatchObject({ firstName: 'Kari' });
  });
});
