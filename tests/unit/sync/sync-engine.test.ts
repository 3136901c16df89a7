import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChangedParts, onCommittedWrites, writtenKeys } from '../../../src-renderer/db/change-feed';
import { SYNCED_TABLES, SyncEngine } from '../../../src-renderer/features/sync/sync-engine';
import type { SyncView } from '../../../src-renderer/features/sync/sync-status';
import { clientInputOf } from '../../../src-shared/domain/client';
import {
  createPracticeKey,
  practiceKeyFromText,
  practiceKeyToText,
} from '../../../src-shared/sync/practice-key';
import { derivePracticeKeys, encryptBody } from '../../../src-shared/sync/sync-crypto';
import { localReplica, remoteDatabase, replicateOnce } from '../../sync-server/client';
import { type SyncServer, startSyncServer } from '../../sync-server/server';
import { addClient, filledIn, openRepositories, steppingClock } from '../db/helpers';

let server: SyncServer;
beforeEach(async () => {
  server = await startSyncServer();
});
afterEach(() => server.stop());

const NOW = new Date('2025-03-10T12:00:00.000Z');

function computer(
  practiceKey: string,
  name: string,
  clock = steppingClock(new Date('2025-03-04T11:30:00.000Z')),
) {
  const repos = openRepositories({ clock });
  const local = localReplica();
  const remote = remoteDatabase(server.databaseUrl, server.user, server.password);
  let view: SyncView = { state: { kind: 'starting' }, problems: [], deleted: [], conflicts: [] };
  const engine = new SyncEngine({
    local,
    remote,
    records: repos.syncRecords,
    restoreWriter: repos.restoreWriter,
    secrets: {
      databaseUrl: server.databaseUrl,
      user: server.user,
      password: server.password,
      practiceKey,
      computerName: name,
    },
    now: () => NOW,
    report: (change) => {
      view = change(view);
    },
  });
  return {
    repos,
    engine,
    local,
    clock,
    view: () => view,
    /** What the app does continuously: send, replicate, apply. */
    async syncOnce() {
      await engine.requestPush();
      await replicateOnce(local, remote);
      await engine.requestPull();
    },
  };
}

async function started(practiceKey: string, name: string) {
  const c = computer(practiceKey, name);
  await c.engine.open();
  expect(await c.engine.checkServer()).toBeNull();
  return c;
}

async function clientWithSignedNote(c: ReturnType<typeof computer>) {
  const client = await addClient(c.repos.clients, 'Ingeborg', 'Quillfeather');
  const draft = await c.repos.sessions.createDraft(client.id);
  await c.repos.sessions.saveDraft(filledIn(draft));
  const signed = await c.repos.sessions.sign(draft.id, 'Anna Lind');
  return { client, signed };
}

