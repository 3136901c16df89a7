import { useState } from 'react';
import { newId } from '../../../src-shared/domain/ids';
import { SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import {
  BUILT_IN_RULES,
  CONDITION_CATALOG,
  type CustomRule,
  type SafetySettings,
  SafetySettingsSchema,
  SEVERITY_ORDER,
  WINDOW_UNITS,
  WINDOWED_RULE_IDS,
  type Window,
  type WindowedRuleId,
} from '../../../src-shared/safety';
import { fieldErrors } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';

/**
 * The practice's adjustments to the contraindication check: its own time windows for the
 * built-in rules, and its own rules ("warn me about anyone with lupus").
 */
export function SafetyRulesForm({ initial }: { initial: SafetySettings }) {
  const t = useT();
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
      setStatus({ kind: 'error', text: t('settings.safety.notSaved') });
      return;
    }
    await repositories().settings.put(SETTINGS_KEYS.safety, SafetySettingsSchema, parsed.data);
    setErrors({});
    setStatus({ kind: 'ok', text: t('settings.safety.saved') });
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
        <h2 id="safety-rules-title">{t('settings.safety.title')}</h2>
        <button type="submit" className="primary">
          {t('settings.safety.save')}
        </button>
      </div>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <h3>{t('settings.safety.windows')}</h3>
      <p className="muted">{t('settings.safety.windowsText')}</p>
      <table className="data windows-table">
        <thead>
          <tr>
            <th scope="col">{t('settings.safety.rule')}</th>
            <th scope="col">{t('settings.safety.default')}</th>
            <th scope="col">{t('settings.safety.yourPractice')}</th>
          </tr>
        </thead>
        <tbody>
          {WINDOWED_RULE_IDS.map((id) => {
            const rule = BUILT_IN_RULES.find((r) => r.id === id)!;
            const title = t(`safety.rules.${id}`);
            const override = settings.windowOverrides[id];
            return (
              <tr key={id}>
                <th scope="row">{title}</th>
                <td>
                  {rule.window
                    ? t(`settings.safety.window.${rule.window.unit}`, { amount: rule.window.amount })
                    : '—'}
                </td>
                <td>
                  <div className="window-editor">
                    <input
                      type="number"
                      min={0}
                      aria-label={t('settings.safety.amount', { rule: title })}
                      placeholder={t('settings.safety.defaultPlaceholder')}
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
                      aria-label={t('settings.safety.unit', { rule: title })}
                      value={override?.unit ?? rule.window?.unit ?? 'weeks'}
                      disabled={!override}
                      onChange={(e) =>
                        override && setWindow(id, { ...override, unit: e.target.value as Window['unit'] })
                      }
                    >
                      {WINDOW_UNITS.map((unit) => (
                        <option key={unit} value={unit}>
                          {t(`settings.safety.units.${unit}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {errors[`windowOverrides.${id}.amount`] && (
                    <span className="field-error" role="alert">
                      {fieldMessage(t, errors[`windowOverrides.${id}.amount`] ?? '')}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <div className="section-header">
        <h3>{t('settings.safety.practiceRules')}</h3>
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
          {t('settings.safety.addRule')}
        </button>
      </div>
      {settings.customRules.length === 0 && <p className="muted">{t('settings.safety.noRules')}</p>}
      {settings.customRules.map((rule, index) => (
        <fieldset key={rule.id} className="history-row">
          <legend className="visually-hidden">
            {t('settings.safety.ruleNumber', { number: index + 1 })}
          </legend>
          <Field label={t('settings.safety.keyword')} error={errors[`customRules.${index}.keyword`]}>
            <input
              type="text"
              value={rule.keyword}
              onChange={(e) => setRule(index, { keyword: e.target.value })}
            />
          </Field>
          <Field label={t('settings.safety.condition')} error={errors[`customRules.${index}.catalogId`]}>
            <select
              value={rule.catalogId ?? ''}
              onChange={(e) =>
                setRule(index, { catalogId: (e.target.value || null) as CustomRule['catalogId'] })
              }
            >
              <option value="">—</option>
              {CONDITION_CATALOG.map((item) => (
                <option key={item.id} value={item.id}>
                  {t(`safety.catalog.${item.id}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.safety.severity')} error={errors[`customRules.${index}.severity`]}>
            <select
              value={rule.severity}
              onChange={(e) => setRule(index, { severity: e.target.value as CustomRule['severity'] })}
            >
              {SEVERITY_ORDER.map((s) => (
                <option key={s} value={s}>
                  {t(`safety.severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.safety.message')} error={errors[`customRules.${index}.message`]}>
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
            {t('settings.safety.remove')}
          </button>
        </fieldset>
      ))}
    </form>
  );
}
