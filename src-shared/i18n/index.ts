export { formatBytes } from './bytes';
export { CATALOGUES, type Catalogue, type MessageKey } from './catalogues';
export {
  editedHandoutLanguages,
  handoutTemplateFor,
  handoutWordingIn,
  isEditedTemplate,
  type StoredHandoutTexts,
} from './handout-choice';
export { HANDOUT_TEMPLATES } from './handout-templates';
export {
  type AppLanguage,
  AppLanguageSchema,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  LanguageSchema,
  languageOfTag,
  localeFor,
  PSEUDO_LANGUAGE,
  resolveLanguage,
} from './languages';
export { pseudoMessage } from './pseudo';
export { createI18n, i18nResources, type MessageValues, type Translate, translatorFor } from './translator';
