import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ClientsRepository } from '../../../src-renderer/db/clients-repository';
import { StillpointDatabase } from '../../../src-renderer/db/database';
import { createSessionRepositories, SignedNoteError } from '../../../src-renderer/db/sessions-repository';
import { DATE_MESSAGES } from '../../../src-shared/domain/date-rules';
import { SESSION_NOTE_MESSAGES, type SessionDraft } from '../../../src-shared/domain/session-note';
import { ValidationError } from '../../../src-shared/validation';
import { addClient, filledIn, openRepositories, steppingClock } from './helpers';

describe('sessions repository: drafts', () => {
  it('creates a draft numbered after the last session, with a "created" audit entry', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const first = await repos.sessions.createDraft(client.id);
    const second = await repos.sessions.createDraft(client.id);
    expect(first.status).toBe('draft');
    expect(first.sessionNumber).toBe(1);
    expect(second.sessionNumber).toBe(2);
    expect(first.serviceDate).toBe('2025-03-04');
    expect((await repos.audit.listForNote(first.id)).map((e) => e.action)).toEqual(['created']);
  });

  it('refuses a draft for a client that does not exist, and writes nothing', async () => {
    const repos = openRepositories();
    await expect(repos.sessions.createDraft('no-such-client')).rejects.toThrow('no longer exists');
    expect(await repos.db.sessions.count()).toBe(0);
    expect(await repos.db.auditLog.count()).toBe(0);
  });

  it('autosaves a half-filled draft, out-of-range values included, and restores it after a reload', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft({
      ...draft,
      chiefComplaint: 'Jaw tension',
      painBefore: { score: 11, location: 'jaw' },
      rhythm: { ...draft.rhythm, rateCpm: -3 },
      serviceDate: '2999-01-01',
      treatedAreas: [
        { id: 'x', regionId: 'mandible-tmj', side: 'left', techniques: [], finding: null, note: '' },
      ],
    });
    repos.db.close();

    // A new database object and repository over the same IndexedDB: what a reload does.
    const again = new StillpointDatabase(repos.name);
    const reloaded = createSessionRepositories(again, new ClientsRepository(again), steppingClock());
    const restored = await reloaded.sessions.get(draft.id);
    expect(restored?.chiefComplaint).toBe('Jaw tension');
    expect(restored?.painBefore).toEqual({ score: 11, location: 'jaw' });
    expect(restored?.rhythm.rateCpm).toBe(-3);
    expect(restored?.serviceDate).toBe('2999-01-01');
    expect(restored?.treatedAreas.map((a) => a.regionId)).toEqual(['mandible-tmj']);
    expect(restored?.entryDate).toBe(draft.entryDate);
  });

  it('keeps the date of entry and creation time whatever the draft says', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    const saved = await repos.sessions.saveDraft({
      ...draft,
      entryDate: '2020-01-01T00:00:00.000Z',
      createdAt: '2020-01-01T00:00:00.000Z',
    });
    expect(saved.entryDate).toBe(draft.entryDate);
    expect(saved.createdAt).toBe(draft.createdAt);
    expect(saved.updatedAt > draft.updatedAt).toBe(true);
  });

  it('refuses a "draft" that claims a signature, or one that no longer exists', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await expect(
      repos.sessions.saveDraft({
        ...filledIn(draft),
        status: 'signed',
        signedAt: draft.createdAt,
        signedBy: 'Me',
      }),
    ).rejects.toThrow('Sign note');
    expect((await repos.sessions.get(draft.id))?.status).toBe('draft');
    await expect(repos.sessions.saveDraft({ ...draft, id: 'missing' })).rejects.toThrow('no longer exists');
    expect(await repos.db.sessions.count()).toBe(1);
  });

  it("lists a client's sessions newest first and finds the previous one", async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const other = await addClient(repos.clients, 'Ola', 'Nordmann');
    const dates = ['2025-01-07', '2025-02-04', '2025-01-21'];
    const notes: SessionDraft[] = [];
    for (const serviceDate of dates) {
      const draft = await repos.sessions.createDraft(client.id);
      notes.push(await repos.sessions.saveDraft({ ...draft, serviceDate }));
    }
    await repos.sessions.createDraft(other.id);
    const listed = await repos.sessions.listForClient(client.id);
    expect(listed.map((n) => n.serviceDate)).toEqual(['2025-02-04', '2025-01-21', '2025-01-07']);
    const previous = await repos.sessions.previousSession(notes[1]!);
    expect(previous?.serviceDate).toBe('2025-01-21');
    expect(await repos.sessions.previousSession(notes[0]!)).toBeUndefined();
  });

  it('finds the previous session by day, then number and time, as the full list would, without reading it all', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const other = await addClient(repos.clients, 'Ola', 'Nordmann');
    const plan: [string, string, number | null][] = [
      ['2025-01-07', '09:00', 1],
      ['2025-01-07', '11:00', 2],
      ['2025-01-21', '10:00', 3],
      ['2025-01-21', '10:00', 4],
      ['2025-01-21', '08:00', 5],
      ['2025-02-04', '10:00', 6],
      ['2025-02-04', '10:00', null],
      ['', '10:00', 8],
    ];
    const notes: SessionDraft[] = [];
    for (const [serviceDate, serviceTime, sessionNumber] of plan) {
      const draft = await repos.sessions.createDraft(client.id);
      notes.push(await repos.sessions.saveDraft({ ...draft, serviceDate, serviceTime, sessionNumber }));
    }
    await repos.sessions.saveDraft({
      ...(await repos.sessions.createDraft(other.id)),
      serviceDate: '2025-01-20',
    });

    // What previousSession answered when it read every note of the client.
    const all = await repos.sessions.listForClient(client.id);
    const byFullList = (note: Pick<SessionDraft, 'id' | 'serviceDate' | 'sessionNumber'>) => {
      const number = note.sessionNumber ?? Number.MAX_SAFE_INTEGER;
      return all.find(
        (o) =>
          o.id !== note.id &&
          (o.serviceDate < note.serviceDate ||
            (o.serviceDate === note.serviceDate && (o.sessionNumber ?? 0) < number)),
      )?.id;
    };
    const probes = [
      ...notes,
      // The draft on screen, moved to another day or renumbered before its autosave.
      { ...notes[5]!, serviceDate: '2025-01-21' },
      { ...notes[5]!, serviceDate: '2025-01-08' },
      { ...notes[2]!, sessionNumber: 99 },
      { ...notes[0]!, serviceDate: '2030-01-01' },
      { ...notes[0]!, serviceDate: '2020-01-01' },
    ];
    for (const probe of probes) {
      expect((await repos.sessions.previousSession(probe))?.id, JSON.stringify(probe.serviceDate)).toBe(
        byFullList(probe),
      );
    }
    expect((await repos.sessions.previousSession(notes[2]!))?.sessionNumber).toBe(2);
    expect((await repos.sessions.previousSession(notes[4]!))?.sessionNumber).toBe(4);
  });

  it("copies the previous note into a new draft, keeping the draft's own number and dates", async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const first = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft({ ...filledIn(first), serviceDate: '2025-02-25' });
    await repos.sessions.sign(first.id, 'Anna Therapist');
    const second = await repos.sessions.createDraft(client.id);
    const copied = await repos.sessions.draftCopiedFromPrevious(second);
    expect(copied?.id).toBe(second.id);
    expect(copied?.sessionNumber).toBe(2);
    expect(copied?.serviceDate).toBe(second.serviceDate);
    expect(copied?.chiefComplaint).toBe('Tension headaches after desk work');
    expect(copied?.treatedAreas.map((a) => a.regionId)).toEqual(['occipital', 'sacrum']);
    expect(copied?.painBefore.score).toBeNull();
    expect(copied?.status).toBe('draft');
  });

  it('deletes a draft but never a signed note', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.deleteDraft(draft.id);
    expect(await repos.sessions.get(draft.id)).toBeUndefined();

    const kept = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft(filledIn(kept));
    await repos.sessions.sign(kept.id, 'Anna Therapist');
    await expect(repos.sessions.deleteDraft(kept.id)).rejects.toBeInstanceOf(SignedNoteError);
    expect((await repos.sessions.get(kept.id))?.status).toBe('signed');
  });

  // How fast a busy client's page opens is the bench's "busy-client" measure, not a test.
  it("lists every one of a client's 200 sessions", async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    const base = filledIn(draft);
    await repos.db.sessions.bulkPut(
      Array.from({ length: 199 }, (_, i) => ({
        ...base,
        id: `bulk-${i}`,
        sessionNumber: i + 2,
        serviceDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      })),
    );
    const listed = await repos.sessions.listForClient(client.id);
    expect(listed).toHaveLength(200);
  });
});

