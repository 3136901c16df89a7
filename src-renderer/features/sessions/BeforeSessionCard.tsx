import { Field } from '../../app/ui/Field';
import { useDraft } from './draft-context';
import { NumberInput } from './NumberInput';

/** What the client brings: chief complaint, pain before, changes since last time. */
export function BeforeSessionCard() {
  const { draft, update, errors } = useDraft();
  return (
    <section className="card" aria-labelledby="before-title">
      <h2 id="before-title">Before the session</h2>
      <div className="form-grid">
        <Field label="Chief complaint" error={errors.chiefComplaint} wide>
          <input
            type="text"
            autoComplete="off"
            data-path="chiefComplaint"
            value={draft.chiefComplaint}
            onChange={(e) => update((d) => ({ ...d, chiefComplaint: e.target.value }))}
          />
        </Field>
        <Field label="Pain before (0-10)" error={errors['painBefore.score']}>
          <NumberInput
            data-path="painBefore.score"
            min={0}
            max={10}
            step={1}
            value={draft.painBefore.score}
            onValue={(score) => update((d) => ({ ...d, painBefore: { ...d.painBefore, score } }))}
          />
        </Field>
        <Field label="Pain location" error={errors['painBefore.location']}>
          <input
            type="text"
            autoComplete="off"
            data-path="painBefore.location"
            value={draft.painBefore.location}
            onChange={(e) =>
              update((d) => ({ ...d, painBefore: { ...d.painBefore, location: e.target.value } }))
            }
          />
        </Field>
        <Field label="Changes since last time" error={errors.changesSinceLast} wide>
          <textarea
            rows={2}
            data-path="changesSinceLast"
            value={draft.changesSinceLast}
            onChange={(e) => update((d) => ({ ...d, changesSinceLast: e.target.value }))}
          />
        </Field>
      </div>
    </section>
  );
}
