import type { Table } from 'dexie';
import {
  BackupError,
  type BackupInfo,
  type BackupSource,
  backupErrorMessages,
  type ConflictReason,
  planRestore,
  type RestorableRecord,
  type RestoreCounts,
  type RestoreMode,
  type RestorePlan,
  readAllRecords,
  readBackupHeader,
} from '../../../src-shared/backup';
import {
  CURRENT_SCHEMA_VERSION,
  type StillpointDatabase,
  TABLE_NAMES,
  type TableName,
} from '../../db/database';
import {
  type BackupFileWriter,
  countRecords,
  describeFailure,
  platformBackupWriter,
  saveBackup,
} from './backup-service';
import { RECORD_VALIDATORS, TABLE_SPECS, type TableSpec } from './backup-tables';

/**
 * "Restore from backup". Three steps, each leaving the database untouched until the last:
 * 1. `previewBackup`: the plain header (counts, created at, versions, session dates), no passphrase.
 * 2. `loadBackup`: passphrase checked, every segment authenticated, every record validated
 *    with the shared schemas, all before anything is written. Then `previewRestore` says what
 *    Merge or Replace all would do.
 * 3. `restoreBackup`: for "Replace all" a safety backup of the current records first (if it
 *    fails, nothing happens); then ONE read-write transaction over every table that re-reads
 *    the current records, plans, and writes: all or nothing. A failure or a cancel mid-write
 *    aborts the transaction and IndexedDB rolls every table back.
 *
 * Memory: the whole backup is decrypted and parsed before the transaction (an IndexedDB
 * transaction cannot wait on WebCrypto), so the parsed records are held once; a merge also reads
 * the current records inside the transaction. Roughly 2-3x the JSON size of the data at peak.
 */

type Row = Record<string, unknown>;
export type BackupTables = Record<TableName, Row[]>;

/** Records per bulkPut inside the restore transaction, with progress in between. */
export const WRITE_CHUNK = 2_000;

export interface LoadedBackup {
  info: BackupInfo;
  /** Validated records per table (schema output: what will be stored). */
  tables: BackupTables;
}

export type RestorePhase = 'checking' | 'safety-backup' | 'writing';

export interface RestoreProgress {
  phase: RestorePhase;
  done: number;
  total: number;
}

/** Step 1: the header, without the passphrase. NOT_A_BACKUP, TRUNCATED, CORRUPTED, NEWER_VERSION. */
export function previewBackup(source: BackupSource): Promise<BackupInfo> {
  return readBackupHeader(source, { maxSchemaVersion: CURRENT_SCHEMA_VERSION });
}

/**
 * Step 2: decrypts and validates everything. WRONG_PASSPHRASE before any record is decrypted;
 * CORRUPTED, INVALID_RECORDS (naming the records) or CANCELLED after. Nothing is written.
 * A table this version does not know fails validation (it would be lost otherwise).
 */
export async function loadBackup(
  source: BackupSource,
  passphrase: string,
  options: { signal?: AbortSignal; onProgress?: (progress: RestoreProgress) => void } = {},
): Promise<LoadedBackup> {
  const { info, tables } = await readAllRecords(source, passphrase, {
    maxSchemaVersion: CURRENT_SCHEMA_VERSION,
    validators: RECORD_VALIDATORS,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'checking', done, total }),
  });
  const out = {} as BackupTables;
  for (const name of TABLE_NAMES) out[name] = (tables[name] ?? []) as Row[];
  // Backups of an older schema version would be upgraded here, table by table, before planning.
  return { info, tables: out };
}

// ---------------------------------------------------------------------------------------------
// Planning: the shared planner wants { id, updatedAt } records; tables keyed otherwise (health
// histories by clientId, settings by key) or versioned by another time (reports, audit entries)
// travel wrapped.

interface Wrapped extends RestorableRecord {
  record: Row;
}

function needsWrapper(spec: TableSpec): boolean {
  return !(spec.key === 'id' && spec.name !== 'afterEffects' && spec.name !== 'auditLog');
}

function toPlanItem(spec: TableSpec, record: Row): RestorableRecord {
  if (!needsWrapper(spec)) return record as unknown as RestorableRecord;
  const stamp = spec.stamp(record);
  return {
    id: String(record[spec.key]),
    updatedAt: typeof stamp === 'string' ? stamp : '',
    record,
  } as Wrapped;
}

