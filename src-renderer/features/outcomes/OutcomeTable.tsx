import type { OutcomeProfile, OutcomeScore } from '../../../src-shared/outcomes/schemas';
import { scoreRows } from '../../../src-shared/outcomes/score';
import { changeNumber, scoreNumber } from '../../../src-shared/outcomes/words';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { itemLabels } from './labels';

/** Every scoring of a profile as a table: the chart's values for the keyboard and screen readers. */
export function OutcomeTable({
  profile,
  scores,
}: {
  profile: OutcomeProfile;
  scores: readonly OutcomeScore[];
}) {
  const t = useT();
  const items = itemLabels(t, profile);
  const rows = scoreRows(scores);
  return (
    <table className="outcome-table">
      <caption className="visually-hidden">{t('outcomes.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outcomes.table.date')}</th>
          {items.map(({ item, label }) => (
            <th key={item} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">{t('outcomes.table.profileScore')}</th>
          <th scope="col">{t('outcomes.table.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.score.id}>
            <th scope="row">
              {row.score.kind === 'baseline'
                ? t('outcomes.table.baselineDate', { date: formatDate(row.score.date) })
                : row.score.sessionId === null
                  ? t('outcomes.table.callDate', { date: formatDate(row.score.date) })
                  : formatDate(row.score.date)}
            </th>
            {items.map(({ item }) => (
              <td key={item}>{row.score.scores[item] ?? '–'}</td>
            ))}
            <td>{row.profileScore === null ? '–' : scoreNumber(t, row.profileScore)}</td>
            <td>{row.change === null ? '–' : changeNumber(t, row.change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
