import { type ClientFormValues, type ClientInput, makeClientInputSchema } from '../domain/client';
import type { IsoDate } from '../domain/dates';
import { foldForSearch } from '../domain/text-search';
import type { MessageKey, Translate } from '../i18n';
import { fieldMessage } from '../i18n/field-messages';
import type { DateFormat } from './import-dates';
import type { ExtraColumn } from './import-extras';
import type { ColumnMapping } from './import-mapping';
import type { CapitalNameOrder } from './import-names';
import { excerpt, rowToClientValues } from './import-row';
import type { ImportTable } from './import-table';
import { ENGLISH } from './import-words';

/**
 * What an import would do, row by row, before anything is written: each row becomes client form
 * values, is validated with the same schema as the client form (makeClientInputSchema, built
 * once per plan), and is ready, skipped or a duplicate.
 *
 * Only a row without a usable name is skipped. A bad value in any other field (an email without
 * a domain, a date that does not exist, a phone number in words) is left empty and the client is
 * imported with a notice naming the field and the value, so one bad cell never costs a whole
 * client. Names that needed a judgement ("BECKER TOM") are imported with a notice to check them.
 * Duplicates (same name and date of birth as a client already on record, or as an earlier row of
 * the file) are skipped. Rows the file reader could not split into cells are skipped and named.
 */

export interface ImportOptions {
  dateFormat: DateFormat;
  /** Today's date on this computer: no date of birth or consent after it. */
  today: IsoDate;
  /** How "BECKER TOM" (a full name in capitals) is read; last name first by default. */
  capitalNameOrder?: CapitalNameOrder;
  /** Columns no field takes that the therapist chose to keep. */
  extras?: readonly ExtraColumn[];
  /** The words of the row problems, in the app's language; English without one. */
  t?: Translate;
}

export interface RowProblem {
  /** The field as the form labels it ("Email", "Date of birth"), "Duplicate" or "Whole row". */
  field: string;
  message: string;
}

/** A condition for the health history, from a kept column: the therapist reviews it. */
export interface ImportedCondition {
  label: string;
  /** The header of the column it came from. */
  column: string;
}

export type PlannedRow =
  | {
      row: number;
      status: 'ready';
      input: ClientInput;
      conditions: ImportedCondition[];
      /** Fields left empty and names to check: the client is imported, the report says what. */
      notices: RowProblem[];
    }
  | { row: number; status: 'invalid'; values: ClientFormValues; problems: RowProblem[] }
  | { row: number; status: 'duplicate'; input: ClientInput; problems: RowProblem[] }
  | { row: number; status: 'unreadable'; text: string; problems: RowProblem[] };

export type SkippedRow = Exclude<PlannedRow, { status: 'ready' }>;
export type ReadyRow = Extract<PlannedRow, { status: 'ready' }>;

export interface ImportPlan {
  rows: PlannedRow[];
  ready: number;
  /** Rows skipped for a problem, unreadable rows included. */
  invalid: number;
  duplicates: number;
  /** Ready rows imported with a notice (a field left empty, a name to check). */
  withNotices: number;
  /** Rows whose full name is wholly in capitals, so the order of the names is a choice. */
  capitalNames: number;
}

type NameParts = { firstName: string; lastName: string; dateOfBirth: string | null };

/** Same person: names compared without case, accents or extra spaces, and the same date of birth. */
export function duplicateKey(client: NameParts): string {
  const fold = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();
  return `${fold(client.firstName)}|${fold(client.lastName)}|${client.dateOfBirth ?? ''}`;
}

/** Zod paths of the client schema as the form labels them (catalogue keys, `exports.import.fields`). */
const PATH_KEYS: Readonly<Record<string, MessageKey>> = {
  firstName: 'exports.import.fields.firstName',
  lastName: 'exports.import.fields.lastName',
  preferredName: 'exports.import.fields.preferredName',
  dateOfBirth: 'exports.import.fields.dateOfBirth',
  phone: 'exports.import.fields.phone',
  email: 'exports.import.fields.email',
  address: 'exports.import.fields.addressLine1',
  'emergencyContact.name': 'exports.import.fields.emergencyContactName',
  'emergencyContact.phone': 'exports.import.fields.emergencyContactPhone',
  referringPhysician: 'exports.import.fields.referringPhysician',
  referralSource: 'exports.import.fields.referralSource',
  'consent.given': 'exports.import.fields.consentGivenShort',
  'consent.date': 'exports.import.fields.consentDate',
  'consent.textVersion': 'exports.import.fields.consentVersion',
  tags: 'exports.import.fields.tags',
  notes: 'exports.import.fields.notes',
  archived: 'exports.import.fields.archivedShort',
};

