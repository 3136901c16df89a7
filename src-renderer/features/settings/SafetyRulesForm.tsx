import { useState } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import { SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import {
  BUILT_IN_RULES,
  CONDITION_CATALOG,
  type CustomRule,
  describeWindow,
  type SafetySettings,
  SafetySettingsSchema,
  SEVERITY_ORDER,
  severityLabel,
  WINDOW_UNITS,
  WINDOWED_RULE_IDS,
  type Window,
  type WindowedRuleId,
} from '../../../src-shared/safety';
import { fieldErrors } from '../../../src-shared/validation';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

/**
 * The practice's adjustments to the contraindication check: its own time windows for the
 * built-in rules, and its own rules ("warn me about anyone with lupus").
 */
export function SafetyRulesForm({ initial }: { initial: SafetySettings }) {
  const [settings, setSettings] = useState<SafetySettings>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const setWindow = (id: WindowedRuleId, window: Window | undefined) => {
    const windowOverrides = { ...settings.windowOverrides };
    if (window) windowOverrides[id] = window;
    else delete windowOverrides[id];
    setSettings({ ...settings, windowOverrides });
  };
  const setRule = (index: number, patch: Partial<CustomRule>) =>
    setSettings({
      ...settings,
      customRules: settings.customRules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)),
    });

  const save = async () => {
    const parsed = SafetySettingsSchema.safeParse(settings);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setStatus({ kind: 'error', text: 'The safety rules were not saved: see the messages below.' });
      return;
    }
    await repositories().settings.put(SETTINGS_KEYS.safety, SafetySettingsSchema, parsed.data);
    setErrors({});
    setStatus({ kind: 'ok', text: 'Safety rules saved. They apply from the next check.' });
  };

  return (
    <form
      className="card settings-form"
      aria-labelledby="safety-rules-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="card-header">
        <h2 id="safety-rules-title">Safety rules</h2>
        <button type="submit" className="primary">
          Save safety rules
        </button>
      </div>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <h3>Time windows</h3>
      <p className="muted">
        How long after the event a rule applies. Leave as default unless your practice decided otherwise.
      </p>
      <table className="data windows-table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Default</th>
            <th scope="col">Your practice</th>
          </tr>
        </thead>
        <tbody>
          {WINDOWED_RULE_IDS.map((id) => {
            const rule = BUILT_IN_RULES.find((r) => r.id === id)!;
            const override = settings.windowOverrides[id];
            return (
              <tr key={id}>
                <th scope="row">{rule.title}</th>
                <td>{rule.window ? describeWindow(rule.window) : '—'}</td>
                <td>
                  <div className="window-editor">
                    <input
                      type="number"
                      min={0}
                      aria-label={`${rule.title}: amount`}
                      placeholder="default"
                      value={override?.amount ?? ''}
                      onChange={(e) =>
                        setWindow(
                          id,
                          e.target.value === ''
                            ? undefined
                            : {
                                unit: override?.unit ?? rule.window?.unit ?? 'weeks',
                                amount: Number(e.target.value),
                              },
                        )
                      }
                    />
                    <select
                      aria-label={`${rule.title}: unit`}
                      value={override?.unit ?? rule.window?.unit ?? 'weeks'}
                      disabled={!override}
                      onChange={(e) =>
                        override && setWindow(id, { ...override, unit: e.target.value as Window['unit'] })
                      }
                    >
                      {WINDOW_UNITS.map((unit) => (
                        <option key={unit} value={unit}>
                          {unit}
                        </option>
                      ))}
                    </select>
                  </div>
                  {errors[`windowOverrides.${id}.amount`] && (
                    <span className="field-error" role="alert">
                      {errors[`windowOverrides.${id}.amount`]}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <div className="section-header">
        <h3>Practice rules</h3>
        <button
          type="button"
          onClick={() =>
            setSettings({
              ...settings,
              customRules: [
                ...settings.customRules,
                {
                  id: newId(),
                  title: '',
                  keyword: '',
                  catalogId: null,
                  severity: 'CAUTION',
                  message: '',
                  includePast: false,
                },
              ],
            })
          }
        >
          Add practice rule
        </button>
      </div>
      {settings.customRules.length === 0 && <p className="muted">No practice rules yet.</p>}
      {settings.customRules.map((rule, index) => (
        <fieldset key={rule.id} className="history-row">
          <legend className="visually-hidden">{`Practice rule ${index + 1}`}</legend>
          <Field label="Word to look for" error={errors[`customRules.${index}.keyword`]}>
            <input
              type="text"
              value={rule.keyword}
              onChange={(e) => setRule(index, { keyword: e.target.value })}
            />
          </Field>
          <Field label="Or a condition" error={errors[`customRules.${index}.catalogId`]}>
            <select
              value={rule.catalogId ?? ''}
              onChange={(e) =>
                setRule(index, { catalogId: (e.target.value || null) as CustomRule['catalogId'] })
              }
            >
              <option value="">—</option>
              {CONDITION_CATALOG.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Severity" error={errors[`customRules.${index}.severity`]}>
            <select
              value={rule.severity}
              onChange={(e) => setRule(index, { severity: e.target.value as CustomRule['severity'] })}
            >
              {SEVERITY_ORDER.map((s) => (
                <option key={s} value={s}>
                  {severityLabel(s)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Message" error={errors[`customRules.${index}.message`]}>
            <input
              type="text"
              value={rule.message}
              onChange={(e) => setRule(index, { message: e.target.value })}
            />
          </Field>
          <button
            type="button"
            className="link"
            onClick={() =>
              setSettings({ ...settings, customRules: settings.customRules.filter((_, i) => i !== index) })
            }
          >
            Remove
          </button>
        </fieldset>
      ))}
    </form>
  );
}
