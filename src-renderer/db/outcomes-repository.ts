import type { IsoDate } from '../../src-shared/domain/dates';
import type { Id } from '../../src-shared/domain/ids';
import { newId } from '../../src-shared/domain/ids';
import {
  type ItemScores,
  ItemScoresSchema,
  type OutcomeProfile,
  OutcomeProfileSchema,
  type OutcomeScore,
  OutcomeScoreSchema,
  type ProfileWords,
  ProfileWordsSchema,
  scoreProblems,
} from '../../src-shared/outcomes/schemas';
import { scoresInOrder } from '../../src-shared/outcomes/score';
import { OUTCOME_MESSAGES } from '../../src-shared/outcomes/wording';
import { parseStrict, parseWith, ValidationError } from '../../src-shared/validation';
import type { SessionLookup } from './after-effects-repository';
import { type Clock, systemClock } from './clients-repository';
import type { StillpointDatabase } from './database';

/** Thrown when the words of a scored profile would change; the message says what to do instead. */
export class WordsLockedError extends Error {
  constructor() {
    super(OUTCOME_MESSAGES.wordsLocked);
    this.name = 'WordsLockedError';
  }
}

export interface ProfileSetup {
  words: ProfileWords;
  baseline: ItemScores;
  /** The session it is set up at, and the day the baseline describes. */
  sessionId: Id | null;
  date: IsoDate;
}

/**
 * The only code that touches the outcomeProfiles and outcomeScores tables. A profile holds the
 * client's own words; its scores compare only while the words stay the same, so the words are
 * locked once a score exists (a new problem gets a new profile, and the old one stays). Scores
 * are never edited: a mistake is corrected by scoring again.
 */
export class OutcomesRepository {
  private readonly clock: Clock;
  private readonly findSession: SessionLookup;

  constructor(
    private readonly db: StillpointDatabase,
    deps: { findSession: SessionLookup; clock?: Clock },
  ) {
    this.clock = deps.clock ?? systemClock;
    this.findSession = deps.findSession;
  }

  /** A new profile with its baseline scores, saved together or not at all. */
  async createProfile(
    clientId: Id,
    setup: ProfileSetup,
  ): Promise<{ profile: OutcomeProfile; baseline: OutcomeScore }> {
    const words = parseWith(ProfileWordsSchema, setup.words, 'The outcome profile');
    const baselineScores = parseWith(ItemScoresSchema, setup.baseline, 'The first scores');
    const problems = scoreProblems(words, baselineScores);
    if (Object.keys(problems).length > 0)
      throw new ValidationError(
        'The first scores',
        Object.entries(problems).map(([k, v]) => `${k}: ${v}`),
      );
    const { db } = this;
    return db.transaction('rw', [db.outcomeProfiles, db.outcomeScores, db.sessions, db.clients], async () => {
      if (!(await db.clients.get(clientId))) throw new Error('This client no longer exists.');
      await this.checkSession(setup.sessionId, clientId);
      const now = this.clock.now().toISOString();
      const profile = parseWith(
        OutcomeProfileSchema,
        {
          id: newId(),
          clientId,
          startedInSessionId: setup.sessionId,
          ...words,
          createdAt: now,
          updatedAt: now,
        },
        'The outcome profile',
      );
      const baseline = parseWith(
        OutcomeScoreSchema,
        {
          id: newId(),
          profileId: profile.id,
          clientId,
          sessionId: setup.sessionId,
          kind: 'baseline',
          date: setup.date,
          scores: baselineScores,
          recordedAt: now,
        },
        'The first scores',
      );
      await db.outcomeProfiles.add(profile);
      await db.outcomeScores.add(baseline);
      return { profile, baseline };
    });
  }

