import { describe, expect, it, vi } from 'vitest';
import { lockDownSpellcheck, NO_DICTIONARY_DOWNLOADS_URL } from '../../../src-main/spellcheck';
import { isTrustedAppUrl } from '../../../src-main/trusted-url';

vi.mock('electron', () => ({}));

function fakeSession() {
  return { setSpellCheckerEnabled: vi.fn(), setSpellCheckerDictionaryDownloadURL: vi.fn() };
}

// Issue 13, finding 8: no dictionary is ever fetched from the internet.
describe('the session spellchecker', () => {
  it.each([
    ['darwin', true],
    ['win32', true],
    ['linux', false],
  ] as const)('on %s is on only where the OS checks spelling (%s)', (platform, enabled) => {
    const session = fakeSession();
    lockDownSpellcheck(session as never, platform);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(enabled);
  });

  it.each(['darwin', 'win32', 'linux'] as const)(
    'on %s never points dictionary downloads at the internet',
    (platform) => {
      const session = fakeSession();
      lockDownSpellcheck(session as never, platform);
      expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(NO_DICTIONARY_DOWNLOADS_URL);
      expect(isTrustedAppUrl(NO_DICTIONARY_DOWNLOADS_URL)).toBe(true);
      expect(NO_DICTIONARY_DOWNLOADS_URL).not.toMatch(/^(https?|wss?|ftp):/);
    },
  );
});
