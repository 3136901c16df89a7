import type { IsoDate } from '../../src-shared/domain/dates';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A calendar date in the user's locale, e.g. "3 Nov 2026" (no time-zone shift). */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dateFormat.format(new Date(y, m - 1, d));
}

export function formatTimestamp(timestamp: string): string {
  return dateTimeFormat.format(new Date(timestamp));
}
