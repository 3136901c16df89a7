import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AddendumInputSchema, SESSION_NOTE_MESSAGES } from '../../../src-shared/domain/session-note';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

const AddendumFormSchema = AddendumInputSchema.extend({
  author: z
    .string()
    .trim()
    .min(1, SESSION_NOTE_MESSAGES.addendumAuthor)
    .max(500, SESSION_NOTE_MESSAGES.tooLong),
});
type AddendumFormValues = z.input<typeof AddendumFormSchema>;

/** "Add addendum": text and reason are required; the original note stays as signed. */
export function AddendumForm({
  noteId,
  author,
  onDone,
}: {
  noteId: string;
  author: string;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<AddendumFormValues, unknown, z.output<typeof AddendumFormSchema>>({
    resolver: zodResolver(AddendumFormSchema),
    defaultValues: { text: '', reason: '', author },
    reValidateMode: 'onChange',
  });
  useEffect(() => setFocus('text'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await repositories().sessions.addAddendum(noteId, values);
      onDone(true);
    } catch (error) {
      setFailure(
        t('sessions.addendum.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  });

  return (
    <form
      className="addendum-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('sessions.addendum.formLabel')}
    >
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('sessions.addendum.text')} error={errors.text?.message} wide>
          <textarea rows={3} {...register('text')} />
        </Field>
        <Field
          label={t('sessions.addendum.reason')}
          error={errors.reason?.message}
          hint={t('sessions.addendum.reasonHint')}
        >
          <input type="text" autoComplete="off" {...register('reason')} />
        </Field>
        <Field label={t('sessions.addendum.author')} error={errors.author?.message}>
          <input type="text" autoComplete="name" {...register('author')} />
        </Field>
      </div>
      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('sessions.addendum.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('sessions.common.cancel')}
        </button>
      </div>
    </form>
  );
}