describe('sessions repository: signing', () => {
  it('signs in one transaction: the signed note, a "signed" audit entry and the client\'s last visit', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft(filledIn(draft));
    const signed = await repos.sessions.sign(draft.id, '  Anna Therapist ');
    expect(signed.status).toBe('signed');
    expect(signed.signedBy).toBe('Anna Therapist');
    expect(signed.signedAt).not.toBeNull();
    expect((await repos.sessions.get(draft.id))?.status).toBe('signed');
    const log = await repos.audit.listForNote(draft.id);
    expect(log.map((e) => e.action)).toEqual(['created', 'signed']);
    expect(log[1]?.detail).toBe('Signed by Anna Therapist');
    expect((await repos.clients.get(client.id))?.lastVisitAt).toBe('2025-03-04');
  });

  it('a failed sign leaves the draft exactly as it was and writes no audit entry', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    const bad = await repos.sessions.saveDraft({
      ...filledIn(draft),
      painBefore: { score: 11, location: '' },
      serviceDate: '2025-03-09',
    });
    const before = await repos.db.sessions.get(draft.id);
    const error = await repos.sessions.sign(draft.id, 'Anna Therapist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual(
      expect.arrayContaining([
        `painBefore.score: ${SESSION_NOTE_MESSAGES.pain}`,
        `serviceDate: ${SESSION_NOTE_MESSAGES.futureDate}`,
      ]),
    );
    expect(await repos.db.sessions.get(draft.id)).toEqual(before);
    expect(before?.updatedAt).toBe(bad.updatedAt);
    expect((await repos.audit.listForNote(draft.id)).map((e) => e.action)).toEqual(['created']);
    expect((await repos.clients.get(client.id))?.lastVisitAt).toBeNull();
  });

  it('refuses to sign without a signer or with a safety finding not acknowledged', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    const filled = filledIn(draft);
    await repos.sessions.saveDraft({
      ...filled,
      safetyCheck: {
        ...filled.safetyCheck,
        findings: [{ ...filled.safetyCheck.findings[0]!, severity: 'AVOID', acknowledged: false }],
      },
    });
    const error = (await repos.sessions.sign(draft.id, ' ').catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toEqual(
      expect.arrayContaining([
        `signedBy: ${SESSION_NOTE_MESSAGES.signedBy}`,
        `safetyCheck.findings.0.acknowledged: ${SESSION_NOTE_MESSAGES.acknowledge}`,
        `safetyCheck.findings.0.overrideReason: ${SESSION_NOTE_MESSAGES.avoidOverride}`,
      ]),
    );
    expect((await repos.sessions.get(draft.id))?.status).toBe('draft');
  });

  it('refuses to sign a session dated before the client was born, and leaves the last visit alone (issue 21)', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients); // born 1980-04-02
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft({ ...filledIn(draft), serviceDate: '1926-03-04' });
    const error = await repos.sessions.sign(draft.id, 'Anna Therapist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      `serviceDate: ${DATE_MESSAGES.serviceBeforeBirth('1980-04-02')}`,
    ]);
    expect((await repos.sessions.get(draft.id))?.status).toBe('draft');
    expect((await repos.clients.get(client.id))?.lastVisitAt).toBeNull();
  });

  it('finds the date of the newest earlier-numbered session, whatever this one is dated', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const first = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft({ ...first, serviceDate: '2025-02-25' });
    const second = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft({ ...second, serviceDate: '2025-02-20' });
    expect(await repos.sessions.latestEarlierNumbered(second)).toEqual({
      serviceDate: '2025-02-25',
      sessionNumber: 1,
    });
    expect(await repos.sessions.latestEarlierNumbered(first)).toBeUndefined();
  });

  it('refuses to sign a note twice', async () => {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft(filledIn(draft));
    const signed = await repos.sessions.sign(draft.id, 'Anna Therapist');
    await expect(repos.sessions.sign(draft.id, 'Someone Else')).rejects.toBeInstanceOf(SignedNoteError);
    expect((await repos.sessions.get(draft.id))?.signedBy).toBe('Anna Therapist');
    expect((await repos.sessions.get(draft.id))?.signedAt).toBe(signed.signedAt);
  });
});

