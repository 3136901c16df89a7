import { daysBetween, type IsoDate } from '../domain/dates';

/**
 * Whether a signed session still wants its after-effects follow-up on `today`: from the day of
 * the session until `days` days after it, as long as nobody has recorded one. A session dated
 * in the future (typed ahead) is not due yet.
 */
export function isFollowUpDue(
  session: { status: string; serviceDate: string },
  followedUp: boolean,
  today: IsoDate,
  days: number,
): boolean {
  if (session.status !== 'signed' || followedUp) return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(session.serviceDate)) return false;
  const since = daysBetween(session.serviceDate, today);
  return since >= 0 && since <= days;
}

/** The first day a follow-up for a session on `today` can still be due: `days` days back. */
export function earliestDueServiceDate(today: IsoDate, days: number): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - days));
  return date.toISOString().slice(0, 10);
}
