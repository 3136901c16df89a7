import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useCallback, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AppLanguageSettingSchema, SETTINGS_KEYS } from '../../src-shared/domain/settings';
import {
  type AppLanguage,
  createI18n,
  type Language,
  languageOfTag,
  localeFor,
  resolveLanguage,
  type Translate,
} from '../../src-shared/i18n';
import { setSchemaLanguage } from '../../src-shared/i18n/schema-language';
import { setStorageErrorTranslator } from '../db/errors';
import { platform } from '../platform';
import { setDisplayLocale } from './format';
import { repositories } from './repositories';

/** The computer's own languages, most preferred first (Electron fills these from the OS). */
function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The language the computer asks for, of those Stillpoint speaks (English when none). */
export function systemLanguage(): Language {
  return resolveLanguage(systemLanguages());
}

/** The computer's own locale, for its region ("de-CH" keeps Swiss dates in any language). */
export function systemLocale(): string {
  return systemLanguages()[0] ?? 'en-GB';
}

/** The renderer's one i18next instance: the system's language until the setting is read. */
export const i18n = createI18n(systemLanguage());

/**
 * Dates and numbers on screen follow the app's language with this computer's region (German
 * screens on an en-GB computer: "7. Dez. 2026"), like the papers. Registered before any screen
 * subscribes, so the new locale is in place before they re-render.
 */
const followAppLanguage = () => {
  setDisplayLocale(localeFor(currentLanguage(), systemLocale()));
  // zod's own default messages too; client mode's ClientLanguage switches them to the client's.
  setSchemaLanguage(currentLanguage());
};
followAppLanguage();
i18n.on('languageChanged', followAppLanguage);

/** The language the screens speak now (the pseudo-locale counts as English for documents). */
export function currentLanguage(): Language {
  return languageOfTag(i18n.language) ?? 'en';
}

/** A client's language for their papers: theirs when chosen, else the app's. */
export function clientLanguage(client: { preferredLanguage?: Language | undefined }): Language {
  return client.preferredLanguage ?? currentLanguage();
}

/** The locale a client's papers are written in: their language, this computer's region. */
export function clientLocale(client: { preferredLanguage?: Language | undefined }): string {
  return localeFor(clientLanguage(client), systemLocale());
}

/**
 * `t` for components: typed keys, re-renders when the language changes. Sentences are whole
 * messages with ICU arguments and plurals; never glue translated pieces into a sentence.
 */
export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, values) => t(key, values ?? {}) as string, [t]);
}

/**
 * `t` outside components (messages a service or a card's state builds): the language the
 * screens speak at the moment it is called.
 */
export const translate: Translate = (key, values) => i18n.t(key, values ?? {}) as string;
// A failed save says why in the app's language (db/errors.ts reads `translate` when it is shown).
setStorageErrorTranslator(translate);

/** Makes the app speak `language` and tells main (menu, main's messages). */
export async function applyLanguage(language: AppLanguage): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  // Outside the desktop app (a unit test) there is no main to tell.
  if (window.stillpoint) await platform().appSetLanguage({ language });
}

/**
 * Provides the catalogue to every screen and follows the language chosen in Settings (or the
 * system's when none is). Sits inside DatabaseGate: before the database opens, the system's
 * language is the only one known.
 */
export function AppLanguageProvider({ children }: { children: ReactNode }) {
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/** Reads the stored language and applies it; renders its children at once. */
export function FollowLanguageSetting({ children }: { children: ReactNode }) {
  const setting = useLiveQuery(
    () =>
      repositories().settings.get(SETTINGS_KEYS.appLanguage, AppLanguageSettingSchema, { language: null }),
    [],
  );
  const language = setting === undefined ? undefined : (setting.language ?? systemLanguage());
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);
  return children;
}
