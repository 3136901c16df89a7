import { type OutcomeItem, SCORE_MAX, SCORE_MIN } from '../../../src-shared/outcomes/wording';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import type { ScoreTexts } from './form-errors';

/**
 * One 0-6 box per item the profile has, labelled with the client's own words (shown back
 * unchanged at every later score), and wellbeing. A number typed outside 0-6 gets its message
 * beside the box.
 */
export function ScoreInputs({
  items,
  values,
  errors,
  onChange,
}: {
  items: readonly { item: OutcomeItem; label: string }[];
  values: ScoreTexts;
  errors: Record<string, string>;
  onChange: (item: OutcomeItem, value: string) => void;
}) {
  const t = useT();
  return (
    <fieldset className="score-inputs">
      <legend>{t('outcomes.scale.title')}</legend>
      <p className="field-hint">{t('outcomes.scale.hint')}</p>
      <div className="score-grid">
        {items.map(({ item, label }) => (
          <Field key={item} label={label} error={errors[item]}>
            <input
              type="number"
              inputMode="numeric"
              min={SCORE_MIN}
              max={SCORE_MAX}
              step={1}
              className="score-input"
              value={values[item]}
              onChange={(event) => onChange(item, event.target.value)}
            />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
