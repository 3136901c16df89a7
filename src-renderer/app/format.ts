import type { IsoDate } from '../../src-shared/domain/dates';
import { formatBytes } from '../../src-shared/i18n/bytes';

/**
 * Every date, time and count the screens show goes through here, so one screen never mixes
 * formats (issue 21): a date is always the locale's medium date ("7 Dec 2026", "7. Dez. 2026"),
 * a time always the locale's short time ("14:30", "2:30 PM"), and a moment is the two together.
 *
 * The locale is the app's language with this computer's region (issue 19: `localeFor`, as for
 * papers), not the computer's own locale: app/i18n.tsx sets it whenever the language changes,
 * before the screens re-render. Until then, the computer's locale.
 */
interface Formats {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
}

function formatsFor(locale: string | undefined): Formats {
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    number: new Intl.NumberFormat(locale),
  };
}

let current: string | undefined;
let formats = formatsFor(current);

/** The locale the screens write dates and numbers in ("de-CH"); i18n.tsx calls this. */
export function setDisplayLocale(locale: string): void {
  if (locale === current) return;
  formats = formatsFor(locale);
  current = locale;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/** A calendar date in the app's locale, e.g. "3 Nov 2026" (no time-zone shift). */
export function formatDate(date: IsoDate): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  return formats.date.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A time of day as typed in a time box ("14:30") in the app's locale; other text unchanged. */
export function formatTime(time: string): string {
  const match = CLOCK_TIME.exec(time.trim());
  if (!match) return time;
  return formats.time.format(new Date(2000, 0, 1, Number(match[1]), Number(match[2])));
}

/** A moment (ISO timestamp, or milliseconds since 1970) as the local date and time. */
export function formatTimestamp(timestamp: string | number): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? String(timestamp) : formats.dateTime.format(date);
}

/** A moment given in seconds since 1970 (chart axes) as a local date, same format as formatDate. */
export function formatEpochSecondsDate(seconds: number): string {
  return formats.date.format(new Date(seconds * 1000));
}

/** A count with the app's locale's grouping ("1,234", "1.234", "1 234"). */
export function formatNumber(value: number): string {
  return formats.number.format(value);
}

/** A size ("830 kB", "2,4 MB", "2,4 Mo") in the app's locale: base 1024, see src-shared/i18n/bytes.ts. */
export function formatByteSize(bytes: number): string {
  return formatBytes(bytes, current);
}
