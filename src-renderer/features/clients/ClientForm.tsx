import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import {
  type Client,
  type ClientFormValues,
  clientInputOf,
  emptyClientInput,
  makeClientInputSchema,
} from '../../../src-shared/domain/client';
import { localToday } from '../../../src-shared/domain/dates';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { navigate } from '../../app/router';
import { DateInput } from '../../app/ui/DateInput';
import { Field } from '../../app/ui/Field';
import { describeStorageError } from '../../db/errors';
import { PreferredLanguageField } from './PreferredLanguageField';

/**
 * The client form, for a new client or an edit. It validates with the shared schema on
 * submit and on every change after that; nothing is saved until every field is valid. A date
 * typed only in part is refused with a message (date-rules.ts), never saved as "not recorded".
 */
export function ClientForm({ existing, onDone }: { existing?: Client; onDone?: (client: Client) => void }) {
  const t = useT();
  const schema = useMemo(() => makeClientInputSchema(localToday()), []);
  const [saveError, setSaveError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ClientFormValues, unknown, ReturnType<typeof schema.parse>>({
    resolver: zodResolver(schema),
    defaultValues: existing ? clientInputOf(existing) : emptyClientInput(),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  // Hands were on a client a minute ago: the cursor starts in the first field.
  useEffect(() => setFocus('firstName'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      const { clients } = repositories();
      const saved = existing ? await clients.update(existing.id, values) : await clients.create(values);
      if (onDone) onDone(saved);
      // The used form gives way to the client: Back goes to where 'New client' was pressed.
      else navigate({ name: 'client', clientId: saved.id }, { replace: true });
    } catch (error) {
      setSaveError(describeStorageError(error, t('clients.form.notSaved')));
    }
  });

  return (
    <form
      className="client-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={existing ? t('clients.form.editClient') : t('clients.form.newClient')}
    >
      {Object.keys(errors).length > 0 && (
        <p className="notice error" role="alert">
          {t('clients.form.needsAttention')}
        </p>
      )}
      {saveError && (
        <p className="notice error" role="alert">
          {saveError}
        </p>
      )}
      <fieldset>
        <legend>{t('clients.form.client')}</legend>
        <div className="form-grid">
          <Field label={t('clients.form.firstName')} error={errors.firstName?.message}>
            <input type="text" autoComplete="off" {...register('firstName')} />
          </Field>
          <Field label={t('clients.form.lastName')} error={errors.lastName?.message}>
            <input type="text" autoComplete="off" {...register('lastName')} />
          </Field>
          <Field label={t('clients.form.preferredName')} error={errors.preferredName?.message}>
            <input type="text" autoComplete="off" {...register('preferredName')} />
          </Field>
          <Controller
            control={control}
            name="dateOfBirth"
            render={({ field }) => (
              <Field label={t('clients.form.dateOfBirth')} error={errors.dateOfBirth?.message}>
                <DateInput
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onValue={field.onChange}
                  onBlur={field.onBlur}
                />
              </Field>
            )}
          />
          <PreferredLanguageField
            registration={register('preferredLanguage')}
            error={errors.preferredLanguage?.message}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('clients.form.contact')}</legend>
        <div className="form-grid">
          <Field label={t('clients.form.phone')} error={errors.phone?.message}>
            <input type="tel" autoComplete="off" {...register('phone')} />
          </Field>
          <Field label={t('clients.form.email')} error={errors.email?.message}>
            <input type="email" autoComplete="off" {...register('email')} />
          </Field>
          <Field label={t('clients.form.address')} error={errors.address?.message} wide>
            <textarea rows={2} {...register('address')} />
          </Field>
          <Field label={t('clients.form.emergencyName')} error={errors.emergencyContact?.name?.message}>
            <input type="text" autoComplete="off" {...register('emergencyContact.name')} />
          </Field>
          <Field label={t('clients.form.emergencyPhone')} error={errors.emergencyContact?.phone?.message}>
            <input type="tel" autoComplete="off" {...register('emergencyContact.phone')} />
          </Field>
          <Field label={t('clients.form.referringPhysician')} error={errors.referringPhysician?.message}>
            <input type="text" autoComplete="off" {...register('referringPhysician')} />
          </Field>
          <Field label={t('clients.form.referralSource')} error={errors.referralSource?.message}>
            <input type="text" autoComplete="off" {...register('referralSource')} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('clients.form.consent')}</legend>
        <div className="form-grid">
          <label className="checkbox">
            <input type="checkbox" {...register('consent.given')} />
            {t('clients.form.consentGiven')}
          </label>
          <Controller
            control={control}
            name="consent.date"
            render={({ field }) => (
              <Field label={t('clients.form.consentDate')} error={errors.consent?.date?.message}>
                <DateInput
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  onValue={field.onChange}
                  onBlur={field.onBlur}
                />
              </Field>
            )}
          />
          <Field
            label={t('clients.form.consentVersion')}
            error={errors.consent?.textVersion?.message}
            hint={t('clients.form.consentVersionHint')}
          >
            <input type="text" autoComplete="off" {...register('consent.textVersion')} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('clients.form.notesLegend')}</legend>
        <div className="form-grid">
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <Field
                label={t('clients.form.tags')}
                hint={t('clients.form.tagsHint')}
                error={errors.tags?.message}
                wide
              >
                <input
                  type="text"
                  autoComplete="off"
                  defaultValue={(field.value ?? []).join(', ')}
                  onBlur={field.onBlur}
                  onChange={(e) =>
                    field.onChange(
                      e.target.value
                        .split(',')
                        .map((tag) => tag.trim())
                        .filter(Boolean),
                    )
                  }
                />
              </Field>
            )}
          />
          <Field label={t('clients.form.notes')} error={errors.notes?.message} wide>
            <textarea rows={4} {...register('notes')} />
          </Field>
        </div>
      </fieldset>

      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('clients.form.save')}
        </button>
        <button
          type="button"
          onClick={() => (existing ? onDone?.(existing) : navigate({ name: 'clients' }))}
          disabled={isSubmitting}
        >
          {t('clients.form.cancel')}
        </button>
      </div>
    </form>
  );
}
