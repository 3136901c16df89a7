import type { i18n } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../../src-shared/i18n';
import { setSchemaLanguage } from '../../../src-shared/i18n/schema-language';
import { currentLanguage } from '../../app/i18n';

/**
 * The client's part of client mode (the form, the questions, the consent they sign, the hand-back
 * screen) speaks the client's language; everything the therapist reads stays in the app's. Inside
 * this provider `useT()` is the client's: one i18next instance per language, made once and kept.
 */
const instances = new Map<Language, i18n>();

function instanceFor(language: Language): i18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
}

export function ClientLanguage({ language, children }: { language: Language; children: ReactNode }) {
  // zod's default messages in the client's language while the client has the app; the app's
  // again once client mode ends. (The schemas' own messages follow `useT()` through `Field`.)
  useEffect(() => {
    setSchemaLanguage(language);
    return () => setSchemaLanguage(currentLanguage());
  }, [language]);
  return <I18nextProvider i18n={instanceFor(language)}>{children}</I18nextProvider>;
}
