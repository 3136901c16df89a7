import i18next, { type i18n, type Resource } from 'i18next';
import ICU from 'i18next-icu';
import { CATALOGUES, type Catalogue, type MessageKey } from './catalogues';
import { type AppLanguage, LANGUAGES, PSEUDO_LANGUAGE } from './languages';
import { pseudoCatalogue } from './pseudo';

export type MessageValues = Record<string, string | number | Date>;
/** A typed `t`: the key must exist in the English catalogue. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** i18next resources for every language, plus the pseudo-locale made from English. */
export function i18nResources(): Resource {
  const resources: Resource = {};
  for (const language of LANGUAGES) resources[language] = { translation: CATALOGUES[language] };
  resources[PSEUDO_LANGUAGE] = { translation: pseudoCatalogue(CATALOGUES.en as Catalogue) };
  return resources;
}

/**
 * A new i18next instance with ICU MessageFormat (i18next-icu over FormatJS' intl-messageformat),
 * initialised synchronously from the bundled catalogues: nothing is fetched, ever.
 */
export function createI18n(language: AppLanguage): i18n {
  const instance = i18next.createInstance();
  instance.use(new ICU()).init({
    resources: i18nResources(),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES, PSEUDO_LANGUAGE],
    initAsync: false,
    returnNull: false,
    // React escapes, and PDFs draw plain text: nothing here builds HTML.
    interpolation: { escapeValue: false },
  });
  return instance;
}

const translators = new Map<AppLanguage, Translate>();

/**
 * The translator for one language, made once and kept: main renders a Spanish handout while the
 * app speaks German, so it needs a translator per language rather than one global language.
 */
export function translatorFor(language: AppLanguage): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const instance = createI18n(language);
    const t = instance.getFixedT(language);
    translate = (key, values) => t(key, values ?? {}) as string;
    translators.set(language, translate);
  }
  return translate;
}
