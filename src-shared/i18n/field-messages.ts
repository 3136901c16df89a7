import { IntlMessageFormat } from 'intl-messageformat';
import { RECORD_FAILURE_MESSAGES } from '../backup/errors';
import { ATTACHMENT_FILE_MESSAGES } from '../documents/attachment';
import { AFTERCARE_MESSAGES } from '../domain/aftercare';
import { BACKUP_SCHEDULE_MESSAGES } from '../domain/backup-settings';
import { CLIENT_MESSAGES } from '../domain/client';
import { DATE_MESSAGES, OLDEST_AGE_YEARS } from '../domain/date-rules';
import { TIMESTAMP_MESSAGE } from '../domain/dates';
import { FILE_MESSAGES } from '../domain/files';
import { HEALTH_HISTORY_MESSAGES } from '../domain/health-history';
import { LOGO_SIZE_MESSAGES } from '../domain/image-dimensions';
import { SESSION_NOTE_MESSAGES } from '../domain/session-note-schema';
import { SETTINGS_MESSAGES } from '../domain/settings';
import { INTAKE_MESSAGES } from '../intake/records';
import { INTAKE_SETTINGS_MESSAGES } from '../intake/settings';
import { IPC_MESSAGES } from '../ipc';
import { PROGRESS_REPORT_MESSAGES } from '../outcomes/report';
import { FOLLOW_UP_MESSAGES } from '../outcomes/schemas';
import { SAFETY_RULE_MESSAGES } from '../safety/messages';
import { SERVER_ADDRESS_MESSAGES } from '../sync/server-address';
import { CATALOGUES, type Catalogue, type MessageKey } from './catalogues';
import { LANGUAGE_MESSAGES } from './languages';
import type { MessageValues, Translate } from './translator';

/**
 * The messages beside form fields in the reader's language (issue 19). The schemas and the date
 * rules (src-shared/domain) run in main as well as in the renderer, so they keep writing English;
 * the screens translate a message where they show it, by its exact English text, to a key of the
 * `validation` area. A message this does not know (a practice's own words) is shown as it is.
 * In English the catalogue's text is the schema's, word for word. zod's own default messages
 * ("Invalid input") are not here: zod writes them in the app's language itself
 * (schema-language.ts).
 */
type Found = { key: MessageKey; values?: MessageValues };

const EXACT_KEYS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ...Object.entries(SESSION_NOTE_MESSAGES).map(
    ([name, message]) =>
      [message, `validation.session.${name as keyof typeof SESSION_NOTE_MESSAGES}`] as [string, MessageKey],
  ),
  [DATE_MESSAGES.incomplete, 'validation.dates.incomplete'],
  [DATE_MESSAGES.notReal, 'validation.dates.notReal'],
  [TIMESTAMP_MESSAGE, 'validation.dates.dateTime'],
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

/**
 * A schema's table of messages, by name; the name is the key under `validation.<family>`. A
 * message written with a value the schema only knows when it runs is a function of that value.
 */
type Written = string | ((...values: string[]) => string);
type Family = Exclude<keyof Catalogue['validation'], 'session' | 'dates'>;
type Table<F extends Family> = { readonly [name in keyof Catalogue['validation'][F]]?: Written };

/** The schemas' tables: every message in them has a catalogue key (tests/unit/i18n/field-messages.test.ts). */
export const SCHEMA_MESSAGES = {
  client: CLIENT_MESSAGES,
  history: HEALTH_HISTORY_MESSAGES,
  intake: INTAKE_MESSAGES,
  intakeSettings: INTAKE_SETTINGS_MESSAGES,
  safetyRules: SAFETY_RULE_MESSAGES,
  handout: AFTERCARE_MESSAGES,
  logo: LOGO_SIZE_MESSAGES,
  settings: SETTINGS_MESSAGES,
  backupSchedule: BACKUP_SCHEDULE_MESSAGES,
  language: LANGUAGE_MESSAGES,
  recordFailures: RECORD_FAILURE_MESSAGES,
  progressReport: PROGRESS_REPORT_MESSAGES,
  followUp: FOLLOW_UP_MESSAGES,
  files: FILE_MESSAGES,
  attachmentFile: ATTACHMENT_FILE_MESSAGES,
  ipc: IPC_MESSAGES,
  serverAddress: SERVER_ADDRESS_MESSAGES,
} satisfies { [F in Family]?: Table<F> };