  /** Changes the words of a profile nobody has scored yet; refused once it has scores. */
  async updateWords(profileId: Id, input: ProfileWords): Promise<OutcomeProfile> {
    const words = parseWith(ProfileWordsSchema, input, 'The outcome profile');
    const { db } = this;
    return db.transaction('rw', db.outcomeProfiles, db.outcomeScores, async () => {
      const profile = await this.getProfile(profileId);
      if (!profile) throw new Error('This outcome profile no longer exists.');
      if ((await db.outcomeScores.where('profileId').equals(profileId).count()) > 0)
        throw new WordsLockedError();
      const updated = parseWith(
        OutcomeProfileSchema,
        { ...profile, ...words, updatedAt: this.clock.now().toISOString() },
        'The outcome profile',
      );
      await db.outcomeProfiles.put(updated);
      return updated;
    });
  }

  /** Scores at a later session (sessionId) or on a call (null), with the profile's words. */
  async addFollowUpScores(
    profileId: Id,
    input: { scores: ItemScores; sessionId: Id | null; date: IsoDate },
  ): Promise<OutcomeScore> {
    const { db } = this;
    return db.transaction('rw', db.outcomeProfiles, db.outcomeScores, db.sessions, async () => {
      const profile = await this.getProfile(profileId);
      if (!profile) throw new Error('This outcome profile no longer exists.');
      await this.checkSession(input.sessionId, profile.clientId);
      const scores = parseWith(ItemScoresSchema, input.scores, 'The scores');
      const problems = Object.entries(scoreProblems(profile, scores)).map(([k, v]) => `${k}: ${v}`);
      const baseline = (await this.listScores(profileId)).find((s) => s.kind === 'baseline');
      if (baseline && input.date < baseline.date)
        problems.push(`date: ${OUTCOME_MESSAGES.scoreBeforeBaseline}`);
      const record = parseStrict(
        OutcomeScoreSchema,
        {
          id: newId(),
          profileId,
          clientId: profile.clientId,
          sessionId: input.sessionId,
          kind: 'follow-up',
          date: input.date,
          scores,
          recordedAt: this.clock.now().toISOString(),
        },
        'The scores',
        problems,
      );
      await db.outcomeScores.add(record);
      return record;
    });
  }

  async getProfile(id: Id): Promise<OutcomeProfile | undefined> {
    const row = await this.db.outcomeProfiles.get(id);
    return row ? OutcomeProfileSchema.parse(row) : undefined;
  }

  /** The client's profiles, oldest first; the last one is the one being scored now. */
  async listProfiles(clientId: Id): Promise<OutcomeProfile[]> {
    const rows = await this.db.outcomeProfiles.where('clientId').equals(clientId).toArray();
    return rows
      .map((row) => OutcomeProfileSchema.parse(row))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  async currentProfile(clientId: Id): Promise<OutcomeProfile | null> {
    return (await this.listProfiles(clientId)).at(-1) ?? null;
  }

  /** A profile's scores in the order they were given (baseline first). */
  async listScores(profileId: Id): Promise<OutcomeScore[]> {
    const rows = await this.db.outcomeScores.where('profileId').equals(profileId).toArray();
    return scoresInOrder(rows.map((row) => OutcomeScoreSchema.parse(row)));
  }

  async listScoresForClient(clientId: Id): Promise<OutcomeScore[]> {
    const rows = await this.db.outcomeScores.where('clientId').equals(clientId).toArray();
    return scoresInOrder(rows.map((row) => OutcomeScoreSchema.parse(row)));
  }

  /** Scores given at one session (a follow-up, or the baseline of a profile set up there). */
  async listScoresForSession(sessionId: Id): Promise<OutcomeScore[]> {
    const rows = await this.db.outcomeScores.where('sessionId').equals(sessionId).toArray();
    return scoresInOrder(rows.map((row) => OutcomeScoreSchema.parse(row)));
  }

  private async checkSession(sessionId: Id | null, clientId: Id): Promise<void> {
    if (sessionId === null) return;
    const session = await this.findSession(sessionId);
    if (!session) throw new Error('The session these scores belong to no longer exists.');
    if (session.clientId !== clientId) throw new Error('Scores belong to a session of the same client.');
  }
}