function fromPlanItem(spec: TableSpec, item: RestorableRecord): Row {
  return needsWrapper(spec) ? (item as Wrapped).record : (item as unknown as Row);
}

/** A stored row as the backup would carry it (index-only fields left out), for comparing. */
function recordOfRow(spec: TableSpec, row: Row): Row {
  return spec.name === 'clients' ? spec.toBackup(row) : row;
}

function planFor(
  current: Partial<Record<TableName, Row[]>>,
  incoming: BackupTables,
  mode: RestoreMode,
  newId?: () => string,
): RestorePlan {
  const planCurrent: Record<string, RestorableRecord[]> = {};
  const planIncoming: Record<string, RestorableRecord[]> = {};
  for (const name of TABLE_NAMES) {
    const spec = TABLE_SPECS[name];
    planCurrent[name] = (current[name] ?? []).map((row) => toPlanItem(spec, recordOfRow(spec, row)));
    planIncoming[name] = incoming[name].map((record) => toPlanItem(spec, record));
  }
  return planRestore({
    current: planCurrent,
    incoming: planIncoming,
    mode,
    tables: TABLE_NAMES,
    ...(newId ? { newId } : {}),
  });
}

async function readCurrent(db: StillpointDatabase): Promise<Record<TableName, Row[]>> {
  const current = {} as Record<TableName, Row[]>;
  for (const name of TABLE_NAMES) current[name] = (await db.table(name).toArray()) as Row[];
  return current;
}

export interface TableChange extends RestoreCounts {
  /** Records in this table now. */
  current: number;
  /** Records of this table in the backup. */
  incoming: number;
}

export interface ConflictView {
  table: TableName;
  id: string;
  copyId: string;
  reason: ConflictReason;
  /** "Session 3, 4 Mar 2025, Marta Kowalska": enough to find both versions. */
  label: string;
}

export interface RestorePreview {
  mode: RestoreMode;
  tables: Record<TableName, TableChange>;
  totals: RestoreCounts & { current: number; incoming: number };
  conflicts: ConflictView[];
}

function clientNames(...lists: Row[][]): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of lists) {
    for (const client of list) {
      const name = `${String(client.firstName ?? '')} ${String(client.lastName ?? '')}`.trim();
      if (typeof client.id === 'string') names.set(client.id, name || 'Unnamed client');
    }
  }
  return names;
}

function summarize(
  plan: RestorePlan,
  currentCounts: Record<string, number>,
  incoming: BackupTables,
  names: Map<string, string>,
): RestorePreview {
  const tables = {} as Record<TableName, TableChange>;
  const totals = {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptCurrent: 0,
    deleted: 0,
    conflicts: 0,
    current: 0,
    incoming: 0,
  };
  for (const name of TABLE_NAMES) {
    const table = plan.tables[name]!;
    const change: TableChange = {
      added: table.added,
      updated: table.updated,
      unchanged: table.unchanged,
      keptCurrent: table.keptCurrent,
      deleted: table.deleted,
      conflicts: table.conflicts,
      current: currentCounts[name] ?? 0,
      incoming: incoming[name].length,
    };
    tables[name] = change;
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += change[key];
  }
  const conflicts = plan.conflicts.map((conflict): ConflictView => {
    const note = conflict.current as unknown as Row;
    const number =
      typeof note.sessionNumber === 'number' ? `Session ${note.sessionNumber}` : 'A session note';
    const date = typeof note.serviceDate === 'string' && note.serviceDate ? `, ${note.serviceDate}` : '';
    const client = names.get(String(note.clientId)) ?? 'an unknown client';
    return {
      table: conflict.table as TableName,
      id: conflict.id,
      copyId: conflict.copyId,
      reason: conflict.reason,
      label: `${number}${date}, ${client}`,
    };
  });
  return { mode: plan.mode, tables, totals, conflicts };
}

/**
 * What a restore would change, read-only. Merge plans against every current record; Replace
 * all plans against them too, so "unchanged" and "deleted" are exact.
 */
export async function previewRestore(
  db: StillpointDatabase,
  loaded: LoadedBackup,
  mode: RestoreMode,
): Promise<RestorePreview> {
  const current = await db.transaction(
    'r',
    TABLE_NAMES.map((name) => db.table(name)),
    () => readCurrent(db),
  );
  const plan = planFor(current, loaded.tables, mode, () => 'preview');
  const counts = Object.fromEntries(TABLE_NAMES.map((name) => [name, current[name].length]));
  return summarize(plan, counts, loaded.tables, clientNames(current.clients, loaded.tables.clients));
}

