import { memo } from 'react';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';

/** Pain after, the client's global response, plan, recommended next session, home care. */
export const AfterSessionCard = memo(function AfterSessionCard() {
  const t = useT();
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const painAfter = useDraftValue((d) => d.painAfter);
  const globalResponse = useDraftValue((d) => d.globalResponse);
  const plan = useDraftValue((d) => d.plan);
  const nextSessionRecommendation = useDraftValue((d) => d.nextSessionRecommendation);
  const homeCare = useDraftValue((d) => d.homeCare);
  return (
    <section className="card" aria-labelledby="after-title">
      <h2 id="after-title">{t('sessions.afterSession.title')}</h2>
      <div className="form-grid">
        <Field label={t('sessions.afterSession.painAfter')} error={errors['painAfter.score']}>
          <NumberInput
            data-path="painAfter.score"
            min={0}
            max={10}
            step={1}
            value={painAfter.score}
            onValue={(score) => update((d) => ({ ...d, painAfter: { ...d.painAfter, score } }))}
          />
        </Field>
        <Field label={t('sessions.afterSession.locationAfter')} error={errors['painAfter.location']}>
          <input
            type="text"
            autoComplete="off"
            data-path="painAfter.location"
            value={painAfter.location}
            onChange={(e) =>
              update((d) => ({ ...d, painAfter: { ...d.painAfter, location: e.target.value } }))
            }
          />
        </Field>
        <Field
          label={t('sessions.afterSession.globalResponse')}
          error={errors['globalResponse.improvementPercent']}
          hint={t('sessions.afterSession.globalResponseHint')}
        >
          <NumberInput
            data-path="globalResponse.improvementPercent"
            min={-100}
            max={100}
            step={5}
            value={globalResponse.improvementPercent}
            onValue={(improvementPercent) =>
              update((d) => ({ ...d, globalResponse: { ...d.globalResponse, improvementPercent } }))
            }
          />
        </Field>
        <Field
          label={t('sessions.afterSession.globalResponseWords')}
          error={errors['globalResponse.description']}
        >
          <input
            type="text"
            autoComplete="off"
            data-path="globalResponse.description"
            value={globalResponse.description}
            onChange={(e) =>
              update((d) => ({ ...d, globalResponse: { ...d.globalResponse, description: e.target.value } }))
            }
          />
        </Field>
        <Field label={t('sessions.afterSession.plan')} error={errors.plan} wide>
          <textarea
            rows={2}
            data-path="plan"
            value={plan}
            onChange={(e) => update((d) => ({ ...d, plan: e.target.value }))}
          />
        </Field>
        <Field label={t('sessions.afterSession.nextSession')} error={errors.nextSessionRecommendation}>
          <input
            type="text"
            autoComplete="off"
            placeholder={t('sessions.afterSession.nextSessionPlaceholder')}
            data-path="nextSessionRecommendation"
            value={nextSessionRecommendation}
            onChange={(e) => update((d) => ({ ...d, nextSessionRecommendation: e.target.value }))}
          />
        </Field>
        <Field label={t('sessions.afterSession.homeCare')} error={errors.homeCare} wide>
          <textarea
            rows={2}
            data-path="homeCare"
            value={homeCare}
            onChange={(e) => update((d) => ({ ...d, homeCare: e.target.value }))}
          />
        </Field>
      </div>
    </section>
  );
});
