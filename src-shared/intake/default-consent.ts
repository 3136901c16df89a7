import type { Language } from '../i18n/languages';
import { intake } from '../i18n/locales/intake';

/**
 * The consent wording a practice starts with (Settings > Intake and consent), covering what the
 * CranioSacral Society code asks for (DOMAIN.md "Intake and consent"): what the therapy is and
 * is not, that it does not replace medical care, how records are kept and for how long, the
 * client's right to see them and to stop at any time. The words are the intake catalogue's
 * (`intake.consent.standardText`), one per language, read raw: a signed text must be exact.
 */
export const STANDARD_CONSENT_TEXTS: Record<Language, string> = {
  en: intake.en.consent.standardText,
  de: intake.de.consent.standardText,
  fr: intake.fr.consent.standardText,
  es: intake.es.consent.standardText,
  nl: intake.nl.consent.standardText,
};

export const DEFAULT_CONSENT_TEXT = STANDARD_CONSENT_TEXTS.en;

/**
 * The language the practice's consent text (Settings > Intake and consent) is written in: there
 * is one stored text and it starts as the English wording. As with the handout
 * (src-shared/i18n/handout-choice.ts), it is used only for clients who read that language.
 */
export const EDITED_CONSENT_LANGUAGE: Language = 'en';

/**
 * The consent text a client reads and signs, in their language: the practice's own text for the
 * language it is written in, else Stillpoint's standard wording in the client's language (never
 * the practice's English text for a Spanish reader). `edited` says the practice's text differs
 * from the standard one, for the note that says so.
 */
export function consentTextFor(
  language: Language,
  practiceText: string,
): { text: string; standard: boolean; edited: boolean } {
  const edited = practiceText.trim() !== DEFAULT_CONSENT_TEXT;
  if (language === EDITED_CONSENT_LANGUAGE) return { text: practiceText, standard: false, edited };
  return { text: STANDARD_CONSENT_TEXTS[language], standard: true, edited };
}

/**
 * Whether `text` may be signed under a version whose text is `versionText`: the version's own
 * words, or Stillpoint's standard wording in a language other than the version's (what a client
 * who reads that language is shown). The signed record keeps the exact text and its SHA-256.
 */
export function isSignableConsentText(versionText: string, text: string): boolean {
  if (text === versionText) return true;
  return Object.entries(STANDARD_CONSENT_TEXTS).some(
    ([language, standard]) => language !== EDITED_CONSENT_LANGUAGE && standard === text,
  );
}
