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
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <p className="muted history-save-status" role="status">
          Saving…
        </p>
      );
    case 'saved':
      return (
        <p className="notice ok" role="status">
          Health history saved.
        </p>
      );
    case 'invalid':
      return (
        <p className="notice error" role="alert">
          Some fields need attention; the health history was not saved.
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
  return (
    <select
      {...rest}
      value={value === null ? '' : value ? 'yes' : 'no'}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}
    >
      <option value="">Not recorded</option>
      <option value="yes">Yes</option>
      <option value="no">No</option>
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
    describeError: (error) => describeStorageError(error, 'Not saved'),
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
      setReviewFailure(describeStorageError(error, 'Not recorded'));
    }
  };

  return (
    <form className="card health-history" onSubmit={onSubmit} noValidate aria-labelledby="history-title">
      <div className="card-header">
        <h2 id="history-title">Health history</h2>
        <div className="button-row">
          {unsaved && <span className="tag">Unsaved changes</span>}
          <button type="submit" className="primary">
            Save health history
          </button>
        </div>
      </div>
      <div className="history-review-row">
        <ReviewedLine reviewedAt={history.reviewedAt} />
        <button type="button" onClick={() => void markReviewed()} disabled={unsaved}>
          Reviewed with the client today: no changes
        </button>
      </div>
      <HistorySaveStatus state={state} />
      {reviewFailure && (
        <p className="notice error" role="alert">
          {reviewFailure}
        </p>
      )}
      <Dialog
        title="Leave with unsaved health history?"
        open={leaveQuestion !== null}
        onClose={() => leaveQuestion?.(false)}
      >
        <p>
          Some changes to the health history cannot be saved yet: the fields marked in red need attention. If
          you leave now, these changes are lost and the safety check runs on the history as last saved.
        </p>
        <div className="button-row dialog-actions">
          <button type="button" className="primary" onClick={() => leaveQuestion?.(false)}>
            Stay and fix them
          </button>
          <button type="button" className="danger" onClick={() => leaveQuestion?.(true)}>
            Leave without these changes
          </button>
        </div>
      </Dialog>

      <section aria-labelledby="conditions-title" className="history-section">
        <div className="section-header">
          <h3 id="conditions-title">Conditions</h3>
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
            Add condition
          </button>
        </div>
        {conditions.fields.length === 0 && <p className="muted">No conditions recorded.</p>}
        {conditions.fields.map((item, index) => (
          <ConditionRow
            key={item.key}
            index={index}
            register={register}
            control={control}
            errors={errors}
            onCatalogPick={(catalogId) => {
              const picked = catalogId ? catalogItem(catalogId as never) : undefined;
              if (picked) setValue(`conditions.${index}.label`, picked.label, { shouldDirty: true });
            }}
            onRemove={() => conditions.remove(index)}
          />
        ))}
      </section>

      <section aria-labelledby="medications-title" className="history-section">
        <div className="section-header">
          <h3 id="medications-title">Medications</h3>
          <button
            type="button"
            onClick={() => medications.append({ id: newId(), name: '', dose: '', anticoagulant: false })}
          >
            Add medication
          </button>
        </div>
        {medications.fields.length === 0 && <p className="muted">No medications recorded.</p>}
        {medications.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">{`Medication ${index + 1}`}</legend>
            <Field label="Medication" error={errors.medications?.[index]?.name?.message}>
              <input type="text" {...register(`medications.${index}.name`)} />
            </Field>
            <Field label="Dose" error={errors.medications?.[index]?.dose?.message}>
              <input type="text" {...register(`medications.${index}.dose`)} />
            </Field>
            <label className="checkbox">
              <input type="checkbox" {...register(`medications.${index}.anticoagulant`)} />
              Blood thinner (anticoagulant)
            </label>
            <button type="button" className="link" onClick={() => medications.remove(index)}>
              Remove
            </button>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="pregnancy-title" className="history-section">
        <h3 id="pregnancy-title">Pregnancy</h3>
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
            Pregnant
          </label>
          {pregnancy?.pregnant && (
            <>
              <Field label="Due date" error={errors.pregnancy?.dueDate?.message}>
                <input type="date" {...register('pregnancy.dueDate')} />
              </Field>
              <label className="checkbox">
                <input type="checkbox" {...register('pregnancy.highRisk')} />
                High-risk pregnancy
              </label>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="surgeries-title" className="history-section">
        <div className="section-header">
          <h3 id="surgeries-title">Surgeries</h3>
          <button
            type="button"
            onClick={() => surgeries.append({ id: newId(), date: null, site: 'other', description: '' })}
          >
            Add surgery
          </button>
        </div>
        {surgeries.fields.length === 0 && <p className="muted">No surgeries recorded.</p>}
        {surgeries.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">{`Surgery ${index + 1}`}</legend>
            <Field label="Surgery date" error={errors.surgeries?.[index]?.date?.message}>
              <input type="date" {...register(`surgeries.${index}.date`)} />
            </Field>
            <Field label="Site" error={errors.surgeries?.[index]?.site?.message}>
              <select {...register(`surgeries.${index}.site`)}>
                {SURGERY_SITES.map((site) => (
                  <option key={site} value={site}>
                    {site === 'cranial' ? 'Cranial (head)' : site === 'spinal' ? 'Spinal' : 'Other'}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="What was done" error={errors.surgeries?.[index]?.description?.message}>
              <input type="text" {...register(`surgeries.${index}.description`)} />
            </Field>
            <button type="button" className="link" onClick={() => surgeries.remove(index)}>
              Remove
            </button>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="injuries-title" className="history-section">
        <div className="section-header">
          <h3 id="injuries-title">Head injuries</h3>
          <button
            type="button"
            onClick={() => injuries.append({ id: newId(), date: null, description: '', treated: false })}
          >
            Add head injury
          </button>
        </div>
        {injuries.fields.length === 0 && <p className="muted">No head injuries recorded.</p>}
        {injuries.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">{`Head injury ${index + 1}`}</legend>
            <Field label="Injury date" error={errors.headInjuries?.[index]?.date?.message}>
              <input type="date" {...register(`headInjuries.${index}.date`)} />
            </Field>
            <Field label="What happened" error={errors.headInjuries?.[index]?.description?.message}>
              <input type="text" {...register(`headInjuries.${index}.description`)} />
            </Field>
            <label className="checkbox">
              <input type="checkbox" {...register(`headInjuries.${index}.treated`)} />
              Seen and treated by a physician
            </label>
            <button type="button" className="link" onClick={() => injuries.remove(index)}>
              Remove
            </button>
          </fieldset>
        ))}
      </section>

      <section aria-labelledby="clearances-title" className="history-section">
        <div className="section-header">
          <h3 id="clearances-title">Medical clearances</h3>
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
            Add clearance
          </button>
        </div>
        {clearances.fields.length === 0 && <p className="muted">No clearances on file.</p>}
        {clearances.fields.map((item, index) => (
          <fieldset key={item.key} className="history-row">
            <legend className="visually-hidden">{`Clearance ${index + 1}`}</legend>
            <Field label="Clearance for" error={errors.clearances?.[index]?.ruleId?.message}>
              <select {...register(`clearances.${index}.ruleId`)}>
                <option value="">Pick…</option>
                {BUILT_IN_RULES.map((rule) => (
                  <option key={rule.id} value={rule.id}>
                    {rule.title}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Given by" error={errors.clearances?.[index]?.givenBy?.message}>
              <input type="text" {...register(`clearances.${index}.givenBy`)} />
            </Field>
            <Field label="Clearance date" error={errors.clearances?.[index]?.date?.message}>
              <input type="date" {...register(`clearances.${index}.date`)} />
            </Field>
            <Field label="Valid until" error={errors.clearances?.[index]?.validUntil?.message}>
              <input type="date" {...register(`clearances.${index}.validUntil`)} />
            </Field>
            <button type="button" className="link" onClick={() => clearances.remove(index)}>
              Remove
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
  const e = errors.conditions?.[index];
  const catalog = register(`conditions.${index}.catalogId`);
  return (
    <fieldset className="history-row condition-row">
      <legend className="visually-hidden">{`Condition ${index + 1}`}</legend>
      <Field label="From the list" error={e?.catalogId?.message}>
        <select
          {...catalog}
          onChange={(event) => {
            void catalog.onChange(event);
            onCatalogPick(event.target.value);
          }}
        >
          <option value="">Other (type it)</option>
          {CONDITION_CATALOG.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Condition" error={e?.label?.message}>
        <input type="text" {...register(`conditions.${index}.label`)} />
      </Field>
      <Field label="Status" error={e?.status?.message}>
        <select {...register(`conditions.${index}.status`)}>
          <option value="current">Current</option>
          <option value="past">Past</option>
        </select>
      </Field>
      <Field label="Onset or diagnosis date" error={e?.onsetDate?.message}>
        <input type="date" {...register(`conditions.${index}.onsetDate`)} />
      </Field>
      <Field label="Resolved date" error={e?.resolvedDate?.message}>
        <input type="date" {...register(`conditions.${index}.resolvedDate`)} />
      </Field>
      <Field label="Severity" error={e?.severity?.message}>
        <select {...register(`conditions.${index}.severity`)}>
          <option value="">Not recorded</option>
          {CONDITION_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s === 'high-risk' ? 'High risk' : s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </Field>
      <Controller
        control={control}
        name={`conditions.${index}.treated`}
        render={({ field }) => (
          <Field label="Treated by a physician" error={e?.treated?.message}>
            <TriStateSelect value={field.value ?? null} onChange={field.onChange} />
          </Field>
        )}
      />
      {/* The whole row's width, and as many lines as the note needs: nothing is cut off. */}
      <Field label="Notes" error={e?.notes?.message} wide>
        <textarea rows={1} className="auto-grow" {...register(`conditions.${index}.notes`)} />
      </Field>
      <button type="button" className="link" onClick={onRemove}>
        Remove
      </button>
    </fieldset>
  );
}
