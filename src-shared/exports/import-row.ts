import type { ClientFormValues } from '../domain/client';
import { foldForSearch } from '../domain/text-search';
import { parseImportDate } from './import-dates';
import { extraNoteLine, MAX_CONDITION_LABEL, splitConditions } from './import-extras';
import type { ColumnMapping, ImportField } from './import-mapping';
import { splitFullName } from './import-names';
import type { ImportedCondition, ImportOptions, RowProblem } from './import-plan';
import { REPLACEMENT_CHARACTER } from './import-table';
import { ENGLISH, importFieldLabel } from './import-words';

/**
 * One row of the other tool's file as client form values: cells read by the mapping, dates in
 * the chosen order, yes/no words, names split, kept columns added to the notes or as conditions.
 * What cannot be read is reported: `problems` keep the row out (no usable name), `notices` name
 * a field left empty or read with a judgement. The plan (import-plan.ts) then validates.
 */

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

function joinAddress(
  parts: Record<'line1' | 'line2' | 'city' | 'region' | 'postcode' | 'country', string>,
): string {
  const place = [parts.city, [parts.region, parts.postcode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [parts.line1, parts.line2, place, parts.country].filter(Boolean).join('\n');
}

/** One data row as client form values, with what was found while reading its cells. */
export function rowToClientValues(
  cells: readonly string[],
  mapping: ColumnMapping,
  options: ImportOptions,
  notUtf8 = false,
): {
  values: ClientFormValues;
  /** Problems that keep the row out (no usable name). */
  problems: RowProblem[];
  /** Fields left empty or read with a judgement; the client is still imported. */
  notices: RowProblem[];
  conditions: ImportedCondition[];
  nameFromFullName: boolean;
  capitalName: boolean;
} {
  const problems: RowProblem[] = [];
  const notices: RowProblem[] = [];
  const unreadable = (text: string) => notUtf8 && text.includes(REPLACEMENT_CHARACTER);
  const t = options.t ?? ENGLISH;
  const UNREADABLE = t('exports.import.problems.unreadable');
  const rawCell = (field: ImportField): string => {
    const index = mapping[field];
    return index === null ? '' : (cells[index] ?? '').trim();
  };
  const cell = (field: ImportField): string => {
    const raw = rawCell(field);
    if (!unreadable(raw)) return raw;
    notices.push({
      field: importFieldLabel(t, field),
      message: t('exports.import.problems.leftEmpty', { reason: UNREADABLE }),
    });
    return '';
  };
  const nameCell = (field: ImportField, label: string): string => {
    const raw = rawCell(field);
    if (unreadable(raw)) {
      problems.push({
        field: label,
        message: t('exports.import.problems.nameUnreadable', { text: raw, reason: UNREADABLE }),
      });
      return '';
    }
    if (/[\r\n]/.test(raw)) {
      problems.push({
        field: label,
        message: t('exports.import.problems.nameLineBreak'),
      });
      return '';
    }
    return raw;
  };
  const todayYear = Number(options.today.slice(0, 4));
  const date = (field: ImportField): string => {
    const raw = cell(field);
    if (raw === '') return '';
    const parsed = parseImportDate(raw, options.dateFormat, todayYear, t);
    if (parsed.ok) return parsed.date;
    notices.push({
      field: importFieldLabel(t, field),
      message: t('exports.import.problems.leftEmpty', { reason: parsed.message }),
    });
    return '';
  };
  const yesNo = (field: ImportField, label: string, fallback: boolean): boolean => {
    if (mapping[field] === null) return fallback;
    const raw = cell(field);
    const parsed = parseYesNo(raw);
    if (parsed === null) {
      notices.push({ field: label, message: t('exports.import.problems.readAsNo', { found: excerpt(raw) }) });
      return false;
    }
    return parsed;
  };

  let firstName = nameCell('firstName', importFieldLabel(t, 'firstName'));
  let lastName = nameCell('lastName', importFieldLabel(t, 'lastName'));
  const fullNameLabel = t('exports.import.fields.fullNameShort');
  let nameFromFullName = false;
  let capitalName = false;
  if (firstName === '' || lastName === '') {
    const fullName = nameCell('fullName', fullNameLabel);
    if (fullName !== '') {
      const split = splitFullName(fullName, options.capitalNameOrder, t);
      nameFromFullName = true;
      capitalName = split.allCapitals;
      if (firstName === '') firstName = split.firstName;
      if (lastName === '') lastName = split.lastName;
      if (split.check) notices.push({ field: fullNameLabel, message: split.check });
    }
  }

  const dateOfBirth = date('dateOfBirth');
  const consentDate = date('consentDate');
  // Without a "consent given" column, a consent date means consent was given.
  const consentGiven = yesNo(
    'consentGiven',
    t('exports.import.fields.consentGivenShort'),
    consentDate !== '',
  );
  const archived = yesNo('archived', t('exports.import.fields.archivedShort'), false);
  const tags = cell('tags')
    .split(/[;,]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

  const noteLines: string[] = [];
  const conditions: ImportedCondition[] = [];
  for (const extra of options.extras ?? []) {
    const raw = (cells[extra.column] ?? '').trim();
    if (raw === '') continue;
    if (unreadable(raw)) {
      notices.push({
        field: extra.header,
        message: t('exports.import.problems.leftOut', { reason: UNREADABLE }),
      });
      continue;
    }
    const items = extra.use === 'conditions' ? splitConditions(raw) : [];
    if (extra.use === 'notes' || items.some((item) => item.length > MAX_CONDITION_LABEL)) {
      if (extra.use === 'conditions') {
        notices.push({
          field: extra.header,
          message: t('exports.import.problems.keptInNotes', { max: MAX_CONDITION_LABEL }),
        });
      }
      noteLines.push(extraNoteLine(extra.header, raw));
    } else {
      conditions.push(...items.map((label) => ({ label, column: extra.header })));
    }
  }
  const notes = [cell('notes'), ...noteLines].filter((part) => part !== '').join('\n');

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
    notes,
    tags,
    archived,
  };
  return { values, problems, notices, conditions, nameFromFullName, capitalName };
}

export function excerpt(value: unknown): string {
  const text = Array.isArray(value) ? value.join('; ') : String(value ?? '');
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
