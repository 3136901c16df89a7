import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FollowUpsRepository } from '../../../src-renderer/db/follow-ups-repository';
import { OutcomesRepository, WordsLockedError } from '../../../src-renderer/db/outcomes-repository';
import { OUTCOME_MESSAGES } from '../../../src-shared/outcomes/wording';
import { ValidationError } from '../../../src-shared/validation';
import { addClient, filledIn, openRepositories } from './helpers';

const WORDS = {
  symptom1: 'Headache behind my eyes',
  symptom2: '',
  activity: 'Working at the computer',
  symptom1Duration: '1-5-years',
};
const BASELINE = { symptom1: 5, symptom2: null, activity: 4, wellbeing: 3 };

async function practice() {
  const repos = openRepositories();
  const findSession = (id: string) => repos.sessions.get(id);
  const outcomes = new OutcomesRepository(repos.db, { findSession, clock: repos.clock });
  const followUps = new FollowUpsRepository(repos.db, { findSession, clock: repos.clock });
  const client = await addClient(repos.clients);
  const draft = await repos.sessions.createDraft(client.id);
  await repos.sessions.saveDraft({ ...filledIn(draft), serviceDate: '2025-03-04' });
  await repos.sessions.sign(draft.id, 'Anna Therapist');
  return { repos, outcomes, followUps, client, session: draft };
}

