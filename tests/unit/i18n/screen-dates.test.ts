import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatEpochSecondsDate,
  formatNumber,
  formatTime,
  formatTimestamp,
  setDisplayLocale,
} from '../../../src-renderer/app/format';
import { i18n } from '../../../src-renderer/app/i18n';
import { localeFor } from '../../../src-shared/i18n';

// Issue 19: dates on screen follow the app's language (with the computer's region), not the
// computer's own locale.
describe('dates and numbers on screen', () => {
  it("are written in the app's language with the computer's region", () => {
    setDisplayLocale(localeFor('de', 'en-GB'));
    expect(formatDate('2026-12-07')).toBe('07.12.2026');
    expect(formatNumber(12345)).toBe('12.345');
    setDisplayLocale(localeFor('fr', 'de-CH'));
    expect(formatDate('2026-12-07')).toBe('7 déc. 2026');
    setDisplayLocale(localeFor('es', 'es-ES'));
    expect(formatDate('2026-03-05')).toBe('5 mar 2026');
    setDisplayLocale(localeFor('nl'));
    expect(formatDate('2026-03-05')).toBe('5 mrt 2026');
    setDisplayLocale(localeFor('en', 'en-US'));
    expect(formatDate('2026-12-07')).toBe('Dec 7, 2026');
    expect(formatTime('14:30')).toBe('2:30 PM');
    setDisplayLocale(localeFor('en', 'en-GB'));
    expect(formatDate('2026-12-07')).toBe('7 Dec 2026');
    expect(formatTime('14:30')).toBe('14:30');
  });

  it('every helper uses the same locale, and text that is not a date stays as it is', () => {
    setDisplayLocale('de-DE');
    const noon = new Date(2026, 11, 7, 12, 0);
    expect(formatEpochSecondsDate(noon.getTime() / 1000)).toBe(formatDate('2026-12-07'));
    expect(formatTimestamp(noon.toISOString())).toBe('07.12.2026, 12:00');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatTimestamp('later')).toBe('later');
  });

  it('follow the language the app is switched to', async () => {
    await i18n.changeLanguage('de');
    expect(formatDate('2026-12-07')).toMatch(/^07\.12\.2026$/);
    await i18n.changeLanguage('en');
    expect(formatDate('2026-12-07')).toMatch(/Dec/);
  });
});
