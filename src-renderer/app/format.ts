import type { IsoDate } from '../../src-shared/domain/dates';

/**
 * Every date and time the screens show goes through here, so one screen never mixes formats
 * (issue 21): a date is always the locale's medium date ("7 Dec 2026", "Dec 7, 2026"), a time
 * always the locale's short time ("14:30", "2:30 PM"), and a moment is the two together.
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/** A calendar date in the user's locale, e.g. "3 Nov 2026" (no time-zone shift). */
export function formatDate(date: IsoDate): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A time of day as typed in a time box ("14:30") in the user's locale; other text unchanged. */
export function formatTime(time: string): string {
  const match = CLOCK_TIME.exec(time.trim());
  if (!match) return time;
  return timeFormat.format(new Date(2000, 0, 1, Number(match[1]), Number(match[2])));
}

/** A moment (ISO timestamp) as the user's local date and time. */
export function formatTimestamp(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : dateTimeFormat.format(date);
}

/** A moment given in seconds since 1970 (chart axes) as a local date, same format as formatDate. */
export function formatEpochSecondsDate(seconds: number): string {
  return dateFormat.format(new Date(seconds * 1000));
}
