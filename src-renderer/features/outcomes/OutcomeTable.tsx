import type { OutcomeProfile, OutcomeScore } from '../../../src-shared/outcomes/schemas';
import { formatChange, formatScore, scoreRows } from '../../../src-shared/outcomes/score';
import { formatDate } from '../../app/format';
import { itemLabels } from './labels';

/** Every scoring of a profile as a table: the chart's values for the keyboard and screen readers. */
export function OutcomeTable({
  profile,
  scores,
}: {
  profile: OutcomeProfile;
  scores: readonly OutcomeScore[];
}) {
  const items = itemLabels(profile);
  const rows = scoreRows(scores);
  return (
    <table className="outcome-table">
      <caption className="visually-hidden">Scores of the outcome profile, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {items.map(({ item, label }) => (
            <th key={item} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">Profile score</th>
          <th scope="col">Change from baseline</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.score.id}>
            <th scope="row">
              {formatDate(row.score.date)}
              {row.score.kind === 'baseline' ? ' (baseline)' : row.score.sessionId === null ? ' (call)' : ''}
            </th>
            {items.map(({ item }) => (
              <td key={item}>{row.score.scores[item] ?? '–'}</td>
            ))}
            <td>{row.profileScore === null ? '–' : formatScore(row.profileScore)}</td>
            <td>{row.change === null ? '–' : formatChange(row.change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
