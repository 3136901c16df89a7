import { type MessageKey, type Translate, translatorFor } from '../i18n';
import type { DateFormat } from './import-dates';
import type { ExtraColumnUse } from './import-extras';
import type { ImportField } from './import-mapping';
import type { CapitalNameOrder } from './import-names';

/**
 * The CSV import's words in the app's language (issue 19): field names, the date-format,
 * delimiter, extra-column and name-order choices, and the row problems the plan reports. The
 * planner takes a `t` (ImportOptions.t); without one it writes English, word for word what it
 * wrote before the catalogue.
 */

export const ENGLISH: Translate = translatorFor('en');

const FIELD_KEYS: Readonly<Record<ImportField, MessageKey>> = {
  firstName: 'exports.import.fields.firstName',
  lastName: 'exports.import.fields.lastName',
  fullName: 'exports.import.fields.fullName',
  preferredName: 'exports.import.fields.preferredName',
  dateOfBirth: 'exports.import.fields.dateOfBirth',
  phone: 'exports.import.fields.phone',
  email: 'exports.import.fields.email',
  addressLine1: 'exports.import.fields.addressLine1',
  addressLine2: 'exports.import.fields.addressLine2',
  city: 'exports.import.fields.city',
  region: 'exports.import.fields.region',
  postcode: 'exports.import.fields.postcode',
  country: 'exports.import.fields.country',
  emergencyContactName: 'exports.import.fields.emergencyContactName',
  emergencyContactPhone: 'exports.import.fields.emergencyContactPhone',
  referringPhysician: 'exports.import.fields.referringPhysician',
  referralSource: 'exports.import.fields.referralSource',
  consentGiven: 'exports.import.fields.consentGiven',
  consentDate: 'exports.import.fields.consentDate',
  consentVersion: 'exports.import.fields.consentVersion',
  tags: 'exports.import.fields.tags',
  notes: 'exports.import.fields.notes',
  archived: 'exports.import.fields.archived',
};

/** "Date of birth", "Geburtsdatum": a field as the mapping lists it. */
export function importFieldLabel(t: Translate, field: ImportField): string {
  return t(FIELD_KEYS[field]);
}

const DATE_FORMAT_KEYS: Readonly<Record<DateFormat, MessageKey>> = {
  iso: 'exports.import.choices.iso',
  dmy: 'exports.import.choices.dmy',
  mdy: 'exports.import.choices.mdy',
};

/** "DD/MM/YYYY (day first)", "TT/MM/JJJJ (Tag zuerst)". */
export function dateFormatLabel(t: Translate, format: DateFormat): string {
  return t(DATE_FORMAT_KEYS[format]);
}

const DELIMITER_KEYS: Readonly<Record<string, MessageKey>> = {
  ',': 'exports.import.choices.comma',
  ';': 'exports.import.choices.semicolon',
  '\t': 'exports.import.choices.tab',
  '|': 'exports.import.choices.verticalBar',
};

/** "semicolon", "Semikolon"; any other delimiter quoted as it is. */
export function delimiterName(t: Translate, delimiter: string): string {
  const key = Object.hasOwn(DELIMITER_KEYS, delimiter) ? DELIMITER_KEYS[delimiter] : undefined;
  return key ? t(key) : t('exports.import.choices.otherDelimiter', { delimiter });
}

const EXTRA_USE_KEYS: Readonly<Record<ExtraColumnUse, MessageKey>> = {
  notes: 'exports.import.choices.notes',
  conditions: 'exports.import.choices.conditions',
  'leave-out': 'exports.import.choices.leaveOut',
};

/** What to do with a column no field takes: "Leave out", "Weglassen" ... */
export function extraUseLabel(t: Translate, use: ExtraColumnUse): string {
  return t(EXTRA_USE_KEYS[use]);
}

const CAPITAL_ORDER_KEYS: Readonly<Record<CapitalNameOrder, MessageKey>> = {
  'last-first': 'exports.import.choices.lastFirst',
  'first-last': 'exports.import.choices.firstLast',
};

/** How "BECKER TOM" is read: "Last name first (BECKER TOM is Tom Becker)". */
export function capitalOrderLabel(t: Translate, order: CapitalNameOrder): string {
  return t(CAPITAL_ORDER_KEYS[order]);
}
