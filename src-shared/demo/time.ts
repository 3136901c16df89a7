import { dayNumber, fromDayNumber, type IsoDate, type Timestamp } from '../domain/dates';

/**
 * Fast day arithmetic for the generator: days are whole numbers since 1970-01-01 (as
 * `dayNumber` gives), times of day are seconds since midnight. Formatting a day is cached: a
 * practice of 15 years has only a few thousand distinct days, and 200,000 notes format many
 * timestamps each.
 */

const isoCache = new Map<number, IsoDate>();

export function isoDay(day: number): IsoDate {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = fromDayNumber(day);
    isoCache.set(day, text);
  }
  return text;
}

export function toDay(date: IsoDate): number {
  return dayNumber(date);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export const SECONDS_PER_DAY = 86_400;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "HH:MM" for a time of day in seconds. */
export function clockTime(secondOfDay: number): string {
  return `${two(Math.floor(secondOfDay / 3600) % 24)}:${two(Math.floor(secondOfDay / 60) % 60)}`;
}

/**
 * An ISO timestamp (UTC, as `Date.toISOString` writes it) for a day and a time of day in
 * seconds; times past midnight roll over into the next day.
 */
export function timestampAt(day: number, secondOfDay: number): Timestamp {
  const s = Math.floor(secondOfDay);
  const whole = day + Math.floor(s / SECONDS_PER_DAY);
  const rest = ((s % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  const h = Math.floor(rest / 3600);
  const m = Math.floor(rest / 60) % 60;
  const sec = rest % 60;
  return `${isoDay(whole)}T${two(h)}:${two(m)}:${two(sec)}.000Z`;
}

/** A moment as (day, seconds since that day's midnight), ordered and comparable. */
export interface Moment {
  day: number;
  second: number;
}

export function momentValue(moment: Moment): number {
  return moment.day * SECONDS_PER_DAY + moment.second;
}

export function momentFromValue(value: number): Moment {
  const day = Math.floor(value / SECONDS_PER_DAY);
  return { day, second: value - day * SECONDS_PER_DAY };
}

export function momentTimestamp(value: number): Timestamp {
  const moment = momentFromValue(value);
  return timestampAt(moment.day, moment.second);
}
