import Dexie from 'dexie';
import {
  BackupError,
  type BackupInfo,
  type BackupSource,
  backupErrorMessages,
  type ConflictReason,
  type OpenedBackup,
  openBackup,
  planTableRestore,
  type RecordFailure,
  type RestorableRecord,
  type RestoreConflict,
  type RestoreCounts,
  type RestoreMode,
  readBackupHeader,
} from '../../../src-shared/backup';
import {
  clientReferenceOf,
  futureMoment,
  policyOf,
  STILLPOINT_MERGE_POLICIES,
} from '../../../src-shared/merge/merge-rules';
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
import { isTableName, RECORD_VALIDATORS, TABLE_LABELS, TABLE_SPECS, type TableSpec } from './backup-tables';

/**
 * "Restore from backup". Nothing is written until the last step, and that step is all or nothing:
 * 1. `previewBackup`: the plain header (counts, created at, versions, session dates), no passphrase.
 * 2. `loadBackup`: the passphrase is checked, then every segment is decrypted and authenticated
 *    and every record validated with the shared schemas (and keys checked for duplicates), all
 *    before anything is written. `previewRestore` then says what Merge or Replace all would do.
 * 3. `restoreBackup`: for "Replace all" a safety backup of the current records first (if it
 *    fails, nothing happens); then ONE read-write transaction over every table that reads the
 *    backup again and writes it a batch at a time. A failure or a cancel mid-write aborts the
 *    transaction and IndexedDB rolls every table back.
 *
 * Memory stays bounded: records are never all in memory at once. Each pass streams the file a
 * batch (WRITE_CHUNK records) at a time; what is kept between passes is the file itself (already
 * in memory as bytes) and the set of record keys. Inside the transaction the decryption of the
 * next segment (WebCrypto, which would otherwise let the transaction commit) is awaited through
 * Dexie.waitFor, which keeps the transaction alive.
 */

type Row = Record<string, unknown>;

/** Records per batch read from the file, and so per bulkPut inside the restore transaction. */
export const WRITE_CHUNK = 2_000;

