import { memo } from 'react';
import { formatTimestamp } from '../../app/format';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';

/** Date and time of service, duration, session number and the date of entry (kept apart). */
export const SessionDetails = memo(function SessionDetails() {
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const serviceDate = useDraftValue((d) => d.serviceDate);
  const serviceTime = useDraftValue((d) => d.serviceTime);
  const durationMinutes = useDraftValue((d) => d.durationMinutes);
  const sessionNumber = useDraftValue((d) => d.sessionNumber);
  const entryDate = useDraftValue((d) => d.entryDate);
  return (
    <section className="card session-details" aria-label="Session details">
      <div className="details-grid">
        <Field label="Date of service" error={errors.serviceDate}>
          <input
            type="date"
            data-path="serviceDate"
            value={serviceDate}
            onChange={(e) => update((d) => ({ ...d, serviceDate: e.target.value }))}
          />
        </Field>
        <Field label="Time" error={errors.serviceTime}>
          <input
            type="time"
            data-path="serviceTime"
            value={serviceTime}
            onChange={(e) => update((d) => ({ ...d, serviceTime: e.target.value }))}
          />
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMinutes}>
          <NumberInput
            data-path="durationMinutes"
            min={1}
            max={480}
            step={5}
            value={durationMinutes}
            onValue={(durationMinutes) => update((d) => ({ ...d, durationMinutes }))}
          />
        </Field>
        <Field label="Session number" error={errors.sessionNumber}>
          <NumberInput
            data-path="sessionNumber"
            min={1}
            step={1}
            value={sessionNumber}
            onValue={(sessionNumber) => update((d) => ({ ...d, sessionNumber }))}
          />
        </Field>
        <div className="field">
          <span className="label">Date of entry</span>
          <span className="entry-date">{entryDate ? formatTimestamp(entryDate) : '—'}</span>
        </div>
      </div>
    </section>
  );
});
