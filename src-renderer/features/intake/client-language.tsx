import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../../src-shared/i18n';

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
  return <I18nextProvider i18n={instanceFor(language)}>{children}</I18nextProvider>;
}