describe('sessions repository: a signed note is never edited', () => {
  async function signedNote() {
    const repos = openRepositories();
    const client = await addClient(repos.clients);
    const draft = await repos.sessions.createDraft(client.id);
    await repos.sessions.saveDraft(filledIn(draft));
    const signed = await repos.sessions.sign(draft.id, 'Anna Therapist');
    const stored = await repos.db.sessions.get(draft.id);
    return { repos, signed, stored };
  }

  it('refuses a changed field through saveDraft, naming it, and leaves the stored note as signed', async () => {
    const { repos, signed, stored } = await signedNote();
    const error = await repos.sessions
      .saveDraft({ ...signed, chiefComplaint: 'Something else' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignedNoteError);
    expect((error as SignedNoteError).changed).toEqual(['chiefComplaint']);
    expect((error as Error).message).toContain('Add an addendum instead');
    expect(await repos.db.sessions.get(signed.id)).toEqual(stored);
  });

  it('refuses turning it back into a draft, rewriting the signature or dropping an addendum', async () => {
    const { repos, signed, stored } = await signedNote();
    await expect(repos.sessions.saveDraft({ ...signed, status: 'draft' })).rejects.toBeInstanceOf(
      SignedNoteError,
    );
    await expect(
      repos.sessions.saveDraft({ ...signed, signedBy: 'Someone Else', signedAt: new Date().toISOString() }),
    ).rejects.toBeInstanceOf(SignedNoteError);
    await expect(
      repos.sessions.saveDraft({
        ...signed,
        treatedAreas: [...signed.treatedAreas, { ...signed.treatedAreas[0]!, id: 'extra' }],
      }),
    ).rejects.toBeInstanceOf(SignedNoteError);
    const withAddendum = await repos.sessions.addAddendum(signed.id, {
      text: 'Client phoned: headache settled next day.',
      reason: 'Late entry',
      author: 'Anna Therapist',
    });
    await expect(repos.sessions.saveDraft({ ...withAddendum, addenda: [] })).rejects.toBeInstanceOf(
      SignedNoteError,
    );
    const after = await repos.db.sessions.get(signed.id);
    expect({ ...after, addenda: [], updatedAt: stored?.updatedAt }).toEqual(stored);
  });

  it('a save of the unchanged signed note writes nothing', async () => {
    const { repos, signed, stored } = await signedNote();
    const result = await repos.sessions.saveDraft({ ...signed, updatedAt: new Date().toISOString() });
    expect(result.status).toBe('signed');
    expect(await repos.db.sessions.get(signed.id)).toEqual(stored);
  });

  it('takes addenda (text, reason, author, time) under the original, each with an audit entry', async () => {
    const { repos, signed } = await signedNote();
    await repos.sessions.addAddendum(signed.id, {
      text: 'Correction: left side.',
      reason: 'Typo',
      author: 'Anna',
    });
    const second = await repos.sessions.addAddendum(signed.id, {
      text: 'Client reported better sleep.',
      reason: 'Late entry',
      author: 'Anna',
    });
    expect(second.addenda.map((a) => a.reason)).toEqual(['Typo', 'Late entry']);
    expect(second.addenda[0]?.createdAt).toBeTruthy();
    expect(second.chiefComplaint).toBe(signed.chiefComplaint);
    expect(second.signedAt).toBe(signed.signedAt);
    const log = await repos.audit.listForNote(signed.id);
    expect(log.map((e) => e.action)).toEqual(['created', 'signed', 'addendum', 'addendum']);
    expect(log[3]?.detail).toContain('Late entry');
  });

  it('refuses an addendum with an empty reason or text, or on a draft, and saves nothing', async () => {
    const { repos, signed, stored } = await signedNote();
    const error = (await repos.sessions
      .addAddendum(signed.id, { text: 'Something', reason: '  ', author: 'Anna' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toContain(`reason: ${SESSION_NOTE_MESSAGES.addendumReason}`);
    await expect(
      repos.sessions.addAddendum(signed.id, { text: '', reason: 'Late entry', author: 'Anna' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await repos.db.sessions.get(signed.id)).toEqual(stored);
    expect((await repos.audit.listForNote(signed.id)).map((e) => e.action)).toEqual(['created', 'signed']);

    const draft = await repos.sessions.createDraft(signed.clientId);
    await expect(
      repos.sessions.addAddendum(draft.id, { text: 'x', reason: 'y', author: 'Anna' }),
    ).rejects.toThrow(SESSION_NOTE_MESSAGES.addendaOnDraft);
  });
});
