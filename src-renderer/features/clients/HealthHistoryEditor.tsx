import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type Control,
  Controller,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
  useForm,
} from 'react-hook-form';
import { localToday } from '../../../src-shared/domain/dates';
import {
  CONDITION_SEVERITIES,
  type HealthHistory,
  type HealthHistoryFormValues,
  type HealthHistoryInput,
  makeHealthHistoryInputSchema,
  SURGERY_SITES,
} from '../../../src-shared/domain/health-history';
import { newId } from '../../../src-shared/domain/ids';
import { BUILT_IN_RULES, CONDITION_CATALOG, catalogItem } from '../../../src-shared/safety';
import { useT } from '../../app/i18n';
import { useLeaveGuard } from '../../app/leave-guard';
import { repositories } from '../../app/repositories';
import { Dialog } from '../../app/ui/Dialog';
import { Field } from '../../app/ui/Field';
import { describeStorageError } from '../../db/errors';
import { ReviewedLine } from '../safety/SafetyBanner';
import { discardUnsavedEdits, keepUnsavedEdits, takeUnsavedEdits } from '../safety/unsaved-history';
import { type HistorySaveState, useHealthHistoryAutosave } from './useHealthHistoryAutosave';

type Errors = FieldErrors<HealthHistoryFormValues>;

function toFormValues(history: HealthHistory): HealthHistoryFormValues {
  const { clientId: _c, updatedAt: _u, reviewedAt: _r, ...lists } = history;
  return lists;
}

/** "Saving…", "Health history saved.", or why it is not saved. */
function HistorySaveStatus({ state }: { state: HistorySaveState }) {
  const t = useT();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <p className="muted history-save-status" role="status">
          {t('clients.history.saving')}
        </p>
      );
    case 'saved':
      return (
        <p className="notice ok" role="status">
          {t('clients.history.saved')}
        </p>
      );
    case 'invalid':
      return (
        <p className="notice error" role="alert">
          {t('clients.history.invalid')}
        </p>
      );
    case 'error':
      return (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      );
  }
}

/** Yes / No / Not recorded, for the nullable "treated" answers. */
function TriStateSelect({
  value,
  onChange,
  ...rest
}: { value: boolean | null; onChange: (v: boolean | null) => void } & Record<string, unknown>) {
  const t = useT();
  return (
    <select
      {...rest}
      value={value === null ? '' : value ? 'yes' : 'no'}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}
    >
      <option value="">{t('clients.history.notRecorded')}</option>
      <option value="yes">{t('clients.history.yes')}</option>
      <option value="no">{t('clients.history.no')}</option>
    </select>
  );
}

/**
 * The health history, edited as a whole and autosaved shortly after each change (like a note),
 * once it passes the shared schema (no future dates, resolved not before onset); a message
 * appears beside each field that stops it. Leaving the client page saves first; what cannot be
 * saved stops the move with a question. "Reviewed with the client today: no changes" records the
 * review without changing an entry.
 */
