import type { UseFormRegisterReturn } from 'react-hook-form';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../src-shared/i18n';
import { currentLanguage, useT } from '../../app/i18n';
import { Field } from '../../app/ui/Field';

/**
 * The client's language for their handouts, record and intake papers (issue 19). Empty means
 * "whatever language Stillpoint speaks when printing". Names are each language's own, so a
 * client can point at theirs.
 */
export function PreferredLanguageField({
  registration,
  error,
}: {
  registration: UseFormRegisterReturn<'preferredLanguage'>;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <Field label={t('clientLanguage.label')} hint={t('clientLanguage.hint')} error={error}>
      <select {...registration}>
        <option value="">
          {t('clientLanguage.appLanguage', { language: LANGUAGE_NAMES[currentLanguage()] })}
        </option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </Field>
  );
}
