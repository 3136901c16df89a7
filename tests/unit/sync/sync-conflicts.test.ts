import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientInputOf } from '../../../src-shared/domain/client';
import { createPracticeKey, practiceKeyToText } from '../../../src-shared/sync/practice-key';
import { startedComputer, syncComputer } from '../../sync-server/computer';
import { type SyncServer, startSyncServer } from '../../sync-server/server';
import { addClient, filledIn } from '../db/helpers';

// Conflicts CouchDB reports, resolved by the merge rules and kept for the Sync conflicts screen:
// the same conflict on both computers, kept across a restart, cleared by "Seen".

let server: SyncServer;
beforeEach(async () => {
  server = await startSyncServer();
});
afterEach(() => server.stop());

function started(practiceKey: string, name: string) {
  return startedComputer(server, practiceKey, name);
}

async function settle(...computers: { syncOnce: () => Promise<unknown> }[]) {
  for (let round = 0; round < 3; round++) for (const c of computers) await c.syncOnce();
}

describe('sync conflicts', () => {
  it('keeps both versions of a note signed differently on two computers, the same way on both, listed on both', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ingeborg', 'Quillfeather');
    const draft = await a.repos.sessions.createDraft(client.id);
    await a.repos.sessions.saveDraft(filledIn(draft));
    await a.syncOnce();
    const b = await started(key, 'Desk');
    await b.syncOnce();
    expect(await b.repos.sessions.get(draft.id)).toBeDefined();

    // Apart: each computer signs its own version of the same draft.
    const onA = await a.repos.sessions.get(draft.id);
    await a.repos.sessions.saveDraft({ ...onA!, chiefComplaint: 'Written on the laptop' });
    await a.repos.sessions.sign(draft.id, 'Anna Lind');
    b.clock.set(new Date('2025-03-05T09:00:00.000Z'));
    const onB = await b.repos.sessions.get(draft.id);
    await b.repos.sessions.saveDraft({ ...onB!, chiefComplaint: 'Written at the desk' });
    await b.repos.sessions.sign(draft.id, 'Ben Ortiz');
    await settle(a, b);

    for (const c of [a, b]) {
      const notes = await c.repos.sessions.listForClient(client.id);
      expect(notes).toHaveLength(2);
      // The later signature keeps the note's id on both computers; the other is the same copy.
      expect((await c.repos.sessions.get(draft.id))?.chiefComplaint).toBe('Written at the desk');
      const copy = notes.find((note) => note.id !== draft.id);
      expect(copy).toMatchObject({ conflictCopyOf: draft.id, chiefComplaint: 'Written on the laptop' });
    }
    const copyOnA = (await a.repos.sessions.listForClient(client.id)).find((n) => n.id !== draft.id);
    const copyOnB = (await b.repos.sessions.listForClient(client.id)).find((n) => n.id !== draft.id);
    expect(copyOnA?.id).toBe(copyOnB?.id);

    const listed = (c: typeof a) => c.view().conflicts.filter((entry) => entry.kind === 'signed-note');
    expect(listed(a)).toHaveLength(1);
    expect(listed(a)[0]).toMatchObject({
      noteId: draft.id,
      copyId: copyOnA?.id,
      label: 'Ingeborg Quillfeather',
    });
    expect(listed(b).map((entry) => entry.id)).toEqual(listed(a).map((entry) => entry.id));

    // Seen on A: gone there (and it stays gone when the copy passes by again); B still lists it.
    await a.engine.markSeen(listed(a)[0]!.id);
    expect(listed(a)).toEqual([]);
    await settle(a, b);
    expect(listed(a)).toEqual([]);
    expect(listed(b)).toHaveLength(1);
  });

  it('keeps the losing version of a changed record until it is seen, across a restart', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    await a.syncOnce();
    const b = await started(key, 'Desk');
    await b.syncOnce();
    const onA = await a.repos.clients.get(client.id);
    await a.repos.clients.update(client.id, { ...clientInputOf(onA!), phone: '111' });
    b.clock.set(new Date('2025-03-05T09:00:00.000Z'));
    const onB = await b.repos.clients.get(client.id);
    await b.repos.clients.update(client.id, { ...clientInputOf(onB!), phone: '222' });
    await settle(a, b);
    expect((await a.repos.clients.get(client.id))?.phone).toBe('222');

    // Whichever computer met both versions lists the conflict, with the losing version readable.
    const withConflict = [a, b].find((c) => c.view().conflicts.length > 0);
    expect(withConflict).toBeDefined();
    const entry = withConflict!.view().conflicts[0]!;
    expect(entry).toMatchObject({ kind: 'newer-kept', table: 'clients', key: client.id });
    const losing = await withConflict!.engine.revisionRecord(entry.docId!, entry.losingRevisions![0]!);
    expect(losing).toMatchObject({ phone: '111' });

    // A restart (a new engine over the same replica) still lists it.
    const again = await syncComputer(server, key, 'Again', { local: withConflict!.local });
    await again.engine.open();
    expect(again.view().conflicts.map((c) => c.id)).toEqual([entry.id]);
    await again.engine.markSeen(entry.id);
    expect(again.view().conflicts).toEqual([]);
    // No open version of the record holds the losing content any more (the removal replicates).
    // Leaves that hold the kept content may remain: they are the same record.
    const doc = await withConflict!.local.get(entry.docId!, { conflicts: true });
    const leaves = [
      doc,
      ...(await Promise.all(
        (doc._conflicts ?? []).map((rev) => withConflict!.local.get(entry.docId!, { rev })),
      )),
    ];
    const losingHashes = new Set(
      await Promise.all(
        entry.losingRevisions!.map(async (rev) =>
          String((await withConflict!.local.get(entry.docId!, { rev })).h),
        ),
      ),
    );
    expect(leaves.filter((leaf) => losingHashes.has(String(leaf.h)))).toEqual([]);
  });
  for (const newerOn of ['the computer that sends first', 'the computer that settles'] as const) {
    it(`lists a changed-record conflict on both computers even when one settles it and sends the result before the other meets it (newer on ${newerOn})`, async () => {
      const key = practiceKeyToText(createPracticeKey());
      const a = await started(key, 'Laptop');
      const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
      await a.syncOnce();
      const b = await started(key, 'Desk');
      await b.syncOnce();
      // Both edit while apart.
      if (newerOn === 'the computer that settles') b.clock.set(new Date('2025-03-05T09:00:00.000Z'));
      else a.clock.set(new Date('2025-03-05T09:00:00.000Z'));
      const onA = await a.repos.clients.get(client.id);
      await a.repos.clients.update(client.id, { ...clientInputOf(onA!), phone: '111' });
      const onB = await b.repos.clients.get(client.id);
      await b.repos.clients.update(client.id, { ...clientInputOf(onB!), phone: '222' });
      // A sends first; B meets both versions, settles, and sends what it settled on before A has
      // heard anything from B.
      await a.syncOnce();
      await b.syncOnce();
      await b.syncOnce();
      await a.syncOnce();
      await settle(a, b);
      const phone = newerOn === 'the computer that settles' ? '222' : '111';
      const lost = phone === '222' ? '111' : '222';
      expect((await a.repos.clients.get(client.id))?.phone).toBe(phone);
      expect((await b.repos.clients.get(client.id))?.phone).toBe(phone);
      // The same conflict on both, each showing the version that was replaced.
      const listed = [a.view().conflicts, b.view().conflicts];
      expect(listed.map((list) => list.map((entry) => entry.id))).toEqual([
        [listed[0]![0]?.id],
        [listed[0]![0]?.id],
      ]);
      for (const c of [a, b]) {
        const entry = c.view().conflicts[0]!;
        expect(entry).toMatchObject({ kind: 'newer-kept', table: 'clients', key: client.id });
        const versions = await Promise.all(
          entry.losingRevisions!.map((rev) => c.engine.revisionRecord(entry.docId!, rev)),
        );
        expect(versions.map((record) => record?.phone)).toEqual([lost]);
      }
    });
  }
  it('a client whose replaced version one computer has seen and then deleted is gone on the other too', async () => {
    const key = practiceKeyToText(createPracticeKey());
    const a = await started(key, 'Laptop');
    const client = await addClient(a.repos.clients, 'Ola', 'Nordmann');
    await a.syncOnce();
    const b = await started(key, 'Desk');
    await b.syncOnce();
    const onA = await a.repos.clients.get(client.id);
    await a.repos.clients.update(client.id, { ...clientInputOf(onA!), phone: '111' });
    b.clock.set(new Date('2025-03-05T09:00:00.000Z'));
    const onB = await b.repos.clients.get(client.id);
    await b.repos.clients.update(client.id, { ...clientInputOf(onB!), phone: '222' });
    await settle(a, b);
    expect(a.view().conflicts).toHaveLength(1);
    expect(b.view().conflicts).toHaveLength(1);
    await a.engine.markSeen(a.view().conflicts[0]!.id);
    await a.repos.clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    await settle(a, b);
    expect(await a.repos.clients.get(client.id)).toBeUndefined();
    expect(await b.repos.clients.get(client.id)).toBeUndefined();
    expect(b.view().deleted.map((entry) => entry.clientId)).toEqual([client.id]);
  });
});
