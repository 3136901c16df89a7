import type { DeepPartialStrings } from './catalogue-types';
import type { Language } from './languages';
import { appLock } from './locales/appLock';
import { backup } from './locales/backup';
import { clients } from './locales/clients';
import { clinical } from './locales/clinical';
import de from './locales/de.json';
import { documents } from './locales/documents';
import en from './locales/en.json';
import es from './locales/es.json';
import { exports } from './locales/exports';
import fr from './locales/fr.json';
import { intake } from './locales/intake';
import nl from './locales/nl.json';
import { outcomes } from './locales/outcomes';
import { recovery } from './locales/recovery';
import { safety } from './locales/safety';
import { search } from './locales/search';
import { sessions } from './locales/sessions';
import { settings } from './locales/settings';
import { storage } from './locales/storage';
import { sync } from './locales/sync';
import { validation } from './locales/validation';
import { welcome } from './locales/welcome';

/**
 * The catalogue is split into areas, one folder each under locales/ (one JSON per language), so
 * that the strings of one part of the app live together and can be edited without touching the
 * others. The shared core (menu, errors, shell, handout, record PDF ...) is locales/<language>.json.
 * An area's name is its top-level key: t('sessions.editor.title').
 */
const AREAS = {
  sessions,
  clients,
  safety,
  search,
  storage,
  recovery,
  appLock,
  intake,
  welcome,
  backup,
  exports,
  settings,
  documents,
  outcomes,
  sync,
  validation,
  clinical,
};

type Areas = { [A in keyof typeof AREAS]: (typeof AREAS)[A]['en'] };

/** The English catalogue's shape: every other catalogue has the same keys (a unit test checks). */
export type Catalogue = typeof en & Areas;

const CORE = {
  en,
  de: de satisfies DeepPartialStrings<typeof en>,
  fr: fr satisfies DeepPartialStrings<typeof en>,
  es: es satisfies DeepPartialStrings<typeof en>,
  nl: nl satisfies DeepPartialStrings<typeof en>,
};

function assemble(language: Language): DeepPartialStrings<Catalogue> {
  const catalogue: Record<string, unknown> = { ...CORE[language] };
  for (const [area, languages] of Object.entries(AREAS)) {
    if (area in catalogue) throw new Error(`Catalogue area "${area}" clashes with a core key`);
    catalogue[area] = languages[language];
  }
  return catalogue as DeepPartialStrings<Catalogue>;
}

/**
 * One catalogue per language, ICU MessageFormat strings. Typed as partial English so a key
 * English lacks is a compile error; a key a translation lacks is caught by
 * tests/unit/i18n/catalogues.test.ts (at run time it would fall back to English).
 */
export const CATALOGUES: Record<Language, DeepPartialStrings<Catalogue>> = {
  en: assemble('en'),
  de: assemble('de'),
  fr: assemble('fr'),
  es: assemble('es'),
  nl: assemble('nl'),
};

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Paths<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T];

/** Every key of the catalogue, "menu.file", "handout.areas.jaw", "sessions.editor.title" ... */
export type MessageKey = Paths<Catalogue>;
