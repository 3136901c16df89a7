import type { OutcomeScore } from '../../../src-shared/outcomes/schemas';
import { profileScore, scoresInOrder } from '../../../src-shared/outcomes/score';

/** uPlot's columns for one profile: x in seconds (local midnight), the profile score, the baseline. */
export interface OutcomeColumns {
  x: number[];
  profile: (number | null)[];
  baseline: number | null;
}

export function outcomeColumns(scores: readonly OutcomeScore[]): OutcomeColumns {
  const ordered = scoresInOrder(scores);
  const columns: OutcomeColumns = { x: [], profile: [], baseline: null };
  let lastDay = '';
  let sameDay = 0;
  for (const score of ordered) {
    // Two scorings on one day a few hours apart, so the line stays readable.
    sameDay = score.date === lastDay ? sameDay + 1 : 0;
    lastDay = score.date;
    const [y, m, d] = score.date.split('-').map(Number) as [number, number, number];
    columns.x.push(new Date(y, m - 1, d).getTime() / 1000 + sameDay * 3 * 3600);
    columns.profile.push(profileScore(score.scores));
    if (score.kind === 'baseline' && columns.baseline === null) columns.baseline = profileScore(score.scores);
  }
  return columns;
}
