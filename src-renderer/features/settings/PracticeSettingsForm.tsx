import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { LogoSchema } from '../../../src-shared/domain/aftercare';
import {
  type PracticeSettings,
  PracticeSettingsSchema,
  SETTINGS_KEYS,
} from '../../../src-shared/domain/settings';
import { describeIssues } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { platform } from '../../platform';

/** Practice details printed on every handout, the therapist's name, the paper size, the logo. */
export function PracticeSettingsForm({ initial }: { initial: PracticeSettings }) {
  const t = useT();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PracticeSettings>({ resolver: zodResolver(PracticeSettingsSchema), defaultValues: initial });
  const logo = watch('practice.logo');
  const logoUrl = useMemo(
    () => (logo ? URL.createObjectURL(new Blob([logo.bytes as BlobPart], { type: logo.mimeType })) : null),
    [logo],
  );
  useEffect(() => () => (logoUrl ? URL.revokeObjectURL(logoUrl) : undefined), [logoUrl]);

  const chooseLogo = async () => {
    setStatus(null);
    const result = await platform().filesChooseLogo();
    if (!result.ok) {
      setStatus({ kind: 'error', text: result.error.message });
      return;
    }
    if (!result.value) return;
    const checked = LogoSchema.safeParse({ mimeType: result.value.mimeType, bytes: result.value.bytes });
    if (!checked.success) {
      setStatus({ kind: 'error', text: describeIssues(checked.error).join('; ') });
      return;
    }
    setValue('practice.logo', checked.data, { shouldDirty: true });
  };

  const onSubmit = handleSubmit(async (values) => {
    try {
      const saved = await repositories().settings.put(SETTINGS_KEYS.practice, PracticeSettingsSchema, values);
      reset(saved);
      setStatus({ kind: 'ok', text: t('settings.practice.saved') });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('settings.practice.notSaved', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  });

  return (
    <form className="card settings-form" onSubmit={onSubmit} noValidate aria-labelledby="practice-title">
      <div className="card-header">
        <h2 id="practice-title">{t('settings.practice.title')}</h2>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('settings.practice.save')}
        </button>
      </div>
      <p className="muted">{t('settings.practice.purpose')}</p>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('settings.practice.name')} error={errors.practice?.name?.message}>
          <input type="text" {...register('practice.name')} />
        </Field>
        <Field
          label={t('settings.practice.yourName')}
          error={errors.therapistName?.message}
          hint={t('settings.practice.yourNameHint')}
        >
          <input type="text" {...register('therapistName')} />
        </Field>
        <Field label={t('settings.practice.phone')} error={errors.practice?.phone?.message}>
          <input type="tel" {...register('practice.phone')} />
        </Field>
        <Field label={t('settings.practice.email')} error={errors.practice?.email?.message}>
          <input type="email" {...register('practice.email')} />
        </Field>
        <Field label={t('settings.practice.website')} error={errors.practice?.website?.message}>
          <input type="text" {...register('practice.website')} />
        </Field>
        <Field label={t('settings.practice.paperSize')} error={errors.paperSize?.message}>
          <select {...register('paperSize')}>
            <option value="A4">{t('settings.practice.paperA4')}</option>
            <option value="Letter">{t('settings.practice.paperLetter')}</option>
          </select>
        </Field>
        <Field label={t('settings.practice.address')} error={errors.practice?.address?.message} wide>
          <textarea rows={2} {...register('practice.address')} />
        </Field>
      </div>
      <div className="logo-row">
        <div className="logo-preview" aria-live="polite">
          {logoUrl ? (
            <img src={logoUrl} alt={t('settings.practice.logo')} />
          ) : (
            <span className="muted">{t('settings.practice.noLogo')}</span>
          )}
        </div>
        <div className="button-row">
          <button type="button" onClick={chooseLogo}>
            {t('settings.practice.chooseLogo')}
          </button>
          {logo && (
            <button
              type="button"
              className="link"
              onClick={() => setValue('practice.logo', null, { shouldDirty: true })}
            >
              {t('settings.practice.removeLogo')}
            </button>
          )}
          <span className="field-hint">{t('settings.practice.logoHint')}</span>
        </div>
      </div>
    </form>
  );
}
