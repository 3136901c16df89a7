import { useId, useState } from 'react';
import { endDateError, pastDateError } from '../../../src-shared/domain/date-rules';
import { localToday } from '../../../src-shared/domain/dates';
import type { Id } from '../../../src-shared/domain/ids';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { DateInput } from '../../app/ui/DateInput';
import { Field } from '../../app/ui/Field';
import { describeStorageError } from '../../db/errors';
import { useSigner } from '../sessions/useSigner';

interface RecordClearanceProps {
  clientId: Id;
  /** The note it is recorded from: its audit log says so. */
  noteId: Id;
  ruleId: string;
  /** What the finding is called on screen, for the button's accessible name. */
  title: string;
  /** The history items the finding is about (one clearance each); empty for the whole rule. */
  itemIds: readonly (Id | null)[];
  dateOfBirth: string | null;
}

/**
 * "Record physician clearance" on a "Do not treat" or "Needs medical clearance" finding: the
 * physician who assessed the client, when, until when (optional) and a note, written onto the
 * client's file (the health history), so every later session shows it and the finding reads as
 * cleared. Dates follow the shared date rules, with the message beside the field.
 */
export function RecordClearanceForm(props: RecordClearanceProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  if (!open) {
    return (
      <button
        type="button"
        className="record-clearance"
        aria-label={t('safety.record.buttonFor', { title: props.title })}
        onClick={() => setOpen(true)}
      >
        {t('safety.record.button')}
      </button>
    );
  }
  return (
    <fieldset className="record-clearance-form" aria-labelledby={headingId}>
      <legend id={headingId}>{t('safety.record.legend', { title: props.title })}</legend>
      <ClearanceFields {...props} onClose={() => setOpen(false)} />
    </fieldset>
  );
}

function ClearanceFields({
  clientId,
  noteId,
  ruleId,
  itemIds,
  dateOfBirth,
  onClose,
}: RecordClearanceProps & { onClose: () => void }) {
  const t = useT();
  const [signer] = useSigner();
  const [givenBy, setGivenBy] = useState('');
  const [date, setDate] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [notes, setNotes] = useState('');
  const [recordedBy, setRecordedBy] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const today = localToday();
  const dateError =
    date.trim() === ''
      ? attempted
        ? t('safety.record.dateMissing')
        : undefined
      : (pastDateError(date, { today, dateOfBirth, what: 'clearance date' }) ?? undefined);
  const untilError =
    endDateError(validUntil, { start: date, what: '"valid until" date', startWhat: 'clearance date' }) ??
    undefined;
  const givenByError = attempted && givenBy.trim() === '' ? t('safety.record.givenByMissing') : undefined;
  const recorder = recordedBy ?? signer;

  const save = async () => {
    setAttempted(true);
    setFailure(null);
    const blocked =
      givenBy.trim() === '' ||
      date.trim() === '' ||
      pastDateError(date, { today, dateOfBirth, what: 'clearance date' }) !== null ||
      endDateError(validUntil, { start: date, what: 'end', startWhat: 'start' }) !== null;
    if (blocked) return;
    setSaving(true);
    try {
      await repositories().healthHistories.recordClearance(
        clientId,
        {
          ruleId,
          itemIds,
          givenBy,
          date,
          validUntil: validUntil === '' ? null : validUntil,
          notes,
          recordedBy: recorder,
        },
        noteId,
      );
      onClose();
    } catch (error) {
      setFailure(describeStorageError(error, t('safety.record.notRecorded')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="clearance-fields">
      <Field label={t('safety.record.givenBy')} error={givenByError}>
        <input type="text" value={givenBy} onChange={(e) => setGivenBy(e.target.value)} />
      </Field>
      <Field label={t('safety.record.date')} error={dateError}>
        <DateInput value={date} onValue={setDate} />
      </Field>
      <Field
        label={t('safety.record.validUntil')}
        error={untilError}
        hint={t('safety.record.validUntilHint')}
      >
        <DateInput value={validUntil} onValue={setValidUntil} />
      </Field>
      <Field label={t('safety.record.recordedBy')}>
        <input type="text" value={recorder} onChange={(e) => setRecordedBy(e.target.value)} />
      </Field>
      <Field label={t('safety.record.note')} wide>
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
          {t('safety.record.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('safety.record.cancel')}
        </button>
      </div>
    </div>
  );
}
