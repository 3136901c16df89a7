import { daysBetween, type IsoDate, isRealCalendarDate } from './dates';

/**
 * The rules for a date a person types, in one place: the forms show them beside the field and
 * signing refuses a note that breaks one (issue 21: a service date typed as 1926 for a client
 * born in 1985 was signed; a date of birth without its year was saved as "not recorded").
 *
 * An error stops the save or the signature; a warning only asks to check (a session entered
 * late, or dated before the previous one, happens). `today` is always passed in: the caller's
 * clock, fixed in tests.
 */

/**
 * What a date box holds when the person typed part of a date (day and month, no year): the
 * browser reports no value then. Kept as this marker instead of '' so the form can say the date
 * is incomplete rather than quietly saving "not recorded".
 */
export const INCOMPLETE_DATE = 'incomplete';

/** A session entered more than this many days after it took place gets "check the date". */
export const LATE_ENTRY_DAYS = 30;
/** Older than any recorded human: a date of birth further back is a typing slip. */
export const OLDEST_AGE_YEARS = 120;

export const DATE_MESSAGES = {
  incomplete: 'This date is incomplete: enter the day, month and year, or clear it',
  notReal: 'Enter a real date (day, month and year)',
  serviceMissing: 'Enter the date of service',
  serviceFuture: 'A session cannot be dated in the future',
  serviceBeforeBirth: (dateOfBirth: IsoDate) =>
    `This is before the client was born (${dateOfBirth}): check the year`,
  serviceLongAgo: (days: number) => {
    const years = Math.floor(days / 365.25);
    if (years < 1) return `This is ${days} days ago: check the date`;
    return `This is ${years === 1 ? 'over a year' : `${years} years`} ago: check the year`;
  },
  serviceBeforePrevious: (date: IsoDate, sessionNumber: number | null) =>
    `This is before the previous session${sessionNumber === null ? '' : ` (session ${sessionNumber})`} on ${date}`,
  birthFuture: 'Date of birth cannot be in the future',
  birthTooLongAgo: `That would make the client over ${OLDEST_AGE_YEARS}: check the year`,
  futureNotAllowed: (what: string) => `The ${what} cannot be in the future`,
  beforeBirth: (what: string) => `The ${what} is before the client's date of birth`,
  endBeforeStart: (what: string, start: string) => `The ${what} cannot be before the ${start}`,
} as const;

export function isIncompleteDate(value: string | null | undefined): boolean {
  return value === INCOMPLETE_DATE;
}

/** '' or null: nothing entered. */
function isBlank(value: string | null | undefined): value is '' | null | undefined {
  return value === null || value === undefined || value.trim() === '';
}

/** Incomplete or not a real calendar date: the message, else null. */
function formatError(value: string): string | null {
  if (isIncompleteDate(value)) return DATE_MESSAGES.incomplete;
  return isRealCalendarDate(value) ? null : DATE_MESSAGES.notReal;
}

export interface ServiceDateContext {
  today: IsoDate;
  /** The client's date of birth, when recorded. */
  dateOfBirth?: IsoDate | null;
}

/** Why a date of service cannot be signed (or null): missing, incomplete, future, before birth. */
export function serviceDateError(value: string, context: ServiceDateContext): string | null {
  if (isBlank(value)) return DATE_MESSAGES.serviceMissing;
  const format = formatError(value);
  if (format) return format;
  if (daysBetween(context.today, value) > 0) return DATE_MESSAGES.serviceFuture;
  const born = context.dateOfBirth;
  if (born && isRealCalendarDate(born) && daysBetween(born, value) < 0)
    return DATE_MESSAGES.serviceBeforeBirth(born);
  return null;
}

export interface ServiceDateWarningContext extends ServiceDateContext {
  /** The client's most recent earlier session (by number), when there is one. */
  previous?: { serviceDate: string; sessionNumber: number | null } | null;
  /** How the screen shows a date (the previous session's, in the message); default as stored. */
  formatDate?: (date: IsoDate) => string;
}

/** Things to check about a date of service that can still be signed: long ago, before the last one. */
export function serviceDateWarnings(value: string, context: ServiceDateWarningContext): string[] {
  if (serviceDateError(value, context) !== null) return [];
  const warnings: string[] = [];
  const ago = daysBetween(value, context.today);
  if (ago > LATE_ENTRY_DAYS) warnings.push(DATE_MESSAGES.serviceLongAgo(ago));
  const previous = context.previous;
  if (previous && isRealCalendarDate(previous.serviceDate) && daysBetween(previous.serviceDate, value) < 0)
    warnings.push(
      DATE_MESSAGES.serviceBeforePrevious(
        context.formatDate ? context.formatDate(previous.serviceDate) : previous.serviceDate,
        previous.sessionNumber,
      ),
    );
  return warnings;
}

/** Why a date of birth cannot be saved (or null). Blank is allowed: "not recorded". */
export function dateOfBirthError(value: string | null, today: IsoDate): string | null {
  if (isBlank(value)) return null;
  const format = formatError(value);
  if (format) return format;
  if (daysBetween(today, value) > 0) return DATE_MESSAGES.birthFuture;
  if (daysBetween(value, today) > OLDEST_AGE_YEARS * 366) return DATE_MESSAGES.birthTooLongAgo;
  return null;
}

/**
 * Why a date of something that has happened (consent given, a condition's onset, a surgery)
 * cannot be saved (or null). Blank is allowed. `what` names it in the message ("consent date").
 */
export function pastDateError(
  value: string | null,
  context: { today: IsoDate; dateOfBirth?: IsoDate | null; what: string },
): string | null {
  if (isBlank(value)) return null;
  const format = formatError(value);
  if (format) return format;
  if (daysBetween(context.today, value) > 0) return DATE_MESSAGES.futureNotAllowed(context.what);
  const born = context.dateOfBirth;
  if (born && isRealCalendarDate(born) && daysBetween(born, value) < 0)
    return DATE_MESSAGES.beforeBirth(context.what);
  return null;
}

/**
 * Why the last day something holds (a clearance's "valid until") cannot be saved (or null).
 * Blank is allowed: no end. It may lie in the future, but not before the day it started.
 */
export function endDateError(
  value: string | null,
  context: { start: string | null; what: string; startWhat: string },
): string | null {
  if (isBlank(value)) return null;
  const format = formatError(value);
  if (format) return format;
  const start = context.start;
  if (start && isRealCalendarDate(start) && daysBetween(start, value) < 0)
    return DATE_MESSAGES.endBeforeStart(context.what, context.startWhat);
  return null;
}
