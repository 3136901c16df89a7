import { type IsoDate, isRealCalendarDate } from '../domain/dates';
import type { Translate } from '../i18n';
import { dateFormatLabel, ENGLISH } from './import-words';

/**
 * Dates as other tools write them. ISO (1980-04-02) is never ambiguous; 02/04/1980 is 2 April in
 * most of the world and February 4 in the US, so the order of day and month is a choice the
 * importer detects from the data where it can (a first number above 12 settles it) and asks for
 * where it cannot. English month names ("2 Apr 1980", "April 2, 1980") are read in any format.
 */

export const DATE_FORMATS = ['iso', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// "2 April 1980", "2 Apr. 1980", "2-Apr-1980", "April 2, 1980", "Apr 2 1980"
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([a-z]{3,9})\.?[\s\-/.,]+(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4})$/;

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex(
    (month) => month === lower || (lower.length >= 3 && month.startsWith(lower)),
  );
  // "Sept" is a common short form that startsWith catches; "june"/"july" need 3+ letters.
  return index === -1 ? null : index + 1;
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealCalendarDate(text) ? text : null;
}

/**
 * A two-digit year: this century unless that would be after `todayYear`, then the last one
 * ("85" -> 1985, "07" -> 2007 when today is 2026). Dates in a client list are dates of birth and
 * consent, never in the future.
 */
export function expandTwoDigitYear(yy: number, todayYear: number): number {
  const century = Math.floor(todayYear / 100) * 100;
  return century + yy > todayYear ? century - 100 + yy : century + yy;
}

export type DateParse = { ok: true; date: IsoDate } | { ok: false; message: string };

/** Reads one cell as a date in `format`; an empty cell is not a date (the caller decides). */
export function parseImportDate(
  raw: string,
  format: DateFormat,
  todayYear: number,
  t: Translate = ENGLISH,
): DateParse {
  const value = raw.trim().toLowerCase();
  const bad: DateParse = {
    ok: false,
    message: t('exports.import.problems.notADate', { text: raw.trim(), format: dateFormatLabel(t, format) }),
  };
  const notReal = (): DateParse => ({
    ok: false,
    message: t('exports.import.problems.notRealDate', { text: raw.trim() }),
  });

  const isoMatch = ISO.exec(value);
  if (isoMatch) {
    const date = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return date ? { ok: true, date } : notReal();
  }
  const named = DAY_MONTH_NAME.exec(value);
  const namedFirst = named ? null : MONTH_NAME_DAY.exec(value);
  if (named || namedFirst) {
    const [dayText, monthText, yearText] = named
      ? [named[1]!, named[2]!, named[3]!]
      : [namedFirst![2]!, namedFirst![1]!, namedFirst![3]!];
    const month = monthFromName(monthText);
    if (month === null) return bad;
    const date = iso(Number(yearText), month, Number(dayText));
    return date ? { ok: true, date } : notReal();
  }
  const numeric = NUMERIC.exec(value);
  if (numeric && format !== 'iso') {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    const yearText = numeric[3]!;
    const year = yearText.length === 2 ? expandTwoDigitYear(Number(yearText), todayYear) : Number(yearText);
    const [day, month] = format === 'dmy' ? [first, second] : [second, first];
    const date = iso(year, month, day);
    return date ? { ok: true, date } : notReal();
  }
  return bad;
}

export interface DateFormatGuess {
  /** The format to preselect. */
  format: DateFormat;
  /**
   * True when the values fit both day-first and month-first (every number 12 or below), so the
   * user must say which: 03/04/1980 cannot tell.
   */
  ambiguous: boolean;
  /** Values that only one order reads (as evidence shown beside the choice). */
  evidence: string[];
}

/**
 * Which order the numeric dates of a column use. A first number above 12 means day first, a
 * second above 12 month first; with neither, the fallback (from the computer's locale) is
 * preselected and the guess is marked ambiguous. With both, the majority wins (the rest will be
 * reported as not real dates).
 */
export function guessDateFormat(values: readonly string[], fallback: 'dmy' | 'mdy'): DateFormatGuess {
  let dayFirst = 0;
  let monthFirst = 0;
  let numericCount = 0;
  const evidence: string[] = [];
  for (const raw of values) {
    const match = NUMERIC.exec(raw.trim());
    if (!match) continue;
    numericCount += 1;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) {
      dayFirst += 1;
      if (evidence.length < 3) evidence.push(raw.trim());
    } else if (second > 12 && first <= 12) {
      monthFirst += 1;
      if (evidence.length < 3) evidence.push(raw.trim());
    }
  }
  if (numericCount === 0) return { format: 'iso', ambiguous: false, evidence };
  if (dayFirst === 0 && monthFirst === 0) return { format: fallback, ambiguous: true, evidence };
  return { format: dayFirst >= monthFirst ? 'dmy' : 'mdy', ambiguous: false, evidence };
}

/** The order of day and month people in this locale write: month first in the US and a few others. */
export function localeDateOrder(locale: string): 'dmy' | 'mdy' {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region && ['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI'].includes(region)
    ? 'mdy'
    : 'dmy';
}
