import { type BackupError, invalidRecordsError, RECORD_FAILURE_MESSAGES, type RecordFailure } from './errors';

/**
 * The validation hook. The backup code does not know the app's schemas: the caller passes one
 * validator per table (usually `zodValidator(SomeSchema)`), and the reader and the writer run
 * every record through it.
 */
export type RecordCheck =
  | { ok: true; value: unknown }
  | { ok: false; issues: { path: string; message: string }[] };
export type RecordValidator = (record: unknown) => RecordCheck;
export type RecordValidators = Readonly<Record<string, RecordValidator>>;

/** The part of a zod schema the adapter needs; any zod 3/4 schema fits. */
export interface SafeParser {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export function zodValidator(schema: SafeParser): RecordValidator {
  return (record) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    };
  };
}

export const DEFAULT_MAX_FAILURES = 5;

export function recordIdOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 80) : undefined;
}

/** A failure about a whole record (or one field), carrying the record's id when it has one. */
export function recordFailure(
  table: string,
  index: number,
  record: unknown,
  field: string,
  message: string,
): RecordFailure {
  const id = recordIdOf(record);
  return id === undefined ? { table, index, field, message } : { table, index, id, field, message };
}

/**
 * Runs one record through its table's validator and returns the failures (one per issue), or
 * the validated value. A table without a validator is a failure: this version does not know it.
 */
export function checkRecord(
  validators: RecordValidators,
  table: string,
  index: number,
  record: unknown,
): { ok: true; value: unknown } | { ok: false; failures: RecordFailure[] } {
  const id = recordIdOf(record);
  const base = id === undefined ? { table, index } : { table, index, id };
  const validator = Object.hasOwn(validators, table) ? validators[table] : undefined;
  if (!validator) {
    return {
      ok: false,
      failures: [{ ...base, field: '', message: RECORD_FAILURE_MESSAGES.unknownTable }],
    };
  }
  let check: RecordCheck;
  try {
    check = validator(record);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failures: [{ ...base, field: '', message }] };
  }
  if (check.ok) return check;
  const issues =
    check.issues.length > 0 ? check.issues : [{ path: '', message: RECORD_FAILURE_MESSAGES.notValid }];
  return {
    ok: false,
    failures: issues.map((issue) => ({ ...base, field: issue.path, message: issue.message })),
  };
}

/** Collects failures up to a limit, so an error can name "the first few". */
export class FailureCollector {
  readonly failures: RecordFailure[] = [];
  private records = 0;
  overflow = false;

  constructor(readonly maxRecords: number = DEFAULT_MAX_FAILURES) {}

  get full(): boolean {
    return this.records >= this.maxRecords;
  }

  add(failures: RecordFailure[]): void {
    if (this.full) {
      this.overflow = true;
      return;
    }
    this.records++;
    this.failures.push(...failures);
  }

  toError(during: 'restore' | 'backup'): BackupError {
    return invalidRecordsError(this.failures, { moreNotShown: this.overflow, during });
  }
}
