import type { ItemScores, OutcomeScore } from './schemas';
import { CHANGE_HINT, MEANINGFUL_CHANGE, OUTCOME_ITEMS } from './wording';

/**
 * The profile score and the change from the baseline. The profile score is the mean of the
 * item scores present (an item not scored this time, or not in the profile, is left out rather
 * than counted as 0). A change is the later score minus the baseline: negative means the scores
 * went down, towards "the best it could be".
 */

/** Floating-point slack: means of whole numbers (e.g. 1/3) must not miss the threshold by 1e-16. */
const EPSILON = 1e-9;

export function profileScore(scores: ItemScores): number | null {
  const present = OUTCOME_ITEMS.map((item) => scores[item]).filter((s): s is number => s !== null);
  if (present.length === 0) return null;
  return present.reduce((sum, s) => sum + s, 0) / present.length;
}

export function changeFromBaseline(baseline: ItemScores, later: ItemScores): number | null {
  const before = profileScore(baseline);
  const after = profileScore(later);
  if (before === null || after === null) return null;
  const change = after - before;
  // 2.3333 - 1.3333 must read as exactly 1, not 0.99999999.
  return Math.abs(change - Math.round(change)) < EPSILON ? Math.round(change) : change;
}

/** One item's change, when both scores have it. */
export function itemChange(baseline: ItemScores, later: ItemScores, item: keyof ItemScores): number | null {
  const before = baseline[item];
  const after = later[item];
  return before === null || after === null ? null : after - before;
}

/** A score as people write it: "3", "3.5", "3.67". */
export function formatScore(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded);
}

/**
 * "−1.5", "+0.25", "0": a change with its sign. `minus`: the PDF fonts have no U+2212, so the
 * PDF passes the hyphen-minus.
 */
export function formatChange(change: number, minus = '−'): string {
  const text = formatScore(Math.abs(change));
  if (text === '0') return '0';
  return change < 0 ? `${minus}${text}` : `+${text}`;
}

export interface ChangeDescription {
  /** Factual: the number and its direction, nothing about why. */
  text: string;
  /** Whether the change is 1 or more either way (the hint applies), never a verdict. */
  reachesHint: boolean;
  hint: string;
}

export function describeChange(change: number): ChangeDescription {
  const size = formatScore(Math.abs(change));
  const text =
    size === '0'
      ? 'The same as at the start'
      : change < 0
        ? `${size} lower than at the start (lower is better)`
        : `${size} higher than at the start (higher is worse)`;
  return { text, reachesHint: Math.abs(change) + EPSILON >= MEANINGFUL_CHANGE, hint: CHANGE_HINT };
}

/** Scores in the order they were given: by date, the baseline first on its day, then when recorded. */
export function scoresInOrder(scores: readonly OutcomeScore[]): OutcomeScore[] {
  return [...scores].sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.kind !== b.kind) return a.kind === 'baseline' ? -1 : 1;
    return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
  });
}

export interface ScoreRow {
  score: OutcomeScore;
  profileScore: number | null;
  /** Change of the profile score from the baseline (null for the baseline itself). */
  change: number | null;
}

/** Each score with its profile score and its change from the profile's baseline. */
export function scoreRows(scores: readonly OutcomeScore[]): ScoreRow[] {
  const ordered = scoresInOrder(scores);
  const baseline = ordered.find((s) => s.kind === 'baseline') ?? null;
  return ordered.map((score) => ({
    score,
    profileScore: profileScore(score.scores),
    change: baseline && score !== baseline ? changeFromBaseline(baseline.scores, score.scores) : null,
  }));
}

/** The latest change from the baseline (null until a follow-up has a score). */
export function latestChange(scores: readonly OutcomeScore[]): number | null {
  const rows = scoreRows(scores);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.change !== null) return row.change;
  }
  return null;
}
