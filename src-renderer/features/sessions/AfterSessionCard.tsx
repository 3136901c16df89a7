import { memo } from 'react';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';

/** Pain after, the client's global response, plan, recommended next session, home care. */
export const AfterSessionCard = memo(function AfterSessionCard() {
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const painAfter = useDraftValue((d) => d.painAfter);
  const globalResponse = useDraftValue((d) => d.globalResponse);
  const plan = useDraftValue((d) => d.plan);
  const nextSessionRecommendation = useDraftValue((d) => d.nextSessionRecommendation);
  const homeCare = useDraftValue((d) => d.homeCare);
  return (
    <section className="card" aria-labelledby="after-title">
      <h2 id="after-title">After the session</h2>
      <div className="form-grid">
        <Field label="Pain after (0-10)" error={errors['painAfter.score']}>
          <NumberInput
            data-path="painAfter.score"
            min={0}
            max={10}
            step={1}
            value={painAfter.score}
            onValue={(score) => update((d) => ({ ...d, painAfter: { ...d.painAfter, score } }))}
          />
        </Field>
        <Field label="Location after" error={errors['painAfter.location']}>
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
          label="Global response (% better)"
          error={errors['globalResponse.improvementPercent']}
          hint="As the client puts it; negative if worse."
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
        <Field label="Global response, in words" error={errors['globalResponse.description']}>
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
        <Field label="Plan" error={errors.plan} wide>
          <textarea
            rows={2}
            data-path="plan"
            value={plan}
            onChange={(e) => update((d) => ({ ...d, plan: e.target.value }))}
          />
        </Field>
        <Field label="Recommended next session" error={errors.nextSessionRecommendation}>
          <input
            type="text"
            autoComplete="off"
            placeholder="e.g. in 1 week"
            data-path="nextSessionRecommendation"
            value={nextSessionRecommendation}
            onChange={(e) => update((d) => ({ ...d, nextSessionRecommendation: e.target.value }))}
          />
        </Field>
        <Field label="Home care" error={errors.homeCare} wide>
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
