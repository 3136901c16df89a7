import { type ClientFormValues, type ClientInput, makeClientInputSchema } from '../domain/client';
import type { IsoDate } from '../domain/dates';
import { foldForSearch } from '../domain/text-search';
import { type DateFormat, parseImportDate } from './import-dates';
import { type ColumnMapping, IMPORT_FIELD_LABELS, type ImportField, splitFullName } from './import-mapping';
import type { ImportTable } from './import-table';

/**
 * What an import would do, row by row, before anything is written: each row becomes client form
 * values, is validated with the same schema as the client form (makeClientInputSchema), and is
 * either ready or skipped with its reasons. Duplicates (same name and date of birth as a client
 * already on record, or as an earlier row of the file) are skipped too.
 */

export interface ImportOptions {
  dateFormat: DateFormat;
  /** Today's date on this computer: no date of birth or consent after it. */
  today: IsoDate;
}

export interface RowProblem {
  /** The field as the form labels it ("Email", "Date of birth"), or "Duplicate". */
  field: string;
  message: string;
}

export type PlannedRow =
  | { row: number; status: 'ready'; input: ClientInput }
  | { row: number; status: 'invalid'; values: ClientFormValues; problems: RowProblem[] }
  | { row: number; status: 'duplicate'; input: ClientInput; problems: RowProblem[] };

export interface ImportPlan {
  rows: PlannedRow[];
  ready: number;
  invalid: number;
  duplicates: number;
}

type NameParts = { firstName: string; lastName: string; dateOfBirth: string | null };

/** Same person: names compared without case, accents or extra spaces, and the same date of birth. */
export function duplicateKey(client: NameParts): string {
  const fold = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();
  return `${fold(client.firstName)}|${fold(client.lastName)}|${client.dateOfBirth ?? ''}`;
}

const TRUE_WORDS = new Set([
  'yes',
  'y',
  'true',
  '1',
  'x',
  '✓',
  '✔',
  'given',
  'signed',
  'agreed',
  'consented',
  'ja',
  'oui',
  'si',
  'sí',
]);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '', '-', 'not given', 'none', 'nein', 'non']);

function parseYesNo(raw: string): boolean | null {
  const value = foldForSearch(raw).trim();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return null;
}

/** Zod paths of the client schema as the form labels them. */
const PATH_LABELS: Record<string, string> = {
  firstName: IMPORT_FIELD_LABELS.firstName,
  lastName: IMPORT_FIELD_LABELS.lastName,
  preferredName: IMPORT_FIELD_LABELS.preferredName,
  dateOfBirth: IMPORT_FIELD_LABELS.dateOfBirth,
  phone: IMPORT_FIELD_LABELS.phone,
  email: IMPORT_FIELD_LABELS.email,
  address: IMPORT_FIELD_LABELS.addressLine1,
  'emergencyContact.name': IMPORT_FIELD_LABELS.emergencyContactName,
  'emergencyContact.phone': IMPORT_FIELD_LABELS.emergencyContactPhone,
  referringPhysician: IMPORT_FIELD_LABELS.referringPhysician,
  referralSource: IMPORT_FIELD_LABELS.referralSource,
  'consent.given': 'Consent given',
  'consent.date': IMPORT_FIELD_LABELS.consentDate,
  'consent.textVersion': IMPORT_FIELD_LABELS.consentVersion,
  tags: IMPORT_FIELD_LABELS.tags,
  notes: IMPORT_FIELD_LABELS.notes,
  archived: 'Archived',
};

