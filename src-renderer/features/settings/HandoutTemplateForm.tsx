import { useState } from 'react';
import {
  AFTERCARE_PLACEHOLDERS,
  type AftercareTemplate,
  AftercareTemplateSchema,
} from '../../../src-shared/domain/aftercare';
import {
  editedHandoutLanguages,
  HANDOUT_TEMPLATES,
  handoutWordingIn,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type MessageKey,
  type StoredHandoutTexts,
} from '../../../src-shared/i18n';
import { fieldMessage } from '../../../src-shared/i18n/field-messages';
import { fieldErrors } from '../../../src-shared/validation';
import { currentLanguage, useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { saveHandoutText } from './handout-texts';

type ListKey = 'whatToExpect' | 'selfCare' | 'seekHelp';
type TextKey = 'intro' | 'seekHelpAdvice' | 'contact' | 'closing';
type Draft = Record<ListKey | TextKey, string>;

const LISTS: { key: ListKey; label: MessageKey }[] = [
  { key: 'whatToExpect', label: 'settings.handout.whatToExpect' },
  { key: 'selfCare', label: 'settings.handout.selfCare' },
  { key: 'seekHelp', label: 'settings.handout.seekHelp' },
];
const TEXTS: { key: TextKey; label: MessageKey }[] = [
  { key: 'intro', label: 'settings.handout.intro' },
  { key: 'seekHelpAdvice', label: 'settings.handout.seekHelpAdvice' },
  { key: 'contact', label: 'settings.handout.contact' },
  { key: 'closing', label: 'settings.handout.closing' },
];

/**
 * The handout's wording in each of Stillpoint's languages: a language chosen at the top, one
 * textarea per part, placeholders, and a reset to Stillpoint's standard wording in that language.
 * A client's handout uses the wording in the client's language (handout-choice.ts).
 */
export function HandoutTemplateForm({ stored }: { stored: StoredHandoutTexts }) {
  const [language, setLanguage] = useState<Language>(currentLanguage);
  return (
    <HandoutWordingForm
      // A fresh draft for each language: the boxes show that language's wording.
      key={language}
      language={language}
      onLanguage={setLanguage}
      stored={stored}
    />
  );
}

function HandoutWordingForm({
  language,
  onLanguage,
  stored,
}: {
  language: Language;
  onLanguage: (language: Language) => void;
  stored: StoredHandoutTexts;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(handoutWordingIn(language, stored)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const edited = editedHandoutLanguages(stored).includes(language);

  const save = async (template: Draft) => {
    const parsed = AftercareTemplateSchema.safeParse(fromDraft(template));
    if (!parsed.success) {
      const byField = fieldErrors(parsed.error);
      // "seekHelp.2" -> show under the seekHelp box
      const top: Record<string, string> = {};
      for (const [path, message] of Object.entries(byField)) {
        const [key, index] = path.split('.');
        if (key && !(key in top))
          top[key] =
            index !== undefined
              ? t('settings.handout.lineError', {
                  line: Number(index) + 1,
                  message: fieldMessage(t, message),
                })
              : message;
      }
      setErrors(top);
      setStatus({ kind: 'error', text: t('settings.handout.notSaved') });
      return;
    }
    await saveHandoutText(repositories().settings, language, parsed.data);
    setErrors({});
    setStatus({ kind: 'ok', text: t('settings.handout.saved') });
  };

  const box = (key: ListKey | TextKey, label: MessageKey, rows: number) => (
    <Field key={key} label={t(label)} error={errors[key]} wide>
      <textarea
        rows={rows}
        lang={language}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </Field>
  );

  return (
    <form
      className="card settings-form"
      aria-labelledby="handout-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <div className="card-header">
        <h2 id="handout-title">{t('settings.handout.title')}</h2>
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              const defaults = toDraft(HANDOUT_TEMPLATES[language]);
              setDraft(defaults);
              void save(defaults);
            }}
          >
            {t('settings.handout.reset')}
          </button>
          <button type="submit" className="primary">
            {t('settings.handout.save')}
          </button>
        </div>
      </div>
      <Field label={t('settings.handout.language')} hint={t('settings.handout.languageHint')}>
        <select value={language} onChange={(e) => onLanguage(e.target.value as Language)}>
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </select>
      </Field>
      <p className="muted" data-testid="handout-wording-note">
        {edited
          ? t('settings.handout.editedInUse', { language: LANGUAGE_NAMES[language] })
          : t('settings.handout.standardInUse', { language: LANGUAGE_NAMES[language] })}
      </p>
      <p className="muted">
        {t('settings.handout.placeholders', {
          placeholders: AFTERCARE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' '),
        })}{' '}
        {t('settings.handout.placeholderEmpty')} {t('settings.handout.sober')}
      </p>
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <div className="form-grid">
        {TEXTS.slice(0, 1).map(({ key, label }) => box(key, label, 2))}
        {LISTS.map(({ key, label }) => box(key, label, 5))}
        {TEXTS.slice(1).map(({ key, label }) => box(key, label, 2))}
      </div>
    </form>
  );
}

function toDraft(template: AftercareTemplate): Draft {
  return {
    intro: template.intro,
    whatToExpect: template.whatToExpect.join('\n'),
    selfCare: template.selfCare.join('\n'),
    seekHelp: template.seekHelp.join('\n'),
    seekHelpAdvice: template.seekHelpAdvice,
    contact: template.contact,
    closing: template.closing,
  };
}

function fromDraft(draft: Draft): AftercareTemplate {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  return {
    intro: draft.intro,
    whatToExpect: lines(draft.whatToExpect),
    selfCare: lines(draft.selfCare),
    seekHelp: lines(draft.seekHelp),
    seekHelpAdvice: draft.seekHelpAdvice,
    contact: draft.contact,
    closing: draft.closing,
  };
}
