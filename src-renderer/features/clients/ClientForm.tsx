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
      setSaveError(describeStorageError(error, 'The client was not saved'));
    }
  });

  return (
    <form
      className="client-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={existing ? 'Edit client' : 'New client'}
    >
      {Object.keys(errors).length > 0 && (
        <p className="notice error" role="alert">
          Some fields need attention; nothing was saved yet.
        </p>
      )}
      {saveError && (
        <p className="notice error" role="alert">
          {saveError}
        </p>
      )}
      <fieldset>
        <legend>Client</legend>
        <div className="form-grid">
          <Field label="First name" error={errors.firstName?.message}>
            <input type="text" autoComplete="off" {...register('firstName')} />
          </Field>
          <Field label="Last name" error={errors.lastName?.message}>
            <input type="text" autoComplete="off" {...register('lastName')} />
          </Field>
          <Field label="Preferred name" error={errors.preferredName?.message}>
            <input type="text" autoComplete="off" {...register('preferredName')} />
          </Field>
          <Controller
            control={control}
            name="dateOfBirth"
            render={({ field }) => (
              <Field label="Date of birth" error={errors.dateOfBirth?.message}>
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
        <legend>Contact</legend>
        <div className="form-grid">
          <Field label="Phone" error={errors.phone?.message}>
            <input type="tel" autoComplete="off" {...register('phone')} />
          </Field>
          <Field label="Email" error={errors.email?.message}>
            <input type="email" autoComplete="off" {...register('email')} />
          </Field>
          <Field label="Address" error={errors.address?.message} wide>
            <textarea rows={2} {...register('address')} />
          </Field>
          <Field label="Emergency contact name" error={errors.emergencyContact?.name?.message}>
            <input type="text" autoComplete="off" {...register('emergencyContact.name')} />
          </Field>
          <Field label="Emergency contact phone" error={errors.emergencyContact?.phone?.message}>
            <input type="tel" autoComplete="off" {...register('emergencyContact.phone')} />
          </Field>
          <Field label="Referring physician" error={errors.referringPhysician?.message}>
            <input type="text" autoComplete="off" {...register('referringPhysician')} />
          </Field>
          <Field label="How they heard of us" error={errors.referralSource?.message}>
            <input type="text" autoComplete="off" {...register('referralSource')} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Informed consent</legend>
        <div className="form-grid">
          <label className="checkbox">
            <input type="checkbox" {...register('consent.given')} />
            Consent given
          </label>
          <Controller
            control={control}
            name="consent.date"
            render={({ field }) => (
              <Field label="Consent date" error={errors.consent?.date?.message}>
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
            label="Consent text version"
            error={errors.consent?.textVersion?.message}
            hint="e.g. 2026-01"
          >
            <input type="text" autoComplete="off" {...register('consent.textVersion')} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Notes</legend>
        <div className="form-grid">
          <Controller
            control={control}
            name="tags"
            render={({ field }) => (
              <Field label="Tags" hint="Separate with commas" error={errors.tags?.message} wide>
                <input
                  type="text"
                  autoComplete="off"
                  defaultValue={(field.value ?? []).join(', ')}
                  onBlur={field.onBlur}
                  onChange={(e) =>
                    field.onChange(
                      e.target.value
                        .split(',')
                        .map((t) => t.trim())
                        .filter(Boolean),
                    )
                  }
                />
              </Field>
            )}
          />
          <Field label="Notes" error={errors.notes?.message} wide>
            <textarea rows={4} {...register('notes')} />
          </Field>
        </div>
      </fieldset>

      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          Save client
        </button>
        <button
          type="button"
          onClick={() => (existing ? onDone?.(existing) : navigate({ name: 'clients' }))}
          disabled={isSubmitting}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