export interface LoadedBackup {
  info: BackupInfo;
  /** Reads the file again (decrypting and validating) a batch at a time. */
  opened: OpenedBackup;
  /** Records per table in the backup. */
  counts: Record<TableName, number>;
  /** The primary keys of each table's records in the backup (for Replace all's deletions). */
  keys: Record<TableName, Set<string>>;
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

interface PassOptions {
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

/** Step 1: the header, without the passphrase. NOT_A_BACKUP, TRUNCATED, CORRUPTED, NEWER_VERSION. */
export function previewBackup(source: BackupSource): Promise<BackupInfo> {
  return readBackupHeader(source, { maxSchemaVersion: CURRENT_SCHEMA_VERSION });
}

function cancelled(): BackupError {
  return new BackupError('CANCELLED', backupErrorMessages.CANCELLED);
}

/** Each table's primary key, which the reader checks for repeats as the lines arrive. */
const TABLE_KEY_FIELDS: Readonly<Record<string, string>> = Object.fromEntries(
  TABLE_NAMES.map((name) => [name, TABLE_SPECS[name].key]),
);

function specOf(table: string): TableSpec {
  // The validators refuse any table this version does not know, so this cannot miss.
  if (!isTableName(table)) throw new BackupError('INVALID_RECORDS', `Unknown table ${table}.`);
  return TABLE_SPECS[table];
}

function keyOf(spec: TableSpec, record: Row): string {
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
  const keys = Object.fromEntries(TABLE_NAMES.map((name) => [name, new Set<string>()])) as Record<
    TableName,
    Set<string>
  >;
  // The reader checks each record's key as its line arrives (a file of one record repeated
  // fails at the second copy) and collects the keys here, for Replace all's deletions.
  const keySets = new Map<string, Set<string>>(TABLE_NAMES.map((name) => [name, keys[name]]));
  for await (const batch of opened.batches({
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'checking', done, total }),
    uniqueKeys: TABLE_KEY_FIELDS,
    keySets,
  })) {
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

/** "Session note 3 (id s1) belongs to a client who is neither on this computer nor in the backup." */
function unresolvedMessage(failure: RecordFailure, client: string, mode: RestoreMode): string {
  const where = `${TABLE_LABELS[failure.table as TableName] ?? failure.table}: record ${failure.index + 1}${failure.id ? ` (id ${failure.id})` : ''}`;
  const whose =
    mode === 'merge'
      ? 'is neither on this computer nor in the backup'
      : 'is not in the backup, and Replace all keeps nothing from this computer';
  return `This backup cannot be restored: ${where} belongs to a client (id ${client.slice(0, 80)}) who ${whose}. Nothing was restored; your records are unchanged.`;
}

/**
 * Every health history, note and after-effect must belong to a client after the restore: in the
 * backup, or (Merge) on this computer. The reason it cannot, or null.
 */
async function unresolvedReference(
  db: StillpointDatabase,
  loaded: LoadedBackup,
  mode: RestoreMode,
): Promise<string | null> {
  if (loaded.clientsOutsideFile.size === 0) return null;
  const clients = [...loaded.clientsOutsideFile.keys()];
  const here = mode === 'merge' ? await db.clients.bulkGet(clients) : [];
  for (const [i, client] of clients.entries()) {
    if (here[i] === undefined) return unresolvedMessage(loaded.clientsOutsideFile.get(client)!, client, mode);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Planning one batch with the shared planner. It wants { id, updatedAt } records: tables keyed
// otherwise (health histories by clientId, settings by key) or versioned by another time
// (reports, audit entries) travel wrapped.

interface Wrapped extends RestorableRecord {
  record: Row;
}

/** Tables whose records have no `updatedAt` of their own (or another key) travel wrapped. */
const STAMPED_OTHERWISE = new Set(['afterEffects', 'auditLog', 'intakeSubmissions', 'consents']);

function needsWrapper(spec: TableSpec): boolean {
  return !(spec.key === 'id' && !STAMPED_OTHERWISE.has(spec.name));
}

function toPlanItem(spec: TableSpec, record: Row): RestorableRecord {
  if (!needsWrapper(spec)) return record as unknown as RestorableRecord;
  const stamp = spec.stamp(record);
  return { id: keyOf(spec, record), updatedAt: typeof stamp === 'string' ? stamp : '', record } as Wrapped;
}

function fromPlanItem(spec: TableSpec, item: RestorableRecord): Row {
  return needsWrapper(spec) ? (item as Wrapped).record : (item as unknown as Row);
}

/** A stored row as the backup carries it (index-only fields left out), for comparing. */
function recordOfRow(spec: TableSpec, row: Row): Row {
  return spec.name === 'clients' ? spec.toBackup(row) : row;
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
  /** "Session 3, 2025-03-04, Marta Kowalska": enough to find both versions. */
  label: string;
}

/** A record of the backup that Merge leaves out, and why, in words. */
export interface NotAppliedView {
  table: TableName;
  id: string;
  /** "App lock" (a setting kept here) or "Audit entry of Session 3, 2025-03-04, Marta Kowalska". */
  label: string;
  why: 'history' | 'setting';
}

/** At most this many not-applied records are listed by name (all are counted). */
export const NOT_APPLIED_LISTED = 50;

export interface RestorePreview {
  mode: RestoreMode;
  tables: Record<TableName, TableChange>;
  totals: RestoreCounts & { current: number; incoming: number };
  conflicts: ConflictView[];
  /** Merge: settings kept as they are here, and history entries refused (the first few). */
  notApplied: NotAppliedView[];
  /** Why this mode cannot restore the file (a record's client is nowhere), or null. */
  refusal: string | null;
}

function emptyPreview(
  mode: RestoreMode,
  current: Record<string, number>,
  loaded: LoadedBackup,
): RestorePreview {
  const tables = {} as Record<TableName, TableChange>;
  for (const name of TABLE_NAMES) {
    tables[name] = {
      added: 0,
      updated: 0,
      unchanged: 0,
      keptCurrent: 0,
      deleted: 0,
      conflicts: 0,
      refused: 0,
      settingsKept: 0,
      current: current[name] ?? 0,
      incoming: loaded.counts[name],
    };
  }
  return { mode, tables, totals: totalsOf(tables), conflicts: [], notApplied: [], refusal: null };
}

function totalsOf(tables: Record<TableName, TableChange>): RestorePreview['totals'] {
  const totals = {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptCurrent: 0,
    deleted: 0,
    conflicts: 0,
    refused: 0,
    settingsKept: 0,
    current: 0,
    incoming: 0,
  };
  for (const name of TABLE_NAMES) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += tables[name][key];
  }
  return totals;
}

/** Client names for conflict labels: the backup's clients, then this computer's. */
class ClientNames {
  private readonly names = new Map<string, string>();

  remember(clients: readonly Row[]): void {
    for (const client of clients) {
      const name = `${String(client.firstName ?? '')} ${String(client.lastName ?? '')}`.trim();
      if (typeof client.id === 'string') this.names.set(client.id, name || 'Unnamed client');
    }
  }

  async nameOf(db: StillpointDatabase, clientId: string): Promise<string> {
    const known = this.names.get(clientId);
    if (known) return known;
    const row = (await db.clients.get(clientId)) as Row | undefined;
    if (row) this.remember([row]);
    return this.names.get(clientId) ?? 'an unknown client';
  }
}

async function conflictView(
  db: StillpointDatabase,
  conflict: RestoreConflict,
  names: ClientNames,
): Promise<ConflictView> {
  const note = conflict.current as unknown as Row;
  const number = typeof note.sessionNumber === 'number' ? `Session ${note.sessionNumber}` : 'A session note';
  const date = typeof note.serviceDate === 'string' && note.serviceDate ? `, ${note.serviceDate}` : '';
  const client = await names.nameOf(db, String(note.clientId));
  return {
    table: conflict.table as TableName,
    id: conflict.id,
    copyId: conflict.copyId,
    reason: conflict.reason,
    label: `${number}${date}, ${client}`,
  };
}

/**
 * Conflict copies already in the database, by the id they are a copy of: merging the same
 * backup twice must not add a second copy. There is no index on the field, so the table is
 * scanned, once, and only when a batch has a signed record that differs.
 */
class ExistingCopies {
  private byOriginal: Map<string, Row[]> | undefined;

  async of(db: StillpointDatabase, table: TableName, ids: readonly string[]): Promise<Row[]> {
    if (table !== 'sessions') return [];
    if (!this.byOriginal) {
      this.byOriginal = new Map();
      const copies = (await db.sessions
        .filter((row) => typeof row.conflictCopyOf === 'string')
        .toArray()) as Row[];
      for (const copy of copies) {
        const original = String(copy.conflictCopyOf);
        const list = this.byOriginal.get(original);
        if (list) list.push(copy);
        else this.byOriginal.set(original, [copy]);
      }
    }
    return ids.flatMap((id) => this.byOriginal?.get(id) ?? []);
  }

  add(copies: readonly Row[]): void {
    if (!this.byOriginal) return;
    for (const copy of copies) {
      const original = String(copy.conflictCopyOf);
      const list = this.byOriginal.get(original);
      if (list) list.push(copy);
      else this.byOriginal.set(original, [copy]);
    }
  }
}

interface MergedBatch {
  puts: Row[];
  counts: RestoreCounts;
  conflicts: RestoreConflict[];
  notApplied: { id: string; why: 'history' | 'setting'; record: Row }[];
  /** What Replace all would do with the same records: added, updated or unchanged. */
  replaceCounts: RestoreCounts;
}

/** Merge rules for one batch against the matching records here (see planTableRestore). */
async function mergeBatch(
  db: StillpointDatabase,
  spec: TableSpec,
  records: readonly Row[],
  copies: ExistingCopies,
  choices: { newId?: () => string; takeSettings?: boolean } = {},
): Promise<MergedBatch> {
  const keys = records.map((record) => record[spec.key] as string);
  const found = ((await db.table(spec.name).bulkGet(keys)) as (Row | undefined)[]).filter(
    (row): row is Row => row !== undefined,
  );
  const options = {
    mode: 'merge' as const,
    policy: policyOf(spec.name, STILLPOINT_MERGE_POLICIES),
    ...(choices.takeSettings ? { takeIncomingSettings: true } : {}),
    ...(choices.newId ? { newId: choices.newId } : {}),
  };
  const current = found.map((row) => toPlanItem(spec, recordOfRow(spec, row)));
  const incoming = records.map((record) => toPlanItem(spec, record));
  let conflicts: RestoreConflict[] = [];
  let plan = planTableRestore(spec.name, current, incoming, options, conflicts);
  if (plan.conflicts > 0) {
    // A signed record differs: look for a copy kept by an earlier merge before adding another.
    const kept = await copies.of(
      db,
      spec.name,
      found.map((row) => keyOf(spec, row)),
    );
    if (kept.length > 0) {
      conflicts = [];
      plan = planTableRestore(
        spec.name,
        [...current, ...kept.map((row) => toPlanItem(spec, row))],
        incoming,
        options,
        conflicts,
      );
    }
  }
  const replacePlan = planTableRestore(spec.name, current, incoming, { mode: 'replace' });
  const puts = plan.puts.map((item) => spec.toRow(fromPlanItem(spec, item)));
  copies.add(puts.filter((row) => typeof row.conflictCopyOf === 'string'));
  return {
    puts,
    counts: {
      added: plan.added,
      updated: plan.updated,
      unchanged: plan.unchanged,
      keptCurrent: plan.keptCurrent,
      deleted: 0,
      conflicts: plan.conflicts,
      refused: plan.refused,
      settingsKept: plan.settingsKept,
    },
    conflicts,
    replaceCounts: { ...replacePlan, deleted: 0 },
    notApplied: plan.notApplied.map(({ id, why }) => ({
      id,
      why,
      record: records.find((record) => keyOf(spec, record) === id)!,
    })),
  };
}

function addCounts(target: TableChange, counts: RestoreCounts): void {
  target.added += counts.added;
  target.updated += counts.updated;
  target.unchanged += counts.unchanged;
  target.keptCurrent += counts.keptCurrent;
  target.deleted += counts.deleted;
  target.conflicts += counts.conflicts;
  target.refused += counts.refused;
  target.settingsKept += counts.settingsKept;
}

/** Names of the settings a therapist knows; other keys are shown as they are. */
const SETTING_LABELS: Readonly<Record<string, string>> = {
  practice: 'Practice details',
  'handout-template': 'Aftercare handout text',
  safety: 'Safety rules',
  'app-lock': 'App lock (passcode and idle time)',
  'app-lock-failed-tries': 'App lock wrong tries',
  'sessions.signer': 'Name notes are signed with',
};

async function notAppliedViews(
  db: StillpointDatabase,
  spec: TableSpec,
  merged: MergedBatch,
  names: ClientNames,
  into: NotAppliedView[],
): Promise<void> {
  for (const { id, why, record } of merged.notApplied) {
    if (into.length >= NOT_APPLIED_LISTED) return;
    let label = SETTING_LABELS[id] ?? `Setting "${id}"`;
    if (why === 'history') {
      const what = spec.name === 'auditLog' ? 'Audit entry' : 'After-effect report';
      const client = await names.nameOf(db, String(record.clientId));
      const at = String(spec.name === 'auditLog' ? record.at : record.reportedAt);
      label = `${what} of ${at.slice(0, 10)}, ${client}`;
    }
    into.push({ table: spec.name, id, label, why });
  }
}

/**
 * What Merge and Replace all would change, read-only, in one more pass over the file: each batch
 * is compared with the records here that share its keys.
 */
export async function previewRestore(
  db: StillpointDatabase,
  loaded: LoadedBackup,
  options: PassOptions = {},
): Promise<{ merge: RestorePreview; replace: RestorePreview }> {
  const current = await countRecords(db);
  const merge = emptyPreview('merge', current, loaded);
  const replace = emptyPreview('replace', current, loaded);
  const names = new ClientNames();
  const copies = new ExistingCopies();
  let done = 0;
  const total = Object.values(loaded.counts).reduce((sum, n) => sum + n, 0);
  const matched = Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])) as Record<TableName, number>;
  for await (const batch of loaded.opened.batches(options.signal ? { signal: options.signal } : {})) {
    const spec = specOf(batch.table);
    const records = batch.records as Row[];
    if (spec.name === 'clients') names.remember(records);
    const merged = await mergeBatch(db, spec, records, copies, { newId: () => 'preview' });
    addCounts(merge.tables[spec.name], merged.counts);
    for (const conflict of merged.conflicts) merge.conflicts.push(await conflictView(db, conflict, names));
    await notAppliedViews(db, spec, merged, names, merge.notApplied);
    const { updated, unchanged } = merged.replaceCounts;
    addCounts(replace.tables[spec.name], { ...merged.replaceCounts, refused: 0, settingsKept: 0 });
    matched[spec.name] += updated + unchanged;
    done += records.length;
    options.onProgress?.({ phase: 'comparing', done, total });
  }
  for (const name of TABLE_NAMES)
    replace.tables[name].deleted = Math.max(0, (current[name] ?? 0) - matched[name]);
  merge.totals = totalsOf(merge.tables);
  replace.totals = totalsOf(replace.tables);
  merge.refusal = await unresolvedReference(db, loaded, 'merge');
  replace.refusal = await unresolvedReference(db, loaded, 'replace');
  return { merge, replace };
}