function joinAddress(
  parts: Record<'line1' | 'line2' | 'city' | 'region' | 'postcode' | 'country', string>,
): string {
  const place = [parts.city, [parts.region, parts.postcode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [parts.line1, parts.line2, place, parts.country].filter(Boolean).join('\n');
}

/** One data row as client form values, with the problems found while reading its cells. */
export function rowToClientValues(
  cells: readonly string[],
  mapping: ColumnMapping,
  options: ImportOptions,
): { values: ClientFormValues; problems: RowProblem[]; nameFromFullName: boolean } {
  const cell = (field: ImportField): string => {
    const index = mapping[field];
    return index === null ? '' : (cells[index] ?? '').trim();
  };
  const problems: RowProblem[] = [];
  const todayYear = Number(options.today.slice(0, 4));
  const date = (field: ImportField): string => {
    const raw = cell(field);
    if (raw === '') return '';
    const parsed = parseImportDate(raw, options.dateFormat, todayYear);
    if (parsed.ok) return parsed.date;
    problems.push({ field: IMPORT_FIELD_LABELS[field], message: parsed.message });
    return '';
  };
  const yesNo = (field: ImportField, label: string, fallback: boolean): boolean => {
    if (mapping[field] === null) return fallback;
    const parsed = parseYesNo(cell(field));
    if (parsed === null) {
      problems.push({ field: label, message: `Enter yes or no (found "${cell(field)}")` });
      return fallback;
    }
    return parsed;
  };

  let firstName = cell('firstName');
  let lastName = cell('lastName');
  let nameFromFullName = false;
  if ((firstName === '' || lastName === '') && cell('fullName') !== '') {
    const split = splitFullName(cell('fullName'));
    nameFromFullName = true;
    if (firstName === '') firstName = split.firstName;
    if (lastName === '') lastName = split.lastName;
  }

  const dateOfBirth = date('dateOfBirth');
  const consentDate = date('consentDate');
  // Without a "consent given" column, a consent date means consent was given.
  const consentGiven = yesNo('consentGiven', 'Consent given', consentDate !== '');
  const archived = yesNo('archived', 'Archived', false);
  const tags = cell('tags')
    .split(/[;,]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

  const values: ClientFormValues = {
    firstName,
    lastName,
    preferredName: cell('preferredName'),
    dateOfBirth,
    phone: cell('phone'),
    email: cell('email'),
    address: joinAddress({
      line1: cell('addressLine1'),
      line2: cell('addressLine2'),
      city: cell('city'),
      region: cell('region'),
      postcode: cell('postcode'),
      country: cell('country'),
    }),
    emergencyContact: { name: cell('emergencyContactName'), phone: cell('emergencyContactPhone') },
    referringPhysician: cell('referringPhysician'),
    referralSource: cell('referralSource'),
    consent: { given: consentGiven, date: consentDate, textVersion: cell('consentVersion') },
    notes: cell('notes'),
    tags,
    archived,
  };
  return { values, problems, nameFromFullName };
}

/** Checks one row with the client form's schema. */
export function planRow(
  cells: readonly string[],
  row: number,
  mapping: ColumnMapping,
  options: ImportOptions,
): PlannedRow {
  const { values, problems, nameFromFullName } = rowToClientValues(cells, mapping, options);
  const parsed = makeClientInputSchema(options.today).safeParse(values);
  const reported = new Set(problems.map((problem) => problem.field));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const key = path[0] === 'tags' ? 'tags' : path.join('.');
      let field = PATH_LABELS[key] ?? key;
      if (nameFromFullName && (key === 'firstName' || key === 'lastName')) field = 'Full name';
      // A date the reader could not parse is already reported in its own words.
      if (reported.has(field)) continue;
      reported.add(field);
      problems.push({ field, message: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) return { row, status: 'invalid', values, problems };
  return { row, status: 'ready', input: parsed.data };
}

/**
 * The whole file's plan. `existing` holds duplicateKey() of every client on record. A row that
 * repeats an earlier row of the file is a duplicate of it, so importing a file twice, or a file
 * with the same person twice, never makes two records.
 */
export function planImport(
  table: Pick<ImportTable, 'rows' | 'rowNumbers'>,
  mapping: ColumnMapping,
  options: ImportOptions,
  existing: ReadonlySet<string>,
): ImportPlan {
  const seenInFile = new Map<string, number>();
  let ready = 0;
  let invalid = 0;
  let duplicates = 0;
  const rows = table.rows.map((cells, index): PlannedRow => {
    const row = table.rowNumbers[index] ?? index + 2;
    const planned = planRow(cells, row, mapping, options);
    if (planned.status !== 'ready') {
      invalid += 1;
      return planned;
    }
    const key = duplicateKey(planned.input);
    const born = planned.input.dateOfBirth ? `born ${planned.input.dateOfBirth}` : 'no date of birth';
    const name = `${planned.input.firstName} ${planned.input.lastName}`;
    let message: string | null = null;
    if (existing.has(key)) message = `${name} (${born}) is already a client`;
    else if (seenInFile.has(key)) message = `same name and date of birth as row ${seenInFile.get(key)}`;
    if (message !== null) {
      duplicates += 1;
      return { row, status: 'duplicate', input: planned.input, problems: [{ field: 'Duplicate', message }] };
    }
    seenInFile.set(key, row);
    ready += 1;
    return planned;
  });
  return { rows, ready, invalid, duplicates };
}

/** "Row 7: Email: Enter an email address like name@example.com", one line per problem. */
export function describeSkippedRow(row: Exclude<PlannedRow, { status: 'ready' }>): string[] {
  return row.problems.map((problem) => `Row ${row.row}: ${problem.field}: ${problem.message}`);
}
