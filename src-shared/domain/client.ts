import { z } from 'zod';
import { LanguageSchema } from '../i18n/languages';
import { DATE_MESSAGES, dateOfBirthError, isIncompleteDate, pastDateError } from './date-rules';
import { type IsoDate, IsoDateSchema, isRealCalendarDate, type Timestamp, TimestampSchema } from './dates';
import { type Id, IdSchema } from './ids';
import { clientSearchText, foldForSearch } from './text-search';

/**
 * The client record.
 *
 * Empty values (forms-friendly, one convention for the whole record):
 * - Optional text fields are '' when empty, never undefined or null.
 * - Optional dates are `null` when empty. The schemas also accept '' (what an empty
 *   `<input type="date">` gives) and turn it into null, so a form can bind dates directly.
 *
 * Two schemas: `ClientSchema` checks a stored record (a Dexie row, a backup, an IPC payload)
 * and needs no clock; `makeClientInputSchema(today)` is what a form validates with, and adds the
 * checks that depend on today's date (no date of birth in the future).
 */

/**
 * An optional calendar date: null when empty; '' from a form is accepted and becomes null. A date
 * typed only in part (INCOMPLETE_DATE) is refused with its own message, never saved as empty.
 */
export const OptionalIsoDateSchema = z.union(
  [
    z.literal('').transform(() => null),
    z.null(),
    z.string().refine(isRealCalendarDate, {
      error: (issue) =>
        isIncompleteDate(String(issue.input)) ? DATE_MESSAGES.incomplete : DATE_MESSAGES.notReal,
    }),
  ],
  { message: DATE_MESSAGES.notReal },
);

/**
 * Every message the client schemas write. The schemas run in main too, so they stay English;
 * the screens show each one in the reader's language by its name here, the key
 * `validation.client.<name>` (src-shared/i18n/field-messages.ts; a unit test fails for a message
 * without a key). A number in a message is the catalogue's placeholder ({max}).
 */
export const CLIENT_MESSAGES = {
  firstName: 'Enter a first name',
  firstNameTooLong: 'Keep the first name under 100 characters',
  lastName: 'Enter a last name',
  lastNameTooLong: 'Keep the last name under 100 characters',
  preferredNameTooLong: 'Keep the preferred name under 100 characters',
  addressTooLong: 'Keep the address under 500 characters',
  emergencyNameTooLong: 'Keep the emergency contact name under 100 characters',
  referringPhysicianTooLong: 'Keep the referring physician under 200 characters',
  referralSourceTooLong: 'Keep the referral source under 200 characters',
  consentVersionTooLong: 'Keep the consent version under 50 characters',
  notesTooLong: 'Keep the notes under 10000 characters',
  email: 'Enter an email address like name@example.com',
  phone: 'Enter a phone number using digits (spaces, +, - and brackets are fine)',
  phoneTooLong: 'Keep the phone number under 40 characters',
  tagEmpty: 'A tag cannot be empty',
  tagTooLong: 'Keep each tag under 40 characters',
  tooManyTags: 'Use at most 30 tags',
  consentDate: 'Enter the date consent was given',
  /** A client record export's part that names another client (client-record.ts). */
  otherClient: 'Belongs to another client',
} as const;
const M = CLIENT_MESSAGES;

function optionalText(max: number, message: string) {
  return z.string().trim().max(max, { message });
}

// Plausible, not RFC 5322: something@domain.tld, no spaces, a top-level domain of 2+ letters.
const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/;
const EMAIL_MESSAGE = M.email;

export const EmailSchema = z
  .string()
  .trim()
  .max(254, { message: EMAIL_MESSAGE })
  .refine((value) => value === '' || EMAIL.test(value), { message: EMAIL_MESSAGE });

// Digits with the usual separators, an optional extension ("ext 12", "x12"), at least 3 digits.
const PHONE = /^\+?[\d\s()\-./]+(?:\s*(?:ext\.?|x)\s*\d+)?$/i;
const PHONE_MESSAGE = M.phone;

