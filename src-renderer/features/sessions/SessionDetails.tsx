import { formatTimestamp } from '../../app/format';
import { Field } from '../../app/ui/Field';
import { useDraft } from './draft-context';
import { NumberInput } from './NumberInput';

/** Date and time of service, duration, session number and the date of entry (kept apart). */
export function SessionDetails() {
  const { draft, update, errors } = useDraft();
  return (
    <section className="card session-details" aria-label="Session details">
      <div className="details-grid">
        <Field label="Date of service" error={errors.serviceDate}>
          <input
            type="date"
            data-path="serviceDate"
            value={draft.serviceDate}
            onChange={(e) => update((d) => ({ ...d, serviceDate: e.target.value }))}
          />
        </Field>
        <Field label="Time" error={errors.serviceTime}>
          <input
            type="time"
            data-path="serviceTime"
            value={draft.serviceTime}
            onChange={(e) => update((d) => ({ ...d, serviceTime: e.target.value }))}
          />
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMinutes}>
          <NumberInput
            data-path="durationMinutes"
            min={1}
            max={480}
            step={5}
            value={draft.durationMinutes}
            onValue={(durationMinutes) => update((d) => ({ ...d, durationMinutes }))}
          />
        </Field>
        <Field label="Session number" error={errors.sessionNumber}>
          <NumberInput
            data-path="sessionNumber"
            min={1}
            step={1}
            value={draft.sessionNumber}
            onValue={(sessionNumber) => update((d) => ({ ...d, sessionNumber }))}
          />
        </Field>
        <div className="field">
          <span className="label">Date of entry</span>
          <span className="entry-date">{draft.entryDate ? formatTimestamp(draft.entryDate) : '—'}</span>
        </div>
      </div>
    </section>
  );
}
