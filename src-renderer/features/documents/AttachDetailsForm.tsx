import { useState } from 'react';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  type AttachmentDetails,
  AttachmentDetailsSchema,
  type AttachmentKind,
} from '../../../src-shared/documents/attachment';
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
        next[key] ??= key === 'date' ? 'Enter the document’s date' : issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    onSave(parsed.data);
  };

  return (
    <div className="attach-details">
      <Field label="Title" error={errors.title}>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <select value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
          {ATTACHMENT_KINDS.map((value) => (
            <option key={value} value={value}>
              {ATTACHMENT_KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Date" error={errors.date} hint="The date on the letter, or the day the photo was taken">
        <DateInput value={date} onValue={setDate} />
      </Field>
      <Field label="Note (optional)" error={errors.note} wide>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={submit}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