export interface RestoreOptions extends PassOptions {
  db: StillpointDatabase;
  loaded: LoadedBackup;
  mode: RestoreMode;
  /** Seals the safety backup before "Replace all" (the passphrase of the backup being restored). */
  passphrase: string;
  appVersion: string;
  /** Default: main's backupWrite. */
  writer?: BackupFileWriter;
  /** Merge: take the backup's settings instead of keeping this computer's (the user chose it). */
  takeSettings?: boolean;
  now?: () => Date;
  newId?: () => string;
}

export interface RestoreResult extends RestorePreview {
  /** Where the safety backup went ("Replace all" over existing records), else null. */
  safetyBackupPath: string | null;
  /** Records put or deleted. */
  written: number;
}

/** Refused before anything was written: the therapist-facing reason is the message. */
export class RestoreNotStartedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreNotStartedError';
  }
}

async function writeSafetyBackup(options: RestoreOptions, now: () => Date): Promise<string | null> {
  const { db, signal, onProgress } = options;
  const counts = await countRecords(db);
  if (Object.values(counts).every((n) => n === 0)) return null; // nothing to keep
  try {
    const saved = await saveBackup({
      db,
      passphrase: options.passphrase,
      appVersion: options.appVersion,
      automatic: false,
      // Main names it "Stillpoint backup before restore <date time>": kept, never pruned.
      kind: 'before-restore',
      writer: options.writer ?? platformBackupWriter,
      now,
      ...(signal ? { signal } : {}),
      onProgress: (progress) =>
        onProgress?.({ phase: 'safety-backup', done: progress.done, total: progress.total }),
    });
    return saved.path;
  } catch (error) {
    if (error instanceof BackupError && error.code === 'CANCELLED') throw error;
    throw new RestoreNotStartedError(
      `Replace all first saves a backup of your current records, and that failed: ${describeFailure(error, 'backup')} Nothing was restored; your records are unchanged.`,
    );
  }
}

