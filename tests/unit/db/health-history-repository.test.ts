import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HealthHistoryRepository } from '../../../src-renderer/db/health-history-repository';
import { historyNotRecorded } from '../../../src-shared/domain/health-history';
import { evaluateContraindications, isHistoryNotRecordedFinding } from '../../../src-shared/safety';
import { addClient, openRepositories, steppingClock } from './helpers';

/** Issue 21 item 2: a history never taken is told apart from one reviewed with nothing found. */
describe('HealthHistoryRepository: when the history was last reviewed with the client', () => {
  it('a new client has a history never reviewed, which the safety check reports as not recorded', async () => {
    const { db, clients, clock } = openRepositories();
    const client = await addClient(clients);
    const history = await new HealthHistoryRepository(db, clock).get(client.id);
    expect(history.reviewedAt).toBeNull();
    expect(historyNotRecorded(history)).toBe(true);
    const findings = evaluateContraindications(history, { today: '2025-03-04' });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['history-not-recorded', 'CAUTION']]);
  });

  it('"Reviewed with the client today: no changes" stores today and changes no entry', async () => {
    const clock = steppingClock(new Date(2025, 2, 4, 11, 30));
    const { db, clients } = openRepositories({ clock });
    const client = await addClient(clients);
    const repository = new HealthHistoryRepository(db, clock);
    clock.set(new Date(2025, 3, 9, 16, 45));
    const reviewed = await repository.markReviewed(client.id);
    expect(reviewed.reviewedAt).toBe('2025-04-09');
    expect(await repository.get(client.id)).toEqual(reviewed);
    expect(reviewed.conditions).toEqual([]);
    expect(historyNotRecorded(reviewed)).toBe(false);
    expect(evaluateContraindications(reviewed, { today: '2025-04-09' })).toEqual([]);
  });

  it('saving a change records the day as reviewed', async () => {
    const clock = steppingClock(new Date(2025, 2, 4, 11, 30));
    const { db, clients } = openRepositories({ clock });
    const client = await addClient(clients);
    const repository = new HealthHistoryRepository(db, clock);
    const before = await repository.get(client.id);
    clock.set(new Date(2025, 4, 2, 9, 0));
    const { clientId: _c, updatedAt: _u, reviewedAt: _r, ...lists } = before;
    const saved = await repository.save(client.id, {
      ...lists,
      medications: [{ id: 'm1', name: 'Warfarin', dose: '5 mg', anticoagulant: false }],
    });
    expect(saved.reviewedAt).toBe('2025-05-02');
    const findings = evaluateContraindications(saved, { today: '2025-05-02' });
    expect(findings.some(isHistoryNotRecordedFinding)).toBe(false);
    expect(findings.map((f) => f.ruleId)).toContain('bleeding-disorder');
  });

  it('refuses to mark the history of a deleted client', async () => {
    const { db, clients, clock } = openRepositories();
    const client = await addClient(clients);
    await clients.deleteWithSessions(client.id, { by: 'Anna Lind' });
    await expect(new HealthHistoryRepository(db, clock).markReviewed(client.id)).rejects.toThrow(
      'This client no longer exists.',
    );
  });
});
