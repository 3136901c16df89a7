import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  type PracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

/**
 * Welcome, step 1: the details that head a handout and sign a note. Only the practice's name
 * and yours are needed to save; a phone, email or address left empty is simply left off the
 * handout (its sentence too).
 */
export function WelcomePracticeStep({ initial, onNext }: { initial: PracticeSettings; onNext: () => void }) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
    setError,
  } = useForm<PracticeSettings>({ resolver: zodResolver(PracticeSettingsSchema), defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await repositories().settings.put(SETTINGS_KEYS.practice, PracticeSettingsSchema, values);
      onNext();
    } catch (error) {
      setError('root', { message: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  return (
    <form
      className="card welcome-card"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="welcome-practice-title"
    >
      <h2 id="welcome-practice-title">Your practice</h2>
      <p className="muted">
        These head every aftercare handout and stand on your signed notes. Everything here can be changed
        later in Settings.
      </p>
      {errors.root?.message && (
        <p className="notice error" role="alert">
          {errors.root.message}
        </p>
      )}
      <div className="form-grid">
        <Field label="Practice name" error={errors.practice?.name?.message}>
          <input type="text" autoComplete="organization" {...register('practice.name')} />
        </Field>
        <Field
          label="Your name and credentials"
          hint="For example: Anna Lind, RCST"
          error={errors.therapistName?.message}
        >
          <input type="text" autoComplete="name" {...register('therapistName')} />
        </Field>
        <Field label="Phone (optional)" error={errors.practice?.phone?.message}>
          <input type="tel" autoComplete="tel" {...register('practice.phone')} />
        </Field>
        <Field label="Email (optional)" error={errors.practice?.email?.message}>
          <input type="email" autoComplete="email" {...register('practice.email')} />
        </Field>
        <Field label="Address (optional)" error={errors.practice?.address?.message} wide>
          <textarea rows={2} autoComplete="street-address" {...register('practice.address')} />
        </Field>
        <Field label="Paper size" hint="What your printer is loaded with" error={errors.paperSize?.message}>
          <select {...register('paperSize')}>
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </select>
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          Save and continue
        </button>
        <button type="button" onClick={onNext}>
          Skip this step
        </button>
      </div>
    </form>
  );
}
