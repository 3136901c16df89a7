import { z } from 'zod';
import { IsoDateSchema, TimestampSchema } from '../domain/dates';
import { IdSchema } from '../domain/ids';
import { DURATIONS, OUTCOME_ITEMS, OUTCOME_MESSAGES, SCORE_MAX, SCORE_MIN } from './wording';

/**
 * Outcome profiles the client chooses (schema version 5): their own words for what matters to
 * them, scored 0-6 at the start (the baseline) and again at later sessions or calls, and the
 * after-effects follow-up after a signed session.
 */

const WORDS_MAX = 200;

/** One item's score: a whole number 0-6, or null when not scored this time. */
export const ItemScoreSchema = z
  .number({ message: OUTCOME_MESSAGES.score })
  .int({ message: OUTCOME_MESSAGES.score })
  .min(SCORE_MIN, { message: OUTCOME_MESSAGES.score })
  .max(SCORE_MAX, { message: OUTCOME_MESSAGES.score })
  .nullable();

export const ItemScoresSchema = z.object({
  symptom1: ItemScoreSchema,
  symptom2: ItemScoreSchema,
  activity: ItemScoreSchema,
  wellbeing: ItemScoreSchema,
});
export type ItemScores = z.infer<typeof ItemScoresSchema>;

export const DurationSchema = z.enum(DURATIONS.map((d) => d.id) as [string, ...string[]], {
  message: OUTCOME_MESSAGES.durationMissing,
});

const requiredWords = z
  .string()
  .trim()
  .min(1, { message: OUTCOME_MESSAGES.symptomMissing })
  .max(WORDS_MAX, { message: OUTCOME_MESSAGES.wordsTooLong });
/** Optional words: empty means the client named none (stored as null). */
const optionalWords = z.string().trim().max(WORDS_MAX, { message: OUTCOME_MESSAGES.wordsTooLong }).nullable();

export const ProfileWordsSchema = z.object({
  symptom1: requiredWords,
  symptom2: optionalWords.transform((v) => (v ? v : null)),
  activity: optionalWords.transform((v) => (v ? v : null)),
  symptom1Duration: DurationSchema,
});
export type ProfileWords = z.infer<typeof ProfileWordsSchema>;

export const OutcomeProfileSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  /** The session it was set up at (null: set up outside a session). */
  startedInSessionId: IdSchema.nullable(),
  symptom1: requiredWords,
  symptom2: optionalWords,
  activity: optionalWords,
  symptom1Duration: DurationSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type OutcomeProfile = z.infer<typeof OutcomeProfileSchema>;

export const SCORE_KINDS = ['baseline', 'follow-up'] as const;

export const OutcomeScoreSchema = z.object({
  id: IdSchema,
  profileId: IdSchema,
  clientId: IdSchema,
  /** The session the scores were given at (null: a call or a message). */
  sessionId: IdSchema.nullable(),
  kind: z.enum(SCORE_KINDS),
  /** The day the scores describe (the past week up to it). */
  date: IsoDateSchema,
  scores: ItemScoresSchema,
  recordedAt: TimestampSchema,
});
export type OutcomeScore = z.infer<typeof OutcomeScoreSchema>;

/** Items the profile has words for: only those can be scored. */
export function profileItems(profile: Pick<OutcomeProfile, 'symptom2' | 'activity'>) {
  return OUTCOME_ITEMS.filter(
    (item) =>
      (item !== 'symptom2' || profile.symptom2 !== null) &&
      (item !== 'activity' || profile.activity !== null),
  );
}

/** Problems with scores for `profile`: by field ("scores.activity"), for messages beside fields. */
export function scoreProblems(
  profile: Pick<OutcomeProfile, 'symptom2' | 'activity'>,
  scores: ItemScores,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const allowed = new Set<string>(profileItems(profile));
  for (const item of OUTCOME_ITEMS) {
    if (scores[item] !== null && !allowed.has(item))
      problems[`scores.${item}`] = OUTCOME_MESSAGES.itemNotInProfile;
  }
  if (OUTCOME_ITEMS.every((item) => scores[item] === null)) problems.scores = OUTCOME_MESSAGES.noScore;
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The after-effects follow-up

export const FOLLOW_UP_OUTCOMES = ['no-reactions', 'after-effects'] as const;
export const FOLLOW_UP_CONTACTS = ['call', 'message', 'in-person'] as const;
export const FOLLOW_UP_CONTACT_LABELS: Readonly<Record<(typeof FOLLOW_UP_CONTACTS)[number], string>> = {
  call: 'Phone call',
  message: 'Message',
  'in-person': 'In person',
};

/** The follow-up's notes, at most this many characters. */
const FOLLOW_UP_NOTES_MAX = 2_000;
/** Settings > Follow-up: the days after a signed session, from and to. */
const FOLLOW_UP_DAYS = { min: 1, max: 30 } as const;

/**
 * The follow-up's own messages, English like every schema's; the screens show each in the
 * reader's language, key `validation.followUp.<name>` (src-shared/i18n/field-messages.ts), the
 * numbers as placeholders there.
 */
export const FOLLOW_UP_MESSAGES = {
  notesTooLong: `Keep the notes under ${FOLLOW_UP_NOTES_MAX.toLocaleString('en')} characters`,
  days: `Enter a number of days from ${FOLLOW_UP_DAYS.min} to ${FOLLOW_UP_DAYS.max}`,
  wholeDays: `Enter a whole number of days from ${FOLLOW_UP_DAYS.min} to ${FOLLOW_UP_DAYS.max}`,
} as const;

export const FollowUpSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  /** The signed session this follow-up is about. */
  sessionId: IdSchema,
  date: IsoDateSchema,
  contact: z.enum(FOLLOW_UP_CONTACTS),
  /** "No reactions", or after-effects (saved as after-effect reports against the session). */
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  notes: z.string().max(FOLLOW_UP_NOTES_MAX, { message: FOLLOW_UP_MESSAGES.notesTooLong }),
  recordedAt: TimestampSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const FollowUpInputSchema = FollowUpSchema.pick({
  date: true,
  contact: true,
  outcome: true,
  notes: true,
});
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

/** Settings > Follow-up: how many days after a signed session "Follow up" is shown. */
export const FOLLOW_UP_SETTINGS_KEY = 'follow-up';
export const FollowUpSettingsSchema = z.object({
  days: z
    .number({ message: FOLLOW_UP_MESSAGES.days })
    .int({ message: FOLLOW_UP_MESSAGES.wholeDays })
    .min(FOLLOW_UP_DAYS.min, { message: FOLLOW_UP_MESSAGES.days })
    .max(FOLLOW_UP_DAYS.max, { message: FOLLOW_UP_MESSAGES.days }),
});
export type FollowUpSettings = z.infer<typeof FollowUpSettingsSchema>;
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { days: 3 };
