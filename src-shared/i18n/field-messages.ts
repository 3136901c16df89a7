import { DATE_MESSAGES, OLDEST_AGE_YEARS } from '../domain/date-rules';
import { SESSION_NOTE_MESSAGES } from '../domain/session-note-schema';
import type { MessageKey } from './catalogues';
import type { MessageValues, Translate } from './translator';

/**
 * The messages beside form fields in the reader's language (issue 19). The schemas and the date
 * rules (src-shared/domain) run in main as well as in the renderer, so they keep writing English;
 * the screens translate a message where they show it, by its exact English text, to a key of the
 * `validation` area. A message this does not know (a practice's own words, a zod default) is
 * shown as it is. In English the catalogue's text is the schema's, word for word.
 */

type Found = { key: MessageKey; values?: MessageValues };

const EXACT: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ...Object.entries(SESSION_NOTE_MESSAGES).map(
    ([name, message]) =>
      [message, `validation.session.${name as keyof typeof SESSION_NOTE_MESSAGES}`] as [string, MessageKey],
  ),
  [DATE_MESSAGES.incomplete, 'validation.dates.incomplete'],
  [DATE_MESSAGES.notReal, 'validation.dates.notReal'],
  [DATE_MESSAGES.serviceMissing, 'validation.dates.serviceMissing'],
  [DATE_MESSAGES.birthFuture, 'validation.dates.birthFuture'],
  [DATE_MESSAGES.futureNotAllowed('consent date'), 'validation.dates.consentFuture'],
  [DATE_MESSAGES.beforeBirth('consent date'), 'validation.dates.consentBeforeBirth'],
  [DATE_MESSAGES.futureNotAllowed('clearance date'), 'validation.dates.clearanceFuture'],
  [DATE_MESSAGES.beforeBirth('clearance date'), 'validation.dates.clearanceBeforeBirth'],
  [
    DATE_MESSAGES.endBeforeStart('"valid until" date', 'clearance date'),
    'validation.dates.validUntilBeforeClearance',
  ],
]);

/** A message built from a value: its English shape (from DATE_MESSAGES itself) and its key. */
interface Pattern {
  match: RegExp;
  found: (groups: string[]) => Found;
}

/** The captured values, as strings (a group that did not take part is ''). */
function captured(groups: RegExpExecArray): string[] {
  return groups.slice(1).map((group) => group ?? '');
}

const SLOT = '\u0000';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The English message with each value as a capture group, built from the function that writes it. */
function shape(written: string): RegExp {
  return new RegExp(`^${written.split(SLOT).map(escapeRegExp).join('(.+?)')}$`);
}

const PATTERNS: readonly Pattern[] = [
  {
    match: shape(DATE_MESSAGES.serviceBeforeBirth(SLOT)),
    found: ([date = '']) => ({ key: 'validation.dates.serviceBeforeBirth', values: { date } }),
  },
  {
    match: /^This is (\d+) days ago: check the date$/,
    found: ([days = '']) => ({ key: 'validation.dates.serviceDaysAgo', values: { days: String(days) } }),
  },
  {
    match: /^This is over a year ago: check the year$/,
    found: () => ({ key: 'validation.dates.serviceOverAYear' }),
  },
  {
    match: /^This is (\d+) years ago: check the year$/,
    found: ([years = '']) => ({ key: 'validation.dates.serviceYearsAgo', values: { years: String(years) } }),
  },
  {
    match: /^This is before the previous session \(session (\d+)\) on (.+)$/,
    found: ([number = '', date = '']) => ({
      key: 'validation.dates.serviceBeforePreviousNumbered',
      values: { number: String(number), date },
    }),
  },
  {
    match: /^This is before the previous session on (.+)$/,
    found: ([date = '']) => ({ key: 'validation.dates.serviceBeforePrevious', values: { date } }),
  },
];

/** The key (and values) for a message the screens know, else null. */
export function fieldMessageKey(message: string): Found | null {
  if (message === DATE_MESSAGES.birthTooLongAgo)
    return { key: 'validation.dates.birthTooLongAgo', values: { years: String(OLDEST_AGE_YEARS) } };
  const key = EXACT.get(message);
  if (key) return { key };
  for (const pattern of PATTERNS) {
    const groups = pattern.match.exec(message);
    if (groups) return pattern.found(captured(groups));
  }
  return null;
}

/** A message beside a field (a schema's refusal, a date rule) in the reader's language. */
export function fieldMessage(t: Translate, message: string): string {
  const found = fieldMessageKey(message);
  return found ? t(found.key, found.values) : message;
}

/** Every message of a path -> message record, translated. */
export function fieldMessages(t: Translate, messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages).map(([path, message]) => [path, fieldMessage(t, message)]),
  );
}