export function HealthHistoryEditor({ history }: { history: HealthHistory }) {
  const t = useT();
  const clientId = history.clientId;
  const schema = useMemo(() => makeHealthHistoryInputSchema(localToday()), []);
  const [kept] = useState(() => takeUnsavedEdits(clientId));
  const [reviewFailure, setReviewFailure] = useState<string | null>(null);
  const form = useForm<HealthHistoryFormValues, unknown, HealthHistoryInput>({
    resolver: zodResolver(schema),
    defaultValues: toFormValues(history),
    reValidateMode: 'onChange',
  });
  const {
    register,
    control,
    handleSubmit,
    watch,
    setValue,
    reset,
    formState: { errors },
  } = form;
  const { state, flush } = useHealthHistoryAutosave({
    clientId,
    form,
    schema,
    save: (values) => repositories().healthHistories.save(clientId, values),
    describeError: (error) => describeStorageError(error, t('clients.history.notSaved')),
  });
  const conditions = useFieldArray({ control, name: 'conditions', keyName: 'key' });
  const medications = useFieldArray({ control, name: 'medications', keyName: 'key' });
  const surgeries = useFieldArray({ control, name: 'surgeries', keyName: 'key' });
  const injuries = useFieldArray({ control, name: 'headInjuries', keyName: 'key' });
  const clearances = useFieldArray({ control, name: 'clearances', keyName: 'key' });
  const pregnancy = watch('pregnancy');
  const unsaved = state.kind === 'saving' || state.kind === 'invalid' || state.kind === 'error';

  // Edits brought back from a closed editor: shown again, with why they were not stored.
  useEffect(() => {
    if (!kept) return;
    reset(kept, { keepDefaultValues: true });
    void flush();
  }, [kept, reset, flush]);

  // Leaving: store what can be stored; ask about the rest (nothing is dropped without a word).
  const [leaveQuestion, setLeaveQuestion] = useState<((leave: boolean) => void) | null>(null);
  const discarded = useRef(false);
  const guard = useCallback(async () => {
    const result = await flush();
    if (result === 'saved') return true;
    const leave = await new Promise<boolean>((resolve) => setLeaveQuestion(() => resolve));
    setLeaveQuestion(null);
    if (leave) {
      discarded.current = true;
      discardUnsavedEdits(clientId);
    }
    return leave;
  }, [flush, clientId]);
  useLeaveGuard(guard);

  // Closed without the question (the app locked, the client deleted): save what can be saved
  // and keep the rest for when the client page opens again.
  useEffect(
    () => () => {
      if (discarded.current) return;
      const values = form.getValues();
      void flush().then((result) => {
        if (result !== 'saved') keepUnsavedEdits(clientId, values);
      });
    },
    [form, flush, clientId],
  );

  const onSubmit = handleSubmit(
    async () => {
      await flush();
    },
    () => void flush(),
  );

  const markReviewed = async () => {
    setReviewFailure(null);
    if ((await flush()) !== 'saved') return;
    try {
      await repositories().healthHistories.markReviewed(clientId);
    } catch (error) {
      setReviewFailure(describeStorageError(error, t('clients.history.reviewNotRecorded')));
    }
  };

  return (
    <form className="card health-history" onSubmit={onSubmit} noValidate aria-labelledby="history-title">
      <div className="card-header">
        <h2 id="history-title">{t('clients.history.title')}</h2>
        <div className="button-row">
          {unsaved && <span className="tag">{t('clients.history.unsaved')}</span>}
          <button type="submit" className="primary">
            {t('clients.history.save')}
          </button>
        </div>
      </div>
      <div className="history-review-row">
        <ReviewedLine reviewedAt={history.reviewedAt} />
        <button type="button" onClick={() => void markReviewed()} disabled={unsaved}>
          {t('clients.history.reviewedToday')}
        </button>
      </div>
      <HistorySaveStatus state={state} />
      {reviewFailure && (
        <p className="notice error" role="alert">
          {reviewFailure}
        </p>
      )}
      <Dialog
        title={t('clients.history.leaveTitle')}
        open={leaveQuestion !== null}
        onClose={() => leaveQuestion?.(false)}
      >
        <p>{t('clients.history.leaveText')}</p>
        <div className="button-row dialog-actions">
          <button type="button" className="primary" onClick={() => leaveQuestion?.(false)}>
            {t('clients.history.stay')}
          </button>
          <button type="button" className="danger" onClick={() => leaveQuestion?.(true)}>
            {t('clients.history.leave')}
          </button>
        </div>
      </Dialog>

      <section aria-labelledby="conditions-title" className="history-section">
        <div className="section-header">
          <h3 id="conditions-title">{t('clients.history.conditions')}</h3>
          <button
            type="button"
            onClick={() =>
              conditions.append({
                id: newId(),
                catalogId: null,
                label: '',
                status: 'current',
                onsetDate: null,
                resolvedDate: null,
                severity: null,
                treated: null,
                notes: '',
              })
            }
          >
            {t('clients.history.addCondition')}
          </button>
        </div>
        {conditions.fields.length === 0 && <p className="muted">{t('clients.history.noConditions')}</p>}
        {conditions.fields.map((item, index) => (
          <ConditionRow
            key={item.key}
            index={index}
            register={register}
            control={control}
            errors={errors}
            onCatalogPick={(catalogId) => {
              const picked = catalogId ? catalogItem(catalogId as never) : undefined;
              if (picked)
                setValue(`conditions.${index}.label`, t(`safety.catalog.${picked.id}`), {
                  shouldDirty: true,
                });
            }}
            onRemove={() => conditions.remove(index)}
          />
        ))}
      </section>

      <section aria-labelledby="medications-title" className="history-section">
        <div className="section-header">
          <h3 id="medications-title">{t('clients.history.medications')}</h3>
          <button
            type="button"
            onClick={() => medications.append({ id: newId(), name: '', dose: '', anticoagulant: false })}
          >
            {t('clients.history.addMedication')}
          </button>
        </div>
        {medications.fields.length === 0 && <p className="muted">{t('clients.history.noMedications')}</p>}
        {medications.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">
              {t('clients.history.medicationNumber', { number: index + 1 })}
            </legend>
            <Field label={t('clients.history.medication')} error={errors.medications?.[index]?.name?.message}>
              <input type="text" {...register(`medications.${index}.name`)} />
            </Field>
            <Field label={t('clients.history.dose')} error={errors.medications?.[index]?.dose?.message}>
              <input type="text" {...register(`medications.${index}.dose`)} />
            </Field>
            <label className="checkbox">
              <input type="checkbox" {...register(`medications.${index}.anticoagulant`)} />
              {t('clients.history.anticoagulant')}
            </label>
            <button type="button" className="link" onClick={() => medications.remove(index)}>
              {t('clients.history.remove')}
            </button>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="pregnancy-title" className="history-section">
        <h3 id="pregnancy-title">{t('clients.history.pregnancy')}</h3>
        <div className="history-row">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={pregnancy?.pregnant ?? false}
              onChange={(e) =>
                setValue(
                  'pregnancy',
                  e.target.checked ? { pregnant: true, dueDate: null, highRisk: false } : null,
                  { shouldDirty: true },
                )
              }
            />
            {t('clients.history.pregnant')}
          </label>
          {pregnancy?.pregnant && (
            <>
              <Field label={t('clients.history.dueDate')} error={errors.pregnancy?.dueDate?.message}>
                <input type="date" {...register('pregnancy.dueDate')} />
              </Field>
              <label className="checkbox">
                <input type="checkbox" {...register('pregnancy.highRisk')} />
                {t('clients.history.highRiskPregnancy')}
              </label>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="surgeries-title" className="history-section">
        <div className="section-header">
          <h3 id="surgeries-title">{t('clients.history.surgeries')}</h3>
          <button
            type="button"
            onClick={() => surgeries.append({ id: newId(), date: null, site: 'other', description: '' })}
          >
            {t('clients.history.addSurgery')}
          </button>
        </div>
        {surgeries.fields.length === 0 && <p className="muted">{t('clients.history.noSurgeries')}</p>}
        {surgeries.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">
              {t('clients.history.surgeryNumber', { number: index + 1 })}
            </legend>
            <Field label={t('clients.history.surgeryDate')} error={errors.surgeries?.[index]?.date?.message}>
              <input type="date" {...register(`surgeries.${index}.date`)} />
            </Field>
            <Field label={t('clients.history.site')} error={errors.surgeries?.[index]?.site?.message}>
              <select {...register(`surgeries.${index}.site`)}>
                {SURGERY_SITES.map((site) => (
                  <option key={site} value={site}>
                    {t(`clients.history.sites.${site}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('clients.history.whatWasDone')}
              error={errors.surgeries?.[index]?.description?.message}
            >
              <input type="text" {...register(`surgeries.${index}.description`)} />
            </Field>
            <button type="button" className="link" onClick={() => surgeries.remove(index)}>
              {t('clients.history.remove')}
            </button>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="injuries-title" className="history-section">
        <div className="section-header">
          <h3 id="injuries-title">{t('clients.history.headInjuries')}</h3>
          <button
            type="button"
            onClick={() => injuries.append({ id: newId(), date: null, description: '', treated: false })}
          >
            {t('clients.history.addHeadInjury')}
          </button>
        </div>
        {injuries.fields.length === 0 && <p className="muted">{t('clients.history.noHeadInjuries')}</p>}
        {injuries.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">
              {t('clients.history.headInjuryNumber', { number: index + 1 })}
            </legend>
            <Field
              label={t('clients.history.injuryDate')}
              error={errors.headInjuries?.[index]?.date?.message}
            >
              <input type="date" {...register(`headInjuries.${index}.date`)} />
            </Field>
            <Field
              label={t('clients.history.whatHappened')}
              error={errors.headInjuries?.[index]?.description?.message}
            >
              <input type="text" {...register(`headInjuries.${index}.description`)} />
            </Field>
            <label className="checkbox">
              <input type="checkbox" {...register(`headInjuries.${index}.treated`)} />
              {t('clients.history.seenByPhysician')}
            </label>
            <button type="button" className="link" onClick={() => injuries.remove(index)}>
              {t('clients.history.remove')}
            </button>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="clearances-title" className="history-section">
        <div className="section-header">
          <h3 id="clearances-title">{t('clients.history.clearances')}</h3>
          <button
            type="button"
            onClick={() =>
              clearances.append({
                id: newId(),
                ruleId: '',
                itemId: null,
                givenBy: '',
                date: '',
                validUntil: null,
                notes: '',
              })
            }
          >
            {t('clients.history.addClearance')}
          </button>
        </div>
        {clearances.fields.length === 0 && <p className="muted">{t('clients.history.noClearances')}</p>}
        {clearances.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">
              {t('clients.history.clearanceNumber', { number: index + 1 })}
            </legend>
            <Field
              label={t('clients.history.clearanceFor')}
              error={errors.clearances?.[index]?.ruleId?.message}
            >
              <select {...register(`clearances.${index}.ruleId`)}>
                <option value="">{t('clients.history.pick')}</option>
                {BUILT_IN_RULES.map((rule) => (
                  <option key={rule.id} value={rule.id}>
                    {t(`safety.rules.${rule.id}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('clients.history.givenBy')} error={errors.clearances?.[index]?.givenBy?.message}>
              <input type="text" {...register(`clearances.${index}.givenBy`)} />
            </Field>
            <Field
              label={t('clients.history.clearanceDate')}
              error={errors.clearances?.[index]?.date?.message}
            >
              <input type="date" {...register(`clearances.${index}.date`)} />
            </Field>
            <Field
              label={t('clients.history.validUntil')}
              error={errors.clearances?.[index]?.validUntil?.message}
            >
              <input type="date" {...register(`clearances.${index}.validUntil`)} />
            </Field>
            <button type="button" className="link" onClick={() => clearances.remove(index)}>
              {t('clients.history.remove')}
            </button>
          </fieldset>
        ))}
      </section>
    </form>
  );
}

function ConditionRow({
  index,
  register,
  control,
  errors,
  onCatalogPick,
  onRemove,
}: {
  index: number;
  register: UseFormRegister<HealthHistoryFormValues>;
  control: Control<HealthHistoryFormValues, unknown, HealthHistoryInput>;
  errors: Errors;
  onCatalogPick: (catalogId: string) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const e = errors.conditions?.[index];
  const catalog = register(`conditions.${index}.catalogId`);
  return (
    <fieldset className="history-row condition-row">
      <legend className="visually-hidden">
        {t('clients.history.conditionNumber', { number: index + 1 })}
      </legend>
      <Field label={t('clients.history.fromList')} error={e?.catalogId?.message}>
        <select
          {...catalog}
          onChange={(event) => {
            void catalog.onChange(event);
            onCatalogPick(event.target.value);
          }}
        >
          <option value="">{t('clients.history.otherTypeIt')}</option>
          {CONDITION_CATALOG.map((item) => (
            <option key={item.id} value={item.id}>
              {t(`safety.catalog.${item.id}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('clients.history.condition')} error={e?.label?.message}>
        <input type="text" {...register(`conditions.${index}.label`)} />
      </Field>
      <Field label={t('clients.history.status')} error={e?.status?.message}>
        <select {...register(`conditions.${index}.status`)}>
          <option value="current">{t('clients.history.current')}</option>
          <option value="past">{t('clients.history.past')}</option>
        </select>
      </Field>
      <Field label={t('clients.history.onsetDate')} error={e?.onsetDate?.message}>
        <input type="date" {...register(`conditions.${index}.onsetDate`)} />
      </Field>
      <Field label={t('clients.history.resolvedDate')} error={e?.resolvedDate?.message}>
        <input type="date" {...register(`conditions.${index}.resolvedDate`)} />
      </Field>
      <Field label={t('clients.history.severity')} error={e?.severity?.message}>
        <select {...register(`conditions.${index}.severity`)}>
          <option value="">{t('clients.history.notRecorded')}</option>
          {CONDITION_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`clients.history.severities.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Controller
        control={control}
        name={`conditions.${index}.treated`}
        render={({ field }) => (
          <Field label={t('clients.history.treatedByPhysician')} error={e?.treated?.message}>
            <TriStateSelect value={field.value ?? null} onChange={field.onChange} />
          </Field>
        )}
      />
      {/* The whole row's width, and as many lines as the note needs: nothing is cut off. */}
      <Field label={t('clients.history.notes')} error={e?.notes?.message} wide>
        <textarea rows={1} className="auto-grow" {...register(`conditions.${index}.notes`)} />
      </Field>
      <button type="button" className="link" onClick={onRemove}>
        {t('clients.history.remove')}
      </button>
    </fieldset>
  );
}
