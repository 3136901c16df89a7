import type { Session } from 'electron';

/**
 * Spellcheck without the network (issue 13, finding 8). Electron's built-in spellchecker uses
 * the operating system's own checker on macOS (NSSpellChecker) and on Windows 8 and later (the
 * Windows Spell Checking API); elsewhere it uses Hunspell dictionaries that it downloads from
 * Google's CDN the first time. Stillpoint ships no dictionaries and never downloads one: it
 * checks spelling where the operating system does the work, and turns spelling off elsewhere
 * (Linux), where a download would be needed.
 */
export function usesOsSpellchecker(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/**
 * Where Chromium would fetch a Hunspell dictionary if it ever fell back to one (a language
 * Windows has no checker for). Pointing it at the app's own origin, where no dictionary
 * exists, means such a fallback finds nothing instead of going to the internet; the
 * session's request filter would cancel an internet request anyway.
 */
export const NO_DICTIONARY_DOWNLOADS_URL = 'app://stillpoint/no-dictionaries/';

type SpellcheckSession = Pick<Session, 'setSpellCheckerEnabled' | 'setSpellCheckerDictionaryDownloadURL'>;

export function lockDownSpellcheck(session: SpellcheckSession, platform: NodeJS.Platform): void {
  // No-op on macOS (Electron documents it so), a dead end everywhere else.
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS_URL);
  session.setSpellCheckerEnabled(usesOsSpellchecker(platform));
}
