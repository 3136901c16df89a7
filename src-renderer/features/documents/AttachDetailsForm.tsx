import { useState } from 'react';
import {
  ATTACHMENT_KINDS,
  type AttachmentDetails,
  AttachmentDetailsSchema,
  type AttachmentKind,
} from '../../../src-shared/documents/attachment';
import { attachmentMessage, kindLabel } from '../../../src-shared/documents/words';
import { useT } from '../../app/i18n';
import { DateInput } from '../../app/ui/DateInput';
import { Field } from '../../app/ui/Field';

/**
 * Title, kind, date and note of a document: on attaching (prefilled from the file) and when
 * editing later. Messages beside the fields; nothing is stored until they pass.
 */
export function AttachDetailsForm({
  initial,
  saveLabel,
  onSave,
  onCancel,
  busy,
}: {
  initial: AttachmentDetails;
  saveLabel: string;
  onSave: (details: AttachmentDetails) => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const t = useT();
  const [title, setTitle] = useState(initial.title);
  const [kind, setKind] = useState<AttachmentKind>(initial.kind);
  const [date, setDate] = useState(initial.date);
  const [note, setNote] = useState(initial.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const parsed = AttachmentDetailsSchema.safeParse({ title, kind, date, note: note.trim() || undefined });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        next[key] ??=
          key === 'date' ? t('documents.details.dateMissing') : attachmentMessage(t, issue.message);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    onSave(parsed.data);
  };

  return (
    <div className="attach-details">
      <Field label={t('documents.details.title')} error={errors.title}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('documents.details.kind')} error={errors.kind}>
        <select value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
          {ATTACHMENT_KINDS.map((value) => (
            <option key={value} value={value}>
              {kindLabel(t, value)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('documents.details.date')} error={errors.date} hint={t('documents.details.dateHint')}>
        <DateInput value={date} onValue={setDate} />
      </Field>
      <Field label={t('documents.details.note')} error={errors.note} wide>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={submit}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('documents.details.cancel')}
        </button>
      </div>
    </div>
  );
}