export const PhoneSchema = z
  .string()
  .trim()
  .max(40, { message: M.phoneTooLong })
  .refine((value) => value === '' || (PHONE.test(value) && (value.match(/\d/g)?.length ?? 0) >= 3), {
    message: PHONE_MESSAGE,
  });

export const EmergencyContactSchema = z.object({
  name: optionalText(100, M.emergencyNameTooLong),
  phone: PhoneSchema,
});
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;

export const ConsentSchema = z.object({
  given: z.boolean(),
  date: OptionalIsoDateSchema,
  /** Which version of the practice's consent wording the client agreed to, e.g. "2026-01". */
  textVersion: optionalText(50, M.consentVersionTooLong),
});
export type Consent = z.infer<typeof ConsentSchema>;

const TagsSchema = z
  .array(z.string().trim().min(1, { message: M.tagEmpty }).max(40, { message: M.tagTooLong }))
  .max(30, { message: M.tooManyTags })
  // The same tag twice (in any case or accent) is kept once, in its first spelling.
  .overwrite((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = foldForSearch(tag);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** The fields a form edits. */
const clientInputShape = {
  firstName: z.string().trim().min(1, { message: M.firstName }).max(100, { message: M.firstNameTooLong }),
  lastName: z.string().trim().min(1, { message: M.lastName }).max(100, { message: M.lastNameTooLong }),
  preferredName: optionalText(100, M.preferredNameTooLong),
  dateOfBirth: OptionalIsoDateSchema,
  phone: PhoneSchema,
  email: EmailSchema,
  /** Postal address as the client writes it, several lines in one string. */
  address: optionalText(500, M.addressTooLong),
  emergencyContact: EmergencyContactSchema,
  referringPhysician: optionalText(200, M.referringPhysicianTooLong),
  /** How they heard of the practice. */
  referralSource: optionalText(200, M.referralSourceTooLong),
  consent: ConsentSchema,
  notes: optionalText(10_000, M.notesTooLong),
  tags: TagsSchema,
  archived: z.boolean(),
  /**
   * The language the client reads: their handout, record and intake papers are printed in it,
   * whatever language the app speaks. Optional (records from before issue 19 have none): absent
   * means the app's own language at the time of printing.
   */
  preferredLanguage: z.union([z.literal('').transform(() => undefined), LanguageSchema]).optional(),
};

interface ConsentFields {
  consent: { given: boolean; date: IsoDate | null };
}

function requireConsentDate(value: ConsentFields, ctx: z.core.$RefinementCtx<ConsentFields>): void {
  if (value.consent.given && value.consent.date === null) {
    ctx.addIssue({ code: 'custom', path: ['consent', 'date'], message: M.consentDate });
  }
}

/** Form values without the checks that need today's date; prefer `makeClientInputSchema`. */
export const ClientInputSchema = z.object(clientInputShape).superRefine(requireConsentDate);
/** What the client form edits: no id, timestamps or derived fields. */
export type ClientInput = z.output<typeof ClientInputSchema>;
/** The raw values a form holds before parsing (dates may be ''). */
export type ClientFormValues = z.input<typeof ClientInputSchema>;

/**
 * The schema a client form validates with: adds the date rules that need `today` (date-rules.ts:
 * no date of birth in the future or over 120 years ago, no consent in the future or before birth).
 */
export function makeClientInputSchema(today: IsoDate) {
  // Only real dates are checked here: an incomplete or impossible one already has its message.
  const real = (date: string | null): date is IsoDate => date !== null && isRealCalendarDate(date);
  return ClientInputSchema.superRefine((value, ctx) => {
    const born = real(value.dateOfBirth) ? value.dateOfBirth : null;
    const birthError = dateOfBirthError(born, today);
    if (birthError) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: birthError });
    if (!real(value.consent.date)) return;
    const dateOfBirth = birthError ? null : born;
    const consentError = pastDateError(value.consent.date, { today, dateOfBirth, what: 'consent date' });
    if (consentError) ctx.addIssue({ code: 'custom', path: ['consent', 'date'], message: consentError });
  });
}

