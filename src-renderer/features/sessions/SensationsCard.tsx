import { memo } from 'react';
import { SENSATIONS } from '../../../src-shared/domain/sensations';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { toggleSensation } from './draft-edits';
import { sensationName } from './session-labels';

/** "Sensations" the client reported (pick list and their own words), and what the therapist saw. */
export const SensationsCard = memo(function SensationsCard() {
  const t = useT();
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const sensations = useDraftValue((d) => d.sensations);
  const observations = useDraftValue((d) => d.observations);
  const emotionalRelease = useDraftValue((d) => d.emotionalRelease);
  const selected = new Set(sensations.selected);
  const sensationError = Object.entries(errors).find(([key]) => key.startsWith('sensations.selected'))?.[1];
  return (
    <section className="card" aria-labelledby="sensations-title">
      <h2 id="sensations-title">{t('sessions.sensations.title')}</h2>
      <fieldset className="sensation-choices" data-path="sensations.selected">
        <legend className="visually-hidden">{t('sessions.sensations.legend')}</legend>
        {SENSATIONS.map((sensation) => (
          <label key={sensation.id} className={`choice-chip${selected.has(sensation.id) ? ' checked' : ''}`}>
            <input
              type="checkbox"
              checked={selected.has(sensation.id)}
              onChange={(e) => update((d) => toggleSensation(d, sensation.id, e.target.checked))}
            />
            {sensationName(t, sensation.id)}
          </label>
        ))}
      </fieldset>
      {sensationError && (
        <span className="field-error" role="alert">
          {fieldMessage(t, sensationError)}
        </span>
      )}
      <div className="form-grid sensations-text">
        <Field label={t('sessions.sensations.other')} error={errors['sensations.other']} wide>
          <input
            type="text"
            autoComplete="off"
            data-path="sensations.other"
            value={sensations.other}
            onChange={(e) =>
              update((d) => ({ ...d, sensations: { ...d.sensations, other: e.target.value } }))
            }
          />
        </Field>
        <Field label={t('sessions.sensations.observations')} error={errors.observations} wide>
          <textarea
            rows={2}
            data-path="observations"
            value={observations}
            onChange={(e) => update((d) => ({ ...d, observations: e.target.value }))}
          />
        </Field>
        <Field label={t('sessions.sensations.emotionalRelease')} error={errors.emotionalRelease} wide>
          <textarea
            rows={2}
            data-path="emotionalRelease"
            value={emotionalRelease}
            onChange={(e) => update((d) => ({ ...d, emotionalRelease: e.target.value }))}
          />
        </Field>
      </div>
    </section>
  );
});
