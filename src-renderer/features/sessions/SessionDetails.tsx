import { useLiveQuery } from 'dexie-react-hooks';
import { memo } from 'react';
import { serviceDateWarnings } from '../../../src-shared/domain/date-rules';
import { localToday } from '../../../src-shared/domain/dates';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { formatDate, formatTimestamp } from '../../app/format';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { DateInput } from '../../app/ui/DateInput';
import { Field } from '../../app/ui/Field';
import { useDraftErrors, useDraftUpdate, useDraftValue } from './draft-context';
import { NumberInput } from './NumberInput';

/**
 * Date and time of service, duration, session number and the date of entry (kept apart). The
 * date of service follows date-rules.ts: an error (incomplete, in the future, before the client
 * was born) comes with the signing problems; a warning (long ago, before the previous session)
 * only asks to check.
 */
export const SessionDetails = memo(function SessionDetails({ dateOfBirth }: { dateOfBirth: string | null }) {
  const t = useT();
  const update = useDraftUpdate();
  const errors = useDraftErrors();
  const id = useDraftValue((d) => d.id);
  const clientId = useDraftValue((d) => d.clientId);
  const serviceDate = useDraftValue((d) => d.serviceDate);
  const serviceTime = useDraftValue((d) => d.serviceTime);
  const durationMinutes = useDraftValue((d) => d.durationMinutes);
  const sessionNumber = useDraftValue((d) => d.sessionNumber);
  const entryDate = useDraftValue((d) => d.entryDate);
  const previous = useLiveQuery(
    () => repositories().sessions.latestEarlierNumbered({ id, clientId, sessionNumber }),
    [id, clientId, sessionNumber],
  );
  const warnings = serviceDateWarnings(serviceDate, {
    today: localToday(),
    dateOfBirth,
    previous: previous ?? null,
    formatDate,
  });
  return (
    <section className="card session-details" aria-label={t('sessions.details.label')}>
      <div className="details-grid">
        <Field
          label={t('sessions.details.serviceDate')}
          error={errors.serviceDate}
          warning={warnings.map((warning) => fieldMessage(t, warning)).join('. ') || undefined}
        >
          <DateInput
            data-path="serviceDate"
            value={serviceDate}
            onValue={(value) => update((d) => (d.serviceDate === value ? d : { ...d, serviceDate: value }))}
          />
        </Field>
        <Field label={t('sessions.details.time')} error={errors.serviceTime}>
          <input
            type="time"
            data-path="serviceTime"
            value={serviceTime}
            onChange={(e) => update((d) => ({ ...d, serviceTime: e.target.value }))}
          />
        </Field>
        <Field label={t('sessions.details.duration')} error={errors.durationMinutes}>
          <NumberInput
            data-path="durationMinutes"
            min={1}
            max={480}
            step={5}
            value={durationMinutes}
            onValue={(durationMinutes) => update((d) => ({ ...d, durationMinutes }))}
          />
        </Field>
        <Field label={t('sessions.details.sessionNumber')} error={errors.sessionNumber}>
          <NumberInput
            data-path="sessionNumber"
            min={1}
            step={1}
            value={sessionNumber}
            onValue={(sessionNumber) => update((d) => ({ ...d, sessionNumber }))}
          />
        </Field>
        <div className="field">
          <span className="label">{t('sessions.details.entryDate')}</span>
          <span className="entry-date">{entryDate ? formatTimestamp(entryDate) : '—'}</span>
        </div>
      </div>
    </section>
  );
});
