import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SamplePracticeRepository } from '../../../src-renderer/db/sample-practice-repository';
import { ClientSchema } from '../../../src-shared/domain/client';
import { addClient, filledIn, openRepositories } from './helpers';

async function counts(db: ReturnType<typeof openRepositories>['db']) {
  return {
    clients: await db.clients.count(),
    healthHistories: await db.healthHistories.count(),
    sessions: await db.sessions.count(),
    afterEffects: await db.afterEffects.count(),
    auditLog: await db.auditLog.count(),
  };
}

describe('the sample practice', () => {
  it('loads a few valid clients with their notes, once, and lists exactly their ids', async () => {
    const { db } = openRepositories();
    const sample = new SamplePracticeRepository(db);
    expect(await sample.current()).toBeNull();
    const loaded = await sample.load('2026-12-07', new Date('2026-12-07T09:00:00Z'));
    expect(loaded.clientIds).toHaveLength(8);
    const after = await counts(db);
    expect(after.clients).toBe(8);
    expect(after.sessions).toBeGreaterThan(8);
    for (const row of await db.clients.toArray()) expect(ClientSchema.safeParse(row).success).toBe(true);
    // A second press does not add a second sample practice.
    expect(await sample.load('2026-12-07')).toEqual(loaded);
    expect((await counts(db)).clients).toBe(8);
  });

  it('removes only the sample clients: a real client, even one with a sample name, stays with its notes', async () => {
    const repos = openRepositories();
    const { db, clients, sessions } = repos;
    const sample = new SamplePracticeRepository(db);
    const before = await addClient(clients, 'Marta', 'Kowalska');
    const loaded = await sample.load('2026-12-07');
    const namesake = (await clients.get(loaded.clientIds[0]!))!;
    const real = await addClient(clients, namesake.firstName, namesake.lastName);
    const draft = await sessions.createDraft(real.id);
    await sessions.saveDraft({ ...filledIn(draft), chiefComplaint: 'Jaw tension' });
    await sessions.sign(draft.id, 'Anna Lind');
    const realCounts = { sessions: 1, audit: await db.auditLog.where('clientId').equals(real.id).count() };

    expect(await sample.remove()).toBe(8);

    expect((await db.clients.toArray()).map((c) => c.id).sort()).toEqual([before.id, real.id].sort());
    expect(await db.sessions.where('clientId').equals(real.id).count()).toBe(realCounts.sessions);
    expect(await db.auditLog.where('clientId').equals(real.id).count()).toBe(realCounts.audit);
    for (const id of loaded.clientIds) {
      expect(await db.sessions.where('clientId').equals(id).count()).toBe(0);
      expect(await db.afterEffects.where('clientId').equals(id).count()).toBe(0);
      expect(await db.auditLog.where('clientId').equals(id).count()).toBe(0);
      expect(await db.healthHistories.get(id)).toBeUndefined();
    }
    expect(await sample.current()).toBeNull();
    expect(await sample.remove()).toBe(0);
  });
});