/**
 * A stored client. `searchText` is derived: parsing recomputes it from the names, so a record
 * that passed through this schema always searches correctly.
 */
export const ClientSchema = z
  .object({
    id: IdSchema,
    ...clientInputShape,
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    /** Date of the most recent session; maintained by the sessions repository. */
    lastVisitAt: IsoDateSchema.nullable(),
    searchText: z.string(),
  })
  .superRefine(requireConsentDate)
  .overwrite((client) => ({ ...client, searchText: clientSearchText(client) }));
export type Client = z.output<typeof ClientSchema>;

/** Blank form values for a new client. */
export function emptyClientInput(): ClientInput {
  return {
    firstName: '',
    lastName: '',
    preferredName: '',
    dateOfBirth: null,
    phone: '',
    email: '',
    address: '',
    emergencyContact: { name: '', phone: '' },
    referringPhysician: '',
    referralSource: '',
    consent: { given: false, date: null, textVersion: '' },
    notes: '',
    tags: [],
    archived: false,
  };
}

/** The client's editable fields, e.g. to fill a form from a stored record. */
export function clientInputOf(client: Client): ClientInput {
  const { id: _id, createdAt: _c, updatedAt: _u, lastVisitAt: _l, searchText: _s, ...input } = client;
  return input;
}

/**
 * A stored record from parsed form values: a new one (no `existing`) or an update of `existing`
 * that keeps its id, creation time and last visit.
 */
export function buildClientRecord(
  input: ClientInput,
  meta: { now: Timestamp; id: Id; existing?: undefined } | { now: Timestamp; existing: Client },
): Client {
  const base = meta.existing ?? { id: meta.id, createdAt: meta.now, lastVisitAt: null };
  return {
    ...input,
    id: base.id,
    createdAt: base.createdAt,
    updatedAt: meta.now,
    lastVisitAt: base.lastVisitAt,
    searchText: clientSearchText(input),
  };
}

interface NameParts {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
}

/** The preferred name when it differs from the first name (ignoring case and accents), else ''. */
function distinctPreferredName(client: NameParts): string {
  const preferred = (client.preferredName ?? '').trim();
  if (preferred === '' || foldForSearch(preferred) === foldForSearch(client.firstName.trim())) return '';
  return preferred;
}

/**
 * The name to show and print: "Kate (Katherine) Smith" when a different preferred name is set,
 * "Katherine Smith" otherwise.
 */
export function clientDisplayName(client: NameParts): string {
  const first = client.firstName.trim();
  const last = client.lastName.trim();
  const preferred = distinctPreferredName(client);
  const given = preferred && first ? `${preferred} (${first})` : preferred || first;
  return [given, last].filter((part) => part !== '').join(' ') || 'Unnamed client';
}

/** The name for an alphabetical list: "Smith, Katherine (Kate)". */
export function clientSortName(client: NameParts): string {
  const first = client.firstName.trim();
  const last = client.lastName.trim();
  const preferred = distinctPreferredName(client);
  const given = preferred && first ? `${first} (${preferred})` : first || preferred;
  return [last, given].filter((part) => part !== '').join(', ') || 'Unnamed client';
}

const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders clients by last name, then first name, ignoring case and accents ("Ødegård" near "Odell"). */
export function compareClientsByName(a: NameParts, b: NameParts): number {
  return (
    nameCollator.compare(foldForSearch(a.lastName.trim()), foldForSearch(b.lastName.trim())) ||
    nameCollator.compare(foldForSearch(a.firstName.trim()), foldForSearch(b.firstName.trim())) ||
    nameCollator.compare(clientSortName(a), clientSortName(b))
  );
}
