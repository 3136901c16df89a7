import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AFTER_EFFECT_TYPES, SEVERITIES } from '../../../src-shared/domain/sensations';
import { type AfterEffectInput, AfterEffectInputSchema } from '../../../src-shared/domain/session-note';
import { useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';
import { afterEffectName, severityName } from './session-labels';

const OTHER = '__other';

interface AfterEffectFormValues {
  type: string;
  otherType: string;
  onsetHours: string;
  durationHours: string;
  severity: string;
  resolved: boolean;
  notes: string;
}

const EMPTY: AfterEffectFormValues = {
  type: '',
  otherType: '',
  onsetHours: '',
  durationHours: '',
  severity: 'mild',
  resolved: false,
  notes: '',
};

const hours = (text: string) => (text.trim() === '' ? null : Number(text));

/** The form's text fields, read into the shared after-effect schema (its messages, its ranges). */
const AfterEffectFormSchema = z
  .object({
    type: z.string(),
    otherType: z.string(),
    onsetHours: z.string(),
    durationHours: z.string(),
    severity: z.string(),
    resolved: z.boolean(),
    notes: z.string(),
  })
  .transform((values) => ({
    type: values.type === OTHER ? values.otherType.trim() : values.type,
    onsetHours: hours(values.onsetHours),
    durationHours: hours(values.durationHours),
    severity: values.severity,
    resolved: values.resolved,
    notes: values.notes,
  }))
  .pipe(AfterEffectInputSchema);

/**
 * One after-effect the client reports (type, onset, hours it lasted, severity, resolved). Saved
 * by the caller straight away, against the session it followed.
 */
export function AfterEffectForm({ onSave }: { onSave: (input: AfterEffectInput) => Promise<void> }) {
  const t = useT();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<AfterEffectFormValues, unknown, z.output<typeof AfterEffectFormSchema>>({
    resolver: zodResolver(AfterEffectFormSchema),
    defaultValues: EMPTY,
    reValidateMode: 'onChange',
  });
  const type = watch('type');

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    try {
      await onSave(input);
      reset(EMPTY);
      setFocus('type');
    } catch (error) {
      setFailure(
        t('sessions.afterEffectForm.notSaved', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  });

  return (
    <form
      className="after-effect-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('sessions.afterEffectForm.formLabel')}
    >
      {failure && (
        <p className="notice error" role="alert">
          {failure}
        </p>
      )}
      <div className="after-effect-grid">
        <Field
          label={t('sessions.afterEffectForm.type')}
          error={type === OTHER ? undefined : errors.type?.message}
        >
          <select {...register('type')}>
            <option value="">{t('sessions.afterEffectForm.choose')}</option>
            {AFTER_EFFECT_TYPES.map((item) => (
              <option key={item.id} value={item.id}>
                {afterEffectName(t, item.id)}
              </option>
            ))}
            <option value={OTHER}>{t('sessions.common.otherDescribe')}</option>
          </select>
        </Field>
        {type === OTHER && (
          <Field label={t('sessions.afterEffectForm.describe')} error={errors.type?.message}>
            <input type="text" autoComplete="off" {...register('otherType')} />
          </Field>
        )}
        <Field label={t('sessions.afterEffectForm.began')} error={errors.onsetHours?.message}>
          <input type="number" min={0} step="any" inputMode="decimal" {...register('onsetHours')} />
        </Field>
        <Field label={t('sessions.afterEffectForm.lasted')} error={errors.durationHours?.message}>
          <input type="number" min={0} step="any" inputMode="decimal" {...register('durationHours')} />
        </Field>
        <Field label={t('sessions.afterEffectForm.severity')} error={errors.severity?.message}>
          <select {...register('severity')}>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severityName(t, severity)}
              </option>
            ))}
          </select>
        </Field>
        <label className="checkbox resolved-check">
          <input type="checkbox" {...register('resolved')} />
          {t('sessions.afterEffectForm.resolved')}
        </label>
        <Field label={t('sessions.afterEffectForm.notes')} error={errors.notes?.message}>
          <input type="text" autoComplete="off" {...register('notes')} />
        </Field>
        <button type="submit" className="add-after-effect" disabled={isSubmitting}>
          {t('sessions.afterEffectForm.add')}
        </button>
      </div>
    </form>
  );
}
