import type { BackupError, RecordFailure } from '../backup/errors';
import { fieldMessage } from './field-messages';
import type { Translate } from './translator';

/**
 * The list of invalid records after the lead sentence of an INVALID_RECORDS refusal (restoring a
 * backup, or making one), in the reader's language. The backup code (src-shared/backup/errors.ts)
 * words the refusal in English from its failures; this words it again from the same failures:
 * each record's place (table, record number, id, field) as it is, the schema's message
 * translated (`fieldMessage`). Table and field names stay the database's own: they are what a
 * support person searches for.
 */

/** The English lead sentences of invalidRecordsError and their keys. */
const LEADS = [
  ['Some records in this backup are not valid, so nothing was restored.', 'backup.errors.invalidRecordsLead'],
  ['Some records are not valid, so no backup was made.', 'backup.errors.invalidRecordsBackupLead'],
] as const;

function failureText(t: Translate, failure: RecordFailure): string {
  const values = {
    table: failure.table,
    number: String(failure.index + 1),
    id: failure.id ?? '',
    field: failure.field,
    message: fieldMessage(t, failure.message),
  };
  if (failure.field)
    return t(failure.id ? 'validation.records.fieldWithId' : 'validation.records.field', values);
  return t(failure.id ? 'validation.records.recordWithId' : 'validation.records.record', values);
}

/** The refusal in the reader's language, or null when it is not one invalidRecordsError wrote. */
export function invalidRecordsText(t: Translate, error: BackupError): string | null {
  if (error.code !== 'INVALID_RECORDS' || error.failures.length === 0) return null;
  const lead = LEADS.find(([english]) => error.message.startsWith(english));
  if (!lead) return null;
  const values = {
    lead: t(lead[1]),
    failures: error.failures.map((failure) => failureText(t, failure)).join('; '),
  };
  return error.message.endsWith('; and more.')
    ? t('validation.records.listAndMore', values)
    : t('validation.records.list', values);
}
