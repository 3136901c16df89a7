import { z } from 'zod';
import { de, en, es, fr, nl } from 'zod/locales';
import type { Language } from './languages';

/**
 * zod's own default messages ("Invalid input: expected number", "Too big: expected string to
 * have <=100 characters"), for the fields whose schema gives none. zod 4 ships them translated
 * (its `locales`), so they follow the reader's language through zod's global configuration
 * instead of a copy in our catalogue. Only the renderer calls this: main keeps zod's English,
 * as it keeps the schemas' own messages (field-messages.ts translates those where they are shown).
 */
const ZOD_LOCALES: Record<Language, typeof en> = { en, de, fr, es, nl };

let current: Language = 'en';

/** From now on zod writes its default messages in `language`. */
export function setSchemaLanguage(language: Language): void {
  if (language === current) return;
  z.config(ZOD_LOCALES[language]());
  current = language;
}

/** The language zod writes its default messages in now. */
export function schemaLanguage(): Language {
  return current;
}
