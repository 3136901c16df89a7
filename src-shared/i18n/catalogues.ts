import type { Language } from './languages';
import de from './locales/de.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';

/** The English catalogue's shape: every other catalogue has the same keys (a unit test checks). */
export type Catalogue = typeof en;

type DeepPartialStrings<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartialStrings<T[K]> };

/**
 * One catalogue per language, ICU MessageFormat strings. Typed as partial English so a key
 * English lacks is a compile error here; a key a translation lacks is caught by
 * tests/unit/i18n/catalogues.test.ts (at run time it would fall back to English).
 */
export const CATALOGUES: Record<Language, DeepPartialStrings<Catalogue>> = {
  en,
  de: de satisfies DeepPartialStrings<Catalogue>,
  fr: fr satisfies DeepPartialStrings<Catalogue>,
  es: es satisfies DeepPartialStrings<Catalogue>,
  nl: nl satisfies DeepPartialStrings<Catalogue>,
};

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Paths<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T];

/** Every key of the catalogue, "menu.file", "handout.areas.jaw" ... */
export type MessageKey = Paths<Catalogue>;
