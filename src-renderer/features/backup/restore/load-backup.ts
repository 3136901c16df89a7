import {
  BackupError,
  type BackupInfo,
  type BackupSource,
  backupErrorMessages,
  CompactKeySet,
  isFileItem,
  type KeySet,
  type OpenedBackup,
  openBackup,
  type RecordFailure,
  readBackupHeader,
} from '../../../../src-shared/backup';
import { clientReferenceOf, futureMoment } from '../../../../src-shared/merge/merge-rules';
import { isTableName, RECORD_VALIDATORS, TABLE_SPECS, type TableSpec } from '../../../db/backup-tables';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../../../db/table-names';

/**
 * Steps 1 and 2 of a restore (restore-service.ts has the whole story): the plain header, then
 * the passphrase, every record decrypted and validated and its key remembered, every file's
 * bytes (format version 2) checked against its record's size and SHA-256, before anything is
 * written.
 */

export type Row = Record<string, unknown>;

/** Records per batch read from the file, and so per bulkPut inside the restore transaction. */
export const WRITE_CHUNK = 2_000;

export interface LoadedBackup {
  info: BackupInfo;
  /** Reads the file again (decrypting and validating) a batch at a time. */
  opened: OpenedBackup;
  /** Records per table in the backup. */
  counts: Record<TableName, number>;
  /**
   * The primary keys of each table's records in the backup (for Replace all's deletions), kept
   * outside the JavaScript heap (CompactKeySet).
   */
  keys: Record<TableName, KeySet>;
  /**
   * Clients the backup's health histories, notes and after-effects belong to but that are not
   * in the backup, each with the first record that names them. Merge needs them here; Replace
   * all cannot restore such a file.
   */
  clientsOutsideFile: Map<string, RecordFailure>;
}

export type RestorePhase = 'checking' | 'comparing' | 'safety-backup' | 'writing';

export interface RestoreProgress {
  phase: RestorePhase;
  done: number;
  total: number;
}

export interface PassOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RestoreProgress) => void;
}

interface LoadOptions extends PassOptions {
  /** The clock a record's moments are checked against (at most a day later is accepted). */
  now?: () => Date;
}

/** A record that breaks a merge rule before anything is written: named like any invalid record. */
function ruleError(failure: RecordFailure): BackupError {
  const where = `${failure.table} record ${failure.index + 1}${failure.id ? ` (id ${failure.id})` : ''}`;
  const listed = `${where}, field ${failure.field}: ${failure.message}`;
  return new BackupError(
    'INVALID_RECORDS',
    `Some records in this backup are not valid, so nothing was restored. ${listed}.`,
    listed,
    [failure],
  );
}

function idOf(spec: TableSpec, record: Row): string {
  return String(record[spec.key]).slice(0, 80);
}

/**
 * Step 1: the header (and, version 2, the segments' framing), without the passphrase.
 * NOT_A_BACKUP, TRUNCATED, CORRUPTED, NEWER_VERSION.
 */
export function previewBackup(source: BackupSource): Promise<BackupInfo> {
  return readBackupHeader(source, { maxSchemaVersion: CURRENT_SCHEMA_VERSION, checkFraming: true });
}

export function cancelled(): BackupError {
  return new BackupError('CANCELLED', backupErrorMessages.CANCELLED);
}

/** Each table's primary key, which the reader checks for repeats as the lines arrive. */
const TABLE_KEY_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  TABLE_NAMES.map((name) => [name, TABLE_SPECS[name].key]),
);

export function specOf(table: string): TableSpec {
  // The validators refuse any table this version does not know, so this cannot miss.
  if (!isTableName(table)) throw new BackupError('INVALID_RECORDS', `Unknown table ${table}.`);
  return TABLE_SPECS[table];
}

export function keyOf(spec: TableSpec, record: Row): string {
  return String(record[spec.key]);
}

/**
 * Step 2: decrypts and validates everything, keeping only the record keys. WRONG_PASSPHRASE
 * before any record is decrypted; CORRUPTED, INVALID_RECORDS (naming the records) or CANCELLED
 * after. Nothing is written. A table this version does not know fails validation.
 */
export async function loadBackup(
  source: BackupSource,
  passphrase: string,
  options: LoadOptions = {},
): Promise<LoadedBackup> {
  const now = (options.now ?? (() => new Date()))();
  const clientsNamed = new Map<string, RecordFailure>();
  const seen = Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])) as Record<TableName, number>;
  const opened = await openBackup(source, passphrase, {
    maxSchemaVersion: CURRENT_SCHEMA_VERSION,
    validators: RECORD_VALIDATORS,
    batchSize: WRITE_CHUNK,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const keys = Object.fromEntries(
    TABLE_NAMES.map((name): [TableName, KeySet] => [name, new CompactKeySet()]),
  ) as Record<TableName, KeySet>;
  // The reader checks each record's key as its line arrives (a file of one record repeated
  // fails at the second copy) and collects the keys here, for Replace all's deletions.
  const keySets = new Map<string, KeySet>(TABLE_NAMES.map((name) => [name, keys[name]]));
  for await (const batch of opened.batches({
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'checking', done, total }),
    uniqueKeys: TABLE_KEY_FIELDS,
    keySets,
  })) {
    // A file (version 2) was checked against its record's size and SHA-256 by the reader.
    if (isFileItem(batch)) continue;
    const spec = specOf(batch.table); // a table this version does not know has failed validation already
    for (const record of batch.records as Row[]) {
      const index = seen[spec.name]++;
      // A moment far ahead would win every later merge (newer wins): refused.
      const future = futureMoment(spec.name, record, now);
      if (future) {
        throw ruleError({
          table: spec.name,
          index,
          id: idOf(spec, record),
          field: future.field,
          message: `is dated ${future.value}, more than a day after this computer's clock (${now.toISOString()}); if this computer's date is wrong, correct it and try again`,
        });
      }
      const client = clientReferenceOf(spec.name, record);
      if (client !== undefined && !clientsNamed.has(client)) {
        clientsNamed.set(client, {
          table: spec.name,
          index,
          id: idOf(spec, record),
          field: 'clientId',
          message: 'belongs to a client who is not in this backup',
        });
      }
    }
  }
  const clientsOutsideFile = new Map([...clientsNamed].filter(([client]) => !keys.clients.has(client)));
  const counts = Object.fromEntries(TABLE_NAMES.map((name) => [name, keys[name].size])) as Record<
    TableName,
    number
  >;
  // Backups of an older schema version would be upgraded batch by batch here and in the passes.
  return { info: opened.info, opened, counts, keys, clientsOutsideFile };
}
