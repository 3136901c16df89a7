import {
  type AppLanguage,
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
