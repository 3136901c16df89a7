import { foldForSearch } from '../domain/text-search';

/**
 * Which column of the other tool's CSV feeds which field of a Stillpoint client. The importer
 * guesses from the header names (English, and the column names of Stillpoint's own clients.csv)
 * and the user corrects the guess in the preview before anything is imported.
 */

export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'dateOfBirth',
  'phone',
  'email',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postcode',
  'country',
  'emergencyContactName',
  'emergencyContactPhone',
  'referringPhysician',
  'referralSource',
  'consentGiven',
  'consentDate',
  'consentVersion',
  'tags',
  'notes',
  'archived',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field -> column index, or null when the field is not imported. */
export type ColumnMapping = Record<ImportField, number | null>;

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/** Header names, folded like `normalizeHeader`, that mean each field. The first are exact names. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  firstName: [
    'first name',
    'firstname',
    'first',
    'given name',
    'given names',
    'forename',
    'forenames',
    'fname',
    'christian name',
    'vorname',
    'prenom',
  ],
  lastName: ['last name', 'lastname', 'last', 'surname', 'family name', 'lname', 'nachname', 'nom'],
  fullName: [
    'name',
    'full name',
    'fullname',
    'client name',
    'client',
    'patient name',
    'patient',
    'customer name',
    'customer',
    'contact name',
    'display name',
  ],
  preferredName: [
    'preferred name',
    'nickname',
    'nick name',
    'known as',
    'goes by',
    'preferred first name',
    'call name',
  ],
  dateOfBirth: [
    'date of birth',
    'dob',
    'd o b',
    'birth date',
    'birthdate',
    'birthday',
    'born',
    'date born',
    'geburtsdatum',
  ],
  phone: [
    'phone',
    'mobile',
    'phone number',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'cellphone',
    'telephone',
    'tel',
    'home phone',
    'work phone',
    'primary phone',
    'contact number',
    'telefon',
  ],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'emailaddress', 'primary email'],
  addressLine1: [
    'address',
    'address line 1',
    'address 1',
    'address1',
    'street',
    'street address',
    'home address',
    'postal address',
    'mailing address',
    'line 1',
    'adresse',
  ],
  addressLine2: ['address line 2', 'address 2', 'address2', 'line 2', 'apartment', 'suite'],
  city: ['city', 'town', 'town city', 'city town', 'locality', 'suburb'],
  region: ['county', 'state', 'region', 'province', 'state province', 'state region'],
  postcode: ['postcode', 'post code', 'postal code', 'zip', 'zip code', 'zipcode', 'plz'],
  country: ['country', 'country region'],
  emergencyContactName: [
    'emergency contact name',
    'emergency contact',
    'emergency name',
    'ice name',
    'ice contact',
    'next of kin',
    'in case of emergency',
  ],
  emergencyContactPhone: [
    'emergency contact phone',
    'emergency phone',
    'emergency contact number',
    'emergency number',
    'ice phone',
    'ice number',
    'next of kin phone',
  ],
  referringPhysician: [
    'referring physician',
    'referring doctor',
    'physician',
    'doctor',
    'gp',
    'general practitioner',
    'family doctor',
    'primary care physician',
  ],
  referralSource: [
    'referral source',
    'referred by',
    'referral',
    'source',
    'lead source',
    'how did you hear about us',
    'how did you hear',
    'how heard',
    'how they heard of us',
  ],
  consentGiven: ['consent given', 'consent', 'informed consent', 'consented', 'consent signed'],
  consentDate: ['consent date', 'date of consent', 'consent signed date', 'consent given date'],
  consentVersion: ['consent version', 'consent form version'],
  tags: ['tags', 'tag', 'labels', 'label', 'groups', 'group', 'categories', 'category'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'client notes', 'memo'],
  archived: ['archived', 'inactive', 'archive'],
};

/** "E-Mail Address", "e_mail_address" and " EMAIL  address" all read "e mail address". */
export function normalizeHeader(header: string): string {
  return foldForSearch(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Names specific enough to find inside a longer header ("Mobile phone (main)", "Client email").
 * Generic words ("first", "last", "name", "source") are matched only as the whole header, or
 * "Last visit" would be read as a last name.
 */
const DISTINCTIVE = new Set([
  'surname',
  'forename',
  'forenames',
  'firstname',
  'lastname',
  'nickname',
  'email',
  'mobile',
  'phone',
  'telephone',
  'dob',
  'birthday',
  'birthdate',
  'address',
  'city',
  'town',
  'county',
  'postcode',
  'zipcode',
  'country',
  'physician',
  'consent',
  'tags',
  'notes',
  'comments',
  'archived',
]);

/** Also reads camelCase names ("firstName", "DateOfBirth") before folding to lower case. */
function headerVariants(header: string): string[] {
  const spaced = header.replace(/([a-z])([A-Z])/g, '$1 $2');
  return [...new Set([normalizeHeader(header), normalizeHeader(spaced)])];
}

/**
 * The automatic mapping. First every header that exactly matches a known name is taken (so
 * "Emergency contact phone" is not read as "Phone"); then a header that contains a known name
 * as whole words ("Client first name", "Mobile phone (main)"), longest name first. A column
 * feeds at most one field. "Full name" is only guessed when first or last name is missing.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const used = new Set<number>();
  const variants = headers.map(headerVariants);

  const assign = (field: ImportField, column: number) => {
    mapping[field] = column;
    used.add(column);
  };

  // Pass 1: exact names, in the order of each field's synonym list.
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const column = variants.findIndex((names, index) => !used.has(index) && names.includes(synonym));
      if (column !== -1) {
        assign(field, column);
        break;
      }
    }
  }

  // Pass 2: headers containing a known name as whole words, longest (most specific) first.
  // Identifier columns ("Client ID", "Patient no") never feed a field by a partial match.
  const isIdentifier = (names: readonly string[]) => names.some((n) => /(^| )(id|no|ref)$/.test(n));
  const candidates = IMPORT_FIELDS.flatMap((field) =>
    SYNONYMS[field]
      .filter((synonym) => synonym.includes(' ') || DISTINCTIVE.has(synonym))
      .map((synonym) => ({ field, synonym })),
  ).sort((a, b) => b.synonym.length - a.synonym.length);
  for (const { field, synonym } of candidates) {
    if (mapping[field] !== null) continue;
    const pattern = new RegExp(`(^| )${synonym}( |$)`);
    const column = variants.findIndex(
      (names, index) => !used.has(index) && !isIdentifier(names) && names.some((n) => pattern.test(n)),
    );
    if (column !== -1) assign(field, column);
  }

  // A full-name column only matters when the names are not split.
  if (mapping.firstName !== null && mapping.lastName !== null && mapping.fullName !== null) {
    used.delete(mapping.fullName);
    mapping.fullName = null;
  }
  return mapping;
}
