import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { DEFAULT_CONSENT_TEXT } from '../../../src-shared/intake/default-consent';
import {
  CUSTOM_QUESTION_KINDS,
  type CustomQuestion,
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_SETTINGS_KEY,
  type IntakeSettings,
  IntakeSettingsSchema,
} from '../../../src-shared/intake/settings';
import { fieldErrors } from '../../../src-shared/validation';
import { useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { useSetting } from '../settings/useSetting';
import { type PaperOutcome, printBlankIntakeForm, saveBlankIntakeForm } from './paper';

const KIND_LABELS: Record<CustomQuestion['kind'], MessageKey> = {
  text: 'intake.settings.kindText',
  'yes-no': 'intake.settings.kindYesNo',
  date: 'intake.settings.kindDate',
  choice: 'intake.settings.kindChoice',
};

/**
 * Settings > Intake and consent: the consent text and its versions (a signed version can only
 * be replaced), when a returning client is asked to update, how long the client's screen waits,
 * the practice's own questions, and the blank form on paper.
 */
export function IntakeSettingsCard() {
  const t = useT();
  const settings = useSetting(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, DEFAULT_INTAKE_SETTINGS);
  const consent = useLiveQuery(async () => {
    const current = await repositories().consents.current();
    return { current, signed: current ? await repositories().consents.isSigned(current.id) : false };
  }, []);
  const [paper, setPaper] = useState<PaperOutcome | null>(null);
  if (!settings || !consent) return null;
  return (
    <section className="card" aria-labelledby="intake-settings-title">
      <h2 id="intake-settings-title">{t('intake.settings.title')}</h2>
      <IntakeNumbers initial={settings} />
      <ConsentTextEditor current={consent.current} signed={consent.signed} />
      <PracticeQuestions settings={settings} />
      <h3>{t('intake.settings.onPaper')}</h3>
      <div className="button-row">
        <button type="button" onClick={() => void printBlankIntakeForm(t).then(setPaper)}>
          {t('intake.settings.printBlank')}
        </button>
        <button type="button" onClick={() => void saveBlankIntakeForm(t).then(setPaper)}>
          {t('intake.settings.saveBlank')}
        </button>
      </div>
      {paper && (
        <p className={paper.ok ? 'notice ok' : 'notice warning'} role="status">
          {paper.text}
        </p>
      )}
    </section>
  );
}

function IntakeNumbers({ initial }: { initial: IntakeSettings }) {
  const t = useT();
  const [months, setMonths] = useState(String(initial.updateAfterMonths));
  const [idle, setIdle] = useState(String(initial.idleMinutes));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = async () => {
    // Read again: the practice's questions may have changed since this form opened.
    const stored = await repositories().settings.get(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, initial);
    const parsed = IntakeSettingsSchema.safeParse({
      ...stored,
      updateAfterMonths: Number(months),
      idleMinutes: Number(idle),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await repositories().settings.put(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, parsed.data);
    setSaved(true);
  };
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor="intake-update-months">{t('intake.settings.updateMonths')}</label>
        <input
          id="intake-update-months"
          type="number"
          min={1}
          max={120}
          value={months}
          onChange={(e) => {
            setMonths(e.target.value);
            setSaved(false);
          }}
        />
        {errors.updateAfterMonths && (
          <span className="field-error">{fieldMessage(t, errors.updateAfterMonths)}</span>
        )}
      </div>
      <div className="field">
        <label htmlFor="intake-idle">{t('intake.settings.idle')}</label>
        <input
          id="intake-idle"
          type="number"
          min={1}
          max={60}
          value={idle}
          onChange={(e) => {
            setIdle(e.target.value);
            setSaved(false);
          }}
        />
        {errors.idleMinutes && <span className="field-error">{fieldMessage(t, errors.idleMinutes)}</span>}
      </div>
      <div className="button-row">
        <button type="button" onClick={() => void save()}>
          {t('intake.settings.save')}
        </button>
        {saved && <span role="status">{t('intake.settings.saved')}</span>}
      </div>
    </div>
  );
}

function ConsentTextEditor({
  current,
  signed,
}: {
  current: { id: string; version: number; text: string } | null;
  signed: boolean;
}) {
  const t = useT();
  const [text, setText] = useState(current?.text ?? DEFAULT_CONSENT_TEXT);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setText(current?.text ?? DEFAULT_CONSENT_TEXT), [current?.text]);
  const consents = repositories().consents;
  const save = async (asNew: boolean) => {
    try {
      const saved =
        asNew || !current ? await consents.createVersion(text) : await consents.saveText(current.id, text);
      setMessage({ ok: true, text: t('intake.settings.versionSaved', { version: saved.version }) });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="field wide">
      <label htmlFor="consent-text">
        {current
          ? t(signed ? 'intake.settings.consentLabelSigned' : 'intake.settings.consentLabelVersion', {
              version: current.version,
            })
          : t('intake.settings.consentLabelUnused')}
      </label>
      <textarea id="consent-text" rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      <span className="field-hint">{t('intake.settings.consentLanguage')}</span>
      {signed && (
        <span className="field-hint">
          {t('intake.settings.signedHint', { next: (current?.version ?? 0) + 1 })}
        </span>
      )}
      <div className="button-row">
        <button type="button" onClick={() => void save(signed)}>
          {signed || !current ? t('intake.settings.saveNew') : t('intake.settings.saveText')}
        </button>
      </div>
      {message && (
        <span className={message.ok ? 'notice ok' : 'field-error'} role="status">
          {message.text}
        </span>
      )}
    </div>
  );
}

function PracticeQuestions({ settings }: { settings: IntakeSettings }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<CustomQuestion['kind']>('text');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const store = (customQuestions: CustomQuestion[]) =>
    repositories().settings.put(INTAKE_SETTINGS_KEY, IntakeSettingsSchema, { ...settings, customQuestions });
  const add = async () => {
    const question = {
      id: globalThis.crypto.randomUUID().slice(0, 8),
      kind,
      label,
      options:
        kind === 'choice'
          ? options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
    };
    const parsed = IntakeSettingsSchema.safeParse({
      ...settings,
      customQuestions: [...settings.customQuestions, question],
    });
    if (!parsed.success) {
      const first = parsed.error.issues[0]?.message;
      return setError(first ? fieldMessage(t, first) : t('intake.settings.cannotAdd'));
    }
    if (kind === 'choice' && question.options.length < 2) return setError(t('intake.settings.twoChoices'));
    setError(null);
    await store(parsed.data.customQuestions);
    setLabel('');
    setOptions('');
  };
  return (
    <div>
      <h3>{t('intake.settings.ownQuestions')}</h3>
      <p className="field-hint">{t('intake.settings.ownQuestionsHint')}</p>
      {settings.customQuestions.length === 0 ? (
        <p className="muted">{t('intake.settings.noQuestions')}</p>
      ) : (
        <ul>
          {settings.customQuestions.map((q) => (
            <li key={q.id}>
              {q.label} <span className="muted">({t(KIND_LABELS[q.kind])})</span>{' '}
              <button
                type="button"
                onClick={() => void store(settings.customQuestions.filter((other) => other.id !== q.id))}
              >
                {t('intake.settings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-grid">
        <div className="field wide">
          <label htmlFor="custom-question">{t('intake.settings.question')}</label>
          <input id="custom-question" type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
          {error && <span className="field-error">{error}</span>}
        </div>
        <div className="field">
          <label htmlFor="custom-kind">{t('intake.settings.answer')}</label>
          <select
            id="custom-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as CustomQuestion['kind'])}
          >
            {CUSTOM_QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        {kind === 'choice' && (
          <div className="field wide">
            <label htmlFor="custom-options">{t('intake.settings.choices')}</label>
            <textarea
              id="custom-options"
              rows={3}
              value={options}
              onChange={(e) => setOptions(e.target.value)}
            />
          </div>
        )}
        <div className="button-row">
          <button type="button" onClick={() => void add()}>
            {t('intake.settings.add')}
          </button>
        </div>
      </div>
    </div>
  );
}