/** A message built from a value: its English shape and its key. */
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

/** An ICU message's parts: literal text, or the name of a {placeholder} (`numeric`: `{max, number}`). */
function partsOf(template: string): { literal?: string; name?: string; numeric?: boolean }[] {
  return new IntlMessageFormat(template, 'en')
    .getAst()
    .map((element) =>
      element.type === 0
        ? { literal: element.value }
        : 'value' in element
          ? { name: element.value, numeric: element.type === 2 }
          : {},
    );
}

/**
 * A value read from the English: a `{max, number}` placeholder gets the number ("2,000" -> 2000),
 * so each language writes it its own way (2.000, 2 000); any other stays the text it was.
 */
function readValue(text: string, numeric: boolean | undefined): string | number {
  if (!numeric) return text;
  const number = Number(text.replace(/,/g, ''));
  return Number.isFinite(number) ? number : text;
}

/** The English catalogue's text of a key in a family (to read the names of its placeholders). */
function englishOf(family: Family, name: string): string | undefined {
  const area = CATALOGUES.en.validation as Record<string, Record<string, string> | undefined>;
  return area[family]?.[name];
}

/**
 * Each table message as an exact text (its numbers become the placeholders' values: "under 100
 * characters" -> {max: "100"}), or, for a function, a pattern. The values are read by matching
 * the schema's English against the catalogue's English, so the two cannot drift apart unnoticed:
 * a message whose English does not match its key's is left out, and its test fails.
 */
function tableEntries(): { exact: [string, Found][]; patterns: Pattern[] } {
  const exact: [string, Found][] = [];
  const patterns: Pattern[] = [];
  for (const [family, table] of Object.entries(SCHEMA_MESSAGES) as [Family, Record<string, Written>][]) {
    for (const [name, written] of Object.entries(table)) {
      const english = englishOf(family, name);
      if (english === undefined) continue;
      const key = `validation.${family}.${name}` as MessageKey;
      const parts = partsOf(english);
      const placeholders = parts.filter((part) => part.name !== undefined);
      const names = placeholders.map((part) => part.name as string);
      const toFound = (groups: string[]): Found => ({
        key,
        values: Object.fromEntries(
          placeholders.map((part, i) => [part.name, readValue(groups[i] ?? '', part.numeric)]),
        ),
      });
      if (typeof written === 'function') {
        const match = shape(written(...names.map(() => SLOT)));
        patterns.push({ match, found: toFound });
        continue;
      }
      if (names.length === 0) {
        exact.push([written, { key }]);
        continue;
      }
      const template = new RegExp(
        `^${parts.map((part) => (part.name ? '(.+?)' : escapeRegExp(part.literal ?? ''))).join('')}$`,
      );
      const groups = template.exec(written);
      if (groups) exact.push([written, toFound(captured(groups))]);
    }
  }
  return { exact, patterns };
}

const TABLES = tableEntries();
const EXACT: ReadonlyMap<string, Found> = new Map<string, Found>([
  ...TABLES.exact,
  ...[...EXACT_KEYS].map(([message, key]): [string, Found] => [message, { key }]),
]);

const PATTERNS: readonly Pattern[] = [
  ...TABLES.patterns,
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
  const exact = EXACT.get(message);
  if (exact) return exact;
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

/**
 * One line of a ValidationError ("signedBy: Enter who signs the note"): the field's path as it
 * is, the message translated. A line whose message this does not know is left as it is.
 */
export function issueLine(t: Translate, line: string): string {
  const split = /^([\w.]+): (.+)$/s.exec(line);
  if (!split) return fieldMessage(t, line);
  const [, path = '', message = ''] = split;
  const found = fieldMessageKey(message);
  return found ? `${path}: ${t(found.key, found.values)}` : line;
}