describe('outcome profiles and scores', () => {
  it('a profile is set up with its baseline, and follow-ups give the change', async () => {
    const { outcomes, client, session } = await practice();
    const { profile, baseline } = await outcomes.createProfile(client.id, {
      words: WORDS,
      baseline: BASELINE,
      sessionId: session.id,
      date: '2025-03-04',
    });
    expect(profile).toMatchObject({
      symptom1: 'Headache behind my eyes',
      symptom2: null,
      startedInSessionId: session.id,
    });
    expect(baseline.kind).toBe('baseline');
    await outcomes.addFollowUpScores(profile.id, {
      scores: { symptom1: 3, symptom2: null, activity: null, wellbeing: 2 },
      sessionId: null,
      date: '2025-03-11',
    });
    const scores = await outcomes.listScores(profile.id);
    expect(scores.map((s) => s.kind)).toEqual(['baseline', 'follow-up']);
    expect(await outcomes.listScoresForSession(session.id)).toHaveLength(1);
  });

  it('a profile without a symptom, and scores outside 0-6, are refused naming the field', async () => {
    const { outcomes, client, repos } = await practice();
    const noSymptom = (await outcomes
      .createProfile(client.id, {
        words: { ...WORDS, symptom1: '  ' },
        baseline: BASELINE,
        sessionId: null,
        date: '2025-03-04',
      })
      .catch((e: unknown) => e)) as ValidationError;
    expect(noSymptom).toBeInstanceOf(ValidationError);
    expect(noSymptom.issues).toContain(`symptom1: ${OUTCOME_MESSAGES.symptomMissing}`);
    const outOfRange = (await outcomes
      .createProfile(client.id, {
        words: WORDS,
        baseline: { ...BASELINE, wellbeing: 7 },
        sessionId: null,
        date: '2025-03-04',
      })
      .catch((e: unknown) => e)) as ValidationError;
    expect(outOfRange.issues).toContain(`wellbeing: ${OUTCOME_MESSAGES.score}`);
    const secondNotInProfile = (await outcomes
      .createProfile(client.id, {
        words: WORDS,
        baseline: { ...BASELINE, symptom2: 2 },
        sessionId: null,
        date: '2025-03-04',
      })
      .catch((e: unknown) => e)) as ValidationError;
    expect(secondNotInProfile.issues).toContain(`scores.symptom2: ${OUTCOME_MESSAGES.itemNotInProfile}`);
    expect(await repos.db.outcomeProfiles.count()).toBe(0);
    expect(await repos.db.outcomeScores.count()).toBe(0);
  });

  it('the words of a scored profile are locked; a new profile keeps the old one', async () => {
    const { outcomes, client } = await practice();
    const { profile } = await outcomes.createProfile(client.id, {
      words: WORDS,
      baseline: BASELINE,
      sessionId: null,
      date: '2025-03-04',
    });
    const refused = await outcomes
      .updateWords(profile.id, { ...WORDS, symptom1: 'Migraine' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WordsLockedError);
    expect((refused as Error).message).toBe(OUTCOME_MESSAGES.wordsLocked);
    expect((await outcomes.getProfile(profile.id))?.symptom1).toBe('Headache behind my eyes');
    const { profile: second } = await outcomes.createProfile(client.id, {
      words: { ...WORDS, symptom1: 'Stiff neck' },
      baseline: { symptom1: 4, symptom2: null, activity: 3, wellbeing: 3 },
      sessionId: null,
      date: '2025-04-01',
    });
    expect((await outcomes.listProfiles(client.id)).map((p) => p.id)).toEqual([profile.id, second.id]);
    expect((await outcomes.currentProfile(client.id))?.id).toBe(second.id);
  });

  it('words not yet scored can change (a profile restored without scores)', async () => {
    const { outcomes, client, repos } = await practice();
    const { profile, baseline } = await outcomes.createProfile(client.id, {
      words: WORDS,
      baseline: BASELINE,
      sessionId: null,
      date: '2025-03-04',
    });
    await repos.db.outcomeScores.delete(baseline.id);
    expect((await outcomes.updateWords(profile.id, { ...WORDS, symptom1: 'Migraine' })).symptom1).toBe(
      'Migraine',
    );
  });

  it('a follow-up score dated before the baseline is refused', async () => {
    const { outcomes, client } = await practice();
    const { profile } = await outcomes.createProfile(client.id, {
      words: WORDS,
      baseline: BASELINE,
      sessionId: null,
      date: '2025-03-04',
    });
    const error = (await outcomes
      .addFollowUpScores(profile.id, { scores: BASELINE, sessionId: null, date: '2025-03-01' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toContain(`date: ${OUTCOME_MESSAGES.scoreBeforeBaseline}`);
  });
});

describe('the after-effects follow-up', () => {
  it('is due after a signed session for N days, and recording it removes it', async () => {
    const { followUps, client, session } = await practice();
    expect((await followUps.due({ days: 3, today: '2025-03-05' })).map((d) => d.sessionId)).toEqual([
      session.id,
    ]);
    expect(await followUps.due({ days: 3, today: '2025-03-05', clientId: client.id })).toHaveLength(1);
    expect(await followUps.due({ days: 3, today: '2025-03-08' })).toEqual([]);
    await followUps.record(session.id, {
      date: '2025-03-05',
      contact: 'call',
      outcome: 'no-reactions',
      notes: '',
    });
    expect(await followUps.due({ days: 3, today: '2025-03-05' })).toEqual([]);
    expect((await followUps.listForClient(client.id)).map((f) => f.outcome)).toEqual(['no-reactions']);
  });

  it('a follow-up dated before the session, or after a draft, is refused', async () => {
    const { followUps, repos, client, session } = await practice();
    const before = (await followUps
      .record(session.id, { date: '2025-03-03', contact: 'call', outcome: 'no-reactions', notes: '' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(before.issues).toContain(`date: ${OUTCOME_MESSAGES.followUpBeforeSession}`);
    const draft = await repos.sessions.createDraft(client.id);
    await expect(
      followUps.record(draft.id, { date: '2025-03-05', contact: 'call', outcome: 'no-reactions', notes: '' }),
    ).rejects.toThrow(OUTCOME_MESSAGES.followUpUnsigned);
    expect(await repos.db.followUps.count()).toBe(0);
  });

  it('deleting the client removes profiles, scores and follow-ups', async () => {
    const { outcomes, followUps, repos, client, session } = await practice();
    await outcomes.createProfile(client.id, {
      words: WORDS,
      baseline: BASELINE,
      sessionId: session.id,
      date: '2025-03-04',
    });
    await followUps.record(session.id, {
      date: '2025-03-05',
      contact: 'message',
      outcome: 'after-effects',
      notes: '',
    });
    await repos.clients.deleteWithSessions(client.id, { by: 'Anna' });
    expect(await repos.db.outcomeProfiles.count()).toBe(0);
    expect(await repos.db.outcomeScores.count()).toBe(0);
    expect(await repos.db.followUps.count()).toBe(0);
  });
});
