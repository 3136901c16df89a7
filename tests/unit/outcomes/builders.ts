import { FollowUpsRepository } from '../../../src-renderer/db/follow-ups-repository';
import { OutcomesRepository } from '../../../src-renderer/db/outcomes-repository';
import type { openRepositories } from '../db/helpers';

type Repos = ReturnType<typeof openRepositories>;

/**
 * An outcome profile in the client's own words (unicode included) with its baseline at the
 * signed session and a follow-up score on a call, and a follow-up after that session.
 */
export async function seedOutcomes(repos: Repos, clientId: string, signedSessionId: string) {
  const findSession = (id: string) => repos.sessions.get(id);
  const outcomes = new OutcomesRepository(repos.db, { findSession, clock: repos.clock });
  const followUps = new FollowUpsRepository(repos.db, { findSession, clock: repos.clock });
  const { profile } = await outcomes.createProfile(clientId, {
    words: {
      symptom1: 'Kopfschmerz „hinten“',
      symptom2: 'Σφίξιμο στο σαγόνι',
      activity: '',
      symptom1Duration: '3-12-months',
    },
    baseline: { symptom1: 5, symptom2: 4, activity: null, wellbeing: 3 },
    sessionId: signedSessionId,
    date: '2025-03-04',
  });
  await outcomes.addFollowUpScores(profile.id, {
    scores: { symptom1: 3, symptom2: null, activity: null, wellbeing: 2 },
    sessionId: null,
    date: '2025-03-06',
  });
  await followUps.record(signedSessionId, {
    date: '2025-03-06',
    contact: 'call',
    outcome: 'no-reactions',
    notes: 'Gut geschlafen',
  });
  return { profile };
}
