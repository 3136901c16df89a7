import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { AppLanguageSettingSchema, SETTINGS_KEYS } from '../../../src-shared/domain/settings';
import {
  type AppLanguage,
  AppLanguageSchema,
  editedHandoutLanguages,
  LANGUAGE_NAMES,
  LANGUAGES,
  PSEUDO_LANGUAGE,
  translatorFor,
} from '../../../src-shared/i18n';
import { currentLanguage, systemLanguage, useT } from '../../app/i18n';
import { repositories } from '../../app/repositories';
import { Field } from '../../app/ui/Field';
import { useAppInfo } from '../../app/useAppInfo';
import { describeStorageError } from '../../db/errors';
import { languageNameList, useHandoutTexts } from './handout-texts';

const FOLLOW_SYSTEM = 'system';

/**
 * Settings → Language: the language Stillpoint speaks on this computer (the system's unless
 * chosen here), and a plain note on which handout wording each client's language gets.
 */
export function AppLanguageCard() {
  const t = useT();
  const { info } = useAppInfo();
  const setting = useLiveQuery(
    () =>
      repositories().settings.get(SETTINGS_KEYS.appLanguage, AppLanguageSettingSchema, { language: null }),
    [],
  );
  const handoutTexts = useHandoutTexts();
  const editedIn = handoutTexts ? editedHandoutLanguages(handoutTexts) : [];
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  if (!setting) return null;

  const choose = async (value: string) => {
    setStatus(null);
    const parsed = AppLanguageSchema.safeParse(value);
    const language: AppLanguage | null = parsed.success ? parsed.data : null;
    try {
      await repositories().settings.put(SETTINGS_KEYS.appLanguage, AppLanguageSettingSchema, { language });
      const shown = language === null ? systemLanguage() : language;
      const name = shown === PSEUDO_LANGUAGE ? shown : LANGUAGE_NAMES[shown];
      // Said in the language just chosen: the screen is about to speak it.
      setStatus({ kind: 'ok', text: translatorFor(shown)('appLanguage.saved', { language: name }) });
    } catch (error) {
      setStatus({ kind: 'error', text: describeStorageError(error, 'The language was not saved') });
    }
  };

  // The pseudo-locale is for finding layout faults; it shows in development and test runs only.
  const offerPseudo = import.meta.env.DEV || info?.harness === true || setting.language === PSEUDO_LANGUAGE;
  return (
    <section className="card" aria-labelledby="app-language-title">
      <h2 id="app-language-title">{t('appLanguage.title')}</h2>
      <Field label={t('appLanguage.label')} hint={t('appLanguage.hint')}>
        <select
          value={setting.language ?? FOLLOW_SYSTEM}
          onChange={(event) => void choose(event.target.value)}
        >
          <option value={FOLLOW_SYSTEM}>
            {t('appLanguage.followSystem', { language: LANGUAGE_NAMES[systemLanguage()] })}
          </option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
          {offerPseudo && <option value={PSEUDO_LANGUAGE}>{t('appLanguage.pseudo')}</option>}
        </select>
      </Field>
      {handoutTexts && (
        <p className="muted" data-testid="handout-language-note">
          {editedIn.length > 0
            ? t('appLanguage.handoutNote', { language: languageNameList(editedIn, currentLanguage()) })
            : t('appLanguage.handoutNoteDefault')}
        </p>
      )}
      {status && (
        <p className={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
