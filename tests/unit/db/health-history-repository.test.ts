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

/** Issue 21 item 6: a physician's clearance recorded from a note lands on the client's file. */
describe('HealthHistoryRepository.recordClearance', () => {
  it('appends one clearance per item with who recorded it and when, and an audit entry on the note', async () => {
    const clock = steppingClock(new Date(2025, 2, 4, 11, 30));
    const { db, clients, audit } = openRepositories({ clock });
    const client = await addClient(clients);
    const repository = new HealthHistoryRepository(db, clock);
    const { clientId: _c, updatedAt: _u, reviewedAt: _r, ...lists } = await repository.get(client.id);
    const saved = await repository.save(client.id, {
      ...lists,
      headInjuries: [{ id: 'injury-1', date: '2025-02-20', description: 'Concussion', treated: false }],
    });
    expect(evaluateContraindications(saved, { today: '2025-03-04' }).map((f) => f.severity)).toEqual([
      'AVOID',
    ]);

    clock.set(new Date(2025, 2, 5, 9, 15));
    const added = await repository.recordClearance(
      client.id,
      {
        ruleId: 'untreated-brain-injury',
        itemIds: ['injury-1'],
        givenBy: 'Dr Lena Fischer',
        date: '2025-03-03',
        validUntil: '2025-03-20',
        notes: 'GP letter',
        recordedBy: 'Anna Lind',
      },
      'note-1',
    );
    expect(added).toEqual([
      expect.objectContaining({
        ruleId: 'untreated-brain-injury',
        itemId: 'injury-1',
        givenBy: 'Dr Lena Fischer',
        recordedBy: 'Anna Lind',
        recordedAt: new Date(2025, 2, 5, 9, 15).toISOString(),
      }),
    ]);
    const history = await repository.get(client.id);
    expect(history.clearances).toEqual(added);
    // Recording a clearance is not a review of the history with the client.
    expect(history.reviewedAt).toBe(saved.reviewedAt);
    const findings = evaluateContraindications(history, { today: '2025-03-05' });
    expect(findings.map((f) => [f.severity, f.lifted])).toEqual([['AVOID', true]]);
    // Expired: the finding is in force again.
    expect(evaluateContraindications(history, { today: '2025-03-25' })[0]?.lifted).toBe(false);

    const entries = await audit.listForNote('note-1');
    expect(entries.map((e) => [e.action, e.detail])).toEqual([
      [
        'clearance-recorded',
        'Brain injury or concussion: cleared by Dr Lena Fischer on 2025-03-03, until 2025-03-20; recorded by Anna Lind',
      ],
    ]);
  });

  it('refuses a clearance dated in the future or ending before it was given, writing nothing', async () => {
    const clock = steppingClock(new Date(2025, 2, 4, 11, 30));
    const { db, clients, audit } = openRepositories({ clock });
    const client = await addClient(clients);
    const repository = new HealthHistoryRepository(db, clock);
    const base = {
      ruleId: 'chiari',
      itemIds: [null],
      givenBy: 'Dr A',
      notes: '',
      recordedBy: 'Anna Lind',
    };
    await expect(
      repository.recordClearance(client.id, { ...base, date: '2025-03-05', validUntil: null }, 'note-1'),
    ).rejects.toThrow('The clearance date cannot be in the future');
    await expect(
      repository.recordClearance(
        client.id,
        { ...base, date: '2025-03-01', validUntil: '2025-02-01' },
        'note-1',
      ),
    ).rejects.toThrow('The clearance cannot end before the date it was given');
    expect((await repository.get(client.id)).clearances).toEqual([]);
    expect(await audit.listForNote('note-1')).toEqual([]);
  });
});
