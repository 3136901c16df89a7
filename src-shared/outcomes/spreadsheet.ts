import { type Client, clientDisplayName } from '../domain/client';
import type { CsvColumn, CsvValue } from '../exports/csv';
import type { OutcomeProfile, OutcomeScore } from './schemas';
import { changeFromBaseline, profileScore } from './score';
import { durationLabel } from './wording';

/**
 * outcomes.csv in the spreadsheet export: one row per outcome score (baseline and follow-ups),
 * with the profile's words repeated on each row so a spreadsheet can filter and chart it alone.
 * Documented in docs/export-formats.md ("outcomes.csv"); add columns at the end only.
 */

export const OUTCOMES_CSV_FILE_NAME = 'outcomes.csv';

export interface OutcomeSheetRow {
  client: Client;
  profile: OutcomeProfile;
  score: OutcomeScore;
  /** The profile's baseline, for the change (null when it has none). */
  baseline: OutcomeScore | null;
}

const num = (value: number | null | undefined): CsvValue =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) / 100 : null;

function column(
  name: string,
  description: string,
  format: string,
  value: (row: OutcomeSheetRow) => CsvValue,
): CsvColumn<OutcomeSheetRow> {
  return { name, description, format, value };
}

const SCORE = 'whole number 0-6 (0 best, 6 worst); empty: not scored';

export const OUTCOME_COLUMNS: readonly CsvColumn<OutcomeSheetRow>[] = [
  column('score_id', "Stillpoint's permanent id for the scores", 'text', (r) => r.score.id),
  column('client_id', 'The client (client_id in clients.csv)', 'text', (r) => r.client.id),
  column('client_name', "The client's name as shown in Stillpoint", 'text', (r) =>
    clientDisplayName(r.client),
  ),
  column('profile_id', 'The outcome profile the scores belong to', 'text', (r) => r.profile.id),
  column('symptom_1', "Main symptom, in the client's own words", 'text', (r) => r.profile.symptom1),
  column('symptom_1_duration', 'How long the client had had the main symptom', 'text', (r) =>
    durationLabel(r.profile.symptom1Duration),
  ),
  column('symptom_2', "Second symptom, in the client's own words", 'text', (r) => r.profile.symptom2 ?? ''),
  column('activity', "Activity, in the client's own words", 'text', (r) => r.profile.activity ?? ''),
  column('kind', 'baseline (the first scores) or follow-up', 'baseline / follow-up', (r) => r.score.kind),
  column('date', 'The day the scores describe (the past week up to it)', 'YYYY-MM-DD', (r) => r.score.date),
  column(
    'session_id',
    'The session they were given at (session_id in sessions.csv); empty: a call or message',
    'text',
    (r) => r.score.sessionId ?? '',
  ),
  column('symptom_1_score', 'Score of the main symptom', SCORE, (r) => num(r.score.scores.symptom1)),
  column('symptom_2_score', 'Score of the second symptom', SCORE, (r) => num(r.score.scores.symptom2)),
  column('activity_score', 'Score of the activity', SCORE, (r) => num(r.score.scores.activity)),
  column('wellbeing_score', 'Score of general wellbeing', SCORE, (r) => num(r.score.scores.wellbeing)),
  column('profile_score', 'Mean of the item scores present', 'number, 2 decimals', (r) =>
    num(profileScore(r.score.scores)),
  ),
  column(
    'change_from_baseline',
    'Profile score minus the baseline profile score (negative: lower)',
    'number, 2 decimals',
    (r) =>
      r.baseline && r.baseline.id !== r.score.id
        ? num(changeFromBaseline(r.baseline.scores, r.score.scores))
        : null,
  ),
  column(
    'recorded_at',
    'When the scores were recorded',
    'ISO 8601 date and time, UTC',
    (r) => r.score.recordedAt,
  ),
];
