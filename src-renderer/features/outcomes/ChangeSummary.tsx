import { describeChange } from '../../../src-shared/outcomes/score';
import { changeNumber, changeWords } from '../../../src-shared/outcomes/words';
import { useT } from '../../app/i18n';

/** The latest change from the baseline in words, with the literature's hint beside it (never a verdict). */
export function ChangeSummary({ change }: { change: number | null }) {
  const t = useT();
  if (change === null) return <p className="muted outcome-change">{t('outcomes.change.none')}</p>;
  const described = describeChange(change);
  return (
    <div className="outcome-change" data-testid="outcome-change">
      <p>
        <strong>{t('outcomes.change.fromBaseline', { change: changeNumber(t, change) })}</strong>{' '}
        {t('outcomes.change.described', { description: changeWords(t, change) })}
      </p>
      <p className="field-hint">
        {t('outcomes.change.hint')}{' '}
        {t(described.reachesHint ? 'outcomes.change.reaches' : 'outcomes.change.below')}
      </p>
    </div>
  );
}
