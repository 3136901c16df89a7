/**
 * Every way reading (or writing) a backup can fail, each with a message a therapist can act on.
 * The reader maps every damaged, truncated, foreign or future file to exactly one code; it never
 * lets a raw exception escape for a bad file.
 */
export const backupErrorCodes = [
  'NOT_A_BACKUP',
  'NEWER_VERSION',
  'WRONG_PASSPHRASE',
  'TRUNCATED',
  'CORRUPTED',
  'INVALID_RECORDS',
  'CANCELLED',
] as const;

export type BackupErrorCode = (typeof backupErrorCodes)[number];

export const backupErrorMessages: Record<Exclude<BackupErrorCode, 'INVALID_RECORDS'>, string> = {
  NOT_A_BACKUP: 'This file is not a Stillpoint backup.',
  NEWER_VERSION: 'This backup was made by a newer Stillpoint; update Stillpoint to restore it.',
  WRONG_PASSPHRASE: 'That passphrase does not open this backup. Check it and try again.',
  TRUNCATED: 'This backup file is incomplete: it may not have finished copying.',
  CORRUPTED: 'This backup file is damaged and cannot be restored.',
  CANCELLED: 'Cancelled.',
};

/**
 * What the backup code itself says about a record (a schema says the rest), English like the
 * schemas; shown in the reader's language by key `validation.recordFailures.<name>`
 * (src-shared/i18n/record-failures.ts, field-messages.ts).
 */
export const RECORD_FAILURE_MESSAGES = {
  unknownTable: 'this version of Stillpoint does not know this table',
  notValid: 'not valid',
  twice: 'appears twice in the backup',
} as const;

/** One record that failed validation: where it is and which field is wrong. */
export interface RecordFailure {
  table: string;
  /** 0-based position of the record within its table in the file (or in the list validated). */
  index: number;
  /** The record's id when it has a readable one. */
  id?: string;
  /** Dotted path of the failing field; '' when the whole record is wrong. */
  field: string;
  message: string;
}

export class BackupError extends Error {
  override readonly name = 'BackupError';

  /**
   * @param message shown to the therapist as it is
   * @param detail the technical reason, for logs and tests (never shown as the main message)
   */
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly detail: string = '',
    readonly failures: readonly RecordFailure[] = [],
  ) {
    super(message);
  }
}

export function backupError(code: Exclude<BackupErrorCode, 'INVALID_RECORDS'>, detail: string): BackupError {
  return new BackupError(code, backupErrorMessages[code], detail);
}

/**
 * A body that breaks the format's limits (a record line or the unpacked text far larger than
 * any Stillpoint backup holds): no accident of copying makes one, so the message says it may
 * not be a Stillpoint backup at all. The code stays CORRUPTED.
 */
export const NOT_STILLPOINT_BODY_MESSAGE =
  'This backup file is damaged or was not made by Stillpoint, so it cannot be restored.';

export function notStillpointBodyError(detail: string): BackupError {
  return new BackupError('CORRUPTED', NOT_STILLPOINT_BODY_MESSAGE, detail);
}

export function isBackupError(error: unknown): error is BackupError {
  return error instanceof BackupError;
}

function describeFailure(failure: RecordFailure): string {
  const where = `${failure.table} record ${failure.index + 1}${failure.id ? ` (id ${failure.id})` : ''}`;
  return failure.field
    ? `${where}, field ${failure.field}: ${failure.message}`
    : `${where}: ${failure.message}`;
}

/**
 * INVALID_RECORDS naming the table, record number (1-based in the message) and field of each
 * failure. `during` picks the lead sentence: restoring a file, or making one.
 */
export function invalidRecordsError(
  failures: readonly RecordFailure[],
  options: { moreNotShown?: boolean; during?: 'restore' | 'backup' } = {},
): BackupError {
  const listed = failures.map(describeFailure).join('; ');
  const lead =
    options.during === 'backup'
      ? 'Some records are not valid, so no backup was made.'
      : 'Some records in this backup are not valid, so nothing was restored.';
  const message = `${lead} ${listed}${options.moreNotShown ? '; and more.' : '.'}`;
  return new BackupError('INVALID_RECORDS', message, listed, failures);
}