/**
 * Step 3. Replace all writes a safety backup of the current records first (skipped when the
 * database is empty); if it cannot be written, nothing is restored. Then one transaction reads
 * the backup again batch by batch and writes it: Replace all puts every record and deletes what
 * the backup does not have; Merge compares each batch with the records here (newer wins, a
 * differing signed note is kept beside as a conflict copy). A crash, an error or a cancel leaves
 * the database as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { db, loaded, mode, signal, onProgress } = options;
  const now = options.now ?? (() => new Date());
  if (signal?.aborted) throw cancelled();
  // Replace all can be refused before its safety backup; Merge checks again inside the transaction.
  const refusal = mode === 'replace' ? await unresolvedReference(db, loaded, 'replace') : null;
  if (refusal) throw new RestoreNotStartedError(refusal);
  const safetyBackupPath = mode === 'replace' ? await writeSafetyBackup(options, now) : null;
  if (signal?.aborted) throw cancelled();

  const total = Object.values(loaded.counts).reduce((sum, n) => sum + n, 0);
  const tables = TABLE_NAMES.map((name) => db.table(name));
  const iterator = loaded.opened.batches(signal ? { signal } : {})[Symbol.asyncIterator]();
  try {
    return await db.transaction('rw', tables, async () => {
      const current = await countRecords(db);
      const result = emptyPreview(mode, current, loaded);
      if (mode === 'merge') {
        const unresolved = await unresolvedReference(db, loaded, 'merge');
        if (unresolved) throw new RestoreNotStartedError(unresolved);
      }
      const names = new ClientNames();
      const copies = new ExistingCopies();
      let written = 0;
      let done = 0;
      onProgress?.({ phase: 'writing', done: 0, total });
      // Decrypting and parsing is not IndexedDB work: waitFor keeps the transaction open while it
      // runs. The next batch is read while this one is written, so the two overlap.
      const readNext = () => {
        const next = Dexie.waitFor(Dexie.ignoreTransaction(() => iterator.next()));
        next.catch(() => {}); // a failure is thrown where it is awaited
        return next;
      };
      let upcoming = readNext();
      for (;;) {
        const step = await upcoming;
        if (step.done) break;
        if (signal?.aborted) throw cancelled();
        upcoming = readNext();
        const spec = specOf(step.value.table);
        const records = step.value.records as Row[];
        const table = db.table(spec.name);
        if (mode === 'replace') {
          await table.bulkPut(records.map(spec.toRow));
          result.tables[spec.name].added += records.length;
          written += records.length;
        } else {
          if (spec.name === 'clients') names.remember(records);
          const merged = await mergeBatch(db, spec, records, copies, {
            ...(options.newId ? { newId: options.newId } : {}),
            ...(options.takeSettings ? { takeSettings: true } : {}),
          });
          await notAppliedViews(db, spec, merged, names, result.notApplied);
          if (merged.puts.length > 0) await table.bulkPut(merged.puts);
          addCounts(result.tables[spec.name], merged.counts);
          for (const conflict of merged.conflicts)
            result.conflicts.push(await conflictView(db, conflict, names));
          written += merged.puts.length;
        }
        done += records.length;
        onProgress?.({ phase: 'writing', done, total });
      }
      if (mode === 'replace') {
        // What this computer has and the backup does not.
        for (const name of TABLE_NAMES) {
          if (signal?.aborted) throw cancelled();
          const keep = loaded.keys[name];
          const here = (await db.table(name).toCollection().primaryKeys()) as string[];
          const doomed = here.filter((key) => !keep.has(String(key)));
          if (doomed.length > 0) await db.table(name).bulkDelete(doomed);
          result.tables[name].deleted = doomed.length;
          written += doomed.length;
        }
      }
      result.totals = totalsOf(result.tables);
      return { ...result, safetyBackupPath, written };
    });
  } finally {
    await iterator.return?.(undefined);
  }
}
