import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  type PracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

/**
 * Welcome, step 1: the details that head a handout and sign a note. Only the practice's name
 * and yours are needed to save; a phone, email or address left empty is simply left off the
 * handout (its sentence too).
 */
export function WelcomePracticeStep({ initial, onNext }: { initial: PracticeSettings; onNext: () => void }) {
  const t = useT();
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
      setError('root', {
        message: t('welcome.practice.notSaved', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  });

  return (
    <form
      className="card welcome-card"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="welcome-practice-title"
    >
      <h2 id="welcome-practice-title">{t('welcome.practice.title')}</h2>
      <p className="muted">{t('welcome.practice.intro')}</p>
      {errors.root?.message && (
        <p className="notice error" role="alert">
          {errors.root.message}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('welcome.practice.name')} error={errors.practice?.name?.message}>
          <input type="text" autoComplete="organization" {...register('practice.name')} />
        </Field>
        <Field
          label={t('welcome.practice.therapist')}
          hint={t('welcome.practice.therapistHint')}
          error={errors.therapistName?.message}
        >
          <input type="text" autoComplete="name" {...register('therapistName')} />
        </Field>
        <Field label={t('welcome.practice.phone')} error={errors.practice?.phone?.message}>
          <input type="tel" autoComplete="tel" {...register('practice.phone')} />
        </Field>
        <Field label={t('welcome.practice.email')} error={errors.practice?.email?.message}>
          <input type="email" autoComplete="email" {...register('practice.email')} />
        </Field>
        <Field label={t('welcome.practice.address')} error={errors.practice?.address?.message} wide>
          <textarea rows={2} autoComplete="street-address" {...register('practice.address')} />
        </Field>
        <Field
          label={t('welcome.practice.paperSize')}
          hint={t('welcome.practice.paperSizeHint')}
          error={errors.paperSize?.message}
        >
          <select {...register('paperSize')}>
            <option value="A4">A4</option>
            <option value="Letter">{t('welcome.practice.letter')}</option>
          </select>
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('welcome.practice.save')}
        </button>
        <button type="button" onClick={onNext}>
          {t('welcome.practice.skip')}
        </button>
      </div>
    </form>
  );
}
