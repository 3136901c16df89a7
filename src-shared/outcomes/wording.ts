/**
 * The words the outcome profile shows the therapist and the client.
 *
 * The structure follows the client-chosen outcome measure described in ../shared/DOMAIN.md
 * ("Outcome measures": one or two symptoms and one activity in the client's own words, and
 * wellbeing, each scored 0-6 over the past week). That measure's authors ask that its published
 * wording is used unchanged, and its exact form text could not be confirmed from a reliable
 * source (only descriptions of it were found), so this wording is Stillpoint's own and the
 * measure's name is not used anywhere in the app (docs/user-guide.md, "Outcomes").
 */

export const OUTCOME_ITEMS = ['symptom1', 'symptom2', 'activity', 'wellbeing'] as const;
export type OutcomeItem = (typeof OUTCOME_ITEMS)[number];

export const SCORE_MIN = 0;
export const SCORE_MAX = 6;

/** The two ends of the 0-6 scale, in our own words. */
export const SCALE_ENDS = {
  best: 'the best it could be',
  worst: 'the worst it could be',
} as const;

export const SCALE_HINT = `0 = ${SCALE_ENDS.best}, 6 = ${SCALE_ENDS.worst}. Think of the past seven days.`;

export const ITEM_LABELS: Readonly<Record<OutcomeItem, string>> = {
  symptom1: 'Main symptom',
  symptom2: 'Second symptom',
  activity: 'Activity',
  wellbeing: 'Wellbeing',
};

/** What the therapist asks for each item, in plain words. */
export const ITEM_QUESTIONS: Readonly<Record<OutcomeItem, string>> = {
  symptom1: 'The symptom that bothers the client most, in their own words',
  symptom2: 'Another symptom, if there is one (optional)',
  activity: 'Something they want to do that the problem makes hard (optional)',
  wellbeing: 'How they have felt in general',
};

export const DURATIONS = [
  { id: 'under-1-month', label: 'Less than a month' },
  { id: '1-3-months', label: '1 to 3 months' },
  { id: '3-12-months', label: '3 months to a year' },
  { id: '1-5-years', label: '1 to 5 years' },
  { id: 'over-5-years', label: 'More than 5 years' },
] as const;
export type DurationId = (typeof DURATIONS)[number]['id'];

export function durationLabel(id: string): string {
  return DURATIONS.find((d) => d.id === id)?.label ?? id;
}

/** A hint, not a verdict: shown beside a change, never as a judgement of it. */
export const MEANINGFUL_CHANGE = 1;
export const CHANGE_HINT = 'A change of 1 or more is what the literature treats as meaningful.';

export const OUTCOME_MESSAGES = {
  score: `Choose a whole number from ${SCORE_MIN} (${SCALE_ENDS.best}) to ${SCORE_MAX} (${SCALE_ENDS.worst})`,
  symptomMissing: "Name at least one symptom, in the client's own words",
  wordsTooLong: 'Keep this under 200 characters',
  noScore: 'Score at least one item',
  itemNotInProfile: 'This profile has no such item, so it cannot be scored',
  wordsLocked:
    'These words have been scored, so they stay as they are: later scores only compare with the same words. Start a new profile for a new problem; this one stays on record.',
  scoreBeforeBaseline: 'A follow-up score is dated on or after the first scores of its profile',
  followUpBeforeSession: 'A follow-up is dated on or after the session it follows',
  followUpUnsigned: 'Follow up after a signed session: this note is still a draft',
  durationMissing: 'Choose how long the client has had the main symptom',
} as const;
