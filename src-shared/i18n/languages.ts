import { z } from 'zod';

/**
 * The languages Stillpoint speaks. English is the source: every other catalogue translates it,
 * and a key missing from one falls back to English (a unit test makes that a failure).
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Its message, English like every schema's; shown translated (key `validation.language.choose`). */
export const LANGUAGE_MESSAGES = { choose: 'Choose one of the languages in the list' } as const;
export const LanguageSchema = z.enum(LANGUAGES, { message: LANGUAGE_MESSAGES.choose });

/**
 * The pseudo-locale: English, accented and 40 % longer, for finding truncation and overflow and
 * strings that never reached the catalogue. Chosen only from Settings in a development build
 * or by the screenshot run; never a client's language.
 */
export const PSEUDO_LANGUAGE = 'en-XA';
export const AppLanguageSchema = z.union([LanguageSchema, z.literal(PSEUDO_LANGUAGE)]);
export type AppLanguage = z.infer<typeof AppLanguageSchema>;

/** Each language's own name for itself, so a reader finds theirs whatever the app speaks. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  nl: 'Nederlands',
};

/** A region for dates when the computer's own region gives none (a bare "de"). */
const DEFAULT_REGIONS: Record<Language, string> = { en: 'GB', de: 'DE', fr: 'FR', es: 'ES', nl: 'NL' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function parts(tag: string): { language: string; region: string | undefined } | null {
  try {
    const locale = new Intl.Locale(tag);
    return { language: locale.language, region: locale.region };
  } catch {
    return null;
  }
}

/** The language of a BCP 47 tag ("de-CH" -> "de"), or null when Stillpoint does not speak it. */
export function languageOfTag(tag: string): Language | null {
  const language = parts(tag)?.language;
  return isLanguage(language) ? language : null;
}

/**
 * The first of the system's preferred languages Stillpoint speaks ("fr-CA", "en-US" -> "fr"),
 * English when none. Main passes app.getPreferredSystemLanguages(), the page navigator.languages.
 */
export function resolveLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return 'en';
}

/**
 * The locale to write dates and numbers in for `language`: the computer's region when it has one
 * ("es" on a computer set to de-CH gives "es-CH": Spanish words, Swiss conventions), else the
 * language's usual one.
 */
export function localeFor(language: Language, systemLocale?: string): string {
  const region = systemLocale ? parts(systemLocale)?.region : undefined;
  return `${language}-${region ?? DEFAULT_REGIONS[language]}`;
}