export interface RestoreOptions {
  db: StillpointDatabase;
  loaded: LoadedBackup;
  mode: RestoreMode;
  /** Seals the safety backup before "Replace all" (the passphrase of the backup being restored). */
  passphrase: string;
  appVersion: string;
  /** Default: main's backupWrite. */
  writer?: BackupFileWriter;
  signal?: AbortSignal;
  onProgress?: (progress: RestoreProgress) => void;
  now?: () => Date;
  newId?: () => string;
  /** Records per bulkPut. */
  chunkSize?: number;
}

export interface RestoreResult extends RestorePreview {
  /** Where the safety backup went ("Replace all" over existing records), else null. */
  safetyBackupPath: string | null;
  written: number;
}

/** Refused before anything was written: the therapist-facing reason is the message. */
export class RestoreNotStartedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreNotStartedError';
  }
}

/** "Stillpoint backup before restore 2026-11-26 093000.stillpoint": kept, never pruned. */
export function safetyBackupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `Stillpoint backup before restore ${stamp}.stillpoint`;
}

function cancelled(): BackupError {
  return new BackupError('CANCELLED', backupErrorMessages.CANCELLED);
}

/**
 * Step 3. Replace all writes a safety backup of the current records first (skipped when the
 * database is empty); if it cannot be written, nothing is restored. Then one transaction:
 * the current records are read, the plan made and every put (and, for Replace, every table
 * cleared) done inside it, so a crash, an error or a cancel leaves the database as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { db, loaded, mode, signal, onProgress } = options;
  const now = options.now ?? (() => new Date());
  let safetyBackupPath: string | null = null;
  if (signal?.aborted) throw cancelled();

  if (mode === 'replace') {
    const counts = await countRecords(db);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (total > 0) {
      try {
        const saved = await saveBackup({
          db,
          passphrase: options.passphrase,
          appVersion: options.appVersion,
          automatic: false,
          fileName: safetyBackupFileName(now()),
          writer: options.writer ?? platformBackupWriter,
          now,
          ...(signal ? { signal } : {}),
          onProgress: (progress) =>
            onProgress?.({ phase: 'safety-backup', done: progress.done, total: progress.total }),
        });
        safetyBackupPath = saved.path;
      } catch (error) {
        if (error instanceof BackupError && error.code === 'CANCELLED') throw error;
        throw new RestoreNotStartedError(
          `Replace all first saves a backup of your current records, and that failed: ${describeFailure(error, 'backup')} Nothing was restored; your records are unchanged.`,
        );
      }
    }
  }
  if (signal?.aborted) throw cancelled();

  const chunkSize = options.chunkSize ?? WRITE_CHUNK;
  const tables = TABLE_NAMES.map((name) => db.table(name)) as Table<Row, unknown>[];
  const result = await db.transaction('rw', tables, async () => {
    const current = await readCurrent(db);
    const counts = Object.fromEntries(TABLE_NAMES.map((name) => [name, current[name].length]));
    const plan = planFor(current, loaded.tables, mode, options.newId);
    const names = clientNames(current.clients, loaded.tables.clients);
    const total = plan.summary.puts + plan.summary.deletes;
    let written = 0;
    onProgress?.({ phase: 'writing', done: 0, total });
    for (const name of TABLE_NAMES) {
      const spec = TABLE_SPECS[name];
      const table = db.table(name);
      const tablePlan = plan.tables[name]!;
      if (tablePlan.deletes.length > 0) {
        if (signal?.aborted) throw cancelled();
        await table.bulkDelete(tablePlan.deletes);
        written += tablePlan.deletes.length;
      }
      for (let start = 0; start < tablePlan.puts.length; start += chunkSize) {
        if (signal?.aborted) throw cancelled();
        const rows = tablePlan.puts
          .slice(start, start + chunkSize)
          .map((item) => spec.toRow(fromPlanItem(spec, item)));
        await table.bulkPut(rows);
        written += rows.length;
        onProgress?.({ phase: 'writing', done: written, total });
      }
    }
    return { plan, counts, names, written };
  });
  return {
    ...summarize(result.plan, result.counts, loaded.tables, result.names),
    safetyBackupPath,
    written: result.written,
  };
}
