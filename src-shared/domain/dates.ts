import { z } from 'zod';

/**
 * Calendar dates are plain "YYYY-MM-DD" strings (a date of birth or of an injury has no time
 * zone), compared as whole days. Moments (saved at, signed at) are ISO timestamps.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1850 || year > 2200) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsoDateSchema = z
  .string()
  .refine(isRealCalendarDate, { message: 'Enter a real date (day, month and year)' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** English like every schema's message; shown translated (key `validation.dates.dateTime`). */
export const TIMESTAMP_MESSAGE = 'Enter a date and time';
export const TimestampSchema = z.iso.datetime({ offset: true, message: TIMESTAMP_MESSAGE });
export type Timestamp = z.infer<typeof TimestampSchema>;

/** Days since 1970-01-01 for a calendar date: exact whole-day arithmetic, no DST surprises. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = y * 12 + (m - 1) + months;
  const ty = Math.floor(targetMonthIndex / 12);
  const tm = targetMonthIndex % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's calendar date on this computer's clock, in its local time zone. */
export function localToday(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Full years between a date of birth and a day (age on that day). */
export function ageInYears(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}
