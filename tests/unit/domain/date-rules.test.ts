import { describe, expect, it } from 'vitest';
import { emptyClientInput, makeClientInputSchema } from '../../../src-shared/domain/client';
import {
  DATE_MESSAGES,
  dateOfBirthError,
  INCOMPLETE_DATE,
  pastDateError,
  serviceDateError,
  serviceDateWarnings,
} from '../../../src-shared/domain/date-rules';
import {
  emptySessionNote,
  pendingSafetyFinding,
  type SessionDraft,
  signingProblems,
  signSessionNote,
} from '../../../src-shared/domain/session-note';
import { ValidationError } from '../../../src-shared/validation';

// Issue 21 item 4: the date rules, with a fixed "today".
const TODAY = '2026-12-03';
const BORN = '1985-04-02';

describe('date of service', () => {
  it.each([
    ['', DATE_MESSAGES.serviceMissing],
    [INCOMPLETE_DATE, DATE_MESSAGES.incomplete],
    ['2026-02-30', DATE_MESSAGES.notReal],
    ['2026-12-04', DATE_MESSAGES.serviceFuture],
    ['1926-12-03', DATE_MESSAGES.serviceBeforeBirth(BORN)],
    ['1985-04-01', DATE_MESSAGES.serviceBeforeBirth(BORN)],
  ])('"%s" is refused: %s', (value, message) => {
    expect(serviceDateError(value, { today: TODAY, dateOfBirth: BORN })).toBe(message);
  });

  it('today, the day of birth and any day between are accepted', () => {
    for (const value of [TODAY, BORN, '2001-09-11'])
      expect(serviceDateError(value, { today: TODAY, dateOfBirth: BORN })).toBeNull();
  });

  it('without a recorded date of birth only the calendar and the future are checked', () => {
    expect(serviceDateError('1926-12-03', { today: TODAY, dateOfBirth: null })).toBeNull();
    expect(serviceDateError('1926-12-03', { today: TODAY })).toBeNull();
  });

  it('warns (does not refuse) a date more than 30 days ago', () => {
    expect(serviceDateWarnings('2026-11-03', { today: TODAY })).toEqual([]);
    expect(serviceDateWarnings('2026-11-02', { today: TODAY })).toEqual([DATE_MESSAGES.serviceLongAgo(31)]);
    expect(serviceDateWarnings('2025-12-01', { today: TODAY })).toEqual([
      'This is over a year ago: check the year',
    ]);
    expect(serviceDateWarnings('1926-12-03', { today: TODAY })).toEqual([
      'This is 100 years ago: check the year',
    ]);
  });

  it('warns when the date is before the previous session, not on the same day or after', () => {
    const previous = { serviceDate: '2026-11-26', sessionNumber: 4 };
    expect(serviceDateWarnings('2026-11-25', { today: TODAY, previous })).toEqual([
      'This is before the previous session (session 4) on 2026-11-26',
    ]);
    expect(serviceDateWarnings('2026-11-26', { today: TODAY, previous })).toEqual([]);
    expect(serviceDateWarnings('2026-12-01', { today: TODAY, previous })).toEqual([]);
  });

  it('gives no warnings for a date that is already an error', () => {
    expect(serviceDateWarnings('1926-12-03', { today: TODAY, dateOfBirth: BORN })).toEqual([]);
    expect(serviceDateWarnings(INCOMPLETE_DATE, { today: TODAY })).toEqual([]);
  });
});

