import type { AftercareTemplate } from '../domain/aftercare';
import { HANDOUT_TEMPLATES } from './handout-templates';
import { LANGUAGES, type Language } from './languages';

/**
 * The handout wording the practice has saved, per language (Settings → Handout text; stored
 * under `handoutTemplateKey(language)`). A language missing here has never been edited.
 */
export type StoredHandoutTexts = Partial<Record<Language, AftercareTemplate>>;

function sameTemplate(a: AftercareTemplate, b: AftercareTemplate): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when `stored` differs from Stillpoint's standard wording in `language`. */
export function isEditedTemplate(stored: AftercareTemplate, language: Language = 'en'): boolean {
  return !sameTemplate(stored, HANDOUT_TEMPLATES[language]);
}

/** The languages whose wording the practice changed, in the order Stillpoint lists languages. */
export function editedHandoutLanguages(stored: StoredHandoutTexts): Language[] {
  return LANGUAGES.filter((language) => {
    const template = stored[language];
    return template !== undefined && isEditedTemplate(template, language);
  });
}

/** The wording the Settings form starts from in `language`: the practice's, else the standard. */
export function handoutWordingIn(language: Language, stored: StoredHandoutTexts): AftercareTemplate {
  return stored[language] ?? HANDOUT_TEMPLATES[language];
}

/**
 * The handout wording for a client's language: the practice's edited text in that language, or
 * Stillpoint's standard wording when the practice has not edited that language (never the
 * practice's text in another language: no English lines in a German handout). `standard` is true
 * when the standard wording stands in while the practice edited other languages (`editedIn`),
 * for the note the print dialog shows.
 */
export function handoutTemplateFor(
  language: Language,
  stored: StoredHandoutTexts,
): { template: AftercareTemplate; standard: boolean; editedIn: Language[] } {
  const editedIn = editedHandoutLanguages(stored);
  if (editedIn.includes(language))
    return { template: handoutWordingIn(language, stored), standard: false, editedIn };
  return { template: HANDOUT_TEMPLATES[language], standard: editedIn.length > 0, editedIn };
}
