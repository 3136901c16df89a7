import { describe, expect, it } from 'vitest';
import {
  DATE_MESSAGES,
  dateOfBirthError,
  serviceDateError,
  serviceDateWarnings,
} from '../../../src-shared/domain/date-rules';
import { SESSION_NOTE_MESSAGES } from '../../../src-shared/domain/session-note-schema';
import { fieldMessage, fieldMessageKey } from '../../../src-shared/i18n/field-messages';
import { LANGUAGES } from '../../../src-shared/i18n/languages';
import { translatorFor } from '../../../src-shared/i18n/translator';

/** Every message the session schema and the date rules can write (with sample values). */
const MESSAGES: string[] = [
  ...Object.values(SESSION_NOTE_MESSAGES),
  DATE_MESSAGES.incomplete,
  DATE_MESSAGES.notReal,
  DATE_MESSAGES.serviceMissing,
  DATE_MESSAGES.serviceFuture,
  DATE_MESSAGES.serviceBeforeBirth('1985-03-14'),
  DATE_MESSAGES.serviceLongAgo(45),
  DATE_MESSAGES.serviceLongAgo(400),
  DATE_MESSAGES.serviceLongAgo(3_000),
  DATE_MESSAGES.serviceBeforePrevious('3 Nov 2026', 4),
  DATE_MESSAGES.serviceBeforePrevious('3 Nov 2026', null),
  DATE_MESSAGES.birthFuture,
  DATE_MESSAGES.birthTooLongAgo,
  DATE_MESSAGES.futureNotAllowed('consent date'),
  DATE_MESSAGES.beforeBirth('consent date'),
  DATE_MESSAGES.futureNotAllowed('clearance date'),
  DATE_MESSAGES.beforeBirth('clearance date'),
  DATE_MESSAGES.endBeforeStart('"valid until" date', 'clearance date'),
];

describe('messages beside fields', () => {
  const en = translatorFor('en');
  const de = translatorFor('de');

  it.each(MESSAGES)('"%s" has a key, reads the same in English and differs in German', (message) => {
    expect(fieldMessageKey(message), message).not.toBeNull();
    expect(fieldMessage(en, message)).toBe(message);
    expect(fieldMessage(de, message)).not.toBe(message);
  });

  it('every language translates every message (no English left)', () => {
    for (const language of LANGUAGES) {
      if (language === 'en') continue;
      const t = translatorFor(language);
      for (const message of MESSAGES)
        expect(fieldMessage(t, message), `${language}: ${message}`).not.toBe(message);
    }
  });

  it('keeps the values: the date and the session number', () => {
    expect(fieldMessage(de, DATE_MESSAGES.serviceBeforePrevious('03.11.2026', 4))).toBe(
      'Das liegt vor der vorherigen Sitzung (Sitzung 4) am 03.11.2026',
    );
    expect(fieldMessage(de, DATE_MESSAGES.serviceLongAgo(45))).toBe(
      'Das ist 45 Tage her: Prüfen Sie das Datum',
    );
    expect(fieldMessage(de, DATE_MESSAGES.birthTooLongAgo)).toContain('120');
  });

  it('translates what the date rules return', () => {
    const today = '2026-12-07';
    const messages = [
      serviceDateError('', { today }),
      serviceDateError('2027-01-01', { today }),
      serviceDateError('2000-01-01', { today, dateOfBirth: '2001-01-01' }),
      dateOfBirthError('incomplete', today),
      ...serviceDateWarnings('2020-01-01', {
        today,
        previous: { serviceDate: '2021-01-01', sessionNumber: 2 },
      }),
    ];
    for (const message of messages) {
      expect(message).not.toBeNull();
      expect(fieldMessage(de, message as string)).not.toBe(message);
    }
  });

  it('leaves a message it does not know as it is', () => {
    expect(fieldMessage(de, 'The practice wrote this')).toBe('The practice wrote this');
  });
});
