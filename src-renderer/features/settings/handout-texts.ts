import { useLiveQuery } from 'dexie-react-hooks';
import { type AftercareTemplate, AftercareTemplateSchema } from '../../../src-shared/domain/aftercare';
import { handoutTemplateKey } from '../../../src-shared/domain/settings';
import { LANGUAGE_NAMES, LANGUAGES, type Language, type StoredHandoutTexts } from '../../../src-shared/i18n';
import { repositories } from '../../app/repositories';
import type { SettingsRepository } from '../../db/settings-repository';

/**
 * The handout wording the practice saved, per language; a language never saved (or whose stored
 * value no longer fits the schema) is absent and gets the standard wording.
 */
export async function readHandoutTexts(settings: SettingsRepository): Promise<StoredHandoutTexts> {
  const stored: StoredHandoutTexts = {};
  for (const language of LANGUAGES) {
    const template = await settings.get(
      handoutTemplateKey(language),
      AftercareTemplateSchema.nullable(),
      null,
    );
    if (template) stored[language] = template;
  }
  return stored;
}

/** Saves the practice's wording in one language. */
export async function saveHandoutText(
  settings: SettingsRepository,
  language: Language,
  template: AftercareTemplate,
): Promise<void> {
  await settings.put(handoutTemplateKey(language), AftercareTemplateSchema, template);
}

/** The stored handout wording, live: undefined while loading. */
export function useHandoutTexts(): StoredHandoutTexts | undefined {
  return useLiveQuery(() => readHandoutTexts(repositories().settings), []);
}

/** "English and Deutsch": the languages' own names as one list in the app's language. */
export function languageNameList(languages: readonly Language[], appLanguage: string): string {
  const names = languages.map((language) => LANGUAGE_NAMES[language]);
  try {
    return new Intl.ListFormat(appLanguage, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}