describe('date of birth and other past dates', () => {
  it('allows blank ("not recorded") but flags an incomplete date', () => {
    expect(dateOfBirthError('', TODAY)).toBeNull();
    expect(dateOfBirthError(null, TODAY)).toBeNull();
    expect(dateOfBirthError(INCOMPLETE_DATE, TODAY)).toBe(DATE_MESSAGES.incomplete);
  });

  it('refuses the future and more than 120 years ago', () => {
    expect(dateOfBirthError('2026-12-04', TODAY)).toBe(DATE_MESSAGES.birthFuture);
    expect(dateOfBirthError('1900-01-01', TODAY)).toBe(DATE_MESSAGES.birthTooLongAgo);
    expect(dateOfBirthError('1926-12-03', TODAY)).toBeNull();
    expect(dateOfBirthError(TODAY, TODAY)).toBeNull();
  });

  it('a consent (or any past event) date: not in the future, not before birth', () => {
    const context = { today: TODAY, dateOfBirth: BORN, what: 'consent date' };
    expect(pastDateError('2026-12-04', context)).toBe('The consent date cannot be in the future');
    expect(pastDateError('1980-01-01', context)).toBe(
      "The consent date is before the client's date of birth",
    );
    expect(pastDateError(INCOMPLETE_DATE, context)).toBe(DATE_MESSAGES.incomplete);
    expect(pastDateError('2020-05-05', context)).toBeNull();
    expect(pastDateError('', context)).toBeNull();
  });
});

describe('the client form schema uses the date rules', () => {
  const schema = makeClientInputSchema(TODAY);
  const values = (dateOfBirth: string | null, consentDate: string | null = null) => ({
    ...emptyClientInput(),
    firstName: 'Ines',
    lastName: 'Duarte',
    dateOfBirth,
    consent: { given: consentDate !== null, date: consentDate, textVersion: '' },
  });
  const messages = (input: unknown) =>
    schema.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

  it('an incomplete date of birth is refused with its own message, not saved as "not recorded"', () => {
    expect(messages(values(INCOMPLETE_DATE))).toEqual([`dateOfBirth: ${DATE_MESSAGES.incomplete}`]);
    expect(schema.parse(values('')).dateOfBirth).toBeNull();
  });

  it('a date of birth in the future or 1900, a consent before birth', () => {
    expect(messages(values('2027-01-01'))).toEqual([`dateOfBirth: ${DATE_MESSAGES.birthFuture}`]);
    expect(messages(values('1900-01-01'))).toEqual([`dateOfBirth: ${DATE_MESSAGES.birthTooLongAgo}`]);
    expect(messages(values(BORN, '1984-01-01'))).toEqual([
      "consent.date: The consent date is before the client's date of birth",
    ]);
    expect(messages(values(BORN, INCOMPLETE_DATE))).toEqual([`consent.date: ${DATE_MESSAGES.incomplete}`]);
    expect(messages(values(BORN, '2026-01-10'))).toEqual([]);
  });
});

describe('signing refuses an impossible date of service', () => {
  const NOW = new Date(2026, 11, 3, 17, 0);
  function readyToSign(serviceDate: string): SessionDraft {
    return {
      ...emptySessionNote({ clientId: 'client-1', sessionNumber: 1, now: NOW, id: 'note-1' }),
      serviceDate,
      chiefComplaint: 'Neck pain',
      safetyCheck: {
        checkedAt: NOW.toISOString(),
        findings: [
          {
            ...pendingSafetyFinding({ ruleId: 'infant', severity: 'CAUTION', title: 'x' }),
            acknowledged: true,
          },
        ],
      },
    };
  }

  it('before the client was born (the 1926 typo): refused, naming the date field', () => {
    const note = readyToSign('1926-12-03');
    expect(() => signSessionNote(note, { by: 'Anna Lind', now: NOW, dateOfBirth: BORN })).toThrow(
      ValidationError,
    );
    expect(signingProblems(note, { by: 'Anna Lind', now: NOW, dateOfBirth: BORN })).toEqual({
      serviceDate: DATE_MESSAGES.serviceBeforeBirth(BORN),
    });
  });

  it('incomplete or in the future: one message for the field', () => {
    try {
      signSessionNote(readyToSign(INCOMPLETE_DATE), { by: 'Anna Lind', now: NOW });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([`serviceDate: ${DATE_MESSAGES.incomplete}`]);
    }
    expect(signingProblems(readyToSign('2026-12-04'), { by: 'Anna Lind', now: NOW })).toEqual({
      serviceDate: DATE_MESSAGES.serviceFuture,
    });
  });

  it('a date long ago but after birth is signed (a warning is not a refusal)', () => {
    const signed = signSessionNote(readyToSign('2026-01-05'), {
      by: 'Anna Lind',
      now: NOW,
      dateOfBirth: BORN,
    });
    expect(signed.status).toBe('signed');
  });
});
