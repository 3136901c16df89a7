import { memo } from 'react';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';

/** What the client brings: chief complaint, pain before, changes since last time. */
export const BeforeSessionCard = memo(function BeforeSessionCard() {
  const t = useT();
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const chiefComplaint = useDraftValue((d) => d.chiefComplaint);
  const painBefore = useDraftValue((d) => d.painBefore);
  const changesSinceLast = useDraftValue((d) => d.changesSinceLast);
  return (
    <section className="card" aria-labelledby="before-title">
      <h2 id="before-title">{t('sessions.beforeSession.title')}</h2>
      <div className="form-grid">
        <Field label={t('sessions.beforeSession.chiefComplaint')} error={errors.chiefComplaint} wide>
          <input
            type="text"
            autoComplete="off"
            data-path="chiefComplaint"
            value={chiefComplaint}
            onChange={(e) => update((d) => ({ ...d, chiefComplaint: e.target.value }))}
          />
        </Field>
        <Field label={t('sessions.beforeSession.painBefore')} error={errors['painBefore.score']}>
          <NumberInput
            data-path="painBefore.score"
            min={0}
            max={10}
            step={1}
            value={painBefore.score}
            onValue={(score) => update((d) => ({ ...d, painBefore: { ...d.painBefore, score } }))}
          />
        </Field>
        <Field label={t('sessions.beforeSession.painLocation')} error={errors['painBefore.location']}>
          <input
            type="text"
            autoComplete="off"
            data-path="painBefore.location"
            value={painBefore.location}
            onChange={(e) =>
              update((d) => ({ ...d, painBefore: { ...d.painBefore, location: e.target.value } }))
            }
          />
        </Field>
        <Field label={t('sessions.beforeSession.changes')} error={errors.changesSinceLast} wide>
          <textarea
            rows={2}
            data-path="changesSinceLast"
            value={changesSinceLast}
            onChange={(e) => update((d) => ({ ...d, changesSinceLast: e.target.value }))}
          />
        </Field>
      </div>
    </section>
  );
});
