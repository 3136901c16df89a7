import { DEFAULT_AFTERCARE_TEMPLATE } from '../aftercare/default-template';
import type { AftercareTemplate } from '../domain/aftercare';
import { HANDOUT_TEMPLATES } from './handout-templates';
import type { Language } from './languages';

/**
 * The language the practice's edited handout text (Settings → Handout text) is written in. There
 * is one stored template today and it starts as the English wording, so it is English; editing
 * the text per language in Settings comes with the settings screens' extraction.
 */
export const EDITED_TEMPLATE_LANGUAGE: Language = 'en';

function sameTemplate(a: AftercareTemplate, b: AftercareTemplate): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when the practice changed the standard handout wording. */
export function isEditedTemplate(stored: AftercareTemplate): boolean {
  return !sameTemplate(stored, DEFAULT_AFTERCARE_TEMPLATE);
}

/**
 * The handout wording for a client's language. The practice's edited text is used only for the
 * language it was written in; any other language gets Stillpoint's standard wording in that
 * language (never the practice's English text in a German handout), and `standard` says so, for
 * the note the print dialog and Settings show.
 */
export function handoutTemplateFor(
  language: Language,
  stored: AftercareTemplate,
): { template: AftercareTemplate; standard: boolean } {
  if (language === EDITED_TEMPLATE_LANGUAGE) return { template: stored, standard: false };
  return { template: HANDOUT_TEMPLATES[language], standard: isEditedTemplate(stored) };
}