describe('practice sync between two computers and a real server', () => {
  it('brings a client and a signed note across, and the server holds no plaintext', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const { client, signed } = await clientWithSignedNote(a);
    await a.syncOnce();
    const b = await started(key, 'Desk');
    await b.syncOnce();
    expect(await b.repos.clients.get(client.id)).toMatchObject({
      firstName: 'Ingeborg',
      lastName: 'Quillfeather',
    });
    expect(await b.repos.sessions.get(signed.id)).toEqual(await a.repos.sessions.get(signed.id));
    expect(b.view().problems).toEqual([]);
    const stored = JSON.stringify(await server.rawDocuments());
    for (const word of ['Ingeborg', 'Quillfeather', 'Tension headaches', 'Anna Lind', client.id, signed.id]) {
      expect(stored).not.toContain(word);
    }
  });

  it('newer wins for an edited client, the same way on both computers, and nothing is sent twice', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    await a.syncOnce();
    const b = await started(key, 'Desk');
    await b.syncOnce();
    // Both edit while apart; B's edit is the later one.
    const onA = await a.repos.clients.get(client.id);
    await a.repos.clients.update(client.id, { ...clientInputOf(onA!), phone: '111' });
    b.clock.set(new Date('2025-03-05T09:00:00.000Z'));
    const onB = await b.repos.clients.get(client.id);
    await b.repos.clients.update(client.id, { ...clientInputOf(onB!), phone: '222' });
    await a.syncOnce();
    await b.syncOnce();
    await a.syncOnce();
    expect((await a.repos.clients.get(client.id))?.phone).toBe('222');
    expect((await b.repos.clients.get(client.id))?.phone).toBe('222');
    // Whichever revision CouchDB chose as its winner (it chooses by revision id, so it differs from
    // run to run), the computers agree by the merge rules above. The revision that settles it
    // travels once more; after that nothing is sent again.
    const sent = () => server.requests.filter((r) => r.startsWith('POST') && r.includes('_bulk_docs')).length;
    let rounds = 0;
    for (let before = -1; before !== sent() && rounds < 4; rounds++) {
      before = sent();
      await a.syncOnce();
      await b.syncOnce();
    }
    expect(rounds).toBeLessThan(4);
    const quiet = sent();
    await a.syncOnce();
    await b.syncOnce();
    expect(sent()).toBe(quiet);
    expect((await a.repos.clients.get(client.id))?.phone).toBe('222');
    expect((await b.repos.clients.get(client.id))?.phone).toBe('222');
  });

  it('carries a client deleted on one computer to the other as a tombstone, listed as deleted elsewhere', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const { client } = await clientWithSignedNote(a);
    await a.syncOnce();
    const b = await started(key, 'Desk');
    await b.syncOnce();
    await a.repos.clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    await a.syncOnce();
    await b.syncOnce();
    expect(await b.repos.clients.get(client.id)).toBeUndefined();
    expect(await b.repos.sessions.listForClient(client.id)).toEqual([]);
    expect(b.view().deleted).toEqual([
      { clientId: client.id, label: 'Ingeborg Quillfeather', at: NOW.toISOString(), computer: 'Laptop' },
    ]);
    // The deletion's own audit entry arrived too.
    expect((await b.repos.audit.listForClient(client.id)).map((entry) => entry.action)).toEqual([
      'client-deleted',
    ]);
  });

  it('sends a saved note alone, reading no other record, after a full pass at start', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    for (const name of ['Kari', 'Per', 'Liv']) await addClient(a.repos.clients, name, 'Hansen');
    const draft = await a.repos.sessions.createDraft(client.id);
    const records = vi.spyOn(a.repos.syncRecords, 'records');
    const byKey = vi.spyOn(a.repos.syncRecords, 'recordsByKey');
    // At start the push is a full pass, even when asked for one key: every table is read.
    await a.engine.requestPush(new Map([['sessions', new Set([draft.id])]]));
    expect(new Set(records.mock.calls.map(([table]) => table))).toEqual(new Set(SYNCED_TABLES));
    await replicateOnce(a.local, remoteDatabase(server.databaseUrl, server.user, server.password));
    records.mockClear();

    // One note saved: Dexie reports its key, and only that record is read and sent.
    const reported: ChangedParts[] = [];
    const stop = onCommittedWrites((parts) => reported.push(parts));
    await a.repos.sessions.saveDraft({ ...filledIn(draft), id: draft.id });
    await vi.waitFor(() => expect(reported.length).toBeGreaterThan(0));
    stop();
    const scope = writtenKeys(Object.assign({}, ...reported), a.repos.name, SYNCED_TABLES, 500);
    expect(scope).toEqual(new Map([['sessions', new Set([draft.id])]]));
    const bulkDocs = vi.spyOn(a.local, 'bulkDocs');
    await a.engine.requestPush(scope === 'all' ? undefined : scope);
    expect(records).not.toHaveBeenCalled();
    expect(byKey.mock.calls).toEqual([['sessions', [draft.id]]]);
    expect(bulkDocs).toHaveBeenCalledTimes(1);
    expect((bulkDocs.mock.calls[0]![0] as unknown[]).length).toBe(1);

    // The other computer receives it; a push with nothing written sends nothing.
    await replicateOnce(a.local, remoteDatabase(server.databaseUrl, server.user, server.password));
    const b = await started(key, 'Desk');
    await b.syncOnce();
    expect(await b.repos.sessions.get(draft.id)).toEqual(await a.repos.sessions.get(draft.id));
    await a.engine.requestPush(new Map([['sessions', new Set([draft.id])]]));
    expect(bulkDocs).toHaveBeenCalledTimes(1);
    // A deleted key (a client deletion) falls back to the full pass, which leaves tombstones.
    await a.repos.clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    await a.engine.requestPush(new Map([['clients', new Set([client.id])]]));
    expect(new Set(records.mock.calls.map(([table]) => table))).toEqual(new Set(SYNCED_TABLES));
  });

  it('reports each record a pull writes by its key, so the push after it reads only those (no full pass)', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    // More than Dexie reports key by key in one bulkPut (under 50 rows; a larger one is the whole table).
    const clients = [];
    for (let i = 0; i < 60; i++) clients.push(await addClient(a.repos.clients, `Given${i}`, `Family${i}`));
    await a.syncOnce();
    const b = await started(key, 'Desk');
    // Its first pass opens its database, which Dexie reports as wholly written (a new database).
    await b.engine.requestPush();
    const reported: ChangedParts[] = [];
    const stop = onCommittedWrites((parts) => reported.push(parts));
    await b.syncOnce();
    await vi.waitFor(() => expect(reported.length).toBeGreaterThan(0));
    stop();
    const written = new Set<string>();
    for (const parts of reported) {
      const scope = writtenKeys(parts, b.repos.name, SYNCED_TABLES, 5_000);
      expect(scope).not.toBe('all');
      for (const id of (scope as Map<string, Set<string>>).get('clients') ?? []) written.add(id);
    }
    expect(written).toEqual(new Set(clients.map((client) => client.id)));
    expect(await b.repos.clients.get(clients[59]!.id)).toMatchObject({ firstName: 'Given59' });
  });

  it('refuses hostile documents one by one, reports each, and applies the rest', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const good = await addClient(a.repos.clients, 'Good', 'Record');
    await a.syncOnce();
    const keys = await derivePracticeKeys(practiceKeyFromText(key)!);
    const otherKeys = await derivePracticeKeys(createPracticeKey());
    const validClient = (await a.repos.clients.get(good.id)) as unknown as Record<string, unknown>;
    const hostile = [
      { _id: 'rgarbage', v: 1, iv: 'AAAA', c: 'not base64', h: 'x' },
      await encryptBody(otherKeys, { table: 'clients', key: 'x1', record: { ...validClient, id: 'x1' } }),
      {
        ...(await encryptBody(keys, { table: 'clients', key: 'x2', record: { ...validClient, id: 'x2' } })),
        _id: 'rmoved',
      },
      await encryptBody(keys, { table: 'clients', key: 'x3', record: { id: 'x3', firstName: 42 } }),
      await encryptBody(keys, {
        table: 'clients',
        key: 'x4',
        record: { ...validClient, id: 'x4', updatedAt: '2099-01-01T00:00:00.000Z' },
      }),
    ];
    for (const doc of hostile) {
      const res = await fetch(`${server.databaseUrl}/${doc._id}`, {
        method: 'PUT',
        headers: {
          authorization: `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(doc),
      });
      expect(res.status).toBe(201);
    }
    const b = await started(key, 'Desk');
    await b.syncOnce();
    expect(await b.repos.clients.get(good.id)).toMatchObject({ firstName: 'Good' });
    for (const id of ['x1', 'x2', 'x3', 'x4']) expect(await b.repos.clients.get(id)).toBeUndefined();
    const messages = b.view().problems.map((p) => p.message);
    expect(messages).toHaveLength(5);
    expect(messages.filter((m) => m.includes('not in Stillpoint’s format'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('could not be opened with this practice’s key'))).toHaveLength(
      2,
    );
    expect(messages.filter((m) => m.includes('failed its check'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('more than a day after this computer’s clock'))).toHaveLength(1);
  });

  it('tells a computer with another practice key that the server is not its practice, before anything is applied', async () => {
    const a = await started(practiceKeyToText(createPracticeKey()), 'Laptop');
    await addClient(a.repos.clients, 'Some', 'One');
    await a.syncOnce();
    const stranger = computer(practiceKeyToText(createPracticeKey()), 'Elsewhere');
    await stranger.engine.open();
    expect(await stranger.engine.checkServer()).toMatch(/another practice/);
  });

  it('refuses a database that holds records but no practice marker', async () => {
    await fetch(`${server.databaseUrl}/something`, {
      method: 'PUT',
      headers: {
        authorization: `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ hello: 'world' }),
    });
    const c = computer(practiceKeyToText(createPracticeKey()), 'Laptop');
    await c.engine.open();
    expect(await c.engine.checkServer()).toMatch(/not a Stillpoint practice/);
  });
});
