import {
  type AppLanguage,
  formatBytes,
  languageOfTag,
  localeFor,
  type MessageKey,
  type MessageValues,
  type Translate,
  translatorFor,
} from '../src-shared/i18n';
import { type IpcErrorCode, UserFacingError } from '../src-shared/result';

/**
 * The language main speaks: the system's at start, then whatever the renderer settles on
 * (app:set-language). Menus and main's own messages follow it; PDFs do not (they follow the
 * client's language, passed with each document).
 */
export interface MainLanguage {
  current(): AppLanguage;
  set(language: AppLanguage): void;
  /** Translates into the current language. */
  t: Translate;
}

/**
 * The translator a handler speaks with: main's current language, or English when main has none
 * (some tests make handlers without one).
 */
export function mainTranslator(language: MainLanguage | undefined): Translate {
  return language?.t ?? translatorFor('en');
}

export function createMainLanguage(
  initial: AppLanguage,
  onChange?: (language: AppLanguage) => void,
): MainLanguage {
  let language = initial;
  return {
    current: () => language,
    set: (next) => {
      if (next === language) return;
      language = next;
      onChange?.(next);
    },
    t: (key, values) => translatorFor(language)(key, values),
  };
}

/**
 * An error for the therapist from the catalogue: its message is the English (logs, tests) and the
 * dispatcher answers in the app's language.
 */
export function translatedError(
  code: IpcErrorCode,
  key: MessageKey,
  values?: MessageValues,
): UserFacingError {
  return new UserFacingError(code, translatorFor('en')(key, values), values ? { key, values } : { key });
}

/**
 * A size as `language` writes it ("60 MB", "2,4 MB", "60 Mo"), through the one formatter
 * (src-shared/i18n/bytes.ts). Main does not know the computer's region, so the language's usual
 * one decides the decimal sign (de-DE, fr-FR).
 */
export function sizeIn(language: AppLanguage, bytes: number): string {
  return formatBytes(bytes, localeFor(languageOfTag(language) ?? 'en'));
}

/**
 * translatedError for a refusal that names sizes (a file over a limit): each size is written by
 * `sizeIn`, in English for the error's own message and in `language` (the app's, when the error
 * is made) for the therapist. ICU has no byte unit, so the size goes in as written text.
 */
export function translatedSizeError(
  code: IpcErrorCode,
  key: MessageKey,
  values: MessageValues,
  sizes: Record<string, number>,
  language: AppLanguage,
): UserFacingError {
  const written = (lang: AppLanguage): MessageValues => ({
    ...values,
    ...Object.fromEntries(Object.entries(sizes).map(([name, bytes]) => [name, sizeIn(lang, bytes)])),
  });
  return new UserFacingError(code, translatorFor('en')(key, written('en')), {
    key,
    values: written(language),
  });
}