/** The value at a schema path ("consent.date") of the form values. */
function valueAt(values: ClientFormValues, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

/** Empties one optional field of the form values (the client is imported without it). */
function clearField(values: ClientFormValues, key: string): ClientFormValues {
  switch (key) {
    case 'dateOfBirth':
      return { ...values, dateOfBirth: '' };
    case 'tags':
      return { ...values, tags: [] };
    // Consent given needs its date: without one the consent is recorded as not given.
    case 'consent.date':
    case 'consent.given':
      return { ...values, consent: { ...values.consent, given: false, date: '' } };
    case 'consent.textVersion':
      return { ...values, consent: { ...values.consent, textVersion: '' } };
    case 'emergencyContact.name':
    case 'emergencyContact.phone': {
      const part = key.split('.')[1] as 'name' | 'phone';
      return { ...values, emergencyContact: { ...values.emergencyContact, [part]: '' } };
    }
    default:
      return { ...values, [key]: '' };
  }
}

const REQUIRED_KEYS = new Set(['firstName', 'lastName']);
/** Rounds of "clear the failing fields and check again"; each round clears at least one field. */
const MAX_CLEARING_ROUNDS = 4;

/**
 * Plans rows a slice at a time (the preview plans a 100,000-row file in chunks so the window
 * keeps answering), with the client schema built once and the duplicate keys carried across
 * slices. `planImport` runs it in one go.
 */
export class ImportPlanner {
  private readonly schema;
  private readonly t: Translate;
  private readonly seenInFile = new Map<string, number>();
  private readonly rows: PlannedRow[] = [];
  private next = 0;
  private counts = { ready: 0, invalid: 0, duplicates: 0, withNotices: 0, capitalNames: 0 };

  constructor(
    private readonly table: Pick<ImportTable, 'rows' | 'rowNumbers'> &
      Partial<Pick<ImportTable, 'notUtf8' | 'unreadableRows'>>,
    private readonly mapping: ColumnMapping,
    private readonly options: ImportOptions,
    private readonly existing: ReadonlySet<string>,
  ) {
    this.schema = makeClientInputSchema(options.today);
    this.t = options.t ?? ENGLISH;
  }

  get total(): number {
    return this.table.rows.length;
  }

  get planned(): number {
    return this.next;
  }

  /** Plans up to `count` more rows; true when every row is planned. */
  planNext(count: number): boolean {
    const end = Math.min(this.table.rows.length, this.next + count);
    for (; this.next < end; this.next += 1) {
      const index = this.next;
      const row = this.table.rowNumbers[index] ?? index + 2;
      this.rows.push(this.planOne(this.table.rows[index] ?? [], row));
    }
    return this.next >= this.table.rows.length;
  }

  /** The plan of every row planned so far, unreadable rows in their place. */
  result(): ImportPlan {
    const unreadable: PlannedRow[] = (this.table.unreadableRows ?? []).map((broken) => ({
      row: broken.row,
      status: 'unreadable',
      text: broken.text,
      problems: [
        {
          field: this.t('exports.import.fields.wholeRow'),
          message: this.t('exports.import.problems.unreadableRow', {
            message: this.t(`exports.importFile.${broken.problem}`),
            text: broken.text,
          }),
        },
      ],
    }));
    const rows =
      unreadable.length === 0 ? this.rows : [...this.rows, ...unreadable].sort((a, b) => a.row - b.row);
    return { rows, ...this.counts, invalid: this.counts.invalid + unreadable.length };
  }

  private planOne(cells: readonly string[], row: number): PlannedRow {
    const planned = this.checkRow(cells, row);
    if (planned.status !== 'ready') {
      this.counts.invalid += 1;
      return planned;
    }
    const key = duplicateKey(planned.input);
    const { t } = this;
    const born = planned.input.dateOfBirth
      ? t('exports.import.problems.born', { date: planned.input.dateOfBirth })
      : t('exports.import.problems.noBirthDate');
    const name = `${planned.input.firstName} ${planned.input.lastName}`;
    let message: string | null = null;
    if (this.existing.has(key)) message = t('exports.import.problems.alreadyClient', { name, born });
    else if (this.seenInFile.has(key))
      message = t('exports.import.problems.sameAsRow', { row: this.seenInFile.get(key) ?? 0 });
    if (message !== null) {
      this.counts.duplicates += 1;
      const field = t('exports.import.fields.duplicate');
      return { row, status: 'duplicate', input: planned.input, problems: [{ field, message }] };
    }
    this.seenInFile.set(key, row);
    this.counts.ready += 1;
    if (planned.notices.length > 0) this.counts.withNotices += 1;
    return planned;
  }

  private checkRow(cells: readonly string[], row: number): PlannedRow {
    const read = rowToClientValues(cells, this.mapping, this.options, this.table.notUtf8 ?? false);
    if (read.capitalName) this.counts.capitalNames += 1;
    const { problems, notices, nameFromFullName } = read;
    let values = read.values;
    const reported = new Set([...problems, ...notices].map((problem) => problem.field));
    for (let round = 0; round < MAX_CLEARING_ROUNDS; round += 1) {
      const parsed = this.schema.safeParse(values);
      if (parsed.success) {
        if (problems.length > 0)
          return { row, status: 'invalid', values, problems: [...problems, ...notices] };
        return { row, status: 'ready', input: parsed.data, conditions: read.conditions, notices };
      }
      let cleared = false;
      for (const issue of parsed.error.issues) {
        // The client schema writes English (it runs in main too); its message is said here in
        // the plan's language by its key, so "leer gelassen: …" reads German to the end.
        const reason = fieldMessage(this.t, issue.message);
        const path = issue.path.map(String);
        const key = path[0] === 'tags' ? 'tags' : path.join('.');
        const pathKey = Object.hasOwn(PATH_KEYS, key) ? PATH_KEYS[key] : undefined;
        let field = pathKey ? this.t(pathKey) : key;
        if (REQUIRED_KEYS.has(key)) {
          if (nameFromFullName) field = this.t('exports.import.fields.fullNameShort');
          if (reported.has(field)) continue;
          reported.add(field);
          problems.push({ field, message: reason });
          continue;
        }
        const found = excerpt(valueAt(values, key));
        values = clearField(values, key);
        cleared = true;
        if (reported.has(field)) continue;
        reported.add(field);
        const message =
          key === 'consent.date' && found === ''
            ? this.t('exports.import.problems.consentNoDate')
            : found === ''
              ? this.t('exports.import.problems.leftEmpty', { reason })
              : this.t('exports.import.problems.leftEmptyFound', { reason, found });
        notices.push({ field, message });
      }
      if (!cleared) break;
    }
    return { row, status: 'invalid', values, problems: [...problems, ...notices] };
  }
}

/**
 * The whole file's plan. `existing` holds duplicateKey() of every client on record. A row that
 * repeats an earlier row of the file is a duplicate of it, so importing a file twice, or a file
 * with the same person twice, never makes two records.
 */
export function planImport(
  table: ConstructorParameters<typeof ImportPlanner>[0],
  mapping: ColumnMapping,
  options: ImportOptions,
  existing: ReadonlySet<string>,
): ImportPlan {
  const planner = new ImportPlanner(table, mapping, options, existing);
  planner.planNext(Number.POSITIVE_INFINITY);
  return planner.result();
}

/** "Row 7: Email: Enter an email address like name@example.com", one line per problem. */
export function describeSkippedRow(row: SkippedRow, t: Translate = ENGLISH): string[] {
  return row.problems.map((problem) => problemLine(t, row.row, problem));
}

/** "Row 6: Email: left empty: ... (found "ola.example.com")", one line per notice. */
export function describeRowNotices(row: ReadyRow, t: Translate = ENGLISH): string[] {
  return row.notices.map((notice) => problemLine(t, row.row, notice));
}

function problemLine(t: Translate, row: number, problem: RowProblem): string {
  return t('exports.import.problems.line', { row, field: problem.field, message: problem.message });
}
